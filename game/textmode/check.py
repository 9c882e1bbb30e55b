"""The check before and after the week, in the terminal: each question with its numbered answers;
Enter skips a question, s the rest of the check. The answers before the week are the session's
(as in the window); those after are the debrief's. Then before and after side by side, with why
each right answer is right."""
from __future__ import annotations

from typing import Any, Callable, Iterator, Optional, Protocol

from ..engine.model import CheckItem


class Asker(Protocol):
    """What the check needs of the text game: its words, its output and its session."""
    out: Callable[[str], None]
    session: Any
    sc: Any

    def s(self, string_id: str) -> str: ...
    def ui(self, string_id: str, **values: Any) -> str: ...

MAX_BAD = 5  # wrong answers in a row: the rest of the check is skipped, the week goes on


def ask(game: Asker, items: list[CheckItem], lines: Iterator[str], phase: str) -> Optional[dict[str, str]]:
    """Ask `items`; the answers given (question id to answer id), or None when the input ended."""
    if not items:
        return {}
    out = game.out
    out(game.ui("text.check_before", n=len(items)) if phase == "before" else game.ui("text.check_after"))
    answers: dict[str, str] = {}
    for n, q in enumerate(items, 1):
        out("")
        out(game.ui("text.check_question", n=n, total=len(items), text=game.s(f"quiz.{q.id}")))
        if q.correct is None:
            out(game.ui("text.check_opinion"))
        for k, a in enumerate(q.answers, 1):
            out(f"  {k}. {game.s(f'quiz.{q.id}.{a}')}")
        bad = 0
        while True:
            out(game.ui("text.check_prompt", n=len(q.answers)))
            line = next(lines, None)
            if line is None:
                return None
            reply = line.strip().lower()
            if reply == "s":
                out("")
                return answers
            if not reply:
                break
            if reply.isascii() and reply.isdigit() and len(reply) < 4 and 1 <= int(reply) <= len(q.answers):
                answers[q.id] = q.answers[int(reply) - 1]
                if phase == "before":
                    game.session.answer_before(q.id, answers[q.id])
                break
            bad += 1
            if bad >= MAX_BAD:
                out("")
                return answers
            out(game.ui("text.check_bad", n=len(q.answers)))
    out("")
    return answers


def result_lines(game: Asker, items: list[CheckItem], before: Optional[dict[str, str]],
                 after: dict[str, str]) -> list[str]:
    """Before and after: how many right each time (opinions never count), and per question the
    right answer, what was said before and now, and why."""
    if not items:
        return []
    scored = [q for q in items if q.correct is not None]

    def right(answers: Optional[dict[str, str]]) -> int:
        return sum(1 for q in scored if answers and answers.get(q.id) == q.correct)

    def say(qid: str, aid: Optional[str]) -> str:
        return game.s(f"quiz.{qid}.{aid}") if aid else game.ui("debrief.quiz.none")
    lines = [game.ui("debrief.quiz.results_title")]
    if before is None:
        lines.append(game.ui("debrief.quiz.no_before"))
    else:
        lines.append(game.ui("debrief.quiz.score_before", n=right(before), total=len(scored)))
    lines.append(game.ui("debrief.quiz.score_after", n=right(after), total=len(scored)))
    for q in items:
        lines += ["", game.s(f"quiz.{q.id}")]
        if q.correct is not None:
            lines.append(game.ui("debrief.quiz.right", answer=say(q.id, q.correct)))
        if before is not None:
            lines.append(game.ui("debrief.quiz.before", answer=say(q.id, before.get(q.id))))
        lines.append(game.ui("debrief.quiz.after", answer=say(q.id, after.get(q.id))))
        if game.sc.strings.has(f"quiz.{q.id}.why"):
            lines.append(game.s(f"quiz.{q.id}.why"))
    return lines
