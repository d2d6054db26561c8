"""Executable examples of the documentation: find, run and render the code blocks of a page.

Used by the Sphinx extension :mod:`geep_docs` (which shows the real output of every example
in the built pages) and by ``tests/test_docs_examples.py`` (which runs the same examples in
the normal test suite), so that an example that stops working fails both.

What is executed, per Markdown page, in order, in one fresh namespace, with the working
directory set to a fresh temporary folder:

* every fenced ``python`` block (```` ```python ```` or ```` ```{code-block} python ````);
  like a notebook cell, the value of a final bare expression is shown;
* in every fenced ``bash`` / ``console`` / ``shell`` block, each line that starts with
  ``geep `` (optionally after a ``$`` prompt): it is run in-process through
  :func:`geep.cli.main`; a trailing ``# exit N`` comment states the expected exit code
  (default 0). Other shell lines (``pip install ...``) are shown, not run.

Markers on the first line of a block (removed from the rendered page):

* ``# doctest: skip`` — shown, never run (use sparingly);
* ``# requires: module[, module]`` — run only when the modules can be imported
  (e.g. ``matplotlib`` from the ``plot`` extra);
* ``# output: hide`` — run, but its output is not shown.

Only blocks at the top level or inside directive fences (notes, tabs ...) are found; blocks
must use back-tick fences of three or more characters.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import io
import logging
import os
import re
import shlex
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PYTHON_LANGS = {"python", "python3", "py", "pycon"}
SHELL_LANGS = {"bash", "console", "shell", "sh"}
CODE_DIRECTIVES = {"{code-block}", "{code}", "{sourcecode}"}
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*?)\s*$")
_MARKER = re.compile(r"^#\s*(doctest:\s*skip|requires:\s*(?P<req>.+)|output:\s*hide)\s*$", re.I)
_EXIT = re.compile(r"#\s*exit\s+(\d+)\s*$")
#: at most this many output lines are shown per block (the rest is summarised)
MAX_OUTPUT_LINES = 60


@dataclass
class Block:
    """One executable code block of a page."""

    lang: str  # "python" or "shell"
    code: str  # the code as shown (marker lines removed)
    first: int  # 0-based index of the opening fence line
    last: int  # 0-based index of the closing fence line
    indent: str
    marker_lines: list[int] = field(default_factory=list)  # 0-based lines to drop when rendering
    skip: bool = False
    requires: list[str] = field(default_factory=list)
    hide_output: bool = False

    @property
    def lineno(self) -> int:
        """1-based line number of the first code line (for messages)."""
        return self.first + 2


@dataclass
class Result:
    """Outcome of one block: its output text, figures written, or the error."""

    block: Block
    output: str = ""
    error: str | None = None
    skipped: str | None = None  # reason
    figures: list[Path] = field(default_factory=list)


def _lang_of(info: str) -> str | None:
    parts = info.split()
    if not parts:
        return None
    word = parts[0].lower()
    if word in CODE_DIRECTIVES:
        word = parts[1].lower() if len(parts) > 1 else ""
    if word in PYTHON_LANGS:
        return "python"
    if word in SHELL_LANGS:
        return "shell"
    return None


def find_blocks(text: str) -> list[Block]:
    """Executable blocks of a Markdown (MyST) page, in page order."""
    lines = text.splitlines()
    blocks: list[Block] = []
    stack: list[tuple[str, int]] = []  # open directive fences: (char, length)
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group("fence"), m.group("info")
        if not info:  # a closing fence of an open directive
            if stack and fence[0] == stack[-1][0] and len(fence) >= stack[-1][1]:
                stack.pop()
            i += 1
            continue
        if info.startswith("{") and info.split()[0] not in CODE_DIRECTIVES:
            stack.append((fence[0], len(fence)))  # a directive: look inside it
            i += 1
            continue
        # a code block: find its end
        j = i + 1
        while j < len(lines):
            c = _FENCE.match(lines[j])
            if (
                c
                and not c.group("info")
                and c.group("fence")[0] == fence[0]
                and len(c.group("fence")) >= len(fence)
            ):
                break
            j += 1
        lang = _lang_of(info)
        if lang is not None:
            body = lines[i + 1 : j]
            block = Block(lang, "", i, j, m.group("indent"))
            # directive options (":caption: ...") and markers come first
            k = 0
            while k < len(body) and body[k].strip().startswith(":") and info.startswith("{"):
                k += 1
            if k < len(body):
                mm = _MARKER.match(body[k].strip())
                if mm:
                    block.marker_lines.append(i + 1 + k)
                    word = mm.group(1).lower()
                    if word.startswith("doctest"):
                        block.skip = True
                    elif word.startswith("output"):
                        block.hide_output = True
                    else:
                        block.requires = [r.strip() for r in mm.group("req").split(",")]
                    k += 1
            code_lines = [
                ln[len(block.indent) :] if ln.startswith(block.indent) else ln for ln in body[k:]
            ]
            block.code = "\n".join(code_lines).strip("\n") + "\n"
            blocks.append(block)
        i = j + 1
    return blocks


# --- execution --------------------------------------------------------------------------
def _run_python(code: str, ns: dict, filename: str) -> None:
    tree = ast.parse(code, filename=filename)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), ns)
    if last is not None:
        value = eval(compile(last, filename, "eval"), ns)
        if value is not None:
            print(repr(value))


def _shell_commands(code: str) -> list[tuple[str, int]]:
    """``geep`` command lines of a shell block with their expected exit codes."""
    out = []
    joined: list[str] = []
    for raw in code.splitlines():
        line = raw.rstrip()
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1] + " " + line.strip()
        else:
            joined.append(line)
    for line in joined:
        text = line.strip()
        if text.startswith("$ "):
            text = text[2:].strip()
        if not text.startswith("geep "):
            continue
        m = _EXIT.search(text)
        out.append((text, int(m.group(1)) if m else 0))
    return out


def _run_shell(code: str) -> tuple[str, str | None]:
    from geep.cli import main
    from geep.messages import set_language

    parts: list[str] = []
    cmds = _shell_commands(code)
    for text, expected in cmds:
        argv = shlex.split(text, comments=True)[1:]
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            try:
                code_ = main(argv)
            except SystemExit as exc:  # argparse: --help, usage errors
                code_ = exc.code if isinstance(exc.code, int) else 1
            finally:
                set_language(None)  # a command's --lang ends with the command
        shown = text.split("#")[0].rstrip() if _EXIT.search(text) else text
        out = buf.getvalue().rstrip()
        parts.append(f"$ {shown}" + (f"\n{out}" if out else "") + _exit_note(code_, expected))
        if code_ != expected:
            return "\n".join(parts), (
                f"`{shown}` exited with code {code_}, expected {expected}:\n{out}"
            )
    return "\n".join(parts), None


def _exit_note(code: int, expected: int) -> str:
    return f"\n(exit code {code})" if code else ""


def _trim(text: str) -> str:
    lines = text.rstrip().splitlines()
    if len(lines) <= MAX_OUTPUT_LINES:
        return "\n".join(lines)
    head = lines[: MAX_OUTPUT_LINES - 10]
    tail = lines[-8:]
    return "\n".join([*head, f"... ({len(lines) - len(head) - len(tail)} more lines)", *tail])


def _missing(modules: list[str]) -> list[str]:
    out = []
    for m in modules:
        try:
            if importlib.util.find_spec(m) is None:
                out.append(m)
        except (ImportError, ValueError):
            out.append(m)
    return out


def run_page(
    text: str,
    cwd: str | os.PathLike,
    name: str = "page",
    on_result: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Run the executable blocks of one page in order, in one namespace, inside ``cwd``.

    Execution stops at the first failing block (later blocks usually depend on it); its
    :class:`Result` carries the error text.
    """
    import pandas as pd

    from geep.messages import set_language

    blocks = find_blocks(text)
    results: list[Result] = []
    if not blocks:
        return results
    ns: dict = {"__name__": "__docs__"}
    old_cwd = Path.cwd()
    old_env = {k: os.environ.get(k) for k in ("COLUMNS", "NO_COLOR", "GEEP_LANG")}
    os.environ.update({"COLUMNS": "100", "NO_COLOR": "1"})
    os.environ.pop("GEEP_LANG", None)
    os.chdir(cwd)
    # third-party INFO logs (matplotlib) must not end up in the build log or in outputs
    quiet = [logging.getLogger(n) for n in ("matplotlib", "PIL", "fontTools")]
    levels = [lg.level for lg in quiet]
    for lg in quiet:
        lg.setLevel(logging.WARNING)
    try:
        with pd.option_context(
            "display.width",
            100,
            "display.max_columns",
            12,
            "display.max_rows",
            24,
            "display.max_colwidth",
            50,
        ):
            for n, block in enumerate(blocks, 1):
                res = Result(block)
                results.append(res)
                if block.skip:
                    res.skipped = "marked '# doctest: skip'"
                elif missing := _missing(block.requires):
                    res.skipped = f"needs {', '.join(missing)}"
                else:
                    before = _pngs(Path.cwd())
                    _execute(block, ns, f"<{name} block {n}>", res)
                    after = _pngs(Path.cwd())
                    res.figures = sorted(p for p, t in after.items() if before.get(p) != t)
                if on_result is not None:
                    on_result(res)
                if res.error is not None:
                    break
    finally:
        os.chdir(old_cwd)
        for lg, level in zip(quiet, levels, strict=True):
            lg.setLevel(level)
        for k, v in old_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        set_language(None)
    return results


def _pngs(folder: Path) -> dict[Path, float]:
    return {p.resolve(): p.stat().st_mtime_ns for p in folder.rglob("*.png")}


def _execute(block: Block, ns: dict, filename: str, res: Result) -> None:
    buf = io.StringIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            try:
                if block.lang == "python":
                    _run_python(block.code, ns, filename)
                else:
                    out, err = _run_shell(block.code)
                    buf.write(out)
                    if err:
                        res.error = err
            except Exception:  # the example failed: report it with its traceback
                tb = traceback.format_exc()
                res.error = tb
    seen = set()
    notes = []
    for w in caught:
        text = f"{w.category.__name__}: {w.message}"
        if text not in seen:
            seen.add(text)
            notes.append(text)
    output = buf.getvalue()
    if notes:
        output = output.rstrip("\n") + ("\n" if output.strip() else "") + "\n".join(notes)
    res.output = "" if block.hide_output else _trim(output)


# --- rendering --------------------------------------------------------------------------
def render(
    text: str, results: list[Result], figure_ref: Callable[[Path], str] | None = None
) -> str:
    """The page with marker lines removed and each block's output (and figures) after it."""
    lines = text.splitlines()
    drop = {i for r in results for i in r.block.marker_lines}
    after: dict[int, list[str]] = {}
    for r in results:
        extra: list[str] = []
        ind = r.block.indent
        if r.output.strip():
            fence = "```"
            while fence in r.output:
                fence += "`"
            extra += ["", f"{ind}{fence}{{code-block}} text", f"{ind}:class: geep-output", ""]
            extra += [f"{ind}{ln}" if ln else "" for ln in r.output.splitlines()]
            extra += [f"{ind}{fence}"]
        if figure_ref is not None:
            for fig in r.figures:
                extra += [
                    "",
                    f"{ind}```{{image}} {figure_ref(fig)}",
                    f"{ind}:alt: {fig.name}",
                    f"{ind}:width: 90%",
                    f"{ind}```",
                ]
        if extra:
            after[r.block.last] = extra
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in drop:
            continue
        out.append(line)
        if i in after:
            out.extend(after[i])
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def pages(docs_dir: str | os.PathLike) -> list[Path]:
    """Markdown pages of the documentation that hold executable blocks (sorted)."""
    root = Path(docs_dir)
    skip = {"_build", "_ext", "_generated", "_static", "_templates"}
    out = []
    for p in sorted(root.rglob("*.md")):
        if skip & set(p.relative_to(root).parts):
            continue
        if find_blocks(p.read_text(encoding="utf-8")):
            out.append(p)
    return out
