"""What the 报名审核 page's helpers (Excel, personal data) use of the page, so they need not import
the page that imports them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop.models.registration_table import RegistrationTableModel
    from desktop.undo import UndoHistory
    from sync.client.store import Store


class Privacy(Protocol):
    def may_reveal(self) -> bool: ...

    def refuse_reveal(self) -> None: ...

    def fetch_whole(self, youth_ids: list[str]) -> dict[str, Any] | None: ...


class RegistrationsHost(Protocol):
    """The RegistrationsPage; it is also the QWidget the helpers parent their dialogs to."""

    store: Store
    model: RegistrationTableModel
    undo_history: UndoHistory
    privacy: Privacy

    def window(self) -> QMainWindow: ...

    def activity_id(self) -> str | None: ...

    def selected_rows(self) -> list[int]: ...

    def selected_ids(self) -> list[str]: ...

    def current_row(self) -> dict[str, Any] | None: ...

    def run_job(self, job: Any, label_text: str, *, cancellable: bool = False) -> Any: ...

    def run_command(
        self, command: Callable[[], Any], done_label: str, *, which: Sequence[str] = ()
    ) -> Any: ...
