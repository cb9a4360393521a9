"""CI check: the hostile-content run opens no file outside the data folder and the program.

Runs tests/test_hostile_content.py (a document and bookmark files full of <img src=file:…>,
<a href=file:…>, <h1>, <style>) under ``strace -f`` with its own temporary folder, then
reads every open/openat the processes made:

* nothing in the canary folder the markup points at may even be attempted;
* every file opened must be in the temporary (data) folder, the program (the repository,
  the Python installation and its packages) or the system's own libraries, fonts and
  configuration.

Usage: python tools/ci_hostile_strace.py   (exit 0 when clean; needs strace)
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEM = ("/usr/", "/lib/", "/lib64/", "/etc/", "/proc/", "/sys/", "/dev/", "/run/", "/var/cache/fontconfig/",
          "/var/lib/dbus/")
_OPEN = re.compile(r'^\d+\s+(?:open|openat|openat2|creat)\((?:[A-Z_]+|\d+), "([^"]*)"|^\d+\s+(?:open|creat)\("([^"]*)"')


def _opened(log: Path) -> list[tuple[str, bool]]:
    """(path, succeeded) of every open in an strace log."""
    out = []
    for line in log.read_text(errors="replace").splitlines():
        m = _OPEN.match(line)
        if m:
            path = m.group(1) or m.group(2)
            out.append((path, " = -1 " not in line))
    return out


def main() -> int:
    if not shutil.which("strace"):
        print("ci_hostile_strace: strace is not installed", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="gazette-strace-"))
    data, canary = work / "tmp", Path(tempfile.mkdtemp(prefix="gazette-canary-", dir="/var/tmp"))
    data.mkdir()
    for name in ("title.png", "body.png", "link.txt", "style.css", "note.png", "tag.png", "file.png"):
        (canary / name).write_bytes(b"canary")      # real files: a reader that follows markup would open them
    home = Path.home()
    allowed = {str(ROOT), sys.prefix, sys.base_prefix, sys.exec_prefix, str(data),
               str(home / ".cache" / "fontconfig"), str(home / ".fontconfig")}
    sys.path.insert(0, str(ROOT))
    from reader.corpus_paths import corpus_dir      # the tests' reference texts (read-only)
    allowed |= {str(d) for d in (corpus_dir("govcn"), corpus_dir("local")) if d}
    env = dict(os.environ, TMPDIR=str(data), HOSTILE_CANARY=str(canary), XDG_RUNTIME_DIR=str(data / "run"),
               QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    (data / "run").mkdir(mode=0o700)
    log = work / "strace.log"
    cmd = ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2,creat", "-o", str(log),
           sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_hostile_content.py"]
    run = subprocess.run(cmd, cwd=ROOT, env=env)
    opened = _opened(log)
    touched = sorted({p for p, _ in opened if p.startswith(str(canary))})
    unexpected = sorted({p for p, ok in opened if ok and os.path.isabs(p)
                         and not p.startswith(SYSTEM) and not any(p == a or p.startswith(a.rstrip("/") + "/")
                                                                 for a in allowed)})
    print(f"ci_hostile_strace: {len(opened)} opens checked")
    status = 0
    if run.returncode != 0:
        print("ci_hostile_strace: the hostile-content test failed", file=sys.stderr)
        status = 1
    if not opened:
        print("ci_hostile_strace: strace recorded no opens", file=sys.stderr)
        status = 1
    for p in touched:
        print(f"ci_hostile_strace: a file the hostile markup points at was opened: {p}", file=sys.stderr)
        status = 1
    for p in unexpected:
        print(f"ci_hostile_strace: opened outside the data folder and the program: {p}", file=sys.stderr)
        status = 1
    if status == 0:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(canary, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
