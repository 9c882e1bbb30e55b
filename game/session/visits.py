"""Anonymous visit counts for the kiosk's operator, in a small SQLite file (WAL mode).

One row per day and language: how many visits started, how many reached the week's ending
(finished), how many read the debrief to its last page (debriefed), and how many left before the
ending (abandoned). Nothing else is stored: no time finer than the day (the table refuses anything
but YYYY-MM-DD), no choices, no scores, no order of visits (the table has no row ids).

Like the play statistics (stats.py), the file never stops the game: a damaged file is set aside
(renamed to `<name>.broken-N`) with one sentence for the log, and counting starts afresh; any
other SQLite error leaves a sentence in `notice` and the count is lost, the visit goes on.

>>> import tempfile, os
>>> folder = tempfile.TemporaryDirectory()
>>> visits = Visits(os.path.join(folder.name, "visits.sqlite3"))
>>> counter = VisitCounter(visits, today=lambda: "2025-05-01")
>>> counter.begin("nl"); counter.finish(); counter.end()
>>> counter.begin("en"); counter.end()
>>> [tuple(r) for r in visits.rows()]
[('2025-05-01', 'en', 1, 0, 0, 1), ('2025-05-01', 'nl', 1, 1, 0, 0)]
>>> visits.close(); folder.cleanup()
"""
from __future__ import annotations

import datetime
import os
import re
import sqlite3
import threading
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Union

from .sqlite_files import set_aside

SCHEMA_VERSION = 1
FILE_NAME = "visits.sqlite3"
TIMEOUT = 0.25  # seconds to wait for another writer: the frame loop never waits long
EVENTS = ("started", "finished", "debriefed", "abandoned")
LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    day TEXT NOT NULL CHECK (length(day) = 10 AND day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    lang TEXT NOT NULL,
    started INTEGER NOT NULL DEFAULT 0,
    finished INTEGER NOT NULL DEFAULT 0,
    debriefed INTEGER NOT NULL DEFAULT 0,
    abandoned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, lang)
) WITHOUT ROWID;
"""
COLUMNS = ["day", "lang", "started", "finished", "debriefed", "abandoned"]


def default_path() -> Path:
    from ..paths import data_dir
    return data_dir() / FILE_NAME


def today() -> str:
    """The local date, the finest time the counts know."""
    return datetime.date.today().isoformat()


class VisitRow(NamedTuple):
    day: str
    lang: str
    started: int
    finished: int
    debriefed: int
    abandoned: int


def _looks_broken(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("malformed", "not a database", "corrupt", "disk image"))


class Visits:
    """The counts file. Never raises into the game: a failure leaves `notice` (one sentence)."""

    def __init__(self, path: Union[str, "os.PathLike[str]", None] = None, *, timeout: float = TIMEOUT):
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        self.notice: Optional[str] = None
        self.set_aside_as: Optional[Path] = None
        self._conn: Optional[sqlite3.Connection] = None
        self._lock = threading.Lock()
        self._open()

    @property
    def available(self) -> bool:
        return self._conn is not None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path), timeout=self.timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise sqlite3.DatabaseError(f"journal mode is {mode}, not wal")
            conn.execute("PRAGMA synchronous = FULL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version == 0 and not tables:
                conn.executescript("BEGIN IMMEDIATE;" + SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            elif version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"unknown visit counts format {version}")
            found = [r[1] for r in conn.execute("PRAGMA table_info(visits)")]
            if found != COLUMNS:
                raise sqlite3.DatabaseError(f"table visits has columns {found}")
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
            return
        except sqlite3.OperationalError as exc:
            if not _looks_broken(exc):  # locked, read-only, no such folder: the file may be fine
                self.notice = f"scored: visits are not counted ({exc})."
                return
        except sqlite3.DatabaseError:
            pass
        except OSError as exc:
            self.notice = f"scored: visits are not counted ({exc.strerror or exc})."
            return
        self._start_fresh()

    def _start_fresh(self) -> None:
        moved = set_aside(self.path)
        if moved is None:
            self.notice = (f"scored: the visit counts file {self.path} is damaged and cannot be moved; "
                           f"visits are not counted.")
            return
        self.set_aside_as = moved
        self.notice = (f"scored: the visit counts file was damaged and was set aside as {moved.name}; "
                       f"counting starts afresh.")
        try:
            self._conn = self._connect()
        except (sqlite3.Error, OSError) as exc:
            self.notice = f"scored: visits are not counted ({exc})."

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None

    # ----- counting ---------------------------------------------------------------------------
    def count(self, event: str, day: str, lang: str) -> bool:
        """Add one to `event` on `day` (YYYY-MM-DD) in `lang`; False (and `notice`) if it could not be."""
        if event not in EVENTS:
            raise ValueError(f"unknown visit event {event!r}")
        if not DAY.fullmatch(day):
            raise ValueError(f"a day is YYYY-MM-DD, not {day!r}")
        lang = lang if LANG.fullmatch(lang) else "other"
        with self._lock:
            for attempt in (1, 2):
                conn = self._conn
                if conn is None:
                    return False
                try:
                    conn.execute(f"INSERT INTO visits (day, lang, {event}) VALUES (?, ?, 1) "
                                 f"ON CONFLICT (day, lang) DO UPDATE SET {event} = {event} + 1", (day, lang))
                    return True
                except sqlite3.DatabaseError as exc:
                    if attempt == 1 and _looks_broken(exc):
                        self._conn = None
                        try:
                            conn.close()
                        except sqlite3.Error:
                            pass
                        self._start_fresh()
                        continue
                    self.notice = f"scored: a visit could not be counted ({exc})."
                    return False
                except sqlite3.Error as exc:
                    self.notice = f"scored: a visit could not be counted ({exc})."
                    return False
        return False

    def rows(self) -> list[VisitRow]:
        """Every day and language, oldest first."""
        with self._lock:
            if self._conn is None:
                return []
            try:
                found = self._conn.execute(f"SELECT {', '.join(COLUMNS)} FROM visits ORDER BY day, lang").fetchall()
            except sqlite3.Error:
                return []
        return [VisitRow(*r) for r in found]


def read_rows(path: Union[str, "os.PathLike[str]", None] = None) -> tuple[list[VisitRow], Optional[str]]:
    """The counts for `scored visits`, read only (nothing is created, moved or written; the game may
    be counting at the same time): the rows, or a sentence on why there are none."""
    where = Path(path) if path is not None else default_path()
    if not where.is_file():
        return [], f"No visits have been counted yet ({where} does not exist)."
    # With the game running, its -wal and -shm exist and are shared; without, `immutable` reads the
    # file as it is and creates no -wal or -shm (which, made by another user, the game could not open).
    running = Path(f"{where}-wal").exists()
    try:
        conn = sqlite3.connect(f"{where.resolve().as_uri()}?{'mode=ro' if running else 'immutable=1'}",
                               uri=True, timeout=2.0)
    except sqlite3.Error as exc:
        return [], f"The visit counts in {where} cannot be opened ({exc})."
    try:
        found = [r[1] for r in conn.execute("PRAGMA table_info(visits)")]
        if found != COLUMNS:
            return [], f"{where} does not hold visit counts."
        rows = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM visits ORDER BY day, lang").fetchall()
        return [VisitRow(*r) for r in rows], None
    except sqlite3.Error as exc:
        return [], f"The visit counts in {where} cannot be read ({exc})."
    finally:
        conn.close()


class VisitCounter:
    """The visit under way: counted by the day it began and the language it began in."""

    def __init__(self, store: Optional[Visits], today: Callable[[], str] = today):
        self.store = store
        self.today = today
        self.day: Optional[str] = None
        self.lang = ""
        self.finished = False
        self.debriefed = False

    @property
    def active(self) -> bool:
        return self.day is not None

    def _count(self, event: str) -> None:
        if self.store is not None and self.day is not None:
            self.store.count(event, self.day, self.lang)

    def begin(self, lang: str) -> None:
        """A visitor started a week (a visit still under way is closed first)."""
        self.end()
        self.day, self.lang, self.finished, self.debriefed = self.today(), lang, False, False
        self._count("started")

    def finish(self) -> None:
        """The visit reached the week's ending."""
        if self.active and not self.finished:
            self.finished = True
            self._count("finished")

    def debrief_read(self) -> None:
        """The visit reached the debrief's last page."""
        if self.active and self.finished and not self.debriefed:
            self.debriefed = True
            self._count("debriefed")

    def end(self) -> None:
        """The visit is over (back to the title, or the game stops): abandoned if it never ended."""
        if self.active and not self.finished:
            self._count("abandoned")
        self.day = None
