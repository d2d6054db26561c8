"""One edition catalogue for tables, schemes, profiles and trading rules (issue 12 item 3)
and bad user editions (issue 11 item 21, catalogue part).

The same resolution rule and the same message for every kind; a bad edition in a user folder
is reported (file, field, fix) while every other edition still loads, listings show the good
ones and exit 1, and unrelated runs go on with a notice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
import yaml

import geep.coefficients as C
from geep import compensation
from geep.cli import main
from geep.compensation.schemes import validate_folder
from geep.errors import (
    CoefficientTableError,
    EditionNotFoundError,
    SchemeError,
    TableNotFoundError,
    TamperedEditionError,
)

SHIPPED = Path(__file__).resolve().parents[1] / "coefficients"
YR = ("yellow-river-henan-shanxi-shaanxi", "2025")


def _scheme(root: Path, sid: str, ed: str, **fields) -> Path:
    """A copy of a shipped scheme edition as ``root/schemes/<sid>/<ed>`` with ``fields``."""
    dst = root / "schemes" / sid / ed
    shutil.copytree(SHIPPED / "schemes" / YR[0] / YR[1], dst)
    doc = yaml.safe_load((dst / "scheme.yaml").read_text(encoding="utf-8"))
    doc.update({"id": sid, "edition": ed, **fields})
    (dst / "scheme.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return dst


@pytest.fixture
def both(tmp_path, make_table):
    """The same four editions as a table (``demo``) and as a scheme (``demo``) in a user root:
    a (released 2010-2014), b (released 2015-), c (provisional 2020-), d (draft 2021-)."""
    root = tmp_path / "user"
    spec = {"a": ("released", "2010-01-01", "2014-12-31"), "b": ("released", "2015-01-01", None),
            "c": ("provisional", "2020-01-01", None), "d": ("draft", "2021-01-01", None)}  # fmt: skip
    for ed, (status, start, end) in spec.items():
        make_table(root, "demo", ed, meta={"status": status, "valid_from": start, "valid_to": end})
        _scheme(root, "demo", ed, status=status, valid_from=dt.date.fromisoformat(start),
                valid_to=None if end is None else dt.date.fromisoformat(end))  # fmt: skip
    C.update_lock(root, check=validate_folder)
    C.clear_cache()
    compensation.clear_cache()
    yield root
    C.clear_cache()


LOADERS = {"table": C.load, "scheme": compensation.load}


@pytest.mark.parametrize("kind", ["table", "scheme"])
@pytest.mark.parametrize(("as_of", "edition"), [
    (None, "b"), ("2012-06-30", "a"), (dt.date(2014, 12, 31), "a"), ("2015-01-01", "b"),
    (dt.datetime(2022, 1, 1, 12, 30), "b"), (pd.Timestamp("2022-01-01"), "b")])  # fmt: skip
def test_one_rule_for_tables_and_schemes(both, kind, as_of, edition):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a released edition resolves without a warning
        got = LOADERS[kind]("demo", as_of=as_of, paths=[both])
    assert got.edition == edition
    assert C.resolve_edition(kind, "demo", as_of=as_of, paths=[both]).edition == edition


@pytest.mark.parametrize("kind", ["table", "scheme"])
def test_nothing_valid_at_a_date_is_the_same_message_for_every_kind(both, kind):
    with pytest.raises(EditionNotFoundError) as info:
        LOADERS[kind]("demo", as_of="2009-05-01", paths=[both])
    text = str(info.value)
    what = "table" if kind == "table" else "scheme"
    assert f"{what} 'demo' has no edition valid at 2009-05-01; editions and validity: " in text
    assert (
        "a [2010-01-01..2014-12-31] (released)" in text and "c [2020-01-01..] (provisional)" in text
    )
    assert "has no released edition (only" not in text  # what the scheme copy used to say
    assert info.value.available == ["a", "b", "c", "d"]


def test_shipped_scheme_before_its_validity():
    with pytest.raises(EditionNotFoundError) as info:
        compensation.load("fen-river", as_of="2019-05-01")
    assert "scheme 'fen-river' has no edition valid at 2019-05-01; editions and validity: " \
           "2021 [2021-01-01..] (provisional)" in str(info.value)  # fmt: skip


def test_trading_rules_gap_says_no_edition_valid():
    from geep.trading.rules import Rules

    gap = Rules.load(as_of="2015-06-30")
    why = gap.missing["floor_prices"]
    assert "has no edition valid at 2015-06-30; editions and validity:" in why
    assert "2012 [2012-07-01..2014-06-30] (released)" in why


@pytest.mark.parametrize("kind", ["table", "scheme"])
def test_exact_edition_and_drafts(both, kind):
    assert LOADERS[kind]("demo", edition="d", paths=[both]).status == "draft"
    assert LOADERS[kind]("demo@c", paths=[both]).status == "provisional"
    with pytest.raises(EditionNotFoundError, match="has no edition 'z'; available editions: a "):
        LOADERS[kind]("demo@z", paths=[both])


def test_only_drafts_valid_at_a_date(tmp_path, make_table):
    root = tmp_path / "u"
    make_table(root, "drafty", "x1", meta={"status": "draft", "valid_from": "2020-01-01"})
    make_table(root, "drafty", "x0", meta={"status": "released", "valid_from": "2010-01-01",
                                          "valid_to": "2011-12-31"})  # fmt: skip
    C.update_lock(root)
    with pytest.raises(EditionNotFoundError) as info:
        C.load("drafty", as_of="2021-01-01", paths=[root])
    assert "no released or provisional edition valid at 2021-01-01 (valid then: x1 (draft))" in (
        str(info.value))  # fmt: skip


@pytest.mark.parametrize("bad", ["2019-13-01", "someday", "2019-02-30"])
def test_as_of_that_is_not_a_date(bad):
    with pytest.raises(CoefficientTableError, match=f"as_of '{bad}' is not a date"):
        C.load("xie2015-factors", as_of=bad)
    with pytest.raises(SchemeError, match=f"as_of '{bad}' is not a date"):
        compensation.load("fen-river", as_of=bad)


def test_a_lock_entry_outranks_a_lowered_status(both):
    """b (the newest released) edited and flipped to provisional: the catalogue does not quietly
    fall back to a — it picks b, whose LOCK entry says released, and refuses it."""
    path = both / "demo" / "b" / "table.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: released",
                                                             "status: provisional"),
                    encoding="utf-8")  # fmt: skip
    C.clear_cache()
    assert C.index([both])["demo"]["b"].released  # locked: released whatever it says
    with pytest.raises(TamperedEditionError) as info:
        C.load("demo", paths=[both])
    assert "demo@b" in str(info.value) and "changed to 'provisional'" in str(info.value)
    with pytest.raises(TamperedEditionError):
        C.load("demo", as_of="2016-01-01", paths=[both])
    assert C.load("demo", as_of="2012-01-01", paths=[both]).edition == "a"  # a is intact


# --- bad user editions: reported, the others still load (item 21) -------------------------
def _bad_date_table(root: Path, make_table, quoted: bool = False) -> Path:
    folder = make_table(root, "bureau-prices", "v1", meta={"id": "bureau-prices"})
    path = folder / "table.yaml"
    value = '"2024-13-45"' if quoted else "2024-13-45"
    text = path.read_text(encoding="utf-8").replace("valid_from: '2020-01-01'",
                                                    f"valid_from: {value}")  # fmt: skip
    assert value in text
    path.write_text(text, encoding="utf-8")
    make_table(root, "bureau-prices", "v2", meta={"id": "bureau-prices"})  # a good edition
    return path


@pytest.mark.parametrize("quoted", [False, True])
def test_user_table_with_an_impossible_date(tmp_path, make_table, quoted):
    root = tmp_path / "bureau"
    bad = _bad_date_table(root, make_table, quoted)
    with pytest.warns(C.CatalogueWarning, match="invalid coefficient edition ignored"):
        cat = C.catalog([root])
    assert {"xie2015-factors", "bureau-prices"} <= set(cat["table"])
    assert set(cat.loc[cat["table"] == "bureau-prices", "edition"]) == {"v2"}
    [err] = cat.attrs["invalid"]
    assert err.file == str(bad) and "valid_from" in str(err)
    assert "2024-13-45" in str(err) and "YYYY-MM-DD" in str(err)
    if not quoted:  # the YAML line, and why the date is impossible
        assert "month must be in 1..12" in str(err) and "(valid_from: 2024-13-45)" in str(err)
    # the bad edition, named exactly, raises its own error; the good one loads
    with pytest.raises(CoefficientTableError) as info:
        C.load("bureau-prices@v1", paths=[root])
    assert info.value.file == str(bad)
    with pytest.warns(C.ProvisionalWarning):
        assert C.load("bureau-prices", paths=[root]).edition == "v2"
    assert C.load("xie2015-factors", paths=[root]).ref == "xie2015-factors@2015"
    assert C.invalid_editions("table", [root])[0].file == str(bad)


@pytest.mark.parametrize(("field", "value", "says"), [
    ("status", "releasd", "'released', 'provisional' or 'draft'"),
    ("valid_to", "'2019-02-30'", "valid_to"),
    ("kind", "prices", "kind 'prices' is not one of"),
])  # fmt: skip
def test_user_table_with_an_invalid_field(tmp_path, make_table, field, value, says):
    root = tmp_path / "u"
    folder = make_table(root, "t", "v1", meta={"id": "t"})
    path = folder / "table.yaml"
    doc = path.read_text(encoding="utf-8").splitlines()
    doc = [f"{field}: {value}" if ln.startswith(f"{field}:") else ln for ln in doc]
    path.write_text("\n".join(doc) + "\n", encoding="utf-8")
    cat = C.catalog([root])
    assert "t" not in set(cat["table"]) and "xie2015-factors" in set(cat["table"])
    [err] = cat.attrs["invalid"]
    assert err.file == str(path) and says in str(err) and field in str(err)
    assert err.hint  # what to fix


def test_user_table_with_an_unknown_column_unit(tmp_path, make_table):
    root = tmp_path / "u"
    meta = {"id": "t", "columns": {"parameter": {"dtype": "str"},
                                   "value": {"dtype": "float", "unit": "hectar"},
                                   "evidence": {"dtype": "str"}, "source": {"dtype": "str"}}}  # fmt: skip
    folder = make_table(root, "t", "v1", meta=meta, csv="parameter,value,evidence,source\n"
                        "a,1,published,S1\n")  # fmt: skip
    cat = C.catalog([root])  # the rows are read when listing: set aside there
    [err] = cat.attrs["invalid"]
    assert err.file == str(folder / "table.csv") and "unknown unit 'hectar'" in str(err)
    assert "did you mean 'ha'" in str(err) and err.column == "value"
    assert len(cat) == len(C.catalog())  # every shipped edition is still there


def test_cli_list_shows_the_good_ones_and_names_the_bad_file(tmp_path, make_table, capsys):
    root = tmp_path / "bureau"
    bad = _bad_date_table(root, make_table)
    code = main(["coefficients", "--path", str(root), "list", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    frame = pd.read_csv(__import__("io").StringIO(out))
    assert {"xie2015-factors", "bureau-prices"} <= set(frame["table"])
    assert str(bad) in err and "valid_from" in err
    assert err.count(str(bad)) == 1  # named once (not again as a notice)


def test_unrelated_runs_go_on_with_a_notice(tmp_path, make_table, capsys, monkeypatch):
    root = tmp_path / "bureau"
    bad = _bad_date_table(root, make_table)
    code = main(["coefficients", "--path", str(root), "show", "xie2015-factors@2015",
                 "--format", "csv"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and len(out.splitlines()) == 155
    assert "notice: invalid coefficient edition ignored" in err and str(bad) in err
    # a whole run with the bureau folder in the environment
    monkeypatch.setenv("GEEP_COEFFICIENTS_PATH", str(root))
    C.clear_cache()
    lc = tmp_path / "lc.csv"
    lc.write_text("region_code,year,land_class,area,unit\n140105,2020,water,5,ha\n",
                  encoding="utf-8")  # fmt: skip
    code = main(["run", str(lc), "-o", str(tmp_path / "out.csv"), "--method", "esv"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "notice: invalid coefficient edition ignored" in err and str(bad) in err
    assert (tmp_path / "out.csv").is_file()
    # a second command in the same process says it again (a notice per command)
    assert main(["coefficients", "show", "xie2015-factors@2015", "--format", "csv"]) == 0
    assert str(bad) in capsys.readouterr().err


def test_notice_in_chinese(tmp_path, make_table, capsys):
    root = tmp_path / "bureau"
    _bad_date_table(root, make_table)
    main(["--lang", "zh", "coefficients", "--path", str(root), "show", "xie2015-factors@2015",
          "--format", "csv"])  # fmt: skip
    err = capsys.readouterr().err
    assert "提示：已忽略无效的系数表版本" in err and "不是有效日期" in err


def test_bad_user_profile_is_set_aside(tmp_path, capsys):
    root = tmp_path / "u"
    (root / "profiles").mkdir(parents=True)
    bad = root / "profiles" / "mine.yaml"
    bad.write_text("name: mine\ntitle: {en: M, zh: M}\nstatus: releasd\ndescription: d\n"
                   "method: any\ntables: {}\n", encoding="utf-8")  # fmt: skip
    good = "name: ok\ntitle: {en: O, zh: O}\nstatus: draft\ndescription: d\nmethod: any\n"
    (root / "profiles" / "ok.yaml").write_text(good + "tables: {}\n", encoding="utf-8")
    names = C.profiles([root])
    assert "ok" in names and "xie-2015" in names and "mine" not in names
    with pytest.raises(CoefficientTableError) as info:
        C.load_profile("mine", [root])
    assert info.value.file == str(bad) and "status" in str(info.value)
    assert C.load_profile("xie-2015", [root]).name == "xie-2015"
    code = main(["coefficients", "--path", str(root), "profiles", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 1 and "ok," in out and "xie-2015" in out and str(bad) in err


def test_bad_user_scheme_in_the_same_catalogue(tmp_path):
    root = tmp_path / "u"
    bad = _scheme(root, "mine", "v1", status="final")
    _scheme(root, "mine", "v2", status="provisional")
    listing = compensation.schemes([root])
    assert [e.file for e in listing.attrs["invalid"]] == [str(bad / "scheme.yaml")]
    assert "field status: 'final' is not one of released, provisional, draft" in str(
        listing.attrs["invalid"][0])  # fmt: skip
    assert {"mine", "fen-river"} <= set(listing["scheme"])
    with pytest.raises(SchemeError, match="'final'"):
        compensation.load("mine@v1", paths=[root])


def test_an_id_with_only_bad_editions(tmp_path, make_table):
    root = tmp_path / "u"
    for ed in ("v1", "v2"):
        folder = make_table(root, "t", ed, meta={"id": "t"})
        (folder / "table.yaml").write_text("id: t\nedition: [unclosed\n", encoding="utf-8")
    with pytest.raises(CoefficientTableError) as info:
        C.load("t", paths=[root])
    assert "table 't' has no usable edition:" in str(info.value)
    assert "t/v1/table.yaml" in str(info.value) and "t/v2/table.yaml" in str(info.value)
    with pytest.raises(TableNotFoundError, match="no coefficient table 'u'"):
        C.load("u", paths=[root])


def test_problems_in_geeps_own_catalogue_are_raised_everywhere(tmp_catalog, make_table):
    """A broken shipped edition is a broken installation, never quietly skipped."""
    make_table(tmp_catalog, "good", "v1", meta={"id": "good"})
    folder = make_table(tmp_catalog, "broken", "v1", meta={"id": "broken"})
    (folder / "table.yaml").write_text("id: broken\nedition: v1\nvalid_from: 2024-13-45\n",
                                       encoding="utf-8")  # fmt: skip
    with pytest.raises(CoefficientTableError, match=r"month must be in 1\.\.12"):
        C.catalog()
    with pytest.raises(CoefficientTableError, match=r"month must be in 1\.\.12"):
        C.load("good@v1")


def test_duplicates_are_listed_as_problems(tmp_path, make_table):
    one, two = tmp_path / "one", tmp_path / "two"
    make_table(one, "dup", "v1", meta={"id": "dup"})
    make_table(two, "dup", "v1", meta={"id": "dup"})
    cat = C.catalog([one, two])
    assert "dup" not in set(cat["table"])
    [err] = cat.attrs["invalid"]
    assert "dup@v1 is defined twice" in str(err) and str(one) in str(err) and str(two) in str(err)


# --- messages ---------------------------------------------------------------------------
def test_every_catalogue_message_renders_in_both_languages():
    import string

    from geep.messages import MESSAGES, catalogue, language_scope, msg

    fields = string.Formatter()
    for code in catalogue.MESSAGES:
        names = {
            f.split("!")[0].split(":")[0] for _, f, _, _ in fields.parse(MESSAGES[code][0]) if f
        }
        for lang in ("en", "zh"):
            with language_scope(lang):
                assert msg(code, **dict.fromkeys(names, 12345))


def test_no_inline_english_in_catalogue_errors():
    """Every error the catalogue raises carries a catalogue text (rendered at display time)."""
    import ast

    geep_dir = SHIPPED.parent / "geep"
    files = [*sorted((geep_dir / "coefficients").glob("*.py")),
             geep_dir / "compensation" / "schemes.py", geep_dir / "cli" / "coefficients.py"]  # fmt: skip
    inline = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                name = getattr(node.exc.func, "id", "")
                first = node.exc.args[0]
                literal = isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str)
                )
                if literal and name != "AttributeError":  # module __getattr__: Python's protocol
                    inline.append(f"{path.name}:{node.lineno}")
    assert inline == []


def test_an_edition_added_in_the_same_process_is_seen(tmp_path, make_table):
    """A notebook adds an edition to a user folder after listing it: the next listing, load and
    set-aside report see the new (and the broken) edition without clear_cache()."""
    root = tmp_path / "user"
    make_table(root, "demo", "a", meta={"status": "draft"})
    assert list(C.catalog([root]).query("table == 'demo'")["edition"]) == ["a"]
    make_table(root, "demo", "b", meta={"status": "draft"})
    assert sorted(C.catalog([root]).query("table == 'demo'")["edition"]) == ["a", "b"]
    assert C.load("demo@b", paths=[root]).edition == "b"
    bad = make_table(root, "demo", "c", meta={"status": "draft"})
    yml = next(Path(bad).rglob("table.yaml")) if Path(bad).is_dir() else Path(bad)
    yml.write_text(yml.read_text(encoding="utf-8") + "valid_to: 2024-13-45\n", encoding="utf-8")
    # (valid_to is now given twice and is not a date: either way the edition is refused)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cat = C.catalog([root])
    assert "c" not in set(cat.query("table == 'demo'")["edition"])
    assert [str(Path(e.file).parent.name) for e in cat.attrs["invalid"]] == ["c"]
