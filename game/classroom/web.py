"""What the students' and the teacher's pages share: the Jinja2 pages in the reader's language,
refusals as pages of their own (4xx, with a way on), the cookies, and the limit on request bodies.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..session.strings import ui
from .room import Classroom, Student

HERE = Path(__file__).resolve().parent
MAX_BODY = 16 * 1024  # a form of this game is well under 1 KB
CODE_COOKIE = "scored_code"
TEACHER_COOKIE = "scored_teacher"
COOKIE_AGE = 12 * 3600  # a school day: a code is worth nothing once the class has ended


class Refusal(Exception):
    """A request refused with a page: its status, the string ids of its title and text, and the
    address and label of the way on."""

    def __init__(self, status: int, what: str, way: Optional[tuple[str, str]] = None, *, forget: bool = False,
                 **values: Any):
        super().__init__(what)
        self.status, self.what, self.way, self.values = status, what, way, values
        self.forget = forget  # the code in the cookie is no good: drop it


class Guesses:
    """Unknown codes (typed or in a cookie), counted per address for a minute, in memory only:
    past `limit` that address is refused for the rest of the minute, so nobody can try codes
    until one belongs to a classmate (36**6 codes; 20 a minute is a few thousand in a lesson)."""

    WINDOW = 60.0  # seconds
    MAX_ADDRESSES = 4096  # a flood from many addresses cannot grow the table without bound

    def __init__(self, limit: int = 20, clock: Callable[[], float] = time.monotonic):
        self.limit, self.clock = limit, clock
        self.misses: dict[str, list[float]] = {}

    def _recent(self, address: str) -> list[float]:
        now = self.clock()
        kept = [t for t in self.misses.get(address, ()) if now - t < self.WINDOW]
        if kept:
            self.misses[address] = kept
        else:
            self.misses.pop(address, None)
        return kept

    def blocked(self, address: str) -> bool:
        return len(self._recent(address)) >= self.limit

    def missed(self, address: str) -> None:
        if address not in self.misses and len(self.misses) >= self.MAX_ADDRESSES:
            for old in [a for a in self.misses if not self._recent(a)]:
                self.misses.pop(old, None)
            if len(self.misses) >= self.MAX_ADDRESSES:
                self.misses.pop(next(iter(self.misses)))
        self.misses.setdefault(address, []).append(self.clock())


class BodyLimit:
    """Refuse bodies over `limit` bytes with 413, whether announced (Content-Length) or streamed."""

    def __init__(self, app: ASGIApp, limit: int, refuse: Callable[[Scope], Response]):
        self.app, self.limit, self.refuse = app, limit, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limit:
            await self.refuse(scope)(scope, receive, send)
            return
        seen, started = 0, False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge()
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)
        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if not started:
                await self.refuse(scope)(scope, receive, send)


class TooLarge(Exception):
    """A body went over the limit while it was being read."""


class Pages:
    """The templates and what every page is given: the words of its language."""

    def __init__(self, room: Classroom):
        self.room = room
        self.env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                               autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)

    def lang_of(self, request: Request, student: Optional[Student] = None) -> str:
        if student is not None:
            return student.lang
        st = self.room.get(request.cookies.get(CODE_COOKIE))
        return st.lang if st is not None else self.room.lang

    def t(self, lang: str, string_id: str, **values: Any) -> str:
        return ui(string_id, lang, **values)

    def render(self, request: Request, name: str, lang: str, status: int = 200, **context: Any) -> HTMLResponse:
        def t(string_id: str, **values: Any) -> str:
            return ui(string_id, lang, **values)
        page = self.env.get_template(name).render(
            t=t, lang=lang, languages=self.room.languages, request=request, scenario=self.room.scenario, **context)
        return HTMLResponse(page, status_code=status, headers=NO_STORE)

    def refusal(self, request: Request, exc: Refusal) -> HTMLResponse:
        lang = self.lang_of(request)
        way = exc.way or ("/", "classroom.error.home")
        page = self.render(request, "error.html", lang, exc.status, what=exc.what, way=way, values=exc.values)
        if exc.forget:
            page.delete_cookie(CODE_COOKIE)
        return page


# pages change with every tap: a phone's back button must ask again, not show an old page. The
# policy lets a page load only what this laptop serves (nothing from the internet, ever) and
# keeps it out of other sites' frames (no one can trick the teacher into pressing a control).
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            "X-Frame-Options": "DENY"}
