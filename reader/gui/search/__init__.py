"""Search in the window (the engine lives in reader.core.search)."""
