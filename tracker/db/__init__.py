"""Engine, sessions, SQLite pragmas, Alembic at start."""
