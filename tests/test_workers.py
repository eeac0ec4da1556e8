"""Long work runs on a worker thread; the dialog and the caller hear about it on the UI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from desktop.workers import BackgroundJob, run_with_progress


def test_job_runs_off_the_ui_thread_and_progress_is_shown_on_it(qtbot, monkeypatch):
    ui_thread = QApplication.instance().thread()
    job_threads, dialog_threads, values = [], [], []
    real_set_value = QProgressDialog.setValue

    def record(dialog, value):
        dialog_threads.append(QThread.currentThread())
        values.append(value)
        real_set_value(dialog, value)

    monkeypatch.setattr(QProgressDialog, "setValue", record)

    def job(progress, cancelled):
        job_threads.append(QThread.currentThread())
        for done in range(1, 201):
            progress(done, 200)
        return "done"

    assert run_with_progress(job, "working") == "done"
    assert job_threads and job_threads[0] is not ui_thread
    assert values[-1] == 200
    assert all(t is ui_thread for t in dialog_threads)


def test_job_errors_are_raised_to_the_caller(qtbot):
    def job(progress, cancelled):
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        run_with_progress(job, "working")


def test_cancel_reaches_the_job(qtbot):
    started = threading.Event()

    def job(progress, cancelled: threading.Event):
        started.set()
        return cancelled.wait(timeout=10)

    def press_cancel():
        """Click 取消 once the dialog has appeared (after SHOW_AFTER_MS)."""
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.labelText() == "cancel me" and w.isVisible()
        ]
        if not (started.is_set() and dialogs):
            QTimer.singleShot(50, press_cancel)
            return
        button = dialogs[0].findChild(QPushButton)
        assert button.text() == "取消"
        button.click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, press_cancel)
    assert run_with_progress(job, "cancel me") is True


def test_waiting_for_a_finished_background_job_returns_at_once(qtbot):
    """Closing the window mid-job waits on the UI thread, where `finished` cannot be handled:
    the thread must still end as soon as the job does, not after the wait's timeout."""
    job = BackgroundJob(lambda progress, cancelled: "done")
    job.start()
    started = time.monotonic()
    assert job.wait(5_000) is True
    assert time.monotonic() - started < 2.0
    with qtbot.waitSignal(job.finished, timeout=2_000) as finished:
        pass  # the result still reaches the UI thread afterwards
    assert finished.args == ["done", None]
