"""Personal-data rules shared by every view and export: masking, and the age below which a
youth needs a guardian's consent. Plain functions, no Qt, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sync.core.records import CHINA_TIME, GuardianConsent

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


@dataclass(frozen=True)
class Mask:
    """How a personal number is shown masked: its first `head` and last `tail` characters
    readable, the rest starred; one shorter than `shortest` is starred whole. The server builds
    the same rule in SQL (`sync.server.privacy`), so a masked value reads alike everywhere, and
    masking a masked value changes nothing."""

    head: int
    tail: int
    shortest: int

    def apply(self, value: str) -> str:
        if len(value) < self.shortest:
            return "*" * len(value)
        hidden = len(value) - self.head - self.tail
        return f"{value[: self.head]}{'*' * hidden}{value[len(value) - self.tail :]}"


PHONE_MASK = Mask(head=3, tail=PHONE_TAIL_MAX, shortest=7)  # 138****5678
ID_NUMBER_MASK = Mask(head=6, tail=2, shortest=10)  # 320115**********12

# The personal numbers the server masks in everything it sends a device (pull, snapshot); the
# whole number leaves it only through a logged reveal to an account allowed to see it.
MASKED_FIELDS: dict[str, dict[str, Mask]] = {
    "youths": {"phone": PHONE_MASK, "id_number": ID_NUMBER_MASK},
}


# The name an erased youth's row keeps (`sync.server.retention.erase_youth`): the row stays so
# registrations and counts do, but it names nobody. Data, not interface text: never translated.
ERASED_NAME = "（已删除）"


def mask_phone(phone: str) -> str:
    """138****5678: personal data stays masked unless the user may, and asks to, see it."""
    return PHONE_MASK.apply(phone)


def mask_id_number(id_number: str) -> str:
    """320115**********12: the region prefix and the last two characters stay readable."""
    return ID_NUMBER_MASK.apply(id_number)


# A mobile or resident ID number inside free text (not part of a longer run of digits).
_NUMBER_IN_TEXT = re.compile(r"(?<![0-9])(1[3-9][0-9]{9}|[0-9]{17}[0-9Xx])(?![0-9Xx])")


def mask_numbers_in_text(text: str) -> str:
    """Free text a youth writes (a request) with any mobile or ID number in it masked as the
    fields are: the text goes to every cadre in scope, and the youth's own phone reaches them
    masked already, so a number typed into the text must not reveal more."""

    def masked(match: re.Match[str]) -> str:
        number = match[0]
        return mask_phone(number) if len(number) == 11 else mask_id_number(number.upper())

    return _NUMBER_IN_TEXT.sub(masked, text)


def age_on(birth_date: date, day: date) -> int:
    """Whole years of age on `day` (a birthday on 29 February counts on 1 March)."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def needs_guardian_consent(birth_date: date | None, day: date) -> bool:
    """True for a youth known to be under GUARDIAN_CONSENT_AGE on `day`."""
    return birth_date is not None and age_on(birth_date, day) < GUARDIAN_CONSENT_AGE


def activity_day(starts_at: datetime) -> date:
    """The day (China time) an activity starts: a youth's age for it is their age that day,
    whatever the day they register or are reviewed (so a fixed clock or a late review never
    changes who counts as a child)."""
    return starts_at.astimezone(CHINA_TIME).date()


def awaits_guardian_consent(
    birth_date: date | None, consent: GuardianConsent | str, starts_at: datetime
) -> bool:
    """The one rule for minors' registrations: a youth under GUARDIAN_CONSENT_AGE on the day
    the activity starts cannot be approved (by a cadre, by an activity without review, or from
    the waitlist) until a guardian's consent is recorded. A youth without a birth date is not
    known to be a child."""
    return (
        needs_guardian_consent(birth_date, activity_day(starts_at))
        and consent != GuardianConsent.GIVEN
    )
