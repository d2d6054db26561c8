"""The append-only journal: TC-8, refusals that change nothing, leases, reversals, and a
hand-computed multi-step journal."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from geep.errors import (
    BelowFloorPriceError,
    GeepError,
    InsufficientBalanceError,
    LeaseRuleError,
    SubLeaseError,
    TradingError,
    UnknownHolderError,
    UnknownRightError,
)
from geep.trading import Journal, Rules, money_positions, positions

RULES = Rules.load()
HOLDERS = [
    {"holder_id": "A", "name": "seller", "kind": "enterprise", "region_code": "140702"},
    {"holder_id": "B", "name": "buyer", "kind": "enterprise", "region_code": "140105"},
    {"holder_id": "C", "kind": "enterprise", "region_code": "140121"},
    {"holder_id": "RES", "kind": "reserve", "region_code": "140000"},
]


def journal(*txns: dict) -> Journal:
    j = Journal(HOLDERS, RULES)
    for t in txns:
        j.post(t)
    return j


def alloc(id_, right, q, to="A", date="2023-01-10", vintage=2023, **kw):
    return dict(id=id_, date=date, type="allocation", right=right, vintage=vintage,
                to_holder=to, quantity=q, **kw)  # fmt: skip


def trade(id_, right, q, price, frm="A", to="B", date="2023-02-15", vintage=2023, **kw):
    return dict(id=id_, date=date, type="trade", right=right, vintage=vintage, from_holder=frm,
                to_holder=to, quantity=q, price=price, **kw)  # fmt: skip


def lease(id_, q, start, end, frm="A", to="B", date="2023-03-01", right="emission.nh3n", **kw):
    return dict(id=id_, date=date, type="lease", right=right, vintage=kw.pop("vintage", 2023),
                from_holder=frm, to_holder=to, quantity=q, start=start, end=end, **kw)  # fmt: skip


def snapshot(j: Journal):
    return (len(j), j.quantity_postings, j.money_postings,
            positions(j, exact=True).to_dict("records"),
            money_positions(j, exact=True).to_dict("records"))  # fmt: skip


def money_of(j: Journal, holder: str) -> dict:
    m = money_positions(j, exact=True)
    rows = m[m["holder"] == holder]
    return {k: sum(rows[k], Decimal(0)) for k in ("paid", "fees", "received", "net")}


def test_tc8_nh3n_trade_with_fees():
    """compensation.md TC-8: 10 t NH3-N at 32,000 CNY/t ≥ 30,000 floor; value 320,000 CNY;
    fee 1.5 % = 4,800 CNY, 2,400 each side; seller nets 317,600 CNY."""
    j = journal(alloc("1", "NH3-N", 10), trade("2", "NH3-N", 10, 32000))
    legs = {(m.leg, m.payer, m.payee): m.amount for m in j.money_postings if m.txn == "2"}
    assert legs == {("price", "B", "A"): Decimal("320000.00"),
                    ("fee", "B", "@exchange"): Decimal("2400.00"),
                    ("fee", "A", "@exchange"): Decimal("2400.00")}  # fmt: skip
    assert money_of(j, "A")["net"] == Decimal("317600.00")
    assert money_of(j, "B")["net"] == Decimal("-322400.00")
    assert money_of(j, "@exchange")["received"] == Decimal("4800.00")
    assert j.balance("B", "NH3-N", 2023) == 10 and j.balance("A", "emission.nh3n", 2023) == 0
    fee_rules = {m.rule for m in j.money_postings if m.leg == "fee"}
    assert fee_rules == {"emission-trading-rules-shanxi@2016#fee.trade.buyer_rate;"
                         "emission-trading-rules-shanxi@2016#fee.trade.seller_rate"}  # fmt: skip


def test_tc8_so2_trade_below_floor_is_refused_and_changes_nothing():
    """TC-8: 100 t SO2 at 17,500 CNY/t is rejected against the 18,000 CNY/t floor (2017)."""
    j = journal(alloc("1", "SO2", 100))
    before = snapshot(j)
    with pytest.raises(BelowFloorPriceError) as ei:
        j.post(trade("T-so2", "SO2", 100, 17500, ref="book.xlsx!transactions!row 7"))
    err = ei.value
    assert isinstance(err, GeepError) and isinstance(err, ValueError)
    text = str(err)
    for part in ("T-so2", "book.xlsx!transactions!row 7", "17500", "18000",
                 "emission-floor-prices-shanxi@2017#so2", "trade at 18000 CNY/t or more"):  # fmt: skip
        assert part in text
    assert err.extra["transaction"] == "T-so2" and err.extra["field"] == "price"
    assert snapshot(j) == before
    j.post(trade("T-ok", "SO2", 100, 18000))  # exactly at the floor passes
    assert j.balance("B", "SO2", 2023) == 100


@pytest.mark.parametrize(
    ("txn", "error", "words"),
    [
        (trade("x", "NH3-N", 10.5, 30000), InsufficientBalanceError, ["A has 10 t", "10.5 t"]),
        (trade("x", "NH3-N", 1, 30000, frm="ZZ"), UnknownHolderError, ["unknown holder 'ZZ'"]),
        (trade("x", "NH3-N", 1, 30000, to="b"), UnknownHolderError, ["did you mean 'B'"]),
        (trade("x", "NH4-N", 1, 30000), UnknownRightError, ["unknown right 'NH4-N'"]),
        (lease("x", 5, "2023-07-01", "2024-06-30"), LeaseRuleError, ["crosses a year end"]),
        (lease("x", 5, "2024-01-01", "2024-06-30"), LeaseRuleError, ["vintage year 2023"]),
        (trade("1", "NH3-N", 1, 30000), TradingError, ["already in the journal"]),
        (trade("x", "NH3-N", 1, 30000, date="2022-12-31"), TradingError, ["date order"]),
        (trade("x", "NH3-N", 1, 0), TradingError, ["positive price"]),
        (trade("x", "NH3-N", 1, 30000, fee_buyer=100), TradingError, ["differs from the rule"]),
        (dict(id="x", date="2023-05-01", type="buyback", right="NH3-N", vintage=2023,
              from_holder="A", to_holder="C", quantity=1), TradingError, ["reserve holder"]),
        (dict(id="x", date="2023-05-01", type="reversal", reverses="nope"), TradingError,
         ["not in the journal"]),
    ],
)  # fmt: skip
def test_refused_transactions_name_the_problem_and_change_nothing(txn, error, words):
    j = journal(alloc("1", "NH3-N", 10))
    before = snapshot(j)
    with pytest.raises(error) as ei:
        j.post(txn)
    assert isinstance(ei.value, GeepError) and isinstance(ei.value, ValueError)
    for w in words:
        assert w in str(ei.value)
    assert snapshot(j) == before
    assert pickle.loads(pickle.dumps(ei.value)).extra == ei.value.extra


def test_lease_is_annual_blocks_sale_and_sublease():
    j = journal(alloc("1", "NH3-N", 10), alloc("2", "NH3-N", 3, to="B"),
                lease("L1", 6, "2023-04-01", "2023-06-30"))  # fmt: skip
    p = positions(j, exact=True).set_index("holder")
    assert (p.loc["A", "balance"], p.loc["A", "leased_out"], p.loc["A", "holdings"]) == (10, 6, 4)
    assert (p.loc["B", "balance"], p.loc["B", "leased_in"], p.loc["B", "holdings"]) == (3, 6, 9)
    assert j.available("A", "NH3-N", 2023, "2023-05-01") == 4
    with pytest.raises(InsufficientBalanceError, match="leased out 6"):
        j.post(trade("s1", "NH3-N", 5, 30000, date="2023-05-01"))
    with pytest.raises(SubLeaseError, match="sub-lease is not allowed"):  # B owns 3, leased in 6
        j.post(lease("L2", 5, "2023-05-01", "2023-12-31", frm="B", to="C", date="2023-05-01"))
    j.post(lease("L3", 3, "2023-05-01", "2023-12-31", frm="B", to="C", date="2023-05-01"))
    j.post(trade("s2", "NH3-N", 10, 30000, date="2023-07-01", to="C"))  # lease ended 06-30
    assert j.balance("A", "NH3-N", 2023) == 0 and j.balance("C", "NH3-N", 2023) == 10
    rent = journal(alloc("1", "NH3-N", 10), lease("L", 4, "2023-04-01", "2023-12-31", price=2500))
    assert [(m.leg, m.payer, m.payee, m.amount) for m in rent.money_postings] == [
        ("rent", "B", "A", Decimal("10000.00"))
    ]  # no trading fee on leases


def test_reversal_undoes_exactly_and_only_once():
    j = journal(alloc("1", "NH3-N", 10), trade("2", "NH3-N", 4, 31000))
    base = journal(alloc("1", "NH3-N", 10))
    j.reverse("2", "3", "2023-03-01", note="wrong buyer")
    pos = positions(j, exact=True)
    ref = positions(base, exact=True)
    cols = ["holder", "right", "vintage", "balance", "holdings", "available"]
    assert pos[pos["holder"] != "B"][cols].to_dict("records") == ref[cols].to_dict("records")
    b = pos[pos["holder"] == "B"].iloc[0]
    assert (b["purchased"], b["balance"]) == (0, 0)  # the reversal posts into the same flow
    assert all(v == 0 for v in money_positions(j, exact=True)["net"])
    assert len(j) == 3  # nothing deleted: the original stays, the reversal is appended
    with pytest.raises(TradingError, match="already been reversed"):
        j.reverse("2", "4", "2023-03-02")
    with pytest.raises(TradingError, match="itself a reversal"):
        j.reverse("3", "4", "2023-03-02")
    k = journal(alloc("1", "NH3-N", 10), trade("2", "NH3-N", 4, 31000),
                trade("3", "NH3-N", 4, 31000, frm="B", to="C", date="2023-03-01"))  # fmt: skip
    with pytest.raises(InsufficientBalanceError):  # B has passed the 4 t on to C
        k.reverse("2", "4", "2023-03-02")


def test_extend_is_atomic():
    j = journal(alloc("1", "NH3-N", 10))
    before = snapshot(j)
    with pytest.raises(InsufficientBalanceError):
        j.extend([trade("2", "NH3-N", 6, 30000), trade("3", "NH3-N", 6, 30000)])
    assert snapshot(j) == before
    assert j.extend([trade("2", "NH3-N", 6, 30000), trade("3", "NH3-N", 4, 30000)]) == 2


def test_paid_allocation_buyback_surrender_and_fee_free_carbon():
    j = journal(
        alloc("1", "NH3-N", 5, mode="paid", price=30000),
        alloc("2", "SO2", 100),
        dict(id="3", date="2023-04-01", type="buyback", right="SO2", vintage=2023,
             from_holder="A", to_holder="RES", quantity=20, price=18000),
        dict(id="4", date="2023-04-02", type="buyback", right="SO2", vintage=2023,
             from_holder="A", to_holder="RES", quantity=5),  # recovery (收回): unpaid
        alloc("5", "CEA", 1000, date="2023-04-03"),
        trade("6", "CEA", 400, 60, date="2023-05-01"),
        dict(id="7", date="2024-03-31", type="surrender", right="CEA", vintage=2023,
             from_holder="B", quantity=400),
        dict(id="8", date="2024-04-01", type="paid_use_fee", right="SO2", vintage=2023,
             from_holder="A", quantity=75, price=1000),
    )  # fmt: skip
    legs = [(m.txn, m.leg, m.payer, m.payee, m.amount) for m in j.money_postings]
    assert legs == [
        ("1", "allocation", "A", "@issuance", Decimal("150000.00")),
        ("3", "buyback", "RES", "A", Decimal("360000.00")),
        ("6", "price", "B", "A", Decimal("24000.00")),  # no fee rule for carbon
        ("8", "paid_use_fee", "A", "@issuance", Decimal("75000.00")),
    ]
    assert [t.mode for t in j.transactions[2:4]] == ["paid", "unpaid"]
    p = positions(j, exact=True).set_index(["holder", "right"])
    assert p.loc[("A", "emission.so2"), "balance"] == 75
    assert p.loc[("RES", "emission.so2"), "bought_back"] == 25
    assert p.loc[("B", "carbon.cea"), "surrendered"] == 400
    assert p.loc[("@retired", "carbon.cea"), "balance"] == 400
    assert p.loc[("@issuance", "carbon.cea"), "balance"] == -1000


def test_hand_computed_multi_step_journal():
    """Allocation, TC-8 trade, lease, trade in 万元/t, reversal: every figure by hand."""
    j = journal(
        alloc("T01", "NH3-N", 50),
        alloc("T02", "NH3-N", 5, to="B", mode="paid", price=30000),
        trade("T05", "NH3-N", 10, 32000),
        lease("T06", 5, "2023-04-01", "2023-12-31", price=3000),
        trade("T14", "NH3-N", 2, 31000, frm="B", to="A", date="2023-09-01"),
        dict(id="T15", date="2023-09-02", type="reversal", reverses="T14"),
        trade("T16", "NH3-N", 3, 33000, frm="B", to="C", date="2023-10-01"),
    )  # fmt: skip
    p = positions(j, exact=True).set_index("holder")
    # A: 50 allocated − 10 sold = 40 owned; 5 leased out → 35 usable in 2023
    assert (p.loc["A", "balance"], p.loc["A", "holdings"], p.loc["A", "available"]) == (40, 35, 35)
    # B: 5 + 10 − 3 = 12 owned (T14 reversed); + 5 leased in → 17
    assert (p.loc["B", "balance"], p.loc["B", "purchased"], p.loc["B", "holdings"]) == (12, 10, 17)
    assert p.loc["C", "balance"] == 3 and p.loc["@issuance", "balance"] == -55
    # money: A receives 320,000 + 15,000 rent − 2,400 fee
    assert money_of(j, "A") == {"paid": 0, "fees": Decimal("2400.00"),
                                "received": Decimal("335000.00"), "net": Decimal("332600.00")}  # fmt: skip
    # B: pays 150,000 + 320,000 + 2,400 + 15,000; receives 99,000 − 742.50 fee
    b = money_of(j, "B")
    assert b["paid"] == Decimal("485000.00") and b["fees"] == Decimal("3142.50")
    assert b["received"] == Decimal("99000.00") and b["net"] == Decimal("-389142.50")
    assert money_of(j, "@exchange")["received"] == Decimal("6285.00")  # 4800 + 2 × 742.50
    assert sum(money_positions(j, exact=True)["net"], Decimal(0)) == 0


def test_fee_rounding_is_half_up_to_the_fen():
    j = journal(alloc("1", "NH3-N", 1), trade("2", "NH3-N", Decimal("0.333"), 30001))
    fees = [m.amount for m in j.money_postings if m.leg == "fee"]
    value = Decimal("0.333") * 30001  # 9990.333 CNY → 9990.33
    assert [m.amount for m in j.money_postings if m.leg == "price"] == [Decimal("9990.33")]
    assert fees == [Decimal("74.93"), Decimal("74.93")]  # 9990.333 × 0.0075 = 74.9275 → 74.93
    assert value * Decimal("0.0075") == Decimal("74.9274975")


def test_holders_are_append_only_and_validated():
    j = Journal(HOLDERS, RULES)
    j.register(HOLDERS[0])  # same data again: fine
    with pytest.raises(TradingError, match="already registered"):
        j.register({**HOLDERS[0], "name": "renamed"})
    with pytest.raises(TradingError, match="six-digit"):
        j.register({"holder_id": "Z", "kind": "enterprise", "region_code": "1401"})
    with pytest.raises(TradingError, match="kind"):
        j.register({"holder_id": "Z", "kind": "company"})
    with pytest.raises(TradingError, match="system accounts"):
        j.register({"holder_id": "@issuance", "kind": "reserve"})
