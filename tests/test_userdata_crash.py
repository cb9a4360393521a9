"""Every save that returned survives a SIGKILL at any moment, and is on disk, not only in
the page cache.

The kill lands at random points (the seed is printed, so a failure can be replayed):
while the child is idle right after a confirmed save, where a save that is only batched
for later would be lost, and while it is in the middle of writing. SIGKILL cannot show a
save that the kernel still holds in memory (synchronous=OFF survives it), so the child
also reports the settings of the very connection it writes with, and, where strace is
available, the data syncs it makes are counted: at least one per save.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT
from reader.core.paths import user_db_path
from reader.core.userdata import open_user_data

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# One save per line read from stdin ("go"), or as fast as it can ("run").
CHILD = """
import sys
from reader.core.userdata import open_user_data
from reader.core.userdata.bookmarks import Anchor
store = open_user_data().store
c = store.conn
print("settings", c.execute("PRAGMA journal_mode").fetchone()[0], c.execute("PRAGMA synchronous").fetchone()[0],
      flush=True)
mode = sys.argv[1]
i = 0
while mode == "run" or sys.stdin.readline():
    b = store.add("公报/2022/5-6/永政发〔2022〕6号", Anchor(i % 40, 0, 4, "全民健身"), note="批示" + str(i) * 50,
                  tags=["督办"])
    sys.stdout.write(b.id + "\\n")
    sys.stdout.flush()
    i += 1
"""


def _start(mode: str, wrapper=()):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([*wrapper, sys.executable, "-c", CHILD, mode], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = child.stdout.readline().split()
    assert first[:1] == ["settings"], child.stderr.read()
    return child, first[1:]


def _kill(child) -> list[str]:
    os.kill(child.pid, signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return [ln for ln in rest.split("\n")[:-1] if ln]       # complete lines only: a partial id never returned


def _surviving_ids() -> set[str]:
    raw = sqlite3.connect(user_db_path())
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    opened = open_user_data()
    assert opened.notice is None                             # never mistaken for a broken file
    ids = {b.id for b in opened.store.bookmarks()}
    opened.store.close()
    return ids


def test_the_child_writes_with_wal_and_full_sync():
    child, settings = _start("go")
    _kill(child)
    assert settings == ["wal", "2"]                          # 2 = FULL: the log is synced at every commit


def test_saves_confirmed_one_at_a_time_survive_a_kill_at_random_counts():
    seed = random.randrange(10**6)
    rnd = random.Random(seed)
    confirmed: list[str] = []
    for _ in range(4):
        child, _ = _start("go")
        for _ in range(rnd.randint(1, 23)):                 # rarely a multiple of a batch size
            child.stdin.write("go\n")
            child.stdin.flush()
            line = child.stdout.readline()
            assert line.strip(), child.stderr.read()
            confirmed.append(line.strip())
        assert _kill(child) == []                            # it was waiting: nothing else was saved
        missing = [i for i in confirmed if i not in _surviving_ids()]
        assert not missing, f"seed {seed}: {len(missing)} of {len(confirmed)} confirmed saves lost"


def test_saves_survive_a_kill_in_the_middle_of_writing():
    seed = random.randrange(10**6)
    rnd = random.Random(seed)
    confirmed: list[str] = []
    for _ in range(3):
        child, _ = _start("run")
        try:
            for _ in range(rnd.randint(5, 60)):
                line = child.stdout.readline()
                assert line, child.stderr.read()
                confirmed.append(line.strip())
            confirmed += _kill(child)                        # mid-loop: very likely inside a write
        finally:
            if child.poll() is None:
                child.kill()
        ids = _surviving_ids()
        missing = [i for i in confirmed if i not in ids]
        assert not missing, f"seed {seed}: {len(missing)} of {len(confirmed)} confirmed saves lost"


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-qq", "-e", "trace=none", sys.executable, "-c", "pass"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _strace_works(), reason="strace not installed or not allowed to trace (apt-get install strace)")
def test_every_confirmed_save_is_synced_to_disk(tmp_path):
    log = tmp_path / "syncs.log"
    open_user_data().store.close()                           # schema created outside the count
    child, _ = _start("go", ("strace", "-f", "-qq", "-e", "trace=fsync,fdatasync", "-o", str(log)))
    saves = 12
    for _ in range(saves):
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip()
    child.stdin.close()
    child.wait(timeout=60)
    syncs = [ln for ln in log.read_text().splitlines() if "sync(" in ln and "= 0" in ln]
    assert len(syncs) >= saves, f"{len(syncs)} data syncs for {saves} saves"
