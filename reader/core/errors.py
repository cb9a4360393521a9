"""The importer's own error: one line a person can act on."""


class ImportRefused(Exception):
    """The input cannot be imported; nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class StoreError(Exception):
    """A library or user database cannot be used as asked."""
