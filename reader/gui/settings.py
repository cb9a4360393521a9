"""Preferences declared once, and window state kept apart from them.

Both live in ``settings.ini`` in the user's data folder (not the registry or
~/.config), so a profile moves as one folder. Unknown keys are ignored and
reported; a value of the wrong type falls back to its default.
"""
from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from ..core.location import Location
from ..core.paths import user_data_dir

THEMES = ("light", "sepia", "dark")
LANGUAGES = ("zh_CN", "en")
ZOOM_RANGE = (50, 300)


class Preferences(NamedTuple):
    theme: str = "light"
    zoom: int = 100            # percent of the GB/T 9704 sizes (body 16 pt)
    language: str = "zh_CN"
    split: bool = True         # policy and interpretation side by side

    def valid(self) -> "Preferences":
        p = self
        if p.theme not in THEMES:
            p = p._replace(theme="light")
        if p.language not in LANGUAGES:
            p = p._replace(language="zh_CN")
        return p._replace(zoom=min(max(p.zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1]))


def open_settings(path=None) -> QSettings:
    return QSettings(str(path or user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def load_preferences(s: QSettings) -> tuple[Preferences, list[str]]:
    """(preferences, problems): problems name unknown keys and bad values."""
    problems: list[str] = []
    known = set(Preferences._fields)
    values = {}
    s.beginGroup("preferences")
    for key in s.childKeys():
        if key not in known:
            problems.append(f"unknown preference {key!r} ignored")
            continue
        raw = s.value(key)
        default = getattr(Preferences(), key)
        try:
            if isinstance(default, bool):
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            elif isinstance(default, int):
                value = int(raw)
            else:
                value = str(raw)
            values[key] = value
        except (TypeError, ValueError):
            problems.append(f"bad value for {key!r} ignored")
    s.endGroup()
    return Preferences(**values).valid(), problems


def save_preferences(s: QSettings, p: Preferences) -> None:
    s.beginGroup("preferences")
    for name in Preferences._fields:
        s.setValue(name, getattr(p, name))
    s.endGroup()
    s.sync()


class WindowState:
    """Geometry, dock and splitter layout, and where the reader was: not preferences."""

    def __init__(self, s: QSettings):
        self.s = s

    def save_bytes(self, key: str, data: QByteArray) -> None:
        self.s.setValue(f"window/{key}", data)

    def bytes(self, key: str) -> QByteArray | None:
        v = self.s.value(f"window/{key}")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def save_number(self, key: str, value: float) -> None:
        self.s.setValue(f"window/{key}", float(value))

    def number(self, key: str) -> float | None:
        try:
            v = float(self.s.value(f"window/{key}"))
        except (TypeError, ValueError):
            return None
        return v if v == v else None   # not NaN

    def save_location(self, loc: Location | None) -> None:
        self.s.setValue("session/location", loc.to_url() if loc else "")
        self.s.sync()

    def location(self) -> Location | None:
        v = self.s.value("session/location")
        return Location.from_url(v) if isinstance(v, str) and v else None
