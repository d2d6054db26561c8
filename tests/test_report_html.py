"""The report page as text: self-contained, reproducible, Chinese under zh, complete."""

from __future__ import annotations

import re

import pytest
from report_data import county_codes, county_ledger, regions_table
from report_html_text import english_words, read_page

import geep
from geep.errors import InputError
from geep.report import report_html, write_report

WARN = ["built_up: 5 ha valued at 0 <by this method>", "第二条警告"]


@pytest.fixture(scope="module")
def ledger() -> geep.Ledger:
    return county_ledger(warnings=WARN)


@pytest.fixture(scope="module")
def zh(ledger) -> str:
    return report_html(ledger, "zh", regions=regions_table(), files=[("县.xlsx", "cd" * 32)])


@pytest.fixture(scope="module")
def en(ledger) -> str:
    return report_html(ledger, "en", regions=regions_table())


def test_self_contained(zh):
    assert re.findall(r"https?://[^\"' ]+", zh) == ["http://www.w3.org/2000/svg"] * len(
        read_page(zh).charts
    )
    for needle in ("<link", " src=", "@import", "url(", "<iframe", "<img"):
        assert needle not in zh


def test_same_ledgers_same_bytes(ledger, zh):
    again = report_html(ledger, "zh", regions=regions_table(), files=[("县.xlsx", "cd" * 32)])
    assert again == zh


def test_chinese_first_under_zh(zh, en):
    page = read_page(zh)
    text = " ".join(page.text)
    for heading in (
        "分年度主要指标",
        "从 GDP 到 GEEP",
        "按类别和服务的构成",
        "各区域",
        "数据来源与版本",
    ):
        assert heading in text
    assert '<html lang="zh-CN">' in zh and '<html lang="en">' in en
    # every English word left is a warning of the ledger (data), not a label of the page
    leaked = english_words(text.replace(WARN[0], ""))
    assert not leaked, sorted(leaked)
    assert "Headline figures by year" in " ".join(read_page(en).text)


def test_region_table_names_every_county_and_its_city(zh):
    rows = read_page(zh).tables["regions-2020"]
    head, body = rows[0], rows[1:]
    assert head[:3] == ["代码", "名称", "所属市"]
    assert len(body) == len(county_codes()) == 121
    got = {r[0]: (r[1], r[2]) for r in body}
    assert got["140105"] == ("小店区", "太原市") and got["141182"][1] == "吕梁市"
    assert "人均 GEP（元）" in head and "地均 ESV（万元/km²）" in head


def test_ranking_of_121_regions_is_top_20_and_the_others(zh):
    page = read_page(zh)
    ranking = [c for c in page.charts if "各区域 GEEP" in c.get("aria-label", "")]
    assert [c["aria-label"] for c in ranking] == [
        f"{y} 年各区域 GEEP（121 个中最大的 20 个）" for y in (2015, 2020)
    ]
    assert zh.count("其余 101 个区域合计") == 2  # one caption per year
    labels = [b["data-label"] for b in page.bars if b["data-label"].endswith(("县", "区", "市"))]
    assert len(labels) == 2 * 20  # regions are named on the bars, not coded
    # GDP grows with the county's place in the table: the last one, 汾阳市, is the largest
    assert county_codes()[-1] == "141182"
    assert labels[0] == "汾阳市" == labels[20]


def test_headline_figures_per_year(ledger, zh):
    rows = read_page(zh).tables["headline-GEEP"]
    assert rows[0] == ["指标", "2015", "2020"]
    gdp = ledger.lines.query("service == 'gdp' and year == 2020")["value"].sum() / 1e8
    assert next(r for r in rows if r[0] == "地区生产总值")[2] == f"{gdp:,.2f}"


def test_every_warning_is_listed_escaped(zh):
    assert "&lt;by this method&gt;" in zh and "<by this method>" not in zh
    assert "第二条警告" in zh
    assert "警告（2 条）" in zh


def test_provenance(zh):
    page = read_page(zh)
    assert "cd" * 32 in zh and "ab" * 32 in zh  # ledger file and its input file
    ev = page.tables["prov-evidence"]
    assert ev[0] == ["系数表", "已发表", "未核实"] and ev[-1] == ["合计", "3", "1"]
    editions = page.tables["prov-editions"]
    assert editions[1][0] == "test@1" and editions[1][-1] == "本机未安装"


def test_banner_only_when_provisional():
    released = report_html(county_ledger(["140105"]), "en")
    assert 'id="status-banner"' not in released
    prov = report_html(county_ledger(["140105"], status="provisional"), "zh")
    assert 'id="status-banner"' in prov and "暂定结果" in prov
    assert "明细所用的 4 个系数中有 1 个证据等级为二手来源或未核实" in prov


def test_two_ledgers_of_the_same_lines_are_refused():
    a = county_ledger(["140105", "140106"])
    b = county_ledger(["140106"])
    with pytest.raises(InputError) as e:
        report_html([a, b], files=[("a.xlsx", None), ("b.xlsx", None)])
    assert "a.xlsx" in str(e.value) and "140106" in str(e.value)
    both = report_html([county_ledger(["140105"]), b], "en")
    assert len(read_page(both).tables["regions-2015"]) == 3


def test_no_map_without_zones_and_a_map_with_them(zh):
    assert "未绘制地图" in zh
    gpd = pytest.importorskip("geopandas")
    shapely = pytest.importorskip("shapely")
    codes = county_codes()[:6]
    zones = gpd.GeoDataFrame(
        {"code": codes[:5]},
        geometry=[shapely.box(111 + i * 0.5, 37, 111.5 + i * 0.5, 37.5) for i in range(5)],
        crs="EPSG:4490",
    )
    page = report_html(county_ledger(codes), "zh", zones=zones, zone_field="code")
    p = read_page(page)
    maps = [c for c in p.charts if "chart-map" in c["class"]]
    assert len(maps) == 4  # GEP and ESV, two years each
    assert len(p.paths) == 20 and all(x.get("data-value") for x in p.paths)
    assert codes[5] in page and "没有多边形" in page  # the county without a polygon is named
    assert "面积按分区多边形量算" in page


def test_write_report_marks_the_file(tmp_path):
    from geep.io.marker import is_geep_output

    out = write_report(county_ledger(["140105"]), tmp_path / "r.html", "zh")
    assert is_geep_output(out)
    with pytest.raises(InputError, match=r"\.html"):
        write_report(county_ledger(["140105"]), tmp_path / "r.pdf")
