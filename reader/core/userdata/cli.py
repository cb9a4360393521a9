"""``gazette-reader bookmarks export|import`` (declared in reader/commands.py).

Exit 0 when done, 1 when refused; a refusal is one line on stderr and changes nothing.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..errors import StoreError
from ..messages import Msg, render

# The run's language ("zh_CN" or "en"), set by the command from the locale (reader/commands.py).
_LANG = ["zh_CN"]


def _text(message) -> str:
    """A message, a Msg-carrying exception or plain text, in the run's language."""
    if isinstance(message, BaseException) and message.args and isinstance(message.args[0], str):
        message = message.args[0]
    return render(message, _LANG[0])


def _say(message) -> None:
    print(f"gazette-reader: {_text(message)}", file=sys.stderr)


def _note(message) -> None:
    print(_text(Msg("cli.note", text=message)), file=sys.stderr)


def _open_store():
    from .store import open_user_data
    opened = open_user_data()
    if opened.notice:
        _note(opened.notice)
    return opened.store


def _library(db_sub: str | None):
    """The content library for citations and re-anchoring, or None: bookmarks work without it."""
    try:
        from ..library import Library
        if db_sub:
            return Library(Path(db_sub))
        from ..userlibrary import ensure_user_library, take_notices
        lib = Library(ensure_user_library())
        for notice in take_notices():
            _note(notice)
        return lib
    except Exception as e:  # noqa: BLE001 - any failure only means less citation information
        _note(Msg("bookmarks.no_library", error=e.args[0] if e.args and isinstance(e.args[0], str) else str(e)))
        return None


def _write_atomically(path: Path, text: str) -> None:
    """A half-written export must never replace a good one."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_export(args) -> int:
    _LANG[0] = getattr(args, "lang", "zh_CN")
    from .exchange import export_text, format_for
    fmt = format_for(args.file, args.format)
    try:
        store = _open_store()
    except StoreError as e:
        _say(e)
        return 1
    library = _library(args.db_sub)
    try:
        text = export_text(fmt, store, library, language=_LANG[0])
        count = len(store.all_bookmarks()) if fmt == "json" else len(store.bookmarks())
        _write_atomically(Path(args.file), text)
    except OSError as e:
        _say(Msg("bookmarks.cannot_write", file=args.file, error=str(e.strerror or e)))
        return 1
    except StoreError as e:
        _say(e)
        return 1
    finally:
        store.close()
        if library is not None:
            library.close()
    print(_text(Msg("bookmarks.exported", n=count, file=args.file, format=fmt)))
    return 0


def _read_limited(path: str, limit: int) -> bytes:
    """A regular file's bytes, refused past ``limit`` (never read a device or a pipe to its end)."""
    import stat
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(0, Msg("bookmarks.not_regular"))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(0, Msg("bookmarks.file_too_big", limit=limit // 1048576))
    return data


def run_import(args) -> int:
    _LANG[0] = getattr(args, "lang", "zh_CN")
    from .anchoring import reanchor_all
    from .exchange import MAX_FILE_BYTES, ExchangeRefused, decode_file, parse_export
    try:
        data = _read_limited(args.file, MAX_FILE_BYTES)
    except OSError as e:
        _say(Msg("bookmarks.cannot_read", file=args.file, error=e.strerror or str(e)))
        return 1
    try:
        marks, reads = parse_export(decode_file(data))   # all checked before the user data is opened
    except ExchangeRefused as e:
        _say(f"{args.file}: {_text(e)}")
        return 1
    try:
        store = _open_store()
    except StoreError as e:
        _say(e)
        return 1
    try:
        try:
            report = store.merge(marks, reads)
        except (ValueError, StoreError) as e:    # the merge checks again; nothing was written
            _say(f"{args.file}: {_text(e)}")
            return 1
        library = _library(args.db_sub)
        if library is not None:
            try:
                reanchor_all(store, library)
            except StoreError as e:              # imported; finding the passages again can wait
                _note(Msg("bookmarks.not_reanchored", error=e.args[0] if e.args else str(e)))
            finally:
                library.close()
    finally:
        store.close()
    print(_text(Msg("bookmarks.imported", file=args.file, summary=report.summary())))
    return 0
