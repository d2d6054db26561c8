"""Released editions are immutable: a changed byte or a missing LOCK entry is refused."""

from __future__ import annotations

import shutil
import warnings

import pytest

import geep.coefficients as C
from geep.errors import GeepError, TamperedEditionError


@pytest.fixture
def released_copy(tmp_catalog, shipped):
    """A verbatim copy of xie2015-factors@2015 and of the shipped LOCK as the only root."""
    shutil.copytree(shipped / "xie2015-factors" / "2015", tmp_catalog / "xie2015-factors" / "2015")
    shutil.copy2(shipped / "LOCK", tmp_catalog / "LOCK")
    C.clear_cache()
    return tmp_catalog / "xie2015-factors" / "2015"


def _flip_one_byte(path, old: bytes, new: bytes) -> bytes:
    assert len(old) == len(new)
    original = path.read_bytes()
    data = bytearray(original)
    i = data.index(old)
    diffs = [j for j in range(len(old)) if old[j] != new[j]]
    assert len(diffs) == 1
    data[i + diffs[0]] = new[diffs[0]]
    path.write_bytes(bytes(data))
    C.clear_cache()
    return original


def test_verbatim_copy_loads_against_the_copied_lock(released_copy, tmp_catalog):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = C.load("xie2015-factors")
    assert t.ref == "xie2015-factors@2015"
    assert t.sha256 == C.read_lock(tmp_catalog)["xie2015-factors@2015"]


def test_one_changed_byte_in_csv_is_refused(released_copy, tmp_catalog):
    # dryland food production 0.85 -> 0.86
    original = _flip_one_byte(
        released_copy / "table.csv", b"provisioning,0.85,", b"provisioning,0.86,"
    )
    with pytest.raises(TamperedEditionError) as info:
        C.load("xie2015-factors")
    err = info.value
    text = str(err)
    assert isinstance(err, ValueError) and isinstance(err, GeepError)
    assert "xie2015-factors@2015" in text
    assert str(released_copy / "table.csv") in text
    assert str(tmp_catalog / "LOCK") in text
    assert (err.table, err.edition) == ("xie2015-factors", "2015")
    assert "new edition" in err.hint
    # the whole catalogue refuses it too
    with pytest.raises(TamperedEditionError):
        C.catalog()
    # restoring the byte restores the edition
    (released_copy / "table.csv").write_bytes(original)
    C.clear_cache()
    assert (
        C.load("xie2015-factors").value(("farmland.dryland", "food_production"), "factor") == 0.85
    )


def test_tampering_is_detected_without_clearing_the_cache(released_copy):
    assert C.load("xie2015-factors@2015")  # cached
    path = released_copy / "table.csv"
    data = path.read_bytes().replace(b"provisioning,0.85,", b"provisioning,0.95,", 1)
    path.write_bytes(data)
    with pytest.raises(TamperedEditionError):
        C.load("xie2015-factors@2015")


def test_changed_metadata_is_refused(released_copy):
    _flip_one_byte(released_copy / "table.yaml", b"jurisdiction: CN", b"jurisdiction: CM")
    with pytest.raises(
        TamperedEditionError, match=r"released edition xie2015-factors@2015 has been modified"
    ):
        C.load("xie2015-factors")


def test_released_edition_missing_from_lock_is_refused(released_copy, tmp_catalog):
    hashes = C.read_lock(tmp_catalog)
    del hashes["xie2015-factors@2015"]
    C.write_lock(tmp_catalog, hashes)
    C.clear_cache()
    with pytest.raises(TamperedEditionError) as info:
        C.load("xie2015-factors")
    assert "released edition xie2015-factors@2015 has no hash in" in str(info.value)
    assert "geep coefficients lock" in info.value.hint


def test_released_edition_in_a_root_without_lock_is_refused(released_copy, tmp_catalog):
    (tmp_catalog / "LOCK").unlink()
    C.clear_cache()
    with pytest.raises(TamperedEditionError, match="has no hash in"):
        C.load("xie2015-factors")


def test_self_contained_root_with_its_own_lock(tmp_catalog, tmp_path, make_table, lock):
    """A bureau's own released edition, locked with write_lock, passed with paths=."""
    user = tmp_path / "bureau"
    folder = make_table(
        user, "bureau-prices", "2023", meta={"id": "bureau-prices", "status": "released"}
    )
    path = lock(user)
    assert path.read_text(encoding="utf-8").count("bureau-prices@2023 ") == 1
    assert C.load("bureau-prices", paths=[user]).status == "released"
    _flip_one_byte(folder / "table.csv", b"2.6,", b"2.7,")
    with pytest.raises(TamperedEditionError) as info:
        C.load("bureau-prices", paths=[user])
    assert "bureau-prices@2023" in str(info.value) and "table.csv" in str(info.value)


def test_provisional_editions_are_not_hash_checked(tmp_catalog, make_table):
    folder = make_table(tmp_catalog, meta={"status": "provisional"})
    assert C.load("demo@v1").value("water.domestic") == 2.6
    _flip_one_byte(folder / "table.csv", b"2.6,", b"2.7,")
    assert C.load("demo@v1").value("water.domestic") == 2.7


def test_lock_file_format(tmp_catalog):
    path = C.write_lock(tmp_catalog, {"b@2": "f" * 64, "a@1": "e" * 64})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[-2:] == ["a@1 " + "e" * 64, "b@2 " + "f" * 64]  # sorted
    assert all(line.startswith("#") for line in lines[:-2])
    assert C.read_lock(tmp_catalog) == {"a@1": "e" * 64, "b@2": "f" * 64}
