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
