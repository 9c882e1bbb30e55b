"""QR codes for the debrief's sources: the matrix from segno (no pygame here; the window draws
it with game/window/ui/qr.py, the classroom's pages as an SVG).

A matrix once made is kept in the cache of parsed files (its key names the address), so a later
run draws it without segno: importing segno imports urllib.request and ssl with it, about 40 ms
and 7 MB of a desktop game that never goes online.

>>> rows = qr_matrix("https://logicmag.io/07-the-messy-truth-about-social-credit")
>>> len(rows), len(rows[0]), rows[0][0], rows[4][4]   # 33 modules and a quiet zone of 4 each side
(41, 41, 0, 1)
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from ..engine.loading import cache

if TYPE_CHECKING:
    import segno

QUIET = 4  # the quiet zone the standard asks for, in modules
DARK = (20, 20, 28)
LIGHT = (255, 255, 255)


def qr_code(url: str) -> "segno.QRCode":
    """A regular QR code (never a Micro QR, which phones do not read), error level M."""
    import segno  # only when a code is not kept (see above)
    return segno.make(url, error="m", micro=False, boost_error=False)


@lru_cache(maxsize=64)
def rows(url: str, border: int = QUIET) -> tuple[tuple[int, ...], ...]:
    key = cache.key("qr", url)
    core = _kept(cache.get(key))
    if core is None:
        qr = qr_code(url)
        core = tuple(tuple(1 if cell else 0 for cell in row) for row in qr.matrix_iter(scale=1, border=0))
        cache.put(key, ["".join(map(str, row)) for row in core])
    light = (0,) * border
    edge = ((0,) * (len(core) + 2 * border),) * border
    return edge + tuple(light + row + light for row in core) + edge


def _kept(entry: Any) -> Optional[tuple[tuple[int, ...], ...]]:
    """A kept matrix (rows of "0" and "1", no quiet zone), or None unless it is square and of a
    size a QR code has (21 to 177 modules, in steps of 4)."""
    if not isinstance(entry, list) or not 21 <= len(entry) <= 177 or (len(entry) - 21) % 4:
        return None
    n = len(entry)
    if not all(isinstance(row, str) and len(row) == n and not row.strip("01") for row in entry):
        return None
    return tuple(tuple(1 if c == "1" else 0 for c in row) for row in entry)


def qr_matrix(url: str, border: int = QUIET) -> list[list[int]]:
    """The code as rows of 0 (light) and 1 (dark), with `border` light modules around it."""
    return [list(row) for row in rows(url, border)]


def qr_size(url: str, module: int, border: int = QUIET) -> int:
    """The side in pixels of the drawn code."""
    return len(rows(url, border)) * module


def fit_module(url: str, side: int, border: int = QUIET) -> int:
    """The largest whole module size (at least 1 pixel) whose code fits in `side` pixels."""
    return max(1, side // len(rows(url, border)))


def qr_png(url: str, module: int = 4, border: int = QUIET) -> bytes:
    """The code as a black-and-white PNG, written by segno."""
    import io
    buf = io.BytesIO()
    qr_code(url).save(buf, kind="png", scale=module, border=border, dark="black", light="white")
    return buf.getvalue()


def cited(url: str, status: Optional[str]) -> bool:
    """Whether a source may get a QR code: only addresses seen (checked) or likely (copy)."""
    return status in ("checked", "copy") and url.startswith(("https://", "http://"))
