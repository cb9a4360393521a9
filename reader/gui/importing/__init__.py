"""Bringing new issues into the library from the window (issue 7)."""
