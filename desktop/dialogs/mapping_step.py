"""The first step of every import: which sheet, which row is the header, and which column holds
each field, all detected and all changeable; the mapping a user settles on is remembered (per
kind of import, by header text) for the next file."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from sync.tools.spreadsheet import (
    ImportSpec,
    Layout,
    Workbook,
    detect_layout,
    header_key,
    layout_for,
)

NOT_IMPORTED = -1
MAPPING_COLUMNS = 3  # fields side by side, so the preview keeps the height


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _settings_key(spec: ImportSpec) -> str:
    return f"import/{spec.name}/headers"


def remembered(spec: ImportSpec) -> dict[str, str]:
    """field key → the (normalised) header the user last mapped it to."""
    value = QSettings().value(_settings_key(spec), "")
    try:
        found = json.loads(value) if value else {}
    except (TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def remember(spec: ImportSpec, layout: Layout, headers: list[str]) -> None:
    mapping = {key: header_key(headers[i]) for key, i in layout.columns.items() if i < len(headers)}
    QSettings().setValue(_settings_key(spec), json.dumps(mapping, ensure_ascii=False))


def with_remembered(spec: ImportSpec, layout: Layout, headers: list[str]) -> Layout:
    """The detected layout with the user's earlier choices where this header has those
    columns: a header the synonyms do not know, or a column the user preferred."""
    keys = [header_key(h) for h in headers]
    columns = dict(layout.columns)
    for field, header in remembered(spec).items():
        if header and header in keys and field in {f.key for f in spec.fields}:
            index = keys.index(header)
            columns = {k: i for k, i in columns.items() if i != index}
            columns[field] = index
    return Layout(layout.sheet, layout.header_row, columns)


class MappingStep(QGroupBox):
    """Sheet, header row and column per field; emits `layout_changed` after each change."""

    layout_changed = Signal(object)
    """(Layout) the user chose another sheet, header row or column."""

    def __init__(self, spec: ImportSpec, workbook: Workbook, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("表格：工作表、表头和列"))
        self.spec = spec
        self.workbook = workbook
        self.sheet_box = QComboBox()
        self.sheet_box.addItems([s.name for s in workbook.sheets])
        self.sheet_box.setEnabled(len(workbook.sheets) > 1)
        self.header_row = QSpinBox()
        self.hidden_note = QLabel()
        self.hidden_note.setStyleSheet("color: #777;")
        if workbook.hidden:
            self.hidden_note.setText(
                self.tr("隐藏的工作表不导入：{names}").format(names="、".join(workbook.hidden))
            )
        self.columns: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for n, field in enumerate(spec.fields):
            box = QComboBox()
            box.setMinimumContentsLength(10)
            self.columns[field.key] = box
            # a spec's labels are translated in the "excel" context (import_dialog.FIELD_LABELS)
            text = QCoreApplication.translate("excel", field.label)
            label = QLabel(text + (" *" if field.required else ""))
            label.setBuddy(box)
            row, col = divmod(n, MAPPING_COLUMNS)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(box, row, col * 2 + 1)
            box.currentIndexChanged.connect(lambda _i, key=field.key: self._column_chosen(key))
        top = QHBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("工作表(&S)："), self.sheet_box)
        top.addLayout(form)
        form = QFormLayout()
        form.addRow(self.tr("表头所在行(&H)："), self.header_row)
        top.addLayout(form)
        top.addWidget(self.hidden_note, 1)
        outer = QGridLayout(self)
        outer.addLayout(top, 0, 0)
        outer.addLayout(grid, 1, 0)
        note = QLabel(self.tr("带 * 的列必须有。列名不对时，在这里改；下次导入会记住。"))
        note.setStyleSheet("color: #777;")
        outer.addWidget(note, 2, 0)
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        self.header_row.valueChanged.connect(self._header_chosen)
        self.layout_now: Layout = Layout(workbook.sheets[0].name, 1, {})

    def show_layout(self, layout: Layout) -> None:
        """Show `layout` in the widgets without announcing it."""
        self.layout_now = layout
        sheet = self.workbook.sheet(layout.sheet)
        headers = layout.header_texts(sheet)
        widgets = [self.sheet_box, self.header_row, *self.columns.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.sheet_box.setCurrentText(sheet.name)
        self.header_row.setRange(1, max(1, len(sheet.rows)))
        self.header_row.setValue(layout.header_row)
        width = max([len(headers), *(len(r) for r in sheet.rows[:50])], default=0)
        for key, box in self.columns.items():
            box.clear()
            box.addItem(self.tr("（不导入）"), NOT_IMPORTED)
            for i in range(width):
                header = headers[i] if i < len(headers) else ""
                box.addItem(f"{column_letter(i)}：{header}" if header else column_letter(i), i)
            box.setCurrentIndex(box.findData(layout.columns.get(key, NOT_IMPORTED)))
        for widget in widgets:
            widget.blockSignals(False)

    def headers(self) -> list[str]:
        return self.layout_now.header_texts(self.workbook.sheet(self.layout_now.sheet))

    def _announce(self, layout: Layout) -> None:
        self.show_layout(layout)
        self.layout_changed.emit(layout)

    def _sheet_chosen(self, index: int) -> None:
        sheet = self.workbook.sheets[index]
        layout = detect_layout(self.spec, sheet)
        self._announce(with_remembered(self.spec, layout, layout.header_texts(sheet)))

    def _header_chosen(self, row: int) -> None:
        sheet = self.workbook.sheet(self.layout_now.sheet)
        layout = layout_for(self.spec, sheet, row)
        self._announce(with_remembered(self.spec, layout, layout.header_texts(sheet)))

    def _column_chosen(self, key: str) -> None:
        index = self.columns[key].currentData()
        columns = {k: i for k, i in self.layout_now.columns.items() if k != key}
        if index != NOT_IMPORTED:
            # one column feeds one field: taking it away from another field says so visibly
            columns = {k: i for k, i in columns.items() if i != index}
            columns[key] = index
        layout = self.layout_now
        self._announce(Layout(layout.sheet, layout.header_row, columns))
