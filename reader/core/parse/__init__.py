"""Parsers: gazette issues as extracted from PDF, and single documents."""
