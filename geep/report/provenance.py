"""The report's provenance and warnings: files with hashes, editions, evidence, options.

Editions are listed with the hash the ledger recorded and checked against the edition installed
now (same hash, another hash, or not installed); evidence is counted over the coefficients the
lines use, in total and per table; every warning of every ledger is listed, once.
"""

from __future__ import annotations

import json
import warnings
from html import escape
from typing import Any

from ..errors import GeepError
from ..messages import language, msg
from .context import Context, caption, note, section
from .labels import label

EVIDENCE = ("published", "derived", "secondary", "unverified", "unstated")


def _table(table_id: str, headers: list[str], rows: list[list[str]], cap: str = "") -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    c = f"<caption>{escape(cap)}</caption>" if cap else ""
    return (f'<div class="table-wrap"><table class="prov" id="{table_id}">{c}<thead><tr>{head}'
            f"</tr></thead><tbody>{body}</tbody></table></div>")  # fmt: skip


def _hash(h: str | None) -> str:
    return f'<code class="hash">{escape(h)}</code>' if h else "–"


def installed(ref: str):
    """The installed edition ``ref`` (a :class:`~geep.coefficients.CoefficientTable`) or
    ``None`` when it is not installed or fails its checks."""
    from .. import coefficients

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return coefficients.load(ref)
    except GeepError:
        return None


def _installed(ref: str, sha: str | None) -> tuple[str, str, str]:
    """Title, status and the check against the installed edition of ``ref``."""
    t = installed(ref)
    if t is None:
        return "", "", msg("report.edition_not_installed")
    title = t.meta.title.zh if language() == "zh" and t.meta.title.zh else t.meta.title.en
    same = msg("report.edition_same") if t.sha256 == sha else msg("report.edition_differs")
    return title, label("status", t.status), same


def _ledgers(ctx: Context) -> str:
    rows = []
    for s in ctx.sources:
        m = s.ledger.meta
        methods = ", ".join(map(str, m.get("methods") or [m.get("method", "")]))
        rows.append([escape(s.label), _hash(s.sha256), f"{len(s.ledger):,}",
                     escape(label("status", s.ledger.status)), escape(methods)])  # fmt: skip
    heads = ["file", "sha256", "lines", "status", "methods"]
    return _table("prov-ledgers", [msg(f"report.col.{h}") for h in heads], rows,
                  msg("report.prov_ledgers"))  # fmt: skip


def _inputs(ctx: Context, extra: list[tuple[str, str | None]]) -> str:
    seen: dict[str, str | None] = {}
    for s in ctx.sources:
        for name, h in (s.ledger.meta.get("inputs") or {}).items():
            seen.setdefault(str(name), str(h).removeprefix("sha256="))
    for name, h in extra:
        seen.setdefault(name, h)
    if not seen:
        return note(msg("report.no_inputs"))
    rows = [[escape(n), _hash(h)] for n, h in seen.items()]
    return _table(
        "prov-inputs",
        [msg("report.col.file"), msg("report.col.sha256")],
        rows,
        msg("report.prov_inputs"),
    )


def _editions(ctx: Context) -> str:
    tables: dict[str, str] = dict(ctx.ledger.meta.get("tables") or {})
    if not tables:
        return note(msg("report.no_editions"))
    rows = []
    for ref in sorted(tables):
        title, status, check = _installed(ref, tables[ref])
        rows.append([f"<code>{escape(ref)}</code>", escape(title), escape(status), _hash(tables[ref]),
                     escape(check)])  # fmt: skip
    heads = ["edition", "title", "status", "sha256", "installed"]
    return _table("prov-editions", [msg(f"report.col.{h}") for h in heads], rows,
                  msg("report.prov_editions"))  # fmt: skip


def _evidence(ctx: Context) -> str:
    meta = ctx.ledger.meta
    records = list(meta.get("coefficients") or [])
    per: dict[str, dict[str, int]] = {}
    for r in records:
        ref = str(r.get("ref", ""))
        table = str(r.get("table") or ref.split("#", 1)[0])
        ev = str(r.get("evidence") or "unstated")
        per.setdefault(table, {}).setdefault(ev, 0)
        per[table][ev] += 1
    total = dict(meta.get("evidence") or {})
    if not total and not per:
        return note(msg("report.no_evidence"))
    levels = [e for e in EVIDENCE if total.get(e) or any(p.get(e) for p in per.values())]
    heads = [msg("report.col.table"), *(label("evidence", e) for e in levels)]
    rows = [[f"<code>{escape(t)}</code>", *(str(per[t].get(e, 0)) for e in levels)]
            for t in sorted(per)]  # fmt: skip
    if total:
        rows.append([f"<strong>{caption('report.measure.total')}</strong>",
                     *(f"<strong>{total.get(e, 0)}</strong>" for e in levels)])  # fmt: skip
    return _table("prov-evidence", heads, rows, msg("report.prov_evidence")) + note(
        msg("report.evidence_note")
    )


def _plain(v: Any) -> str:
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    return str(v)


def _run(ctx: Context) -> str:
    meta = ctx.ledger.meta
    rows = []
    for key in ("methods", "profiles", "profile", "options", "d", "rollup", "geep_version"):
        if meta.get(key) not in (None, "", [], {}):
            rows.append([f"<code>{escape(key)}</code>", escape(_plain(meta[key]))])
    money = "; ".join(
        f"{', '.join(m.accounts)}: "
        + (msg("report.money", unit=label("currency", m.unit), year=m.price_year)
           if m.price_year else label("currency", m.unit))
        for m in ctx.money
    )  # fmt: skip
    rows.append(["<code>money</code>", escape(money)])
    return _table("prov-run", [msg("report.col.key"), msg("report.col.value")], rows,
                  msg("report.prov_run"))  # fmt: skip


def provenance_section(ctx: Context, extra_inputs: list[tuple[str, str | None]]) -> str:
    """Files, editions, evidence and the options of the run."""
    body = [_ledgers(ctx), _inputs(ctx, extra_inputs), _editions(ctx), _evidence(ctx), _run(ctx)]
    return section("provenance", msg("report.sec_provenance"), "".join(body))


def all_warnings(ctx: Context) -> list[str]:
    """Every warning of every ledger (merged provenance first) and the report's own, once."""
    out: list[str] = []
    for w in [*ctx.ledger.meta.get("warnings", []), *(w for s in ctx.sources
                                                      for w in s.ledger.meta.get("warnings", []))]:  # fmt: skip
        if str(w) not in out:
            out.append(str(w))
    out += [n for n in ctx.notes if n not in out]
    return out


def warnings_section(ctx: Context) -> str:
    items = all_warnings(ctx)
    if not items:
        body = note(msg("report.no_warnings"))
    else:
        body = '<ol class="warnings">' + "".join(f"<li>{escape(w)}</li>" for w in items) + "</ol>"
    return section("warnings", msg("report.sec_warnings", n=len(items)), body)


__all__ = ["all_warnings", "installed", "provenance_section", "warnings_section"]
