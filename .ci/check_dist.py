"""What the built sdist and wheel must carry (python .ci/check_dist.py DIST_FOLDER)."""
from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

NEEDED = ["game/cli.py", "game/engine/run.py", "game/locale/ui.en.yaml", "game/locale/ui.nl.yaml",
          "scenarios/week/scenario.yaml", "scenarios/week/en.yaml", "scenarios/week/nl.yaml",
          "scenarios/sample/scenario.yaml", "assets/fonts/Inter-Regular.otf", "assets/fonts/LICENSE-Inter.txt",
          "game/session/teachers.py", "docs/teachers/en/README.md", "docs/teachers/en/answer-key.md",
          "docs/teachers/nl/README.md", "docs/teachers/nl/antwoorden.md",
          "game/locale/classroom.en.yaml", "game/classroom/app.py", "game/classroom/templates/base.html",
          "game/classroom/templates/scene.html", "game/classroom/static/style.css", "game/classroom/static/live.js",
          "game/classroom/static/wait.js"]
MAPPED = {"scenarios/": "game/scenarios/", "assets/": "game/assets/", "docs/teachers/": "game/teachers/"}


def in_wheel(need: str) -> str:
    """Where a file of the source tree lies in the wheel (setup.py maps content into the package)."""
    for folder, inside in MAPPED.items():
        if need.startswith(folder):
            return inside + need[len(folder):]
    return need


def main(folder: str) -> int:
    dist = Path(folder)
    wheel = next(dist.glob("*.whl"))
    sdist = next(dist.glob("*.tar.gz"))
    names = zipfile.ZipFile(wheel).namelist()
    top = sorted({n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")})
    problems = []
    if top != ["game"]:
        problems.append(f"the wheel installs {top} at top level; only 'game' belongs there")
    for need in NEEDED:
        inside = in_wheel(need)
        if inside not in names:
            problems.append(f"the wheel lacks {inside}")
    members = tarfile.open(sdist).getnames()
    root = members[0].split("/")[0]
    for need in NEEDED:
        if f"{root}/{need}" not in members:
            problems.append(f"the sdist lacks {need}")
    for p in problems:
        print(p, file=sys.stderr)
    size = wheel.stat().st_size
    print(f"wheel {wheel.name}: {size / 1024:.0f} KB, {len(names)} files, top level {top}")
    print(f"sdist {sdist.name}: {sdist.stat().st_size / 1024:.0f} KB, {len(members)} entries")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
