"""The 签到 page's two files: a PDF sheet of QR codes (fetched from the server, signed there)
and the Excel list of volunteer hours (`checkin_queries.hours_rows`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from desktop.checkin_sheet import Card, write_sheet
from desktop.dialogs.import_dialog import file_error_text
from desktop.sync_texts import sync_error_text
from desktop.workers import BackgroundJob, run_with_progress
from sync.client import session
from sync.client.http import SyncError
from sync.client.store import checkin_queries
from sync.tools import excel


class CheckinExports(QObject):
    sheet_written = Signal(str)
    """A sheet of QR codes was saved: its path ("" when it could not be)."""

    def __init__(self, page: Any):
        """`page`: the `CheckinPage` (not imported: it imports this module)."""
        super().__init__(page)
        self.page = page
        self._codes_job: BackgroundJob | None = None

    def print_codes(self, path: str | None = None) -> None:
        """Save a PDF of the QR codes of the approved registrations, to print for people
        without a phone. The server signs them, so this needs the network."""
        if self.page.book is None or self._codes_job is not None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.page, self.tr("保存签到码"), self.tr("签到码.pdf"), self.tr("PDF 文件 (*.pdf)")
            )
            if not path:
                return
        activity_id, store = self.page.book.activity_id, self.page.store

        def job(_progress: Any, _cancelled: Any) -> dict[str, str]:
            client = session.connect(store)
            try:
                return client.checkin_codes(activity_id)
            finally:
                client.close()

        self.page.say("idle", self.tr("正在从服务器取签到码…"), size=24)
        self._codes_job = BackgroundJob(job, self)
        self._codes_job.finished.connect(lambda codes, error: self._save_sheet(path, codes, error))
        self._codes_job.start()

    def _save_sheet(self, path: str, codes: dict[str, str] | None, error: Any) -> None:
        self._codes_job = None
        if error is not None or codes is None or self.page.book is None:
            text = sync_error_text(error) if isinstance(error, SyncError) else str(error)
            self.page.say(
                "red", self.tr("没能取到签到码（需要联网）：{error}").format(error=text), size=24
            )
            self.sheet_written.emit("")
            return
        people = sorted(self.page.book.entries.values(), key=lambda e: (e.name, e.phone))
        cards = [
            Card(e.name, e.phone, codes[e.registration_id])
            for e in people
            if e.registration_id in codes
        ]
        title = self.page.activity_combo.currentText().split("  ", 1)[-1]
        pages = write_sheet(Path(path), title, cards)
        text = self.tr("已保存 {n} 个签到码（{pages} 页）：{path}")
        self.page.say("green", text.format(n=len(cards), pages=pages, path=path), size=24)
        self.sheet_written.emit(path)

    def export_hours(self, path: str | None = None) -> int | None:
        """Save each person's 志愿时长 (the activity's rule, corrections, each one's total,
        the confirmation) to Excel, with what a volunteer-service certificate asks for; how
        many rows, or None."""
        if self.page.book is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.page,
                self.tr("导出志愿时长"),
                self.tr("志愿时长.xlsx"),
                self.tr("Excel 工作簿 (*.xlsx)"),
            )
            if not path:
                return None
        rows = self.page.store.read(checkin_queries.hours_rows, self.page.book.activity_id)

        def job(progress: Any, cancelled: Any) -> int:
            return excel.export_hours(
                Path(path), rows, total=len(rows), progress=progress, cancelled=cancelled
            )

        try:
            written = run_with_progress(job, self.tr("正在导出志愿时长…"), parent=self.page)
        except excel.ExportCancelled:
            return None
        except excel.ExcelFileError as error:
            self.page.say("red", file_error_text(error.code, error.params), size=24)
            return None
        text = self.tr("已导出 {n} 人的志愿时长到 {path}")
        self.page.say("green", text.format(n=written, path=path), size=24)
        return written
