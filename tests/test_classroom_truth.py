"""The debrief's truth on a student's phone: every rule's verdict (those the week met first), where
a myth came from, the home cards for the class's region, and the check's opinion item never marked
right or wrong, with why each answer is right."""
from __future__ import annotations

import html
import re

import pytest
from classroom_support import finish, join, phone, play_week

from game.engine import load_scenario
from game.paths import default_scenario
from game.session.sentences import source_line
from game.session.strings import ui
from game.session.truth import home_cards, verdicts
from game.session.words import Words

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", page))


@pytest.fixture(scope="module")
def week():
    return load_scenario(default_scenario())


def played(make_class, week, lang="en", region=""):
    room, app, _ = make_class(week, lang, region=region)
    client = phone(app)
    code = join(client, lang)
    play_week(client)
    return room, client, room.get(code)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_verdict_is_on_the_debrief_those_the_week_met_first(make_class, week, lang):
    room, client, st = played(make_class, week, lang)
    page = text(client.get("/debrief").text)
    s = week.strings
    found = verdicts(st.run)
    assert len(found) == len(week.debrief.verdicts) > 0
    at = [page.index(s.get(f"verdict.{v.group.id}.text", lang)[:60]) for v in found]
    assert at == sorted(at), "the verdicts are not in the order the week met them"
    met = [v for v in found if v.met]
    assert met and page.count(ui("debrief.verdict.met", lang)) == len(met)
    for v in found:
        assert week.sources[v.group.source].url in page
    assert 'href="#verdicts"' in page


def test_a_myth_says_where_the_claim_came_from(make_class, week):
    _, client, st = played(make_class, week)
    page = text(client.get("/debrief").text)
    with_origin = [c for c in week.debrief.myths if c.origin]
    assert with_origin
    w = Words(week, "en", st.run)
    for card in with_origin:
        assert text(w.ui("debrief.verdict.origin", source=source_line(w, st.run, card.origin))) in page


@pytest.mark.parametrize("lang, region, shown, hidden", [
    ("nl", "", "syri", "robodebt"),     # a Dutch student: Dutch cases by their language
    ("en", "", "robodebt", "syri"),     # an English one: cases from elsewhere
    ("en", "nl", "syri", "robodebt"),   # the teacher set the class's region: for every student
])
def test_home_cards_follow_the_class_region_else_the_language(make_class, week, lang, region, shown, hidden):
    _, client, _ = played(make_class, week, lang, region)
    page = text(client.get("/debrief").text)
    s = week.strings
    assert s.get(f"home.{shown}.title", lang) in page
    assert s.get(f"home.{hidden}.title", lang) not in page
    assert [c.id for c in home_cards(week, region or lang)].count(shown) == 1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_opinion_item_is_asked_but_never_marked(make_class, week, lang):
    room, client, st = played(make_class, week, lang)
    opinion = [q for q in week.debrief.quiz if q.correct is None]
    assert opinion, "the week's check has an opinion item"
    note = {"en": "No right answer", "nl": "Geen goed of fout"}[lang]
    page = text(client.get("/after").text)
    assert page.count(note) == len(opinion)
    finish(client)
    results = text(client.get("/results").text)
    assert results.count(note) == len(opinion)
    scored = [q for q in week.debrief.quiz if q.correct is not None]
    n = sum(1 for q in scored if st.check_after.get(q.id) == q.correct)
    assert text(ui("debrief.quiz.score_after", lang, n=n, total=len(scored))) in results
    for q in week.debrief.quiz:
        if week.strings.has(f"quiz.{q.id}.why"):
            assert week.strings.get(f"quiz.{q.id}.why", lang)[:50] in results
