"""The core's messages (importer notes, refusals, status words) in the interface's language.

Every widget that shows text the Qt-free core produced passes it through ``say``: the
language is the one the installed translation speaks, so the window never mixes two."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.messages import EN, ZH, render


def ui_language() -> str:
    """"zh_CN" when the Chinese translation is installed, else "en" (the source strings)."""
    # Translated "zh_CN" in the Chinese .ts; any other translation (or none) leaves it "en".
    code = QCoreApplication.translate("CoreText", "en", "the interface language's code: zh_CN in Chinese")
    return ZH if code == ZH else EN


def say(text) -> str:
    """A core message (a Msg, an exception raised with one, or text stored before) for the window."""
    if isinstance(text, BaseException):
        text = text.args[0] if text.args and isinstance(text.args[0], str) else str(text)
    return render(text, ui_language())


_CORE_ERRORS = {"ImportRefused", "StoreError", "ExchangeRefused", "UserDataError", "DiskFull", "ReadOnly",
                "UserDataTooNew", "PageRangeError"}


def say_failure(message: str) -> str:
    """A worker's failure ("ImportRefused: 文件为空：…" and a traceback) as its first line, the
    exception's name taken off when it is one of the core's errors, in the interface's language."""
    first = message.split("\n", 1)[0]
    name, sep, rest = first.partition(": ")
    if sep and name in _CORE_ERRORS:
        first = rest
    return say(first)
