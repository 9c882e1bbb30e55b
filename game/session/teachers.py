"""The teacher's materials as one page to print: every document of a language, rendered from
Markdown into a single self-contained HTML file for A4 (inline CSS, nothing fetched, works offline).

The materials are Markdown files, one folder per language (docs/teachers/en, docs/teachers/nl in a
checkout; game/teachers installed; see game.paths.teachers_dir). Each file opens with a marker that
names the document, the same in every language, and says whether pupils write on it:

    <!-- doc: choice-diary worksheet -->

The contents page (kind `contents`, README.md) links the other files; they print in that order,
each starting on a new page. A table of a worksheet may be given its column widths in percent by a
comment right above it, `<!-- columns: 46 27 27 -->`; lines of underscores become writing lines.
`<!-- page -->` starts a new page.

>>> "en" in languages() and "nl" in languages()
True
>>> [d.kind for d in documents("en")][:3]
['contents', 'lesson-plan', 'sensitivity']
>>> html = render("nl")
>>> html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html and "@page" in html
True
"""
from __future__ import annotations

import html as htmlmod
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union
from xml.etree.ElementTree import Element, SubElement

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..engine.saves import write_text_atomic
from ..paths import teachers_dir
from .strings import ui
from .teachers_style import CSS

CONTENTS = "contents"
MARKER = re.compile(r"\A\s*<!--\s*doc:\s*([a-z0-9-]+)((?:\s+[a-z0-9-]+)*)\s*-->\s*\n")
COLUMNS = re.compile(r"<!--\s*columns:\s*([\d.\s]+?)\s*-->\s*<table>")
LINK = re.compile(r'href="([A-Za-z0-9_.-]+\.md)"')
LETTERS = re.compile(r"\A(?:[A-Z] )+[A-Z]\Z")
PAGE = "<!-- page -->"  # in a document's Markdown: what follows starts on a new page
KEEP_CHARS = {2: 0, 3: 900}  # a section shorter than this, by its heading's level, is not split


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One document of the materials: its kind (the same in every language), file and title."""
    kind: str
    path: Path
    title: str
    worksheet: bool
    text: str  # the Markdown, without its marker

    @property
    def anchor(self) -> str:
        return f"doc-{self.kind}"


def languages() -> list[str]:
    """The languages that have materials (a folder with a contents page), sorted by code."""
    root = teachers_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "README.md").is_file())


def _read(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    m = MARKER.match(raw)
    if not m:
        raise ValueError(f"{path}: the first line must name the document, e.g. <!-- doc: glossary -->")
    text = raw[m.end():]
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
    return Document(kind=m.group(1), path=path, title=title, worksheet="worksheet" in m.group(2).split(),
                    text=text)


def documents(lang: str) -> list[Document]:
    """The documents of `lang` in print order: the contents page, the files it links in the order it
    links them, then any other file by name."""
    if lang not in languages():
        raise ValueError(f"no teacher's materials in '{lang}' (there are: {', '.join(languages()) or 'none'})")
    folder = teachers_dir() / lang
    files = {p.name: p for p in folder.glob("*.md") if p.is_file()}
    contents = _read(files.pop("README.md"))
    order = [name for name in dict.fromkeys(re.findall(r"\]\(([A-Za-z0-9_.-]+\.md)\)", contents.text))
             if name in files]
    order += sorted(set(files) - set(order))
    docs = [contents] + [_read(files[name]) for name in order]
    kinds = [d.kind for d in docs]
    if len(set(kinds)) != len(kinds) or kinds[0] != CONTENTS:
        raise ValueError(f"{folder}: every document needs a kind of its own, the README the kind '{CONTENTS}'")
    return docs


# ----- Markdown to HTML ------------------------------------------------------------------------
class _Sections(Treeprocessor):
    """Wraps each heading with what follows it (up to the next heading of its level or above) in a
    <div class="section">, marked `keep` when it is short enough to stay on one page (every part
    of a worksheet is); marks lists of sources."""

    def __init__(self, md: markdown.Markdown, worksheet: bool) -> None:
        super().__init__(md)
        self.worksheet = worksheet

    def run(self, root: Element) -> None:
        for ul in root.iter("ul"):  # a list of sources: each item an address
            items = list(ul.iter("li"))
            linked = [li for li in items if any(a.get("href", "").startswith("http") for a in li.iter("a"))]
            if items and 2 * len(linked) >= len(items):
                ul.set("class", "refs")
        if self.worksheet:  # answer letters to circle, spaced apart
            for td in root.iter("td"):
                if td.text and not len(td) and LETTERS.match(td.text.strip()):
                    letters, td.text = td.text.split(), None
                    for letter in letters:
                        span = SubElement(td, "span", {"class": "pick"})
                        span.text = letter
        self._wrap(root, 2)

    def _wrap(self, parent: Element, level: int) -> None:
        if level > 3:
            return
        stops = {f"h{n}" for n in range(1, level + 1)}
        children = list(parent)
        for child in children:
            parent.remove(child)
        current: Optional[Element] = None
        sections: list[Element] = []
        for child in children:
            if child.tag == f"h{level}":
                current = Element("div", {"class": "section"})
                sections.append(current)
                parent.append(current)
                current.append(child)
            elif current is not None and child.tag not in stops:
                current.append(child)
            else:
                current = None
                parent.append(child)
        for section in sections:
            short = len("".join(section.itertext())) < KEEP_CHARS[level]
            if short or (self.worksheet and level == 2):
                section.set("class", "section keep")
            self._wrap(section, level + 1)


class _Materials(Extension):
    def __init__(self, worksheet: bool) -> None:
        super().__init__()
        self.worksheet = worksheet

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Sections(md, self.worksheet), "scored_sections", 5)


def _columns(match: re.Match[str]) -> str:
    widths = [float(w) for w in match.group(1).split()]
    total = sum(widths) or 1.0
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    return f'<table class="fixed"><colgroup>{cols}</colgroup>'


def document_html(doc: Document, kinds: dict[str, str]) -> str:
    """One document as an HTML <section>; links to other documents of the pack (their file names,
    given in `kinds` with their kind) become links within the page."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", "smarty", _Materials(doc.worksheet)], output_format="html")
    body = md.convert(doc.text)
    body = COLUMNS.sub(_columns, body).replace(PAGE, '<div class="page-break"></div>')
    body = LINK.sub(lambda m: f'href="#doc-{kinds[m.group(1)]}"' if m.group(1) in kinds else m.group(0), body)
    classes = "doc worksheet" if doc.worksheet else "doc"
    return f'<section class="{classes} {doc.kind}" id="{doc.anchor}">\n{body}\n</section>'


def render(lang: str) -> str:
    """Every document of `lang` as one self-contained HTML page for A4."""
    docs = documents(lang)
    kinds = {d.path.name: d.kind for d in docs}
    title, hint = ui("msg.teachers_page", lang), ui("msg.teachers_print", lang)
    sections = "\n".join(document_html(d, kinds) for d in docs)
    return (f'<!DOCTYPE html>\n<html lang="{htmlmod.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{htmlmod.escape(title)}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n"
            f'<p class="hint">{htmlmod.escape(hint)}</p>\n{sections}\n</body>\n</html>\n')


def file_name(lang: str) -> str:
    """The name of the file `write_materials` writes for `lang`."""
    return f"scored-teachers-{lang}.html"


def write_materials(lang: str, folder: Union[str, "os.PathLike[str]"]) -> Path:
    """Write the materials of `lang` as one HTML file into `folder` (made if missing) and return its
    absolute path. The file is written beside its place and then moved there, so a file or a symlink of that
    name is replaced, never followed, and a failed write leaves nothing behind. Raises ValueError
    for a language without materials, OSError when the folder cannot be written."""
    text = render(lang)
    where = Path(folder).absolute()
    target = where / file_name(lang)
    write_text_atomic(str(target), text, mode=0o644)  # readable by the browser, whoever runs it
    return target
