"""Text rules shared by both ends: what a stored identifier or typed field may contain."""

from __future__ import annotations

# No control characters in an identifier or in anything a youth types: PostgreSQL text cannot
# hold NUL, and none belongs in a name or an id, so they are refused at the door instead of
# failing in the database.
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
