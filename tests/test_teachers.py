"""The teacher's materials: every language complete and alike, the answer key true to the week's
check, only listed sources, one self-contained page that prints on A4 (checked in headless
Chromium), written safely, reachable from the command line."""
from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sources_md import addresses_in, listed

from game.engine import load_scenario
from game.paths import scenario_file, teachers_dir
from game.session import teachers
from game.session.teachers import documents, languages, render, write_materials

ROOT = Path(__file__).resolve().parent.parent
PENDING = Path(__file__).parent / "fixtures" / "check_pending.yaml"
REQUIRED = {"contents", "lesson-plan", "sensitivity", "answer-key", "choice-diary", "source-tracing", "glossary"}
EARLIER_QUIZ = ["one_score", "games", "eu"]  # the week's three questions before the new check
TERMS = {"en": ["social credit", "Sesame Credit", "blacklist", "risk profile", "BKR", "GDPR", "AI Act"],
         "nl": ["sociaal krediet", "Sesame Credit", "zwarte lijst", "risicoprofiel", "BKR", "AVG", "AI-verordening"],
         "de": ["Sozialkredit", "Sesame Credit", "schwarze Liste", "Risikoprofil", "BKR", "DSGVO", "KI-Verordnung"]}
OPINION = {"en": "(opinion)", "nl": "(mening)", "de": "(Meinung)"}
WHY = {"en": "Why", "nl": "Waarom", "de": "Warum"}
LANGS = ["de", "en", "nl"]
A4 = (595.92, 841.92)  # points
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def by_kind(lang: str) -> dict[str, teachers.Document]:
    return {d.kind: d for d in documents(lang)}


# ----- complete, and alike in every language -----------------------------------------------------
def test_every_document_is_there_in_every_language():
    assert languages() == LANGS
    for lang in languages():
        docs = documents(lang)
        assert {d.kind for d in docs} == REQUIRED, lang
        assert docs[0].kind == "contents"
        linked = re.findall(r"\]\(([a-z-]+\.md)\)", docs[0].text)
        assert sorted(linked) == sorted(d.path.name for d in docs[1:]), f"{lang}: the contents page links every file"
        assert [d.path.name for d in docs[1:]] == linked, f"{lang}: documents print in the contents' order"
    for lang in languages():
        assert [d.kind for d in documents(lang)] == [d.kind for d in documents("en")], lang


def shape(text: str) -> dict[str, object]:
    """What must match between the languages: headings by level, tables by size, writing lines,
    check items, list items."""
    lines = text.splitlines()
    tables, rows = [], 0
    for line in lines + [""]:
        if line.startswith("|"):
            rows += 1
        elif rows:
            tables.append(rows)
            rows = 0
    return {"headings": [len(m) for m in re.findall(r"^(#+) ", text, flags=re.M)],
            "tables": tables,
            "writing lines": len(re.findall(r"^\s*_{10,}\s*$", text, flags=re.M)),
            "checks": re.findall(r"<!-- check: (\w+) -->", text),
            "page breaks": text.count("<!-- page -->"),
            "sources": len(addresses_in(text))}


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_every_language_has_the_sections_of_the_english(kind, lang):
    en, other = by_kind("en")[kind], by_kind(lang)[kind]
    assert shape(en.text) == shape(other.text)
    assert en.worksheet == other.worksheet
    assert sorted(addresses_in(en.text)) == sorted(addresses_in(other.text))


def test_the_worksheets_are_marked_and_have_room_to_write():
    for lang in languages():
        docs = by_kind(lang)
        assert {k for k, d in docs.items() if d.worksheet} == {"choice-diary", "source-tracing"}
        for kind in ("choice-diary", "source-tracing"):
            assert shape(docs[kind].text)["writing lines"] >= 8


# ----- the answer key is the week's check -----------------------------------------------------
def expected_check() -> tuple[str, list[dict], dict[str, dict[str, str]]]:
    """The check to hold the answer key to: the shipped week's, once it has more than its earlier
    three questions; until then the one it is about to receive (tests/fixtures/check_pending.yaml)."""
    week = load_scenario(str(scenario_file("week")))
    quiz = week.debrief.quiz
    if [q.id for q in quiz] != EARLIER_QUIZ:
        items = [{"id": q.id, "answers": list(q.answers), "correct": q.correct} for q in quiz]
        strings = {lang: {} for lang in languages()}
        for lang in strings:
            for q in quiz:
                for key in [f"quiz.{q.id}"] + [f"quiz.{q.id}.{a}" for a in q.answers]:
                    strings[lang][key] = week.strings.get(key, lang)
        return "the week", items, strings
    pending = yaml.safe_load(PENDING.read_text(encoding="utf-8"))
    return "the pending check", pending["check"], pending["strings"]


def answer_key(lang: str) -> dict[str, dict]:
    """The answer key's items by check id: the question, the answers with the bold one, the letter
    the explanation names."""
    text = by_kind(lang)["answer-key"].text
    parts = re.split(r"<!-- check: (\w+) -->", text)
    items = {}
    for cid, body in zip(parts[1::2], parts[2::2]):
        body = re.split(r"^## ", body, flags=re.M)[0]
        heading = re.search(r"^### \d+\. (.+)$", body, flags=re.M)
        assert heading, f"{lang}: check item {cid} has no numbered heading"
        answers = re.findall(r"^- (\*\*)?([A-Z])\. (.+?)(\*\*)?$", body, flags=re.M)
        why = re.search(rf"\*\*{WHY[lang]} ([A-Z]):\*\*", body)
        items[cid] = {"question": heading.group(1), "letters": [a[1] for a in answers],
                      "answers": [a[2] for a in answers], "bold": [a[1] for a in answers if a[0]],
                      "why": why.group(1) if why else None}
    return items


@pytest.mark.parametrize("lang", languages())
def test_the_answer_key_matches_the_check(lang):
    if lang not in load_scenario(str(scenario_file("week"))).languages:
        pytest.skip(f"the week has no {lang} strings yet to hold the answer key to")
    where, items, strings = expected_check()
    key = answer_key(lang)
    assert list(key) == [it["id"] for it in items], f"{lang}: the answer key's items are not those of {where}"
    for it in items:
        k, s = key[it["id"]], strings[lang]
        question = s[f"quiz.{it['id']}"]
        if it["correct"] is None:
            assert k["question"] == f"{question} {OPINION[lang]}"
            assert k["bold"] == [] and k["why"] is None
        else:
            assert k["question"] == question
            letter = "ABCDEFGH"[it["answers"].index(it["correct"])]
            assert k["bold"] == [letter] and k["why"] == letter, (lang, it["id"])
        assert k["letters"] == list("ABCDEFGH"[:len(it["answers"])])
        assert k["answers"] == [s[f"quiz.{it['id']}.{a}"] for a in it["answers"]], (lang, it["id"])


@pytest.mark.parametrize("lang", languages())
def test_the_choice_diary_has_a_line_per_check_item(lang):
    _, items, _ = expected_check()
    text = by_kind(lang)["choice-diary"].text
    part_a = text.split("\n## ")[1]
    rows = re.findall(r"^\| (\d+)\. ([^|]+)\|", part_a, flags=re.M)
    assert [int(n) for n, _ in rows] == list(range(1, len(items) + 1))
    for (_, label), it in zip(rows, items):
        assert (OPINION[lang] in label) == (it["correct"] is None)


# ----- sources, terms ----------------------------------------------------------------------------
def test_every_address_is_a_checked_or_copied_source():
    allowed = {url: status for url, status in listed().items() if status in ("checked", "copy")}
    found = {}
    for path in sorted(teachers_dir().rglob("*.md")):
        for url in addresses_in(path.read_text(encoding="utf-8")):
            if url not in allowed:
                found.setdefault(url, []).append(str(path.relative_to(teachers_dir())))
    assert found == {}, f"not in sources.md as checked or copy: {found}"
    for lang in languages():
        html_urls = set(re.findall(r'href="(https?://[^"]+)"', render(lang)))
        assert html_urls and html_urls <= set(allowed), lang


def test_the_seed_articles_are_named_not_linked():
    for lang in languages():
        text = by_kind(lang)["source-tracing"].text
        flat = " ".join(text.split())
        assert "Sociale media voor sociale controle: ondertussen in China" in flat
        assert "MWG Mediacongres" in flat
        for item in re.split(r"\n(?=\d+\. |- )", text):  # each item of a list, whole
            if "Sociale media voor" in item or "Mediacongres" in item:
                assert not addresses_in(item), item


@pytest.mark.parametrize("lang", languages())
def test_the_glossary_defines_the_seven_terms(lang):
    text = by_kind(lang)["glossary"].text
    entries = dict(re.findall(r"^## (.+)\n\n((?:.+\n)+)", text, flags=re.M))
    for term in TERMS[lang]:
        heading = next((h for h in entries if h.lower().startswith(term.lower())), None)
        assert heading, f"{lang}: no entry for {term}"
        assert len(entries[heading].split()) >= 15, f"{lang}: {term} is not explained"


# ----- one page, self-contained, written safely ----------------------------------------------------
@pytest.mark.parametrize("lang", languages())
def test_the_page_is_self_contained(lang):
    html = render(lang)
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert re.search(r"@page\s*{\s*size:\s*A4;\s*margin:", html)
    for bad in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src=", "srcset="):
        assert bad not in html.lower(), bad
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("#doc-", "https://", "http://")), href  # links to read, nothing loaded
    anchors = set(re.findall(r'id="(doc-[a-z-]+)"', html))
    assert anchors == {f"doc-{k}" for k in REQUIRED}
    assert {h[1:] for h in re.findall(r'href="(#doc-[^"]+)"', html)} <= anchors
    assert html.count('<section class="doc') == len(REQUIRED)


def test_writing_replaces_a_planted_symlink_and_leaves_no_temporary_file(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / teachers.file_name("en")).symlink_to(victim)
    path = write_materials("en", folder)
    assert path == folder / "scored-teachers-en.html" and path.is_absolute()
    assert not path.is_symlink() and path.read_text(encoding="utf-8") == render("en")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(teachers.os, "replace", refuse)
    with pytest.raises(OSError):
        write_materials("nl", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_language_without_materials_is_refused(tmp_path):
    with pytest.raises(ValueError, match="no teacher's materials in 'fr'"):
        write_materials("fr", tmp_path)


def test_scored_root_names_where_the_materials_are(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "docs" / "teachers" / "nl", tmp_path / "docs" / "teachers" / "nl")
    monkeypatch.setenv("SCORED_ROOT", str(tmp_path))
    assert teachers_dir() == tmp_path / "docs" / "teachers"
    assert languages() == ["nl"]


# ----- the command line --------------------------------------------------------------------------
def scored(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_scored_teachers_writes_the_page_and_prints_its_path(tmp_path):
    out = scored("teachers", "--lang", "nl", "--out", str(tmp_path / "print"))
    assert out.returncode == 0, out.stderr
    path = Path(out.stdout.strip())
    assert path == tmp_path / "print" / "scored-teachers-nl.html"
    assert '<html lang="nl">' in path.read_text(encoding="utf-8")
    here = scored("teachers", cwd=tmp_path)  # by default: English (no saved setting), the current folder
    assert here.returncode == 0 and Path(here.stdout.strip()) == tmp_path / "scored-teachers-en.html"


def test_scored_teachers_refuses_what_does_not_apply(tmp_path):
    assert scored("--out", str(tmp_path)).returncode == 2  # --out belongs to `teachers`
    assert scored("teachers", "--lang", "fr").returncode == 2
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    out = scored("teachers", "--out", str(blocked / "inside"))
    assert out.returncode == 1 and "could not be written" in out.stderr


# ----- printed on A4, in a real browser ------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium and chromium-driver (.ci/run installs them)")
        pytest.skip("needs Debian's chromium and chromium-driver in /usr/bin")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=794,1123"):  # an A4 page at 96 px per inch
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


WIDEST = """return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right >
    document.documentElement.clientWidth + 0.5).map(e => e.tagName + ': ' + e.textContent.slice(0, 60));"""


@pytest.mark.parametrize("lang", languages())
def test_it_prints_on_a4_each_document_on_its_own_pages(chromium, tmp_path, lang):
    from selenium.webdriver.common.print_page_options import PrintOptions
    path = write_materials(lang, tmp_path)
    chromium.set_window_size(794, 1123)
    chromium.get(path.as_uri())
    sizes = chromium.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sizes[0] <= sizes[1], f"wider than an A4 window: {sizes}"
    assert chromium.execute_script(WIDEST) == []
    # as printed: the page's width less its margins (210 - 2 x 17 mm), in print media
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    chromium.set_window_size(665, 1123)
    try:
        assert chromium.execute_script(WIDEST) == []
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(chromium.print_page(options))
    (tmp_path / f"{lang}.pdf").write_bytes(pdf)
    boxes = [[float(v) for v in box.split()] for box in re.findall(rb"/MediaBox\s*\[([\d.\s-]+)\]", pdf)
             for box in [box.decode()]]
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages == len(boxes), "every page has its own MediaBox"
    for box in boxes:
        assert box[:2] == [0, 0] and abs(box[2] - A4[0]) < 1 and abs(box[3] - A4[1]) < 1, box
    assert len(REQUIRED) <= pages <= 20, f"{lang}: {pages} pages"
