"""Opening a source's address in the player's browser: at home only, never in the kiosk."""
from __future__ import annotations

import webbrowser
from typing import Any, Iterable


def allowed_addresses(scenario: Any) -> set[str]:
    """The addresses a scenario may open: its cited sources (checked or copy)."""
    return {s.url for s in scenario.sources.values() if s.status in ("checked", "copy")}


def open_address(url: str, kiosk: bool, allowed: Iterable[str]) -> bool:
    """Open `url` in a new browser tab; False (and nothing opened) in the kiosk, for an address
    that is not one of `allowed`, or when no browser can be started."""
    if kiosk or url not in set(allowed) or not url.startswith(("https://", "http://")):
        return False
    try:
        return bool(webbrowser.open_new_tab(url))
    except (webbrowser.Error, OSError):
        return False
