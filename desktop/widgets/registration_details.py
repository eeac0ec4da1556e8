"""The 报名审核 page's read-outs: the seat line of one activity, and the side panel with one
registration's details (personal data masked) and its history from `registration_events`."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

from desktop.models.registration_table import RegistrationTableModel
from desktop.texts import consent_text, format_time, label, rule_message
from sync.core import privacy
from sync.core.records import GuardianConsent, RegistrationStatus


class SeatsLabel(QLabel):
    """已通过 23 / 名额 30 · 候补 4 · 待审核 12, for the activity in view."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="capacity_label")

    def show_counts(self, counts: dict[str, Any] | None) -> None:
        """`counts` from `registration_queries.seat_counts`, or None when no activity is in view."""
        if counts is None:
            self.setText(self.tr("选择一个活动，或选中一条报名，即可看到该活动的名额情况"))
            self.setStyleSheet("color: #777; font-size: 14px;")
            return
        full = counts["approved"] >= counts["capacity"]
        text = self.tr(
            "<b>{title}</b>：已通过 {approved} / 名额 {capacity} · 候补 {waitlisted} · "
            "待审核 {pending}"
        ).format(
            title=escape(counts["title"]),
            approved=counts["approved"],
            capacity=counts["capacity"],
            waitlisted=counts["waitlisted"],
            pending=counts["pending"],
        )
        if full:
            text += self.tr("（已满，再通过将进入候补）")
        self.setText(text)
        self.setStyleSheet(f"font-size: 14px; color: {'#b26a00' if full else '#333'};")


class RegistrationDetails(QTextBrowser):
    def __init__(self, model: RegistrationTableModel, parent: QWidget | None = None):
        super().__init__(parent, objectName="details")
        self._model = model
        self.setOpenLinks(False)

    def show_selection(self, count: int) -> None:
        """No single registration in view: how many are selected, or a hint."""
        text = (
            self.tr("已选中 {n} 条报名").format(n=count)
            if count
            else self.tr("选中一条报名，在这里查看详情和审核记录")
        )
        self.setHtml(f"<p style='color:#777'>{escape(text)}</p>")

    def show_registration(self, row: dict[str, Any], history: list[dict[str, Any]]) -> None:
        model = self._model
        birth = row["birth_date"]
        lines = [
            (self.tr("手机号"), privacy.mask_phone(row["phone"])),
            (self.tr("身份证号"), privacy.mask_id_number(row["id_number"]) or "—"),
            (self.tr("性别"), model.gender_text(row["gender"]) or "—"),
            (
                self.tr("出生日期"),
                self.tr("{date}（{age} 岁）").format(date=f"{birth:%Y-%m-%d}", age=model.age(row))
                if birth
                else "—",
            ),
            (self.tr("学校/单位"), row["school_or_employer"] or "—"),
            (self.tr("活动"), row["activity_title"]),
            (self.tr("报名时间"), format_time(row["registered_at"])),
            (self.tr("状态"), label(row["status"])),
            (self.tr("来源"), model.source_text(row["source"])),
        ]
        if row["reject_reason"]:
            lines.append((self.tr("拒绝理由"), row["reject_reason"]))
        # Outside the f-strings below, so that lupdate finds them.
        under_14, history_title = self.tr("未满14岁"), self.tr("审核记录")
        no_history = self.tr("暂无记录")
        html = [f"<h3 style='margin:0'>{escape(row['name'])}</h3>"]
        if model.needs_consent(row):
            color = "#1e8a3a" if row["guardian_consent"] == GuardianConsent.GIVEN else "#c0392b"
            html.append(
                f"<p style='color:{color}'><b>{escape(under_14)}</b> · "
                f"{escape(consent_text(row['guardian_consent']))}</p>"
            )
            if model.awaits_consent(row) and row["status"] != RegistrationStatus.CANCELLED:
                why = rule_message("guardian_consent_required", {})
                html.append(f"<p style='color:#c0392b'>{escape(why)}</p>")
        html.append("<table cellspacing='0' cellpadding='2'>")
        for name, value in lines:
            html.append(
                f"<tr><td style='color:#777'>{escape(name)}</td><td>{escape(value)}</td></tr>"
            )
        html.append(f"</table><h4>{escape(history_title)}</h4>")
        if not history:
            html.append(f"<p style='color:#777'>{escape(no_history)}</p>")
        for event in history:
            text = f"{format_time(event['at'])} · {self.actor_text(event['actor'])} · "
            text += self.action_text(event["action"])
            detail = event["detail"]
            if event["action"] == "registered":
                detail = model.source_text(detail) if detail else ""
            elif event["action"] == "waitlisted" and detail.isdigit():  # the capacity it met
                detail = self.tr("名额已满（{n} 人）").format(n=detail)
            if detail:
                text += f"：{detail}"
            html.append(f"<p style='margin:2px 0'>{escape(text)}</p>")
        self.setHtml("".join(html))

    def actor_text(self, actor: str) -> str:
        return {"youth": self.tr("青年本人"), "system": self.tr("系统")}.get(actor, actor)

    def action_text(self, action: str) -> str:
        return {
            "registered": self.tr("报名"),
            "approved": self.tr("通过"),
            "waitlisted": self.tr("转入候补"),
            "promoted": self.tr("候补转正"),
            "rejected": self.tr("拒绝"),
            "cancelled": self.tr("取消报名"),
        }.get(action, action)
