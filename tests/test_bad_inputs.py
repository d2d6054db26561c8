"""The bad-input corpus (``tests/data/bad/manifest.py``) through the ``geep`` command line.

For every case: the exit code (0 ok / 1 invalid input / 2 usage), no traceback on stdout or
stderr, the cell / line / part / option at fault named in the output, and every input file
(and any file the case says must be kept) byte-for-byte unchanged. Cases whose defect belongs
to an issue-11 item fixed elsewhere are ``xfail(strict=True)``: they flip when it is fixed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geep.cli import main

_SPEC = importlib.util.spec_from_file_location(
    "bad_manifest", Path(__file__).parent / "data" / "bad" / "manifest.py"
)
manifest = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(manifest)
CASES = manifest.CASES


def _params():
    out = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _hashes(paths) -> dict[str, str]:
    out = {}
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for p in files:
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _run(case, argv, capsys) -> tuple[int, str]:
    if case.get("subprocess"):
        env = {**os.environ, **case.get("env", {})}
        proc = subprocess.run([sys.executable, "-m", "geep", *argv], capture_output=True,
                              text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)  # fmt: skip
        return proc.returncode, proc.stdout + proc.stderr
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_corpus_is_large_and_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 60


@pytest.mark.parametrize("case", _params())
def test_bad_input(case, tmp_path, capsys, monkeypatch):
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    out_dir.mkdir()
    for name, content in case["files"].items():
        manifest._write(in_dir / name, content)
    if "prepare" in case:
        case["prepare"](in_dir, out_dir)
    capsys.readouterr()
    for k, v in case.get("env", {}).items():
        monkeypatch.setenv(k, v)

    def fill(a: str) -> str:
        return a.replace("{in}", str(in_dir)).replace("{out}", str(out_dir))

    argv = [fill(a) for a in case["argv"]]
    keep = [in_dir] + [Path(fill(k)) for k in case.get("keep", [])]
    before = _hashes(keep)
    code, output = _run(case, argv, capsys)
    assert "Traceback" not in output, output
    assert code == case["exit"], output
    for name in case["names"]:
        assert fill(name) in output, f"{name!r} not named in:\n{output}"
    assert _hashes(keep) == before  # inputs (and files to keep) unchanged
    tmp = [p for p in tmp_path.rglob("*.tmp")]
    assert not tmp, tmp  # no temporary file left behind
