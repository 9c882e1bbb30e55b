"""`scored strings export LANG` and `scored strings import FILE.po`: the translator's round trip
through a gettext PO file (game/session/translation.py); docs/translating.md walks it."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .paths import default_scenario
from .session.strings import CODE

LANG_CODE = re.compile(rf"^{CODE}$")


def add_parser(sub: "argparse._SubParsersAction[argparse.ArgumentParser]", name: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help="export the strings to translate as a PO file, or import a translated one",
                       description="A translator's round trip: `scored strings export de` writes de.po (the "
                                   "game's own strings and the week's, English beside any German so far); "
                                   "`scored strings import de.po` writes it back into the YAML tables. "
                                   "Then `scored validate` names what is missing or fuzzy.")
    p.add_argument("action", choices=["export", "import"], help="export LANG, or import FILE.po")
    p.add_argument("target", metavar="LANG|FILE", help="a language code such as de (export), or a PO file (import)")
    return p


def _scenario_dir(args: argparse.Namespace) -> Path:
    path = Path(args.scenario) if args.scenario else default_scenario()
    return path if path.is_dir() else path.parent


def add_language(scenario_yaml: Path, lang: str) -> bool:
    """Add `lang` to the scenario's `languages: [..]` line, leaving the rest of the file as written."""
    text = scenario_yaml.read_text(encoding="utf-8")
    m = re.search(r"^languages:\s*\[([^\]\n]*)\]", text, re.M)
    if m is None:
        return False
    codes = [c.strip() for c in m.group(1).split(",") if c.strip()]
    if lang in codes:
        return True
    line = f"languages: [{', '.join(codes + [lang])}]"
    scenario_yaml.write_text(text[:m.start()] + line + text[m.end():], encoding="utf-8")
    return True


def strings_cmd(args: argparse.Namespace) -> int:
    from .session.translation import export as export_po
    from .session.translation import import_po, plural_tags, week_missing
    folder = _scenario_dir(args)
    if not (folder / "en.yaml").exists():
        print(f"--scenario: {folder} holds no en.yaml, the strings to translate from.", file=sys.stderr)
        return 2
    if args.action == "export":
        lang = args.target
        if not LANG_CODE.match(lang):
            print(f"'{lang}' is not a language code such as de, fr or pt-BR.", file=sys.stderr)
            return 2
        out = Path(args.out or ".")
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{lang}.po"
        path.write_text(export_po(lang, folder), encoding="utf-8")
        print(path)
        return 0
    po = Path(args.target)
    try:
        data = po.read_bytes()
        done = import_po(data, folder)
    except OSError as exc:
        print(f"Cannot read {po}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    except (ValueError, SyntaxError) as exc:  # Babel reports a broken PO file as either
        print(f"{po} cannot be imported: {exc}.", file=sys.stderr)
        return 1
    for path in done.written:
        print(f"wrote {path}")
    print(f"{done.translated} strings translated ({done.fuzzy} fuzzy), {done.untranslated} still to do.")
    if done.unknown:
        print(f"{len(done.unknown)} ids in the PO file are no longer in the game, left out: "
              f"{', '.join(done.unknown[:5])}")
    missing = week_missing(folder, done.lang)
    if missing:  # a week lacking strings in a language it lists would not load at all
        print(f"The week is offered in {done.lang} once its {len(missing)} missing strings are translated "
              f"(such as {missing[0]}).")
    elif not add_language(folder / "scenario.yaml", done.lang):
        print(f"Add {done.lang} to `languages:` in {folder / 'scenario.yaml'} so the week offers it.")
    tags = plural_tags(done.lang)
    if set(tags) != {"one", "other"}:
        print(f"{done.lang} has the plural forms {', '.join(tags)}: write its rule under _language: plural in "
              f"game/locale/{done.lang}.yaml (docs/translating.md).")
    print("Next: scored validate, then play it: scored --text --lang " + (done.lang or "LANG"))
    return 0
