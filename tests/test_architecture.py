"""Architecture rules, checked statically (``ast``; nothing of geep is imported).

1. No import cycles between geep modules, counting module-level and function-level imports
   (absolute and relative). Imports under ``if TYPE_CHECKING:`` are not run and do not count.
   The lazy seam :mod:`geep._formats` is a registry of ``"module:function"`` strings that the
   model looks up at call time (as pandas finds its plotting backend); it imports nothing of
   geep, so it cannot close a cycle — the rule checks that it stays that way and that it names
   only I/O modules.
2. The model never imports the I/O layer: a model module (``is_model``) imports only model
   modules — never ``geep.io``, ``geep.cli``, the I/O modules of a domain (``is_io``), nor the
   application modules above the model (package facades, report, plots, demo, the grid
   runners). Every module belongs to exactly one of the three layers.
3. No module over 500 lines.
4. No function over 80 lines, apart from functions that are data literals (none today).

``PENDING`` entries are offenders in files another change is rewriting; they are to be removed
when that change is merged. Nothing else may be allowed here.
"""

from __future__ import annotations

import ast
import itertools
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "geep"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80

# --- the layers ------------------------------------------------------------------------------
#: I/O: files in and out, the CLI, and the I/O modules of a domain.
IO_PACKAGES = ("geep.io", "geep.cli")
IO_MODULES = frozenset({
    "geep.__main__",
    "geep.compensation.io",
    "geep.trading.io",
    "geep.trading.export",
    "geep.trading.layout",  # the export's sheets in the reader's language (uses the writer)
    "geep.trading.sheets",
    "geep.seea.excel",
    "geep.seea.files",
    "geep.grid.open",
    "geep.grid.read",
    "geep.grid.sources",
    "geep.grid.zones",
    "geep.grid.esvmap",
})  # fmt: skip
#: The model: the Ledger, the foundations, the catalogue, the input layer, the methods and the
#: domain modules of every capability. Package facades (``geep``, ``geep.compensation``,
#: ``geep.trading``, ``geep.seea``) re-export their domain's I/O for users and are not model.
MODEL_MODULES = frozenset({
    "geep.ledger", "geep.ledger_frame", "geep.ledger_checks", "geep.comparison", "geep.units",
    "geep.indicators", "geep.vocab", "geep.status", "geep.errors", "geep.ids", "geep.plan",
    "geep.text_encoding", "geep._formats", "geep._version",
    "geep.grid.counts", "geep.grid.crosswalk", "geep.grid.errors",
})  # fmt: skip
MODEL_PACKAGES = (
    "geep.messages",
    "geep.methods",
    "geep.coefficients",
    "geep.inputs",
    "geep.seea.",
    "geep.uncertainty",
    "geep.compensation.",
    "geep.trading.",
)
FACADES = frozenset({"geep", "geep.compensation", "geep.trading", "geep.seea"})
#: The application layer between the model and the files: package facades, reports, plots,
#: the demo, and the grid runners (Dask graphs over the raster readers of ``geep.grid``).
APP_MODULES = FACADES | frozenset({
    "geep.demo", "geep.examples", "geep.plot", "geep.plot_uncertainty",
    "geep.grid", "geep.grid.areas", "geep.grid.compute", "geep.grid.exact",
    "geep.grid.pixelarea", "geep.grid.transitions",
})  # fmt: skip
APP_PACKAGES = ("geep.report",)

# --- PENDING: offenders in files another helper is rewriting (remove after merging) ----------
#: import edges (importer, imported) left out of the cycle check
PENDING_CYCLE_EDGES: frozenset[tuple[str, str]] = frozenset()
#: model → I/O imports
PENDING_MODEL_IO: frozenset[tuple[str, str]] = frozenset()
#: modules over 500 lines
PENDING_LONG_MODULES: frozenset[str] = frozenset()
#: functions over 80 lines ("module:function")
PENDING_LONG_FUNCTIONS: frozenset[str] = frozenset()
#: functions that are data literals (generated tables): none today
DATA_LITERAL_FUNCTIONS: frozenset[str] = frozenset()


# --- the import graph ------------------------------------------------------------------------
@cache
def modules() -> dict[str, Path]:
    """Every geep module by dotted name (a package by its ``__init__.py``)."""
    out = {}
    for p in sorted(ROOT.rglob("*.py")):
        parts = list(p.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


@cache
def tree(name: str) -> ast.Module:
    path = modules()[name]
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST):
    """Every import statement under ``node`` (any depth) that runs: not under TYPE_CHECKING."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for orelse in child.orelse:
                yield from _imports_of(orelse)
            continue
        yield from _imports_of(child)


def _imports_of(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    yield from _imports(node)


def _nearest(target: str) -> str | None:
    mods = modules()
    while target and target not in mods:
        target = target.rpartition(".")[0]
    return target or None


@cache
def imports(name: str) -> dict[str, int]:
    """The geep modules ``name`` imports, each with the line of its first import."""
    mods = modules()
    is_pkg = mods[name].name == "__init__.py"
    found: dict[str, int] = {}
    for node in _imports(tree(name)):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                pkg = ".".join([*base, *([node.module] if node.module else [])])
            else:
                pkg = node.module or ""
            # `from pkg import sub` depends on the submodule when there is one
            targets = [f"{pkg}.{a.name}" if f"{pkg}.{a.name}" in mods else pkg for a in node.names]
        for t in targets:
            if t.split(".")[0] != "geep":
                continue
            m = _nearest(t)
            if m and m != name:
                found.setdefault(m, node.lineno)
    return found


def graph(drop: frozenset[tuple[str, str]] = frozenset()) -> dict[str, dict[str, int]]:
    return {m: {t: line for t, line in imports(m).items() if (m, t) not in drop} for m in modules()}


def cycles(g: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    comps: list[set[str]] = []

    def visit(v: str) -> None:  # recursion depth ≤ number of modules (a few hundred)
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(comp)

    for v in sorted(g):
        if v not in index:
            visit(v)
    return [_one_cycle(g, comp) for comp in comps]


def _one_cycle(g: dict[str, dict[str, int]], comp: set[str]) -> list[str]:
    """A shortest cycle through the smallest module of ``comp`` (breadth-first)."""
    start = min(comp)
    prev: dict[str, str] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(g[v]):
                if w not in comp:
                    continue
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(prev[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if w not in prev:
                    prev[w] = v
                    nxt.append(w)
        frontier = nxt
    raise AssertionError(comp)  # pragma: no cover - a component always has a cycle


def _describe(g: dict[str, dict[str, int]], cycle: list[str]) -> str:
    steps = [f"{a} (line {g[a][b]}) → {b}" for a, b in itertools.pairwise(cycle)]
    return "  " + "\n    ".join(steps)


def is_io(name: str) -> bool:
    return name in IO_MODULES or any(name == p or name.startswith(p + ".") for p in IO_PACKAGES)


def is_app(name: str) -> bool:
    return name in APP_MODULES or any(name == p or name.startswith(p + ".") for p in APP_PACKAGES)


def is_model(name: str) -> bool:
    if is_app(name) or is_io(name):
        return False
    return name in MODEL_MODULES or any(
        name.startswith(p) if p.endswith(".") else name == p or name.startswith(p + ".")
        for p in MODEL_PACKAGES
    )


# --- the rules -------------------------------------------------------------------------------
def test_no_import_cycles():
    g = graph(drop=PENDING_CYCLE_EDGES)
    found = cycles(g)
    assert not found, "import cycles between geep modules (break each one):\n" + "\n".join(
        _describe(g, c) for c in found
    )


def test_pending_cycle_edges_still_exist():
    """A PENDING entry that no longer exists is to be removed from the list."""
    g = graph()
    gone = sorted(e for e in PENDING_CYCLE_EDGES if e[1] not in g.get(e[0], {}))
    assert not gone, f"remove these PENDING_CYCLE_EDGES, the imports are gone: {gone}"


def test_formats_is_a_registry_of_io_functions():
    """``geep._formats`` imports no geep module and names only functions of the I/O layer."""
    assert not imports("geep._formats"), imports("geep._formats")
    table = next(
        n.value
        for n in tree("geep._formats").body
        if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "FORMATS"
    )
    assert isinstance(table, ast.Dict)
    targets = [ast.literal_eval(v).partition(":") for v in table.values]
    bad = [f"{m}:{f}" for m, _, f in targets if not (m in modules() and is_io(m) and f)]
    assert not bad, f"geep._formats names modules outside the I/O layer: {bad}"


def test_model_never_imports_io():
    offenders = [
        f"{m} (line {line}) imports {t} ({'I/O' if is_io(t) else 'application'})"
        for m in sorted(modules())
        if is_model(m)
        for t, line in sorted(imports(m).items())
        if not is_model(t) and (m, t) not in PENDING_MODEL_IO
    ]
    assert not offenders, "model modules import layers above the model:\n  " + "\n  ".join(
        offenders
    )


def test_every_module_is_in_one_layer():
    """A new module must be placed: model, application or I/O (and in one only)."""
    unplaced = sorted(m for m in modules() if (is_model(m), is_app(m), is_io(m)).count(True) != 1)
    assert not unplaced, f"modules in no layer (add them to the tables above): {unplaced}"


def test_layers_are_defined_for_every_listed_module():
    """Every module named in the layer tables exists (a renamed module must be renamed here)."""
    named = IO_MODULES | MODEL_MODULES | APP_MODULES
    missing = sorted(m for m in named if m not in modules())
    assert not missing, f"layer tables name modules that do not exist: {missing}"


def test_no_module_over_500_lines():
    offenders = sorted(
        f"{m}: {n} lines"
        for m, p in modules().items()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
        and m not in PENDING_LONG_MODULES
    )
    assert not offenders, f"modules over {MAX_MODULE_LINES} lines:\n  " + "\n  ".join(offenders)


def _functions(name: str):
    for node in ast.walk(tree(name)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_function_over_80_lines():
    allowed = PENDING_LONG_FUNCTIONS | DATA_LITERAL_FUNCTIONS
    offenders = sorted(
        f"{m}:{f.name} (line {f.lineno}): {n} lines"
        for m in modules()
        for f in _functions(m)
        if (n := f.end_lineno - f.lineno + 1) > MAX_FUNCTION_LINES
        and f"{m}:{f.name}" not in allowed
    )
    assert not offenders, f"functions over {MAX_FUNCTION_LINES} lines:\n  " + "\n  ".join(offenders)


@pytest.mark.parametrize(
    "entries",
    [PENDING_LONG_MODULES, PENDING_LONG_FUNCTIONS, {m for m, _ in PENDING_MODEL_IO}],
    ids=["modules", "functions", "model-io"],
)
def test_pending_entries_name_real_modules(entries):
    missing = sorted(e for e in entries if e.partition(":")[0] not in modules())
    assert not missing, f"PENDING entries name modules that do not exist: {missing}"
