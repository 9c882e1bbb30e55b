"""Only addresses from the shared list of sources appear anywhere in the game."""
from __future__ import annotations

from pathlib import Path

import pytest
from sources_md import OWN, ROOT, SHARED, STRENGTH, addresses_in, list_path, listed

from game.engine import ScenarioError, load_scenario
from game.session.links import allowed_addresses, open_address

SCANNED = ("scenarios", "game", "docs")
TEXT = {".py", ".yaml", ".yml", ".md", ".txt", ".json", ".toml", ".cfg", ".ini", ".html", ".csv"}


def repo_files() -> list[Path]:
    files = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and path.suffix in TEXT and "__pycache__" not in path.parts and path != OWN:
                files.append(path)
    return files


def test_the_list_is_there_and_has_addresses():
    assert list_path().exists()
    urls = listed()
    assert len(urls) > 30
    assert urls["https://logicmag.io/07-the-messy-truth-about-social-credit"] == "checked"
    assert urls["https://www.hrw.org/news/2017/12/12/chinas-chilling-social-credit-blacklist"] == "unchecked"


def test_every_address_in_the_game_is_listed():
    allowed = set(listed())
    found: dict[str, list[str]] = {}
    files = repo_files()
    assert any(p.name == "scenario.yaml" for p in files) and any(p.suffix == ".py" for p in files)
    for path in files:
        for url in addresses_in(path.read_text(encoding="utf-8", errors="replace")):
            if url not in allowed:
                found.setdefault(url, []).append(str(path.relative_to(ROOT)))
    assert found == {}, "addresses not in sources.md: " + "; ".join(f"{u} ({', '.join(p)})" for u, p in found.items())


def test_the_scanner_finds_an_unlisted_address():
    text = 'url: "https://example.org/made-up-article", see https://logicmag.io/07-the-messy-truth-about-social-credit.'
    urls = addresses_in(text)
    assert urls == ["https://example.org/made-up-article", "https://logicmag.io/07-the-messy-truth-about-social-credit"]
    assert [u for u in urls if u not in listed()] == ["https://example.org/made-up-article"]
    assert addresses_in('url: "https://..."') == []  # a placeholder in the docs is no address


def test_scenarios_claim_no_more_than_the_list():
    table = listed()
    for path in sorted((ROOT / "scenarios").glob("*/scenario.yaml")):
        try:
            sc = load_scenario(str(path))
        except ScenarioError:
            continue  # a broken scenario fails its own tests
        for src in sc.sources.values():
            assert src.url in table, (path, src.id)
            assert STRENGTH[src.status] <= STRENGTH.get(table[src.url], 0), \
                f"{path.parent.name}: source '{src.id}' is {src.status} here but {table[src.url]} in sources.md"


def test_the_project_carries_a_verbatim_copy_of_the_list():
    assert OWN.exists()
    if not SHARED.exists():
        pytest.skip("../shared/sources.md is not next to this checkout")
    assert OWN.read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8"), \
        "docs/sources.md differs from ../shared/sources.md: copy it again"


def test_links_open_at_home_only_and_only_listed_ones(sample, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open_new_tab", lambda url: opened.append(url) or True)
    allowed = allowed_addresses(sample)
    url = "https://logicmag.io/07-the-messy-truth-about-social-credit"
    assert url in allowed
    assert open_address(url, kiosk=True, allowed=allowed) is False
    assert open_address("https://example.org/", kiosk=False, allowed=allowed) is False
    assert opened == []
    assert open_address(url, kiosk=False, allowed=allowed) is True
    assert opened == [url]
