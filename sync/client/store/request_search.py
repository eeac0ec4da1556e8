"""The 诉求 queue's text search index: an FTS5 table of the character bigrams of each request's
text and of its youth's name, kept in step with the rows by triggers.

Why bigrams: most searches are two-character Chinese words (就业, 心理), which SQLite's
`trigram` tokenizer cannot match and `unicode61` does not split (it takes a run of Han
characters for one token). So the words are made here, in Python: each run of letters and
digits becomes its overlapping pairs of characters, and a search word of n ≥ 2 characters
becomes the phrase of its n-1 pairs, which matches exactly where the word occurs (substring
search, like LIKE '%word%', but through the index); see `words` for one character.

The table is contentless (it stores only the index, not the bigram text, which would be ~7
bytes a character); removing a row's entry therefore names the values it was indexed with,
which `words` recomputes (it must stay deterministic: changing it needs a `rebuild` in a
schema step). Its rowid is the request's rowid: only VACUUM renumbers those, and the store
vacuums only an emptied database (`Store.clear_local_data`), where nothing is left to renumber.

Every connection that writes requests or youths needs `register` (the triggers call `words`):
`db.make_engine` and `migrations.migrate` do it; a connection without it fails loudly
("no such function"), it cannot leave the index behind silently. The table and its triggers
are schema step 11 (`migrations._v11_request_search`).
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

TABLE = "request_search"
FUNCTION = "request_search_words"


def _runs(text: str) -> list[str]:
    """The runs of letters and digits of `text`, normalised (full-width to half-width, case
    folded), in order."""
    runs, current = [], []
    for char in unicodedata.normalize("NFKC", text).casefold():
        if char.isalnum():
            current.append(char)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def words(text: str | None) -> str:
    """What the index holds for `text`: each run's pairs of characters, then its last character
    alone, space-separated (FTS5's `ascii` tokenizer splits on spaces and keeps every non-ASCII
    character in a token). The lone character ends the run: a phrase of pairs never spans two
    runs ("就业，创业" holds no "业创"), and a one-character search finds it as the prefix of a
    pair or as itself ("业" is in 就业 业 创业 业)."""
    if not text:
        return ""
    return " ".join(" ".join([*_pairs(run), run[-1]]) for run in _runs(text))


def match_expression(word: str) -> str:
    """The FTS5 query finding `word` (one search word, as typed) in the text or the name: for
    each run of letters and digits in it, the phrase of its pairs, or for a single character
    the tokens it begins; "" when the word has no letters or digits (it narrows nothing)."""
    # Pairs are letters and digits only: nothing inside the quotes needs escaping.
    return " AND ".join(
        f'"{" ".join(_pairs(run))}"' if len(run) > 1 else f'"{run}"*' for run in _runs(word)
    )


def register(dbapi_connection: Any) -> None:
    """Make `words` callable from SQL on this DB-API connection (sqlite3 or SQLCipher)."""
    dbapi_connection.create_function(FUNCTION, 1, words, deterministic=True)


def rebuild(conn: Connection) -> None:
    """Index every request afresh (after a snapshot's bulk copy, made with the triggers off)."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
    conn.exec_driver_sql(
        f"INSERT INTO {TABLE} (rowid, text, name) "
        f"SELECT r.rowid, {FUNCTION}(r.text), {FUNCTION}(y.name) "
        "FROM requests AS r LEFT JOIN youths AS y ON y.id = r.youth_id"
    )


# Erased words must leave the file (the server empties an erased youth's requests and name).
# FTS5 removes a row by writing a delete marker; the old entry stays in its segment until a
# merge. SQLite ≥ 3.42 (SQLCipher's, and recent Pythons') can remove it at once ("secure-
# delete", kept in the table's config); an older one gets the index merged into one segment
# after each pull instead (`optimize`: ~0.3 s for 50,000 requests, nothing when already one).


def secure_delete(engine: Engine, writer: Engine) -> bool:
    """Have FTS5 remove deleted entries at once (set once, kept in the file); False where this
    SQLite cannot, or the database is busy (the merge after pulls then does it)."""
    try:
        with engine.connect() as conn:  # a read: a store that is already set never waits
            setting = f"SELECT v FROM {TABLE}_config WHERE k = 'secure-delete'"
            if conn.exec_driver_sql(setting).scalar() == 1:
                return True
        with writer.begin() as conn:
            conn.exec_driver_sql(f"INSERT INTO {TABLE} ({TABLE}, rank) VALUES ('secure-delete', 1)")
    except OperationalError as error:  # too old ("SQL logic error"), or locked by a sync
        log.info("search index: no secure-delete (%s); merged after pulls instead", error)
        return False
    return True


def optimize(conn: Connection) -> None:
    """Merge the index into one segment, leaving out every deleted entry."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
