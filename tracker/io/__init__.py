"""Data in and out: CSV export, backup, importers."""
