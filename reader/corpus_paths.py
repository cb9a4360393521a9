"""Where the real corpora are: ``$GAZETTE_CORPUS`` or ``../shared/corpus`` beside the checkout.

They come from public repositories and are never part of the project; tests and
the benchmark read them when present and say plainly when they are not.
"""
from __future__ import annotations

import os
from pathlib import Path

ENV = "GAZETTE_CORPUS"
REPO = Path(__file__).resolve().parent.parent


def corpus_root() -> Path:
    override = os.environ.get(ENV)
    return Path(override) if override else REPO.parent / "shared" / "corpus"


def corpus_dir(name: str) -> Path | None:
    """The folder of one corpus (``govcn``, ``local``), or None when it is absent."""
    d = corpus_root() / name
    return d if d.is_dir() and any(d.glob("*.txt")) else None


def missing_reason(name: str) -> str:
    return f"real corpus '{name}' not found at {corpus_root() / name} (set {ENV} to its parent folder)"
