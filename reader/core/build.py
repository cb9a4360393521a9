"""Build a content library from source texts, reproducibly (``gazette-reader build-db``)."""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .importer import parse_file, store
from .store.writer import LibraryWriter


def source_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".pdf") and p.is_file())


def build_library(sources: Path, out: Path) -> dict:
    """Parse every source in name order into a fresh file, then move it into place."""
    files = source_files(sources)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=".db", dir=out.parent)
    os.close(fd)
    os.unlink(tmp)
    build_id = hashlib.sha256()
    writer = LibraryWriter(tmp)
    try:
        docs = 0
        for f in files:
            parsed = parse_file(f)
            docs += store(writer, parsed)
            build_id.update(hashlib.sha256(parsed.text.encode("utf-8")).digest())
        writer.set_meta("build_id", build_id.hexdigest())
        writer.conn.execute("VACUUM")
        writer.close()
        os.replace(tmp, out)
    except BaseException:
        writer.close()
        Path(tmp).unlink(missing_ok=True)
        raise
    return {"files": len(files), "documents": docs, "build_id": build_id.hexdigest(), "path": str(out)}
