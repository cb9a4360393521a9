"""Word boundaries in Chinese text, for breaking titles only between words (GB/T 9704: 词意完整).

jieba's dictionary segmentation (no HMM, so unknown strings are never glued into guessed words),
loaded on first use: it reads only its bundled dict.txt (offline) and takes about half a second
the first time.  Without jieba every position counts as a boundary and the title breaker falls
back on its phrase rules.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache

_lock = threading.Lock()
_tokenizer = None


def _get():
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            try:
                import jieba
            except ImportError:              # a source checkout without the dependency
                _tokenizer = False
            else:
                jieba.setLogLevel(logging.WARNING)
                _tokenizer = jieba.Tokenizer()
                _tokenizer.initialize()
        return _tokenizer


def available() -> bool:
    return bool(_get())


def warm_up() -> None:
    """Load the dictionary now (e.g. on a worker thread before the first title is set)."""
    _get()


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    tok = _get()
    if not tok:
        return tuple(text)
    return tuple(tok.cut(text, HMM=False))


def boundaries(text: str) -> set[int]:
    """Offsets where a word ends (0 and len(text) included)."""
    out = {0}
    pos = 0
    for w in words(text):
        pos += len(w)
        out.add(pos)
    return out


# Single-character words that may stand at a line end / a line start: function words, and the
# counters that close a number ("2019年").  Any other single character (性 区 村 大 小 名 …) is a
# prefix or suffix jieba did not join, and a break beside it splits a word in the reader's eye.
_MAY_END = set("的和及与或并对在于为向等年号届次批项期")
_MAY_START = set("对在为向把将由从以和及与或并暨")
# Words after which a title may always break (the next word may be a name jieba cut into
# characters: 关于|张|卫|阳|同志), and words before which it may.
_PHRASE_END = {"关于", "印发", "转发", "批转", "同意", "对", "给予", "的", "和", "及", "与", "、"}
_PHRASE_START = {"关于", "同志", "的", "《", "“", "（"}


def good_breaks(text: str) -> set[int]:
    """Word boundaries where a title may break: not next to a lone prefix or suffix character."""
    ws = words(text)
    out = set()
    pos = 0
    for before, after in zip(ws, ws[1:]):
        pos += len(before)
        strong = before in _PHRASE_END or after in _PHRASE_START
        if not strong and (_lone(before, _MAY_END) or _lone(after, _MAY_START)):
            continue
        out.add(pos)
    return out


def _lone(word: str, allowed: set[str]) -> bool:
    return len(word) == 1 and "\u3400" <= word <= "\u9fff" and word not in allowed
