"""Full-text search of the library (Qt-free)."""
