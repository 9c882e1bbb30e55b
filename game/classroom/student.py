"""The students' pages: join (or continue with a code), the intro, the check, the week scene by
scene, the day summaries, the teacher's pause, the ending, the debrief and the check after.

Every page is a plain HTML form; every post answers with a redirect (303) to the page the student
is now on, so a reload never posts twice. A student is known only by the code in their cookie:
there is no way to name another student's week in a request.
"""
from __future__ import annotations

import asyncio
from typing import Any, Optional

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..session.truth import region_for
from ..session.words import Words
from . import views
from .room import (
    APPLIED,
    CHECK,
    CLOSED,
    DAY,
    ENDED,
    INTRO,
    STALE,
    STOPPED,
    UNKNOWN,
    WAIT,
    Classroom,
    Student,
)
from .web import CODE_COOKIE, COOKIE_AGE, NO_STORE, Guesses, Pages, Refusal, TooLarge

MAX_FIELD = 100  # characters: every id and answer of a week is far shorter
WAIT_SECONDS = 5  # how often the teacher's pause page asks again


def go(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


async def fields(request: Request, back: str = "/play") -> dict[str, str]:
    """A posted form's fields; a file, an overlong value or an unreadable body is refused (with a
    way `back`)."""
    way = (back, "classroom.error.back")
    try:
        form = await request.form(max_files=0, max_fields=40)
    except TooLarge:
        raise  # answered with 413 by the body limit
    except Exception:  # the parser's errors differ by content type: all are the sender's fault
        raise Refusal(400, "classroom.error.bad", way) from None
    out = {}
    for key, value in form.multi_items():
        if not isinstance(value, str) or len(value) > MAX_FIELD or len(key) > MAX_FIELD:
            raise Refusal(400, "classroom.error.bad", way)
        out[key] = value
    return out


def number(text: Optional[str]) -> int:
    if text is None or not text.isascii() or not text.isdigit() or len(text) > 6:
        raise Refusal(400, "classroom.error.bad", ("/play", "classroom.error.back"))
    return int(text)


def remember(response: Response, code: str) -> Response:
    response.set_cookie(CODE_COOKIE, code, max_age=COOKIE_AGE, httponly=True, samesite="lax")
    return response


def routes(room: Classroom, pages: Pages) -> list[Route]:
    analysing = asyncio.Lock()
    guesses = Guesses()

    def student(request: Request) -> Student:
        code = request.cookies.get(CODE_COOKIE)
        if not code:
            raise Refusal(403, "classroom.error.no_code", ("/", "classroom.join.again"))
        st = room.get(code)
        if st is None:
            refuse_unknown(request, forget=True)
        assert st is not None
        return st

    def refuse_unknown(request: Request, forget: bool = False) -> None:
        address = request.client.host if request.client else ""
        if guesses.blocked(address):
            raise Refusal(429, "classroom.error.guesses", ("/", "classroom.error.home"), forget=forget)
        guesses.missed(address)
        raise Refusal(404, "classroom.error.unknown_code", ("/", "classroom.join.again"), forget=forget)

    def words(st: Student) -> Words:
        return Words(room.scenario, st.lang, run=st.run)

    def page(request: Request, st: Student, name: str, status: int = 200, **context: Any) -> Response:
        w = words(st)
        return pages.render(request, name, st.lang, status, code=st.code, top=views.badge(w, st.run.score),
                            s=w.s, **context)

    async def home(request: Request) -> Response:
        st = room.get(request.cookies.get(CODE_COOKIE))
        lang = st.lang if st is not None else room.lang
        return pages.render(request, "join.html", lang, current=st, fiction=Words(room.scenario, lang).framing("tagline"))

    async def join(request: Request) -> Response:
        form = await fields(request)
        lang = form.get("lang", room.lang)
        if lang not in room.languages:
            raise Refusal(400, "classroom.error.bad")
        st = room.join(lang)
        return remember(go("/play"), st.code)

    async def resume(request: Request) -> Response:
        form = await fields(request)
        code = room.normal_code(form.get("code", ""))
        address = request.client.host if request.client else ""
        if guesses.blocked(address) or room.get(code) is None:
            refuse_unknown(request)
        return remember(go("/play"), code)

    async def play(request: Request) -> Response:
        st = student(request)
        phase = room.phase(st)
        run, w = st.run, words(st)
        if phase == ENDED:
            return go("/ending")
        if phase == INTRO:
            return page(request, st, "intro.html", intro=views.intro(w, run))
        if phase == CHECK:
            return page(request, st, "check.html", items=views.check_items(w, run, st.session.check), after=False)
        if phase == DAY:
            summary = run.day_summaries[st.days_seen]
            return page(request, st, "day.html", day=views.day(w, run, summary, st.days_seen),
                        friends=views.friends(w, run))
        if phase == WAIT:
            return page(request, st, "wait.html", weekday=w.weekday(room.hold_day or run.day), seconds=WAIT_SECONDS)
        if phase == STOPPED:
            return page(request, st, "stopped.html", weekday=w.weekday(run.day))
        return page(request, st, "scene.html", scene=views.scene(w, run), friends=views.friends(w, run))

    async def start(request: Request) -> Response:
        st = student(request)
        await fields(request)
        room.start_week(st)
        return go("/play")

    async def check(request: Request) -> Response:
        st = student(request)
        form = await fields(request)
        if room.phase(st) != CHECK:
            return go("/play")  # answered already (a second tap): nothing changes
        if "skip" in form:
            room.skip_check(st)
        elif not room.answer_check(st, {k: v for k, v in form.items() if k != "send"}):
            raise Refusal(400, "classroom.error.answers", ("/play", "classroom.error.back"))
        return go("/play")

    async def choose(request: Request) -> Response:
        st = student(request)
        form = await fields(request)
        step = number(form.get("step"))
        done = room.choose(st, form.get("choice", ""), step)
        if done == UNKNOWN:
            raise Refusal(400, "classroom.error.unknown_choice", ("/play", "classroom.error.back"))
        if done == CLOSED:
            raise Refusal(409, "classroom.error.closed", ("/play", "classroom.error.back"))
        assert done in (APPLIED, STALE)  # a stale page: the current one is shown, nothing applied
        return go("/play")

    async def next_day(request: Request) -> Response:
        st = student(request)
        form = await fields(request)
        room.next_day(st, number(form.get("day")))
        return go("/play")

    def after_week(st: Student) -> bool:
        return st.run.ended or room.phase(st) == STOPPED

    async def ending(request: Request) -> Response:
        st = student(request)
        if not st.run.ended or room.phase(st) == DAY:
            return go("/play")
        return page(request, st, "ending.html", ending=views.ending(words(st), st.run))

    async def debrief(request: Request) -> Response:
        st = student(request)
        if not after_week(st) or room.phase(st) == DAY:
            return go("/play")
        analysis = None
        if st.run.ended:
            async with analysing:  # the analysis replays the week (tens of ms): off the event loop
                made = st.session.debrief if st.session.debrief is not None and st.session.debrief.run is st.run \
                    else await run_in_threadpool(room.debrief, st)
            analysis = made.analysis
        view = await run_in_threadpool(views.debrief, words(st), st.run, analysis,
                                        region_for(room.scenario, room.region, st.lang))
        feelings = [(f, words(st).s(f"feeling.{f}")) for f in room.scenario.debrief.feelings]
        return page(request, st, "debrief.html", view=view, feelings=feelings, feeling=st.feeling,
                    ended=st.run.ended, has_check=bool(st.session.check))

    async def feeling(request: Request) -> Response:
        st = student(request)
        form = await fields(request)
        if not after_week(st) or not room.set_feeling(st, form.get("feeling", "")):
            raise Refusal(400, "classroom.error.bad", ("/debrief", "classroom.error.back"))
        return go("/debrief#feeling")

    async def after(request: Request) -> Response:
        st = student(request)
        if not after_week(st):
            return go("/play")
        if st.after_done or not st.session.check:
            return go("/results")
        return page(request, st, "check.html", items=views.check_items(words(st), st.run, st.session.check),
                    after=True)

    async def after_post(request: Request) -> Response:
        st = student(request)
        form = await fields(request)
        if not after_week(st):
            return go("/play")
        if st.after_done:
            return go("/results")  # a second tap
        if not room.answer_after(st, {k: v for k, v in form.items() if k != "send"}):
            raise Refusal(400, "classroom.error.answers", ("/after", "classroom.error.back"))
        return go("/results")

    async def results(request: Request) -> Response:
        st = student(request)
        if not after_week(st):
            return go("/play")
        view = views.results(words(st), st.run, st.session.check, st.session.check_before, st.check_after)
        return page(request, st, "results.html", view=view, answered=st.after_done,
                    has_check=bool(st.session.check))

    async def language(request: Request) -> Response:
        st = student(request)
        form = await fields(request)
        if not room.set_lang(st, form.get("lang", "")):
            raise Refusal(400, "classroom.error.bad", ("/play", "classroom.error.back"))
        back = form.get("back", "/play")
        return go(back if back in BACK else "/play")

    async def waiting(request: Request) -> Response:
        """Whether the student still waits for the teacher (the pause page asks this)."""
        return JSONResponse({"waiting": room.phase(student(request)) == WAIT}, headers=NO_STORE)

    async def network(request: Request) -> Response:
        return pages.render(request, "network.html", pages.lang_of(request))

    return [
        Route("/", home), Route("/join", join, methods=["POST"]), Route("/resume", resume, methods=["POST"]),
        Route("/play", play), Route("/start", start, methods=["POST"]), Route("/check-before", check, methods=["POST"]),
        Route("/choose", choose, methods=["POST"]), Route("/next", next_day, methods=["POST"]),
        Route("/ending", ending), Route("/debrief", debrief), Route("/feeling", feeling, methods=["POST"]),
        Route("/after", after), Route("/after", after_post, methods=["POST"]), Route("/results", results),
        Route("/lang", language, methods=["POST"]), Route("/check", network), Route("/waiting", waiting),
    ]


BACK = ("/play", "/ending", "/debrief", "/after", "/results")  # where a change of language may return to
