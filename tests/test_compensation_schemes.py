"""Scheme editions as versioned data: loading, evidence, immutability, overrides."""

from __future__ import annotations

import pickle
import shutil
import warnings
from pathlib import Path

import pytest
import yaml

import geep
from geep import coefficients
from geep.coefficients import ProvisionalWarning, folder_hash, write_lock
from geep.compensation import load, read_scheme, schemes
from geep.errors import (
    EditionNotFoundError,
    GeepError,
    SchemeError,
    TableNotFoundError,
    TamperedEditionError,
)

ROOT = Path(__file__).resolve().parents[1] / "coefficients"
EXPECTED = {
    "shanxi-cross-section@2013": "released",
    "fen-river@2021": "provisional",
    "yellow-river-henan-shandong@2021": "released",
    "yellow-river-henan-shanxi-shaanxi@2025": "released",
    "chishui-pool@2018": "released",
    "zhenjiang-taihu-load@undated": "provisional",
    "xinan-p-index@2012": "provisional",
}


def test_shipped_schemes_listed_with_status():
    df = schemes()
    got = {f"{r.scheme}@{r.edition}": r.status for r in df.itertuples()}
    assert got == EXPECTED


def test_released_schemes_match_lock():
    lock = coefficients.read_lock(ROOT)
    for ref, status in EXPECTED.items():
        key = f"schemes/{ref}"
        if status == "released":
            sid, ed = ref.split("@")
            assert lock[key] == folder_hash(ROOT / "schemes" / sid / ed)
        else:
            assert key not in lock


def test_every_parameter_has_evidence_and_source():
    for ref in EXPECTED:
        s = load(ref) if EXPECTED[ref] == "released" else _quiet_load(ref)
        for name, p in s.doc.parameters.items():
            assert p.source, name
            for key in p.source.split(";"):
                assert key.strip() in s.doc.sources, (ref, name, key)
            assert p.evidence_levels() or p.value is None or isinstance(p.value, dict), (ref, name)


def _quiet_load(ref: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalWarning)
        return load(ref)


def test_provisional_load_warns():
    with pytest.warns(ProvisionalWarning):
        s = load("fen-river")
    assert s.status == "provisional" and s.ref == "fen-river@2021"


def test_shanxi_party_codes_match_regions_table():
    regions = coefficients.load("regions-shanxi@2019").frame.set_index("region_code")
    for ref in ("shanxi-cross-section@2013", "fen-river@2021"):
        s = _quiet_load(ref)
        cities = [p for p in s.doc.parties if p.kind == "prefecture"]
        assert cities
        for p in cities:
            assert p.code == p.id
            assert regions.loc[p.code, "region_name_zh"] == p.name_zh


def test_fen_river_edition_contents():
    s = _quiet_load("fen-river@2021")
    names = {p.name_zh for p in s.doc.parties if p.kind == "prefecture"}
    assert names == {"忻州市", "太原市", "晋中市", "吕梁市", "临汾市", "运城市"}
    assert s.doc.settlement.lag_years == 1 and s.doc.settlement.evidence == "published"
    assert s.doc.fund.mode == "provincial"
    assert {c.id for c in s.doc.components} == {"quality", "eflow"}
    # every section and every parameter is flagged unverified (placeholders)
    assert all(x.evidence == "unverified" for x in s.doc.sections)
    for p in s.doc.parameters.values():
        assert set(p.evidence_levels()) == {"unverified"}
        assert "PLACEHOLDER" in p.note
    assert {x.name_zh for x in s.doc.sections} >= {"河西村", "王庄桥南", "上平望", "庙前村"}


def test_shanxi_2013_only_published_tier_amounts():
    s = load("shanxi-cross-section@2013")
    amounts = s.doc.parameters["deduction.amounts"]
    assert amounts.value == [50, None, None, None, 300] and amounts.unit == "万元"
    assert s.doc.parameters["maintenance.run_amount"].value == 10
    assert s.doc.parameters["maintenance.year_amount"].value == 100
    assert s.doc.parameters["improvement.to_compliant"].value == 100
    assert s.doc.parameters["improvement.cross_class"].value == 50


def test_yellow_river_parameters_published():
    yl = load("yellow-river-henan-shandong@2021").doc.parameters
    assert (yl["class.base"].value, yl["class.per_class"].value) == (3, 6000)
    assert (yl["index.per_point"].value, yl["index.cap"].value) == (100, 4000)
    yjs = load("yellow-river-henan-shanxi-shaanxi@2025")
    assert yjs.doc.sections[0].upstream == {"140000": 0.5, "610000": 0.5}
    p = yjs.doc.parameters
    assert (p["class.base"].value, p["index.per_point"].value, p["index.cap"].value) == (2, 5, 200)


def test_unknown_scheme_and_edition():
    with pytest.raises(TableNotFoundError, match="fen-river"):
        load("fen-rivr")
    with pytest.raises(EditionNotFoundError, match="2021"):
        load("fen-river", edition="2030")


def _copy_as(tmp_path: Path, sid: str, ed: str, new_id: str) -> Path:
    dst = tmp_path / "schemes" / new_id / ed
    shutil.copytree(ROOT / "schemes" / sid / ed, dst)
    doc = yaml.safe_load((dst / "scheme.yaml").read_text(encoding="utf-8"))
    doc["id"] = new_id
    (dst / "scheme.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return dst


def test_tampered_released_scheme_is_refused(tmp_path):
    dst = _copy_as(tmp_path, "yellow-river-henan-shandong", "2021", "yl-copy")
    # not locked yet → refused
    with pytest.raises(TamperedEditionError, match="no hash"):
        read_scheme(dst, tmp_path)
    write_lock(tmp_path, {"schemes/yl-copy@2021": folder_hash(dst)})
    geep.compensation.clear_cache()
    assert read_scheme(dst, tmp_path).status == "released"
    text = (dst / "scheme.yaml").read_text(encoding="utf-8").replace("value: 6000", "value: 600")
    (dst / "scheme.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TamperedEditionError) as exc:
        read_scheme(dst, tmp_path)
    assert exc.value.file.endswith("scheme.yaml")
    assert "scheme.yaml" in str(exc.value) and "new edition" in str(exc.value)
    # also through the catalogue roots
    geep.compensation.clear_cache()
    with pytest.raises(TamperedEditionError):
        load("yl-copy", paths=[tmp_path])
    # errors pickle with their fields
    err = pickle.loads(pickle.dumps(exc.value))
    assert isinstance(err, TamperedEditionError) and err.file == exc.value.file


def test_invalid_scheme_reports_every_problem(tmp_path):
    dst = _copy_as(tmp_path, "yellow-river-henan-shanxi-shaanxi", "2025", "bad-copy")
    doc = yaml.safe_load((dst / "scheme.yaml").read_text(encoding="utf-8"))
    doc["status"] = "draft"
    doc["sections"][0]["upstream"] = {"140000": 0.5, "610000": 0.4}  # sums to 0.9
    doc["components"][0]["params"]["base_class"] = "class.nope"
    doc["parameters"]["class.base"]["source"] = "S99"
    (dst / "scheme.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        read_scheme(dst, tmp_path)
    text = str(exc.value)
    assert "sum to 0.9" in text and "class.nope" in text and "S99" in text
    assert isinstance(exc.value, GeepError) and isinstance(exc.value, ValueError)


def test_user_evidence_is_not_allowed_in_files(tmp_path):
    dst = _copy_as(tmp_path, "yellow-river-henan-shanxi-shaanxi", "2025", "user-copy")
    doc = yaml.safe_load((dst / "scheme.yaml").read_text(encoding="utf-8"))
    doc["status"] = "draft"
    doc["parameters"]["class.base"]["evidence"] = "user"
    (dst / "scheme.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SchemeError, match="only for caller overrides"):
        read_scheme(dst, tmp_path)


def test_overrides_are_recorded_and_typed():
    s = load("shanxi-cross-section@2013")
    d = s.with_parameters(
        {"deduction.amounts[2]": 150, "maintenance.run_amount": {"value": 0.2, "unit": "亿元"}}
    )
    amounts = d.doc.parameters["deduction.amounts"]
    assert amounts.value == [50, None, 150, None, 300]
    assert amounts.evidence == ["published", None, "user", None, "published"]
    # a value given in another unit is converted to the parameter's declared unit (0.2 亿元
    # = 2,000 万元) and the text as given is kept in the override record
    run = d.doc.parameters["maintenance.run_amount"]
    assert (run.value, run.unit) == (pytest.approx(2000), "万元")
    assert d.overrides[-1].given == "0.2 亿元"
    assert [o.name for o in d.overrides] == ["deduction.amounts[2]", "maintenance.run_amount"]
    assert s.doc.parameters["deduction.amounts"].value[2] is None  # the edition is untouched
    with pytest.raises(SchemeError, match="did you mean"):
        s.with_parameters({"deduction.amount": [1, 2, 3, 4, 5]})
    with pytest.raises(SchemeError, match="a list"):
        s.with_parameters({"deduction.amounts": 5})
    with pytest.raises(SchemeError, match="no element"):
        s.with_parameters({"deduction.amounts[9]": 5})


def test_user_sections_and_borrowed_rules():
    import pandas as pd

    s = load("shanxi-cross-section@2013")
    d = s.with_sections(
        pd.DataFrame(
            [{"section_id": "X1", "name_zh": "甲", "upstream": "140100", "target_class": 3}]
        )
    )
    assert [x.id for x in d.doc.sections] == ["X1"] and d.doc.sections[0].evidence == "user"
    assert "sections supplied by user" in d.label
    with pytest.raises(SchemeError, match="not in 'parties'"):
        s.with_sections(
            pd.DataFrame([{"section_id": "X1", "upstream": "999999", "target_class": 3}])
        )
    fen = _quiet_load("fen-river")
    mixed = fen.with_rules_of(load("yellow-river-henan-shanxi-shaanxi"))
    assert mixed.status == "provisional" and [c.id for c in mixed.doc.components] == [
        "class",
        "index",
    ]
    assert "rules of yellow-river-henan-shanxi-shaanxi@2025" in mixed.label
