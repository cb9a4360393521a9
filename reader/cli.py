"""The ``gazette-reader`` command. With no command it opens the window.

Only what a command needs is imported: Qt for the window, sqlite-utils for writes.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from . import __version__


def _parser():
    import argparse   # not on the window's path: the window reads its own two options
    from .cli_text import cli_language, speak_argparse_in, t
    speak_argparse_in(cli_language())
    p = argparse.ArgumentParser(prog="gazette-reader", description=t("description"))
    p.add_argument("--version", action="version", version=f"gazette-reader {__version__}")
    p.add_argument("--db", metavar=t("M_DB"), help=t("db"))
    p.add_argument("--self-test", action="store_true", help=t("self_test"))
    sub = p.add_subparsers(dest="command", title=t("commands"), metavar="{import,dump,build-db,bookmarks,bench}")

    imp = sub.add_parser("import", help=t("import"), description=t("import"))
    imp.add_argument("files", nargs="+", metavar=t("M_FILE"), help=t("files"))
    imp.add_argument("--db", dest="db_sub", metavar=t("M_DB"), help=t("db"))
    imp.add_argument("--replace", action="store_true", help=t("replace"))
    imp.add_argument("--dry-run", action="store_true", help=t("dry_run"))

    dump = sub.add_parser("dump", help=t("dump"), description=t("dump"))
    dump.add_argument("--db", dest="db_sub", metavar=t("M_DB"), help=t("db"))
    dump.add_argument("--as-of", dest="as_of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                      help=t("as_of"))

    build = sub.add_parser("build-db", help=t("build"), description=t("build"))
    build.add_argument("--sources", default=None, metavar=t("M_DIR"), help=t("sources"))
    build.add_argument("--out", default=None, metavar=t("M_DB"), help=t("out"))

    from .commands import register_extra_commands
    register_extra_commands(sub)
    return p


def _iso_date(text: str) -> str:
    import argparse
    import datetime
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        from .cli_text import t
        raise argparse.ArgumentTypeError(t("bad_date").format(text)) from None


def _db(args) -> Path:
    chosen = getattr(args, "db_sub", None) or args.db
    if chosen:
        return Path(chosen)
    from .core.userlibrary import ensure_user_library, take_notices
    path = ensure_user_library()
    from .cli_text import core, t
    for notice in take_notices():       # a damaged library was rebuilt: say what came back
        print(t("notice").format(core(notice)), file=sys.stderr)
    return path


def _db_for_reading() -> Path:
    """Without --db a dry run compares with the library the real import would write to."""
    from .core.userlibrary import library_for_reading
    return library_for_reading()


def cmd_import(args) -> int:
    from .core.errors import ImportRefused, StoreError
    from .core.import_report import dry_run
    from .core.importer import parse_file, store
    status = 0
    writer = None
    db = getattr(args, "db_sub", None) or args.db
    try:
        for f in args.files:
            try:
                if args.dry_run:      # the report only; nothing is opened for writing
                    from .cli_text import report_text
                    print(report_text(dry_run(f, db or _db_for_reading())))
                    continue
                parsed = parse_file(f)   # parse first: a refused file never creates or opens the library
                if writer is None:
                    from .core.store.writer import LibraryWriter
                    writer = LibraryWriter(_db(args))
                shorter = _shorter(parsed, writer.path) if args.replace else None
                n = store(writer, parsed, replace=args.replace)
                from .cli_text import core, t
                from .core.messages import Msg
                print(core(Msg("cli.imported", file=f, what=parsed.summary(), n=n)))
                for w in ([shorter] if shorter else []) + list(getattr(parsed.result, "warnings", ())):
                    print(t("note").format(core(w)))
            except ImportRefused as e:
                from .cli_text import core
                print(f"gazette-reader: {f}: {core(e)}", file=sys.stderr)
                status = 1
            except StoreError as e:
                from .cli_text import core
                print(f"gazette-reader: {core(e)}", file=sys.stderr)
                return 2
            except (OSError, sqlite3.Error) as e:    # the disk filled up or went read-only while writing
                if isinstance(e, BrokenPipeError):
                    raise
                from .core.userlibrary import _failure
                from .cli_text import core
                print(f"gazette-reader: {f}: {core(_failure(e, _db_path_hint(args)))}", file=sys.stderr)
                return 2
    finally:
        if writer is not None:
            try:
                writer.close()
            except (OSError, sqlite3.Error):
                pass
    return status


def _db_path_hint(args) -> Path | None:
    chosen = getattr(args, "db_sub", None) or args.db
    return Path(chosen) if chosen else None


def _shorter(parsed, db) -> str | None:
    """Said before a --replace puts a shorter text in place of the library's."""
    from .core.import_report import shorter_than_library
    from .core.library import Library
    if not Path(db).exists():
        return None
    lib = Library(db)
    try:
        return shorter_than_library(parsed.result, lib)
    finally:
        lib.close()


def cmd_dump(args) -> int:
    from .core.errors import StoreError
    from .core.library import Library
    try:
        lib = Library(_db(args))
    except StoreError as e:
        from .cli_text import core
        print(f"gazette-reader: {core(e)}", file=sys.stderr)
        return 2
    import json
    try:
        json.dump(lib.dump(getattr(args, "as_of", None)), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `dump | head` is fine
        sys.stderr.close()
    return 0


def cmd_build(args) -> int:
    if getattr(sys, "frozen", False) and not (args.sources and args.out):
        # The packaged reader carries no sources and must never write into its own folder.
        from .cli_text import t
        print(f"gazette-reader: {t('build_needs')}", file=sys.stderr)
        return 2
    from .core.build import build_library
    from .resources import data_path
    sources = Path(args.sources) if args.sources else data_path("sources")
    out = Path(args.out) if args.out else data_path("gazette.db")
    info = build_library(sources, out)
    from .cli_text import core
    from .core.messages import Msg
    print(core(Msg("cli.built", path=str(info["path"]), files=info["files"], documents=info["documents"],
                   build=info["build_id"][:12])))
    return 0


def _window_args(argv: list[str]):
    """The window's own options (--db, --self-test), read without argparse: it costs start-up time."""
    from types import SimpleNamespace
    args = SimpleNamespace(db=None, self_test=False, command=None)
    rest = list(argv)
    while rest:
        a = rest.pop(0)
        if a == "--self-test":
            args.self_test = True
        elif a == "--db" and rest:
            args.db = rest.pop(0)
        elif a.startswith("--db="):
            args.db = a[5:]
        else:
            return None     # anything else: the full parser decides (and explains errors)
    return args


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("GAZETTE_READER_PDF_CHILD"):      # started by the PDF reader: read one PDF, bounded
        from .core.parse.pdf import child_main
        return child_main()
    try:
        return _main(argv)
    except BrokenPipeError:
        # `gazette-reader import --dry-run … | head`: the reader of our output left; that is fine.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    fast = _window_args(argv)
    if fast is not None:
        from .gui.launch import run_gui
        return run_gui(fast)
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:   # `import --dry-run | head`: the reader of our output has had enough
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # no second error at exit
        return 0


def _run(args) -> int:
    if args.command == "import":
        return cmd_import(args)
    if args.command == "dump":
        return cmd_dump(args)
    if args.command == "build-db":
        return cmd_build(args)
    if args.command and hasattr(args, "run"):
        return args.run(args)
    from .gui.launch import run_gui
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
