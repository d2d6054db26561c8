"""geep batch: two inputs that hold the same region, year and account are never added into
one combined ledger (it would double their totals); each file's own ledger is written."""

from __future__ import annotations

import shutil

from geep.cli import main
from geep.examples import example_path


def test_two_copies_of_one_county_give_no_combined_ledger(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    src = example_path("shanxi", "shanxi-example.xlsx")
    shutil.copy(src, folder / "a.xlsx")
    shutil.copy(src, folder / "b.xlsx")
    out = tmp_path / "out"
    code = main(["--lang", "zh", "batch", str(folder), "-o", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "未写出合并核算表" in err and "a.xlsx, b.xlsx" in err and "140100 2015" in err
    assert not (out / "combined.xlsx").exists() and not (out / "combined.csv").exists()
    assert sorted(p.name for p in (out / "ledgers").iterdir()) == ["a.xlsx", "b.xlsx"]
    assert (out / "summary.xlsx").exists()


def test_one_copy_gives_the_combined_ledger(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(example_path("shanxi", "shanxi-example.xlsx"), folder / "a.xlsx")
    out = tmp_path / "out"
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    assert (out / "combined.xlsx").exists() and "combined ledger" not in capsys.readouterr().err
