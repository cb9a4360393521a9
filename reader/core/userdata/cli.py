"""``gazette-reader bookmarks export|import`` (declared in reader/commands.py).

Exit 0 when done, 1 when refused; a refusal is one line on stderr and changes nothing.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..errors import StoreError


def _say(message: str) -> None:
    print(f"gazette-reader: {message}", file=sys.stderr)


def _open_store():
    from .store import open_user_data
    opened = open_user_data()
    if opened.notice:
        print(f"提示：{opened.notice}", file=sys.stderr)
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
            print(f"提示：{notice}", file=sys.stderr)
        return lib
    except Exception as e:  # noqa: BLE001 - any failure only means less citation information
        print(f"提示：无法打开公报库（{e}），引文信息从简", file=sys.stderr)
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
    from .exchange import export_text, format_for
    fmt = format_for(args.file, args.format)
    try:
        store = _open_store()
    except StoreError as e:
        _say(str(e))
        return 1
    library = _library(args.db_sub)
    try:
        text = export_text(fmt, store, library)
        count = len(store.all_bookmarks()) if fmt == "json" else len(store.bookmarks())
        _write_atomically(Path(args.file), text)
    except OSError as e:
        _say(f"无法写入 {args.file}：{e.strerror or e}")
        return 1
    except StoreError as e:
        _say(str(e))
        return 1
    finally:
        store.close()
        if library is not None:
            library.close()
    print(f"已导出 {count} 条书签到 {args.file}（{fmt}）")
    return 0


def _read_limited(path: str, limit: int) -> bytes:
    """A regular file's bytes, refused past ``limit`` (never read a device or a pipe to its end)."""
    import stat
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(0, "不是普通文件")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(0, f"文件过大（上限 {limit // 1048576} MB）")
    return data


def run_import(args) -> int:
    from .anchoring import reanchor_all
    from .exchange import MAX_FILE_BYTES, ExchangeRefused, decode_file, parse_export
    try:
        data = _read_limited(args.file, MAX_FILE_BYTES)
    except OSError as e:
        _say(f"{args.file}: 无法读取：{e.strerror or e}")
        return 1
    try:
        marks, reads = parse_export(decode_file(data))   # all checked before the user data is opened
    except ExchangeRefused as e:
        _say(f"{args.file}: {e}")
        return 1
    try:
        store = _open_store()
    except StoreError as e:
        _say(str(e))
        return 1
    try:
        try:
            report = store.merge(marks, reads)
        except (ValueError, StoreError) as e:    # the merge checks again; nothing was written
            _say(f"{args.file}: {e}")
            return 1
        library = _library(args.db_sub)
        if library is not None:
            try:
                reanchor_all(store, library)
            except StoreError as e:              # imported; finding the passages again can wait
                print(f"提示：书签已导入，但未能重新定位：{e}", file=sys.stderr)
            finally:
                library.close()
    finally:
        store.close()
    print(f"已导入 {args.file}：{report.summary()}")
    return 0
