"""Commands beyond import, dump and build-db.

Each command is declared here with ``set_defaults(run=...)``; the run function
imports its feature module only when the command is used, so ``--help`` and the
window's start-up never pay for it.
"""
from __future__ import annotations


def _bookmarks_export(args) -> int:
    from .core.userdata.cli import run_export
    return run_export(args)


def _bookmarks_import(args) -> int:
    from .core.userdata.cli import run_import
    return run_import(args)


def _bench(args) -> int:
    from .bench import main
    return main(args)


def register_extra_commands(sub) -> None:
    bm = sub.add_parser("bookmarks", help="导出或导入书签与批注")
    bsub = bm.add_subparsers(dest="bookmarks_command", required=True)
    ex = bsub.add_parser("export", help="导出书签（json、md 或 html）")
    ex.add_argument("file")
    ex.add_argument("--format", choices=["json", "md", "html"], default=None,
                    help="默认按文件扩展名，否则 json")
    ex.add_argument("--db", dest="db_sub", help="公报库（用于引文信息）")
    ex.set_defaults(run=_bookmarks_export)
    im = bsub.add_parser("import", help="导入书签文件并合并（不重复，较新的修改为准）")
    im.add_argument("file")
    im.add_argument("--db", dest="db_sub", help="公报库（用于重新定位）")
    im.set_defaults(run=_bookmarks_import)

    bench = sub.add_parser("bench", help="性能基准：构建大库并测量检索与首帧耗时")
    bench.add_argument("--issues", type=int, default=240)
    bench.add_argument("--out", default=None, help="基准库位置（默认临时目录）")
    bench.add_argument("--keep", action="store_true", help="保留生成的基准库")
    bench.add_argument("--paint-runs", type=int, default=15, help="首帧测量的轮数（与空窗口交替，默认 15）")
    bench.add_argument("--library", default=None, help="测量已建好的基准库（不再构建）")
    bench.set_defaults(run=_bench)
