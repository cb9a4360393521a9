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

# What the search catalog adds per document. Facets use the parent's issuer and date for
# attached plans, which print neither.
CATALOG_EXTRA = ("d.id, COALESCE(d.issuer, p.issuer), COALESCE(d.date, p.date), "
                 "i.year, i.label, i.publication, i.numbers")


def catalog_rows(conn: sqlite3.Connection) -> list[tuple]:
    """Every document: the DocInfo columns, then id, issuer, date, year, label, publication, numbers."""
    return conn.execute(f"SELECT {DOC_COLUMNS}, {CATALOG_EXTRA} FROM {DOC_FROM}").fetchall()
