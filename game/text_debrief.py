"""The debrief as plain lines: the ledger with its exact rules, and where to read more."""
from __future__ import annotations

from typing import Any


def show_debrief(game: Any) -> None:
    run, sc = game.run, game.sc
    game.out(game.ui("text.ledger"))
    for entry in run.ledger:
        game.out(game.ui("text.ledger_line", weekday=game.weekday(entry.day),
                         delta=f"{entry.delta:+d}", rule=game.s(entry.exact)))
    game.out("")
    myths = sc.debrief.get("myths", [])
    if myths:
        game.out(game.ui("text.sources"))
        for card in myths:
            source = sc.sources[card["source"]]
            game.out(game.s(f"myth.{card['id']}.claim"))
            game.out(game.s(f"myth.{card['id']}.fact"))
            game.out(f"{source.outlet}, {source.date}: {source.title}")
            game.out(source.url)
            game.out("")
