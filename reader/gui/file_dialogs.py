"""Where file dialogs open: the user's documents folder the first time, then the folder
used last (remembered in settings.ini), never the program's working directory."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

_KEY = "dialogs/last_folder"


def documents_folder() -> str:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def _settings(settings: QSettings | None) -> QSettings:
    if settings is not None:
        return settings
    from .settings import open_settings
    return open_settings()


def start_folder(settings: QSettings | None = None) -> str:
    last = _settings(settings).value(_KEY)
    if isinstance(last, str) and last and Path(last).is_dir():
        return last
    return documents_folder()


def start_path(settings: QSettings | None, file_name: str) -> str:
    """For a save dialog: a suggested name in the start folder."""
    return str(Path(start_folder(settings)) / file_name)


def remember(settings: QSettings | None, chosen: str | list[str]) -> None:
    """Call with what the user picked (a path or several): their folder is where the next dialog opens."""
    first = chosen[0] if isinstance(chosen, list) and chosen else chosen
    if isinstance(first, str) and first:
        s = _settings(settings)
        s.setValue(_KEY, str(Path(first).parent))
        s.sync()
