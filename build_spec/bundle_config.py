"""What goes into the packaged reader, shared by gazette-reader.spec and gazette-reader-onefile.spec.

Plain Python (no PyInstaller import at module level) so that check_bundle.py can read the same lists.

The bundle carries the app, the shipped ``resources/`` folders listed in RESOURCE_DIRS and
``data/gazette.db``; nothing else from the source tree.  PySide6-Essentials brings much more
than the reader uses; the lists below say what is left out and why.
"""
from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "gazette-reader"

IS_WIN = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")

# --------------------------------------------------------------------------- data files
# Every folder of resources/ must be named here: a new one that is not listed stops the build,
# so a bundle never lacks a folder silently.  (required, why)
RESOURCE_DIRS = {
    "fonts": (True, "OFL CJK subsets and their licences (reader/gui/fonts.py)"),
    "i18n": (False, "translations: only the compiled .qm files are shipped"),
    "icons": (False, "application icon (tools/make_icon.py)"),
    "styles": (False, "style sheets"),
}
# Files in those folders that the program never reads.
RESOURCE_SKIP = ("*.ts", "*.pro", "README.md", "*.py", "*.pyc", ".*", "__pycache__")
DATA_FILES = ("data/gazette.db",)   # the shipped library; copied to the user's folder on first run
# Data files of third-party packages: (package, files inside it).  jieba reads its dictionary
# from beside its own module (reader/core/words.py segments printed titles).
PACKAGE_DATA = (("jieba", ("dict.txt",)),)


def version() -> str:
    text = (ROOT / "reader" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not m:
        raise SystemExit("build_spec: no __version__ in reader/__init__.py")
    return m.group(1)


def datas() -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every shipped data file, listed one by one."""
    out: list[tuple[str, str]] = []
    res = ROOT / "resources"
    unknown = sorted(p.name for p in res.iterdir() if p.is_dir() and p.name not in RESOURCE_DIRS
                     and not p.name.startswith((".", "__")))
    if unknown:
        raise SystemExit(f"build_spec: resources/{unknown[0]} is not listed in build_spec/bundle_config.py "
                         f"RESOURCE_DIRS; add it (or skip it there on purpose)")
    for name, (required, _why) in RESOURCE_DIRS.items():
        folder = res / name
        if not folder.is_dir():
            if required:
                raise SystemExit(f"build_spec: resources/{name} is missing")
            continue
        for f in sorted(folder.rglob("*")):
            rel = f.relative_to(ROOT)
            if f.is_dir() or any(fnmatch.fnmatch(part, pat) for part in rel.parts for pat in RESOURCE_SKIP):
                continue
            out.append((str(f), str(PurePosixPath(*rel.parent.parts))))
    import importlib.util
    for package, files in PACKAGE_DATA:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"build_spec: package {package} is not installed")
        folder = Path(list(spec.submodule_search_locations)[0])
        for name in files:
            if not (folder / name).is_file():
                raise SystemExit(f"build_spec: {package}/{name} is missing")
            out.append((str(folder / name), package))
    for rel in DATA_FILES:
        f = ROOT / rel
        if not f.is_file():
            raise SystemExit(f"build_spec: {rel} is missing (run `gazette-reader build-db`)")
        out.append((str(f), str(PurePosixPath(rel).parent)))
    return out


# --------------------------------------------------------------------------- Python modules
# Developer benchmarks: they read ../shared/corpus beside a source checkout, which the bundle does not carry.
APP_MODULES_LEFT_OUT = ("reader.bench",)


def app_modules() -> list[str]:
    """Every module of the reader package, found on disk (nothing is imported), so that modules
    reached only through a registry or a lazy import inside a function are bundled too."""
    pkg = ROOT / "reader"
    names = []
    for f in sorted(pkg.rglob("*.py")):
        rel = f.relative_to(ROOT).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        if "__pycache__" in parts or not all(p.isidentifier() for p in parts):
            continue
        if not all((ROOT.joinpath(*parts[:i]) / "__init__.py").is_file() for i in range(1, len(parts))):
            continue   # a stray folder that is not a package
        name = ".".join(parts)
        if not name.startswith(APP_MODULES_LEFT_OUT) and name != "reader.__main__":
            names.append(name)
    return names


HIDDEN_IMPORTS = [
    # Printing is reached through reader.gui.features once it is wired; make sure it is there.
    "PySide6.QtPrintSupport",
    # reader.core.words imports it lazily, when the first title is set
    "jieba",
]

# Qt bindings the reader does not use.  QtNetwork: the reader never touches the network (and
# shipping it would bring the TLS/network-information plugins and OpenSSL).  libQt6DBus stays
# (libQt6Gui links it); only its Python binding goes.
EXCLUDED_QT = [
    "QtNetwork", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtOpenGL", "QtOpenGLWidgets", "QtSql", "QtDesigner", "QtHelp", "QtTest", "QtUiTools", "QtXml",
    "QtConcurrent", "QtDBus", "QtSvgWidgets", "QtLabsStyleKit", "QtAxContainer",
    "QtWebEngineCore", "QtWebEngineWidgets", "QtMultimedia", "QtPdf", "QtPdfWidgets",
]
EXCLUDES = [f"PySide6.{m}" for m in EXCLUDED_QT] + ["reader.bench", "reader.bench_build", "reader.bench_corpus",
                                                     "reader.gui.bench_floor"] + [
    # build and test tools that happen to sit in the same environment
    "PyInstaller", "_pyinstaller_hooks_contrib", "pytest", "_pytest", "pytestqt", "hypothesis",
    "setuptools", "pkg_resources", "_distutils_hack", "distutils", "pip", "fontTools",
    # pygments is only an optional extra of markdown (codehilite); notes use sane_lists only
    "pygments",
    # no network code at all: without ssl the bundle carries no TLS library of Python's either
    "ssl", "_ssl",
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data", "test", "unittest",
]

# --------------------------------------------------------------------------- Qt plugins
# plugin folder -> file-name stems kept (None: all).  Folders not named here are dropped.
# Names are matched without "lib" prefix / "q" prefix / extension, so one list serves Linux
# (libqxcb.so), Windows (qwindows.dll) and macOS (libqcocoa.dylib).
QT_PLUGINS: dict[str, set[str] | None] = {
    # xcb: X11 (and XWayland); offscreen: CI and --self-test without a display.
    "platforms": {"xcb", "offscreen", "windows", "cocoa"},
    # xdg-desktop-portal: native file dialogs over D-Bus.  Not gtk3: it links the system's GTK 3
    # against the GLib/Cairo/Pango copies in the bundle, which breaks when the two disagree.
    "platformthemes": {"xdgdesktopportal"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},  # IME: typing Chinese
    "printsupport": None,              # CUPS on Linux
    "imageformats": {"svg", "ico"},    # themed (SVG) icons; PNG/BMP are built into QtGui
    "iconengines": None,               # SVG icon engine for desktop icon themes
    "styles": None,                    # Windows 11 / Vista styles
}
# Qt translation catalogues: the reader loads qtbase_zh_CN only (reader/gui/launch.py).
QT_TRANSLATIONS = {"qtbase_zh_CN.qm"}


def _stem(filename: str) -> str:
    name = filename.split(".")[0]
    for prefix in ("lib", "q"):
        if name.startswith(prefix) and name != prefix:
            name = name[len(prefix):]
    return name


def plugin_kept(dest: str) -> bool | None:
    """True/False for a Qt plugin path inside the bundle; None when ``dest`` is not a Qt plugin."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts or not any(p.startswith("PySide6") for p in parts):
        return None
    i = len(parts) - 1 - parts[::-1].index("plugins")
    if len(parts) < i + 3:          # plugins/<kind>/<file>
        return None
    kind, fname = parts[i + 1], parts[-1]
    if kind not in QT_PLUGINS:
        return False
    keep = QT_PLUGINS[kind]
    return keep is None or _stem(fname) in keep


def translation_kept(dest: str) -> bool | None:
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) < 2 or parts[-2] != "translations" or not any(p.startswith("PySide6") for p in parts):
        return None
    return parts[-1] in QT_TRANSLATIONS


def package_data_kept(dest: str) -> bool | None:
    """Of a PACKAGE_DATA package's data files (a PyInstaller hook may collect them all: jieba's
    would add 25 MB of POS-tagging, keyword and paddle models) keep only the listed ones."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for package, names in PACKAGE_DATA:
        if parts and parts[0] == package and not dest.endswith((".py", ".pyc")):
            return "/".join(parts[1:]) in names
    return None


def filter_toc(toc, log=print):
    """Drop unused Qt plugins and translations from an Analysis TOC; return the kept entries."""
    kept, dropped = [], []
    for entry in toc:
        dest = entry[0]
        verdict = plugin_kept(dest)
        if verdict is None:
            verdict = translation_kept(dest)
        if verdict is None:
            verdict = package_data_kept(dest)
        (dropped if verdict is False else kept).append(entry)
    for entry in dropped:
        log(f"bundle: left out {entry[0]}")
    return kept


# --------------------------------------------------------------------------- orphaned libraries
_SHLIB = re.compile(r"\.(so(\.\d+)*|dylib|dll)$", re.I)


def prune_orphans(binaries, get_imports, log=print):
    """Drop shared libraries that only the left-out plugins and modules needed.

    Roots are the Python extension modules, the kept Qt plugins, libpython and every library
    outside the top level, PySide6/Qt/lib and shiboken6 (e.g. pypdfium2's libpdfium, loaded by
    ctypes); a candidate library stays if a root needs it, directly or through others.
    Linux only: there every dependency is a link-time one that ``ldd`` sees.  On Windows Qt
    loads some DLLs at run time by name (software OpenGL, ICU), so nothing is pruned there.
    """
    def candidate(entry) -> bool:
        dest, _src, typecode = entry
        if typecode != "BINARY":      # Python extension modules are roots
            return False
        d = PurePosixPath(dest.replace("\\", "/"))
        parent = str(d.parent)
        return bool(_SHLIB.search(d.name)) and parent in (".", "PySide6/Qt/lib", "shiboken6", "PySide6") \
            and not d.name.startswith(("libpython", "python3")) and not d.name.startswith(("libpyside6", "libshiboken6"))

    by_name: dict[str, tuple] = {}
    for e in binaries:
        by_name.setdefault(PurePosixPath(e[0].replace("\\", "/")).name, e)
    needed: set[str] = set()
    todo = [e for e in binaries if not candidate(e)]
    seen: set[str] = set()
    while todo:
        e = todo.pop()
        if e[1] in seen:
            continue
        seen.add(e[1])
        try:
            imports = get_imports(e[1])
        except Exception as exc:  # cannot tell: keep everything
            log(f"bundle: cannot read the imports of {e[1]} ({exc}); nothing pruned")
            return list(binaries)
        for name, path in imports:
            base = PurePosixPath(str(path or name).replace("\\", "/")).name
            for key in (base, name):
                hit = by_name.get(key)
                if hit is not None and hit[0] not in needed:
                    needed.add(hit[0])
                    todo.append(hit)
    out = []
    for e in binaries:
        if candidate(e) and e[0] not in needed:
            log(f"bundle: left out {e[0]} (only needed by left-out parts)")
        else:
            out.append(e)
    return out


# --------------------------------------------------------------------------- Windows version info
def version_info_text(exe_name: str = APP_NAME) -> str:
    """Windows VERSIONINFO in PyInstaller's VSVersionInfo text form, from reader/__init__.py."""
    v = version()
    nums = [int(x) for x in re.findall(r"\d+", v)[:4]]
    nums += [0] * (4 - len(nums))
    t = tuple(nums)
    strings = [
        ("CompanyName", "Gazette Reader project"),
        ("FileDescription", "政府公报阅读器 Gazette Reader"),
        ("FileVersion", v),
        ("InternalName", exe_name),
        ("LegalCopyright", "MIT License; fonts: SIL Open Font License 1.1"),
        ("OriginalFilename", f"{exe_name}.exe"),
        ("ProductName", "政府公报阅读器 Gazette Reader"),
        ("ProductVersion", v),
    ]
    table = ",\n          ".join(f"StringStruct({k!r}, {val!r})" for k, val in strings)
    return f"""# -*- coding: utf-8 -*-
# Generated by build_spec/bundle_config.py from reader/__init__.py (__version__ = {v!r}); do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={t},
    prodvers={t},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404B0',
        [{table}])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
