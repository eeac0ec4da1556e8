"""Personal-data rules shared by every view and export: masking, and the age below which a
youth needs a guardian's consent. Plain functions, no Qt, no database."""

from __future__ import annotations

from datetime import date

# Under the Minor Protection Law a child under 14 needs a guardian's consent before an
# organisation processes their personal information.
GUARDIAN_CONSENT_AGE = 14


# A masked phone keeps its last four digits readable, so a search by up to four trailing digits
# reveals nothing the list does not show already; a longer one would let the hidden digits be
# recovered a search at a time.
PHONE_TAIL_MAX = 4


def phone_tail(word: str) -> str | None:
    """The search word as the tail of a phone number (1 to PHONE_TAIL_MAX digits), else None:
    the one rule of every list that searches by phone."""
    return word if word.isdigit() and len(word) <= PHONE_TAIL_MAX else None


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
