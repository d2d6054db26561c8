"""Trading rules as versioned data: floor prices, fees, lease constraints, the CCER cap and
reference carbon prices, loaded from the coefficient catalogue.

:class:`Rules` pins one edition of each rule table; a journal applies exactly those editions and
records them (``Rules.tables``: ``{table@edition: sha256}``) so every refusal, fee and valuation
can be traced to a row (``table@edition#row``).

References
----------
compensation.md §4.1 (floor prices [P] S44, S46; fee 0.75 % per side [P] S46; annual leases, no
year-crossing, no sub-lease [P] S89), §4.4 (CCER ≤ 5 % [P] S95; CEA prices [P] S52-S55, S60).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .. import coefficients
from ..coefficients import CoefficientTable
from ..messages import text
from ..status import worst
from .rights import RIGHTS, Right

#: rule tables by role; a role may be overridden with ``editions={role: "id@edition"}``
ROLES: dict[str, str] = {
    "floor_prices": "emission-floor-prices-shanxi",
    "emission_rules": "emission-trading-rules-shanxi",
    "ets_rules": "carbon-ets-rules-cn",
    "carbon_prices": "carbon-allowance-prices-cn",
}
_INSTRUMENT = {"carbon.cea": "cea", "carbon.ccer": "ccer"}


def _dec(v: float) -> Decimal:
    from .model import to_decimal

    return to_decimal(v)


@dataclass(frozen=True)
class RuleValue:
    """A rule value with the coefficient row it came from (``table@edition#row``)."""

    value: Decimal
    ref: str
    price_year: int | None = None
    date: str | None = None


@dataclass(frozen=True)
class FeeRule:
    """Transaction fee shares of deal value paid by each side [dimensionless]."""

    buyer: Decimal
    seller: Decimal
    ref: str


@dataclass(frozen=True)
class LeaseRule:
    """Lease constraints: annual only, no year-crossing, no sub-lease.

    For rights without a lease rule in the tables the same constraints hold *structurally*
    (accounts are per vintage year and a lessee never owns leased rights); ``ref`` says so.
    """

    cross_year_allowed: bool
    sublease_allowed: bool
    cross_year_ref: str
    sublease_ref: str


@dataclass(frozen=True)
class Rules:
    """One pinned edition of each trading-rule table.

    Build with :meth:`load`. ``tables`` maps ``table@edition`` to its sha256; ``status`` is the
    worst status of the editions (``released`` unless one is provisional or draft).
    """

    floor_prices: CoefficientTable | None
    emission_rules: CoefficientTable | None
    ets_rules: CoefficientTable | None
    carbon_prices: CoefficientTable
    tables: dict[str, str] = field(default_factory=dict)
    #: roles with no edition valid at ``as_of`` → why (using them raises a TradingError)
    missing: dict[str, str] = field(default_factory=dict)
    _memo: dict[tuple, object] = field(default_factory=dict, compare=False, repr=False)

    def _cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """Rule lookups are pure functions of the pinned editions: compute each once."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @classmethod
    def load(
        cls,
        as_of: dt.date | str | None = None,
        editions: Mapping[str, str] | None = None,
        paths: Iterable[str | os.PathLike] | None = None,
    ) -> Rules:
        """Load the rule tables.

        Parameters
        ----------
        as_of
            Pick, for each table, the released edition valid on that date (default: the newest
            released edition). The carbon price table is always the newest (its rows carry dates).
        editions
            ``{role: "table@edition"}`` for exact editions; roles are the keys of :data:`ROLES`.
        paths
            Extra catalogue folders.

        A role with no edition valid at ``as_of`` (e.g. floor prices in 2015, between the 2012
        trial and the 2017 revision; the carbon ETS rules before 2021-02-01) is recorded in
        ``missing``; a transaction or check that needs it is refused with that reason, never
        computed without its rule.
        """
        editions = dict(editions or {})
        unknown = set(editions) - set(ROLES)
        if unknown:
            from ..errors import TradingError

            raise TradingError(
                text("trading.err.unknown_roles", roles=sorted(unknown)),
                hint=text("hint.trading.err.unknown_roles", roles=", ".join(ROLES)),
            )
        from ..errors import EditionNotFoundError

        loaded: dict[str, CoefficientTable | None] = {}
        missing: dict[str, str] = {}
        for role, table_id in ROLES.items():
            ref = editions.get(role)
            when = None if role == "carbon_prices" else as_of
            if ref:
                loaded[role] = coefficients.load(ref, paths=paths)
                continue
            try:
                loaded[role] = coefficients.load(table_id, as_of=when, paths=paths)
            except EditionNotFoundError as exc:
                if when is None:
                    raise
                loaded[role], missing[role] = None, exc.message
        tables = {t.ref: t.sha256 for t in loaded.values() if t is not None}
        return cls(**loaded, tables=tables, missing=missing)

    def _need(self, role: str) -> CoefficientTable:
        t = getattr(self, role)
        if t is None:
            from ..errors import TradingError

            raise TradingError(
                text(
                    "trading.err.no_edition",
                    role_name=text(f"trading.role.{role}"),
                    missing=self.missing.get(role, ""),
                ),
                hint=text("hint.trading.err.no_edition", role=role, table=ROLES[role]),
            )
        return t

    @property
    def status(self) -> str:
        """Worst status of the pinned editions."""
        statuses = [
            t.status
            for t in (self.floor_prices, self.emission_rules, self.ets_rules, self.carbon_prices)
            if t is not None
        ]
        return worst(statuses)

    # --- emission rights -------------------------------------------------------------
    def floor(self, right: str | Right) -> RuleValue | None:
        """Floor (base) price of ``right`` [CNY/t], or ``None`` if the edition has none."""
        rid = right.id if isinstance(right, Right) else right
        return self._cached(("floor", rid), lambda: self._floor(rid))

    def _floor(self, right: str | Right) -> RuleValue | None:
        rid = right.id if isinstance(right, Right) else right
        t = self._need("floor_prices")
        rows = t.frame[t.frame["right"] == rid]
        if rows.empty:
            return None
        r = rows.iloc[0]
        return RuleValue(
            _dec(r["floor_price"]),
            t.coefficient_ref(r["pollutant"]),
            price_year=int(r["price_year"]),
        )

    def _rule(self, table: CoefficientTable, rule: str) -> RuleValue | None:
        if not table.has(rule):
            return None
        r = table.row(rule)
        if r["value"] is None or r["value"] != r["value"]:
            return None
        return RuleValue(_dec(r["value"]), table.coefficient_ref(rule))

    def fees(self, right: str | Right) -> FeeRule | None:
        """Trade fee shares for ``right``, or ``None`` where no fee rule applies."""
        rid = right.id if isinstance(right, Right) else right
        return self._cached(("fees", rid), lambda: self._fees(rid))

    def _fees(self, right: str | Right) -> FeeRule | None:
        r = RIGHTS[right] if isinstance(right, str) else right
        if r.family != "emission":
            return None
        t = self._need("emission_rules")
        b = self._rule(t, "fee.trade.buyer_rate")
        s = self._rule(t, "fee.trade.seller_rate")
        if b is None or s is None:
            return None
        return FeeRule(b.value, s.value, f"{b.ref};{s.ref}")

    def floor_applies(self, right: str | Right) -> bool:
        """True if the rules say trade prices of ``right`` must be at least the floor."""
        rid = right.id if isinstance(right, Right) else right
        return self._cached(("floor_applies", rid), lambda: self._floor_applies(rid))

    def _floor_applies(self, right: str | Right) -> bool:
        r = RIGHTS[right] if isinstance(right, str) else right
        if r.family != "emission":
            return False
        rule = self._rule(self._need("emission_rules"), "trade.price_at_least_floor")
        return rule is not None and rule.value == 1

    def lease(self, right: str | Right) -> LeaseRule:
        """Lease constraints for ``right``."""
        rid = right.id if isinstance(right, Right) else right
        return self._cached(("lease", rid), lambda: self._lease(rid))

    def _lease(self, right: str | Right) -> LeaseRule:
        r = RIGHTS[right] if isinstance(right, str) else right
        if r.family == "emission":
            t = self._need("emission_rules")
            cross = self._rule(t, "lease.cross_year_allowed")
            sub = self._rule(t, "lease.sublease_allowed")
            if cross is not None and sub is not None:
                return LeaseRule(cross.value == 1, sub.value == 1, cross.ref, sub.ref)
        why = "geep.trading: accounts are per vintage year and lessees never own leased rights"
        return LeaseRule(False, False, why, why)

    # --- carbon ----------------------------------------------------------------------
    def ccer_cap_share(self) -> RuleValue:
        """Share of the allowances to surrender that CCER may cover [dimensionless] (0.05)."""
        from ..errors import CoefficientNotFoundError

        ets = self._need("ets_rules")
        v = self._rule(ets, "ccer.offset_cap_share")
        if v is None:
            raise CoefficientNotFoundError(
                text("trading.err.no_ccer_cap", ref=ets.ref), table=ets.id, edition=ets.edition
            )
        return v

    def market_price(
        self, right: str | Right, as_of: dt.date | str | None = None
    ) -> RuleValue | None:
        """Latest reference ``close`` price of a carbon right on or before ``as_of`` [CNY/t CO₂e].

        CCER has only a reported range; its midpoint of the latest range on or before ``as_of`` is
        returned (``ref`` names both rows). ``None`` if there is no price for the right.
        """
        rid = right.id if isinstance(right, Right) else right
        inst = _INSTRUMENT.get(rid)
        if inst is None:
            return None
        t = self.carbon_prices
        f = t.frame[t.frame["instrument"] == inst]
        if as_of is not None:
            day = str(dt.date.fromisoformat(str(as_of)))
            f = f[f["date"] <= day]
        close = f[f["statistic"] == "close"].sort_values("date")
        if not close.empty:
            r = close.iloc[-1]
            key = (r["date"], inst, "close")
            return RuleValue(
                _dec(r["price"]), t.coefficient_ref(key), int(r["price_year"]), r["date"]
            )
        lo = f[f["statistic"] == "range_low"].sort_values("date")
        hi = f[f["statistic"] == "range_high"].sort_values("date")
        if lo.empty or hi.empty:
            return None
        a, b = lo.iloc[-1], hi[hi["date"] == lo.iloc[-1]["date"]]
        if b.empty:
            return None
        b = b.iloc[0]
        mid = (_dec(a["price"]) + _dec(b["price"])) / 2
        refs = ";".join(
            t.coefficient_ref((a["date"], inst, s)) for s in ("range_low", "range_high")
        )
        return RuleValue(mid, f"midpoint of {refs}", int(a["price_year"]), a["date"])

    def summary(self) -> list[dict[str, object]]:
        """One row per pinned table: ref, status, title, sha256 (for workbooks and reports)."""
        out: list[dict[str, object]] = []
        for role in ROLES:
            t = getattr(self, role)
            out.append(
                {"role": role, "table": t.ref, "status": t.status, "title": t.meta.title.en,
                 "sha256": t.sha256} if t is not None else
                {"role": role, "table": "", "status": "missing", "title": self.missing[role],
                 "sha256": ""}
            )  # fmt: skip
        return out
