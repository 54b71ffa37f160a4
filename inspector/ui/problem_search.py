"""A text search of every campaign's problems, run on a thread of its own.

On five years of a province a text over every campaign reads half a million
problems: a quarter of a second or more, during which a search on the GUI
thread would freeze the typing. This thread owns its own session (an SQLite
connection belongs to the thread that opened it), answers only the newest
request, and interrupts a scan that a newer keystroke has made stale, so
fast typing never queues scans behind each other. It is not the import
worker's pool: a search must not wait behind an import, and an import need
not wait behind a search (WAL readers do not block the writer).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from inspector.errors import explain, is_interrupted
from inspector.store.problems import ProblemFilter
from inspector.store.session import Session


@dataclass(frozen=True)
class SearchRequest:
    """One first read of the list: the count and the first page in list order."""

    generation: int
    problem_filter: ProblemFilter
    order_by: str
    descending: bool
    limit: int


class ProblemSearch(QObject):
    """Runs `Problems.first_page` for the newest request on its own thread.

    `found` and `failed` are emitted from that thread; Qt queues them to the
    receiver's (the GUI) thread. The object is owned by Python, not parented,
    so the thread can still emit while a closing window is torn down: Qt then
    drops the signal for the receiver that is gone.
    """

    found = Signal(int, int, object)  # generation, total, first page (list of rows)
    failed = Signal(int, object)  # generation, the exception

    def __init__(self, path: str):
        super().__init__()
        self._path = path
        self._wake = threading.Condition()
        self._request: SearchRequest | None = None
        self._running: SearchRequest | None = None
        self._closing = False
        self._session: Session | None = None
        self._thread: threading.Thread | None = None

    def search(self, request: SearchRequest) -> None:
        """Answer `request` next, abandoning whatever older one is running or waiting."""
        with self._wake:
            if self._closing:
                return
            self._request = request
            if self._running is not None and self._session is not None:
                self._session.interrupt()  # thread-safe; a no-op between statements
            self._wake.notify()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="problem-search", daemon=True
                )
                self._thread.start()

    def close(self) -> None:
        """Stop the thread and close its connection (waits for a running scan to stop)."""
        with self._wake:
            self._closing = True
            self._request = None
            if self._running is not None and self._session is not None:
                self._session.interrupt()
            self._wake.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)

    def _next(self) -> SearchRequest | None:
        with self._wake:
            while self._request is None and not self._closing:
                self._wake.wait()
            if self._closing:
                return None
            self._running, self._request = self._request, None
            return self._running

    def _run(self) -> None:
        try:
            self._session = Session.open(self._path, create=False)
        except Exception as exc:  # a database that vanished: every request fails alike
            explain(exc, context="problem search")
            with self._wake:
                request = self._request
            if request is not None:
                self.failed.emit(request.generation, exc)
            return
        try:
            while (request := self._next()) is not None:
                self._answer(self._session, request)
        finally:
            with self._wake:
                session, self._session = self._session, None
            session.close()

    def _answer(self, session: Session, request: SearchRequest) -> None:
        result: tuple[int, list[dict[str, Any]]] | None = None
        error: BaseException | None = None
        try:
            result = session.problems.first_page(
                request.problem_filter,
                order_by=request.order_by,
                descending=request.descending,
                limit=request.limit,
            )
        except Exception as exc:
            if not is_interrupted(exc):
                error = exc
        with self._wake:
            self._running = None
            stale = self._request is not None or self._closing
        if stale:
            return  # a newer request waits: its answer is the one shown
        if error is not None:
            explain(error, context="problem search")
            self.failed.emit(request.generation, error)
        elif result is not None:
            self.found.emit(request.generation, result[0], result[1])
