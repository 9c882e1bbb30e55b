"""The engine never imports pygame; nothing uses pickle, eval, exec or unsafe YAML."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "game" / "engine"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_engine_module_imports_pygame():
    files = sorted(ENGINE.glob("*.py"))
    assert len(files) > 5
    offenders = [p.name for p in files if "pygame" in _imports(p)]
    assert offenders == []


def test_engine_runs_without_pygame_loaded():
    code = ("import sys, game.engine as e; from game.engine.simulate import simulate; "
            "s = e.load_scenario('scenarios/sample/scenario.yaml'); simulate(s, 20); "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_pickle_eval_exec_or_unsafe_yaml():
    bad = []
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.parts or "site-packages" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec"):
                bad.append(f"{path.name}: {node.func.id}()")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(m.split(".")[0] in ("pickle", "cPickle", "shelve", "marshal") for m in mods):
                    bad.append(f"{path.name}: imports pickle")
            if isinstance(node, ast.Attribute) and node.attr in ("unsafe_load", "full_load", "FullLoader", "UnsafeLoader"):
                bad.append(f"{path.name}: yaml.{node.attr}")
    assert bad == []
