"""Bad input to the classroom, through its HTTP API: every refusal is a page of its own (4xx, with a
way on) that changes nothing; one student never reaches another's week; codes cannot be guessed."""
from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the test client's notice about its HTTP library

from classroom_support import field, follow, join, phone, step_once, teacher

from game.engine import load_scenario
from game.paths import default_scenario

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# ----- bad input -------------------------------------------------------------------------------
def started(make_class):
    room, app, _ = make_class()
    client = phone(app)
    code = join(client)
    step_once(client)
    step_once(client)
    return room, app, client, room.get(code)


@pytest.mark.parametrize("form, status", [
    ({"choice": "no_such_choice"}, 400),
    ({"choice": "buy_game", "step": "x"}, 400),
    ({"choice": "buy_game", "step": "-1"}, 400),
    ({"choice": "buy_game", "step": "99999999"}, 400),
    ({"choice": "a" * 500, "step": "0"}, 400),
])
def test_bad_choices_are_refused_with_a_page_and_change_nothing(make_class, form, status):
    room, app, client, st = started(make_class)
    form = dict({"step": str(st.run.step)}, **form)
    r = client.post("/choose", data=form)
    assert r.status_code == status and "<h1>" in r.text and 'href="/play"' in r.text
    assert st.run.log == [] and st.run.step == 0


def test_a_choice_from_another_scene_is_unknown_here(make_class):
    room, app, client, st = started(make_class)
    elsewhere = next(c.id for s in room.scenario.scenes.values() for c in s.choices
                     if c.id not in {o.id for o in st.run.choices()})
    r = client.post("/choose", data={"choice": elsewhere, "step": "0"})
    assert r.status_code == 400 and st.run.log == []


def test_oversized_bodies_are_refused_with_413(make_class):
    room, app, client, st = started(make_class)
    r = client.post("/choose", content=b"choice=" + b"a" * 40_000, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and "<h1>" in r.text

    def chunks():  # no length announced: counted as it comes
        for _ in range(40):
            yield b"a" * 1000
    r = client.post("/choose", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert st.run.log == []


def test_a_forged_or_unknown_code_is_refused_with_a_way_to_join(make_class):
    room, app, _, st = started(make_class)
    stranger = phone(app)
    stranger.cookies.set("scored_code", "ZZZZZZ")
    r = stranger.get("/play")
    assert r.status_code == 404 and 'href="/"' in r.text and "scored_code=" in r.headers["set-cookie"]
    assert phone(app).get("/play").status_code == 403
    for typed in ("ZZZZZZ", "", "<script>", st.code + "X"):
        assert phone(app).post("/resume", data={"code": typed}).status_code == 404
    assert phone(app).post("/choose", data={"choice": "x", "step": "0"}).status_code == 403


def test_guessing_codes_is_stopped_after_twenty_a_minute(make_class):
    room, app, _, st = started(make_class)
    guesser = phone(app)
    statuses = [guesser.post("/resume", data={"code": f"Q{n:05d}"}).status_code for n in range(25)]
    assert statuses[:20] == [404] * 20 and set(statuses[20:]) == {429}
    assert guesser.post("/resume", data={"code": st.code}).status_code == 429  # even a right guess now
    assert "Wait a minute" in guesser.post("/resume", data={"code": st.code}).text
    guesser.cookies.set("scored_code", "ZZZZZZ")
    assert guesser.get("/play").status_code == 429  # codes tried in a cookie count too
    assert follow(guesser, guesser.post("/join", data={"lang": "en"})).status_code == 200  # joining still works
    assert len(room.students) == 2


def test_a_guesser_is_let_back_after_a_minute_and_the_table_stays_bounded():
    from game.classroom.web import Guesses
    now = [0.0]
    g = Guesses(limit=2, clock=lambda: now[0])
    g.missed("a"), g.missed("a")
    assert g.blocked("a") and not g.blocked("b")
    now[0] += Guesses.WINDOW + 1
    assert not g.blocked("a") and "a" not in g.misses
    for n in range(Guesses.MAX_ADDRESSES + 50):
        g.missed(f"10.0.{n // 256}.{n % 256}")
    assert len(g.misses) <= Guesses.MAX_ADDRESSES


def test_a_student_changes_only_their_own_week(make_class):
    room, app, client, mine = started(make_class)
    other = phone(app)
    theirs = room.get(join(other))
    page = client.get("/play").text
    # another student's code in a form field means nothing: the cookie alone says whose week it is
    client.post("/choose", data={"choice": field(page, "choice"), "step": "0", "code": theirs.code})
    assert len(mine.run.log) == 1 and theirs.run.log == [] and not theirs.intro_seen


def test_bad_answers_to_the_check_keep_nothing(make_class):
    room, app, _ = make_class()
    client = phone(app)
    code = join(client)
    step_once(client)
    q = room.get(code).session.check[0]
    r = client.post("/check-before", data={q.id: "no_such_answer", "send": "1"})
    assert r.status_code == 400 and room.get(code).session.check_before is None
    assert not room.get(code).check_done


def test_pages_load_nothing_from_elsewhere(make_class):
    room, app, _ = make_class(load_scenario(default_scenario()))
    client = phone(app)
    join(client)
    for _ in range(3):
        step_once(client)
    pages = [client.get(p) for p in ("/", "/play", "/check")] + [teacher(app, room).get("/teacher")]
    for r in pages:
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY" and r.headers["cache-control"] == "no-store"
        assert not re.findall(r'(?:src|href)="(?:https?:)?//', r.text)  # scripts, styles, links: all local


def test_unknown_addresses_and_methods_get_pages(make_class):
    room, app, _ = make_class()
    client = phone(app)
    r = client.get("/nothing/here")
    assert r.status_code == 404 and "<h1>" in r.text
    assert client.get("/choose").status_code == 405
    assert client.get("/check").status_code == 200  # the network check
