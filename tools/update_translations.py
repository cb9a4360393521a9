"""Refresh the Chinese translation of the interface.

    .venv/bin/python tools/update_translations.py

1. pyside6-lupdate collects every tr()/translate() string of reader/gui into
   resources/i18n/gazette_reader_zh_CN.ts, keeping existing translations;
2. pyside6-lrelease compiles it to the .qm file the reader loads at start.

Translate new strings in between with Qt Linguist (pyside6-linguist) or any
editor; a test fails while a string has no translation.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "gazette_reader_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader" / "gui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease() -> None:
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True, capture_output=True)


if __name__ == "__main__":
    lupdate(TS)
    lrelease()
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
