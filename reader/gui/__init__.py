"""The Qt layer: thin widgets over the ``reader.core`` facade."""

# The window's size on a first start (no saved geometry). The bench's bare window takes the same
# size: a window's backing store (~5 MB at this size) is part of the memory both are measured at.
DEFAULT_WINDOW_SIZE = (1440, 900)
