"""Bookmarks and annotated passages in the window (the data lives in reader.core.userdata)."""
