"""Issue 11 (CLI items): output guard, atomic writes under failure and Ctrl-C, batch
completeness, stale outputs, broken pipes, limits and the geep-output mark."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import geep
from geep.cli import main
from geep.io import atomic
from geep.io.atomic import OutputError, OutputExistsError, atomic_write_bytes, guard_output
from geep.io.marker import is_geep_output, is_geep_workbook
from geep.io.preflight import LimitError, Limits

LC = "region_code,year,land_class,area,unit\n{code},2020,forest.broadleaf,{a},ha\n"


def _csv(folder: Path, code: str, a: object = 5) -> Path:
    p = folder / f"{code}.csv"
    p.write_text(LC.format(code=code, a=a), encoding="utf-8")
    return p


# --- the geep-output mark -----------------------------------------------------------------
def test_geep_workbooks_are_marked_and_edits_unmark_them(tmp_path):
    src = _csv(tmp_path, "140105")
    out = tmp_path / "l.xlsx"
    assert main(["-q", "run", str(src), "-o", str(out), "--method", "esv"]) == 0
    assert is_geep_workbook(out)
    wb = load_workbook(out)
    wb["lines"]["K2"] = 123.0  # a user edit, saved by another program
    wb.save(tmp_path / "edited.xlsx")
    assert not is_geep_workbook(tmp_path / "edited.xlsx")
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    assert not is_geep_output(plain)
    csv = tmp_path / "l.csv"
    assert main(["-q", "run", str(src), "-o", str(csv), "--method", "esv"]) == 0
    assert is_geep_output(csv)
    (tmp_path / "l.csv.meta.json").unlink()
    assert not is_geep_output(csv)


def test_rerun_replaces_own_output_but_not_an_edited_one(tmp_path, capsys):
    src = _csv(tmp_path, "140105")
    out = tmp_path / "l.xlsx"
    argv = ["-q", "run", str(src), "-o", str(out), "--method", "esv"]
    assert main(argv) == 0
    assert main(argv) == 0  # an unchanged geep output may be replaced
    wb = load_workbook(out)
    wb["summary"]["A1"] = "my notes"
    wb.save(out)
    edited = out.read_bytes()
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--force" in err and "l.xlsx" in err and "Traceback" not in err
    assert out.read_bytes() == edited
    assert main([*argv, "--force"]) == 0 and out.read_bytes() != edited


def test_out_is_input_refused_even_with_force_and_through_a_symlink(tmp_path, capsys):
    src = _csv(tmp_path, "140105")
    link = tmp_path / "link.csv"
    link.symlink_to(src)
    before = src.read_bytes()
    for target in (src, link):
        assert main(["run", str(src), "-o", str(target), "--method", "esv", "--force"]) == 2
    assert src.read_bytes() == before
    assert "input" in capsys.readouterr().err


def test_refusal_in_chinese(tmp_path, capsys):
    src = _csv(tmp_path, "140105")
    out = tmp_path / "mine.xlsx"
    Workbook().save(out)
    assert main(["--lang", "zh", "run", str(src), "-o", str(out), "--method", "esv"]) == 2
    assert "已存在" in capsys.readouterr().err


def test_trading_template_never_overwrites_a_filled_journal(tmp_path, capsys):
    j = tmp_path / "j.xlsx"
    assert main(["trading", "template", str(j)]) == 0
    assert main(["trading", "template", str(j)]) == 0  # its own, unchanged template
    wb = load_workbook(j)
    wb[wb.sheetnames[1]]["A5"] = "E-MINE"
    wb.save(j)
    filled = j.read_bytes()
    assert main(["trading", "template", str(j)]) == 2
    assert j.read_bytes() == filled


# --- atomic writes under failure --------------------------------------------------------
def test_disk_full_leaves_no_file_and_names_the_target(tmp_path, monkeypatch):
    target = tmp_path / "l.xlsx"

    def full(fd):  # a full disk shows at the latest when the data are flushed
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OutputError) as info:
        atomic_write_bytes(target, b"x" * 100_000)
    monkeypatch.undo()
    assert "full" in str(info.value) and info.value.file == str(target)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_through_the_cli_is_exit_1(tmp_path, monkeypatch, capsys):
    src = _csv(tmp_path, "140105")

    def full(src_, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    code = main(["run", str(src), "-o", str(tmp_path / "o" / "l.xlsx"), "--method", "esv"])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1 and "full" in err and "Traceback" not in err
    assert not any((tmp_path / "o").iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path, capsys):
    src = _csv(tmp_path, "140105")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        assert main(["run", str(src), "-o", str(ro / "l.xlsx"), "--method", "esv"]) == 1
    finally:
        ro.chmod(0o700)
    assert "permission" in capsys.readouterr().err


def test_read_only_file_system_errno(tmp_path):
    err = atomic.output_error(OSError(errno.EROFS, "Read-only file system"), tmp_path / "x.xlsx")
    assert "read-only" in str(err)


def test_guard_outside_a_policy_and_a_folder_target(tmp_path):
    (tmp_path / "d.xlsx").mkdir()
    with pytest.raises(OutputError, match="folder"):
        guard_output(tmp_path / "d.xlsx")
    mine = tmp_path / "mine.csv"
    mine.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        guard_output(mine)
    assert guard_output(mine, data=b"a,b\n") == mine  # same bytes: nothing would be lost
    assert guard_output(mine, force=True) == mine


# --- batch ---------------------------------------------------------------------------------
def test_batch_rerun_removes_stale_ledgers(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    _csv(src, "140105")
    bad = _csv(src, "140106")
    out = tmp_path / "out"
    argv = ["batch", str(src), "-o", str(out), "--method", "esv", "--jobs", "1"]
    assert main(argv) == 0
    assert (out / "ledgers" / "140106.xlsx").exists()
    bad.write_text(LC.format(code="140106", a="abc"), encoding="utf-8")
    (out / "ledgers" / "notes.txt").write_text("mine", encoding="utf-8")
    capsys.readouterr()
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert not (out / "ledgers" / "140106.xlsx").exists()  # never beside "invalid"
    assert (out / "ledgers" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert "INCOMPLETE" in captured.out and "140106.csv" in captured.out
    combined = geep.Ledger.read(out / "combined.csv")
    assert combined.meta["complete"] is False
    assert combined.meta["missing_files"] == [{"file": "140106.csv", "status": "invalid"}]
    wb = load_workbook(out / "combined.xlsx")
    assert wb.sheetnames[0] == "INCOMPLETE"
    assert "140106.csv" in [c.value for c in wb["INCOMPLETE"]["A"]]


def test_batch_refuses_to_overwrite_foreign_output(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    _csv(src, "140105")
    out = tmp_path / "out"
    (out / "ledgers").mkdir(parents=True)
    Workbook().save(out / "summary.xlsx")
    before = (out / "summary.xlsx").read_bytes()
    assert main(["batch", str(src), "-o", str(out), "--method", "esv", "--jobs", "1"]) == 2
    assert (out / "summary.xlsx").read_bytes() == before
    assert "--force" in capsys.readouterr().err
    assert main(["-q", "batch", str(src), "-o", str(out), "--method", "esv", "--force"]) == 0


def test_batch_names_unique_or_a_clash(tmp_path, capsys):
    from geep.io.batch import output_names

    names = output_names([Path(n) for n in ("a.xlsx", "a.csv", "a_csv.xlsx")])
    assert len(set(names.values())) == 3 and names["a_csv.xlsx"] == "a_csv.xlsx"
    src = tmp_path / "in"
    src.mkdir()
    _csv(src, "140105").rename(src / "A.csv")
    _csv(src, "140106").rename(src / "a.csv")
    assert main(["batch", str(src), "-o", str(tmp_path / "o")]) == 2
    assert "A.csv, a.csv" in capsys.readouterr().err


def test_batch_ctrl_c_stops_promptly_and_leaves_no_partial_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(30):
        wb = Workbook()
        ws = wb.active
        ws.title = "land_cover"
        ws.append(["region_code", "year", "land_class", "area", "unit"])
        for y in range(2000, 2021):
            ws.append([str(140100 + k), y, "forest.broadleaf", 100.0, "ha"])
        wb.save(src / f"{140100 + k}.xlsx")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "geep", "-q", "batch", str(src), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    t0 = time.monotonic()
    while time.monotonic() - t0 < 120 and not list((out / "ledgers").glob("*.xlsx")):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    t1 = time.monotonic()
    _, err = proc.communicate(timeout=60)
    stopped = time.monotonic() - t1
    assert proc.returncode == 130
    assert stopped < 5.0, f"took {stopped:.1f} s to stop"
    assert b"Traceback" not in err
    assert not list(out.rglob("*.tmp"))
    for p in (out / "ledgers").glob("*.xlsx"):
        assert is_geep_workbook(p)  # every ledger left is complete
    status = {r[1] for r in load_workbook(out / "summary.xlsx")["files"].iter_rows(
        min_row=2, values_only=True)}  # fmt: skip
    assert "cancelled" in status


# --- entry point -----------------------------------------------------------------------
def test_broken_pipe_has_no_traceback():
    cmd = (f"{sys.executable} -m geep coefficients show xie2015-factors@2015 --format csv "
           "| head -1")  # fmt: skip
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr
    assert proc.stdout.count("\n") == 1


@pytest.mark.parametrize("value", ["abc", "inf", "1e400", "-1", "2.5", "nan"])
def test_limits_from_env_are_validated(monkeypatch, value):
    monkeypatch.setenv("GEEP_MAX_CELLS", value)
    with pytest.raises(LimitError, match="GEEP_MAX_CELLS"):
        Limits.from_env()


def test_limits_accept_counts(monkeypatch):
    monkeypatch.setenv("GEEP_MAX_CELLS", "2e7")
    assert Limits.from_env().max_cells == 20_000_000
    with pytest.raises(LimitError):
        Limits.from_env(max_cells=0)


def test_csv_over_the_cell_limit_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("region_code,year,land_class,area,unit\n"
                    + "140105,2020,water,1,ha\n" * 300_000, encoding="utf-8")  # fmt: skip
    t = time.perf_counter()
    with pytest.raises(geep.io.UnreadableFileError, match="1,500,005 cells"):
        geep.read_inputs(path, max_cells=1_000_000)
    assert time.perf_counter() - t < 1.0
