"""The user-data API's own errors: callers (the window, the CLI) catch these, never sqlite3's.

Every failed save rolls back first, so when one of these is raised nothing was changed.
"""
from __future__ import annotations

import errno
import sqlite3

from ..errors import StoreError
from ..messages import Msg

_SQLITE_FULL = 13
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14


class UserDataError(StoreError):
    """Reading or saving user data failed; what was being saved was not saved."""


class DiskFull(UserDataError):
    """The disk (or the user's quota) is full."""


class ReadOnly(UserDataError):
    """The data folder or user.db cannot be written."""


def translate(e: BaseException, path=None) -> UserDataError:
    """The user-data error for a sqlite3 or OS error, with one line for a person."""
    where = Msg("userdata.where", path=str(path)) if path else ""
    code = (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(e).lower()
    if code == _SQLITE_FULL or "disk is full" in text or getattr(e, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(Msg("userdata.disk_full", where=where))
    if code == _SQLITE_READONLY or "readonly" in text or "read-only" in text or \
            getattr(e, "errno", None) in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnly(Msg("userdata.read_only", where=where))
    return UserDataError(Msg("userdata.failed", where=where, error=str(e)))
