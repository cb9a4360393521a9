"""Chinese fonts for the Qt layer (GB/T 9704 roles), so that the reader works on machines
without any CJK font and prints PDFs with embedded, extractable text.

The shipped faces in resources/fonts/ are OFL subsets (see resources/fonts/README.md)
made by tools/make_fonts.py.  A system face that really is 仿宋/楷体/黑体/小标宋 wins,
because the subsets only cover GB 2312 plus the characters of the bundled corpus.
"""
from __future__ import annotations

import re
import sys

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from reader.resources import resource_path


ROLES = ("body", "heading1", "heading2", "title", "ui")

SHIPPED = {
    "body": "Noto Serif CJK SC",  # no OFL 仿宋 exists; a Song serif is the closest match
    "heading1": "Noto Sans CJK SC",
    "heading2": "Gazette WenKai",  # renamed LXGW WenKai subset (楷体 style)
    "title": "Noto Serif CJK SC",  # drawn Bold: stands in for 小标宋
    "ui": "Noto Sans CJK SC",
}

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
    "ui": ("Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB",
           "Source Han Sans SC", "思源黑体", "WenQuanYi Micro Hei", "文泉驿微米黑"),
}

_loaded: dict[str, int] = {}  # font file -> application font id
_roles: dict[str, str] = {}


def _base_name(family: str) -> str:
    # Qt appends " [foundry]" when two foundries share a family name.
    return re.sub(r" \[[^\]]*\]$", "", family)


def register_fonts() -> dict[str, str]:
    """Load the shipped fonts (once) and return role -> family.

    Needs a QGuiApplication.  Calling it again is cheap and returns the same mapping.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_fonts() needs a QGuiApplication")
    # Look at the system before our files are added: the shipped Noto names would
    # otherwise count as "installed".
    system = {_base_name(f).casefold() for f in QFontDatabase.families()} if not _loaded else None
    for path in sorted(resource_path("fonts").glob("*.[ot]tf")):
        key = str(path)
        if key in _loaded and QFontDatabase.applicationFontFamilies(_loaded[key]):
            continue
        font_id = QFontDatabase.addApplicationFont(key)
        if font_id < 0:
            print(f"gazette-reader: could not load font {path}", file=sys.stderr)   # no logging: start-up cost
            continue
        _loaded[key] = font_id
    if system is not None:
        for role in ROLES:
            found = next((f for f in PREFERRED[role] if f.casefold() in system), None)
            _roles[role] = found or SHIPPED[role]
    return dict(_roles)


def role_weight(role: str) -> QFont.Weight:
    """Bold only where the shipped Noto Serif Bold stands in for 小标宋."""
    if role == "title" and register_fonts()["title"] == SHIPPED["title"]:
        return QFont.Weight.Bold
    return QFont.Weight.Normal


def role_font(role: str, point_size: float | None = None) -> QFont:
    """A QFont for the role, falling back glyph by glyph to the shipped face."""
    families = css_families(role)
    font = QFont()
    font.setFamilies(families)
    font.setWeight(role_weight(role))
    if point_size:
        font.setPointSizeF(point_size)
    return font


def css_families(role: str) -> list[str]:
    chosen = register_fonts()[role]
    return list(dict.fromkeys((chosen, SHIPPED[role])))


def css_font_stack(role: str) -> str:
    """CSS font-family value, e.g. "'FangSong', 'Noto Serif CJK SC'".

    Single quotes, so it can go inside a double-quoted HTML style attribute.
    """
    return ", ".join(f"'{family}'" for family in css_families(role))
