"""Freelance earnings and goal tracker: all logic, importable without Streamlit."""
