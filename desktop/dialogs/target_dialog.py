"""下达考核目标: the level above sets (or changes) a subordinate organisation's target."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.texts import problem_text
from desktop.widgets.dialog_buttons import action_buttons
from sync.core.operations.targets import MAX_TARGET, validate_target
from sync.core.records import AssessmentTarget

DEFAULTS = AssessmentTarget(id="", org_id="")  # the founding notice's 10 and 200


class TargetDialog(QDialog):
    def __init__(
        self,
        orgs: list[tuple[str, str]],
        *,
        period: tuple[date, date],
        current: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ):
        """`orgs`: (id, name) of the organisations this account may set targets for;
        `current`: the target being changed (its organisation is then fixed)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改考核目标") if current else self.tr("下达考核目标"))
        self.org_combo = QComboBox()
        for org_id, name in orgs:
            self.org_combo.addItem(name, org_id)
        self.start_edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.end_edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.featured_spin = QSpinBox(maximum=MAX_TARGET)
        self.participants_spin = QSpinBox(maximum=MAX_TARGET)
        start, end = period
        featured, participants = DEFAULTS.featured_activities, DEFAULTS.participants
        if current:
            self.org_combo.setCurrentIndex(self.org_combo.findData(current["org_id"]))
            self.org_combo.setEnabled(False)
            start, end = current["period_start"], current["period_end"]
            featured, participants = current["featured_activities"], current["participants"]
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self.featured_spin.setValue(featured)
        self.participants_spin.setValue(participants)
        self.problem_label = QLabel(styleSheet="color: #c8161d;")
        self.problem_label.setWordWrap(True)
        note = QLabel(self.tr("目标由上级下达，同步后下级可看到；被考核的组织自己不能修改。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(self.tr("被考核组织"), self.org_combo)
        form.addRow(self.tr("开始日期"), self.start_edit)
        form.addRow(self.tr("截止日期"), self.end_edit)
        form.addRow(self.tr("精品活动数"), self.featured_spin)
        form.addRow(self.tr("参与人次"), self.participants_spin)
        self.buttons = action_buttons(self, self.tr("保存") if current else self.tr("下达"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def org_id(self) -> str:
        return self.org_combo.currentData()

    def fields(self) -> dict[str, Any]:
        return {
            "period_start": self.start_edit.date().toPython(),
            "period_end": self.end_edit.date().toPython(),
            "featured_activities": self.featured_spin.value(),
            "participants": self.participants_spin.value(),
        }

    def accept(self) -> None:
        problems = validate_target(self.fields())
        if problems:  # the same rule the server applies, said before anything is queued
            self.problem_label.setText("；".join(problem_text(p) for p in problems))
            return
        super().accept()
