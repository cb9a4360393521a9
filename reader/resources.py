"""One lookup for shipped files, from a source checkout or inside a PyInstaller bundle.

Shipped files are read-only: nothing is ever written below ``app_root()``.
"""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds ``resources/`` and ``data/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller unpacks (or places) data files here
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def data_path(*parts: str) -> Path:
    return app_root().joinpath("data", *parts)


def default_library() -> Path:
    return data_path("gazette.db")
