"""The scenario as the engine plays it: small value types, built by the loader."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional

if TYPE_CHECKING:
    from .effects import Effect
    from .strings import Strings

Condition = Callable[[Any], Any]
END = "END"
TIMES = ("morning", "day", "evening")
SCENE_KINDS = ("talk", "feed", "gate", "sanction", "notice")
STATUSES = ("friend", "muted", "unfriended")
PORTRAIT_STYLES = ("short", "bob", "long", "bun", "curly", "bald")
ACCESSORIES = ("none", "glasses", "earrings", "cap", "headscarf")


@dataclass(slots=True)
class Rule:
    id: str
    low: int
    high: int  # equal to low for a fixed delta
    vague: str  # string id of the vague reason the player sees
    exact: str  # string id of the exact rule, revealed in the debrief
    criterion: str = ""

    @property
    def expected(self) -> float:
        return (self.low + self.high) / 2


@dataclass(slots=True)
class Tier:
    id: str
    start: int
    color: str
    shape: str
    label: str


@dataclass(slots=True)
class Gate:
    id: str
    at: int
    label: str


@dataclass(slots=True)
class Sanction:
    id: str
    below: Optional[int]
    condition: Optional[Condition]
    label: str


@dataclass(slots=True)
class Portrait:
    skin: str = "#d9a27c"
    hair: str = "#2b2b2b"
    style: str = "short"
    shirt: str = "#9fc5e8"
    accessory: str = "none"


@dataclass(slots=True)
class Person:
    """A friend (with a score) or another speaker (score None)."""
    id: str
    name: str
    portrait: Portrait
    score: Optional[int] = None
    role: str = ""
    daily: Optional[tuple[int, int]] = None


@dataclass(slots=True)
class Association:
    rule: str
    weights: dict[str, float]
    cap: int


@dataclass(slots=True)
class Ratings:
    rule: str
    per_star: float
    neutral: float


@dataclass(slots=True)
class Branch:
    condition: Optional[Condition]
    target: str  # a scene id or END


@dataclass(slots=True)
class Choice:
    id: str
    scene: str
    text: str
    result: Optional[str]
    condition: Optional[Condition]
    effects: list["Effect"]
    spends: tuple[str, ...]
    serves: tuple[str, ...]
    next: Optional[list[Branch]]
    score_hint: float = 0.0  # expected immediate score change, for policies
    synthetic: bool = False  # the "Continue" of a scene without choices


@dataclass(slots=True)
class Post:
    author: str
    text: str
    score: Optional[int]
    likes: int


@dataclass(slots=True)
class Scene:
    id: str
    day: int
    time: str
    place: Optional[str]
    speaker: Optional[str]
    kind: str
    text: str
    posts: list[Post]
    on_enter: list["Effect"]
    choices: list[Choice]
    next: Optional[list[Branch]]
    gate: Optional[str]
    sanction: Optional[str]
    kiosk_skip: bool
    by_id: dict[str, Choice] = field(default_factory=dict)


@dataclass(slots=True)
class Ending:
    id: str
    condition: Optional[Condition]
    title: str
    text: str


@dataclass(slots=True)
class Source:
    id: str
    outlet: str
    date: str
    title: str
    url: str
    status: str


@dataclass(slots=True)
class Scenario:
    id: str
    path: str
    languages: tuple[str, ...]
    min_score: int
    max_score: int
    start_score: int
    start_scene: str
    player_name: str
    goal_gate: Optional[str]
    goal_text: Optional[str]
    intro: list[str]
    tiers: list[Tier]
    gates: list[Gate]
    sanctions: list[Sanction]
    rules: dict[str, Rule]
    values: tuple[str, ...]
    association: Optional[Association]
    ratings: Optional[Ratings]
    friends: dict[str, Person]
    characters: dict[str, Person]
    scenes: dict[str, Scene]
    endings: list[Ending]
    sources: dict[str, Source]
    debrief: dict[str, Any]
    strings: "Strings"
    content_hash: str
    last_day: int = 7

    def tier_for(self, score: int) -> Tier:
        found = self.tiers[0]
        for tier in self.tiers:
            if score >= tier.start:
                found = tier
        return found

    def gate(self, gate_id: str) -> Gate:
        for gate in self.gates:
            if gate.id == gate_id:
                return gate
        raise KeyError(gate_id)

    def choice(self, choice_id: str) -> Choice:
        for scene in self.scenes.values():
            if choice_id in scene.by_id:
                return scene.by_id[choice_id]
        raise KeyError(choice_id)
