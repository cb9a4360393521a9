"""Refresh the Chinese translation of the interface.

    .venv/bin/python tools/update_translations.py

1. pyside6-lupdate collects every tr()/translate() string of reader/gui into
   resources/i18n/gazette_reader_zh_CN.ts, keeping existing translations;
2. pyside6-lrelease compiles it to the .qm file the reader loads at start;
3. the same for gazette_reader_en.ts, plural forms only (English needs "1 document" /
   "2 documents" from one tr("%n document(s)", "", n)); its forms are filled in here
   from the source text, so there is nothing to translate by hand.

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
EN = TS.with_name("gazette_reader_en.ts")


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "reader" / "gui").rglob("*.py"))


def lupdate(ts: Path, *extra: str) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    *extra], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True,
                   capture_output=True)


def english_forms(source: str) -> tuple[str, str]:
    """("%n document", "%n documents") from "%n document(s)"; text without "(s)" keeps one form."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill_english(ts: Path) -> None:
    import xml.etree.ElementTree as ET
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "en")
    for m in root.iter("message"):
        if m.get("numerus") != "yes":
            continue
        t = m.find("translation")
        for f in list(t):
            t.remove(f)
        t.attrib.pop("type", None)
        for form in english_forms(m.find("source").text):
            ET.SubElement(t, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    lupdate(TS)
    lrelease()
    lupdate(EN, "-pluralonly", "-target-language", "en")
    fill_english(EN)
    lrelease(EN)
    print(f"updated {TS.relative_to(ROOT)}, {EN.relative_to(ROOT)} and their .qm files")
