"""Excel export of the 诉求 page: a period's requests (this year by default) with counts per
category and organisation and the average time to reply, written on a worker thread."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QMessageBox,
    QWidget,
)

from desktop.dialogs.import_dialog import ask_export_path, file_error_text
from desktop.texts import local_time
from desktop.widgets.dialog_buttons import action_buttons
from desktop.workers import run_with_progress
from sync.client.store import request_queries as reqq
from sync.core.records import CHINA_TIME
from sync.tools import excel, request_excel


class PeriodDialog(QDialog):
    """From and until which day (China time, both included)."""

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出诉求"))
        self.from_edit = QDateEdit(QDate(today.year, 1, 1), calendarPopup=True)
        self.until_edit = QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True)
        for edit in (self.from_edit, self.until_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
        buttons = action_buttons(self, self.tr("导出"))
        form = QFormLayout(self)
        form.addRow(self.tr("从"), self.from_edit)
        form.addRow(self.tr("到"), self.until_edit)
        form.addRow(buttons)

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.until_edit.date().toPython()


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) in aware times for the China-time days `first` to `last`, both included."""
    start = datetime.combine(first, time(), CHINA_TIME)
    return start, datetime.combine(last + timedelta(days=1), time(), CHINA_TIME)


class RequestExcel(QObject):
    def __init__(self, page: Any):
        super().__init__(page)
        self.page = page
        self.store = page.store

    def export_interactive(self) -> None:
        today = local_time(self.store.clock()).date()
        dialog = PeriodDialog(today, parent=self.page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = dialog.period()
        name = self.tr("诉求汇总-{first}-{last}.xlsx").format(
            first=f"{first:%Y%m%d}", last=f"{last:%Y%m%d}"
        )
        path = ask_export_path(self.page, name)
        if path:
            self.export_to(path, first, last)

    def export_to(self, path: Path, first: date, last: date) -> int | None:
        start, end = period_bounds(first, last)
        store = self.store

        def job(_progress: Any, _cancelled: Any) -> int:
            return request_excel.export_requests(
                path,
                store.read(reqq.period_requests, start, end),
                store.read(reqq.summary_by_category, start, end),
                store.read(reqq.summary_by_org, start, end),
                period=f"{first:%Y-%m-%d} 至 {last:%Y-%m-%d}",
            )

        try:
            written = run_with_progress(
                job, self.tr("正在导出诉求…"), parent=self.page, cancellable=False
            )
        except excel.ExcelFileError as error:
            QMessageBox.warning(
                self.page, self.tr("导出失败"), file_error_text(error.code, error.params)
            )
            return None
        self.page.window().statusBar().showMessage(
            self.tr("已导出 {n} 条诉求到 {path}").format(n=written, path=path), 6000
        )
        return written
