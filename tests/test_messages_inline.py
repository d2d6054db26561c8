"""No error message is inline English: every ``raise`` takes its text from the catalogue.

The scan (``ast``) flags a ``raise X(...)`` whose first argument is a string literal, an
f-string or a concatenation (``+``); such a message cannot be shown in Chinese. Lazy texts
(``text("code", ...)``) and texts built elsewhere pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GEEP = ROOT / "geep"

# --- ALLOWED: inline on purpose (file, exception type) ---------------------------------------
ALLOWED: frozenset[tuple[str, str]] = frozenset({
    # a module ``__getattr__`` must raise AttributeError with Python's own wording (the import
    # protocol and ``hasattr`` rely on it); it is never a geep message to a user
    ("geep/__init__.py", "AttributeError"),
    ("geep/coefficients/catalog.py", "AttributeError"),
    ("geep/coefficients/lock.py", "AttributeError"),
    ("geep/grid/__init__.py", "AttributeError"),
    ("geep/io/__init__.py", "AttributeError"),
    # internal signal of the YAML loader carrying a line number (an int, not a text); caught in
    # the same module and turned into a catalogue error, never shown
    ("geep/coefficients/yamlsafe.py", "_Recursive"),
})  # fmt: skip

# --- PENDING: sites in files another change is rewriting (cleared when it lands): none -------
PENDING: frozenset[tuple[str, str]] = frozenset()


def _exc_name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else "?"


def inline_raises(source: str) -> list[tuple[int, str]]:
    """(line, exception type) of every raise whose message is inline text."""
    out = []
    for n in ast.walk(ast.parse(source)):
        if isinstance(n, ast.Raise) and isinstance(n.exc, ast.Call) and n.exc.args:
            a = n.exc.args[0]
            literal = isinstance(a, ast.Constant) and isinstance(a.value, str)
            if literal or isinstance(a, (ast.JoinedStr, ast.BinOp)):
                out.append((n.lineno, _exc_name(n.exc)))
    return sorted(out)


def _sites() -> list[tuple[str, int, str]]:
    sites = []
    for p in sorted(GEEP.rglob("*.py")):
        rel = p.relative_to(ROOT).as_posix()
        if rel.startswith("geep/messages/"):
            continue
        sites += [(rel, line, exc) for line, exc in inline_raises(p.read_text(encoding="utf-8"))]
    return sites


def test_the_scan_finds_inline_messages_and_passes_catalogue_texts():
    src = """
def f(x):
    if x == 1:
        raise ValueError("plain")
    if x == 2:
        raise errors.InputError(f"bad {x}", hint="fix it")
    if x == 3:
        raise KeyError("a" + str(x))
    if x == 4:
        raise InputError(text("code", x=x), hint="hint text is not the message")
    if x == 5:
        raise TypeError(str(text("code")))
    raise
"""
    assert inline_raises(src) == [(4, "ValueError"), (6, "InputError"), (8, "KeyError")]


def test_no_inline_error_messages():
    offenders = [
        f"{f}:{line} {exc}" for f, line, exc in _sites() if (f, exc) not in ALLOWED | PENDING
    ]
    assert not offenders, "inline error text (use geep.messages.text):\n" + "\n".join(offenders)


def test_pending_holds_only_files_of_the_other_change_and_only_live_sites():
    assert all(f.startswith("geep/cli/") or f == "geep/comparison.py" for f, _ in PENDING)
    live = {(f, exc) for f, _, exc in _sites()}
    assert not (PENDING | ALLOWED) - live, "stale entries: remove them"


def test_a_translated_argument_check_renders_in_chinese_and_is_still_a_value_error():
    from geep.compensation.rules import normalise_shares
    from geep.errors import GeepError
    from geep.messages import language_scope

    with pytest.raises(ValueError) as info:
        normalise_shares({"a": 0.7, "b": 0.2})
    err = info.value
    assert isinstance(err, GeepError)
    assert str(err) == "shares sum to 0.9, off by -0.1 (> 0.005)"
    with language_scope("zh"):  # rendered when shown, not when raised
        assert str(err) == "分摊比例之和为 0.9，偏差 -0.1（> 0.005）"


def test_the_where_of_a_damaged_ledger_provenance_is_translated(tmp_path):
    from openpyxl import load_workbook

    import geep
    from geep.errors import InputError
    from geep.io.ledger_read import read_ledger
    from geep.io.pipeline import run_methods
    from geep.messages import language_scope

    (tmp_path / "lc.csv").write_text(
        "region_code,year,land_class,area,unit\n140105,2020,water,5,ha\n", encoding="utf-8"
    )
    path = run_methods(geep.read_inputs(tmp_path / "lc.csv"), "esv").to_excel(tmp_path / "l.xlsx")
    wb = load_workbook(path)
    ws = wb["_geep_meta"]
    ws["A1"] = "[1, 2]"  # valid JSON, but not an object
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 1).value = None
    wb.save(path)
    with pytest.raises(InputError) as info:
        read_ledger(path)
    err = info.value
    assert "the provenance (sheet _geep_meta) is damaged: not a JSON object" in str(err)
    with language_scope("zh"):
        assert "来源信息（工作表 _geep_meta）已损坏：不是 JSON 对象" in str(err)
