"""Qt signals for what the store announces, so views can listen without polling."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sync.client.store import Store


class StoreEvents(QObject):
    table_changed = Signal(str)
    """A table of the local replica (or "outbox") changed and was committed."""

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        # The store may announce from a worker thread; a queued signal lands on the UI thread.
        store.add_listener(self.table_changed.emit)
