"""Values of many documents at once from the catalogue's per-document lists."""
from __future__ import annotations

from operator import itemgetter


def picker(ids):
    """A function from a per-document list to the values of ``ids`` (a tuple, in their order),
    in C: an ``itemgetter`` takes ~6 ns an id where ``map(codes.__getitem__, ids)`` takes ~60."""
    ids = tuple(ids)
    if len(ids) > 1:
        return itemgetter(*ids)
    return (lambda codes: (codes[ids[0]],)) if ids else (lambda codes: ())
