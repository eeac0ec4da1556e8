"""User-facing texts for values that come from `sync`: rule messages, phases, times, phones."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from sync.core import messages
from sync.core.privacy import GUARDIAN_CONSENT_AGE
from sync.core.records import CHINA_TIME, Phase
from sync.core.rules import Problem, RuleViolation


def tr_rules(text: str) -> str:
    return QCoreApplication.translate(messages.CONTEXT, text)


def rule_message(code: str, params: dict | None = None) -> str:
    return messages.render(code, params or {}, tr_rules)


def problem_text(problem: Problem) -> str:
    return rule_message(problem.code, problem.params)


def violation_text(error: RuleViolation) -> str:
    if error.problems:
        return "\n".join(problem_text(p) for p in error.problems)
    return rule_message(error.code, error.params)


def label(key: str) -> str:
    """A field, status, phase or action name from `sync.core.messages.LABELS`."""
    return tr_rules(messages.LABELS[key])


def consent_text(consent: str, *, short: bool = False) -> str:
    """A child's guardian consent as every page words it (`messages.CONSENT_WORDS`); a value
    this version does not know reads as not confirmed."""
    words = messages.CONSENT_WORDS.get(consent, messages.CONSENT_WORDS["unknown"])
    return tr_rules(words[1] if short else words[0])


def minor_note(consent: str) -> str:
    """Why a child's row is flagged, with the consent recorded so far."""
    return tr_rules(messages.MINOR_NOTE).format(
        age=GUARDIAN_CONSENT_AGE, consent=consent_text(consent)
    )


def phase_text(phase: Phase) -> str:
    return label(phase.value)


def local_time(value: datetime | None) -> datetime | None:
    return value.astimezone(CHINA_TIME) if value is not None else None


def format_time(value: datetime | None, *, with_year: bool = True) -> str:
    if value is None:
        return ""
    t = local_time(value)
    # Formatted by hand: strftime costs ten times as much, and the map formats thousands.
    day = f"{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"
    return f"{t.year:04d}-{day}" if with_year else day


def format_span(start: datetime | None, end: datetime | None) -> str:
    """2026-12-08 09:00–12:00 within a day, else 2026-12-08 09:00 – 12-10 17:00."""
    if start is None:
        return ""
    if end is None:
        return format_time(start)
    local_start, local_end = local_time(start), local_time(end)
    if local_start.date() == local_end.date():
        return f"{format_time(start)}–{local_end:%H:%M}"
    with_year = local_start.year != local_end.year
    return f"{format_time(start)} – {format_time(end, with_year=with_year)}"
