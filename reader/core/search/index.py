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
"""
from __future__ import annotations

import sqlite3
import unicodedata

BLOCK_SEPARATOR = "x0a"


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


def create(conn: sqlite3.Connection) -> None:
    # Contentless: the text is in ``blocks`` already; rows are deleted with the
    # FTS5 'delete' command, which needs the tokens, rebuilt from the blocks.
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "body, content='', tokenize='unicode61 remove_diacritics 0')"
    )


def _block_texts(conn: sqlite3.Connection, doc_id: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT text FROM blocks WHERE doc_id = ? ORDER BY idx", (doc_id,))]


def index_documents(conn: sqlite3.Connection, doc_ids) -> None:
    conn.executemany(
        "INSERT INTO search_fts(rowid, body) VALUES (?, ?)",
        ((d, document_tokens(_block_texts(conn, d))) for d in doc_ids),
    )


def unindex_documents(conn: sqlite3.Connection, doc_ids) -> None:
    """Remove documents from the index; call before their blocks are deleted."""
    conn.executemany(
        "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', ?, ?)",
        ((d, document_tokens(_block_texts(conn, d))) for d in doc_ids),
    )


def phrase(text: str) -> str | None:
    """An FTS5 phrase matching ``text`` as an exact substring, or None if it has no characters."""
    norm = normalize(text)
    return f'"{tokens(norm)}"' if norm else None
