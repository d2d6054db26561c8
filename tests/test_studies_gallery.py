"""The gallery lists one executed page per reproduced study (the pages run in
tests/test_docs_examples.py and in the documentation build)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GALLERY = Path(__file__).resolve().parent.parent / "docs" / "gallery"
PAGES = ["tarim", "haiyuan", "yinchuan", "beibu", "garze", "costanza", "geep-2015"]

pytestmark = pytest.mark.skipif(not GALLERY.exists(), reason="docs/ is not in this checkout")


def test_index_lists_every_page_in_its_toctree_and_table():
    index = (GALLERY / "index.md").read_text(encoding="utf-8")
    toctree = re.search(r"```\{toctree\}(.*?)```", index, re.S).group(1)
    assert [ln.strip() for ln in toctree.splitlines() if ln.strip() and ":" not in ln] == PAGES
    for page in PAGES:
        assert f"{{doc}}`{page}`" in index


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_geep_and_cites_its_study(page):
    text = (GALLERY / f"{page}.md").read_text(encoding="utf-8")
    assert "```python" in text and "geep." in text
    assert re.search(r"ChinaXiv preprint\s+\d{6}\.\d{5}|Nature\s+387|10\.12062", text)
    assert "printed" in text.lower()
