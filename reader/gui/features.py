"""Features attach themselves to the app here: each gets the app object and adds
its docks, menu handlers and signals. The window knows none of them."""
from __future__ import annotations


def install_features(app) -> None:
    from .bookmarks.feature import install as bookmarks
    from .importing.feature import install as importing
    from .print_feature import install as printing
    from .search.feature import install as search
    from .status_feature import install as status
    bookmarks(app)      # first: search asks it for notes and bookmarked documents
    search(app)
    printing(app)
    importing(app)
    status(app)         # statuses are built in a worker, after the first paint
