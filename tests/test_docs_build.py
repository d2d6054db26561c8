"""The documentation builds with warnings as errors, and covers the whole public surface.

Runs ``sphinx-build -W -b html`` on a copy of ``docs/`` (so the build's generated pages do not
touch the checkout) and checks that every public name of ``geep``, ``geep.coefficients``,
``geep.compensation`` and ``geep.trading`` has an API entry, every CLI verb and sub-action has
a section, and every shipped coefficient table edition, profile and scheme has a page.
Skipped when Sphinx is not installed (the README test command installs only ``[test]``;
``pip install -e ".[docs]"`` adds it).
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
MISSING = [m for m in ("sphinx", "myst_parser", "furo") if importlib.util.find_spec(m) is None]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"documentation tools not installed ({', '.join(MISSING)}): "
        'pip install -e ".[docs]"',
    ),
    pytest.mark.skipif(not (DOCS / "conf.py").exists(), reason="docs/ is not in this checkout"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("docs")
    src = base / "src"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build", "_generated", "__pycache__"))
    out = base / "html"
    cmd = [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "html",
        "-d",
        str(base / "doctrees"),
        str(src),
        str(out),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, (
        f"sphinx-build failed (exit {proc.returncode}):\n{proc.stderr[-8000:]}\n{proc.stdout[-2000:]}"
    )
    return out


def _html(out: Path, pattern: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.glob(pattern)))


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    html = _html(site, "reference/api/*.html")
    missing = []
    for modname in ("geep", "geep.coefficients", "geep.compensation", "geep.trading"):
        mod = importlib.import_module(modname)
        for name in mod.__all__:
            obj = getattr(mod, name)
            anchor = (
                f'id="module-{obj.__name__}"'
                if type(obj).__name__ == "module"
                else f'id="{modname}.{name}"'
            )
            if anchor not in html:
                missing.append(f"{modname}.{name}")
    assert not missing, f"not in the API reference: {missing}"


def test_every_cli_verb_is_in_the_cli_reference(site: Path) -> None:
    import argparse

    from geep.cli import build_parser

    html = (site / "reference" / "cli.html").read_text(encoding="utf-8")

    def walk(parser: argparse.ArgumentParser, path: list[str]):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield [*path, name]
                    yield from walk(sub, [*path, name])

    paths = list(walk(build_parser(), []))
    assert len(paths) >= 9
    missing = [" ".join(p) for p in paths if f'id="cli-{"-".join(p)}"' not in html]
    assert not missing, f"CLI commands without a section: {missing}"
    assert f"usage: geep {' '.join(paths[0])}" in html


def test_every_shipped_table_profile_and_scheme_has_a_page(site: Path) -> None:
    import warnings

    from geep import coefficients as C
    from geep import compensation

    shipped = C.shipped_root().resolve()
    cat = C.catalog()
    cat = cat[cat["origin"].map(lambda o: Path(o).resolve() == shipped)]
    assert len(cat) > 0
    missing = [
        f"{r.table}@{r.edition}"
        for r in cat.itertuples()
        if not (site / "catalogue" / r.table / f"{r.edition}.html").exists()
    ]
    missing += [
        p for p in C.profiles() if not (site / "catalogue" / "profiles" / f"{p}.html").exists()
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schemes = compensation.schemes()
    missing += [
        f"schemes/{r.scheme}@{r.edition}"
        for r in schemes.itertuples()
        if not (site / "catalogue" / "schemes" / r.scheme / f"{r.edition}.html").exists()
    ]
    assert not missing, f"no catalogue page for: {missing}"
    page = (site / "catalogue" / "xie2015-factors" / "2015.html").read_text(encoding="utf-8")
    assert "forest.coniferous" in page and "<strong>unverified</strong>" in page


def test_examples_show_their_output(site: Path) -> None:
    page = (site / "guides" / "economist.html").read_text(encoding="utf-8")
    assert "geep-output" in page
    assert "Ledger" in page and "xie2015-factors@2015" in page
