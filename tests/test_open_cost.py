"""Opening a document stays quick while workers run Python (issue 16)."""
from __future__ import annotations

import sys

from reader.gui import launch


def test_the_window_takes_the_interpreter_back_within_half_a_millisecond(qapp, monkeypatch, tmp_path):
    """A worker computing the statuses of 58,000 documents kept the window's thread waiting up to
    Python's 5 ms at every return from Qt: opening a document took 100-300 ms meanwhile."""
    calls = []
    monkeypatch.setattr(sys, "setswitchinterval", calls.append)
    monkeypatch.setenv("GAZETTE_READER_DATA", str(tmp_path / "data"))
    from reader.cli import main
    main(["--self-test", "--db", str(tmp_path / "none.db")])      # stops at the missing library
    assert calls == [launch.SWITCH_S] and launch.SWITCH_S <= 0.001
