"""The classroom through its HTTP API (Starlette's test client; each client is one phone with its
own cookies): join, a whole week, the debrief, the teacher's pages and export, every bad input
refused with a page that changes nothing, and a restart that loses nothing."""
from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the test client's notice about its HTTP library

from classroom_support import (
    field,
    finish,
    follow,
    join,
    phone,
    play_week,
    step_once,
    teacher,
)

from game.classroom.store import Store
from game.classroom.summary import MIN_WEEKS
from game.engine import load_scenario
from game.paths import default_scenario, scenario_file
from game.session import strings

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# ----- joining and playing ---------------------------------------------------------------------
def test_join_hands_out_a_short_code_in_a_private_cookie(make_class):
    room, app, _ = make_class()
    client = phone(app)
    page = client.get("/").text
    assert '<html lang="en">' in page and "English" in page and "Nederlands" in page
    r = client.post("/join", data={"lang": "nl"})
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    code = client.cookies["scored_code"]
    assert re.fullmatch(r"[A-Z0-9]{6}", code) and room.get(code).lang == "nl"
    page = client.get("/play").text
    assert code in page and '<html lang="nl">' in page


@pytest.mark.parametrize("lang", ["en", "nl", "de"])
def test_a_whole_week_then_the_debrief_and_the_check_after(make_class, lang):
    strings.MISSING.clear()
    room, app, _ = make_class(load_scenario(default_scenario()), lang)
    client = phone(app)
    code = join(client, lang)
    assert play_week(client) > 25
    st = room.get(code)
    assert st.run.ended and st.session.check_before
    ending = client.get("/ending").text
    assert room.scenario.strings.get(st.run.ending.title, lang) in ending
    for fid in room.scenario.friends:  # every friend's epilogue
        assert room.scenario.strings.get(st.run.epilogue(fid), lang).split("{")[0][:20] in ending.replace("&#39;", "'").replace("&#34;", '"')
    debrief = client.get("/debrief").text
    assert '<svg class="chart"' in debrief and 'class="qr"' in debrief and "https://" in debrief
    feeling = room.scenario.debrief.feelings[0]
    assert client.post("/feeling", data={"feeling": feeling}).status_code == 303
    assert st.feeling == feeling
    finish(client)
    results = client.get("/results").text
    assert st.after_done and len(st.check_after) == len(st.session.check)
    assert results.count('class="answer"') == len(st.session.check)
    assert strings.MISSING == set(), strings.MISSING


def test_a_scene_shows_the_score_with_its_tier_and_shape_and_the_friends(make_class):
    room, app, _ = make_class(load_scenario(default_scenario()))
    client = phone(app)
    code = join(client)
    step_once(client)  # the intro
    page = follow(client, client.post("/check-before", data={"skip": "1"})).text
    run = room.get(code).run
    tier = room.scenario.strings.get(room.scenario.tier_for(run.score).label, "en")
    assert f"<strong>{run.score}</strong> <span>{tier}</span>" in page and '<svg class="shape"' in page
    for fid in room.scenario.friends:
        assert room.scenario.strings.get(room.scenario.friends[fid].name, "en") in page


def test_another_scenario_plays_in_the_classroom(make_class):
    room, app, _ = make_class(load_scenario(scenario_file("gigweek")), "nl")
    client = phone(app)
    code = join(client, "nl")
    play_week(client, pick=1)
    finish(client)
    assert room.get(code).run.ended and client.get("/results").status_code == 200


def test_the_code_continues_the_week_on_another_phone(make_class):
    room, app, _ = make_class()
    first = phone(app)
    code = join(first)
    for _ in range(4):
        step_once(first)
    log = list(room.get(code).run.log)
    second = phone(app)
    r = second.post("/resume", data={"code": f" {code[:3].lower()}-{code[3:]} "})
    assert r.status_code == 303 and second.cookies["scored_code"] == code
    assert second.get("/play").text == first.get("/play").text
    assert room.get(code).run.log == log


def test_a_double_tap_applies_once_and_a_stale_page_shows_the_current_one(make_class):
    room, app, _ = make_class()
    client = phone(app)
    code = join(client)
    step_once(client)
    step_once(client)  # intro and check done: a scene
    page = client.get("/play").text
    form = {"choice": field(page, "choice"), "step": field(page, "step")}
    first, second = client.post("/choose", data=form), client.post("/choose", data=form)
    assert first.status_code == second.status_code == 303 and second.headers["location"] == "/play"
    assert room.get(code).run.log == [form["choice"]]
    assert client.post("/next", data={"day": "5"}).status_code == 303  # a summary not shown: nothing
    assert room.get(code).days_seen == 0


# ----- the teacher -------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/teacher", "/teacher/class", "/teacher/export.csv", "/teacher/events",
                                  "/teacher/live", "/teacher/end"])
def test_teacher_pages_need_the_token(make_class, path):
    room, app, _ = make_class()
    client = phone(app)
    assert client.get(path).status_code == 403
    client.cookies.set("scored_teacher", "wrong")
    assert client.get(path).status_code == 403
    assert client.get("/teacher?token=wrong").status_code == 403


@pytest.mark.parametrize("path, form", [("/teacher/hold", {"day": "1"}), ("/teacher/release", {}),
                                        ("/teacher/end-week", {}), ("/teacher/end", {})])
def test_teacher_controls_need_the_token_in_the_form(make_class, path, form):
    room, app, _ = make_class()
    st = room.join("en")
    client = teacher(app, room)  # the cookie alone is not enough for a control
    for token in (None, "wrong"):
        data = dict(form, **({"token": token} if token else {}))
        assert client.post(path, data=data).status_code == 403
    assert room.hold_day is None and not room.week_ended and room.get(st.code) is not None


def test_the_teacher_page_shows_the_qr_code_and_who_is_on_which_day(make_class):
    room, app, _ = make_class()
    for _ in range(3):
        student = phone(app)
        join(student)
        step_once(student)
    client = teacher(app, room)
    page = client.get("/teacher").text
    assert 'class="qr"' in page and "192.168.1.20:8765" in page and "3 students joined" in page
    assert room.token in page  # in the controls' forms
    assert "3 students joined" in client.get("/teacher/live").text


def test_hold_at_a_days_end_waits_then_release_goes_on(make_class):
    room, app, _ = make_class()
    client = teacher(app, room)
    assert client.post("/teacher/hold", data={"token": room.token, "day": "1"}).status_code == 303
    student = phone(app)
    code = join(student)
    while room.phase(room.get(code)) != "wait":
        assert step_once(student) is not None
    page = student.get("/play").text
    assert 'http-equiv="refresh"' in page and room.get(code).run.day == 2  # inside <noscript>
    assert student.get("/waiting").json() == {"waiting": True}
    r = student.post("/choose", data={"choice": room.get(code).run.choices()[0].id,
                                      "step": str(room.get(code).run.step)})
    assert r.status_code == 409 and len(room.get(code).run.log) == room.get(code).run.step
    assert "1 student is waiting" in client.get("/teacher/live").text
    client.post("/teacher/release", data={"token": room.token})
    assert student.get("/waiting").json() == {"waiting": False}
    assert 'action="/choose"' in student.get("/play").text
    assert client.post("/teacher/hold", data={"token": room.token, "day": "99"}).status_code == 400


def test_ending_the_week_for_all_stops_unfinished_weeks(make_class):
    room, app, _ = make_class()
    student = phone(app)
    code = join(student)
    for _ in range(4):
        step_once(student)
    client = teacher(app, room)
    client.post("/teacher/end-week", data={"token": room.token})
    page = follow(student, student.get("/play")).text
    assert 'href="/debrief"' in page and 'action="/choose"' not in page
    debrief = student.get("/debrief")
    assert debrief.status_code == 200 and '<svg class="chart"' in debrief.text
    finish_after = student.get("/after")
    assert finish_after.status_code == 200 and "fieldset" in finish_after.text
    client.post("/teacher/end-week", data={"token": room.token, "go_on": "1"})
    assert 'action="/choose"' in follow(student, student.get("/play")).text and room.get(code)


def test_the_class_debrief_shows_shares_only_from_five_weeks(make_class):
    room, app, _ = make_class()
    client = teacher(app, room)
    for i in range(MIN_WEEKS):
        if i == MIN_WEEKS - 1:
            assert "Bought and caught" not in client.get("/teacher/class").text
            assert "%" not in client.get("/teacher/class").text.split("</h1>")[1].split("questions-h")[0]
        student = phone(app)
        join(student)
        play_week(student, pick=i)
        finish(student)
    page = client.get("/teacher/class").text
    assert page.count('class="bar"') >= 4 and '<svg class="chart band"' in page
    assert "students answered before and after" in page and "%" in page


def test_the_export_has_every_week_and_no_code(make_class):
    room, app, _ = make_class()
    codes = []
    for i in range(3):
        student = phone(app)
        codes.append(join(student))
        if i:
            play_week(student, pick=i)
            finish(student)
    r = teacher(app, room).get("/teacher/export.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.strip().splitlines()
    assert lines[0].startswith("week,scenario,finished,ending,final_score") and len(lines) == 4
    assert not any(code in r.text for code in codes)
    finished = [line for line in lines[1:] if ",yes," in line]
    assert len(finished) == 2 and all(line.count(",") >= 7 for line in finished)


def test_ending_the_class_deletes_its_data(make_class):
    room, app, path = make_class()
    student = phone(app)
    join(student)
    step_once(student)
    client = teacher(app, room)
    assert "/teacher/export.csv" in client.get("/teacher/end").text
    assert client.post("/teacher/end", data={"token": room.token}).status_code == 200
    assert room.students == {} and Store(path).rows() == []
    assert student.get("/play").status_code == 404
    assert client.get("/teacher").status_code == 200  # the same teacher's address still works


def test_the_live_view_streams_server_sent_events(make_class):
    room, app, _ = make_class()
    client = teacher(app, room)
    with client.stream("GET", "/teacher/events") as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        text = ""
        for chunk in r.iter_text():
            text += chunk
            if "\n\n" in text.split("retry", 1)[-1].split("\n\n", 1)[-1] or text.count("\n\n") >= 2:
                break
    assert "event: live" in text and "students joined" in text.replace("student joined", "students joined")


# ----- a restart -------------------------------------------------------------------------------
def test_a_restart_loses_nothing(make_class):
    room, app, path = make_class()
    done, halfway = phone(app), phone(app)
    first, second = join(done), join(halfway)
    play_week(done)
    finish(done)
    for _ in range(5):
        step_once(halfway)
    room.hold(2)
    before = {code: (st.run.log, st.days_seen, st.check_done, st.session.check_before, st.check_after)
              for code, st in room.students.items()}
    room.store.close()
    again, app2, _ = make_class(path=path)
    after = {code: (st.run.log, st.days_seen, st.check_done, st.session.check_before, st.check_after)
             for code, st in again.students.items()}
    assert after == before and again.token == room.token and again.hold_day == 2
    phone2 = phone(app2)
    phone2.cookies.set("scored_code", second)
    assert phone2.get("/play").status_code == 200
    phone2.cookies.set("scored_code", first)
    assert phone2.get("/play").headers["location"] == "/ending"
