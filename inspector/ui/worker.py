"""One serialised worker for long work (imports, exports, big reports).

The GUI thread never waits on such work. A job runs on a single-thread pool,
opens its own session on the database (SQLite connections belong to one
thread; `store.session.Session.open`) and returns the `Changes` it made for
the GUI's session to announce, if it wrote,
reports progress through `inspector.progress.Progress`, and hands its result
back to the GUI thread through queued signals. Cancel raises `Cancelled` in
the job at its next progress call.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector.errors import explain, is_user_error
from inspector.progress import Cancelled, Progress

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class JobSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()  # after any of the three above


class Job(QRunnable):
    """Runs `fn(progress, *args, **kwargs)` off the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        progress = Progress(self.signals.progress.emit, self._cancel.is_set)
        try:
            self.result = self.fn(progress, *self.args, **self.kwargs)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:
            self.error = exc
            if not is_user_error(exc):  # logged here: a job nobody waits on still leaves a trace
                explain(exc, context="background job")
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(self.result)
        self.signals.done.emit()


def start_job(job: Job) -> Job:
    pool().start(job)
    return job


def run_job(
    parent: QWidget | None,
    title: str,
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    cancellable: bool = True,
    **kwargs: Any,
) -> Job:
    """Start `fn` in the worker with a progress dialog; report errors in a message box.

    `on_failure`, when given, replaces the default message box.
    """
    job = Job(fn, *args, **kwargs)
    dialog = QProgressDialog(
        title, QCoreApplication.translate("Worker", "Cancel") if cancellable else "", 0, 0, parent
    )
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)

    def on_progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)
        if message:
            dialog.setLabelText(message)

    def on_failed(exc: BaseException) -> None:
        if on_failure is not None:
            on_failure(exc)
            return
        from inspector.ui.errors import show_error

        show_error(parent, exc, title, context="background job")

    job.signals.progress.connect(on_progress)
    job.signals.failed.connect(on_failed)
    if on_success is not None:
        job.signals.succeeded.connect(on_success)
    job.signals.done.connect(dialog.close)
    job.signals.done.connect(dialog.deleteLater)
    dialog.canceled.connect(job.cancel)
    job.dialog = dialog  # type: ignore[attr-defined]
    return start_job(job)
