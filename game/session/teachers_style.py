"""How the teacher's materials look, on screen and printed on A4 (see teachers.py).

Type at 11 pt or more, every document on a new page, sections that fit on a page kept whole,
worksheets with tall rows and writing lines, long addresses wrapped: nothing wider than the page.
"""
from __future__ import annotations

CSS = """\
@page {
  size: A4;
  margin: 16mm 17mm 18mm 17mm;
  @bottom-right { content: counter(page); font: 9pt sans-serif; color: #555; }
}
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: #111; background: #fff;
  font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 11pt; line-height: 1.4;
  overflow-wrap: break-word;
}
h1, h2, h3 { line-height: 1.2; break-after: avoid; page-break-after: avoid; color: #000; }
h1 { font-size: 19pt; margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: 1.2pt solid #c2577a; }
h2 { font-size: 14pt; margin: 5mm 0 2mm; }
h3 { font-size: 12pt; margin: 4mm 0 1.5mm; }
p, li { orphans: 3; widows: 3; }
li:not(:has(li)) { break-inside: avoid; page-break-inside: avoid; }
.page-break { break-after: page; page-break-after: always; height: 0; }
p { margin: 0 0 2.5mm; }
ul + p, ol + p { break-before: avoid; page-break-before: avoid; }  /* a list's closing line stays with it */
ul, ol { margin: 0 0 3mm; padding-left: 7mm; }
li { margin-bottom: 0.6mm; }
li > ol, li > ul { margin-top: 1.5mm; }
li > ol:has(> li:nth-child(6)) { columns: 2; column-gap: 8mm; }  /* a long list within a list */
blockquote p { margin-bottom: 1.5mm; }
blockquote {
  margin: 0 0 2mm; padding: 0.5mm 0 0.5mm 5mm; border-left: 2pt solid #999; font-style: italic;
  break-inside: avoid;
}
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 10pt; }
a { color: inherit; text-decoration: underline; overflow-wrap: anywhere; word-break: break-word; }
table {
  width: 100%; max-width: 100%; border-collapse: collapse; margin: 1mm 0 4mm;
  font-size: 10.5pt; break-inside: auto;
}
table.fixed { table-layout: fixed; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 0.75pt solid #555; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #f1e4ea; font-weight: bold; }
ul.refs { font-size: 9.5pt; line-height: 1.35; }
ul.refs li { margin-bottom: 0.8mm; }
.section.keep { break-inside: avoid; page-break-inside: avoid; }
.doc { break-before: page; page-break-before: always; }
.doc:first-of-type { break-before: auto; page-break-before: auto; }
.doc > .section:first-of-type h2 { margin-top: 4mm; }
/* the contents page: a calm cover */
.contents h1 { font-size: 22pt; margin-top: 8mm; }
/* worksheets: room to write */
.worksheet td { height: 10mm; }
.worksheet .pick { display: inline-block; min-width: 3.5mm; margin-right: 4mm; text-align: center; }
.worksheet table { font-size: 11pt; }
.worksheet hr {
  border: 0; border-bottom: 0.75pt solid #444; height: 8mm; margin: 0 0 0.5mm;
  break-inside: avoid;
}
.worksheet ol > li { margin-bottom: 1mm; }
.worksheet h1 + p { font-size: 12pt; margin: 2mm 0 5mm; }
hr { border: 0; border-top: 0.75pt solid #999; margin: 4mm 0; }
.hint {
  margin: 0; padding: 3mm 5mm; background: #fbeff4; border-bottom: 1pt solid #e0b3c6;
  font-size: 11pt;
}
@media screen {
  body { background: #e9e6e8; }
  .doc {
    width: min(210mm, 100%); margin: 6mm auto; padding: 16mm 17mm 18mm; background: #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  }
}
@media screen and (max-width: 600px) {
  .doc { padding: 6mm 5mm; margin: 3mm auto; }
}
@media print {
  .hint { display: none; }
  a { text-decoration: none; }
}
"""
