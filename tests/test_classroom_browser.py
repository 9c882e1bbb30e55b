"""The classroom in a real browser: headless Chromium (Debian's chromium and chromium-driver,
installed by .ci/run) driven by Selenium plays a whole week on a 360x640 phone, then the teacher's
pages are checked at 1920x1080. Every page is checked with axe-core (bundled by
axe-selenium-python): no serious or critical violation, no sideways scrolling on the phone."""
from __future__ import annotations

import random
import tempfile

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from game.classroom.app import build_app
from game.classroom.room import Classroom
from game.classroom.server import Background
from game.classroom.store import Store
from game.engine import load_scenario
from game.paths import default_scenario
from game.session import pseudo
from game.session.strings import ui

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]


def browser(width: int, height: int) -> WebDriver:
    """Chromium through the system's driver (Selenium must never download one)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS + [f"--user-data-dir={tempfile.mkdtemp(prefix='scored-chrome-')}",
                         f"--window-size={width},{height}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.set_page_load_timeout(20)
    return driver


def tap(driver: WebDriver, element) -> None:
    """A finger's tap: the element in the middle of the screen first (as a reader scrolls it there,
    clear of the score bar at the top)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    try:
        element.click()
    except WebDriverException as exc:
        # the next page came before the driver finished the click (the server is that fast); the
        # caller's wait for the next page still checks that the tap did what it should
        if "does not belong to the document" not in str(exc):
            raise


def loaded(driver: WebDriver) -> None:
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def new_page(driver: WebDriver) -> bool:
    try:
        return driver.execute_script("return !window.scoredOld && document.readyState === 'complete'")
    except WebDriverException:  # between two pages
        return False


def click(driver: WebDriver, element) -> None:
    """Tap, then wait for the page the form or link leads to, loaded whole (the old page is
    marked, so a new one is known by the mark's absence)."""
    driver.execute_script("window.scoredOld = true")
    tap(driver, element)
    WebDriverWait(driver, 10).until(new_page)


class Checker:
    """axe-core on every kind of page, once each; the layout checked on each."""

    def __init__(self, driver: WebDriver):
        self.driver, self.axe, self.seen, self.problems = driver, Axe(driver), set(), []

    def page(self, kind: str) -> None:
        d = self.driver
        lang = d.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if not lang:
            self.problems.append(f"{kind}: no lang attribute")
        if d.execute_script("return document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            self.problems.append(f"{kind}: the page scrolls sideways at {d.get_window_size()['width']} px")
        out = d.execute_script("""return [...document.querySelectorAll('body *')].filter(e => {
            const r = e.getBoundingClientRect();
            return r.width > 2 && r.height > 2 && (r.right > innerWidth + 1 || e.scrollWidth > e.clientWidth + 1
                   && getComputedStyle(e).overflowX === 'hidden');
        }).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40));""")
        if out:
            self.problems.append(f"{kind}: cut or out of the screen: {out[:3]}")
        if kind in self.seen:
            return
        self.seen.add(kind)
        self.axe.inject()
        for v in self.axe.run()["violations"]:
            if v["impact"] in ("serious", "critical"):
                where = [n["target"] for n in v["nodes"][:3]]
                self.problems.append(f"{kind}: {v['id']} ({v['impact']}): {v['help']} at {where}")
        for button in d.find_elements(By.CSS_SELECTOR, "main button, main .button"):
            if button.is_displayed() and button.size["height"] < 44:
                self.problems.append(f"{kind}: a button {button.text!r} is {button.size['height']} px high")


def kind_of(driver: WebDriver) -> str:
    html = driver.page_source
    if 'action="/choose"' in html:
        for mark, kind in (('panel gate', "gate"), ('panel sanction', "sanction"), ('class="feed"', "feed")):
            if mark in html:
                return kind
        return "scene"
    for mark, kind in (('action="/next"', "day"), ('data-wait=', "wait"), ('action="/start"', "intro"),
                       ('action="/check-before"', "check")):
        if mark in html:
            return kind
    return "other"


@pytest.fixture(params=["en", "nl", pseudo.CODE])
def classroom(tmp_path, request):
    """A class of five who finished; in the pseudo-language too (every string a third longer)."""
    scenario = load_scenario(default_scenario())
    if request.param == pseudo.CODE:
        request.getfixturevalue("pseudo_language")
        scenario = pseudo.scenario_with(scenario)
    room = Classroom(scenario, Store(tmp_path / "class.sqlite3"), request.param)
    rng = random.Random(5)
    for _ in range(5):  # classmates who finished, so the class debrief has figures
        st = room.join(room.lang)
        room.start_week(st)
        room.answer_check(st, {q.id: rng.choice(q.answers) for q in st.session.check})
        while not st.run.ended:
            while st.days_seen < len(st.run.day_summaries):
                room.next_day(st, st.days_seen)
            room.choose(st, rng.choice(st.run.choices()).id, st.run.step)
        room.answer_after(st, {q.id: q.correct or q.answers[0] for q in st.session.check})
    with Background(build_app(room, "http://192.168.1.20:8765/")) as server:
        yield room, server.url.rstrip("/")


def test_a_week_on_a_phone_then_the_teachers_pages(classroom):
    room, base = classroom
    lang = room.lang
    phone = browser(360, 640)
    check = Checker(phone)
    try:
        phone.get(base + "/")
        check.page("join")
        tap(phone, phone.find_element(By.CSS_SELECTOR, f'input[value="{lang}"]'))
        click(phone, phone.find_element(By.CSS_SELECTOR, 'form[action="/join"] button'))
        code = phone.find_element(By.CSS_SELECTOR, ".code").text
        assert room.get(code).lang == lang and phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        room.hold(1)
        taps = 0
        while "/ending" not in phone.current_url:
            kind = kind_of(phone)
            check.page(kind)
            if kind == "intro":
                click(phone, phone.find_element(By.CSS_SELECTOR, 'form[action="/start"] button'))
            elif kind == "check":
                for group in phone.find_elements(By.TAG_NAME, "fieldset"):
                    tap(phone, group.find_elements(By.CSS_SELECTOR, "label.option")[0])  # the label takes the tap
                click(phone, phone.find_element(By.CSS_SELECTOR, 'button[name="send"]'))
            elif kind == "day":
                click(phone, phone.find_element(By.CSS_SELECTOR, 'form[action="/next"] button'))
            elif kind == "wait":
                room.release()
                WebDriverWait(phone, 15).until(  # the page asks again by itself, then goes on
                    lambda d: d.execute_script("return document.readyState") == "complete"
                    and kind_of(d) not in ("wait", "other"))
                loaded(phone)
            else:
                choices = phone.find_elements(By.CSS_SELECTOR, 'button[name="choice"]')
                assert choices, phone.page_source[:500]
                click(phone, choices[taps % len(choices)])
                taps += 1
            assert taps < 100
        assert "wait" in check.seen and {"scene", "day", "gate"} <= check.seen
        st = room.get(code)
        assert st.run.ended and len(st.run.log) == taps
        check.page("ending")
        click(phone, phone.find_element(By.CSS_SELECTOR, 'a[href="/debrief"]'))
        check.page("debrief")
        click(phone, phone.find_elements(By.CSS_SELECTOR, 'button[name="feeling"]')[1])
        assert st.feeling == room.scenario.debrief.feelings[1]
        phone.get(base + "/after")
        check.page("check after")
        for group in phone.find_elements(By.TAG_NAME, "fieldset"):
            tap(phone, group.find_elements(By.CSS_SELECTOR, "label.option")[-1])
        click(phone, phone.find_element(By.CSS_SELECTOR, 'button[name="send"]'))
        assert "/results" in phone.current_url and st.after_done
        check.page("results")
        phone.get(base + "/check")
        check.page("network check")
        phone.delete_all_cookies()
        phone.get(base + "/play")
        check.page("refusal")
    finally:
        phone.quit()

    projector = browser(1920, 1080)
    teacher = Checker(projector)
    try:
        projector.get(f"{base}/teacher?token={room.token}")
        assert projector.current_url.endswith("/teacher")
        live = projector.find_element(By.ID, "live")
        assert ui("classroom.live.joined", lang, n=6) in live.text and ui("classroom.live.finished", lang, n=6) in live.text
        assert projector.find_element(By.CSS_SELECTOR, "svg.qr").size["width"] > 300
        teacher.page("teacher")
        other = room.join(lang)  # the live view follows without a reload (server-sent events)
        joined = ui("classroom.live.joined", lang, n=7)
        WebDriverWait(projector, 10).until(lambda d: joined in d.find_element(By.ID, "live").text)
        assert room.get(other.code) is not None
        click(projector, projector.find_element(By.CSS_SELECTOR, 'form[action="/teacher/hold"] button'))
        assert room.hold_day == room.scenario.first_day
        teacher.page("teacher, holding")
        projector.get(base + "/teacher/class")
        page = projector.find_element(By.TAG_NAME, "main").text
        assert ui("classroom.class.endings", lang) in page and "%" in page
        teacher.page("class debrief")
        projector.get(base + "/teacher/end")
        teacher.page("end the class")
    finally:
        projector.quit()
    assert check.problems + teacher.problems == []
