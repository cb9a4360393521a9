"""The Qt layer: thin widgets over the ``reader.core`` facade."""
