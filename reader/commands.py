"""Commands beyond import, dump and build-db.

Each feature registers its sub-command here with ``set_defaults(run=...)``; the
run function imports its module only when the command is used.
"""
from __future__ import annotations


def register_extra_commands(sub) -> None:
    pass
