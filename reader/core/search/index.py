"""The full-text index: one FTS5 token per character.

Chinese policy words are mostly two characters long; SQLite's trigram
tokenizer cannot match fewer than three, and dictionary segmentation misses a
word inside a longer one. Indexing every character as its own token makes an
FTS5 phrase query ("体 育") an exact substring test of any length, one
character included, with positions and bm25 ranking done in C.

Text is normalised first (NFKC, case folded, whitespace removed); a character
that is not a letter or digit becomes a token of its own ("x3002" for 。), and
blocks are separated by a token no query can produce, so a phrase never spans
two blocks.

A second index, ``search_tri`` (FTS5's ``trigram`` tokenizer, case-sensitive
over the same normalised text), answers terms of three characters or more
about 20x faster: a phrase of three trigrams finds few rows where three
single characters find thousands each. It holds each block's normal text with
a newline between blocks; a query's normal form has no whitespace, so no
trigram of a query spans two blocks either. ``phrase_in`` picks the index per term.

Both indexes have a second column, ``title``: which titles hold the terms (title
hits rank first) is one more MATCH, and no title is kept in memory. Text
matches are confined to ``body``, so results stay those of the blocks.
"""
from __future__ import annotations

import sqlite3
import unicodedata

BLOCK_SEPARATOR = "x0a"
TRIGRAM_MIN = 3          # terms this long or longer are matched in search_tri


def normalize(text: str) -> str:
    """The text a search sees: NFKC, case folded, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def token(ch: str) -> str:
    return ch if ch.isalnum() else f"x{ord(ch):x}"


def tokens(text: str) -> str:
    """Space-separated tokens of already normalised text."""
    return " ".join(token(c) for c in text)


def document_tokens(block_texts) -> str:
    return f" {BLOCK_SEPARATOR} ".join(tokens(normalize(t)) for t in block_texts)


def trigram_text(block_texts) -> str:
    return "\n".join(normalize(t) for t in block_texts)


def create(conn: sqlite3.Connection) -> None:
    # Contentless: the text is in ``blocks`` already; rows are deleted with the
    # FTS5 'delete' command, which needs the tokens, rebuilt from the blocks.
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "body, title, content='', tokenize='unicode61 remove_diacritics 0')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_tri USING fts5("
        "body, title, content='', tokenize='trigram case_sensitive 1')"
    )


def _block_texts(conn: sqlite3.Connection, doc_id: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT text FROM blocks WHERE doc_id = ? ORDER BY idx", (doc_id,))]


def _rows(conn: sqlite3.Connection, doc_ids):
    for d in doc_ids:
        texts = _block_texts(conn, d)
        (title,) = conn.execute("SELECT title FROM documents WHERE id = ?", (d,)).fetchone()
        title = normalize(title)
        yield d, document_tokens(texts), tokens(title), trigram_text(texts), title


def index_documents(conn: sqlite3.Connection, doc_ids) -> None:
    rows = list(_rows(conn, doc_ids))
    conn.executemany("INSERT INTO search_fts(rowid, body, title) VALUES (?, ?, ?)", (r[:3] for r in rows))
    conn.executemany("INSERT INTO search_tri(rowid, body, title) VALUES (?, ?, ?)",
                     ((r[0], r[3], r[4]) for r in rows))


def unindex_documents(conn: sqlite3.Connection, doc_ids) -> None:
    """Remove documents from the indexes; call before their blocks are deleted."""
    rows = list(_rows(conn, doc_ids))
    conn.executemany("INSERT INTO search_fts(search_fts, rowid, body, title) VALUES ('delete', ?, ?, ?)",
                     (r[:3] for r in rows))
    conn.executemany("INSERT INTO search_tri(search_tri, rowid, body, title) VALUES ('delete', ?, ?, ?)",
                     ((r[0], r[3], r[4]) for r in rows))


def phrase_in(norm: str, column: str = "body") -> tuple[str, str]:
    """(table, FTS5 phrase) that matches normal text ``norm`` as an exact substring of a
    column, in the cheapest index: the trigram index for three characters or more, else one
    token a character."""
    if len(norm) >= TRIGRAM_MIN:
        return "search_tri", f'{column} : "' + norm.replace('"', '""') + '"'
    return "search_fts", f'{column} : "{tokens(norm)}"'


def match_sql(norms, excluded=(), column: str = "body") -> tuple[str, list[str]]:
    """SQL selecting the rowids of the documents holding every term (in ``column``) and none
    of the excluded, each term in its cheapest index, the sets intersected (and subtracted) in SQLite."""
    parts: dict[str, list[str]] = {}
    for n in norms:
        table, p = phrase_in(n, column)
        parts.setdefault(table, []).append(p)
    selects, args = [], []
    for table, phrases in parts.items():
        selects.append(f"SELECT rowid FROM {table} WHERE {table} MATCH ?")
        args.append(" AND ".join(phrases))
    sql = " INTERSECT ".join(selects)
    hidden: dict[str, list[str]] = {}
    for n in excluded:
        table, p = phrase_in(n)
        hidden.setdefault(table, []).append(p)
    for table, phrases in hidden.items():
        sql += f" EXCEPT SELECT rowid FROM {table} WHERE {table} MATCH ?"
        args.append(" OR ".join(phrases))
    return sql, args


def phrase(text: str) -> str | None:
    """An FTS5 phrase matching ``text`` as an exact substring, or None if it has no characters."""
    norm = normalize(text)
    return f'"{tokens(norm)}"' if norm else None


def any_sql(norms) -> tuple[str, list[str]]:
    """SQL selecting the rowids of the documents holding any of these terms."""
    hidden: dict[str, list[str]] = {}
    for n in norms:
        table, p = phrase_in(n)
        hidden.setdefault(table, []).append(p)
    return (" UNION ".join(f"SELECT rowid FROM {t} WHERE {t} MATCH ?" for t in hidden),
            [" OR ".join(ps) for ps in hidden.values()])
