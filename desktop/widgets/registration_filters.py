"""The 报名审核 page's filter bar: an activity picker with search, status, registration date and a
search box for a name or the tail of a phone number. Announces `changed`; builds the query."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.texts import label, local_time
from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.core.records import CHINA_TIME, RegistrationStatus

SEARCH_DELAY_MS = 250  # wait for the user to pause typing before querying


class RegistrationFilters(QWidget):
    changed = Signal()
    """A filter changed: the page should query again."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.activity_combo = QComboBox()
        self.activity_combo.setEditable(True)
        self.activity_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.activity_combo.setMinimumWidth(320)
        self.activity_combo.setMaxVisibleItems(20)
        completer = self.activity_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # find by any word of the title
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.status_combo = QComboBox()
        self.time_combo = QComboBox()
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_until = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-30))
        self.date_until.setDate(today)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.count_label = QLabel(objectName="count_label")
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._labels = [QLabel() for _ in range(3)]
        for lbl, widget in zip(
            self._labels, [self.activity_combo, self.status_combo, self.time_combo], strict=True
        ):
            layout.addWidget(lbl)
            layout.addWidget(widget)
        layout.addWidget(self.date_from)
        layout.addWidget(self.date_until)
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.count_label)

        # Picked from the list or from the search's completions, or set by the page.
        self.activity_combo.currentIndexChanged.connect(lambda _: self._changed())
        self.activity_combo.lineEdit().editingFinished.connect(self._on_activity_typed)
        self.status_combo.currentIndexChanged.connect(self._changed)
        self.time_combo.currentIndexChanged.connect(self._on_time_preset)
        self.date_from.dateChanged.connect(self._changed)
        self.date_until.dateChanged.connect(self._changed)
        self.search_timer.timeout.connect(self._changed)
        self.search_edit.textChanged.connect(lambda _: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        for lbl, text in zip(
            self._labels, [self.tr("活动"), self.tr("状态"), self.tr("报名时间")], strict=True
        ):
            lbl.setText(text)
        self.fill_activities()
        statuses = [
            RegistrationStatus.PENDING,  # first: what a reviewer opens the page for
            RegistrationStatus.APPROVED,
            RegistrationStatus.WAITLISTED,
            RegistrationStatus.REJECTED,
            RegistrationStatus.CANCELLED,
        ]
        _fill_combo(
            self.status_combo,
            [*[(label(s.value), s.value) for s in statuses], (self.tr("全部状态"), None)],
        )
        _fill_combo(
            self.time_combo,
            [
                (self.tr("全部时间"), None),
                (self.tr("今天"), "today"),
                (self.tr("最近 7 天"), "7"),
                (self.tr("最近 30 天"), "30"),
                (self.tr("自定义…"), "custom"),
            ],
        )
        self.search_edit.setPlaceholderText(self.tr("搜索姓名或手机尾号（Ctrl+F）"))
        self._show_dates()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fill_activities(self) -> None:
        """Activities taking registrations, newest first, with how many wait for review."""
        combo = self.activity_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部活动"), None)
        for row in self.store.read(rq.activity_choices):
            start = local_time(row["starts_at"])
            text = f"{row['title']}（{start:%Y-%m-%d}）" if start else row["title"]
            if row["pending_count"]:
                text += self.tr(" · {n} 待审").format(n=row["pending_count"])
            combo.addItem(text, row["id"])
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # --- state -------------------------------------------------------------------------------

    def activity_id(self) -> str | None:
        return self.activity_combo.currentData()

    def set_activity(self, activity_id: str | None) -> None:
        index = max(0, self.activity_combo.findData(activity_id))
        if index == self.activity_combo.currentIndex():
            self._changed()
        else:
            self.activity_combo.setCurrentIndex(index)  # announces itself

    def set_status(self, status: RegistrationStatus | None) -> None:
        self.status_combo.setCurrentIndex(
            self.status_combo.findData(status.value if status else None)
        )

    def show_count(self, count: int) -> None:
        if count:
            self.count_label.setText(self.tr("共 {n} 条").format(n=count))
        else:
            self.count_label.setText(self.tr("没有符合条件的报名"))

    def query(self, base: rq.RegistrationQuery) -> rq.RegistrationQuery:
        """`base` (its sort order) narrowed by the filters as they stand."""
        registered_from, registered_until = self._time_range()
        status = self.status_combo.currentData()
        return replace(
            base,
            activity_id=self.activity_id(),
            status=RegistrationStatus(status) if status else None,
            registered_from=registered_from,
            registered_until=registered_until,
            text=self.search_edit.text().strip(),
        )

    def clear(self) -> None:
        """Every registration of every activity."""
        for combo, index in (
            (self.activity_combo, 0),
            (self.time_combo, 0),
            (self.status_combo, self.status_combo.findData(None)),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._on_time_preset()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- internals ---------------------------------------------------------------------------

    def _changed(self) -> None:
        self.search_timer.stop()
        self.changed.emit()

    def _on_activity_typed(self) -> None:
        """Typed text that names no activity goes back to the chosen one."""
        index = self.activity_combo.findText(self.activity_combo.currentText())
        if index < 0:
            index = self.activity_combo.currentIndex()
        if index != self.activity_combo.currentIndex():
            self.activity_combo.setCurrentIndex(index)
        else:
            self.activity_combo.setEditText(self.activity_combo.itemText(index))

    def _show_dates(self) -> None:
        custom = self.time_combo.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_until.setVisible(custom)

    def _on_time_preset(self) -> None:
        self._show_dates()
        self._changed()

    def _time_range(self) -> tuple[datetime | None, datetime | None]:
        preset = self.time_combo.currentData()
        if preset is None:
            return None, None
        today = local_time(self.store.clock()).replace(hour=0, minute=0, second=0, microsecond=0)
        tomorrow = today + timedelta(days=1)
        if preset == "custom":
            start = datetime(*self.date_from.date().getDate(), tzinfo=CHINA_TIME)
            end = datetime(*self.date_until.date().getDate(), tzinfo=CHINA_TIME)
            return start, end + timedelta(days=1)
        if preset == "today":
            return today, tomorrow
        return tomorrow - timedelta(days=int(preset)), tomorrow


def _fill_combo(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
    current = combo.currentData() if combo.count() else items[0][1]
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
