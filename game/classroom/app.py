"""The classroom's web app: the students' and the teacher's routes over one `Classroom`, static
files from the package, the body limit, and every error as a page.

Every handler is `async` and changes the class without awaiting in between, so the requests of
the whole class are applied one at a time by the event loop: no two taps can interleave.
"""
from __future__ import annotations

from typing import Optional

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from . import student, teacher
from .room import Classroom
from .web import HERE, MAX_BODY, BodyLimit, Pages, Refusal


def build_app(room: Classroom, join_url: Optional[str] = None) -> Starlette:
    """The whole site for `room`; `join_url` is the address the QR code gives the students (by
    default the one the teacher's page was asked for)."""
    pages = Pages(room)

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        return pages.refusal(request, exc)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        what = {404: "classroom.error.not_found", 405: "classroom.error.method"}.get(exc.status_code,
                                                                                       "classroom.error.bad")
        return pages.refusal(request, Refusal(exc.status_code, what))

    routes: list[BaseRoute] = [*student.routes(room, pages), *teacher.routes(room, pages, join_url)]
    routes.append(Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"))
    app = Starlette(routes=routes, exception_handlers={Refusal: refused, HTTPException: http_error})

    def too_large(scope: Scope) -> Response:
        return pages.refusal(Request(scope), Refusal(413, "classroom.error.too_large"))
    app.add_middleware(BodyLimit, limit=MAX_BODY, refuse=too_large)
    app.state.room = room
    return app
