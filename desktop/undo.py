"""The user's recent actions, newest last, so a mistaken click can be taken back (Ctrl+Z).

An action is undone by the store retracting its operation while it is still in the outbox; once
it has reached the server the store refuses, and the user is told why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from sync.client.store import Store

LIMIT = 50


def _now(work: Callable[[], None]) -> None:
    work()


@dataclass(frozen=True)
class Action:
    op_ids: tuple[str, ...]  # one, or every operation of a bulk action (one undo step)
    label: str  # shown as "撤销 <label>"

    @property
    def op_id(self) -> str:
        """The newest operation of the action."""
        return self.op_ids[-1]


class UndoHistory(QObject):
    changed = Signal()
    """An action was added or undone; `top()` may differ."""

    def __init__(self, store: Store, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._actions: list[Action] = []

    def push(self, op_id: str | Sequence[str] | None, label: str) -> None:
        """Remember an action: one op_id, or the op_ids of a bulk action (undone together)."""
        if op_id is None:
            return
        op_ids = (op_id,) if isinstance(op_id, str) else tuple(op_id)
        if not op_ids:
            return
        self._actions.append(Action(op_ids, label))
        del self._actions[:-LIMIT]
        self.changed.emit()

    def clear(self) -> None:
        """Forget every action: their operations are gone (the local data was removed)."""
        self._actions.clear()
        self.changed.emit()

    def top(self) -> Action | None:
        return self._actions[-1] if self._actions else None

    def undo(self, *, run: Callable[[Callable[[], None]], None] | None = None) -> Action:
        """Undo the newest action; raises RuleViolation (and forgets the action) if it cannot be.
        `run(work)` runs the store's part: the window hands it to a worker, so taking back a
        bulk action over 50,000 followers never freezes it. The history itself changes here."""
        action = self._actions.pop()
        try:
            (run or _now)(lambda: self._store.undo_many(action.op_ids))
        finally:
            self.changed.emit()
        return action
