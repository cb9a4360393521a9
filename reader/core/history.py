"""Back and forward through visited locations, as a browser does."""
from __future__ import annotations

from .location import Location


class History:
    def __init__(self, limit: int = 200):
        self._back: list[Location] = []
        self._forward: list[Location] = []
        self.current: Location | None = None
        self.limit = limit

    def visit(self, loc: Location) -> None:
        """Go somewhere new: the forward trail is dropped."""
        if self.current is not None and loc == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[:-self.limit]
        self.current = loc
        self._forward.clear()

    def update_current(self, loc: Location) -> None:
        """Remember where in the current document the reader is (scrolling), without a new step."""
        self.current = loc

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Location | None:
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> Location | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current
