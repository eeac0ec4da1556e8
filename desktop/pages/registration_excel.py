"""The 报名审核 page's Excel commands: export the listed (or selected) registrations, masked unless
the user may and asks for full data; import a walk-in list after a preview, all rows or none."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.dialogs.import_dialog import ImportDialog, ask_export_path, file_error_text
from desktop.dialogs.mapping_step import with_remembered
from desktop.pages.registration_host import RegistrationsHost
from desktop.texts import local_time, violation_text
from sync.client.store import registration_queries as rq
from sync.core.records import RegistrationSource
from sync.core.rules import RuleViolation
from sync.tools import excel, registration_import
from sync.tools.spreadsheet import ImportCancelled, Layout, Workbook, detect_layout, read_workbook

log = logging.getLogger(__name__)

CHUNK = 500  # rows read per query while exporting


class RegistrationExcel(QObject):
    def __init__(self, page: RegistrationsHost):
        super().__init__(page)
        self.page = page

    @property
    def store(self):
        return self.page.store

    def _status(self, text: str) -> None:
        self.page.window().statusBar().showMessage(text, 8000)

    # --- export ------------------------------------------------------------------------------

    def ids_to_export(self) -> list[str]:
        """The selected registrations when several are selected, else every one listed."""
        page = self.page
        return page.selected_ids() if len(page.selected_rows()) > 1 else page.model.ids()

    def export_interactive(self) -> None:
        page = self.page
        ids = self.ids_to_export()
        if not ids:
            QMessageBox.information(page, self.tr("导出 Excel"), self.tr("没有可导出的报名"))
            return
        full = False
        if page.privacy.may_reveal():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("导出 Excel"), "", parent=page)
            box.setText(self.tr("导出 {n} 条报名。手机号和身份证号要脱敏吗？").format(n=len(ids)))
            box.setInformativeText(self.tr("导出完整信息会被记录；文件请妥善保管，用后删除。"))
            masked = box.addButton(self.tr("脱敏导出（推荐）"), QMessageBox.ButtonRole.AcceptRole)
            whole = box.addButton(self.tr("导出完整信息"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(masked)
            box.exec()
            if box.clickedButton() not in (masked, whole):
                return
            full = box.clickedButton() is whole
        day = local_time(self.store.clock())
        name = self.tr("报名名单-{day}.xlsx").format(day=f"{day:%Y%m%d}")
        path = ask_export_path(page, name)
        if path:
            self.export_to(path, ids=ids, full=full)

    def export_to(
        self, path: Path, *, ids: Sequence[str] | None = None, full: bool = False
    ) -> int | None:
        """Write the registrations to `path`; returns how many, or None if nothing was written.
        A full export needs the permission: the whole numbers come from the server, which
        logs a reveal per youth; youths it will not reveal stay masked, and the user is told."""
        page = self.page
        ids = list(self.ids_to_export() if ids is None else ids)
        whole: dict[str, Any] = {}
        if full:
            if not page.privacy.may_reveal():
                page.privacy.refuse_reveal()
                return None
            youth_ids = sorted({r["youth_id"] for r in self._rows(ids)})
            found = page.privacy.fetch_whole(youth_ids)
            if found is None:
                return None
            whole = found
            if len(whole) < len(youth_ids):
                QMessageBox.information(
                    page,
                    self.tr("导出 Excel"),
                    self.tr(
                        "{n} 位青年只能脱敏导出：现场报名和导入名单中的青年，服务器不提供完整信息。"
                    ).format(n=len(youth_ids) - len(whole)),
                )

        def job(progress: Any, cancelled: threading.Event) -> int:
            return excel.export_registrations(
                path,
                self._rows(ids, whole),
                full=full,
                total=len(ids),
                progress=progress,
                cancelled=cancelled,
            )

        try:
            written = page.run_job(
                job, self.tr("正在导出 {n} 条报名…").format(n=len(ids)), cancellable=True
            )
        except excel.ExportCancelled:
            self._status(self.tr("已取消导出，没有生成文件"))
            return None
        except excel.ExcelFileError as error:
            text = file_error_text(error.code, error.params)
            QMessageBox.warning(page, self.tr("导出失败"), text)
            return None
        self._status(self.tr("已导出 {n} 条报名到 {path}").format(n=written, path=path))
        return written

    def _rows(
        self, ids: Sequence[str], whole: dict[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The registrations' rows; a youth in `whole` (revealed by the server) with whole
        numbers, every other one as this device holds it, masked."""
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            rows = self.store.read(rq.registration_rows, chunk)
            for registration_id in chunk:
                if registration_id in rows:
                    row = rows[registration_id]
                    youth = (whole or {}).get(row["youth_id"])
                    if youth is not None:
                        row = {**row, "phone": youth.phone, "id_number": youth.id_number}
                    yield row

    # --- import ------------------------------------------------------------------------------

    def import_interactive(self) -> None:
        page = self.page
        if page.activity_id() is None:
            QMessageBox.information(
                page,
                self.tr("导入报名"),
                self.tr("请先在上方“活动”中选择要导入报名的活动。"),
            )
            return
        path, _ = QFileDialog.getOpenFileName(
            page,
            self.tr("选择报名名单"),
            "",
            self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int | None:
        """Read the list, show the mapping step and the preview, then import exactly its good
        rows in one transaction if the user confirms. Returns how many were imported, or None
        when nothing was."""
        page = self.page
        activity_id = page.activity_id()
        activity = self.store.activity(activity_id) if activity_id else None
        if activity is None:
            return None
        today = local_time(self.store.clock()).date()

        def lookup(phones: Any, id_numbers: Any) -> list[dict[str, Any]]:
            return self.store.read(rq.stored_youths, activity_id, list(phones), list(id_numbers))

        def build(workbook: Workbook, layout: Layout) -> registration_import.ImportPreview:
            return page.run_job(
                lambda progress, cancelled: registration_import.build_preview(
                    workbook.sheet(layout.sheet),
                    layout,
                    today=today,
                    lookup=lookup,
                    progress=progress,
                    cancelled=cancelled,
                ),
                self.tr("正在检查 {name}…").format(name=path.name),
                cancellable=True,
            )

        try:
            workbook = page.run_job(
                lambda progress, cancelled: read_workbook(
                    path, progress=progress, cancelled=cancelled
                ),
                self.tr("正在读取 {name}…").format(name=path.name),
                cancellable=True,
            )
            sheet = workbook.sheets[0]
            detected = detect_layout(registration_import.SPEC, sheet)
            layout = with_remembered(
                registration_import.SPEC, detected, detected.header_texts(sheet)
            )
            preview = build(workbook, layout)
            if not preview.rows and not preview.missing:
                raise excel.ExcelFileError("empty_sheet")
        except ImportCancelled:
            return None
        except excel.ExcelFileError as error:
            text = file_error_text(error.code, error.params)
            QMessageBox.warning(page, self.tr("无法导入"), text)
            return None
        dialog = ImportDialog(
            workbook,
            preview,
            activity=activity["title"],
            rebuild=lambda chosen: build(workbook, chosen),
            parent=page,
        )
        accepted = dialog.exec() == ImportDialog.DialogCode.Accepted
        preview = dialog.preview
        if not accepted or not preview.good:
            self._status(self.tr("已取消导入，没有导入任何记录"))
            return None
        good = preview.good
        youths = [row.youth() for row in good]
        try:
            op_ids = page.run_job(
                lambda _progress, _cancelled: self.store.create_registrations(
                    activity_id, youths, source=RegistrationSource.IMPORT
                ),
                self.tr("正在导入 {n} 条报名…").format(n=len(youths)),
            )
        except RuleViolation as error:
            index = error.params.get("index")
            where = (
                self.tr("第 {row} 行：").format(row=good[index].row_number)
                if isinstance(index, int) and 0 <= index < len(good)
                else ""
            )
            QMessageBox.warning(
                page,
                self.tr("导入失败"),
                self.tr("{where}{reason}\n没有导入任何记录，请修改名单后重新导入。").format(
                    where=where, reason=violation_text(error)
                ),
            )
            return None
        except Exception as error:  # the transaction rolled back: say so, keep the details
            log.exception("import of %s failed", path)
            QMessageBox.critical(
                page,
                self.tr("导入失败"),
                self.tr("导入时出错，没有导入任何记录：{error}").format(error=error),
            )
            return None
        done = self.tr("导入 {n} 条报名").format(n=len(youths))
        page.undo_history.push(op_ids, done)
        self._status(self.tr("已{action}。按 Ctrl+Z 可撤销").format(action=done))
        return len(youths)
