"""What the classroom's HTTP tests share: phones (test clients with their own cookies) and a week
played through the pages as a student would. The class itself is conftest's `make_class`."""
from __future__ import annotations

import re
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the test client's notice about its HTTP library
    from starlette.testclient import TestClient


def phone(app) -> TestClient:
    return TestClient(app, follow_redirects=False)


def teacher(app, room) -> TestClient:
    """The teacher's browser, past the token."""
    client = phone(app)
    r = client.get(f"/teacher?token={room.token}")
    assert r.status_code == 303 and r.headers["location"] == "/teacher"
    return client


def follow(client: TestClient, response):
    while response.status_code in (302, 303, 307):
        response = client.get(response.headers["location"])
    return response


def join(client: TestClient, lang="en") -> str:
    r = client.post("/join", data={"lang": lang})
    assert r.status_code == 303 and r.headers["location"] == "/play"
    return client.cookies["scored_code"]


def field(page: str, name: str) -> str | None:
    m = re.search(rf'name="{name}" value="([^"]*)"', page)
    return m.group(1) if m else None


def step_once(client: TestClient, pick=0):
    """Do what the current page asks (one post); return the page after it, or None at the ending."""
    r = client.get("/play")
    if r.status_code == 303 and r.headers["location"] == "/ending":
        return None
    assert r.status_code == 200, r.text[:400]
    page = r.text
    if 'action="/start"' in page:
        return follow(client, client.post("/start"))
    if 'action="/check-before"' in page:
        answers = dict(re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"', page))
        return follow(client, client.post("/check-before", data=dict(answers, send="1")))
    if 'action="/next"' in page:
        return follow(client, client.post("/next", data={"day": field(page, "day")}))
    choices = re.findall(r'name="choice" value="([^"]+)"', page)
    assert choices, page[:600]
    return follow(client, client.post("/choose", data={"choice": choices[pick % len(choices)],
                                                       "step": field(page, "step")}))


def play_week(client: TestClient, pick=0) -> int:
    posts = 0
    while step_once(client, pick) is not None:
        posts += 1
        assert posts < 400
    return posts


def finish(client: TestClient, after=True):
    """The debrief and, when asked, the check after the week (its first answers)."""
    assert client.get("/ending").status_code == 200
    assert client.get("/debrief").status_code == 200
    if after:
        page = client.get("/after").text
        first = {}
        for name, value in re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"', page):
            first.setdefault(name, value)
        assert client.post("/after", data=dict(first, send="1")).status_code == 303
