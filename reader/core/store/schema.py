"""The content library's schema (``gazette.db``; the user's ``library.db`` has the same).

Content is rebuilt from sources, never migrated: a library whose
``schema_version`` differs is rebuilt from the source texts it carries
(table ``sources``). User data lives elsewhere (see ``reader.core.userdata``).

Tables
------
meta        key/value: schema_version, build_id (hash of the sources it holds)
sources     every imported text, verbatim (decoded), so a library can be re-parsed;
            since schema 4 zlib-compressed UTF-8 (a BLOB; ``source_text`` reads both)
issues      one row per gazette issue; masthead, 目录, warnings, dropped furniture
            and front matter as JSON
sections    the 栏目 of an issue, in 目录 order
documents   every document: issue documents (role "main"), their attached texts
            ("attachment") and interpretations ("interpretation"), and standalone
            documents (issue_id NULL). ``key`` is stable across rebuilds.
blocks      the text of a document, one row per block, in order; a table block's
            text is its cells, TAB between cells and newline between rows
citations   文号 and 《title》 references found in blocks (resolved when read)
status_facts what a text says of its own status and of others' (施行, 有效期, 废止, 修改,
            依据 …) as JSON (``reader.core.status.stored``), read once when it is stored; only
            the texts that say something have a row
search_*    the search index (see ``reader.core.search``)
"""
from __future__ import annotations

import sqlite3

# 2: index documents by section; 3: table blocks (libraries re-parse their sources);
# 4: trigram index and titles in the search indexes, compressed sources, stored character tables;
# 5: the 时效 facts of each text (no start reads every text again)
SCHEMA_VERSION = 5

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    sha256 TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL,          -- 'issue' | 'document'
    text   BLOB NOT NULL           -- zlib of the UTF-8 text (schema 3 and older: the text)
);
CREATE TABLE IF NOT EXISTS issues (
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL UNIQUE,
    publication   TEXT NOT NULL,
    year          INTEGER NOT NULL,
    numbers       TEXT NOT NULL,   -- JSON list of int
    cumulative    TEXT NOT NULL,   -- JSON list of int
    label         TEXT NOT NULL,
    masthead      TEXT NOT NULL,   -- JSON object
    toc           TEXT NOT NULL,   -- JSON list
    warnings      TEXT NOT NULL,   -- JSON list of str
    dropped       TEXT NOT NULL,   -- JSON list of {line, text, reason}
    front_matter  TEXT NOT NULL,   -- JSON list of [line, text]
    source_sha256 TEXT NOT NULL REFERENCES sources(sha256),
    source_name   TEXT NOT NULL
);
-- The tree's list of issues, read at every start: from this narrow index, not the wide rows.
CREATE INDEX IF NOT EXISTS issues_tree ON issues(key, publication, year, numbers, cumulative, label);
CREATE TABLE IF NOT EXISTS sections (
    id       INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    ord      INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id                 INTEGER PRIMARY KEY,
    key                TEXT NOT NULL UNIQUE,
    issue_id           INTEGER REFERENCES issues(id) ON DELETE CASCADE,
    section_id         INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    parent_id          INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    role               TEXT NOT NULL,   -- 'main' | 'attachment' | 'interpretation'
    ord                INTEGER NOT NULL,
    kind               TEXT NOT NULL,
    title              TEXT NOT NULL,
    title_fold         TEXT NOT NULL,
    doc_number         TEXT,
    doc_number_printed TEXT,
    code               TEXT,
    issuer             TEXT,
    addressees         TEXT,
    signature          TEXT,
    date               TEXT,
    date_printed       TEXT,
    page               INTEGER,
    author             TEXT,
    explains           TEXT,
    fingerprint        TEXT NOT NULL,
    line               INTEGER NOT NULL,
    warnings           TEXT,            -- standalone documents: JSON list of str
    dropped            TEXT,            -- standalone documents: JSON list
    source_sha256      TEXT REFERENCES sources(sha256),
    source_name        TEXT
);
CREATE INDEX IF NOT EXISTS documents_place ON documents(issue_id, section_id, parent_id, ord);
CREATE INDEX IF NOT EXISTS documents_parent ON documents(parent_id);
CREATE INDEX IF NOT EXISTS documents_section ON documents(section_id, parent_id, ord);
CREATE INDEX IF NOT EXISTS documents_doc_number ON documents(doc_number);
CREATE INDEX IF NOT EXISTS documents_code ON documents(code);
CREATE INDEX IF NOT EXISTS documents_title_fold ON documents(title_fold);
CREATE TABLE IF NOT EXISTS blocks (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    level  INTEGER,
    text   TEXT NOT NULL,
    line   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS citations (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord    INTEGER NOT NULL,
    kind   TEXT NOT NULL,              -- 'doc_number' | 'title'
    text   TEXT NOT NULL,
    target TEXT NOT NULL,              -- normalised 文号, or folded title
    block  INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    PRIMARY KEY (doc_id, ord)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS citations_target ON citations(target);
CREATE TABLE IF NOT EXISTS status_facts (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    own    INTEGER NOT NULL,           -- 1: it says something of its own status (施行, 有效期)
    facts  TEXT NOT NULL               -- JSON (reader.core.status.stored)
);
"""


def compress_source(text: str) -> bytes:
    """Sources are read only to rebuild or merge: kept compressed (a third of the size)."""
    import zlib
    return zlib.compress(text.encode("utf-8"), 6)


def source_text(value) -> str:
    """A ``sources.text`` value as text: compressed (schema 4) or plain (older libraries)."""
    if isinstance(value, bytes):
        import zlib
        return zlib.decompress(value).decode("utf-8")
    return value


def connect(path, readonly: bool = False) -> sqlite3.Connection:
    """A connection with foreign keys on. Read-only opens never create or lock files for writing."""
    if readonly:
        from pathlib import Path
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def create(conn: sqlite3.Connection) -> None:
    conn.executescript(DDL)
    from ..search import charmap, index as search_index
    search_index.create(conn)
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    # Computed once here, not at every start of the reader (see ``charmap``).
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                 (charmap.stored_key(), charmap.to_json(charmap.tables())))
    conn.commit()


def version(conn: sqlite3.Connection) -> int | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return int(row[0]) if row else None
