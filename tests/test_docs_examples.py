"""The code examples of the documentation run, so that they cannot rot.

Every ```python block of ``docs/**/*.md`` — and every line starting with ``geep `` in a
```bash block — is executed page by page, in order, in one fresh namespace per page, with the
working directory set to an empty temporary folder (the rules and markers are described in
``docs/_ext/geep_examples.py``). The documentation build runs the same code and shows its
output; this test runs it in the normal test suite, without Sphinx.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
RUNNER = DOCS / "_ext" / "geep_examples.py"


def _load_runner():
    spec = importlib.util.spec_from_file_location("geep_examples", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


ex = _load_runner() if RUNNER.exists() else None
PAGES = ex.pages(DOCS) if ex is not None else []
needs_docs = pytest.mark.skipif(ex is None, reason="docs/ is not part of this checkout")


@needs_docs
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_examples_run(page: Path, tmp_path: Path) -> None:
    text = page.read_text(encoding="utf-8")
    results = ex.run_page(text, tmp_path, name=page.relative_to(DOCS).as_posix())
    failed = [r for r in results if r.error]
    if failed:
        r = failed[0]
        pytest.fail(
            f"{page.relative_to(DOCS)}:{r.block.lineno}: example failed\n"
            f"--- code ---\n{textwrap.indent(r.block.code, '    ')}\n"
            f"--- error ---\n{r.error}",
            pytrace=False,
        )
    assert len(results) == len(ex.find_blocks(text)), "execution stopped early"
    for r in results:
        assert r.skipped is None or r.block.skip or r.block.requires, r


@needs_docs
def test_every_guide_has_executed_examples() -> None:
    names = {p.relative_to(DOCS).as_posix() for p in PAGES}
    for page in (
        "getting-started.md",
        "guides/economist.md",
        "guides/bureau.md",
        "guides/negotiator.md",
        "guides/trading.md",
    ):
        assert page in names, f"{page} has no executable example"
    skipped = [
        (p.name, b.lineno)
        for p in PAGES
        for b in ex.find_blocks(p.read_text(encoding="utf-8"))
        if b.skip
    ]
    assert len(skipped) <= 3, f"'# doctest: skip' is to be used sparingly: {skipped}"


# --- the extractor and renderer themselves ------------------------------------------------
SAMPLE = """\
# Title

```python
x = 1 + 1
x
```

````{note}
Inside a directive:

```{code-block} python
# output: hide
print("hidden")
```
````

```bash
pip install geep
$ geep --version
geep coefficients show no-such-table  # exit 1
```

```python
# doctest: skip
raise RuntimeError("never run")
```

```python
# requires: a_module_that_does_not_exist
raise RuntimeError("never run")
```

```text
geep demo   (a text block is not run)
```
"""


@needs_docs
def test_find_blocks_languages_and_markers() -> None:
    blocks = ex.find_blocks(SAMPLE)
    assert [b.lang for b in blocks] == ["python", "python", "shell", "python", "python"]
    assert blocks[1].hide_output and blocks[1].code == 'print("hidden")\n'
    assert blocks[3].skip
    assert blocks[4].requires == ["a_module_that_does_not_exist"]
    cmds = ex._shell_commands(blocks[2].code)
    assert cmds == [("geep --version", 0), ("geep coefficients show no-such-table  # exit 1", 1)]


@needs_docs
def test_run_and_render(tmp_path: Path) -> None:
    results = ex.run_page(SAMPLE, tmp_path)
    assert [r.error for r in results] == [None] * 5
    assert results[0].output == "2"
    assert results[1].output == ""  # hidden
    assert "geep 0." in results[2].output and "(exit code 1)" in results[2].output
    assert results[3].skipped and results[4].skipped
    page = ex.render(SAMPLE, results)
    assert "# output: hide" not in page and "# doctest: skip" not in page
    assert page.count("{code-block} text") == 2  # outputs of blocks 1 and 3


@needs_docs
def test_failure_is_reported_and_stops_the_page(tmp_path: Path) -> None:
    text = "```python\n1 / 0\n```\n\n```python\nprint('after')\n```\n"
    results = ex.run_page(text, tmp_path)
    assert len(results) == 1 and "ZeroDivisionError" in results[0].error
    text = "```bash\ngeep coefficients show no-such-table\n```\n"
    (res,) = ex.run_page(text, tmp_path)
    assert res.error is not None and "expected 0" in res.error
