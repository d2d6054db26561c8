"""Throughput of geep.trading: posting transactions, replaying a journal, computing positions.

Run ``python benchmarks/bench_trading.py [N_TRANSACTIONS]``; prints transactions/s for posting
(validation + double-entry postings), the time to replay the journal from scratch, positions,
money positions, aggregation to city level, and the export workbook.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from geep.errors import TradingError
from geep.trading import Journal, Rules, aggregate, money_positions, positions, write_journal

COUNTIES = ["140105", "140106", "140121", "140702", "140781", "140727", "140728"]
RIGHTS = ["emission.so2", "emission.nox", "emission.cod", "emission.nh3n", "carbon.cea", "water"]


def synthetic(n: int, holders: int = 300, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """``n`` transactions among ``holders`` enterprises: allocations first, then trades and
    leases (about 1 in 10), with a few reversals; all valid by construction where possible."""
    rnd = random.Random(seed)
    hs = [{"holder_id": f"E{i:04d}", "kind": "enterprise", "region_code": rnd.choice(COUNTIES)}
          for i in range(holders)]  # fmt: skip
    txns: list[dict] = []
    day = dt.date(2023, 1, 1)
    for h in hs:
        for r in RIGHTS:
            txns.append({"id": f"a{len(txns)}", "date": day, "type": "allocation", "right": r,
                         "vintage": 2023, "to_holder": h["holder_id"], "quantity": 1000})  # fmt: skip
    while len(txns) < n:
        day = min(day + dt.timedelta(days=rnd.random() < 0.01), dt.date(2023, 12, 1))
        a, b = rnd.sample(hs, 2)
        r = rnd.choice(RIGHTS)
        t = {"id": f"t{len(txns)}", "date": day, "right": r, "vintage": 2023,
             "from_holder": a["holder_id"], "to_holder": b["holder_id"],
             "quantity": rnd.randint(1, 20)}  # fmt: skip
        k = rnd.random()
        if k < 0.1:
            t.update(type="lease", start=day, end=dt.date(2023, 12, 31))
        elif k < 0.12 and txns[-1]["type"] == "trade":
            t = {"id": t["id"], "date": day, "type": "reversal", "reverses": txns[-1]["id"]}
        else:
            t.update(type="trade", price=40000 if r.startswith("emission") else 80)
        txns.append(t)
    return hs, txns[:n]


def main(n: int = 20_000) -> None:
    rules = Rules.load()
    holders, txns = synthetic(n)
    j = Journal(holders, rules)
    refused = 0
    t0 = time.perf_counter()
    for t in txns:
        try:
            j.post(t)
        except TradingError:
            refused += 1
    post_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    replayed = Journal.replay(j.transactions, holders, rules)
    replay_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pos = positions(replayed)
    pos_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    money_positions(replayed)
    money_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    aggregate(positions(replayed, system=False), "city")
    agg_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        write_journal(replayed, Path(tmp) / "out.xlsx")
        xlsx_s = time.perf_counter() - t0
    print(f"geep.trading benchmark: {len(txns)} transactions, {len(holders)} holders, "
          f"{len(pos)} accounts ({refused} refused by the rules)")  # fmt: skip
    print(
        f"  post (validate + postings): {post_s:8.2f} s  {len(txns) / post_s:10.0f} transactions/s"
    )
    print(
        f"  replay from scratch:        {replay_s:8.2f} s  {len(j) / replay_s:10.0f} transactions/s"
    )
    print(f"  positions:                  {pos_s:8.2f} s")
    print(f"  money positions:            {money_s:8.2f} s")
    print(f"  aggregate to city:          {agg_s:8.2f} s")
    print(f"  export workbook:            {xlsx_s:8.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
