"""Chinese fonts for the Qt layer (GB/T 9704 roles), so that the reader works on machines
without any CJK font and prints PDFs with embedded, extractable text.

The shipped faces in resources/fonts/ are OFL subsets (see resources/fonts/README.md)
made by tools/make_fonts.py.  A system face that really is 仿宋/楷体/黑体/小标宋 wins,
and every role falls back glyph by glyph to the shipped faces, the last of which (Noto Serif
CJK SC Regular) has every CJK Unified Ideograph of GB 18030 the source face has.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication

from reader.core import glyphs
from reader.resources import resource_path


ROLES = ("body", "heading1", "heading2", "title", "ui", "page_number")

SHIPPED = {
    "body": "Noto Serif CJK SC",  # no OFL 仿宋 exists; a Song serif is the closest match
    "heading1": "Noto Sans CJK SC",
    "heading2": "Gazette WenKai",
    "page_number": "Noto Serif CJK SC",  # a Song face  # renamed LXGW WenKai subset (楷体 style)
    "title": "Noto Serif CJK SC Black",  # heavy Song: the usual stand-in for 小标宋
    "ui": "Noto Sans CJK SC",
}
# The shipped face with the widest coverage: every role's last fallback.
FALLBACK = "Noto Serif CJK SC"
# What the print dialog calls the GB/T 9704 faces each role should have.
WANTED = {"body": "仿宋", "heading1": "黑体", "heading2": "楷体", "title": "小标宋", "page_number": "宋体"}
PRINT_ROLES = ("title", "body", "heading1", "heading2", "page_number")

# System faces that beat the shipped one for each role, best first.  Windows and
# macOS may list a face under its English or its Chinese name, so both are given.
PREFERRED = {
    "body": ("FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋",
             "SimSun", "宋体", "Songti SC", "STSong", "华文宋体",
             "Source Han Serif SC", "思源宋体"),
    "heading1": ("SimHei", "黑体", "STHeiti", "华文黑体", "Heiti SC",
                 "Microsoft YaHei", "微软雅黑"),
    "heading2": ("KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体", "Kaiti SC"),
    "title": ("FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    "page_number": ("SimSun", "宋体", "Songti SC", "STSong", "华文宋体"),
    "ui": ("Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB",
           "Source Han Sans SC", "思源黑体", "WenQuanYi Micro Hei", "文泉驿微米黑"),
}

_loaded: dict[str, int] = {}  # font file -> application font id
_roles: dict[str, str] = {}


def _base_name(family: str) -> str:
    # Qt appends " [foundry]" when two foundries share a family name.
    return re.sub(r" \[[^\]]*\]$", "", family)


@lru_cache(maxsize=1)
def _font_files() -> tuple[Path, ...]:
    # Listed once: every rendering asks for the roles (a directory listing each time, ~20 an open).
    return tuple(sorted(resource_path("fonts").glob("*.[ot]tf")))


def register_fonts() -> dict[str, str]:
    """Load the shipped fonts (once) and return role -> family.

    Needs a QGuiApplication.  Calling it again is cheap and returns the same mapping.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_fonts() needs a QGuiApplication")
    # Look at the system before our files are added: the shipped Noto names would
    # otherwise count as "installed".
    system = {_base_name(f).casefold() for f in QFontDatabase.families()} if not _loaded else None
    for path in _font_files():
        key = str(path)
        if key in _loaded and QFontDatabase.applicationFontFamilies(_loaded[key]):
            continue
        font_id = QFontDatabase.addApplicationFont(key)
        if font_id < 0:
            print(f"gazette-reader: could not load font {path}", file=sys.stderr)   # no logging: start-up cost
            continue
        _loaded[key] = font_id
    if system is not None:
        glyphs.set_system_check(can_show)
        for role in ROLES:
            found = next((f for f in PREFERRED[role] if f.casefold() in system), None)
            _roles[role] = found or SHIPPED[role]
    return dict(_roles)


def role_weight(role: str) -> QFont.Weight:
    """Normal everywhere: the 小标宋 stand-in is a heavy face of its own, not synthetic bold."""
    return QFont.Weight.Normal


def role_font(role: str, point_size: float | None = None, override: str = "") -> QFont:
    """A QFont for the role, falling back glyph by glyph to the shipped faces.

    ``override`` is a family name or a font file the user chose for this role (print settings).
    """
    families = css_families(role, override)
    font = QFont()
    font.setFamilies(families)
    font.setWeight(role_weight(role))
    if point_size:
        font.setPointSizeF(point_size)
    return font


def css_families(role: str, override: str = "") -> list[str]:
    chosen = register_fonts()[role]
    first = family_for(override) if override else None
    return list(dict.fromkeys(f for f in (first, chosen, SHIPPED[role], FALLBACK) if f))


_file_families: dict[str, str | None] = {}


def family_for(choice: str) -> str | None:
    """The family of a user's choice: a font file is loaded (once), a family name is kept as it is.
    None for a file that is missing or not a font."""
    if not choice:
        return None
    if not _looks_like_file(choice):
        return choice
    if choice not in _file_families:
        font_id = QFontDatabase.addApplicationFont(choice) if Path(choice).is_file() else -1
        names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _file_families[choice] = names[0] if names else None
    return _file_families[choice]


def _looks_like_file(choice: str) -> bool:
    return choice.lower().endswith((".ttf", ".otf", ".ttc", ".otc")) or "/" in choice or "\\" in choice


# The PREFERRED faces that really are the GB/T 9704 face of the role; the others (宋体 for 正文,
# 微软雅黑 for 黑体) are installed stand-ins, and the print dialog says so.
GENUINE = {
    "body": PREFERRED["body"][:6],
    "heading1": PREFERRED["heading1"][:5],
    "heading2": PREFERRED["heading2"],
    "title": PREFERRED["title"],
    "page_number": PREFERRED["page_number"],
}


def is_stand_in(role: str) -> bool:
    """True when no installed face of the GB/T 9704 kind was found for the role."""
    return register_fonts()[role] not in GENUINE.get(role, ())


def role_summary(overrides: dict[str, str] | None = None) -> dict[str, tuple[str, bool]]:
    """role -> (the family print uses first, whether it is a stand-in for the wanted face)."""
    out = {}
    for role in PRINT_ROLES:
        chosen = family_for((overrides or {}).get(role, ""))
        out[role] = (chosen, False) if chosen else (register_fonts()[role], is_stand_in(role))
    return out


_can_show: dict[str, bool] = {}


def can_show(ch: str) -> bool:
    """Whether any installed or shipped face has a glyph for ``ch`` (slow, so cached: asked only
    for the rare characters the shipped coverage list lacks)."""
    if ch not in _can_show:
        cp = ord(ch)
        _can_show[ch] = any(QFontMetrics(QFont(family)).inFontUcs4(cp) for family in QFontDatabase.families())
    return _can_show[ch]


def css_font_stack(role: str) -> str:
    """CSS font-family value, e.g. "'FangSong', 'Noto Serif CJK SC'".

    Single quotes, so it can go inside a double-quoted HTML style attribute.
    """
    return ", ".join(f"'{family}'" for family in css_families(role))
