"""When to sync and what the window says about it: on the 同步 button, every few minutes, and
soon after a change; always off the UI thread, one sync at a time."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop import settings as s
from desktop.sync_texts import sync_error_text
from desktop.workers import BackgroundJob
from sync.client import session
from sync.client.engine import SyncReport, sync_once
from sync.client.http import AuthRequired, SyncError
from sync.client.store import Store

log = logging.getLogger(__name__)

SOON_AFTER_CHANGE_MS = 10_000  # wait for a burst of edits to end before syncing


class SyncState(StrEnum):
    SIGNED_OUT = "signed_out"
    ONLINE = "online"  # the last sync reached the server
    OFFLINE = "offline"  # the last sync could not reach it
    SYNCING = "syncing"


class SyncController(QObject):
    state_changed = Signal()
    """`state` or `last_error` changed."""
    sync_finished = Signal(object)
    """A sync ended; carries its SyncReport."""
    progressed = Signal(str, int, int)
    """(phase, done, total) of the running sync: see `sync.client.engine.Progress`. Emitted on the
    worker thread; connected slots of UI-thread objects run queued, on the UI thread."""

    def __init__(self, store: Store, settings: s.Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.last_error = ""
        self._job: BackgroundJob | None = None
        self._again = False
        self.state = SyncState.ONLINE if session.signed_in(store) else SyncState.SIGNED_OUT
        self.periodic = QTimer(self)
        self.periodic.timeout.connect(self.sync_now)
        self.soon = QTimer(self, singleShot=True, interval=SOON_AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.sync_now)
        self.apply_settings()

    def apply_settings(self) -> None:
        self.periodic.start(max(1, self.settings.get(s.AUTO_SYNC_MINUTES)) * 60_000)

    def _set_state(self, state: SyncState, error: str = "") -> None:
        self.state, self.last_error = state, error
        self.state_changed.emit()

    def refresh_state(self) -> None:
        """After signing in or out outside a sync."""
        if self._job is None:
            signed_in = session.signed_in(self.store) is not None
            self._set_state(SyncState.ONLINE if signed_in else SyncState.SIGNED_OUT)

    @Slot(str)
    def on_table_changed(self, table: str) -> None:
        if table == "outbox" and self.state is not SyncState.SIGNED_OUT:
            self.soon.start()

    @Slot()
    def sync_now(self) -> None:
        if session.signed_in(self.store) is None:
            self._set_state(SyncState.SIGNED_OUT)
            return
        if self._job is not None:
            self._again = True  # one more round once this one ends
            return
        self.soon.stop()
        self._set_state(SyncState.SYNCING)

        options = s.network_options(self.settings)

        def job(_progress: Any, cancelled: Any) -> SyncReport:
            client = session.connect(self.store, **options)
            try:
                return sync_once(
                    self.store, client, cancelled=cancelled, progress=self.progressed.emit
                )
            finally:
                client.close()

        self._job = BackgroundJob(job, self)
        self._job.finished.connect(self._on_finished)
        self._job.start()

    @Slot(object, object)
    def _on_finished(self, report: SyncReport | None, error: BaseException | None) -> None:
        self._job = None
        if isinstance(error, AuthRequired):
            self._set_state(SyncState.SIGNED_OUT, sync_error_text(error))
        elif isinstance(error, SyncError):
            self._set_state(SyncState.OFFLINE, sync_error_text(error))
        elif error is not None:
            log.error("sync failed", exc_info=error)
            self._set_state(SyncState.OFFLINE, str(error))
        else:
            failure = report.push_error or report.pull_error
            if isinstance(failure, AuthRequired):
                self._set_state(SyncState.SIGNED_OUT, sync_error_text(failure))
            elif failure is not None:
                self._set_state(SyncState.OFFLINE, sync_error_text(failure))
            else:
                self._set_state(SyncState.ONLINE)
            self.sync_finished.emit(report)
        if self.state is not SyncState.SIGNED_OUT and session.signed_in(self.store) is None:
            self._set_state(SyncState.SIGNED_OUT)  # signed out while this sync ran
        if self._again:
            self._again = False
            self.sync_now()

    def stop(self) -> None:
        """Before the window closes: no new syncs; let a running one finish its step."""
        self.periodic.stop()
        self.soon.stop()
        self._again = False
        if self._job is not None:
            self._job.cancelled.set()
            self._job.wait()

    def resume(self) -> None:
        """After `stop` for a moment (signing out): timers on again, the state re-read."""
        self.apply_settings()
        self.refresh_state()
