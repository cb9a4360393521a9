"""SQL over the content schema that more than one reader needs: the library facade and the
search catalog read documents with the same columns, so the fragments live here, beside
the schema they depend on.
"""
from __future__ import annotations

import sqlite3

# A DocInfo per row (see records.DocInfo, in that order).
DOC_COLUMNS = """d.key, d.kind, d.role, d.title, d.doc_number, d.code, d.issuer, d.date, d.page,
    i.key, s.name, p.key,
    (SELECT count(*) FROM documents c WHERE c.parent_id = d.id AND c.role = 'interpretation'),
    (SELECT count(*) FROM documents c WHERE c.parent_id = d.id AND c.role = 'attachment')"""
DOC_FROM = """documents d LEFT JOIN issues i ON i.id = d.issue_id
    LEFT JOIN sections s ON s.id = d.section_id LEFT JOIN documents p ON p.id = d.parent_id"""

# What the search catalog keeps of a document: id, key, kind, 文号, code, place and facet values.
# Facets use the parent's issuer and date for attached plans, which print neither.
CATALOG_COLUMNS = ("d.id, d.key, d.kind, d.doc_number, d.code, i.key, s.name, COALESCE(d.issuer, p.issuer), "
                   "COALESCE(d.date, p.date), i.year, i.label, i.publication, i.numbers")


def catalog_cursor(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """Every document's CATALOG_COLUMNS, to be read in slices (``fetchmany``)."""
    return conn.execute(f"SELECT {CATALOG_COLUMNS} FROM {DOC_FROM}")


def documents_by_id(conn: sqlite3.Connection, ids: list[int]) -> list[tuple]:
    """(id, the DocInfo columns) of these documents."""
    return conn.execute(f"SELECT d.id, {DOC_COLUMNS} FROM {DOC_FROM} WHERE d.id IN "
                        f"({','.join('?' * len(ids))})", ids).fetchall()
