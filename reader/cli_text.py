"""The command line's words, in one language per run.

The language follows ``GAZETTE_READER_LANG`` or the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``): English for an English locale, Chinese otherwise, as the window defaults to
Chinese. argparse's own words ("usage:", "options", its error messages) are given in the
same language, so help and errors never mix the two.
"""
from __future__ import annotations

import os

# key: (Chinese, English)
TEXT = {
    "description": ("政府公报阅读器：离线阅读、检索、打印政府公报。不带命令时打开窗口。",
                    "Gazette Reader: read, search and print government gazettes offline. "
                    "Without a command it opens the window."),
    "db": ("公报库文件（默认：用户数据目录中的公报库，首次运行时由随附的公报库生成）",
           "library file (default: the library in the user's data folder, made from the shipped one on first run)"),
    "self_test": ("打开窗口、载入公报库、打开第一份带解读的政策，打印计数与首帧耗时后退出",
                  "open the window and the first policy with an interpretation, print counts and time to first "
                  "paint, and quit"),
    "commands": ("命令", "commands"),
    "import": ("导入公报或单份公文（文本或 PDF）", "import a gazette issue or single documents (text or PDF)"),
    "files": ("要导入的文件", "files to import"),
    "replace": ("库中已有同一期时替换", "replace an issue already in the library"),
    "dry_run": ("只解析并报告将导入的内容，不写入", "only parse and report what would be imported; write nothing"),
    "dump": ("以 JSON 输出整个公报库", "print the whole library as JSON"),
    "as_of": ("各文件的时效状态按此日期计算（默认：今天）", "the day each document's status is worked out for (default: today)"),
    "bad_date": ("日期应为 YYYY-MM-DD：{0}", "a date is written YYYY-MM-DD: {0}"),
    "build": ("由 data/sources 重建 data/gazette.db", "rebuild data/gazette.db from data/sources"),
    "sources": ("来源文本所在目录", "folder of source texts"),
    "out": ("生成的公报库文件", "library file to write"),
    "bookmarks": ("导出或导入书签与批注", "export or import bookmarks and notes"),
    "bm_export": ("导出书签（json、md 或 html）", "export bookmarks (json, md or html)"),
    "bm_file_out": ("导出到的文件", "file to write"),
    "bm_format": ("默认按文件扩展名，否则 json", "default: from the file's extension, else json"),
    "bm_db_cite": ("公报库（用于引文信息）", "library (for citation details)"),
    "bm_import": ("导入书签文件并合并（不重复，较新的修改为准）",
                  "import a bookmarks file and merge it (no duplicates; the newer edit wins)"),
    "bm_file_in": ("要导入的书签文件", "bookmarks file to read"),
    "bm_db_anchor": ("公报库（用于重新定位）", "library (to find passages again)"),
    "bench": ("性能基准：构建大库并测量检索与首帧耗时",
              "benchmark: build a large library and measure search and first paint"),
    "bench_issues": ("基准库的期数", "issues in the benchmark library"),
    "bench_out": ("基准库位置（默认临时目录）", "where to build the benchmark library (default: a temporary folder)"),
    "bench_keep": ("保留生成的基准库", "keep the benchmark library"),
    "bench_library": ("测量已建好的基准库（不再构建）", "measure a benchmark library built before (no build)"),
    "bench_runs": ("首帧测量的轮数（与空窗口交替，默认 15）",
                   "rounds of the first-paint measurement (alternating with an empty window; default 15)"),
    # metavars
    "M_DB": ("公报库", "LIBRARY"), "M_FILE": ("文件", "FILE"), "M_DIR": ("目录", "FOLDER"), "M_N": ("数目", "N"),
    "M_FORMAT": ("格式", "FORMAT"),
    # messages
    "note": ("  提示：{0}", "  note: {0}"),
    "notice": ("提示：{0}", "note: {0}"),
    "build_needs": ("build-db 需要 --sources 和 --out（打包版不含源文件）",
                    "build-db needs --sources and --out (the packaged reader carries no sources)"),
}

# argparse's own words in Chinese (English is argparse's own).
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "至多一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可选：%(choices)s）",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
}


def cli_language(environ=None) -> str:
    env = os.environ if environ is None else environ
    chosen = env.get("GAZETTE_READER_LANG")
    if chosen in ("zh_CN", "en"):
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def t(key: str) -> str:
    zh, en = TEXT[key]
    return en if cli_language() == "en" else zh


def core(text) -> str:
    """A core message (a Msg, an exception raised with one, or plain text) in the run's language."""
    from .core.messages import render
    if isinstance(text, BaseException):
        text = text.args[0] if text.args and isinstance(text.args[0], str) else str(text)
    return render(text, cli_language())


def speak_argparse_in(language: str) -> None:
    """argparse looks its words up through its module's ``_``/``ngettext`` at use: give it ours."""
    import argparse
    if language != "zh_CN":
        return
    argparse._ = lambda s: ARGPARSE_ZH.get(s, s)
    argparse.ngettext = lambda one, many, n: ARGPARSE_ZH.get(one if n == 1 else many, one if n == 1 else many)


_QT = {}


def report_text(report) -> str:
    """An import report in the run's language: the importer's own text in Chinese; in English
    the window's report view, with its plural forms (Qt's translator, no widgets)."""
    if cli_language() != "en":
        return report.to_text()
    if "view" not in _QT:
        from PySide6.QtCore import QCoreApplication, QTranslator
        from .resources import resource_path
        app = QCoreApplication.instance() or QCoreApplication([])
        tr = QTranslator(app)
        if tr.load(str(resource_path("i18n", "gazette_reader_en.qm"))):
            app.installTranslator(tr)
        from .gui.importing.report_view import ReportView
        _QT.update(app=app, tr=tr, view=ReportView())
    return _QT["view"].text(report)
