"""Where user files live: the platform's application-data folder, or $GAZETTE_READER_DATA.

Computed without Qt (the core must not import it); the folders match what
QStandardPaths.AppDataLocation gives for this application on each platform.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENV = "GAZETTE_READER_DATA"
APP_DIR = "gazette-reader"


def user_data_dir(create: bool = True) -> Path:
    override = os.environ.get(ENV)
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_DIR
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR
    if create:
        base.mkdir(parents=True, exist_ok=True)
    return base


def user_library_path() -> Path:
    """The writable content library: shipped issues plus the user's imports."""
    return user_data_dir() / "library.db"


def user_db_path() -> Path:
    """Bookmarks, notes, reading positions."""
    return user_data_dir() / "user.db"
