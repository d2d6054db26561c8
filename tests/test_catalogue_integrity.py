"""Integrity of released editions (issue 11 item 19): the LOCK is consulted for every edition
it lists whatever its status says; ``geep coefficients lock`` never re-hashes a changed
released edition and never writes a LOCK into a folder that is not a catalogue root."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import geep.coefficients as C
from geep import compensation
from geep.cli import main
from geep.compensation.schemes import validate_folder
from geep.errors import CoefficientTableError, TamperedEditionError

SHIPPED = Path(__file__).resolve().parents[1] / "coefficients"


@pytest.fixture
def xie(tmp_catalog, shipped):
    """xie2015-factors@2015 and the shipped LOCK as the only (geep's own) root."""
    shutil.copytree(shipped / "xie2015-factors" / "2015", tmp_catalog / "xie2015-factors" / "2015")
    shutil.copy2(shipped / "LOCK", tmp_catalog / "LOCK")
    C.clear_cache()
    return tmp_catalog / "xie2015-factors" / "2015"


def _tamper_and_flip(folder: Path, flip: bool = True, times_ten: bool = True) -> None:
    csv = folder / "table.csv"
    if times_ten:  # dryland food production 0.85 -> 8.5
        data = csv.read_bytes()
        assert b"provisioning,0.85," in data
        csv.write_bytes(data.replace(b"provisioning,0.85,", b"provisioning,8.5,", 1))
    if flip:
        meta = folder / "table.yaml"
        text = meta.read_text(encoding="utf-8")
        assert "status: released" in text
        meta.write_text(text.replace("status: released", "status: provisional"), encoding="utf-8")
    C.clear_cache()


@pytest.mark.parametrize(("flip", "times_ten"), [(True, True), (True, False), (False, True)])
def test_an_edition_in_lock_is_checked_whatever_its_status(xie, flip, times_ten):
    _tamper_and_flip(xie, flip, times_ten)
    for ref in ("xie2015-factors", "xie2015-factors@2015"):
        with pytest.raises(TamperedEditionError) as info:
            C.load(ref)
        text = str(info.value)
        assert "released edition xie2015-factors@2015 has been modified" in text
        assert ("its status was changed to 'provisional' too" in text) is flip
        assert "new edition" in info.value.hint
    with pytest.raises(TamperedEditionError):
        C.catalog()  # geep's own root: raised, never skipped


def test_the_ledger_never_sees_the_tampered_factors(tmp_catalog, shipped):
    """The whole shipped catalogue, its Xie 2015 factors ×10 and flipped to provisional: the
    run is refused (before, the ledger only said "provisional")."""
    import pandas as pd

    import geep

    shutil.rmtree(tmp_catalog)
    shutil.copytree(shipped, tmp_catalog)
    C.clear_cache()
    lc = pd.DataFrame({"region_code": ["r"], "year": [2020], "land_class": ["farmland.dryland"],
                       "area": [1.0], "unit": ["ha"]})  # fmt: skip
    assert len(geep.esv(lc).lines)
    _tamper_and_flip(tmp_catalog / "xie2015-factors" / "2015")
    with pytest.raises(TamperedEditionError, match="changed to 'provisional'"):
        geep.esv(lc)


def test_tampered_and_flipped_user_edition_is_set_aside(tmp_path, make_table, capsys):
    user = tmp_path / "bureau"
    folder = make_table(user, "bureau-prices", "2023",
                        meta={"id": "bureau-prices", "status": "released"})  # fmt: skip
    C.update_lock(user)
    assert C.load("bureau-prices", paths=[user]).status == "released"
    csv = folder / "table.csv"
    csv.write_bytes(csv.read_bytes().replace(b"2.6,", b"26,"))
    meta = folder / "table.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("status: released",
                                                             "status: provisional"),
                    encoding="utf-8")  # fmt: skip
    C.clear_cache()
    with pytest.raises(TamperedEditionError, match="changed to 'provisional'"):
        C.load("bureau-prices", paths=[user])
    cat = C.catalog([user])
    assert "bureau-prices" not in set(cat["table"]) and "xie2015-factors" in set(cat["table"])
    assert isinstance(cat.attrs["invalid"][0], TamperedEditionError)
    code = main(["coefficients", "--path", str(user), "list"])
    err = capsys.readouterr().err
    assert code == 1 and "bureau-prices@2023 has been modified" in err and str(user) in err


def test_tampered_and_flipped_scheme_is_refused(tmp_path):
    root = tmp_path / "u"
    dst = root / "schemes" / "yl-copy" / "2021"
    shutil.copytree(SHIPPED / "schemes" / "yellow-river-henan-shandong" / "2021", dst)
    doc = yaml.safe_load((dst / "scheme.yaml").read_text(encoding="utf-8"))
    doc["id"] = "yl-copy"
    (dst / "scheme.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    C.update_lock(root, check=validate_folder)
    compensation.clear_cache()
    assert compensation.load("yl-copy", paths=[root]).status == "released"
    text = (dst / "scheme.yaml").read_text(encoding="utf-8")
    text = text.replace("value: 6000", "value: 60000").replace("status: released",
                                                               "status: provisional")  # fmt: skip
    (dst / "scheme.yaml").write_text(text, encoding="utf-8")
    compensation.clear_cache()
    for ref in ("yl-copy", "yl-copy@2021"):
        with pytest.raises(TamperedEditionError) as info:
            compensation.load(ref, paths=[root])
        assert "changed to 'provisional'" in str(info.value)
        assert info.value.file.endswith("scheme.yaml")
    listing = compensation.schemes([root])
    assert "yl-copy" not in set(listing["scheme"])
    assert isinstance(listing.attrs["invalid"][0], TamperedEditionError)


# --- geep coefficients lock -------------------------------------------------------------
def test_lock_refuses_to_rehash_a_changed_released_edition(tmp_path, make_table, capsys):
    root = tmp_path / "cat"
    folder = make_table(root, "t", "v1", meta={"id": "t", "status": "released"})
    assert main(["coefficients", "lock", str(root)]) == 0
    before = (root / "LOCK").read_bytes()
    csv = folder / "table.csv"
    csv.write_bytes(csv.read_bytes().replace(b"2.6,", b"26,"))
    code = main(["coefficients", "lock", str(root)])
    cap = capsys.readouterr()
    assert code == 1 and "Traceback" not in cap.err
    assert "not written: 1 locked edition(s) would change" in cap.err
    assert "t@v1: its files changed since it was locked (status now 'released')" in cap.err
    assert "new edition" in cap.err and "supersedes: <id>@<old edition>" in cap.err
    assert (root / "LOCK").read_bytes() == before  # nothing written
    with pytest.raises(C.LockRefusedError):
        C.update_lock(root)
    # flipping the status as well changes nothing: still refused
    meta = folder / "table.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("status: released",
                                                             "status: draft"), encoding="utf-8")  # fmt: skip
    with pytest.raises(C.LockRefusedError, match="status now 'draft'"):
        C.update_lock(root)
    assert (root / "LOCK").read_bytes() == before


def test_the_documented_way_publishes_a_new_edition(tmp_path, make_table):
    """Restore the old edition, put the change in a new folder with supersedes: it locks."""
    root = tmp_path / "cat"
    make_table(root, "t", "v1", meta={"id": "t", "status": "released"})
    first = C.update_lock(root)
    assert first.added == ("t@v1",)
    make_table(root, "t", "v2", meta={"id": "t", "status": "released", "supersedes": "t@v1",
                                      "valid_from": "2024-01-01"},
               csv="parameter,value,unit,evidence,source,note\nwater.domestic,3.0,CNY/m3,"
                   "published,S1,\n")  # fmt: skip
    second = C.update_lock(root)
    assert second.added == ("t@v2",) and second.released == ("t@v1", "t@v2")
    lock = C.read_lock(root)
    assert lock["t@v1"] == C.read_lock(root)["t@v1"] and set(lock) == {"t@v1", "t@v2"}
    C.clear_cache()
    assert C.load("t", paths=[root]).edition == "v2"


def test_lock_refuses_to_drop_a_locked_edition(tmp_path, make_table):
    root = tmp_path / "cat"
    folder = make_table(root, "t", "v1", meta={"id": "t", "status": "released"})
    make_table(root, "t", "v2", meta={"id": "t"})
    C.update_lock(root)
    shutil.rmtree(folder)
    with pytest.raises(C.LockRefusedError, match="t@v1: LOCK lists it but its folder is gone"):
        C.update_lock(root)


def test_lock_refuses_a_changed_released_scheme(tmp_path):
    root = tmp_path / "u"
    dst = root / "schemes" / "yl-copy" / "2021"
    shutil.copytree(SHIPPED / "schemes" / "yellow-river-henan-shandong" / "2021", dst)
    doc = yaml.safe_load((dst / "scheme.yaml").read_text(encoding="utf-8"))
    doc["id"] = "yl-copy"
    (dst / "scheme.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert C.update_lock(root, check=validate_folder).added == ("schemes/yl-copy@2021",)
    (dst / "notes.txt").write_text("an extra file is a change too", encoding="utf-8")
    with pytest.raises(C.LockRefusedError, match="schemes/yl-copy@2021: its files changed"):
        C.update_lock(root, check=validate_folder)


def test_lock_validates_every_edition_first(tmp_path, make_table):
    root = tmp_path / "cat"
    make_table(root, "t", "v1", meta={"id": "t", "status": "released"})
    make_table(root, "u", "v1", meta={"id": "u", "status": "released"},
               csv="parameter,value,unit,evidence,source,note\na,abc,CNY/m3,published,S1,\n")  # fmt: skip
    with pytest.raises(CoefficientTableError, match="'abc' is not a valid float"):
        C.update_lock(root)
    assert not (root / "LOCK").exists()


@pytest.mark.parametrize("where", ["empty", "files", "missing", "file"])
def test_lock_refuses_a_folder_that_is_not_a_root(tmp_path, capsys, where):
    folder = tmp_path / "random"
    if where != "missing":
        folder.mkdir()
    if where == "files":
        (folder / "notes.txt").write_text("hello", encoding="utf-8")
        (folder / "sub").mkdir()
    if where == "file":
        folder = folder / "notes.txt"
        folder.write_text("hello", encoding="utf-8")
    code = main(["coefficients", "lock", str(folder)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"{folder} is not a coefficient catalogue folder; LOCK not written" in err
    assert "<table-id>/<edition>/table.yaml" in err  # what a root looks like
    assert not (tmp_path / "random" / "LOCK").exists()


@pytest.mark.parametrize("depth", ["edition", "table"])
def test_lock_inside_a_root_names_the_root(tmp_path, make_table, depth):
    root = tmp_path / "cat"
    folder = make_table(root, "t", "v1", meta={"id": "t"})
    target = folder if depth == "edition" else folder.parent
    with pytest.raises(CoefficientTableError) as info:
        C.update_lock(target)
    assert f"inside the catalogue folder {root}" in info.value.hint
    assert not (target / "LOCK").exists()


def test_lock_of_the_shipped_root_is_a_no_op(shipped):
    """The shipped LOCK is what `geep coefficients lock` would write (run on a copy)."""
    assert C.hashes_for(shipped) == C.read_lock(shipped)


# --- the LOCK file itself ---------------------------------------------------------------
@pytest.mark.parametrize(("body", "says"), [
    ("t@v1 abc\n", "line 1 is not '<id>@<edition> <sha256>'"),
    ("# c\nt@v1\n", "line 2 is not"),
    (f"t@v1 {'a' * 64}\nt@v1 {'b' * 64}\n", "t@v1 is given two different hashes (lines 1 and 2)"),
])  # fmt: skip
def test_a_malformed_lock_is_an_error_naming_the_line(tmp_path, make_table, body, says):
    root = tmp_path / "cat"
    make_table(root, "t", "v1", meta={"id": "t", "status": "released"})
    (root / "LOCK").write_text(body, encoding="utf-8")
    with pytest.raises(CoefficientTableError, match=re.escape(says)) as info:
        C.read_lock(root)
    assert info.value.file == str(root / "LOCK")
    # in a user folder: its editions are set aside, the rest of the catalogue works
    C.clear_cache()
    with pytest.raises(CoefficientTableError, match=re.escape(says)):
        C.load("t", paths=[root])
    assert C.load("xie2015-factors", paths=[root]).ref == "xie2015-factors@2015"


def test_the_same_hash_twice_is_accepted(tmp_path):
    (tmp_path / "LOCK").write_text(f"t@v1 {'a' * 64}\nt@v1 {'a' * 64}\n", encoding="utf-8")
    assert C.read_lock(tmp_path) == {"t@v1": "a" * 64}
