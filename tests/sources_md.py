"""Reading the list of allowed addresses (../shared/sources.md, or the project's docs/sources.md)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "sources.md"
OWN = ROOT / "docs" / "sources.md"
ADDRESS = re.compile(r"https?://[A-Za-z0-9][^\s\"'<>`|\\)\]]*")
STRENGTH = {"unchecked": 0, "copy": 1, "checked": 2}


def list_path() -> Path:
    return SHARED if SHARED.exists() else OWN


def addresses_in(text: str) -> list[str]:
    return [m.group(0).rstrip(".,;:!?") for m in ADDRESS.finditer(text)]


def listed() -> dict[str, str]:
    """Every address in the list, with its status (checked, copy, unchecked; '' outside a table)."""
    out: dict[str, str] = {}
    for line in list_path().read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        status = next((c for c in cells if c in STRENGTH), "")
        for url in addresses_in(line):
            out[url] = status
    return out
