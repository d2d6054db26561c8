"""Positions of a journal: quantities per holder × right × vintage, money per holder, and their
aggregation to county, city and province so they sit next to GEEP ledgers.

Quantity identity per account (compensation.md §4.5 item 5, extended by surrender and
buy-back)::

    balance  = allocated − allocated_out + purchased − sold + bought_back − sold_back
               − surrendered + retired
    holdings = balance + leased_in − leased_out

``balance`` is what the holder owns; ``holdings`` is what it may use for the vintage year's
compliance (leases are annual and count for their vintage); ``available`` is what it may sell
or lease out on the valuation date (owned, less leases not yet ended).

References
----------
compensation.md §4.5 items 5 and 7 (balances; aggregation to county, city, province:
inference), §5.1 "RightsAccount".
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import TradingError
from ..messages import text
from ..status import worst
from .rights import RIGHTS, SYSTEM_HOLDERS, unit_label

if TYPE_CHECKING:
    from ..ledger import Ledger
    from .journal import Journal

FLOW_COLUMNS = (
    "allocated", "allocated_out", "purchased", "sold", "leased_in", "leased_out",
    "bought_back", "sold_back", "surrendered", "retired",
)  # fmt: skip
OUT_FLOWS = {"allocated_out", "sold", "leased_out", "sold_back", "surrendered"}
QTY_COLUMNS = (*FLOW_COLUMNS, "balance", "holdings", "available")
ID_COLUMNS = ("holder", "holder_name", "holder_kind", "region_code", "right", "family",
              "vintage", "unit")  # fmt: skip
LEVELS = ("holder", "county", "city", "province")
_LEVEL_OF = {"province": "province", "prefecture": "city", "county": "county", "zone": "county"}


def _cutoff(journal: Journal, as_of: dt.date | str | None) -> tuple[set[str], dt.date | None]:
    day = None if as_of is None else dt.date.fromisoformat(str(as_of))
    ids = {t.id for t in journal.transactions if day is None or t.date <= day}
    last = max((t.date for t in journal.transactions if t.id in ids), default=None)
    return ids, (day or last)


def positions(
    journal: Journal,
    as_of: dt.date | str | None = None,
    system: bool = True,
    exact: bool = False,
) -> pd.DataFrame:
    """Quantity positions per holder × right × vintage.

    Parameters
    ----------
    journal
        The journal.
    as_of
        Count transactions dated on or before this day (default: all); ``available`` is taken
        on this day (default: the last transaction date).
    system
        Include the system accounts ``@issuance`` (negative: quantity issued) and ``@retired``.
    exact
        Return :class:`~decimal.Decimal` quantities (object columns) instead of floats.

    Returns
    -------
    DataFrame
        Columns :data:`ID_COLUMNS` + :data:`QTY_COLUMNS`, quantities in the right's unit
        (t, tCO2e, m3, tce), sorted by holder, right, vintage.
    """
    ids, day = _cutoff(journal, as_of)
    acc: dict[tuple[str, str, int], dict[str, Decimal]] = defaultdict(
        lambda: dict.fromkeys(FLOW_COLUMNS, Decimal(0))
    )
    for p in journal.quantity_postings:
        if p.txn not in ids:
            continue
        row = acc[(p.holder, p.right, p.vintage)]
        row[p.flow] += -p.quantity if p.flow in OUT_FLOWS else p.quantity
    committed = _committed_leases(journal, ids, day)
    holders = journal.holders
    rows = []
    for (h, r, v), f in acc.items():
        if h in SYSTEM_HOLDERS and not system:
            continue
        balance = (f["allocated"] - f["allocated_out"] + f["purchased"] - f["sold"]
                   + f["bought_back"] - f["sold_back"] - f["surrendered"] + f["retired"])  # fmt: skip
        holdings = balance + f["leased_in"] - f["leased_out"]
        available = balance - committed.get((h, r, v), Decimal(0))
        hd = holders.get(h)
        rows.append({
            "holder": h, "holder_name": hd.name if hd else h,
            "holder_kind": hd.kind if hd else "system", "region_code": hd.region_code if hd else None,
            "right": r, "family": RIGHTS[r].family, "vintage": v, "unit": unit_label(RIGHTS[r]),
            **f, "balance": balance, "holdings": holdings, "available": available,
        })  # fmt: skip
    out = pd.DataFrame(rows, columns=[*ID_COLUMNS, *QTY_COLUMNS])
    out = out.sort_values(["holder", "right", "vintage"], kind="stable").reset_index(drop=True)
    if not exact:
        for c in QTY_COLUMNS:
            out[c] = out[c].map(float).astype("float64")
    out["vintage"] = out["vintage"].astype("int64")
    return out


def _committed_leases(
    journal: Journal, ids: set[str], day: dt.date | None
) -> dict[tuple[str, str, int], Decimal]:
    """Quantity leased out per lessor account by leases posted by ``ids``, not reversed among
    ``ids``, and not ended on ``day``."""
    txns = [t for t in journal.transactions if t.id in ids]
    reversed_ = {t.reverses for t in txns if t.type == "reversal"}
    out: dict[tuple[str, str, int], Decimal] = defaultdict(Decimal)
    for t in txns:
        if t.type == "lease" and t.id not in reversed_ and (day is None or t.end >= day):
            out[(t.from_holder, t.right, t.vintage)] += t.quantity
    return out


def money_positions(
    journal: Journal, as_of: dt.date | str | None = None, exact: bool = False
) -> pd.DataFrame:
    """Money per holder × right × vintage [CNY]: ``paid`` (price, allocation, rent, buy-back and
    paid-use legs paid), ``fees`` (trading fees paid), ``received`` (all legs received) and
    ``net = received − paid − fees``. Money is conserved: the sum of ``net`` over all holders,
    including ``@exchange`` and ``@issuance``, is zero.
    """
    ids, _ = _cutoff(journal, as_of)
    acc: dict[tuple[str, str, int], dict[str, Decimal]] = defaultdict(
        lambda: {"paid": Decimal(0), "fees": Decimal(0), "received": Decimal(0)}
    )
    for m in journal.money_postings:
        if m.txn not in ids:
            continue
        acc[(m.payer, m.right, m.vintage)]["fees" if m.leg == "fee" else "paid"] += m.amount
        acc[(m.payee, m.right, m.vintage)]["received"] += m.amount
    rows = [
        {"holder": h, "right": r, "vintage": v, **d,
         "net": d["received"] - d["paid"] - d["fees"], "unit": "CNY"}
        for (h, r, v), d in acc.items()
    ]  # fmt: skip
    out = pd.DataFrame(rows, columns=["holder", "right", "vintage", "paid", "fees", "received",
                                      "net", "unit"])  # fmt: skip
    out = out.sort_values(["holder", "right", "vintage"], kind="stable").reset_index(drop=True)
    if not exact:
        for c in ("paid", "fees", "received", "net"):
            out[c] = out[c].map(float).astype("float64")
    return out


def load_regions() -> tuple[pd.DataFrame, str, str, str]:
    """The Shanxi region hierarchy (``regions-shanxi``), its ``table@edition`` ref, status and
    sha256.

    The shipped edition is provisional (secondary codes); outputs that use it say so.
    """
    from .. import coefficients

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = coefficients.load("regions-shanxi")
    f = t.data.rename(columns={"region_name_zh": "region_name"})
    return f[["region_code", "region_name", "parent_code", "level"]], t.ref, t.status, t.sha256


def aggregate(
    frame: pd.DataFrame, level: str = "county", regions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Sum a positions frame to ``county``, ``city`` or ``province`` by GB/T 2260 region codes.

    Parameters
    ----------
    frame
        Output of :func:`positions` (or any frame with ``region_code``, ``right``, ``vintage``,
        ``unit`` and quantity columns).
    level
        Target level. A holder registered at a higher level than the target (a city holder in a
        county aggregation) stays at its own region, with ``region_level`` saying so.
    regions
        ``region_code, region_name, parent_code, level`` (default: ``regions-shanxi``).

    Returns
    -------
    DataFrame
        ``region_code, region_name, region_level, right, family, vintage, unit, holders`` and the
        summed quantity columns. System accounts (``@issuance``, ``@retired``) are not regional
        and are left out; holders without a region code are kept under ``region_code`` ``""``.

    Raises
    ------
    TradingError
        If a holder's region code is not in the region table (listing every such code).
    """
    if level not in LEVELS[1:]:
        raise TradingError(text("trading.err.level", level=level),
                           hint=text("hint.trading.err.level"))  # fmt: skip
    regs = load_regions()[0] if regions is None else regions
    parent = dict(zip(regs["region_code"], regs["parent_code"], strict=True))
    name = dict(zip(regs["region_code"], regs["region_name"], strict=True))
    lvl = {c: _LEVEL_OF.get(v, v) for c, v in zip(regs["region_code"], regs["level"], strict=True)}
    order = {"county": 0, "city": 1, "province": 2}
    f = frame[~frame["holder"].isin(SYSTEM_HOLDERS)] if "holder" in frame else frame
    unknown = sorted({c for c in f["region_code"].dropna() if c not in parent})
    if unknown:
        raise TradingError(
            text("trading.err.unknown_regions", codes=", ".join(unknown)),
            hint=text("hint.trading.err.unknown_regions"),
        )

    def up(code: object) -> str:
        if code is None or code != code:
            return ""
        c = str(code)
        while order[lvl[c]] < order[level] and parent.get(c):
            c = str(parent[c])
        return c

    keys = ["region_code", "region_name", "region_level", "right", "family", "vintage", "unit"]
    qty = [c for c in QTY_COLUMNS if c in f.columns]
    if f.empty:
        return pd.DataFrame(columns=[*keys, *qty, "holders"])
    g = f.assign(region_code=f["region_code"].map(up))
    g["region_name"] = g["region_code"].map(lambda c: name.get(c, "(no region)"))
    g["region_level"] = g["region_code"].map(lambda c: lvl.get(c, ""))
    keys = [k for k in keys if k in g.columns]
    agg = {c: "sum" for c in qty}
    if "holder" in g:
        agg["holder"] = "nunique"
    out = g.groupby(keys, sort=True, dropna=False).agg(agg).reset_index()
    return out.rename(columns={"holder": "holders"})


def positions_ledger(
    journal: Journal,
    level: str = "county",
    as_of: dt.date | str | None = None,
    prices: dict[str, float] | None = None,
) -> Ledger:
    """Holdings aggregated to ``level`` and valued, as a :class:`~geep.ledger.Ledger`.

    Emission rights are valued at the floor price of the pinned rules, carbon rights at the latest
    reference price on or before ``as_of``; ``prices`` (``{right: CNY per unit}``) overrides both
    and values other rights. Rights without any price are left out and named in the ledger's
    warnings. Accounts are ``RIGHTS.<family>``, category ``rights``, ``year`` = vintage.
    """
    from ..ledger import Ledger
    from ..messages import MESSAGES, msg
    from .prices import price_for
    from .rights import right_name

    agg = aggregate(positions(journal, as_of=as_of, system=False), level)
    lines, warn = [], []
    for r in agg.itertuples(index=False):
        p = price_for(journal, r.right, r.vintage, "floor", prices, as_of)
        if p.value is None:
            msg_ = msg("trading.xl.not_valued", right=right_name(r.right), vintage=r.vintage,
                       reason=p.ref)  # fmt: skip
            if msg_ not in warn:
                warn.append(msg_)
            continue
        lines.append({
            "region_code": r.region_code, "region_name": r.region_name, "year": r.vintage,
            "account": f"RIGHTS.{r.family}", "category": "rights", "service": r.family,
            "indicator": r.right, "quantity": r.holdings, "quantity_unit": r.unit,
            "price": float(p.value), "price_unit": f"CNY/{r.unit}",
            "value": r.holdings * float(p.value), "value_unit": "CNY",
            "price_year": p.price_year, "method": "trading.positions", "coefficient": p.ref,
            "input_ref": f"journal ({len(journal)} transactions)",
        })  # fmt: skip
    from ..ledger import COLUMNS

    frame = pd.DataFrame(lines, columns=list(COLUMNS))
    _, regions_ref, regions_status, regions_sha = load_regions()
    status = worst([journal.rules.status, regions_status])
    if regions_status != "released":
        shown = f"trading.status.{regions_status}"
        warn.append(msg("trading.xl.regions_status", ref=regions_ref,
                        status=msg(shown) if shown in MESSAGES else regions_status))  # fmt: skip
    tables = {**journal.rules.tables, regions_ref: regions_sha}
    meta = {"tables": tables, "warnings": warn, "status": status,
            "regions": regions_ref, "level": level}  # fmt: skip
    return Ledger(frame, meta)
