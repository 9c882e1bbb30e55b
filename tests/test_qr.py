"""Every QR code the game can show decodes to its address."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import segno
from qr_decode import decode_png
from sources_md import listed

from game.engine import ScenarioError, load_scenario
from game.session.qr import QUIET, cited, qr_code, qr_matrix, qr_png
from game.window.ui.qr import draw_qr, qr_surface

ROOT = Path(__file__).resolve().parent.parent


def shipped_addresses() -> list[str]:
    """Every address the game may show with a code: the cited sources of every shipped scenario
    that loads, and every checked or copy address of sources.md (for weeks still to be written)."""
    urls: list[str] = [u for u, status in listed().items() if cited(u, status)]
    for path in sorted((ROOT / "scenarios").glob("*/scenario.yaml")):
        try:
            sc = load_scenario(str(path))
        except ScenarioError:
            continue
        urls += [s.url for s in sc.sources.values() if cited(s.url, s.status)]
    return sorted(set(urls))




def test_there_are_addresses_to_check():
    urls = shipped_addresses()
    assert "https://logicmag.io/07-the-messy-truth-about-social-credit" in urls
    assert len(urls) >= 30


def test_every_address_decodes_from_a_plain_png(tmp_path):
    urls = shipped_addresses()
    for i, url in enumerate(urls):
        png = tmp_path / f"qr{i}.png"
        png.write_bytes(qr_png(url, module=4))
        assert decode_png(png) == [url]


def test_every_address_decodes_from_the_pygame_drawing(tmp_path):
    import pygame
    urls = shipped_addresses()
    for i, url in enumerate(urls):
        png = tmp_path / f"drawn{i}.png"
        pygame.image.save(qr_surface(url, module=3), str(png))
        assert decode_png(png) == [url]


def test_a_wrong_code_does_not_decode_to_the_address(tmp_path):
    url = "https://logicmag.io/07-the-messy-truth-about-social-credit"
    png = tmp_path / "other.png"
    png.write_bytes(qr_png(url + "x", module=4))
    assert decode_png(png) == [url + "x"]  # the decoder really reads what is drawn


def test_matrix_matches_segnos_own_rendering():
    """Pure Python: our matrix, with its quiet zone, is module for module segno's own PNG."""
    import pygame
    for url in shipped_addresses():
        rows = qr_matrix(url)
        buf = io.BytesIO()
        qr_code(url).save(buf, kind="png", scale=1, border=QUIET, dark="black", light="white")
        buf.seek(0)
        img = pygame.image.load(buf, "qr.png")
        assert img.get_size() == (len(rows[0]), len(rows))
        for y, row in enumerate(rows):
            for x, cell in enumerate(row):
                assert (img.get_at((x, y))[0] < 128) == bool(cell), (url, x, y)


def test_matrix_has_a_quiet_zone_and_is_no_micro_code():
    url = "https://www.imdb.com/title/tt5497778/"
    rows = qr_matrix(url)
    n = len(rows)
    assert all(len(r) == n for r in rows)
    assert not any(rows[i][j] for i in range(n) for j in range(n)
                   if i < QUIET or j < QUIET or i >= n - QUIET or j >= n - QUIET)
    code = qr_code(url)
    assert not code.is_micro and code.error == "M"
    assert n == len(code.matrix) + 2 * QUIET
    # the three finder patterns sit in the corners, just inside the quiet zone
    for (y, x) in [(QUIET, QUIET), (QUIET, n - QUIET - 7), (n - QUIET - 7, QUIET)]:
        assert rows[y][x:x + 7] == [1] * 7 and rows[y + 2][x:x + 7] == [1, 0, 1, 1, 1, 0, 1]


def test_drawn_surface_is_the_matrix():
    import pygame
    url = "https://www.merics.org/en/report/central-planning-local-experiments"
    rows = qr_matrix(url)
    surf = pygame.Surface((500, 500))
    surf.fill((255, 0, 0))
    area = draw_qr(surf, url, (10, 20), 3)
    assert area == pygame.Rect(10, 20, len(rows) * 3, len(rows) * 3)
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            px = surf.get_at((10 + x * 3 + 1, 20 + y * 3 + 1))
            assert (px[0] < 128) == bool(cell)
    assert surf.get_at((5, 5))[:3] == (255, 0, 0)  # nothing drawn outside its area


def test_module_imports_without_pygame():
    code = "import sys, game.session.qr as q; q.qr_matrix('https://www.imdb.com/title/tt5497778/'); print('pygame' in sys.modules)"
    out = subprocess.run([__import__("sys").executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_only_cited_sources_get_a_code():
    assert cited("https://www.hrw.org/news/2017/12/12/chinas-chilling-social-credit-blacklist", "unchecked") is False
    assert cited("https://www.wired.com/story/china-social-credit-score-system/", "copy") is True
    assert cited("javascript:alert(1)", "checked") is False
    assert segno.__version__


def _rows_in_a_fresh_process(folder: Path, urls: list[str]) -> tuple[list, bool]:
    """The matrices `rows` gives in a new process whose cache is `folder`, and whether it imported
    segno to make them."""
    import json
    import sys
    code = ("import json, sys; from game.engine.loading import cache; cache.use_folder(sys.argv[1]); "
            "from game.session.qr import rows; m = [rows(u) for u in sys.argv[2:]]; "
            "print(json.dumps([m, 'segno' in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code, str(folder), *urls], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    matrices, imported = json.loads(out.stdout)
    return matrices, imported


def test_a_code_made_once_is_drawn_later_without_segno(tmp_path):
    urls = shipped_addresses()[:5]
    made, imported = _rows_in_a_fresh_process(tmp_path, urls)
    assert imported, "the first run makes the codes with segno"
    kept, imported = _rows_in_a_fresh_process(tmp_path, urls)
    assert not imported, "a later run reads them back"
    assert kept == made == [qr_matrix(u) for u in urls]


def test_a_damaged_kept_code_is_made_again(tmp_path):
    from game.engine.loading import cache
    from game.session import qr
    url = "https://www.imdb.com/title/tt5497778/"
    key = cache.key("qr", url)
    good = qr_matrix(url)
    core = ["".join(map(str, row[QUIET:-QUIET])) for row in good[QUIET:-QUIET]]
    cache.use_folder(tmp_path)
    try:
        for damaged in (core[:-1], [row[:-1] for row in core], core[:-1] + [core[-1].replace("1", "2")],
                        {"rows": core}, None):
            cache.put(key, damaged)
            qr.rows.cache_clear()
            assert qr_matrix(url) == good, damaged
            assert cache.get(key) == core, "and kept again"
    finally:
        cache.use_folder(None)
        qr.rows.cache_clear()
