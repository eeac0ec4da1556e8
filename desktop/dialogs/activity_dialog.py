"""Create or edit an activity. Validation uses the shared rules and shows each problem beside its
field in plain words; nothing is saved until every field is right."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.texts import local_time, problem_text
from desktop.widgets.region_combo import RegionCombo
from sync.core import rules
from sync.core.operations import Reference
from sync.core.records import CHINA_TIME

ERROR_STYLE = "color: #c0392b;"


def _to_qdatetime(value: datetime) -> QDateTime:
    local = local_time(value)
    return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def _from_qdatetime(value: QDateTime) -> datetime:
    naive = datetime.strptime(value.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")
    return naive.replace(tzinfo=CHINA_TIME)


class ActivityDialog(QDialog):
    """`values()` holds the editable fields once the dialog is accepted."""

    def __init__(
        self,
        *,
        categories: list[dict[str, Any]],
        organizations: list[dict[str, Any]],
        reference: Reference,
        initial: dict[str, Any] | None = None,
        org_id: str | None = None,
        editing: bool = False,
        now: datetime,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._reference = reference
        self._editing = editing
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.setMinimumWidth(640)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(
            rules.TITLE_MAX + 20
        )  # over the limit shows the rule's message
        self.category_combo = QComboBox()
        for c in categories:
            self.category_combo.addItem(c["name"], c["code"])
        self.org_combo = QComboBox()
        for org in organizations:
            self.org_combo.addItem(org["name"], org["id"])
        self.org_combo.setEnabled(not editing)  # the organiser is fixed once created
        self.region_combo = RegionCombo(include_all=False)
        self.location_edit = QLineEdit()
        self.lon_edit = QLineEdit()
        self.lat_edit = QLineEdit()
        self.starts_edit = self._datetime_edit()
        self.ends_edit = self._datetime_edit()
        self.opens_edit = self._datetime_edit()
        self.closes_edit = self._datetime_edit()
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, 100_000)
        self.review_check = QCheckBox()
        self.featured_check = QCheckBox()
        self.contact_name_edit = QLineEdit()
        self.contact_phone_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setMinimumHeight(90)

        self._fields = {
            "title": self.title_edit,
            "category": self.category_combo,
            "region_code": self.region_combo,
            "location_name": self.location_edit,
            "lon": self.lon_edit,
            "lat": self.lat_edit,
            "starts_at": self.starts_edit,
            "ends_at": self.ends_edit,
            "registration_opens_at": self.opens_edit,
            "registration_closes_at": self.closes_edit,
            "capacity": self.capacity_spin,
            "contact_phone": self.contact_phone_edit,
            "description": self.description_edit,
        }
        self._build_layout()
        self._load(initial or self._defaults(now), org_id)
        self.retranslate()

    # --- layout ------------------------------------------------------------------------------

    @staticmethod
    def _datetime_edit() -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        return edit

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        label.setObjectName(f"error_{name}")
        self._errors[name] = label
        return label

    def _with_error(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(name))
        return box

    def _build_layout(self) -> None:
        self.basic_group = QGroupBox()
        basic = QFormLayout(self.basic_group)
        self._basic_labels = [QLabel() for _ in range(6)]
        rows = [
            self._with_error("title", self.title_edit),
            self._with_error("category", self.category_combo),
            self.org_combo,
            self._with_error("region_code", self.region_combo),
            self._with_error("location_name", self.location_edit),
            self._coordinates_row(),
        ]
        for label, widget in zip(self._basic_labels, rows, strict=True):
            basic.addRow(label, widget)

        self.time_group = QGroupBox()
        times = QGridLayout(self.time_group)
        self._time_labels = [QLabel() for _ in range(4)]
        edits = [
            ("starts_at", self.starts_edit),
            ("ends_at", self.ends_edit),
            ("registration_opens_at", self.opens_edit),
            ("registration_closes_at", self.closes_edit),
        ]
        for i, (label, (name, edit)) in enumerate(zip(self._time_labels, edits, strict=True)):
            row, col = divmod(i, 2)
            times.addWidget(label, row, col * 2)
            times.addWidget(self._with_error(name, edit), row, col * 2 + 1)

        self.more_group = QGroupBox()
        more = QFormLayout(self.more_group)
        self._more_labels = [QLabel() for _ in range(4)]
        checks = QHBoxLayout()
        checks.addWidget(self.review_check)
        checks.addWidget(self.featured_check)
        checks.addStretch()
        contact = QHBoxLayout()
        contact.addWidget(self.contact_name_edit)
        contact.addWidget(self._with_error("contact_phone", self.contact_phone_edit))
        for label, item in zip(
            self._more_labels,
            [
                self._with_error("capacity", self.capacity_spin),
                checks,
                contact,
                self._with_error("description", self.description_edit),
            ],
            strict=True,
        ):
            more.addRow(label, item)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setShortcut(
            QKeySequence("Ctrl+S")
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.basic_group)
        layout.addWidget(self.time_group)
        layout.addWidget(self.more_group)
        layout.addWidget(self.buttons)

    def _coordinates_row(self) -> QWidget:
        row = QWidget()
        layout = QGridLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self._lon_label, self._lat_label = QLabel(), QLabel()
        layout.addWidget(self._lon_label, 0, 0)
        layout.addWidget(self.lon_edit, 0, 1)
        layout.addWidget(self._lat_label, 0, 2)
        layout.addWidget(self.lat_edit, 0, 3)
        self.pick_button = QPushButton()
        self.pick_button.clicked.connect(self.pick_on_map)
        layout.addWidget(self.pick_button, 0, 4)
        # One message line for the pair: a point is either inside Jiangsu or not.
        error = self._error_label("lon")
        self._errors["lat"] = error
        layout.addWidget(error, 1, 0, 1, 5)
        return row

    def pick_on_map(self) -> tuple[float, float] | None:
        """Choose the coordinates on the offline map; the region becomes the point's county."""
        from desktop import settings as s
        from desktop.dialogs.location_dialog import LocationDialog

        lon, lat = self._number(self.lon_edit), self._number(self.lat_edit)
        current = (lon, lat) if isinstance(lon, float) and isinstance(lat, float) else None
        if current and not self._reference.contains_point(*current):
            current = None
        dialog = LocationDialog(
            s.Settings(), contains_point=self._reference.contains_point, point=current, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.point is None:
            return None
        self.lon_edit.setText(f"{dialog.point[0]:.6f}")
        self.lat_edit.setText(f"{dialog.point[1]:.6f}")
        if dialog.county:
            self.region_combo.set_code(dialog.county)
        return dialog.point

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("编辑活动") if self._editing else self.tr("新建活动"))
        self.basic_group.setTitle(self.tr("基本信息"))
        self.time_group.setTitle(self.tr("时间安排"))
        self.more_group.setTitle(self.tr("报名与联系"))
        for label, text in zip(
            self._basic_labels,
            [
                self.tr("活动名称*"),
                self.tr("活动类别*"),
                self.tr("主办组织"),
                self.tr("所在地区*"),
                self.tr("活动地点*"),
                self.tr("坐标（可选）"),
            ],
            strict=True,
        ):
            label.setText(text)
        for label, text in zip(
            self._time_labels,
            [self.tr("开始时间*"), self.tr("结束时间*"), self.tr("报名开始"), self.tr("报名截止*")],
            strict=True,
        ):
            label.setText(text)
        for label, text in zip(
            self._more_labels,
            [self.tr("招募人数*"), self.tr("选项"), self.tr("联系人/电话"), self.tr("活动简介")],
            strict=True,
        ):
            label.setText(text)
        self._lon_label.setText(self.tr("经度"))
        self._lat_label.setText(self.tr("纬度"))
        self.lon_edit.setPlaceholderText(self.tr("如 118.78"))
        self.lat_edit.setPlaceholderText(self.tr("如 32.04"))
        self.pick_button.setText(self.tr("在地图上选择…"))
        self.title_edit.setPlaceholderText(self.tr("如：江宁区青年创业沙龙（第3期）"))
        self.location_edit.setPlaceholderText(self.tr("如：江宁区青年创业园 3 楼报告厅"))
        self.contact_name_edit.setPlaceholderText(self.tr("联系人"))
        self.contact_phone_edit.setPlaceholderText(self.tr("联系电话"))
        self.review_check.setText(self.tr("报名需要审核"))
        self.featured_check.setText(self.tr("设为精选活动"))
        self.capacity_spin.setSuffix(self.tr(" 人"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存 (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- values ------------------------------------------------------------------------------

    @staticmethod
    def _defaults(now: datetime) -> dict[str, Any]:
        day = local_time(now).replace(hour=9, minute=0, second=0, microsecond=0)
        start = day + timedelta(days=14)
        return {
            "title": "",
            "category": None,
            "region_code": "",
            "location_name": "",
            "lon": None,
            "lat": None,
            "starts_at": start,
            "ends_at": start + timedelta(hours=3),
            "registration_opens_at": day,
            "registration_closes_at": start - timedelta(days=1),
            "capacity": 30,
            "requires_review": True,
            "featured": False,
            "contact_name": "",
            "contact_phone": "",
            "description": "",
        }

    def _load(self, v: dict[str, Any], org_id: str | None) -> None:
        self.title_edit.setText(v.get("title") or "")
        index = self.category_combo.findData(v.get("category"))
        self.category_combo.setCurrentIndex(index)
        if org_id:
            self.org_combo.setCurrentIndex(max(0, self.org_combo.findData(org_id)))
        self.region_combo.set_code(v.get("region_code") or "")
        self.location_edit.setText(v.get("location_name") or "")
        self.lon_edit.setText("" if v.get("lon") is None else f"{v['lon']:.6f}")
        self.lat_edit.setText("" if v.get("lat") is None else f"{v['lat']:.6f}")
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            if v.get(name) is not None:
                self._fields[name].setDateTime(_to_qdatetime(v[name]))
        self.capacity_spin.setValue(int(v.get("capacity") or 0))
        self.review_check.setChecked(bool(v.get("requires_review")))
        self.featured_check.setChecked(bool(v.get("featured")))
        self.contact_name_edit.setText(v.get("contact_name") or "")
        self.contact_phone_edit.setText(v.get("contact_phone") or "")
        self.description_edit.setPlainText(v.get("description") or "")

    def _number(self, edit: QLineEdit) -> float | str | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            return "bad"

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "category": self.category_combo.currentData(),
            "region_code": self.region_combo.code(),
            "location_name": self.location_edit.text().strip(),
            "lon": self._number(self.lon_edit),
            "lat": self._number(self.lat_edit),
            "starts_at": _from_qdatetime(self.starts_edit.dateTime()),
            "ends_at": _from_qdatetime(self.ends_edit.dateTime()),
            "registration_opens_at": _from_qdatetime(self.opens_edit.dateTime()),
            "registration_closes_at": _from_qdatetime(self.closes_edit.dateTime()),
            "capacity": self.capacity_spin.value(),
            "requires_review": self.review_check.isChecked(),
            "featured": self.featured_check.isChecked(),
            "contact_name": self.contact_name_edit.text().strip(),
            "contact_phone": self.contact_phone_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
        }

    def org_id(self) -> str | None:
        return self.org_combo.currentData()

    def problems(self) -> list[rules.Problem]:
        values = self.values()
        problems = []
        for name in ("lon", "lat"):
            if values[name] == "bad":
                problems.append(rules.Problem("outside_jiangsu", name))
                values[name] = None
        ref = self._reference
        return problems + rules.validate_activity(
            values,
            categories=ref.categories,
            is_valid_region=ref.is_valid_region,
            contains_point=ref.contains_point,
        )

    def show_problems(self, problems: list[rules.Problem]) -> None:
        for label in self._errors.values():
            label.hide()
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field or "title", []).append(problem_text(problem))
        by_label: dict[QLabel, list[str]] = {}
        for name, texts in by_field.items():
            by_label.setdefault(self._errors[name], []).extend(texts)
        for label, texts in by_label.items():
            label.setText("；".join(dict.fromkeys(texts)))
            label.show()
        if problems:
            first = next(n for n in self._fields if n in by_field)
            self._fields[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        problems = self.problems()
        self.show_problems(problems)
        if not problems:
            super().accept()
