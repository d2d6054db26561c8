"""Reading a report page back in tests: visible text, tables, charts (stdlib HTML parser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: elements whose text is not prose (codes, hashes, script, style)
SKIP = {"code", "script", "style", "title"}


class Page(HTMLParser):
    """Collects visible text (outside ``SKIP``), tables (id → rows of cell texts), the
    ``data-*`` of SVG charts and bars."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.charts: list[dict[str, str]] = []
        self.bars: list[dict[str, str]] = []
        self.paths: list[dict[str, str]] = []
        self._skip = 0
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._in_svg_title = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in SKIP:
            self._skip += 1
        if tag == "table":
            self._table = a.get("id") or f"table{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []
        elif tag == "svg":
            self.charts.append(a)
        elif tag == "rect" and "bar" in (a.get("class") or "").split():
            self.bars.append(a)
        elif tag == "path" and a.get("class") == "region":
            self.paths.append(a)

    def handle_endtag(self, tag):
        if tag in SKIP:
            self._skip -= 1
        if tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if not self._skip:
            self.text.append(data)


def read_page(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


#: words allowed in a Chinese page: account abbreviations, units, and names of things
ALLOWED = {"GEP", "GEEP", "ESV", "GDP", "PDC", "EDC", "ERS", "SHA", "km", "geep", "pip",
           "install", "report", "zones", "regions", "grid", "gpkg", "xlsx", "html", "EPSG"}  # fmt: skip


def english_words(text: str) -> set[str]:
    """Latin words of two letters or more that are not codes (no digit, dot, @ or dash
    next to them) and not in :data:`ALLOWED`."""
    words = set()
    for m in re.finditer(r"(?<![\w.@/-])[A-Za-z][A-Za-z]+(?![\w.@/-])", text):
        if m.group(0) not in ALLOWED:
            words.add(m.group(0))
    return words
