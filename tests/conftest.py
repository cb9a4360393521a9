"""Shared fixtures. Every test runs with its own user data folder and no display."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sources" / "yongzhou-gazette-2022-05-06.txt"
from reader.corpus_paths import corpus_dir, missing_reason  # noqa: E402

CORPUS = corpus_dir("govcn")
LOCAL = corpus_dir("local")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests explore new cases on a developer's machine; in CI they replay the same ones,
# so a landing is never decided by the draw (what exploration finds becomes an @example).
from hypothesis import settings as _hypothesis  # noqa: E402
_hypothesis.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis.load_profile("ci")
# A last guard: even a test that undoes its monkeypatching never reaches the real
# user's folders (the autouse fixture below gives each test its own anyway).
import tempfile  # noqa: E402
_GUARD = tempfile.mkdtemp(prefix="gazette-reader-tests-")
os.environ["GAZETTE_READER_DATA"] = os.path.join(_GUARD, "data")
os.environ["XDG_DATA_HOME"] = os.path.join(_GUARD, "xdg-data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_GUARD, "xdg-config")


@pytest.fixture(autouse=True)
def _user_data(tmp_path_factory, monkeypatch):
    # Never touch the real user's folders.
    monkeypatch.setenv("GAZETTE_READER_DATA", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(scope="session")
def qapp(qapp):
    # As in the application: collections run on the GUI thread only (reader/gui/gui_gc.py).
    from reader.gui.gui_gc import collect_on_gui_thread
    collect_on_gui_thread(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _collect_between_tests():
    yield
    if "reader.gui.gui_gc" in sys.modules:     # no event loop runs between tests
        gui_gc = sys.modules["reader.gui.gui_gc"]
        gui_gc.thaw()       # what a test's window set aside goes with the window, not into the next test
        gui_gc.check_now()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_issue(sample_text):
    from reader.core.parse.gazette import parse_issue
    return parse_issue(sample_text, SAMPLE.name)


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The 60 gov.cn documents from ../shared/corpus (skipped, visibly, when absent)."""
    if CORPUS is None:
        pytest.skip(missing_reason("govcn"))
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 60
    return files


@pytest.fixture(scope="session")
def local_corpus() -> Path:
    """The 50 local-government documents with truth.tsv (skipped, visibly, when absent)."""
    if LOCAL is None:
        pytest.skip(missing_reason("local"))
    return LOCAL


@pytest.fixture(scope="session")
def built_library(tmp_path_factory) -> Path:
    """A library built from data/sources, shared read-only by the tests."""
    from reader.core.build import build_library
    out = tmp_path_factory.mktemp("lib") / "gazette.db"
    build_library(ROOT / "data" / "sources", out)
    return out


@pytest.fixture(scope="session")
def library(built_library):
    """The facade over the shared built library (read-only)."""
    from reader.core.library import Library
    lib = Library(built_library)
    yield lib
    lib.close()


@pytest.fixture
def library_copy(built_library, tmp_path) -> Path:
    dst = tmp_path / "gazette.db"
    shutil.copyfile(built_library, dst)
    return dst


def run_cli(*args: str, input_bytes: bytes | None = None, env_extra: dict | None = None):
    """Run ``python -m reader`` in a child process, as a user would."""
    import subprocess
    env = dict(os.environ)
    env.setdefault("GAZETTE_READER_LANG", "zh_CN")     # the command line's language is the locale's otherwise
    env.update(env_extra or {})
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, cwd=ROOT,
                          env=env, input=input_bytes, timeout=300)
