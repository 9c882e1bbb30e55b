"""How simulated players choose: at random, for the score, or loyal to friends and values."""
from __future__ import annotations

import random
from typing import Callable

from .model import Choice
from .run import Run

Policy = Callable[[Run, random.Random], Choice]


def random_policy(run: Run, rng: random.Random) -> Choice:
    st = run.state
    scene = st.scene
    # a scene without conditions offers all its choices: no list to build (the same pick)
    choices = scene.choices if scene.always_open and st.ending is None else run.choices()
    return choices[int(rng.random() * len(choices))]


def score_policy(run: Run, rng: random.Random) -> Choice:
    """The best immediate score change (the first of equals)."""
    return max(run.choices(), key=lambda c: c.score_hint)


def is_loyal(choice: Choice) -> bool:
    """A choice that spends no friend and no value (spending score is allowed)."""
    return all(tag == "score" for tag in choice.spends)


def loyal_policy(run: Run, rng: random.Random) -> Choice:
    """Never spend a friend or a value; among the rest, serve the most, then score best."""
    choices = run.choices()
    loyal = [c for c in choices if is_loyal(c)] or choices
    return max(loyal, key=lambda c: (sum(1 for t in c.serves if t != "score"), c.score_hint))


POLICIES: dict[str, Policy] = {"random": random_policy, "score": score_policy, "loyal": loyal_policy}
