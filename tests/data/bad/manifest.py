"""The bad-input corpus: hostile and broken inputs for every entry point of the ``geep`` CLI.

Each case is a dict:

``id``        unique name;
``files``     ``{name: content}`` written into the case's input folder ``{in}``: ``str`` is
              UTF-8 text, ``bytes`` is written as is, a callable ``builder(path)`` writes the
              file itself (workbooks, whose bytes would be opaque here);
``argv``      the command line; ``{in}`` / ``{out}`` are the input and output folders;
``exit``      the expected exit code (0 ok / 1 invalid input / 2 usage);
``names``     text the output must contain: the cell, line, part or option at fault;
``env``       environment variables for the case;
``xfail``     the reason, when the defect belongs to an issue-11 item fixed elsewhere;
``subprocess`` run ``python -m geep`` instead of ``geep.cli.main`` in-process;
``prepare``   ``prepare(in_dir, out_dir)`` run before the command (e.g. an earlier output).

The test (``tests/test_bad_inputs.py``) also checks that nothing prints a traceback and that
every input file is byte-for-byte unchanged.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
LC = "region_code,year,land_class,area,unit\n"
Q = "region_code,year,indicator,quantity,unit\n"
EC = "region_code,year,gdp,pdc,edc,unit,price_year\n"
OBS = "section_id,period,indicator,value,unit,status\n"
FLOWS = "section_id,period,flow,unit,status\n"


# --- builders ----------------------------------------------------------------------------
def workbook(sheets: dict[str, list[list]]):
    """A builder writing a plain workbook with these sheets (rows of values)."""

    def build(path: Path) -> None:
        wb = Workbook()
        wb.remove(wb.active)
        for title, rows in sheets.items():
            ws = wb.create_sheet(title)
            for r in rows:
                ws.append(r)
        wb.save(path)

    return build


LAND_ROWS = [["region_code", "year", "land_class", "area", "unit"],
             ["140105", 2020, "forest.broadleaf", 100.0, "ha"]]  # fmt: skip


def _rewrite(build, edit):
    """A builder: ``build`` a workbook, then ``edit({part: bytes})`` its parts."""

    def out(path: Path) -> None:
        build(path)
        with zipfile.ZipFile(path) as zf:
            parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
        parts = edit(parts)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
            for name, data in parts.items():
                dst.writestr(name, data)
        path.write_bytes(buf.getvalue())

    return out


def _uncached_formula(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Replace D2's value in sheet1 by a formula with no cached result."""
    key = "xl/worksheets/sheet1.xml"
    parts[key] = re.sub(rb'<c r="D2"([^>]*)><v>[^<]*</v></c>', rb'<c r="D2"\1><f>1+1</f></c>',
                        parts[key])  # fmt: skip
    return parts


def _to_subfolder(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Store sheet1 as xl/worksheets/sub/sheet1.xml (relationships and content types too)."""
    parts = _uncached_formula(parts)
    parts["xl/worksheets/sub/sheet1.xml"] = parts.pop("xl/worksheets/sheet1.xml")
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"worksheets/sheet1.xml", b"worksheets/sub/sheet1.xml")
    ct = "[Content_Types].xml"
    parts[ct] = parts[ct].replace(b"/xl/worksheets/sheet1.xml", b"/xl/worksheets/sub/sheet1.xml")
    return parts


def _newline_tags(parts: dict[str, bytes]) -> dict[str, bytes]:
    parts = _uncached_formula(parts)
    key = "xl/worksheets/sheet1.xml"
    parts[key] = parts[key].replace(b"<c r=", b"<c\n r=")
    return parts


def _far_column(parts: dict[str, bytes]) -> dict[str, bytes]:
    """16,000 cells in column XFD: every row of the grid becomes 16,384 cells wide."""
    key = "xl/worksheets/sheet1.xml"
    rows = b"".join(b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r)
                    for r in range(3, 16_003))  # fmt: skip
    parts[key] = parts[key].replace(b"</sheetData>", rows + b"</sheetData>")
    parts[key] = re.sub(rb"<dimension[^>]*/>", b"", parts[key])
    return parts


def _doctype_after_comment(parts: dict[str, bytes]) -> dict[str, bytes]:
    key = "xl/worksheets/sheet1.xml"
    body = re.sub(rb"^<\?xml[^>]*\?>", b"", parts[key])
    parts[key] = (b'<?xml version="1.0"?><!-- <a> --><!DOCTYPE worksheet [<!ENTITY x "y">]>'
                  + body)  # fmt: skip
    return parts


def _missing_part(parts: dict[str, bytes]) -> dict[str, bytes]:
    del parts["xl/worksheets/sheet1.xml"]
    return parts


def _truncate(build, keep: int = 300):
    def out(path: Path) -> None:
        build(path)
        path.write_bytes(path.read_bytes()[:keep])

    return out


def _docx(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    path.write_bytes(buf.getvalue())


def _journal(edit):
    """A builder: the example trading journal with ``edit(workbook)`` applied."""

    def out(path: Path) -> None:
        wb = load_workbook(EXAMPLES / "trading" / "journal.xlsx")
        edit(wb)
        wb.save(path)

    return out


def _set(sheet: str, cell: str, value):
    def edit(wb) -> None:
        wb[sheet][cell] = value

    return edit


def _dimension_lies(path: Path) -> None:
    _journal(lambda wb: None)(path)

    def edit(parts):
        for k in list(parts):
            if k.startswith("xl/worksheets/sheet"):  # every sheet claims two data rows
                parts[k] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:R3"/>',
                                  parts[k])  # fmt: skip
        return parts

    _rewrite(lambda p: None, edit)(path)


def _fen(edit):
    def out(path: Path) -> None:
        wb = load_workbook(EXAMPLES / "compensation" / "fen_example.xlsx")
        edit(wb)
        wb.save(path)

    return out


def _copy(src: Path):
    def out(path: Path) -> None:
        shutil.copyfile(src, path)

    return out


def _shanxi(path: Path) -> None:
    shutil.copyfile(EXAMPLES / "shanxi" / "shanxi-example.xlsx", path)


def _table_folder(csv_text: str, yaml_extra: str = "", yaml_text: str | None = None):
    """A builder of a one-table user catalogue folder ``t/v1/table.{yaml,csv}``."""

    def out(path: Path) -> None:
        folder = path / "t" / "v1"
        folder.mkdir(parents=True)
        meta = yaml_text or (
            "id: t\nedition: v1\ntitle: {en: T, zh: T}\nkind: parameters\njurisdiction: CN\n"
            "publisher: test\nlicense: CC0-1.0\nvalid_from: 2020-01-01\nvalid_to: null\n"
            "price_year: 2020\nstatus: provisional\nsupersedes: null\nkey: [parameter]\n"
            "sources: {S1: one}\ncolumns:\n  parameter: {dtype: str}\n"
            "  value: {dtype: float, unit_from: unit, dimension: CNY/m**3}\n"
            "  unit: {dtype: str}\n  evidence: {dtype: str}\n  source: {dtype: str}\n" + yaml_extra
        )
        (folder / "table.yaml").write_text(meta, encoding="utf-8")
        (folder / "table.csv").write_text(csv_text, encoding="utf-8")

    return out


# --- catalogue folders (issue 11 items 19, 21, 22) ----------------------------------------
_T_META = ("id: t\nedition: v1\ntitle: {en: T, zh: 测试}\nkind: parameters\njurisdiction: CN\n"
           "publisher: test\nlicense: CC0-1.0\nvalid_from: 2020-01-01\nvalid_to: null\n"
           "price_year: 2020\nstatus: released\nsupersedes: null\nkey: [parameter]\n"
           "sources: {S1: one}\ncolumns:\n  parameter: {dtype: str}\n"
           "  value: {dtype: float, unit_from: unit, dimension: CNY/m**3}\n"
           "  unit: {dtype: str}\n  evidence: {dtype: str}\n  source: {dtype: str}\n")  # fmt: skip
_T_CSV = "parameter,value,unit,evidence,source\nwater,2.6,CNY/m3,published,S1\n"


def _alias_bomb(indent: str = "") -> str:
    """Nine levels of nine aliases: 1 kB of YAML, 4·10⁸ nodes once expanded."""
    lines = [f"{indent}l0: &l0 [{', '.join(['x'] * 9)}]"]
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def _locked_table(edit=None):
    """A user root with the released edition t@v1 recorded in its LOCK, then ``edit(folder)``."""

    def out(path: Path) -> None:
        from geep.coefficients import clear_cache, update_lock

        folder = path / "t" / "v1"
        folder.mkdir(parents=True)
        (folder / "table.yaml").write_text(_T_META, encoding="utf-8")
        (folder / "table.csv").write_text(_T_CSV, encoding="utf-8")
        update_lock(path)
        clear_cache()
        if edit is not None:
            edit(folder)

    return out


def _times_ten(folder: Path) -> None:
    (folder / "table.csv").write_text(_T_CSV.replace("2.6", "26"), encoding="utf-8")


def _times_ten_and_flipped(folder: Path) -> None:
    _times_ten(folder)
    meta = (folder / "table.yaml").read_text(encoding="utf-8")
    (folder / "table.yaml").write_text(meta.replace("status: released", "status: provisional"),
                                       encoding="utf-8")  # fmt: skip


def _locked_scheme_flipped(path: Path) -> None:
    """A copy of a released scheme, locked in its own root, then edited and flipped."""
    from geep.coefficients import clear_cache, update_lock

    src = ROOT / "coefficients" / "schemes" / "yellow-river-henan-shandong" / "2021"
    dst = path / "schemes" / "yl-copy" / "2021"
    shutil.copytree(src, dst)
    text = (dst / "scheme.yaml").read_text(encoding="utf-8")
    (dst / "scheme.yaml").write_text(text.replace("id: yellow-river-henan-shandong", "id: yl-copy",
                                                  1), encoding="utf-8")  # fmt: skip
    update_lock(path)
    clear_cache()
    text = (dst / "scheme.yaml").read_text(encoding="utf-8")
    text = text.replace("value: 6000", "value: 60000").replace("status: released",
                                                               "status: provisional")  # fmt: skip
    (dst / "scheme.yaml").write_text(text, encoding="utf-8")


def _table_bytes(yaml_bytes: bytes):
    """A one-table user folder whose ``table.yaml`` has these bytes."""

    def out(path: Path) -> None:
        folder = path / "t" / "v1"
        folder.mkdir(parents=True)
        (folder / "table.yaml").write_bytes(yaml_bytes)
        (folder / "table.csv").write_text(_T_CSV, encoding="utf-8")

    return out


def _profile(body: bytes | str, name: str = "p"):
    def out(path: Path) -> None:
        (path / "profiles").mkdir(parents=True)
        data = body.encode("utf-8") if isinstance(body, str) else body
        (path / "profiles" / f"{name}.yaml").write_bytes(data)

    return out


_PROFILE = ("name: {name}\ntitle: {{en: Ganzi, zh: 甘孜藏族自治州}}\nstatus: draft\n"
            "description: 甘孜州二〇一〇年生态系统生产总值核算参数\nmethod: any\ntables: {{}}\n")  # fmt: skip
_BAD_DATE_META = _T_META.replace("valid_from: 2020-01-01", "valid_from: 2024-13-45").replace(
    "status: released", "status: provisional")  # fmt: skip
_BIG5_META = (
    _T_META.replace("status: released", "status: draft")
    .replace("title: {en: T, zh: 测试}", "title: {en: Taipei, zh: 臺北市政府主計處統計資料}")
    .encode("big5")
)
#: the bomb inside the ``allowed`` values of columns c1..c8 (each nine times the one before),
#: which ``show --format json`` writes out in full: before, it ran out of memory
_BOMB_META = _T_META.replace("status: released", "status: draft") + "".join(
    f"  c{i}:\n    dtype: str\n    nullable: true\n    allowed: &l{i} ["
    + (", ".join(["x"] * 9) if i == 0 else ", ".join([f"*l{i - 1}"] * 9))
    + "]\n"
    for i in range(9)
)
_BOMB_CSV = ("parameter,value,unit,evidence,source," + ",".join(f"c{i}" for i in range(9))
             + "\nwater,2.6,CNY/m3,published,S1" + "," * 9 + "\n")  # fmt: skip


def _ledger_pair(in_dir: Path, out_dir: Path) -> None:
    """Two ledgers of the default ``geep run`` (mixed accounts: BT in USD beside CNY)."""
    from geep.cli import main

    for name in ("a.xlsx", "b.csv"):
        assert main(["-q", "run", str(in_dir / "shanxi.xlsx"), "-o", str(out_dir / name),
                     "--price-year", "2020"]) == 0  # fmt: skip


def _csv_ledger_with_text(in_dir: Path, out_dir: Path) -> None:
    from geep.cli import main

    assert main(["-q", "run", str(in_dir / "lc.csv"), "-o", str(in_dir / "l.csv"),
                 "--method", "esv"]) == 0  # fmt: skip
    lines = (in_dir / "l.csv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    row = lines[3].split(",")
    row[head.index("value")] = "abc"
    lines[3] = ",".join(row)
    (in_dir / "l.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _ledger_truncated_meta(in_dir: Path, out_dir: Path) -> None:
    from geep.cli import main

    assert main(["-q", "run", str(in_dir / "lc.csv"), "-o", str(in_dir / "l.xlsx"),
                 "--method", "esv"]) == 0  # fmt: skip
    wb = load_workbook(in_dir / "l.xlsx")
    ws = wb["_geep_meta"]
    ws["A1"] = str(ws["A1"].value)[:40]
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 1).value = None
    wb.save(in_dir / "l.xlsx")


def _user_file_at_out(in_dir: Path, out_dir: Path) -> None:
    workbook({"notes": [["my notes"]]})(out_dir / "ledger.xlsx")


def _filled_journal_at_out(in_dir: Path, out_dir: Path) -> None:
    from geep.cli import main

    assert main(["trading", "template", str(out_dir / "j.xlsx")]) == 0
    wb = load_workbook(out_dir / "j.xlsx")
    wb[wb.sheetnames[1]]["A5"] = "MY-HOLDER"
    wb.save(out_dir / "j.xlsx")


def _file_as_parent(in_dir: Path, out_dir: Path) -> None:
    (out_dir / "afile").write_text("x", encoding="utf-8")


def _batch_folder(files: dict[str, object]):
    def prep(in_dir: Path, out_dir: Path) -> None:
        folder = in_dir / "counties"
        folder.mkdir()
        for name, content in files.items():
            _write(folder / name, content)

    return prep


def _write(path: Path, content) -> None:
    if callable(content):
        content(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


_V = "{in}/lc.csv"
I1 = "issue 11 item {}: fixed by the lead (input layer)"
I_TRADE = "issue 11 item {}: fixed by the compensation/trading helper"


def _validate(id_, text, names, exit=1, xfail=None, name="lc.csv"):
    case = {"id": id_, "files": {name: text}, "argv": ["validate", "{in}/" + name], "exit": exit,
            "names": names}  # fmt: skip
    if xfail:
        case["xfail"] = xfail
    return case


CASES: list[dict] = [
    # --- land cover (CSV) ------------------------------------------------------------------
    _validate("lc-text-area", LC + "140105,2020,forest.broadleaf,abc,ha\n", ["lc.csv!D2"]),
    _validate("lc-excel-error", LC + "140105,2020,forest.broadleaf,#VALUE!,ha\n", ["lc.csv!D2"]),
    _validate("lc-unknown-unit", LC + "140105,2020,forest.broadleaf,5,acre-feet\n", ["lc.csv!E2"]),
    _validate("lc-unknown-class", LC + "140105,2020,forest.broadleeef,5,ha\n", ["lc.csv!C2"]),
    _validate("lc-negative-area", LC + "140105,2020,forest.broadleaf,-5,ha\n", ["lc.csv!D2"]),
    _validate("lc-inf-area", LC + "140105,2020,forest.broadleaf,inf,ha\n", ["lc.csv!D2"]),
    _validate("lc-nan-area", LC + "140105,2020,forest.broadleaf,nan,ha\n", ["lc.csv!D2"]),
    _validate(
        "lc-huge-area",
        LC + "140105,2020,forest.broadleaf,1e308,km2\n",
        ["lc.csv!D2"],
    ),
    _validate("lc-year-text", LC + "140105,20x0,forest.broadleaf,5,ha\n", ["lc.csv!B2"]),
    _validate("lc-year-fraction", LC + "140105,2020.5,forest.broadleaf,5,ha\n", ["lc.csv!B2"]),
    _validate("lc-blank-region", LC + ",2020,forest.broadleaf,5,ha\n", ["lc.csv!A2"]),
    _validate("lc-formula-text", LC + "140105,2020,forest.broadleaf,=1+1,ha\n", ["lc.csv!D2"]),
    _validate(
        "lc-header-unit-conflict",
        "region_code,year,land_class,area (ha),unit\n140105,2020,water,5,亩\n",
        ["lc.csv!D1", "lc.csv!E2"],
    ),
    _validate(
        "lc-zero-width-code",
        LC + "140105\u200b,2020,water,5,ha\n140105,2020,forest.broadleaf,5,ha\n",
        ["lc.csv!A2", "invisible characters removed"],
        exit=0,  # normalised to 140105 (NFKC, format characters removed), with a note
    ),
    _validate("lc-cyrillic-code", LC + "14\u041e105,2020,water,5,ha\n", ["lc.csv!A2", "U+041E"]),
    _validate(
        "lc-duplicate-key", LC + "140105,2020,water,5,ha\n140105,2020,water,6,ha\n", ["lc.csv!"]
    ),
    _validate("lc-empty-file", "", ["lc.csv", "empty"]),
    _validate("lc-nul-byte", LC + "140105,2020,water,5\x00,ha\n", ["lc.csv", "line 2", "NUL"]),
    _validate(
        "lc-long-cell", LC + '140105,2020,water,"' + "x" * 200_000 + '",ha\n', ["lc.csv", "line 2"]
    ),
    _validate(
        "lc-decimal-comma",
        "region_code;year;land_class;area;unit\n140105;2020;water;1,500;ha\n",
        ["lc.csv!D2"],
    ),
    _validate(
        "lc-utf16-no-bom",
        (LC + "140105,2020,water,5,ha\n").encode("utf-16-le"),
        ["UTF-16"],
        exit=0,  # read as UTF-16 LE (no BOM), the encoding named in a note
    ),
    _validate(
        "lc-big5",
        (LC + "140105,2020,water,5,公頃\n").encode("big5"),
        ["Big5"],
        exit=0,  # read as Big5 (not garbled as GB18030); 公頃 is a unit
    ),
    _validate(
        "lc-long-extra-class-column",
        "region_code,year,land_class,area,unit,water\n140105,2020,forest.broadleaf,5,ha,3\n",
        ["lc.csv!F1"],
    ),
    _validate(
        "lc-wide-without-region",
        "year,forest.broadleaf,water\n2020,5,3\n",
        ["region_code"],
    ),
    # --- workbooks ---------------------------------------------------------------------
    {
        "id": "wb-uncached-formula",
        "files": {"w.xlsx": _rewrite(workbook({"land_cover": LAND_ROWS}), _uncached_formula)},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["D2"],
    },
    {
        "id": "wb-sheet-in-subfolder",
        "files": {"w.xlsx": _rewrite(workbook({"land_cover": LAND_ROWS}), _to_subfolder)},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["D2"],
    },
    {
        "id": "wb-newline-in-cell-tags",
        "files": {"w.xlsx": _rewrite(workbook({"land_cover": LAND_ROWS}), _newline_tags)},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["D2"],
    },
    {
        "id": "wb-column-xfd",
        "files": {"w.xlsx": _rewrite(workbook({"land_cover": LAND_ROWS}), _far_column)},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["XFD", "16384"],
    },
    {
        "id": "wb-doctype-after-comment",
        "files": {"w.xlsx": _rewrite(workbook({"land_cover": LAND_ROWS}), _doctype_after_comment)},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["xl/worksheets/sheet1.xml"],
    },
    {
        "id": "wb-missing-sheet-part",
        "files": {"w.xlsx": _rewrite(workbook({"land_cover": LAND_ROWS}), _missing_part)},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["xl/worksheets/sheet1.xml"],
    },
    {
        "id": "wb-truncated",
        "files": {"w.xlsx": _truncate(workbook({"land_cover": LAND_ROWS}))},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["w.xlsx"],
    },
    {
        "id": "wb-text-named-xlsx",
        "files": {"w.xlsx": LC + "140105,2020,water,5,ha\n"},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["w.xlsx", "text"],
    },
    {
        "id": "wb-empty-zip",
        "files": {"w.xlsx": b"PK\x05\x06" + b"\x00" * 18},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["w.xlsx"],
    },
    {
        "id": "wb-docx",
        "files": {"w.xlsx": _docx},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["w.xlsx", "word"],
    },
    {
        "id": "wb-error-cell",
        "files": {
            "w.xlsx": workbook(
                {"land_cover": [LAND_ROWS[0], ["140105", 2020, "forest.broadleaf", "#N/A", "ha"]]}
            )
        },
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["land_cover!D2"],
    },
    {
        "id": "wb-pdf",
        "files": {"w.xlsx": b"%PDF-1.4\n%\xe2\xe3\n"},
        "argv": ["validate", "{in}/w.xlsx"],
        "exit": 1,
        "names": ["PDF"],
    },
    # --- quantities and economy ------------------------------------------------------------
    _validate(
        "q-unknown-indicator",
        Q + "140105,2020,water_supply.domestik,5,m3\n",
        ["q.csv!C2"],
        name="q.csv",
    ),
    _validate(
        "q-text-quantity",
        Q + "140105,2020,water_supply.domestic,lots,m3\n",
        ["q.csv!D2"],
        name="q.csv",
    ),
    _validate(
        "q-wrong-dimension",
        Q + "140105,2020,water_supply.domestic,5,ha\n",
        ["q.csv!E2"],
        name="q.csv",
    ),
    _validate(
        "q-negative",
        Q + "140105,2020,water_supply.domestic,-5,m3\n",
        ["q.csv!D2"],
        name="q.csv",
    ),
    _validate("econ-text-gdp", EC + "140105,2020,lots,1,1,亿元,2020\n", ["e.csv!C2"], name="e.csv"),
    _validate(
        "econ-negative-pdc",
        EC + "140105,2020,100,-1,1,亿元,2020\n",
        ["e.csv!D2"],
        name="e.csv",
    ),
    _validate(
        "econ-price-year-text",
        EC + "140105,2020,100,1,1,亿元,last year\n",
        ["e.csv!G2"],
        name="e.csv",
    ),
    _validate(
        "econ-header-unit-conflict",
        "region_code,year,地区生产总值（亿元）,pdc,edc,单位,price_year\n140105,2020,100,1,1,万元,2020\n",
        ["e.csv!C1", "e.csv!F2"],
        name="e.csv",
    ),
    {
        "id": "run-default-method-economy",
        "files": {"shanxi.xlsx": _shanxi},
        "argv": ["-q", "run", "{in}/shanxi.xlsx", "-o", "{out}/l.xlsx"],
        "exit": 0,
        "names": [],
    },
    # --- observations and flows (compensate) -----------------------------------------------
    {
        "id": "obs-error-status",
        "files": {"fen.xlsx": _fen(_set("observations", "F2", "#N/A"))},
        "argv": ["compensate", "fen-river", "{in}/fen.xlsx", "-o", "{out}/s.xlsx"],
        "exit": 1,
        "names": ["observations!F2"],
    },
    {
        "id": "obs-status-na",
        "files": {"fen.xlsx": _fen(_set("observations", "F2", "NA"))},
        "argv": ["compensate", "fen-river", "{in}/fen.xlsx", "-o", "{out}/s.xlsx"],
        "exit": 1,
        "names": ["observations!F2"],
    },
    {
        "id": "obs-text-value",
        "files": {"fen.xlsx": _fen(_set("observations", "D2", "abc"))},
        "argv": ["compensate", "fen-river", "{in}/fen.xlsx", "-o", "{out}/s.xlsx"],
        "exit": 1,
        "names": ["observations!D2"],
    },
    {
        "id": "obs-huge-value",
        "files": {"fen.xlsx": _fen(_set("observations", "D2", 1e308))},
        "argv": ["compensate", "fen-river", "{in}/fen.xlsx", "-o", "{out}/s.xlsx"],
        "exit": 1,
        "names": ["observations!D2"],
    },
    {
        "id": "flows-text-flow",
        "files": {"fen.xlsx": _fen(_set("flows", "C2", "abc"))},
        "argv": ["compensate", "fen-river", "{in}/fen.xlsx", "-o", "{out}/s.xlsx"],
        "exit": 1,
        "names": ["flows!C2"],
    },
    {
        "id": "comp-set-unit",
        "files": {"fen.xlsx": _copy(EXAMPLES / "compensation" / "fen_example.xlsx")},
        "argv": [
            "compensate",
            "fen-river",
            "{in}/fen.xlsx",
            "-o",
            "{out}/s.xlsx",
            "--set",
            "eflow.floor=12m3/s",
        ],
        "exit": 0,
        "names": [],
    },
    {
        "id": "comp-set-short-list",
        "files": {"fen.xlsx": _copy(EXAMPLES / "compensation" / "fen_example.xlsx")},
        "argv": [
            "compensate",
            "fen-river",
            "{in}/fen.xlsx",
            "-o",
            "{out}/s.xlsx",
            "--set",
            "quality.amounts=[60,120]",
        ],
        "exit": 1,
        "names": ["quality.amounts"],
    },
    {
        "id": "comp-set-chinese-number",
        "files": {"fen.xlsx": _copy(EXAMPLES / "compensation" / "fen_example.xlsx")},
        "argv": [
            "compensate",
            "fen-river",
            "{in}/fen.xlsx",
            "-o",
            "{out}/s.xlsx",
            "--set",
            "eflow.amount=五十",
        ],
        "exit": 1,
        "names": ["eflow.amount"],
    },
    {
        "id": "comp-set-negative-floor",
        "files": {"fen.xlsx": _copy(EXAMPLES / "compensation" / "fen_example.xlsx")},
        "argv": [
            "compensate",
            "fen-river",
            "{in}/fen.xlsx",
            "-o",
            "{out}/s.xlsx",
            "--set",
            "eflow.floor=-5",
        ],
        "exit": 1,
        "names": ["eflow.floor"],
    },
    {
        "id": "comp-csv-observations-text",
        "files": {"obs.csv": OBS + "FEN-LMS,2021-01,cod,abc,mg/L,valid\n"},
        "argv": ["compensate", "fen-river", "{in}/obs.csv", "-o", "{out}/s.xlsx"],
        "exit": 1,
        "names": ["obs.csv"],
    },
    {
        "id": "comp-out-is-input",
        "files": {"fen.xlsx": _copy(EXAMPLES / "compensation" / "fen_example.xlsx")},
        "argv": ["compensate", "fen-river", "{in}/fen.xlsx", "-o", "{in}/fen.xlsx"],
        "exit": 2,
        "names": ["fen.xlsx", "input"],
    },
    # --- trading journals ------------------------------------------------------------------
    {
        "id": "j-unknown-holder",
        "files": {"j.xlsx": _journal(_set("transactions", "H2", "NOBODY"))},
        "argv": ["trading", "validate", "{in}/j.xlsx"],
        "exit": 1,
        "names": ["transactions!H2"],
    },
    {
        "id": "j-negative-quantity",
        "files": {"j.xlsx": _journal(_set("transactions", "I2", -50))},
        "argv": ["trading", "validate", "{in}/j.xlsx"],
        "exit": 1,
        "names": ["transactions!I2"],
    },
    {
        "id": "j-unknown-right",
        "files": {"j.xlsx": _journal(_set("transactions", "E2", "NH3-X"))},
        "argv": ["trading", "validate", "{in}/j.xlsx"],
        "exit": 1,
        "names": ["transactions!E2"],
    },
    {
        "id": "j-date-3023",
        "files": {"j.xlsx": _journal(_set("transactions", "B2", "3023-01-10"))},
        "argv": ["trading", "validate", "{in}/j.xlsx"],
        "exit": 1,
        "names": ["transactions!B2"],
    },
    {
        "id": "j-dimension-lies",
        "files": {"j.xlsx": _dimension_lies},
        "argv": ["trading", "validate", "{in}/j.xlsx"],
        "exit": 0,
        "names": ["19 transactions, 6 holders"],
    },
    {
        "id": "j-template-over-filled-journal",
        "files": {},
        "prepare": _filled_journal_at_out,
        "argv": ["trading", "template", "{out}/j.xlsx"],
        "exit": 2,
        "names": ["j.xlsx", "--force"],
        "keep": ["{out}/j.xlsx"],
    },
    {
        "id": "j-positions-out-is-input",
        "files": {"j.xlsx": _copy(EXAMPLES / "trading" / "journal.xlsx")},
        "argv": ["trading", "positions", "{in}/j.xlsx", "-o", "{in}/j.xlsx"],
        "exit": 2,
        "names": ["j.xlsx", "input"],
    },
    # --- coefficient folders ---------------------------------------------------------------
    {
        "id": "coef-text-value",
        "files": {
            "cat": _table_folder(
                "parameter,value,unit,evidence,source\nwater,abc,CNY/m3,published,S1\n"
            )
        },
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1"],
        "exit": 1,
        "names": ["row"],
    },
    {
        "id": "coef-yaml-object-tag",
        "files": {
            "cat": _table_folder(
                "parameter,value,unit,evidence,source\nwater,1,CNY/m3,published,S1\n",
                yaml_text="id: !!python/object/apply:os.system ['true']\n",
            )
        },
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1"],
        "exit": 1,
        "names": ["table.yaml"],
    },
    {
        "id": "coef-yaml-alias-bomb",
        "files": {
            "cat": _table_folder(
                "parameter,value,unit,evidence,source\nwater,1,CNY/m3,published,S1\n",
                yaml_text="a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
            )
        },
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1"],
        "exit": 1,
        "names": ["table.yaml", "alias"],
    },
    {
        "id": "coef-unknown-dimension",
        "files": {
            "cat": _table_folder(
                "parameter,value,unit,evidence,source\nwater,1,CNY/ha,published,S1\n"
            )
        },
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1"],
        "exit": 1,
        "names": ["row"],
    },
    # catalogue folders: integrity (item 19), bad user editions (item 21), hostile files (22)
    {
        "id": "coef-tampered-and-flipped",
        "files": {"cat": _locked_table(_times_ten_and_flipped)},
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1"],
        "exit": 1,
        "names": ["t@v1 has been modified", "{in}/cat/LOCK", "changed to 'provisional'"],
    },
    {
        "id": "coef-tampered-and-flipped-newest",
        "files": {"cat": _locked_table(_times_ten_and_flipped)},
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t"],
        "exit": 1,
        "names": ["t@v1 has been modified", "changed to 'provisional'"],
    },
    {
        "id": "scheme-tampered-and-flipped",
        "files": {"cat": _locked_scheme_flipped},
        "argv": ["compensate", "--list", "--path", "{in}/cat"],
        "exit": 1,
        "names": ["schemes/yl-copy@2021 has been modified", "scheme.yaml", "fen-river"],
    },
    {
        "id": "coef-relock-changed-edition",
        "files": {"cat": _locked_table(_times_ten)},
        "argv": ["coefficients", "lock", "{in}/cat"],
        "exit": 1,
        "names": ["t@v1: its files changed since it was locked", "new edition", "supersedes"],
    },
    {
        "id": "coef-relock-changed-and-flipped",
        "files": {"cat": _locked_table(_times_ten_and_flipped)},
        "argv": ["coefficients", "lock", "{in}/cat"],
        "exit": 1,
        "names": ["t@v1: its files changed", "status now 'provisional'"],
    },
    {
        "id": "coef-lock-random-folder",
        "files": {"notes.txt": "my notes\n", "data.csv": LC + "140105,2020,water,5,ha\n"},
        "argv": ["coefficients", "lock", "{in}"],
        "exit": 1,
        "names": ["{in} is not a coefficient catalogue folder", "<table-id>/<edition>/table.yaml"],
    },
    {
        "id": "coef-lock-edition-folder",
        "files": {"cat": _table_folder(_T_CSV)},
        "argv": ["coefficients", "lock", "{in}/cat/t/v1"],
        "exit": 1,
        "names": ["not a coefficient catalogue folder", "inside the catalogue folder {in}/cat"],
    },
    {
        "id": "coef-user-table-bad-date",
        "files": {"cat": _table_folder(_T_CSV, yaml_text=_BAD_DATE_META)},
        "argv": ["coefficients", "--path", "{in}/cat", "list"],
        "exit": 1,
        "names": [
            "{in}/cat/t/v1/table.yaml",
            "valid_from: 2024-13-45",
            "month must be in 1..12",
            "YYYY-MM-DD",
            "xie2015-factors",
        ],
    },
    {
        "id": "coef-user-table-bad-date-unrelated-run",
        "files": {"cat": _table_folder(_T_CSV, yaml_text=_BAD_DATE_META)},
        "argv": ["coefficients", "--path", "{in}/cat", "show", "xie2015-factors@2015"],
        "exit": 0,
        "names": ["notice: invalid coefficient edition ignored", "{in}/cat/t/v1/table.yaml"],
    },
    {
        "id": "coef-user-table-bad-status",
        "files": {
            "cat": _table_folder(
                _T_CSV, yaml_text=_T_META.replace("status: released", "status: final")
            )
        },
        "argv": ["coefficients", "--path", "{in}/cat", "list"],
        "exit": 1,
        "names": ["table.yaml", "status", "'final'", "xie2015-factors"],
    },
    {
        "id": "coef-alias-bomb-expanded",
        "files": {"cat": _table_folder(_BOMB_CSV, yaml_text=_BOMB_META)},
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1", "--format", "json"],
        "exit": 1,
        "names": ["{in}/cat/t/v1/table.yaml", "aliases", "YAML nodes"],
    },
    {
        "id": "coef-alias-bomb-profile",
        "files": {
            "cat": _profile(_PROFILE.format(name="boom") + "options:\n" + _alias_bomb("  "), "boom")
        },
        "argv": ["coefficients", "--path", "{in}/cat", "profiles"],
        "exit": 1,
        "names": ["{in}/cat/profiles/boom.yaml", "aliases", "xie-2015"],
    },
    {
        "id": "coef-gb18030-profile",
        "files": {"cat": _profile(_PROFILE.format(name="gbk").encode("gb18030"), "gbk")},
        "argv": ["coefficients", "--path", "{in}/cat", "profiles"],
        "exit": 1,
        "names": ["{in}/cat/profiles/gbk.yaml", "not UTF-8", "GB18030", "iconv -f GB18030"],
    },
    {
        "id": "coef-big5-table-yaml",
        "files": {"cat": _table_bytes(_BIG5_META)},
        "argv": ["coefficients", "--path", "{in}/cat", "show", "t@v1"],
        "exit": 1,
        "names": ["{in}/cat/t/v1/table.yaml", "not UTF-8", "Big5"],
    },
    # --- limits: environment and options ---------------------------------------------------
    _validate("env-max-cells-abc", LC + "140105,2020,water,5,ha\n", ["GEEP_MAX_CELLS"], exit=2)
    | {"env": {"GEEP_MAX_CELLS": "abc"}},
    _validate("env-max-cells-inf", LC + "140105,2020,water,5,ha\n", ["GEEP_MAX_CELLS"], exit=2)
    | {"env": {"GEEP_MAX_CELLS": "inf"}},
    _validate("env-max-cells-1e400", LC + "140105,2020,water,5,ha\n", ["GEEP_MAX_CELLS"], exit=2)
    | {"env": {"GEEP_MAX_CELLS": "1e400"}},
    _validate(
        "env-max-bytes-negative", LC + "140105,2020,water,5,ha\n", ["GEEP_MAX_FILE_BYTES"], exit=2
    )
    | {"env": {"GEEP_MAX_FILE_BYTES": "-5"}},
    _validate("env-max-cells-tiny", LC + "140105,2020,water,5,ha\n", ["10", "limit"], exit=1)
    | {"env": {"GEEP_MAX_CELLS": "3"}},
    {
        "id": "cli-max-cells-zero",
        "files": {"lc.csv": LC},
        "argv": ["validate", _V, "--max-cells", "0"],
        "exit": 2,
        "names": ["--max-cells"],
    },
    {
        "id": "cli-area-tolerance-nan",
        "files": {"lc.csv": LC},
        "argv": ["validate", _V, "--area-tolerance", "nan"],
        "exit": 2,
        "names": ["--area-tolerance"],
    },
    {
        "id": "cli-jobs-zero",
        "files": {},
        "prepare": _batch_folder({"a.csv": LC + "140105,2020,water,5,ha\n"}),
        "argv": ["batch", "{in}/counties", "-o", "{out}/b", "--jobs", "0"],
        "exit": 2,
        "names": ["--jobs"],
    },
    {
        "id": "cli-unknown-verb-option",
        "files": {"lc.csv": LC},
        "argv": ["run", _V, "-o", "{out}/x.xlsx", "--metod", "esv"],
        "exit": 2,
        "names": ["--metod"],
    },
    # --- outputs -------------------------------------------------------------------------------
    {
        "id": "run-out-is-input",
        "files": {"lc.csv": LC + "140105,2020,water,5,ha\n"},
        "argv": ["run", _V, "-o", _V, "--method", "esv"],
        "exit": 2,
        "names": ["lc.csv", "input"],
    },
    {
        "id": "run-out-is-input-via-dotdot",
        "files": {"w.xlsx": workbook({"land_cover": LAND_ROWS})},
        "argv": ["run", "{in}/w.xlsx", "-o", "{in}/../in/w.xlsx", "--method", "esv"],
        "exit": 2,
        "names": ["w.xlsx", "input"],
    },
    {
        "id": "run-out-over-user-workbook",
        "files": {"lc.csv": LC + "140105,2020,water,5,ha\n"},
        "prepare": _user_file_at_out,
        "argv": ["run", _V, "-o", "{out}/ledger.xlsx", "--method", "esv"],
        "exit": 2,
        "names": ["ledger.xlsx", "--force"],
        "keep": ["{out}/ledger.xlsx"],
    },
    {
        "id": "run-out-parent-is-file",
        "files": {"lc.csv": LC + "140105,2020,water,5,ha\n"},
        "prepare": _file_as_parent,
        "argv": ["run", _V, "-o", "{out}/afile/l.xlsx", "--method", "esv"],
        "exit": 1,
        "names": ["afile", "not a folder"],
    },
    {
        "id": "run-out-is-folder",
        "files": {"lc.csv": LC + "140105,2020,water,5,ha\n"},
        "prepare": lambda i, o: (o / "l.xlsx").mkdir(),
        "argv": ["run", _V, "-o", "{out}/l.xlsx", "--method", "esv"],
        "exit": 1,
        "names": ["l.xlsx", "folder"],
    },
    {
        "id": "run-dev-zero",
        "files": {},
        "argv": ["validate", "/dev/zero"],
        "exit": 1,
        "names": ["zero", "not a regular file"],
    },
    {
        "id": "run-proc-environ",
        "files": {},
        "argv": ["validate", "/proc/self/environ"],
        "exit": 1,
        "names": ["environ", "virtual"],
    },
    {
        "id": "run-missing-file",
        "files": {},
        "argv": ["validate", "{in}/nope.xlsx"],
        "exit": 1,
        "names": ["nope.xlsx"],
    },
    # --- ledgers given back (compare) --------------------------------------------------------
    {
        "id": "compare-ledger-value-abc",
        "files": {"lc.csv": LC + "140105,2020,water,5,ha\n140105,2020,forest.broadleaf,9,ha\n"},
        "prepare": _csv_ledger_with_text,
        "argv": ["compare", "{in}/l.csv", "--across", "year", "-o", "{out}/c.xlsx"],
        "exit": 1,
        "names": ["l.csv", "row 4", "'abc'"],
    },
    {
        "id": "compare-truncated-meta",
        "files": {"lc.csv": LC + "140105,2020,water,5,ha\n"},
        "prepare": _ledger_truncated_meta,
        "argv": ["compare", "{in}/l.xlsx", "-o", "{out}/c.xlsx"],
        "exit": 1,
        "names": ["l.xlsx", "_geep_meta"],
    },
    {
        "id": "compare-default-run-ledgers",
        "files": {"shanxi.xlsx": _shanxi},
        "prepare": _ledger_pair,
        "argv": [
            "-q",
            "compare",
            "{out}/a.xlsx",
            "{out}/b.csv",
            "--year",
            "2020",
            "-o",
            "{out}/c.xlsx",
        ],
        "exit": 0,
        "names": [],
    },
    {  # two years in each ledger: their sum is no year's value (the reader is told how)
        "id": "compare-several-years",
        "files": {"shanxi.xlsx": _shanxi},
        "prepare": _ledger_pair,
        "argv": ["compare", "{out}/a.xlsx", "{out}/b.csv", "-o", "{out}/c.xlsx"],
        "exit": 1,
        "names": ["2015, 2020", "--year"],
    },
    {
        "id": "compare-unknown-account",
        "files": {"shanxi.xlsx": _shanxi},
        "prepare": _ledger_pair,
        "argv": [
            "compare",
            "{out}/a.xlsx",
            "{out}/b.csv",
            "-o",
            "{out}/c.xlsx",
            "--account",
            "GPE",
        ],
        "exit": 2,
        "names": ["GPE", "GEP"],
    },
    {
        "id": "compare-not-a-ledger",
        "files": {"w.xlsx": workbook({"land_cover": LAND_ROWS})},
        "argv": ["compare", "{in}/w.xlsx", "-o", "{out}/c.xlsx"],
        "exit": 1,
        "names": ["w.xlsx", "lines"],
    },
    # --- batch -------------------------------------------------------------------------------
    {
        "id": "batch-name-collisions",
        "files": {},
        "prepare": _batch_folder(
            {
                "a.xlsx": workbook({"land_cover": LAND_ROWS}),
                "a.csv": LC + "140106,2020,water,5,ha\n",
                "a_csv.xlsx": workbook(
                    {"land_cover": [LAND_ROWS[0], ["140107", 2020, "water", 1.0, "ha"]]}
                ),
            }
        ),
        "argv": ["batch", "{in}/counties", "-o", "{out}/b", "--method", "esv", "--jobs", "1"],
        "exit": 0,
        "names": ["a.csv.xlsx", "a_xlsx.xlsx", "a_csv.xlsx", "3 of 3"],
    },
    {
        "id": "batch-incomplete-total",
        "files": {},
        "prepare": _batch_folder(
            {"a.csv": LC + "140105,2020,water,5,ha\n", "b.csv": LC + "140106,2020,water,abc,ha\n"}
        ),
        "argv": ["batch", "{in}/counties", "-o", "{out}/b", "--method", "esv", "--jobs", "1"],
        "exit": 1,
        "names": ["INCOMPLETE", "b.csv", "b.csv!D2"],
    },
    {
        "id": "batch-out-is-input-folder",
        "files": {},
        "prepare": _batch_folder({"a.csv": LC + "140105,2020,water,5,ha\n"}),
        "argv": ["batch", "{in}/counties", "-o", "{in}/counties"],
        "exit": 2,
        "names": ["OUTDIR"],
    },
    {
        "id": "batch-subprocess",
        "subprocess": True,
        "files": {},
        "prepare": _batch_folder({"a.csv": LC + "140105,2020,water,5,ha\n", "b.xlsx": b"garbage"}),
        "argv": ["-q", "batch", "{in}/counties", "-o", "{out}/b", "--method", "esv", "--jobs", "2"],
        "exit": 1,
        "names": ["b.xlsx", "INCOMPLETE"],
    },
    {
        "id": "validate-subprocess-zh",
        "subprocess": True,
        "files": {"lc.csv": LC},
        "argv": ["--lang", "zh", "validate", _V],
        "env": {"GEEP_MAX_CELLS": "abc"},
        "exit": 2,
        "names": ["环境变量", "GEEP_MAX_CELLS"],
    },
]
