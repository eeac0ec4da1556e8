"""Importing a walk-in list: the mapping step, then every row with what was normalised (before →
after), bad ones highlighted with the reason in plain words, conflicts with stored youths for the
cadre to settle, the counts, and 导入 N 条有效记录 / 取消. Nothing is imported here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.mapping_step import MappingStep, remember
from desktop.texts import problem_text
from sync.core import messages, privacy
from sync.core.rules import Problem
from sync.tools.excel import ExcelFileError
from sync.tools.registration_import import SPEC, Change, ImportPreview, ImportRow
from sync.tools.spreadsheet import INVISIBLE, ImportCancelled, Layout, Workbook


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
    "import_already_registered": QT_TRANSLATE_NOOP("excel", "此人已报名此活动"),
    "import_holder_registered": QT_TRANSLATE_NOOP(
        "excel", "手机号或身份证号属于已存青年“{name}”，其已报名此活动"
    ),
    "import_previously_rejected": QT_TRANSLATE_NOOP(
        "excel", "此人此前报名此活动被拒绝（{reason}），导入后重新审核"
    ),
    "import_formula_error": QT_TRANSLATE_NOOP(
        "excel", "单元格是公式出错的结果“{value}”，不是数据；请在表格中改正"
    ),
    "import_masked": QT_TRANSLATE_NOOP(
        "excel", "号码是脱敏的（中间是 *），无法导入；请填写完整号码"
    ),
    "import_month_only": QT_TRANSLATE_NOOP("excel", "出生日期“{value}”只有年月，按该月 1 日导入"),
    "import_identity_split": QT_TRANSLATE_NOOP(
        "excel", "手机号和身份证号分别属于两位已存青年，请核对后修改名单"
    ),
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
    "legacy_xls": QT_TRANSLATE_NOOP(
        "excel", "这是旧版 Excel 文件（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后重试"
    ),
    "password_protected": QT_TRANSLATE_NOOP(
        "excel", "这个工作簿设了打开密码，无法读取；请在 Excel 或 WPS 中取消密码后另存再导入"
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "excel", "这个 Excel 文件已损坏，无法读取；请在 Excel 或 WPS 中打开并另存后重试"
    ),
    "masked_export": QT_TRANSLATE_NOOP(
        "excel",
        "这是脱敏导出的名单（手机号中间是 *），不能再导入；请使用填有完整手机号的名单",
    ),
    "empty_sheet": QT_TRANSLATE_NOOP("excel", "表格里没有任何报名数据"),
    "missing_columns": QT_TRANSLATE_NOOP(
        "excel", "表格缺少必需的列：{columns}。表头应有列名，如 姓名、手机号"
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


CONFLICTS = {
    "import_phone_held": QT_TRANSLATE_NOOP(
        "excel", "手机号属于已存青年“{name}”，与名单上的姓名不同"
    ),
    "import_id_held": QT_TRANSLATE_NOOP(
        "excel", "身份证号属于已存青年“{name}”（手机号 {phone}），与名单上的手机号不同"
    ),
    "import_id_differs": QT_TRANSLATE_NOOP("excel", "已存青年“{name}”的身份证号与名单上的不同"),
}
SETTLED = QT_TRANSLATE_NOOP("excel", "；将报名已存青年“{name}”")
UNSETTLED = QT_TRANSLATE_NOOP("excel", "；请选择“使用已存青年”，或修改名单后重新导入")
# The fields' names, in the context the mapping step translates a spec's labels in.
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("excel", "姓名"),
    "phone": QT_TRANSLATE_NOOP("excel", "手机号"),
    "gender": QT_TRANSLATE_NOOP("excel", "性别"),
    "birth_date": QT_TRANSLATE_NOOP("excel", "出生日期"),
    "school_or_employer": QT_TRANSLATE_NOOP("excel", "学校/单位"),
    "id_number": QT_TRANSLATE_NOOP("excel", "身份证号"),
}
# How much of a number a preview shows: the same parts as `sync.core.privacy` masks keep.
VISIBLE_DIGITS = {"phone": (3, 4), "id_number": (6, 2)}


def _masked(field: str, value: str) -> str:
    """A number as written in the file, its middle digits hidden like everywhere else (a
    leading +86 / 0086 stays readable), invisible characters shown as ␣."""
    value = INVISIBLE.sub("␣", value)
    if field not in VISIBLE_DIGITS:
        return value
    head, tail = VISIBLE_DIGITS[field]
    positions = [i for i, c in enumerate(value) if c.isalnum()]
    if field == "phone":
        head += max(0, len(positions) - 11)  # a country code in front
    hidden = set(positions[head : max(head, len(positions) - tail)])
    return "".join("*" if i in hidden else c for i, c in enumerate(value))


def change_text(change: Change) -> str:
    label = _tr(FIELD_LABELS[change.field])
    before, after = _masked(change.field, change.before), _masked(change.field, change.after)
    return f"{label}：{before} → {after}"


def conflict_text(row: ImportRow) -> str:
    conflict = row.conflict
    if conflict is None:
        return ""
    youth = conflict.youth
    text = _tr(CONFLICTS[conflict.code]).format(
        name=youth.name, phone=privacy.mask_phone(youth.phone)
    )
    if row.use_stored:
        return text + _tr(SETTLED).format(name=youth.name)
    return text + _tr(UNSETTLED)


def row_notes(row: ImportRow) -> list[str]:
    """Everything to say about a row, the problems first."""
    return [
        *(excel_problem_text(p) for p in row.problems),
        *([conflict_text(row)] if row.conflict and not row.problems else []),
        *(excel_problem_text(p) for p in row.notes),
        *(change_text(c) for c in row.changes),
    ]


class PreviewModel(QAbstractTableModel):
    FIELDS = ("name", "phone", "gender", "birth_date", "school_or_employer", "id_number")
    NOTES = len(FIELDS) + 1

    def __init__(self, rows: list[ImportRow], parent: Any = None):
        super().__init__(parent)
        self.rows = rows

    def set_rows(self, rows: list[ImportRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.NOTES))

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.NOTES + 1

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
            self.tr("说明"),
        )[section]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == SORT_ROLE:
            return row.row_number if column == 0 else self.data(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.row_number)
            if column == self.NOTES:
                return "；".join(row_notes(row))
            return self._value(row, self.FIELDS[column - 1])
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTES:
            return "\n".join(row_notes(row)) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.problems:
                return QColor("#fdecea")
            if row.conflict is not None:
                return QColor("#e8f4fd" if row.use_stored else "#fff4e0")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NOTES and not row.good:
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


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class PreviewFilter(QSortFilterProxyModel):
    """Sorting by any column and 只看有问题的行 over the (in-memory) preview."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.only_bad = False
        self.setSortRole(SORT_ROLE)

    def set_only_bad(self, only_bad: bool) -> None:
        self.only_bad = only_bad
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, _parent: Any) -> bool:
        if not self.only_bad:
            return True
        row = self.sourceModel().rows[source_row]
        return not row.good or row.conflict is not None


Rebuild = Callable[[Layout], ImportPreview]


class ImportDialog(QDialog):
    """`rebuild(layout)` reads the list again (on a worker) after the mapping changed; it
    raises ExcelFileError or ImportCancelled, which the dialog shows in place."""

    def __init__(
        self,
        workbook: Workbook,
        preview: ImportPreview,
        *,
        activity: str,
        rebuild: Rebuild,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.preview = preview
        self.rebuild = rebuild
        self.activity = activity
        self.setWindowTitle(self.tr("导入报名"))
        self.resize(1080, 720)
        self.mapping = MappingStep(SPEC, workbook, parent=self)
        self.mapping.show_layout(preview.layout)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # three lines always: the table below does not jump as the text changes
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3)
        self.only_bad = QCheckBox(self.tr("只看有问题和待处理的行(&B)"))
        self.model = PreviewModel(preview.rows, self)
        self.proxy = PreviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self._sorted_by_row_number()
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column, width in enumerate((48, 80, 110, 48, 96, 160, 160)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(PreviewModel.NOTES, QHeaderView.ResizeMode.Stretch)
        self.use_stored = QPushButton(self.tr("使用已存青年(&U)"))
        self.use_stored.setToolTip(self.tr("所选冲突行报名已存的那位青年，名单上的信息不导入"))
        self.leave_out = QPushButton(self.tr("不导入此行(&L)"))
        self.leave_out.setToolTip(self.tr("所选冲突行不导入；修改名单后可再导入"))
        conflict_bar = QHBoxLayout()
        conflict_bar.addWidget(self.only_bad)
        conflict_bar.addStretch(1)
        conflict_bar.addWidget(self.use_stored)
        conflict_bar.addWidget(self.leave_out)
        self.note = QLabel(
            self.tr("有效记录将一次全部导入；中途出错则一条也不导入。导入后可按 Ctrl+Z 撤销。")
        )
        self.note.setStyleSheet("color: #777;")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.only_bad.toggled.connect(self.proxy.set_only_bad)
        self.use_stored.clicked.connect(lambda: self._settle(True))
        self.leave_out.clicked.connect(lambda: self._settle(False))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.mapping.layout_changed.connect(self._layout_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.mapping)
        layout.addWidget(self.summary)
        layout.addLayout(conflict_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._show_counts()

    def _sorted_by_row_number(self) -> None:
        """Sortable, and shown sorted by 行号, which the rows already are: sorting them anyway
        (twice) asked the model for a row number 109,000 times for 5,000 rows, 0.2-0.4 s."""
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts by that column: none, the rows' own order
        header.blockSignals(True)  # the arrow on 行号, without sorting again
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _layout_changed(self, layout: Layout) -> None:
        try:
            preview = self.rebuild(layout)
        except ExcelFileError as error:
            preview, problem = ImportPreview([], layout), file_error_text(error.code, error.params)
        except ImportCancelled:
            preview, problem = ImportPreview([], layout), self.tr("已取消读取，请重新选择")
        else:
            problem = ""
        self.preview = preview
        self.model.set_rows(preview.rows)
        self._show_counts(problem)

    def _show_counts(self, problem: str = "") -> None:
        preview = self.preview
        good, bad = len(preview.good), len(preview.bad)
        waiting = sum(1 for r in preview.conflicts if not r.use_stored)
        if problem:
            text = f"<span style='color:#c0392b'>{problem}</span>"
        elif preview.missing:
            text = "<span style='color:#c0392b'>{}</span>".format(
                self.tr("请为必需的列选择表格中的列：{columns}").format(
                    columns="、".join(_tr(FIELD_LABELS[f.key]) for f in preview.missing)
                )
            )
        elif not preview.rows:
            text = self.tr("表头下面没有数据行，请检查工作表和表头行")
        elif not bad:
            text = self.tr("导入到：<b>{activity}</b><br>共 {total} 行，全部有效。").format(
                activity=self.activity, total=good
            )
        else:
            text = self.tr(
                "导入到：<b>{activity}</b><br>共 {total} 行：{good} 行有效，"
                "<span style='color:#c0392b'>{bad} 行有问题或待处理</span>"
                "（不会导入，原因见“说明”列）。"
            ).format(activity=self.activity, total=good + bad, good=good, bad=bad)
            if waiting:
                text += self.tr(
                    "<br><b>{n} 行与已存青年冲突</b>："
                    "选中后点“使用已存青年”，或修改名单后重新导入。"
                ).format(n=waiting)
        self.summary.setText(text)
        self.only_bad.setEnabled(bad > 0 or bool(preview.conflicts))
        self.import_button.setText(self.tr("导入 {n} 条有效记录").format(n=good))
        self.import_button.setEnabled(good > 0)
        self._update_buttons()

    def _selected_conflicts(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return sorted(r for r in rows if self.model.rows[r] in self.preview.conflicts)

    def _update_buttons(self, *_args: Any) -> None:
        chosen = [self.model.rows[r] for r in self._selected_conflicts()]
        self.use_stored.setEnabled(any(not r.use_stored for r in chosen))
        self.leave_out.setEnabled(any(r.use_stored for r in chosen))

    def _settle(self, use_stored: bool) -> None:
        """The cadre's answer for the selected conflicts; either can be taken back."""
        for source_row in self._selected_conflicts():
            self.model.rows[source_row].use_stored = use_stored
            self.model.row_changed(source_row)
        self._show_counts()

    def accept(self) -> None:
        remember(SPEC, self.preview.layout, self.mapping.headers())
        super().accept()
