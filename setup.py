"""The packages of the wheel, found rather than listed.

The content stays at the top of the source tree (scenarios/, assets/, docs/teachers/) and is
installed inside the package (game/scenarios, game/assets, game/teachers), where game.paths finds it
with importlib.resources. Every folder under them (a new scenario, a font folder, a language of the
materials) is a package of its own for setuptools.
"""
from setuptools import find_namespace_packages, setup

MAPPED = {"game.scenarios": "scenarios", "game.assets": "assets", "game.teachers": "docs/teachers"}
SKIP = ["*__pycache__*"]

packages = find_namespace_packages(include=["game", "game.*"], exclude=SKIP)
for name, folder in MAPPED.items():
    packages += [name] + [f"{name}.{sub}" for sub in find_namespace_packages(where=folder, exclude=SKIP)]

setup(packages=packages, package_dir=MAPPED)
