"""Commands beyond import, dump and build-db.

Each command is declared here with ``set_defaults(run=...)``; the run function
imports its feature module only when the command is used, so ``--help`` and the
window's start-up never pay for it.
"""
from __future__ import annotations


def _bookmarks_export(args) -> int:
    from .cli_text import cli_language
    from .core.userdata.cli import run_export
    args.lang = cli_language()          # core messages follow the run's language
    return run_export(args)


def _bookmarks_import(args) -> int:
    from .cli_text import cli_language
    from .core.userdata.cli import run_import
    args.lang = cli_language()
    return run_import(args)


def _bench(args) -> int:
    from .bench import main
    return main(args)


def register_extra_commands(sub) -> None:
    from .cli_text import t
    bm = sub.add_parser("bookmarks", help=t("bookmarks"), description=t("bookmarks"))
    bsub = bm.add_subparsers(dest="bookmarks_command", required=True, title=t("commands"), metavar="{export,import}")
    ex = bsub.add_parser("export", help=t("bm_export"), description=t("bm_export"))
    ex.add_argument("file", metavar=t("M_FILE"), help=t("bm_file_out"))
    ex.add_argument("--format", choices=["json", "md", "html"], default=None, help=t("bm_format"))
    ex.add_argument("--db", dest="db_sub", metavar=t("M_DB"), help=t("bm_db_cite"))
    ex.set_defaults(run=_bookmarks_export)
    im = bsub.add_parser("import", help=t("bm_import"), description=t("bm_import"))
    im.add_argument("file", metavar=t("M_FILE"), help=t("bm_file_in"))
    im.add_argument("--db", dest="db_sub", metavar=t("M_DB"), help=t("bm_db_anchor"))
    im.set_defaults(run=_bookmarks_import)

    bench = sub.add_parser("bench", help=t("bench"), description=t("bench"))
    bench.add_argument("--issues", type=int, default=240, metavar=t("M_N"), help=t("bench_issues"))
    bench.add_argument("--out", default=None, metavar=t("M_DIR"), help=t("bench_out"))
    bench.add_argument("--keep", action="store_true", help=t("bench_keep"))
    bench.add_argument("--paint-runs", type=int, default=15, metavar=t("M_N"), help=t("bench_runs"))
    bench.add_argument("--library", default=None, metavar=t("M_DB"), help=t("bench_library"))
    bench.set_defaults(run=_bench)
