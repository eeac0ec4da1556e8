"""Personal-data rules shared by every view and export: masking, and the age below which a
youth needs a guardian's consent. Plain functions, no Qt, no database."""

from __future__ import annotations

from datetime import date

# Under the Minor Protection Law a child under 14 needs a guardian's consent before an
# organisation processes their personal information.
GUARDIAN_CONSENT_AGE = 14


def mask_phone(phone: str) -> str:
    """138****5678: personal data stays masked unless the user may, and asks to, see it."""
    if len(phone) < 7:
        return "*" * len(phone)
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"


def mask_id_number(id_number: str) -> str:
    """320115**********12: the region prefix and the last two characters stay readable."""
    if len(id_number) < 10:
        return "*" * len(id_number)
    return f"{id_number[:6]}{'*' * (len(id_number) - 8)}{id_number[-2:]}"


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on `day` (a birthday on 29 February counts on 1 March)."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def needs_guardian_consent(birth_date: date | None, day: date) -> bool:
    """True for a youth known to be under GUARDIAN_CONSENT_AGE on `day`."""
    return birth_date is not None and age_on(birth_date, day) < GUARDIAN_CONSENT_AGE
