"""The Qt-free core: domain model, parsing, storage, search and user data."""
