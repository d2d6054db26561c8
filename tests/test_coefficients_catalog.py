"""The catalogue: shipped tables load, LOCK, profiles, resolution and user folders."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import warnings
from pathlib import Path

import pytest

import geep.coefficients as C
from geep.errors import CoefficientTableError, EditionNotFoundError, TamperedEditionError


def _editions_on_disk(root: Path) -> set[tuple[str, str]]:
    return {
        (ed.parent.name, ed.name)
        for ed in root.glob("*/*")
        if (ed / "table.yaml").is_file() and ed.parent.name not in {"profiles", "schemes"}
    }


# --- the shipped catalogue ----------------------------------------------------------------


def test_catalog_loads_every_shipped_edition(shipped):
    cat = C.catalog()
    on_disk = _editions_on_disk(shipped)
    assert len(on_disk) >= 16
    assert set(zip(cat["table"], cat["edition"], strict=True)) == on_disk
    assert len(cat) == len(on_disk)
    assert (cat["rows"] > 0).all()
    levels = ["published", "derived", "secondary", "unverified"]
    assert (cat[levels].sum(axis=1) == cat["rows"]).all()  # every row has one evidence level
    assert set(cat["status"]) <= {"released", "provisional", "draft"}


def test_every_released_edition_matches_lock(shipped):
    lock = C.read_lock(shipped)
    released = set()
    for tid, eds in C.index().items():
        for ed, entry in eds.items():
            if entry.meta.status != "released":
                continue
            ref = f"{tid}@{ed}"
            released.add(ref)
            assert ref in lock, f"{ref} is released but has no hash in LOCK"
            assert C.load(tid, edition=ed).sha256 == lock[ref]
    # the design's released tables are among them
    for ref in (
        "xie2015-factors@2015",
        "standard-equivalent@xie-2015",
        "gep-parameters@garze-2010",
        "costanza-unit-values@2014",
        "gb3838-limits@2002",
    ):
        assert ref in released
    # no stale LOCK entries (scheme entries are checked by the compensation package)
    stale = {ref for ref in lock if not ref.startswith("schemes/")} - released
    assert not stale, f"LOCK names editions that are not released on disk: {sorted(stale)}"


def test_every_profile_loads_and_its_tables_resolve():
    names = C.profiles()
    assert {"cn-gep-2020", "xie-2015", "costanza-2014", "shanxi-2023"} <= set(names)
    for name in names:
        prof = C.load_profile(name)
        assert prof.name == name
        assert prof.tables, name
        for role, ref in prof.tables.items():
            _tid, ed = C.parse_ref(ref)
            assert ed is not None, f"profile {name} role {role}: {ref} pins no edition"
            table = C.profile_table(name, role)
            assert table.ref == ref


def test_profiles_bundle_what_their_names_say():
    xie = C.load_profile("xie-2015")
    assert xie.method == "esv" and xie.status == "released"
    assert xie.tables["factors"] == "xie2015-factors@2015"
    assert xie.tables["standard_equivalent"] == "standard-equivalent@xie-2015"
    gep = C.load_profile("cn-gep-2020")
    # DESIGN §3: until the guide's own parameters are sourced it uses Garze 2010, provisional
    assert gep.method == "gep" and gep.status == "provisional"
    assert gep.tables["parameters"] == "gep-parameters@garze-2010"
    bt = C.load_profile("costanza-2014")
    assert bt.method == "bt" and bt.tables["unit_values"] == "costanza-unit-values@2014"


def test_unknown_profile_lists_profiles():
    with pytest.raises(KeyError) as info:
        C.load_profile("xie-2051")
    assert "no profile 'xie-2051'; available profiles:" in str(info.value)
    assert "xie-2015" in str(info.value)


def test_profile_role_not_found():
    with pytest.raises(KeyError, match="has no table for role 'weather'"):
        C.profile_table("xie-2015", "weather")


# --- resolution: newest released, as_of, provisional -------------------------------------


@pytest.fixture
def editions(tmp_catalog, make_table, lock):
    """demo: a (released 2010-2014), b (released 2015-), c (provisional 2020-), d (draft 2021-)."""
    make_table(
        tmp_catalog,
        "demo",
        "a",
        meta={"status": "released", "valid_from": "2010-01-01", "valid_to": "2014-12-31"},
    )
    make_table(tmp_catalog, "demo", "b", meta={"status": "released", "valid_from": "2015-01-01"})
    make_table(tmp_catalog, "demo", "c", meta={"status": "provisional", "valid_from": "2020-01-01"})
    make_table(tmp_catalog, "demo", "d", meta={"status": "draft", "valid_from": "2021-01-01"})
    lock(tmp_catalog)
    return tmp_catalog


def test_load_picks_the_newest_released_edition(editions):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a released edition loads without a warning
        t = C.load("demo")
    assert t.edition == "b" and t.status == "released"


@pytest.mark.parametrize(
    ("as_of", "edition"),
    [
        ("2012-06-30", "a"),
        (dt.date(2014, 12, 31), "a"),  # valid_to is inclusive
        ("2015-01-01", "b"),
        (dt.date(2022, 1, 1), "b"),  # released beats the newer provisional / draft
    ],
)
def test_load_as_of(editions, as_of, edition):
    assert C.load("demo", as_of=as_of).edition == edition


def test_load_as_of_before_any_edition(editions):
    with pytest.raises(EditionNotFoundError) as info:
        C.load("demo", as_of="2009-12-31")
    text = str(info.value)
    # nothing at all is valid then (released or not): the brief's one message for every kind
    assert "has no edition valid at 2009-12-31; editions and validity:" in text
    assert "a [2010-01-01..2014-12-31]" in text and "b [2015-01-01..]" in text
    assert info.value.available == ["a", "b", "c", "d"]


def test_exact_edition_wins(editions):
    assert C.load("demo", edition="d").status == "draft"
    assert C.load("demo@c").status == "provisional"


def test_only_provisional_editions_load_with_a_warning(tmp_catalog, make_table):
    make_table(tmp_catalog, "prov", "p1", meta={"valid_from": "2018-01-01"})
    make_table(tmp_catalog, "prov", "p2", meta={"valid_from": "2019-01-01"})
    make_table(tmp_catalog, "prov", "zz", meta={"status": "draft", "valid_from": "2023-01-01"})
    with pytest.warns(C.ProvisionalWarning, match="prov@p2 is provisional"):
        t = C.load("prov")
    assert t.edition == "p2"
    with pytest.warns(C.ProvisionalWarning):
        assert C.load("prov", as_of="2018-06-01").edition == "p1"


def test_draft_only_table_needs_an_explicit_edition(tmp_catalog, make_table):
    make_table(tmp_catalog, "drafty", "x1", meta={"status": "draft"})
    with pytest.raises(EditionNotFoundError, match="has no released edition"):
        C.load("drafty")
    assert C.load("drafty@x1").status == "draft"


# --- user folders ------------------------------------------------------------------------


def test_user_folder_from_environment_is_layered_over_shipped(
    tmp_path, make_table, monkeypatch, shipped
):
    user = tmp_path / "bureau"
    make_table(user, "bureau-prices", "2023")
    # a new (provisional) edition of a shipped table
    make_table(user, "gep-parameters", "shanxi-2023", meta={"id": "gep-parameters"})
    monkeypatch.setenv("GEEP_COEFFICIENTS_PATH", str(user))
    C.clear_cache()
    try:
        assert C.roots() == (shipped.resolve(), user.resolve())
        mine = C.load("bureau-prices", edition="2023")
        assert Path(mine.origin).is_relative_to(user)
        # shipped tables are still found, and the newest released edition still wins
        assert C.load("gep-parameters").edition == "garze-2010"
        assert C.load("gep-parameters@shanxi-2023").origin.startswith(str(user))
        cat = C.catalog()
        assert {"bureau-prices", "xie2015-factors"} <= set(cat["table"])
        assert set(cat.loc[cat["table"] == "bureau-prices", "origin"]) == {str(user.resolve())}
    finally:
        C.clear_cache()


def test_several_user_folders(tmp_catalog, tmp_path, make_table, monkeypatch):
    one, two = tmp_path / "one", tmp_path / "two"
    make_table(one, "t-one", "v1", meta={"id": "t-one"})
    make_table(two, "t-two", "v1", meta={"id": "t-two"})
    monkeypatch.setenv("GEEP_COEFFICIENTS_PATH", os.pathsep.join([str(one), str(two)]))
    C.clear_cache()
    assert C.load("t-one@v1").id == "t-one" and C.load("t-two@v1").id == "t-two"


def test_missing_user_folder_is_an_error(tmp_catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("GEEP_COEFFICIENTS_PATH", str(tmp_path / "nope"))
    with pytest.raises(CoefficientTableError, match="does not exist"):
        C.catalog()


def test_same_edition_in_two_roots_is_an_error(tmp_catalog, tmp_path, make_table):
    other = tmp_path / "other"
    make_table(tmp_catalog, "demo", "v1")
    make_table(other, "demo", "v1")
    make_table(other, "demo", "v2")  # a new edition alone would be fine
    with pytest.raises(CoefficientTableError, match=r"demo@v1 is defined twice"):
        C.load("demo@v2", paths=[other])


def test_a_user_folder_can_not_shadow_a_shipped_edition(tmp_path, monkeypatch, shipped):
    user = tmp_path / "user"
    shutil.copytree(shipped / "xie2015-factors" / "2015", user / "xie2015-factors" / "2015")
    monkeypatch.setenv("GEEP_COEFFICIENTS_PATH", str(user))
    C.clear_cache()
    try:
        with pytest.raises(CoefficientTableError, match="xie2015-factors@2015 is defined twice"):
            C.load("xie2015-factors")
    finally:
        C.clear_cache()


def test_a_user_folder_can_not_shadow_a_profile(tmp_catalog, tmp_path, make_table):
    (tmp_catalog / "profiles").mkdir()
    other = tmp_path / "other"
    (other / "profiles").mkdir(parents=True)
    body = (
        "name: p\ntitle: {en: P, zh: P}\nstatus: draft\ndescription: d\nmethod: any\ntables: {}\n"
    )
    (tmp_catalog / "profiles" / "p.yaml").write_text(body, encoding="utf-8")
    assert C.load_profile("p").name == "p"
    (other / "profiles" / "p.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(CoefficientTableError, match="profile 'p' is defined twice"):
        C.load_profile("p", paths=[other])


def test_clear_cache_sees_new_editions(tmp_catalog, make_table):
    make_table(tmp_catalog, "demo", "v1")
    assert set(C.index()["demo"]) == {"v1"}
    make_table(tmp_catalog, "demo", "v2")
    C.clear_cache()
    assert set(C.index()["demo"]) == {"v1", "v2"}


def test_released_user_edition_is_checked_against_its_own_lock(
    tmp_catalog, tmp_path, make_table, lock
):
    user = tmp_path / "user"
    make_table(user, "bureau-prices", "2023", meta={"id": "bureau-prices", "status": "released"})
    with pytest.raises(TamperedEditionError, match="has no hash in"):
        C.load("bureau-prices", paths=[user])
    lock(user)
    assert C.load("bureau-prices", paths=[user]).status == "released"
    assert not (tmp_catalog / "LOCK").exists()  # the other root's LOCK is not involved
