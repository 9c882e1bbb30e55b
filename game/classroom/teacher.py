"""The teacher's pages: the projector's view (a QR code to join, who is on which day, live by
server-sent events), the controls (hold at a day's end, release, end the week, end the class),
the class debrief (printable) and the anonymous CSV export.

Only the secret token opens them: given in the teacher's address once, then kept in a cookie;
every control is a POST form that carries the token too, so no other page can press it.
"""
from __future__ import annotations

import asyncio
import json
import secrets
from typing import Any, AsyncIterator, Optional

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from ..session.words import Words
from . import summary, svg
from .room import Classroom
from .student import fields, go
from .web import COOKIE_AGE, NO_STORE, TEACHER_COOKIE, Pages, Refusal

KEEPALIVE = 15.0  # seconds between comments on a quiet event stream (proxies and phones drop idle ones)
SETTLE = 0.5  # seconds to gather a burst of taps into one update
STREAM_LIFE = 600.0  # seconds before a stream ends (the browser opens a new one at once)


def short(url: str) -> str:
    """An address as said aloud: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def routes(room: Classroom, pages: Pages, join_url: Optional[str]) -> list[Route]:
    def same(token: Optional[str]) -> bool:
        return bool(token) and secrets.compare_digest(str(token).encode(), room.token.encode())

    def teacher(request: Request) -> None:
        if not same(request.cookies.get(TEACHER_COOKIE)):
            raise Refusal(403, "classroom.error.teacher", ("/", "classroom.error.home"))

    async def control(request: Request) -> dict[str, str]:
        form = await fields(request, "/teacher")
        if not same(form.get("token")):
            raise Refusal(403, "classroom.error.teacher", ("/", "classroom.error.home"))
        return form

    def words() -> Words:
        return Words(room.scenario, room.lang)

    def joining(request: Request) -> str:
        return join_url or str(request.base_url)

    def live_context() -> dict[str, Any]:
        w = words()
        now = summary.live(room)
        most = max([n for _, n in now.days] + [1])
        return dict(live=now, most=most, weekday=w.weekday, hold=w.weekday(room.hold_day) if room.hold_day else "")

    def page(request: Request, name: str, **context: Any) -> Response:
        return pages.render(request, name, room.lang, token=room.token, s=words().s, **context)

    async def open_teacher(request: Request) -> Response:
        token = request.query_params.get("token")
        if token is not None:
            if not same(token):
                raise Refusal(403, "classroom.error.teacher", ("/", "classroom.error.home"))
            response = go("/teacher")  # the token leaves the address bar (and the browser's history)
            response.set_cookie(TEACHER_COOKIE, token, max_age=COOKIE_AGE, httponly=True, samesite="lax")
            return response
        teacher(request)
        url = joining(request)
        sc = room.scenario
        return page(request, "teacher.html", join=url, join_short=short(url),
                    check_url=url.rstrip("/") + "/check",
                    qr=svg.qr(url, pages.t(room.lang, "classroom.teacher.scan"), 10),
                    days=[(d, words().weekday(d)) for d in range(sc.first_day, sc.last_day)],
                    suggested=room.hold_day or next((d for d, n in summary.live(room).days if n), sc.first_day),
                    **live_context())

    async def live_part(request: Request) -> Response:
        teacher(request)
        return page(request, "live.html", **live_context())

    async def events(request: Request) -> Response:
        teacher(request)
        wake = asyncio.Event()
        loop = asyncio.get_running_loop()

        def changed() -> None:
            loop.call_soon_threadsafe(wake.set)

        def message() -> str:
            html = pages.env.get_template("live.html").render(t=lambda sid, **v: pages.t(room.lang, sid, **v),
                                                              **live_context())
            return f"event: live\ndata: {json.dumps({'html': html, 'version': room.version})}\n\n"

        async def stream() -> AsyncIterator[str]:
            room.listeners.append(changed)
            try:
                yield "retry: 2000\n\n" + message()
                ends = loop.time() + STREAM_LIFE
                while loop.time() < ends:
                    try:
                        await asyncio.wait_for(wake.wait(), KEEPALIVE)
                    except asyncio.TimeoutError:
                        yield ": still here\n\n"
                        continue
                    await asyncio.sleep(SETTLE)
                    wake.clear()
                    yield message()
            finally:
                room.listeners.remove(changed)
        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers=dict(NO_STORE, **{"X-Accel-Buffering": "no"}))

    async def hold(request: Request) -> Response:
        form = await control(request)
        day = form.get("day", "")
        if not (day.isascii() and day.isdigit() and len(day) < 3 and room.hold(int(day))):
            raise Refusal(400, "classroom.error.bad", ("/teacher", "classroom.error.back"))
        return go("/teacher")

    async def release(request: Request) -> Response:
        await control(request)
        room.release()
        return go("/teacher")

    async def end_week(request: Request) -> Response:
        form = await control(request)
        room.end_week(form.get("go_on") is None)
        return go("/teacher")

    async def class_debrief(request: Request) -> Response:
        teacher(request)
        w = words()
        figures = summary.class_debrief(room)
        sc = room.scenario
        band = svg.class_band([(w.weekday(d), lo, mid, hi) for d, lo, mid, hi in figures.days],
                              pages.t(room.lang, "classroom.class.band_title"),
                              [(w.s(g.label), g.at) for g in sc.gates]) if figures.days else ""

        def general(string_id: str) -> str:
            """A choice's words for the whole class: a placeholder (one student's score) as "…"."""
            return sc.strings.get(string_id, w.content_lang, lambda name: "…")
        return page(request, "class.html", figures=figures, band=band, means=summary.check_means(room),
                    minimum=summary.MIN_WEEKS, live=summary.live(room), weekday=w.weekday,
                    ending_title={e.id: w.s(e.title) for e in sc.endings},
                    gate_label={g.id: w.s(g.label) for g in sc.gates},
                    choice_text={c.id: general(c.text) for s in sc.scenes.values() for c in s.choices
                                 if not c.synthetic}, shown=summary.SHOWN,
                    time=lambda t: w.ui(f"time.{t}"))

    async def export(request: Request) -> Response:
        teacher(request)
        name = f"scored-class-{room.scenario.id}.csv"
        return Response(summary.export_csv(room), media_type="text/csv; charset=utf-8",
                        headers=dict(NO_STORE, **{"Content-Disposition": f'attachment; filename="{name}"'}))

    async def end_class(request: Request) -> Response:
        teacher(request)
        return page(request, "end.html", live=summary.live(room), done=False)

    async def end_class_post(request: Request) -> Response:
        await control(request)
        room.end_class()
        return page(request, "end.html", live=summary.live(room), done=True)

    return [
        Route("/teacher", open_teacher), Route("/teacher/live", live_part), Route("/teacher/events", events),
        Route("/teacher/hold", hold, methods=["POST"]), Route("/teacher/release", release, methods=["POST"]),
        Route("/teacher/end-week", end_week, methods=["POST"]), Route("/teacher/class", class_debrief),
        Route("/teacher/export.csv", export), Route("/teacher/end", end_class),
        Route("/teacher/end", end_class_post, methods=["POST"]),
    ]

