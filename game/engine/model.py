"""The scenario as the engine plays it: frozen, keyword-only value types built by the loader.

The scenario never changes during a run (ink's Story); what changes lives in the run's state
(state.py, ink's StoryState).
"""
from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Mapping, Optional

from .draws import Batch, key_part
from .kinds import (
    Accessory,
    Picture,
    PortraitStyle,
    SceneKind,
    Shape,
    SourceStatus,
    Status,
    TimeOfDay,
    Verdict,
)
from .records import field, record
from .rules import Condition, Effect, Rule

if TYPE_CHECKING:
    from .catalogue import Catalogue

END = "END"


@record
class Tier:
    id: str
    start: int
    color: str
    shape: Shape
    label: str


@record
class Gate:
    id: str
    at: int
    label: str


@record
class Sanction:
    id: str
    below: Optional[int]
    condition: Optional[Condition]
    label: str
    picture: Picture = Picture.NOTICE
    text: Optional[str] = None  # string id of the line under the picture (a default by picture)


@record
class Portrait:
    skin: str = "#d9a27c"
    hair: str = "#2b2b2b"
    style: PortraitStyle = PortraitStyle.SHORT
    shirt: str = "#9fc5e8"
    accessory: Accessory = Accessory.NONE


@record
class Person:
    """A friend (with a score) or another speaker (score None)."""
    id: str
    name: str
    portrait: Portrait
    score: Optional[int] = None
    role: str = ""
    daily: Optional[tuple[int, int]] = None


@record
class Association:
    rule: str
    weights: Mapping[str, float]
    cap: int


@record
class Ratings:
    rule: str
    per_star: float
    neutral: float


@record
class Branch:
    condition: Optional[Condition]
    target: str  # a scene id or END


@record
class Choice:
    id: str
    scene: str
    text: str
    result: Optional[str]
    condition: Optional[Condition]
    effects: tuple[Effect, ...]
    spends: tuple[str, ...] = ()
    serves: tuple[str, ...] = ()
    next: Optional[tuple[Branch, ...]] = None
    score_hint: float = 0.0  # expected immediate score change, for policies and the debrief
    synthetic: bool = False  # the "Continue" of a scene without choices


@record
class Post:
    author: str
    text: str
    score: Optional[int]
    likes: int


@record
class Scene:
    id: str
    day: int
    time: TimeOfDay
    place: Optional[str]
    speaker: Optional[str]
    kind: SceneKind
    text: str
    posts: tuple[Post, ...]
    on_enter: tuple[Effect, ...]
    choices: tuple[Choice, ...]
    next: Optional[tuple[Branch, ...]]
    gate: Optional[str]
    sanction: Optional[str]
    kiosk_skip: bool
    by_id: Mapping[str, Choice] = field(init=False, repr=False, compare=False)
    always_open: bool = field(init=False, repr=False, compare=False)  # no choice has a condition
    #: each choice by id with the scene it always leads to (None: it leads on by a condition, or
    #: to the end), filled in by the scenario: most choices lead on one way, looked up once here
    ways: Mapping[str, "tuple[Choice, Optional[Scene]]"] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {c.id: c for c in self.choices})
        object.__setattr__(self, "ways", {c.id: (c, None) for c in self.choices})
        object.__setattr__(self, "always_open", all(c.condition is None for c in self.choices))


@record
class Ending:
    id: str
    condition: Optional[Condition]
    title: str
    text: str


@record
class Epilogue:
    """A friend's epilogue for how you treated them; the first that holds wins, else the ending's
    own `epilogue.<ending>.<friend>`."""
    friend: str
    condition: Optional[Condition]
    endings: tuple[str, ...]  # empty: any ending
    text: str


@record
class Source:
    id: str
    outlet: str
    date: str
    title: str
    url: str
    status: SourceStatus
    label: bool = False  # the title describes the source (no headline): shown without quotation marks


@record
class Card:
    """A myth card (strings myth.ID.claim / .fact) or a home card (home.ID.title / .text)."""
    id: str
    source: str
    also: tuple[str, ...] = ()  # further sources its text relies on
    origin: Optional[str] = None  # where the claim came from (cited as its origin only)
    regions: tuple[str, ...] = ()  # home cards: the players they are meant for (empty: everyone)


@record
class CheckItem:
    """A question of the before/after check; `correct` None for an opinion (never scored). With an
    answer, the string quiz.ID.why may say why it is right."""
    id: str
    answers: tuple[str, ...]
    correct: Optional[str]
    kiosk: bool = False


@record
class VerdictGroup:
    """What later reporting found of some rules, privileges and sanctions the week staged."""
    id: str
    verdict: Verdict
    covers: tuple[str, ...]  # rule, gate and sanction ids
    source: str
    also: tuple[str, ...] = ()
    origin: Optional[str] = None  # where an invented claim came from (cited as its origin only)
    seed: Optional[str] = None  # which seed article made the claim (string seed.ID: named, never linked)


@record
class Material:
    """What the debrief shows besides the analysis of the player's week."""
    myths: tuple[Card, ...] = ()
    home: tuple[Card, ...] = ()
    verdicts: tuple[VerdictGroup, ...] = ()
    questions: tuple[str, ...] = ()
    quiz: tuple[CheckItem, ...] = ()
    feelings: tuple[str, ...] = ()


@record
class Scenario:
    id: str
    path: str
    languages: tuple[str, ...]
    min_score: int
    max_score: int
    start_score: int
    start_scene: str
    player_name: str
    player_portrait: Portrait
    goal_gate: Optional[str]
    goal_text: Optional[str]
    intro: tuple[str, ...]
    tiers: tuple[Tier, ...]
    gates: tuple[Gate, ...]
    sanctions: tuple[Sanction, ...]
    rules: Mapping[str, Rule]
    values: tuple[str, ...]
    association: Optional[Association]
    ratings: Optional[Ratings]
    friends: Mapping[str, Person]
    characters: Mapping[str, Person]
    scenes: Mapping[str, Scene]
    endings: tuple[Ending, ...]
    epilogues: tuple[Epilogue, ...]
    sources: Mapping[str, Source]
    debrief: Material
    strings: "Catalogue"
    content_hash: str
    first_day: int = 1
    last_day: int = 7
    _choices: Mapping[str, Choice] = field(init=False, repr=False, compare=False)
    _gates: Mapping[str, Gate] = field(init=False, repr=False, compare=False)
    _sanctions: Mapping[str, Sanction] = field(init=False, repr=False, compare=False)
    #: (friend, low, high, key of its draws, draws.key_part of it) for each friend whose score
    #: drifts daily, in the friends' order
    drift: tuple[tuple[str, int, int, int, int], ...] = field(init=False, repr=False, compare=False)
    #: every drift draw a week can make, drawn at once (days.Days._drift_days): day by day from the
    #: first, each day's in the order of `drift`
    drift_draws: Batch = field(init=False, repr=False, compare=False)
    drift_friends: tuple[str, ...] = field(init=False, repr=False, compare=False)  # the friends in `drift`
    #: how a day closes for each friend, in the friends' order: (friend, where their drift stands in
    #: a day's drift or -1 if they have none); a friend's pull reads only their own score, so
    #: each friend's drift and then pull is the day's drift of all and then the pulls of all
    day_close: tuple[tuple[str, int], ...] = field(init=False, repr=False, compare=False)
    #: a friend's pull on the player's score at a day's close by their status (None: they pull
    #: nothing), worked out for every gap between the two scores there can be (the pull of a gap `d`
    #: at `d - pull_from`): a day's close looks each one up (Scenario.pull says what it is)
    pulls: Mapping[str, Optional[tuple[int, ...]]] = field(init=False, repr=False, compare=False)
    pull_from: int = field(init=False, repr=False, compare=False)
    #: a rating's score change by its stars (1 to 5, as the loader checks; none without ratings)
    rating_points: Mapping[int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_choices", {c.id: c for s in self.scenes.values() for c in s.choices})
        for scene in self.scenes.values():  # a scene's ways lead into its scenario's scenes (checked first)
            if any(then is not None and self.scenes.get(then.id) is not then for _, then in scene.ways.values()):
                raise ValueError(f"scene '{scene.id}' belongs to another scenario's scenes: build it anew")
        for scene in self.scenes.values():
            object.__setattr__(scene, "ways", {c.id: (c, self._fixed_way(c.next or scene.next)) for c in scene.choices})
        object.__setattr__(self, "_gates", {g.id: g for g in self.gates})
        object.__setattr__(self, "_sanctions", {s.id: s for s in self.sanctions})
        keys = {fid: zlib.crc32(f"drift.{fid}".encode()) for fid in self.friends}
        object.__setattr__(self, "drift", tuple((fid, f.daily[0], f.daily[1], keys[fid], key_part(keys[fid]))
                                                for fid, f in self.friends.items() if f.daily is not None))
        object.__setattr__(self, "drift_draws", self.drift_batch(range(1, self.last_day - self.first_day + 2)))
        object.__setattr__(self, "drift_friends", tuple(fid for fid, *_ in self.drift))
        object.__setattr__(self, "day_close", tuple((fid, self.drift_friends.index(fid) if fid in self.drift_friends
                                                     else -1) for fid in self.friends))
        # a friend's score and the player's lie within min..max once changed (either may start elsewhere)
        starts = [self.start_score] + [f.score or 0 for f in self.friends.values()]
        first = min([self.min_score, *starts]) - max([self.max_score, *starts])
        object.__setattr__(self, "pull_from", first)
        object.__setattr__(self, "pulls", {status: self._pull_table(status, first) for status in Status})
        r = self.ratings
        object.__setattr__(self, "rating_points", {} if r is None else
                           {stars: round((stars - r.neutral) * r.per_star) for stars in range(1, 6)})

    def _fixed_way(self, branches: Optional[tuple[Branch, ...]]) -> Optional[Scene]:
        """The scene `branches` always lead to, if they do (not by a condition, not to the end)."""
        if not branches or branches[0].condition is not None or branches[0].target == END:
            return None
        return self.scenes.get(branches[0].target)

    def pull(self, status: str, gap: int) -> int:
        """A friend's pull on the player's score at a day's close: the association's weight of
        their status times how far their score is from the player's, rounded, within its cap."""
        assoc = self.association
        if assoc is None:
            return 0
        weight = assoc.weights.get(status, 0.0)
        return max(-assoc.cap, min(assoc.cap, round(weight * gap))) if weight else 0

    def _pull_table(self, status: str, first: int) -> Optional[tuple[int, ...]]:
        """The pull of every gap from `first` to `-first`, or None if a friend of `status` pulls
        nothing. Worked out from a gap of 0 outwards until it reaches the cap, where it stays: a
        weight is from 0 to 1, so the pull grows with the gap."""
        assoc = self.association
        if assoc is None or not assoc.weights.get(status, 0.0):
            return None
        above: list[int] = []  # gaps 0, 1, 2...
        for gap in range(0, -first + 1):
            above.append(self.pull(status, gap))
            if above[-1] >= assoc.cap:
                break
        below: list[int] = []  # gaps -1, -2...
        for gap in range(-1, first - 1, -1):
            below.append(self.pull(status, gap))
            if below[-1] <= -assoc.cap:
                break
        return tuple([-assoc.cap] * (-first - len(below)) + below[::-1] + above +
                     [assoc.cap] * (-first + 1 - len(above)))

    def drift_batch(self, days: range) -> Batch:
        """The drift of the days closed `days` (the n-th closed day's is the n-th draw of each
        friend's key), day by day, each day's in the order of `drift`."""
        return Batch([(share, n, low, high) for n in days for _, low, high, _, share in self.drift])

    def tier_for(self, score: int) -> Tier:
        found = self.tiers[0]
        for tier in self.tiers:
            if score >= tier.start:
                found = tier
        return found

    def gate(self, gate_id: str) -> Gate:
        return self._gates[gate_id]

    def choice(self, choice_id: str) -> Choice:
        return self._choices[choice_id]

    def person(self, pid: Optional[str]) -> Optional[Person]:
        if not pid:
            return None
        return self.friends.get(pid) or self.characters.get(pid)

    def sanction(self, sanction_id: str) -> Optional[Sanction]:
        return self._sanctions.get(sanction_id)
