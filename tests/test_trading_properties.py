"""Property tests of the journal: conservation, replay, refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geep.errors import TradingError
from geep.trading import Journal, Rules, money_positions, positions

RULES = Rules.load()
HOLDERS = [{"holder_id": h, "kind": k, "region_code": c}
           for h, k, c in (("A", "enterprise", "140702"), ("B", "enterprise", "140105"),
                           ("C", "county", "140121"), ("R", "reserve", "140000"))]  # fmt: skip
IDS = ["A", "B", "A", "B", "A", "B", "C", "R", "Q"]  # Q is never registered
RIGHTS_ = ["emission.nh3n", "emission.nh3n", "emission.so2", "carbon.cea", "water"]
TYPES = ["allocation", "allocation", "trade", "trade", "trade", "lease", "lease", "surrender",
         "buyback", "reversal"]  # fmt: skip

small = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(60), places=3)
large = st.decimals(min_value=Decimal(50), max_value=Decimal(500), places=3)
price = st.one_of(
    st.decimals(min_value=Decimal(30000), max_value=Decimal(40000), places=2),
    st.decimals(min_value=Decimal(10), max_value=Decimal(40000), places=2),
)
quantity = small


@st.composite
def operation(draw, n: int):
    kind = draw(st.sampled_from(TYPES))
    day = dt.date(2023, 1, 1) + dt.timedelta(days=n)
    base = {"id": f"t{n}", "date": day}
    if kind == "reversal":
        return {**base, "type": "reversal", "reverses": f"t{draw(st.integers(0, max(n - 1, 0)))}"}
    t = {**base, "type": kind, "right": draw(st.sampled_from(RIGHTS_)),
         "vintage": draw(st.sampled_from([2023] * 5 + [2024])),
         "quantity": draw(large if kind == "allocation" else small)}  # fmt: skip
    frm = draw(st.sampled_from(IDS))
    to = draw(st.sampled_from([h for h in IDS if h != frm] if draw(st.integers(0, 9)) else IDS))
    if kind == "allocation":
        t["to_holder"] = to
    elif kind == "surrender":
        t["from_holder"] = frm
    else:
        t["from_holder"], t["to_holder"] = frm, ("R" if kind == "buyback" else to)
    if kind in ("trade",) or (kind == "buyback" and draw(st.booleans())):
        t["price"] = draw(price)
    if kind == "lease":
        y = t["vintage"] if draw(st.integers(0, 4)) else 2025  # sometimes the wrong year
        m1 = draw(st.integers(1, 12))
        t["start"] = dt.date(y, m1, 1)
        t["end"] = dt.date(y + draw(st.sampled_from([0, 0, 0, 1])), draw(st.integers(m1, 12)), 28)
    return t


journals = st.integers(1, 40).flatmap(lambda k: st.tuples(*[operation(i) for i in range(k)]))


def state(j: Journal):
    """Everything a post could change (cheap to compare)."""
    return (len(j), j.quantity_postings, j.money_postings, dict(j._owned), dict(j._leases),
            dict(j._lease_index),
            frozenset(j._reversed))  # fmt: skip


def conserved(j: Journal) -> None:
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for p in j.quantity_postings:
        totals[(p.right, p.vintage, p.component)] += p.quantity
    assert all(v == 0 for v in totals.values()), totals
    assert all(q >= 0 for (h, *_), q in j._owned.items() if h != "@issuance")
    money: dict[str, Decimal] = defaultdict(Decimal)
    for m in j.money_postings:
        money[m.payer] -= m.amount
        money[m.payee] += m.amount
    assert sum(money.values(), Decimal(0)) == 0


def full_check(j: Journal) -> None:
    pos = positions(j, exact=True)
    mine = pos[pos["holder"] != "@issuance"]
    assert (mine["balance"] >= 0).all() and (mine["available"] >= 0).all()
    for _, g in pos.groupby(["right", "vintage"]):
        assert sum(g["balance"], Decimal(0)) == 0
        assert sum(g["leased_in"], Decimal(0)) == sum(g["leased_out"], Decimal(0))
    assert sum(money_positions(j, exact=True)["net"], Decimal(0)) == 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals)
def test_conservation_replay_and_refusals(ops):
    j = Journal(HOLDERS, RULES)
    posted = []
    seed = [{"id": f"s{h}{r}", "date": "2022-12-31", "type": "allocation", "right": r,
             "vintage": 2023, "to_holder": h, "quantity": 200}
            for h in ("A", "B") for r in sorted(set(RIGHTS_))]  # fmt: skip
    for op in (*seed, *ops):
        before = state(j)
        try:
            j.post(op)
        except TradingError:
            assert state(j) == before  # a refused transaction changes nothing
            continue
        posted.append(op)
        conserved(j)  # every accepted trade, lease, ... conserves each right
    full_check(j)
    replayed = Journal.replay(j.transactions, HOLDERS, RULES)
    assert state(replayed) == state(j)
    from_dicts = Journal.replay(posted, HOLDERS, RULES)
    assert positions(from_dicts, exact=True).equals(positions(j, exact=True))
    assert money_positions(from_dicts, exact=True).equals(money_positions(j, exact=True))


@settings(max_examples=40, deadline=None)
@given(q=quantity, p=price)
def test_trade_fees_are_each_side_share_of_value(q, p):
    j = Journal(HOLDERS, RULES)
    j.post({"id": "a", "date": "2023-01-01", "type": "allocation", "right": "emission.dust",
            "vintage": 2023, "to_holder": "A", "quantity": q})  # fmt: skip
    try:
        j.post({"id": "b", "date": "2023-01-02", "type": "trade", "right": "emission.dust",
                "vintage": 2023, "from_holder": "A", "to_holder": "B", "quantity": q,
                "price": p})  # fmt: skip
    except TradingError as exc:
        assert p < 5900 and "floor" in str(exc)
        return
    legs = {m.payer: m.amount for m in j.money_postings if m.leg == "fee"}
    value = next(m.amount for m in j.money_postings if m.leg == "price")
    assert abs(value - q * p) <= Decimal("0.005")
    for fee in legs.values():
        assert abs(fee - value * Decimal("0.0075")) <= Decimal("0.005")
    assert money_positions(j, exact=True).set_index("holder").loc["A", "net"] == value - legs["A"]
