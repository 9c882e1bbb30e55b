"""`scored validate` and `scored simulate` as a teacher or a curator would run them."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini"


def scored(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_validate_shipped_scenarios_clean():
    out = scored("validate")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "scenarios/sample/scenario.yaml: ok" in out.stdout


def test_validate_lists_every_problem_and_exits_1(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text().replace("{rule: purchase.video_game}", "{rule: purchse.video_game}")
                        .replace("next: END", "next: ENDD"))
    out = scored("validate", str(scenario))
    assert out.returncode == 1
    lines = out.stdout.strip().splitlines()
    assert any(":26:" in l and "did you mean 'purchase.video_game'?" in l for l in lines), out.stdout
    assert any("unknown scene 'ENDD'" in l for l in lines)
    assert "problems found" in out.stderr


def test_simulate_json_has_the_figures():
    out = scored("simulate", "--scenario", "scenarios/sample/scenario.yaml", "--runs", "300",
                 "--policy", "random", "--seed", "5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["runs"] == 300 and data["policy"] == "random" and data["seconds"] > 0
    assert set(data["final_score"]) >= {"min", "p50", "mean", "max"}
    assert data["final_score"]["min"] <= data["final_score"]["p50"] <= data["final_score"]["max"]
    assert set(data["gates"]) == {"car", "singapore", "visa"}
    assert all(0 <= v <= 1 for v in data["gates"].values())
    assert abs(sum(data["endings"].values()) - 1) < 1e-3  # fractions are rounded to 4 places
    assert data["unreached_scenes"] == []


def test_simulate_policies_differ():
    results = {}
    for policy in ("score", "loyal"):
        out = scored("simulate", "--scenario", "scenarios/sample/scenario.yaml", "--runs", "200",
                     "--policy", policy, "--json")
        results[policy] = json.loads(out.stdout)
    assert results["loyal"]["spent_friend_or_value"] == 0
    assert results["score"]["spent_friend_or_value"] == 1
    assert results["score"]["final_score"]["mean"] != results["loyal"]["final_score"]["mean"]
