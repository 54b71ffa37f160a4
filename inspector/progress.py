"""Progress and cancellation for long work, without Qt.

Imports, exports and big reports take a `Progress` and call it now and then;
the GUI's worker turns the calls into a progress dialog and its Cancel button
into `Cancelled` raised at the next call, so the work stops at a safe point
(inside a transaction, which then rolls back).
"""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """The user pressed Cancel; whatever the work wrote is rolled back."""


class Progress:
    def __init__(
        self,
        report: Callable[[int, int, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ):
        self._report = report
        self._is_cancelled = is_cancelled

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled()
        if self._report is not None:
            self._report(done, total, message)

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled()


NO_PROGRESS = Progress()
