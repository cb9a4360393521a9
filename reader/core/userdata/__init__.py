"""The user's own data, apart from the content library: bookmarks with notes, 圈阅 marks,
reading positions (``user.db``; see ``store`` for the API, ``migrations`` for the schema).

Importing this package loads no Qt and no ``markdown`` (notes render on first use).
"""
from .bookmarks import (ATTACHED, DEFAULT_COLOR, DETACHED, INSTRUCTION, MOVED, NOTE, NOTE_TYPE_LABELS, NOTE_TYPES,
                        STATUS_LABELS, TODO, Anchor, Bookmark, Change, ImportReport, ReadMark, TagCount)
from .errors import DiskFull, ReadOnly, UserDataError
from .store import BookmarkNotFound, OpenedUserData, UserData, open_user_data

__all__ = [
    "ATTACHED", "DEFAULT_COLOR", "DETACHED", "INSTRUCTION", "MOVED", "NOTE", "NOTE_TYPE_LABELS", "NOTE_TYPES",
    "STATUS_LABELS", "TODO", "Anchor", "Bookmark", "BookmarkNotFound", "Change", "ImportReport", "OpenedUserData",
    "ReadMark", "TagCount", "UserData", "open_user_data", "UserDataError", "DiskFull", "ReadOnly",
]
