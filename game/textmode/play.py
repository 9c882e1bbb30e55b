"""The week in a terminal: plain numbered lines a screen reader can follow, over the same play
session as the window.

Choice numbers come from standard input, so `yes 1 | scored --text` plays to the end (the check
before and after the week takes numbers too; an empty line skips a question, s the check).
"""
from __future__ import annotations

import os
import sys
from typing import Callable, Iterator, Optional, TextIO

from ..engine.model import Scenario
from ..engine.run import Run
from ..engine.state import DaySummary, GateCheck, LedgerEntry, Outcome
from ..session.play import PlaySession
from ..session.sentences import debrief_lines
from ..session.truth import region_for
from ..session.words import Words
from . import check

EXIT_OK, EXIT_EOF, EXIT_QUIT, EXIT_BAD_INPUT = 0, 2, 3, 4
MAX_BAD_ANSWERS = 5  # in a row: input from a script that does not fit this week


def signed(n: int) -> str:
    return f"{n:+d}"


class TextGame(Words):
    """The week in plain lines; the words (`s`, `ui`, `weekday`, `name_of`) are the session's week's."""

    def __init__(self, scenario: Scenario, lang: str = "en", seed: int = 0,
                 transparent: bool = False, kiosk: bool = False,
                 out: Callable[[str], None] = print, stats: object = None, region: str = ""):
        self.session = PlaySession(scenario, kiosk=kiosk, stats=stats)
        self.session.new_week(seed)
        super().__init__(scenario, lang if lang in scenario.languages else scenario.languages[0], source=self.session)
        self.transparent = transparent
        self.out = out
        self.stats = stats  # game.session.stats.Stats (or a disabled one), None: no "how others chose"
        self.region = region_for(scenario, region, self.lang)  # whose cases "closer to home" shows

    @property
    def week(self) -> Run:
        run = self.session.run
        assert run is not None
        return run

    # ----- showing -------------------------------------------------------------------------
    def show_intro(self) -> None:
        self.out(self.ui("text.welcome"))
        self.out("")
        for string_id in self.sc.intro:
            self.out(self.s(string_id))
        if not self.sc.intro:
            self.out(self.framing("fiction"))
        if self.sc.goal_text:
            self.out(self.s(self.sc.goal_text))
        self.out("")

    def show_scene(self) -> None:
        run, scene = self.week, self.week.scene
        place = self.s(f"place.{scene.place}") if scene.place else ""
        self.out(self.ui("text.scene_head", day=scene.day, weekday=self.weekday(scene.day),
                         time=self.ui(f"time.{scene.time}"), place=place).strip())
        tier = self.sc.tier_for(run.score)
        self.out(self.ui("text.score_line", score=run.score, tier=self.s(tier.label)))
        speaker = self.sc.person(scene.speaker)
        if speaker is not None:
            self.out(f"{self.s(speaker.name)}:")
        self.out(self.s(scene.text))
        for post in scene.posts:
            name = self.name_of(post.author)
            score = run.friends[post.author].score if post.author in run.friends else post.score
            if score is None:
                self.out(self.ui("text.post_plain", name=name, text=self.s(post.text)))
            else:
                self.out(self.ui("text.post", name=name, score=score, text=self.s(post.text)))
        check = run.gate_check_here()
        if check is not None:
            self.show_gate(check)
        if scene.sanction:
            sanction = self.sc.sanction(scene.sanction)
            if sanction is not None:
                self.out(self.ui("text.sanction", sanction=self.s(sanction.label)))
        self.out(self.ui("text.choices"))
        for i, choice in enumerate(run.choices(), 1):
            self.out(f"{i}. {self.choice_text(choice)}")

    def show_gate(self, check: GateCheck) -> None:
        gate = self.sc.gate(check.gate)
        key = "text.gate_pass" if check.passed else "text.gate_fail"
        self.out(self.ui(key, gate=self.s(gate.label), at=gate.at, score=check.score, gap=check.gap))

    def show_outcome(self, outcome: Outcome) -> None:
        if outcome.result:
            self.out(self.s(outcome.result))
        # changes of the day just ended, then its summary, then the new day's first changes
        last_day = outcome.days[-1].day if outcome.days else None
        before = [e for e in outcome.entries if last_day is None or e.day <= last_day]
        after = [e for e in outcome.entries if last_day is not None and e.day > last_day]
        for by, stars in outcome.ratings:  # a rating first, then what it did to the score
            self.out(self.ui("text.rating", name=self.name_of(by), stars=stars))
        for entry in before:
            self.show_entry(entry)
        for day in outcome.days:
            self.show_day(day)
        for entry in after:
            self.show_entry(entry)
        self.out("")

    def show_entry(self, entry: LedgerEntry) -> None:
        reason = self.s(entry.exact if self.transparent else entry.vague)
        if entry.friend:
            reason = f"{reason} ({self.name_of(entry.friend)})"
        delta, score = entry.delta, entry.score
        self.out(self.ui("text.change", before=score - delta, after=score, delta=signed(delta), reason=reason))

    def show_day(self, day: DaySummary) -> None:
        self.out("")
        self.out(self.ui("text.day_end", weekday=self.weekday(day.day), start=day.start_score,
                         end=day.end_score, delta=signed(day.change)))
        friends = ", ".join(f"{self.name_of(fid)} {score} ({self.ui('text.status_' + status)})"
                            for fid, (score, status) in day.friends.items())
        if friends:
            self.out(self.ui("text.day_friends", friends=friends))
        gates = ", ".join(
            self.ui("text.gate_open", gate=self.s(g.label)) if day.gates[g.id]
            else self.ui("text.gate_shut", gate=self.s(g.label), gap=g.at - day.end_score)
            for g in self.sc.gates)
        if gates:
            self.out(self.ui("text.day_gates", gates=gates))
        self.out("")

    def show_end(self, lines: Iterator[str]) -> None:
        run = self.week
        ending = run.ending
        assert ending is not None
        self.out(self.ui("text.ending", title=self.s(ending.title)))
        self.out(self.s(ending.text))
        self.out("")
        if self.sc.friends:
            self.out(self.ui("text.epilogues"))
            for fid in self.sc.friends:
                self.out(f"{self.name_of(fid)}: {self.s(run.epilogue(fid))}")
            self.out("")
        self.show_debrief(lines)
        self.out(self.ui("text.final_score", score=run.score))
        self.out(self.ui("text.ending_id", id=ending.id))

    def show_debrief(self, lines: Iterator[str]) -> None:
        """The debrief; how earlier players chose only when the game keeps statistics (the week
        is recorded once, after they were read); then the check again, and before and after."""
        debrief = self.session.start_debrief()
        others = debrief.others if self.stats is not None else None
        for line in debrief_lines(self, self.week, debrief.analysis, others, with_others=self.stats is not None,
                                  region=self.region):
            self.out(line)
        items = debrief.quiz
        if items:
            debrief.quiz_after = check.ask(self, items, lines, "after") or {}
            for line in check.result_lines(self, items, debrief.quiz_before, debrief.quiz_after):
                self.out(line)
            self.out("")
        notice = getattr(self.stats, "notice", None)
        if notice is not None:
            self.out(notice.text(self.lang))

    # ----- playing -------------------------------------------------------------------------
    def play(self, lines: Iterator[str]) -> int:
        self.show_intro()
        if check.ask(self, list(self.session.check), lines, "before") is None:
            self.out(self.ui("text.eof", scene=self.week.scene.id))
            return EXIT_EOF
        while not self.week.ended:
            self.show_scene()
            choices = self.week.choices()
            bad = 0
            while True:
                self.out(self.ui("text.prompt", n=len(choices)))
                line = next(lines, None)
                if line is None:
                    self.out(self.ui("text.eof", scene=self.week.scene.id))
                    return EXIT_EOF
                answer = line.strip().lower()
                if answer == "q":
                    self.out(self.ui("text.quit"))
                    return EXIT_QUIT
                if answer == "u":
                    if self.session.undo():
                        self.out(self.ui("text.undone"))
                        self.out("")
                        break
                    self.out(self.ui("text.nothing_to_undo"))
                    continue
                if answer.isascii() and answer.isdigit() and len(answer) < 6 and 1 <= int(answer) <= len(choices):
                    self.out("")
                    self.show_outcome(self.session.choose(choices[int(answer) - 1].id).outcome)
                    break
                bad += 1
                if bad >= MAX_BAD_ANSWERS:
                    self.out(self.ui("text.too_many_bad", tries=bad, scene=self.week.scene.id, n=len(choices)))
                    return EXIT_BAD_INPUT
                self.out(self.ui("text.bad_input", n=len(choices)))
        self.show_end(lines)
        return EXIT_OK


def play_text(scenario: Scenario, lang: str = "en", seed: int = 0, transparent: bool = False,
              kiosk: bool = False, stdin: Optional[TextIO] = None, stdout: Optional[TextIO] = None,
              stats: object = None, region: str = "") -> int:
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    for stream in (stdin, stdout):  # bytes that are not UTF-8 are a wrong answer, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")

    def out(line: str) -> None:
        stdout.write(line + "\n")
        stdout.flush()

    game = TextGame(scenario, lang, seed, transparent, kiosk, out, stats, region)
    lines: Iterator[str] = iter(stdin.readline, "") if stdin is not None else iter(())  # closed: no input
    try:
        return game.play(lines)
    except BrokenPipeError:  # the reader went away (`| head -3`): stop quietly, as other tools do
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_OK
