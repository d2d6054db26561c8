"""Shared fixtures: hermetic environment and throw-away coefficient catalogues.

``tmp_catalog`` is an empty catalogue root that replaces the shipped tables for one test
(so tests do not depend on work in progress in ``coefficients/``); ``make_table`` writes an
edition folder (``table.yaml`` + ``table.csv``) into any root; ``lock_root`` records the
hashes of a root's released editions in its ``LOCK``.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import geep.coefficients as C
from geep.messages import set_language

# the submodule (the package re-exports a *function* named catalog)
catalog_module = importlib.import_module("geep.coefficients.catalog")

#: metadata of a small valid parameter table; tests override fields as needed
BASE_META: dict[str, Any] = {
    "title": {"en": "Test prices", "zh": "测试价格"},
    "kind": "parameters",
    "jurisdiction": "CN",
    "publisher": "geep tests",
    "license": "CC0-1.0",
    "valid_from": "2020-01-01",
    "valid_to": None,
    "price_year": 2020,
    "status": "provisional",
    "supersedes": None,
    "key": ["parameter"],
    "sources": {"S1": "Source one", "S2": "Source two"},
    "columns": {
        "parameter": {"dtype": "str"},
        "value": {"dtype": "float", "unit_from": "unit", "dimension": "CNY/m**3"},
        "unit": {"dtype": "str"},
        "evidence": {"dtype": "str"},
        "source": {"dtype": "str"},
        "note": {"dtype": "str", "nullable": True},
    },
}

BASE_CSV = (
    "parameter,value,unit,evidence,source,note\n"
    "water.domestic,2.6,CNY/m3,published,S1,\n"
    "water.industrial,3.6,元/m3,derived,S1;S2,a note\n"
    "water.agricultural,0.07,元/m3,unverified,S2,\n"
)


def write_table(
    root: Path,
    table_id: str = "demo",
    edition: str = "v1",
    *,
    meta: dict[str, Any] | None = None,
    csv: str | bytes = BASE_CSV,
    yaml_text: str | None = None,
    folder: tuple[str, str] | None = None,
) -> Path:
    """Write ``root/<table_id>/<edition>/table.{yaml,csv}`` and return the folder.

    ``meta`` is merged over :data:`BASE_META` (top-level keys replaced); ``yaml_text``
    replaces the YAML file verbatim; ``folder`` writes into another ``(id, edition)`` folder.
    """
    doc = copy.deepcopy(BASE_META)
    doc.update({"id": table_id, "edition": edition})
    doc.update(copy.deepcopy(meta or {}))
    tid, ed = folder or (table_id, edition)
    path = Path(root) / tid / ed
    path.mkdir(parents=True, exist_ok=True)
    text = yaml_text if yaml_text is not None else yaml.safe_dump(doc, allow_unicode=True)
    (path / "table.yaml").write_text(text, encoding="utf-8")
    data = csv if isinstance(csv, bytes) else csv.encode("utf-8")
    (path / "table.csv").write_bytes(data)
    return path


def lock_root(root: Path) -> Path:
    """Record the hashes of every released edition under ``root`` in ``root/LOCK``."""
    path = C.write_lock(Path(root), C.hashes_for(Path(root)))
    C.clear_cache()
    return path


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch: pytest.MonkeyPatch):
    """No user catalogue folders and English messages, whatever the developer's shell has."""
    monkeypatch.delenv("GEEP_COEFFICIENTS_PATH", raising=False)
    monkeypatch.delenv("GEEP_LANG", raising=False)
    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def make_table() -> Callable[..., Path]:
    """The :func:`write_table` helper."""
    return write_table


@pytest.fixture
def lock() -> Callable[[Path], Path]:
    """The :func:`lock_root` helper."""
    return lock_root


@pytest.fixture
def tmp_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An empty catalogue root that is the *only* root (it stands in for the shipped one)."""
    root = tmp_path / "catalog"
    root.mkdir()
    monkeypatch.setattr(catalog_module, "shipped_root", lambda: root)
    C.clear_cache()
    yield root
    C.clear_cache()


@pytest.fixture(scope="session")
def shipped() -> Path:
    """Folder of the tables shipped with geep."""
    return C.shipped_root()
