"""The shape of the code: layers that import only downwards, no import circle anywhere in game/
(top-level, function-local or TYPE_CHECKING imports alike), modules a reader can hold, and the
engine and the session type-checked strictly."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
PURE = ("game.engine", "game.session")  # no pygame, ever
LAYERS = {  # what each layer may import from the game (besides itself)
    "game.engine": set(),
    "game.session": {"game.engine", "game.paths"},
    "game.textmode": {"game.engine", "game.session", "game.paths"},
    "game.window": {"game.engine", "game.session", "game.paths"},
    "game.classroom": {"game.engine", "game.session", "game.paths"},
}


def modules() -> dict[str, Path]:
    out = {}
    for f in GAME.rglob("*.py"):
        parts = list(f.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every module of the game this one imports, wherever the import stands."""
    def resolve(target: str) -> str | None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            mod = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else (node.module or "")
            targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
        for t in targets:
            r = resolve(t)
            if r and r != name and not name.startswith(r + ".") and r != "game":
                found.add(r)
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def circles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in g:
        if v not in index:
            visit(v)
    return out


def test_no_import_circle_anywhere_in_game():
    g = graph()
    assert len(g) > 60
    assert circles(g) == []


def test_the_circle_finder_finds_circles():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def layer_of(name: str) -> str:
    return next((layer for layer in LAYERS if name == layer or name.startswith(layer + ".")), name)


def test_layers_import_only_downwards():
    bad = [f"{name} imports {dep}" for name, deps in graph().items() if layer_of(name) in LAYERS
           for dep in deps if layer_of(dep) not in LAYERS[layer_of(name)] | {layer_of(name)}]
    assert bad == []


def test_screens_and_ui_never_import_the_app():
    g = graph()
    offenders = [name for name, deps in g.items()
                 if name.startswith(("game.window.screens", "game.window.ui")) and "game.window.app" in deps]
    assert offenders == []


def test_the_pure_layers_never_import_pygame():
    offenders = []
    for name, path in modules().items():
        if name.startswith(PURE):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                if any(n.split(".")[0] == "pygame" for n in names):
                    offenders.append(name)
    assert offenders == []


def test_modules_stay_under_400_lines():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) >= 400}
    assert long == {}


def test_engine_and_session_pass_mypy_strict():
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "game/engine", "game/session"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:]
    assert "Success" in out.stdout
