"""Long work off the UI thread: a worker thread, a progress dialog that appears only if the work
takes more than a moment, cancellation, and the result or error handed back on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 600  # quick jobs finish without a dialog flashing up

Progress = Callable[[int, int], None]
Job = Callable[[Progress, threading.Event], Any]


class _Worker(QObject):
    """Lives on the worker thread and runs the job there."""

    progressed = Signal(int, int)
    """(done, total) of the running job."""
    finished = Signal(object, object)
    """(result, exception) when the job ended; one of the two is None."""

    def __init__(self, job: Job, cancelled: threading.Event):
        super().__init__()
        self._job = job
        self._cancelled = cancelled

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._cancelled)
        except BaseException as error:  # handed to the UI thread, re-raised there
            self.finished.emit(None, error)
        else:
            self.finished.emit(result, None)
        # The job is over: end the thread's event loop here rather than only when the UI thread
        # handles `finished`, so a UI thread blocked in BackgroundJob.wait() (closing the window
        # mid-job) is released at once instead of sitting out its whole timeout.
        QThread.currentThread().quit()


class _Receiver(QObject):
    """Lives on the UI thread, so the worker's signals reach it queued: only this thread may
    touch widgets. (A plain function connected to a signal would run on the emitting thread.)"""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop):
        super().__init__()
        self._dialog = dialog
        self._loop = loop
        self.result: Any = None
        self.error: BaseException | None = None

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)

    @Slot(object, object)
    def finish(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error = result, error
        self._loop.quit()


def run_with_progress(
    job: Job, label: str, *, parent: QWidget | None = None, cancellable: bool = True
) -> Any:
    """Run `job(progress, cancelled)` in a thread while the UI keeps painting; return its result.

    The job reports with `progress(done, total)` and should stop early once `cancelled` is set.
    Exceptions raised by the job are raised here.
    """
    cancelled = threading.Event()
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("workers", "请稍候"))
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("workers", "取消"))
        dialog.canceled.connect(cancelled.set)
    else:
        dialog.setCancelButton(None)

    loop = QEventLoop()
    receiver = _Receiver(dialog, loop)
    thread = QThread()
    worker = _Worker(job, cancelled)
    worker.moveToThread(thread)
    worker.progressed.connect(receiver.progress)
    worker.finished.connect(receiver.finish)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if receiver.error is not None:
        raise receiver.error
    return receiver.result


def generate_demo_with_progress(store: Any, size: str) -> Any:
    from sync.tools.demo import replica

    label = QCoreApplication.translate("workers", "正在生成演示数据…")
    return run_with_progress(
        lambda progress, _cancelled: replica.generate(store, size, progress=progress),
        label,
        cancellable=False,
    )


class BackgroundJob(QObject):
    """A job on a worker thread that does not block the window (e.g. sync). `finished` and
    `progressed` arrive on the UI thread; keep the object referenced until it finished."""

    progressed = Signal(int, int)
    """(done, total) reported by the job."""
    finished = Signal(object, object)
    """(result, exception) on the UI thread; one of the two is None."""

    def __init__(self, job: Job, parent: QObject | None = None):
        super().__init__(parent)
        self.cancelled = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(job, self.cancelled)
        self._worker.moveToThread(self._thread)
        # bound methods of this UI-thread object: delivered queued, on the UI thread
        self._worker.progressed.connect(self._relay_progress)
        self._worker.finished.connect(self._relay_finished)
        self._thread.started.connect(self._worker.run)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object, object)
    def _relay_finished(self, result: Any, error: BaseException | None) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit(result, error)
