"""Build the packaged reader and prove it works on a machine with no Python, no source tree and no network.

    .venv/bin/python build_spec/check_bundle.py              # build, then check (CI)
    .venv/bin/python build_spec/check_bundle.py --no-build   # check the dist/ already built
    .venv/bin/python build_spec/check_bundle.py --onefile    # also build and time the one-file variant

Steps (each prints one line; the summary at the end repeats the numbers):
  1. build: pyinstaller --noconfirm --clean build_spec/gazette-reader.spec   (dist/gazette-reader/)
  2. size of the one-folder bundle; fails above 200 MB
  3. contents: what must be there (fonts, library, xcb/offscreen/CUPS plugins, qtbase_zh_CN) and what
     must not (QtNetwork, QML, test and build tools ...)
  4. the bundle is copied to a temporary folder and made read-only; every run below uses that copy,
     with cwd=/, HOME, TMPDIR, XDG_RUNTIME_DIR and the data folder in temporary folders:
       a. --self-test, plain
       b. --self-test in a namespace without network whose source tree and Python installation are
          hidden (unshare --net --mount; tmpfs over both)
       c. --self-test under strace -f: fails on any connect() to a non-loopback AF_INET/AF_INET6
          address, on any file opened in the source tree, and on any file written outside the
          temporary folders
       d. the command line: --version, dump, import (into a --db in the temporary folder)
       e. --self-test on a real X server (xcb) when Xvfb is installed
     and the checksum listing of the copy must be the same after the runs as before.
  5. start time, median of 5 runs each, bundle vs `python -m reader` from source: wall clock,
     the self-test's first_paint_ms (from the program's first import) and process spawn -> first paint.

Exit status 0 when every check passed.  A missing tool (unshare, strace) is a failure unless
--allow-missing-tools is given, in which case the check is reported as SKIPPED.
"""
from __future__ import annotations

import argparse
import hashlib
import ipaddress
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_config as cfg  # noqa: E402

BUDGET_MB = 200
RUNS = 5
SELF_TEST_RE = re.compile(r"self-test ok: .*first_paint_ms=([\d.]+) first_paint_at=([\d.]+)")

results: list[tuple[str, str, str]] = []   # (status, check, detail)


def report(status: str, check: str, detail: str = "") -> None:
    results.append((status, check, detail))
    print(f"[{status:7}] {check}{': ' + detail if detail else ''}", flush=True)


def fail(check: str, detail: str) -> None:
    report("FAIL", check, detail)


# --------------------------------------------------------------------------- helpers
def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def checksum_listing(path: Path) -> dict[str, str]:
    out = {}
    for f in sorted(path.rglob("*")):
        rel = str(f.relative_to(path))
        if f.is_symlink():
            out[rel] = "-> " + os.readlink(f)
        elif f.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


class Sandbox:
    """Temporary HOME, data, TMPDIR and runtime folders for one run."""

    def __init__(self, base: Path, name: str, data_env: bool = True):
        self.root = base / name
        self.home = self.root / "home"
        self.data = self.root / "data"
        self.tmp = self.root / "tmp"
        self.runtime = self.root / "runtime"
        for d in (self.home, self.data, self.tmp, self.runtime):
            d.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        self.data_env = data_env

    def env(self, platform: str = "offscreen", display: str | None = None) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env.update(HOME=str(self.home), TMPDIR=str(self.tmp), XDG_RUNTIME_DIR=str(self.runtime),
                   QT_QPA_PLATFORM=platform)
        if self.data_env:
            env["GAZETTE_READER_DATA"] = str(self.data)
        if display:
            env["DISPLAY"] = display
        return env

    def writable_roots(self) -> list[Path]:
        return [self.root]


def run(cmd, env, cwd="/", timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def parse_self_test(proc: subprocess.CompletedProcess) -> tuple[float, float] | None:
    m = SELF_TEST_RE.search(proc.stdout)
    if proc.returncode != 0 or not m:
        return None
    return float(m.group(1)), float(m.group(2))


def tail(text: str, n: int = 8) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return " | ".join(lines[-n:])


# --------------------------------------------------------------------------- steps
def build(python: str, spec: str, extra: tuple[str, ...] = ()) -> bool:
    t0 = time.perf_counter()
    log = ROOT / "build" / f"{Path(spec).stem}.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as fh:
        proc = subprocess.run([python, "-m", "PyInstaller", "--noconfirm", "--clean", *extra, spec], cwd=ROOT,
                              stdout=fh, stderr=subprocess.STDOUT)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        fail(f"build {spec}", f"pyinstaller exited {proc.returncode}; log: {log}\n" + tail(log.read_text(), 20))
        return False
    report("ok", f"build {spec}", f"{secs:.0f} s (log: {log.relative_to(ROOT)})")
    return True


def check_size(dist: Path) -> int:
    size = tree_size(dist)
    mb = size / 1e6
    status = "ok" if mb <= BUDGET_MB else "FAIL"
    report(status, "size of the one-folder bundle", f"{mb:.1f} MB ({size / 2**20:.1f} MiB), budget {BUDGET_MB} MB")
    return size


def check_contents(dist: Path, python: str) -> None:
    internal = dist / "_internal"
    files = {str(p.relative_to(internal)).replace(os.sep, "/") for p in internal.rglob("*") if p.is_file()}
    required = ["data/gazette.db", "resources/fonts/NotoSerifCJKsc-Regular.otf",
                "resources/fonts/coverage.txt", "resources/icons/gazette-reader.png"]
    required += [f"{package}/{name}" for package, names in cfg.PACKAGE_DATA for name in names]
    qt = "PySide6/Qt" if not cfg.IS_WIN else "PySide6"
    if cfg.IS_LINUX:
        required += [f"{qt}/plugins/platforms/libqxcb.so", f"{qt}/plugins/platforms/libqoffscreen.so",
                     f"{qt}/plugins/printsupport/libcupsprintersupport.so", f"{qt}/translations/qtbase_zh_CN.qm"]
    missing = [r for r in required if r not in files]
    if (ROOT / "resources" / "i18n").is_dir():
        if not any(f.startswith("resources/i18n/") and f.endswith(".qm") for f in files):
            missing.append("resources/i18n/*.qm")
    forbidden_files = [f for f in files if re.search(
        r"(QtNetwork|QtQml|QtQuick|QtOpenGL|QtSql|QtDesigner|libQt6Network|libQt6Qml|libQt6Quick|/tls/|"
        r"/networkinformation/|/sqldrivers/|/qmltooling/|\.ts$|/data/sources/|/data/corpus/)", f)]
    # Python modules inside the executable's archive
    proc = subprocess.run([python, "-m", "PyInstaller.utils.cliutils.archive_viewer", "-r", "-b",
                           str(dist / (cfg.APP_NAME + (".exe" if cfg.IS_WIN else "")))],
                          capture_output=True, text=True)
    modules = {line.strip().strip("'") for line in proc.stdout.splitlines()}
    if proc.returncode != 0 or "reader.cli" not in modules:
        fail("contents", f"cannot list the archive: {tail(proc.stderr)}")
        return
    banned = ("PyInstaller", "pytest", "_pytest", "pytestqt", "hypothesis", "setuptools", "pip", "pygments",
              "fontTools", "ssl", "PySide6.QtNetwork", "PySide6.QtQml", "reader.bench")
    forbidden_mods = sorted(m for m in modules if any(m == b or m.startswith(b + ".") or
                                                        (b == "reader.bench" and m.startswith(b)) for b in banned))
    need_mods = ["reader.gui.launch", "reader.gui.printing", "sqlite_utils", "markdown", "pypdfium2"]
    for ext in ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport"):    # extension modules are files
        if not any(f.startswith(f"PySide6/{ext}.") for f in files):
            missing.append(f"PySide6.{ext}")
    missing += [m for m in need_mods if m not in modules
                and not (m == "reader.gui.printing" and not (ROOT / "reader/gui/printing").is_dir())]
    problems = []
    if missing:
        problems.append("missing: " + ", ".join(missing))
    if forbidden_files or forbidden_mods:
        problems.append("should not be there: " + ", ".join(sorted(forbidden_files)[:10] + forbidden_mods[:10]))
    if problems:
        fail("contents", "; ".join(problems))
    else:
        report("ok", "contents", f"{len(files)} files, {len(modules)} archive entries; nothing missing or unwanted")


def check_sources(python: str) -> None:
    """Inputs of the build that are generated: the icons and the Windows version resource."""
    proc = subprocess.run([python, str(ROOT / "tools" / "make_icon.py"), "--check"], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if proc.returncode != 0:
        fail("icons match tools/make_icon.py", tail(proc.stdout + proc.stderr))
    else:
        report("ok", "icons match tools/make_icon.py")

    # The VSVersionInfo text is eval()ed by PyInstaller on Windows; evaluate it here with stand-ins.
    def stand_in(name):
        return lambda *a, **k: (name, a, k)
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    try:
        info = eval(cfg.version_info_text(), {"__builtins__": {}}, {n: stand_in(n) for n in names})
        ffi = info[2]["ffi"][2]
        ok = info[0] == "VSVersionInfo" and ffi["filevers"][:3] == tuple(int(x) for x in
                                                                         re.findall(r"\d+", cfg.version())[:3])
    except Exception as exc:  # noqa: BLE001
        ok, ffi = False, exc
    if ok:
        report("ok", "Windows version resource", f"filevers {ffi['filevers']} from reader/__init__.py")
    else:
        fail("Windows version resource", f"bundle_config.version_info_text() does not evaluate: {ffi}")


def check_desktop_file() -> None:
    name = "Linux menu entry (desktop-file-validate)"
    tool = shutil.which("desktop-file-validate")
    if not tool:
        report("SKIPPED", name, "desktop-file-validate not installed (Debian: desktop-file-utils)")
        return
    proc = subprocess.run([tool, str(HERE / "gazette-reader.desktop")], capture_output=True, text=True)
    if proc.returncode != 0 or "error:" in proc.stdout:
        fail(name, tail(proc.stdout + proc.stderr))
    else:
        report("ok", name)


def relocate(dist: Path, base: Path) -> Path:
    target = base / "bundle" / dist.name
    shutil.copytree(dist, target, symlinks=True)
    for p in [target, *target.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode & ~0o222)
    return target


def exe_of(bundle: Path) -> Path:
    return bundle / (cfg.APP_NAME + (".exe" if cfg.IS_WIN else ""))


def self_test_plain(exe: Path, base: Path) -> None:
    sb = Sandbox(base, "plain", data_env=False)   # default user folder under the temporary HOME
    proc = run([str(exe), "--self-test"], sb.env())
    got = parse_self_test(proc)
    lib = sb.home / ".local" / "share" / "gazette-reader" / "library.db"
    if not got:
        fail("self-test (plain, relocated, read-only)", f"exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
    elif cfg.IS_LINUX and not lib.is_file():
        fail("self-test (plain, relocated, read-only)", f"no user library at {lib}")
    else:
        report("ok", "self-test (plain, relocated, read-only)", proc.stdout.strip().splitlines()[-1][:160])


def unshare_prefix(allow_missing: bool) -> list[str] | None:
    tool = shutil.which("unshare")
    if not tool:
        return None
    for extra in ([], ["--user", "--map-root-user"]):   # root; otherwise a user namespace
        probe = subprocess.run([tool, *extra, "--net", "--mount", "true"], capture_output=True, text=True)
        if probe.returncode == 0:
            return [tool, *extra, "--net", "--mount"]
    return []


def python_locations() -> list[Path]:
    """Where the building Python's files are: its whole prefix when that is its own (pyenv, a venv),
    otherwise (a system Python under /usr) its library folders only, as the bundle needs /usr/lib."""
    import sysconfig
    out = []
    for prefix in {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}:
        if str(prefix) not in ("/", "/usr", "/usr/local", "/opt"):
            out.append(prefix)
    for scheme in (sysconfig.get_paths(),
                   sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})):
        out += [Path(scheme[k]).resolve() for k in ("stdlib", "platstdlib", "purelib", "platlib") if k in scheme]
    return [p for p in dict.fromkeys(out) if p.is_dir()]


def self_test_isolated(exe: Path, base: Path, allow_missing: bool) -> None:
    name = "self-test without network, source tree and Python hidden (unshare -n -m)"
    if not cfg.IS_LINUX:
        report("SKIPPED", name, "Linux only")
        return
    prefix = unshare_prefix(allow_missing)
    if not prefix:
        why = "unshare not found" if prefix is None else "unshare --net --mount not permitted here"
        report("SKIPPED" if allow_missing else "FAIL", name, why)
        return
    sb = Sandbox(base, "isolated")
    hide = [ROOT, *python_locations()]
    hide = [h for h in dict.fromkeys(hide) if h.is_dir() and not str(exe).startswith(str(h) + os.sep)]
    hide = [h for h in hide if not any(g != h and g in h.parents for g in hide)]   # outermost only
    script = "set -e; " + \
        " ".join(f'mount -t tmpfs -o ro none "{h}";' for h in hide) + ' exec "$@"'
    proc = run([*prefix, "sh", "-c", script, "sh", str(exe), "--self-test"], sb.env())
    got = parse_self_test(proc)
    if not got:
        fail(name, f"exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
        return
    report("ok", name, f"hidden: {', '.join(map(str, hide))}")


_CONNECT = re.compile(r"connect\(\d+, \{sa_family=(AF_\w+)(.*?)\}, \d+\)\s*=\s*(.*)$")


def _connect_target(family: str, rest: str) -> str | None:
    if family == "AF_INET":
        m = re.search(r'inet_addr\("([^"]+)"\)', rest)
        return m.group(1) if m else "?"
    if family == "AF_INET6":
        m = re.search(r'inet_pton\(AF_INET6, "([^"]+)"', rest)
        return m.group(1) if m else "?"
    return None


def _is_loopback(addr: str) -> bool:
    try:
        ip = ipaddress.ip_address(addr)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_loopback


_OPEN = re.compile(r'^\s*(?:\d+\s+)?(open|openat|creat|mkdir|mkdirat|rename|renameat2?|unlink|unlinkat)\((.*)\)\s*=\s*(-?\d+)')
_PATH = re.compile(r'"((?:[^"\\]|\\.)*)"')


def analyse_strace(log: Path, sandbox: Sandbox, bundle: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """(non-local connects, local connects, files opened in the source tree, writes outside the sandbox)"""
    bad_net, local_net, source_reads, stray_writes = [], [], set(), set()
    allowed = [str(p) for p in sandbox.writable_roots()] + ["/dev/", "/proc/"]
    root = str(ROOT) + os.sep
    for line in log.read_text(errors="replace").splitlines():
        if "connect(" in line:
            m = _CONNECT.search(line)
            if m:
                family, rest, _result = m.groups()
                target = _connect_target(family, rest)
                if target is None:
                    local_net.append(family + ("" if family != "AF_UNIX" else " " + (_PATH.findall(rest) or ["?"])[0]))
                elif _is_loopback(target):
                    local_net.append(f"{family} {target}")
                else:
                    bad_net.append(line.strip())
            continue
        m = _OPEN.search(line)
        if not m:
            continue
        call, args, result = m.groups()
        paths = _PATH.findall(args)
        if not paths:
            continue
        path = paths[0].encode().decode("unicode_escape", errors="replace") if "\\" in paths[0] else paths[0]
        if path.startswith(root) or path == str(ROOT):
            source_reads.add(path)
        writing = call not in ("open", "openat") or re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", args)
        if writing and int(result) >= 0 and path.startswith("/") and \
                not any(path == a.rstrip("/") or path.startswith(a.rstrip("/") + "/") for a in allowed):
            stray_writes.add(f"{call} {path}")
            for extra in paths[1:]:
                stray_writes.add(f"{call} {extra}")
    return bad_net, sorted(set(local_net)), sorted(source_reads), sorted(stray_writes)


def self_test_strace(exe: Path, base: Path, bundle: Path, allow_missing: bool) -> None:
    name = "self-test under strace (no non-local connect, no source-tree reads, no stray writes)"
    if not cfg.IS_LINUX:
        report("SKIPPED", name, "Linux only")
        return
    tool = shutil.which("strace")
    if not tool:
        report("SKIPPED" if allow_missing else "FAIL", name,
               "strace not found (Debian: apt-get install strace)")
        return
    sb = Sandbox(base, "strace")
    logdir = base / "strace-logs"
    logdir.mkdir()
    calls = "connect,open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat"
    # -ff: one log per process, so no call is split into "unfinished"/"resumed" halves
    proc = run([tool, "-ff", "-qq", "-s", "512", "-e", f"trace={calls}", "-o", str(logdir / "trace"),
                str(exe), "--self-test"], sb.env(), timeout=240)
    got = parse_self_test(proc)
    if not got:
        fail(name, f"exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
        return
    logs = sorted(logdir.glob("trace.*"))
    if not logs:
        fail(name, "strace wrote no log")
        return
    bad_net, local_net, source_reads, stray = [], set(), set(), set()
    n_connect = 0
    for log in logs:
        b, loc, src, st = analyse_strace(log, sb, bundle)
        bad_net += b
        local_net.update(loc)
        source_reads.update(src)
        stray.update(st)
        n_connect += sum(1 for line in log.read_text(errors="replace").splitlines() if "connect(" in line)
    local_net, source_reads, stray = sorted(local_net), sorted(source_reads), sorted(stray)
    problems = []
    if bad_net:
        problems.append(f"{len(bad_net)} non-local connect(): " + " | ".join(bad_net[:5]))
    if source_reads:
        problems.append(f"{len(source_reads)} files of the source tree opened: " + ", ".join(source_reads[:5]))
    if stray:
        problems.append(f"{len(stray)} writes outside the temporary folders: " + ", ".join(stray[:8]))
    if problems:
        fail(name, "; ".join(problems))
    else:
        report("ok", name, f"{len(logs)} processes/threads, {n_connect} connect() calls, none to the network "
                           f"(local: {', '.join(local_net) or 'none'})")


def commands(exe: Path, base: Path) -> None:
    sb = Sandbox(base, "commands")
    env = sb.env()
    problems = []
    v = run([str(exe), "--version"], env)
    if v.returncode != 0 or cfg.version() not in v.stdout:
        problems.append(f"--version: exit {v.returncode} {tail(v.stdout + v.stderr)}")
    d = run([str(exe), "dump"], env)
    try:
        issues = len(json.loads(d.stdout)["issues"])
    except (ValueError, KeyError):
        issues = -1
        problems.append(f"dump: exit {d.returncode} {tail(d.stderr)}")
    sample = next(iter(sorted((ROOT / "data" / "sources").glob("*.txt"))), None)
    imported = "no sample"
    if sample:
        src = sb.tmp / "sample.txt"          # a copy: the program must not need the source tree
        shutil.copyfile(sample, src)
        db = sb.data / "imported.db"
        i = run([str(exe), "import", str(src), "--db", str(db)], env)
        if i.returncode != 0 or not db.is_file():
            problems.append(f"import: exit {i.returncode} {tail(i.stdout + i.stderr)}")
        else:
            imported = "ok"
    if problems:
        fail("command line (--version, dump, import)", "; ".join(problems))
    else:
        report("ok", "command line (--version, dump, import)", f"dump: {issues} issue(s); import: {imported}")


def self_test_xcb(exe: Path, base: Path) -> None:
    name = "self-test on an X server (xcb platform plugin)"
    xvfb = shutil.which("Xvfb")
    if not cfg.IS_LINUX or not xvfb:
        report("SKIPPED", name, "Xvfb not installed" if cfg.IS_LINUX else "Linux only")
        return
    display = None
    for n in range(140, 180):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            display = n
            break
    if display is None:
        report("SKIPPED", name, "no free display number")
        return
    server = subprocess.Popen([xvfb, f":{display}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display}").exists():
                break
            time.sleep(0.1)
        sb = Sandbox(base, "xcb")
        proc = run([str(exe), "--self-test"], sb.env(platform="xcb", display=f":{display}"))
        if parse_self_test(proc):
            report("ok", name, f"Xvfb :{display}")
        else:
            fail(name, f"exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def timings(variants: list[tuple[str, list[str], str, dict]], base: Path) -> dict[str, dict | None]:
    """Median start times of each (label, command, cwd, extra env).  The variants take turns, run after
    run, so that a change in the machine's load affects them alike; round 0 warms the disk cache."""
    rows: dict[str, list] = {v[0]: [] for v in variants}
    broken: set[str] = set()
    for i in range(-1, RUNS):
        for label, cmd, cwd, extra_env in variants:
            if label in broken:
                continue
            sb = Sandbox(base, f"time-{label}-{i + 1}")
            env = sb.env()
            env.update(extra_env)
            t_spawn = time.time()
            t0 = time.perf_counter()
            proc = run(cmd, env, cwd=cwd)
            wall = (time.perf_counter() - t0) * 1000
            got = parse_self_test(proc)
            if not got:
                fail(f"start time ({label})", f"exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
                broken.add(label)
            elif i >= 0:
                rows[label].append((wall, got[0], (got[1] - t_spawn) * 1000))
    out: dict[str, dict | None] = {}
    for label, _cmd, _cwd, _env in variants:
        if label in broken:
            out[label] = None
            continue
        med = {k: statistics.median(r[j] for r in rows[label])
               for j, k in enumerate(("wall_ms", "first_paint_ms", "spawn_to_paint_ms"))}
        report("ok", f"start time ({label}, median of {RUNS})",
               f"wall {med['wall_ms']:.0f} ms, first_paint_ms {med['first_paint_ms']:.0f}, "
               f"spawn->paint {med['spawn_to_paint_ms']:.0f} ms")
        out[label] = med
    return out


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build and check the packaged Gazette Reader.")
    ap.add_argument("--no-build", action="store_true", help="check dist/ as it is")
    ap.add_argument("--onefile", action="store_true", help="also build, check and time the one-file variant")
    ap.add_argument("--allow-missing-tools", action="store_true",
                    help="report checks whose tool (unshare, strace) is missing as SKIPPED instead of failing")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    python = sys.executable
    t_start = time.perf_counter()

    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("check_bundle: PyInstaller is not installed in this Python; "
              "run `.venv/bin/pip install -e '.[build]'` first", file=sys.stderr)
        return 2

    dist = ROOT / "dist" / cfg.APP_NAME
    if not args.no_build and not build(python, "build_spec/gazette-reader.spec"):
        return summary(t_start, None, None, None)
    if not exe_of(dist).is_file():
        fail("bundle", f"{exe_of(dist)} does not exist")
        return summary(t_start, None, None, None)

    size = check_size(dist)
    check_contents(dist, python)
    check_sources(python)
    if cfg.IS_LINUX:
        check_desktop_file()

    base = Path(tempfile.mkdtemp(prefix="gazette-bundle-check-"))
    try:
        bundle = relocate(dist, base)
        before = checksum_listing(bundle)
        exe = exe_of(bundle)
        self_test_plain(exe, base)
        self_test_isolated(exe, base, args.allow_missing_tools)
        self_test_strace(exe, base, bundle, args.allow_missing_tools)
        commands(exe, base)
        self_test_xcb(exe, base)
        after = checksum_listing(bundle)
        if before != after:
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
            fail("bundle unchanged by running it", f"{len(changed)} changed: {', '.join(changed[:8])}")
        else:
            report("ok", "bundle unchanged by running it", f"{len(before)} entries, same checksums before and after")

        variants = [("bundle", [str(exe), "--self-test"], "/", {}),
                    ("source", [python, "-m", "reader", "--self-test"], str(ROOT), {"PYTHONPATH": str(ROOT)})]
        if args.onefile:
            onefile = ROOT / "dist" / "onefile" / (cfg.APP_NAME + (".exe" if cfg.IS_WIN else ""))
            if args.no_build or build(python, "build_spec/gazette-reader-onefile.spec",
                                      ("--distpath", str(ROOT / "dist" / "onefile"))):
                if onefile.is_file():
                    report("ok", "size of the one-file program", f"{onefile.stat().st_size / 1e6:.1f} MB")
                    variants.append(("one-file", [str(onefile), "--self-test"], "/", {}))
                else:
                    fail("one-file program", f"{onefile} does not exist")
        t = timings(variants, base)
        t_bundle, t_source, t_onefile = t.get("bundle"), t.get("source"), t.get("one-file")
        return summary(t_start, size, (t_bundle, t_source, t_onefile), base)
    finally:
        if args.keep:
            print(f"kept {base}")
        else:
            for p in [base, *base.rglob("*")]:      # the copy is read-only
                if not p.is_symlink():
                    try:
                        p.chmod(p.stat().st_mode | 0o200)
                    except OSError:
                        pass
            shutil.rmtree(base, ignore_errors=True)


def summary(t_start: float, size: int | None, times, base) -> int:
    failed = [r for r in results if r[0] == "FAIL"]
    skipped = [r for r in results if r[0] == "SKIPPED"]
    print("\n== bundle check summary ==")
    if size is not None:
        print(f"size (one folder): {size / 1e6:.1f} MB (budget {BUDGET_MB} MB)")
    if times:
        labels = ("bundle", "source", "one-file")
        print(f"start time, median of {RUNS}:      wall ms   first_paint_ms   spawn->paint ms")
        for label, t in zip(labels, times):
            if t:
                print(f"  {label:10}                 {t['wall_ms']:7.0f}   {t['first_paint_ms']:14.0f}   "
                      f"{t['spawn_to_paint_ms']:15.0f}")
    for status, check, detail in results:
        if status != "ok":
            print(f"{status}: {check}: {detail}")
    secs = time.perf_counter() - t_start
    if failed:
        print(f"bundle check FAILED: {len(failed)} of {len(results)} checks failed ({len(skipped)} skipped), {secs:.0f} s")
    else:
        print(f"bundle check ok: every one of {len(results)} checks passed ({len(skipped)} skipped), {secs:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
