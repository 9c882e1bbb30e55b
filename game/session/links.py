"""Opening a source's address in the player's browser: at home only, never in the kiosk."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import webbrowser
from pathlib import Path
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


def open_page(path: Path) -> bool:
    """Open a page the game wrote itself (the teacher's materials) in the browser; False when no
    browser can be started (the caller then says where the page is)."""
    try:
        return bool(webbrowser.open_new_tab(path.resolve().as_uri()))
    except (webbrowser.Error, OSError, ValueError):
        return False


def open_folder(folder: Path) -> bool:
    """Show a folder in the system's file manager; False when there is none to start (the
    caller then says where the folder is)."""
    try:
        if sys.platform.startswith("win"):
            os.startfile(str(folder))  # type: ignore[attr-defined]  # Windows only
            return True
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        if shutil.which(opener) is None:
            return False
        subprocess.Popen([opener, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
        return True
    except OSError:
        return False
