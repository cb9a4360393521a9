"""The content library on disk (SQLite)."""
