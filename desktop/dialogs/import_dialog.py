"""Preview of a walk-in list before it is imported: every row, bad ones highlighted with the
reason in plain words, the counts, and 导入 N 条有效记录 / 取消. Nothing is imported here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.texts import problem_text
from sync.core import messages, privacy
from sync.core.rules import Problem
from sync.tools.excel import ImportPreview, ImportRow


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def _tr(text: str) -> str:
    return QCoreApplication.translate("excel", text)


# Problems only a spreadsheet has; the shared youth rules' texts come from `sync.core.messages`.
ROW_PROBLEMS = {
    "import_bad_date": QT_TRANSLATE_NOOP("excel", "出生日期“{value}”无法识别，请写成 2008-05-01"),
    "import_bad_gender": QT_TRANSLATE_NOOP("excel", "性别“{value}”无法识别，请填写 男 或 女"),
    "import_id_number_as_number": QT_TRANSLATE_NOOP(
        "excel", "身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写"
    ),
    "import_birth_date_mismatch": QT_TRANSLATE_NOOP("excel", "出生日期与身份证号不一致"),
    "import_phone_registered": QT_TRANSLATE_NOOP("excel", "该手机号已报名此活动"),
    "import_id_registered": QT_TRANSLATE_NOOP("excel", "该身份证号已报名此活动"),
    "import_duplicate_phone": QT_TRANSLATE_NOOP("excel", "手机号与第 {row} 行重复"),
    "import_duplicate_id": QT_TRANSLATE_NOOP("excel", "身份证号与第 {row} 行重复"),
}

FILE_ERRORS = {
    "file_missing": QT_TRANSLATE_NOOP("excel", "找不到文件：{path}"),
    "file_locked": QT_TRANSLATE_NOOP(
        "excel", "文件正被其他程序占用（可能正在 Excel 中打开），请关闭后重试：{path}"
    ),
    "not_xlsx": QT_TRANSLATE_NOOP(
        "excel", "这不是 Excel 工作簿（.xlsx）文件，请在 Excel 中另存为 .xlsx 后重试"
    ),
    "empty_sheet": QT_TRANSLATE_NOOP("excel", "表格里没有任何报名数据"),
    "missing_columns": QT_TRANSLATE_NOOP(
        "excel", "表格缺少必需的列：{columns}。第一行应为列名，如 姓名、手机号"
    ),
    "cannot_write": QT_TRANSLATE_NOOP("excel", "无法保存文件：{error}"),
}


def excel_problem_text(problem: Problem) -> str:
    """A row's problem in plain words: the shared rules' texts, or the spreadsheet's own."""
    if problem.code in messages.MESSAGES:
        return problem_text(problem)
    text = ROW_PROBLEMS.get(problem.code)
    return _tr(text).format(**problem.params) if text else problem.code


def file_error_text(code: str, params: dict[str, Any]) -> str:
    text = FILE_ERRORS.get(code)
    return _tr(text).format(**params) if text else code


def ask_export_path(parent: QWidget, suggested_name: str) -> Path | None:
    """Where to write an Excel export (ending in .xlsx), or None when the user cancels."""
    translate = QCoreApplication.translate  # literal texts, so lupdate finds them
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("excel", "导出 Excel"),
        suggested_name,
        translate("excel", "Excel 工作簿 (*.xlsx)"),
    )
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


class PreviewModel(QAbstractTableModel):
    FIELDS = ("name", "phone", "gender", "birth_date", "school_or_employer", "id_number")

    def __init__(self, rows: list[ImportRow], parent: Any = None):
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.FIELDS) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("行号"),
            self.tr("姓名"),
            self.tr("手机号"),
            self.tr("性别"),
            self.tr("出生日期"),
            self.tr("学校/单位"),
            self.tr("身份证号"),
            self.tr("问题"),
        )[section]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.row_number)
            if column == len(self.FIELDS) + 1:
                return "；".join(excel_problem_text(p) for p in row.problems)
            return self._value(row, self.FIELDS[column - 1])
        if role == Qt.ItemDataRole.ToolTipRole and column == len(self.FIELDS) + 1:
            return "\n".join(excel_problem_text(p) for p in row.problems) or None
        if role == Qt.ItemDataRole.BackgroundRole and not row.good:
            return QColor("#fdecea")
        if role == Qt.ItemDataRole.ForegroundRole and column == len(self.FIELDS) + 1:
            return QColor("#c0392b")
        return None

    def _value(self, row: ImportRow, field: str) -> str:
        value = row.values.get(field)
        if field == "phone":
            return privacy.mask_phone(value or "")  # a preview is a view: masked too
        if field == "id_number":
            return privacy.mask_id_number(value or "")
        if field == "gender":
            return {"male": self.tr("男"), "female": self.tr("女")}.get(value, "")
        if field == "birth_date":
            return value.isoformat() if value else ""
        return value or ""


class ImportDialog(QDialog):
    def __init__(self, preview: ImportPreview, *, activity: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        good, bad = len(preview.good), len(preview.bad)
        self.setWindowTitle(self.tr("导入报名预览"))
        self.resize(980, 560)
        self.summary = QLabel(
            self.tr(
                "导入到：<b>{activity}</b><br>共 {total} 行：{good} 行有效，"
                "<span style='color:#c0392b'>{bad} 行有问题</span>（不会导入，原因见最后一列）。"
            ).format(activity=activity, total=good + bad, good=good, bad=bad)
        )
        self.summary.setWordWrap(True)
        self.only_bad = QCheckBox(self.tr("只看有问题的行"))
        self.only_bad.setEnabled(bad > 0)
        self.model = PreviewModel(preview.rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column, width in enumerate((48, 80, 110, 48, 96, 180, 160)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(PreviewModel.FIELDS) + 1, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(
            self.tr("有效记录将一次全部导入；中途出错则一条也不导入。导入后可按 Ctrl+Z 撤销。")
        )
        self.note.setStyleSheet("color: #777;")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("导入 {n} 条有效记录").format(n=good), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(good > 0)
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.only_bad.toggled.connect(self._filter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_bad)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    def _filter(self, only_bad: bool) -> None:
        for i, row in enumerate(self.preview.rows):
            self.table.setRowHidden(i, only_bad and row.good)
