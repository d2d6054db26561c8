"""The sheets of an exported journal in the reader's language: sheet names, header rows, the
names of codes beside the codes, and the input-layout sheets as a Chinese reader fills them.

Under ``en`` every sheet keeps its machine names (one header row; tests and scripts read
them). Under ``zh``:

* the input-layout sheets (``holders``, ``transactions``, ``emissions``) take their Chinese
  names and Chinese headers in row 1 (:data:`~geep.trading.sheets.HOLDERS` ``.sheet_zh`` /
  ``.zh``) and write types, modes, holder kinds and rights by the Chinese names the journal
  reader accepts (as the zh template's drop-downs offer them), prices per ``元/<unit>``: the
  sheets read back with :func:`~geep.trading.io.read_journal` like a filled zh template;
* every other sheet has a Chinese header row over the machine names, and each code column
  (type, flow, leg, right, family, status …) keeps its codes with a column of their Chinese
  names beside it (``flow`` → ``flow_label``).

All names come from the message catalogue (``trading.*``).

References
----------
DESIGN §2 (nothing lost: the codes stay beside their names); issue 17 (Chinese throughout).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..messages import MESSAGES, msg
from .rights import RIGHTS
from .sheets import SHEETS

#: the sheets whose layout is the journal's input layout (read back, chained)
INPUT_SHEETS = ("holders", "transactions", "emissions")


def _named(prefix: str) -> Callable[[object], str]:
    def name(code: object) -> str:
        key = f"{prefix}.{code}"
        return msg(key) if key in MESSAGES else str(code)

    return name


def _right_name(code: object) -> str:
    r = RIGHTS.get(str(code))
    return str(code) if r is None else (r.zh if _zh() else r.en)


def _zh() -> bool:
    from ..messages import language

    return language() == "zh"


#: code column → (label column, kind of names)
LABELS: dict[str, tuple[str, Callable[[object], str]]] = {
    "type": ("type_label", _named("trading.type")),
    "mode": ("mode_label", _named("trading.mode")),
    "kind": ("kind_label", _named("trading.kind")),
    "holder_kind": ("holder_kind_label", _named("trading.kind")),
    "right": ("right_label", _right_name),
    "indicator": ("indicator_label", _right_name),
    "family": ("family_label", _named("trading.family")),
    "service": ("service_label", _named("trading.family")),
    "category": ("category_label", _named("trading.category")),
    "component": ("component_label", _named("trading.component")),
    "flow": ("flow_label", _named("trading.flow")),
    "leg": ("leg_label", _named("trading.leg")),
    "status": ("status_label", _named("trading.status")),
    "region_level": ("region_level_label", _named("trading.level")),
    "role": ("role_label", _named("trading.role")),
    "ok": ("ok_label", _named("trading.ok")),
}


def sheet_name(key: str, lang: str) -> str:
    """The title of sheet ``key`` (``positions``, ``holders`` …) in ``lang``."""
    if lang != "zh":
        return key
    if key in INPUT_SHEETS:
        return SHEETS[key].sheet_zh
    if key.startswith("positions_") and f"trading.xl.sheet.{key}" not in MESSAGES:
        return msg("trading.xl.sheet.positions_level", level=_named("trading.level")(key[10:]))
    return msg(f"trading.xl.sheet.{key}")


def _names_of(values: pd.Series, name: Callable[[object], str]) -> pd.Series:
    """The names of a column of codes (each distinct code looked up once); blanks stay blank."""
    codes = values.dropna().unique()
    table = {c: name(str(c)) for c in codes}
    return values.map(table).astype(object).where(values.notna(), None)


def with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the column of names beside each code column (:data:`LABELS`)."""
    out = frame.copy()
    for col in [c for c in frame.columns if c in LABELS]:
        label_col, name = LABELS[col]
        out.insert(list(out.columns).index(col) + 1, label_col, _names_of(frame[col], name))
    return out


def rules_frame(rules) -> pd.DataFrame:
    """The pinned rule tables (:meth:`~geep.trading.rules.Rules.summary`), titled in the
    active language."""
    from .rules import ROLES

    frame = pd.DataFrame(rules.summary())
    if _zh() and len(frame):
        zh = {t.ref: t.meta.title.zh for t in (getattr(rules, r) for r in ROLES) if t}
        frame["title"] = frame["table"].map(zh).fillna(frame["title"])
    return frame


def headers(columns, lang: str) -> tuple[list[str], list[str] | None]:
    """Header rows of a derived sheet: the Chinese names over the machine names under zh."""
    from ..io.writer import headers_for

    return headers_for(columns, lang, "trading.col")


#: columns of the input-layout sheets written by the Chinese names the reader accepts
_INPUT_NAMES = {"kind": "trading.kind", "type": "trading.type", "mode": "trading.mode"}


def input_frame(key: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """An input-layout sheet under zh: its frame with codes written by their Chinese names
    (rights by :attr:`~geep.trading.rights.Right.zh`, prices per ``元/<unit>``) and its Chinese
    header row (the fields' :attr:`~geep.trading.sheets.SheetSpec.zh`; ``value`` and
    ``reversed_by``, which the reader ignores, as 金额 and 被冲正)."""
    spec = SHEETS[key]
    out = frame.copy()
    for col in out.columns:
        if col in _INPUT_NAMES:
            out[col] = _names_of(out[col], _named(_INPUT_NAMES[col]))
        elif col == "right":
            out[col] = _names_of(out[col], lambda c: RIGHTS[c].zh)
        elif col == "price_unit":
            out[col] = out[col].map(lambda u: u.replace("CNY/", "元/", 1), na_action="ignore")
    extra = {"value": msg("trading.col.value_txn"), "reversed_by": msg("trading.col.reversed_by")}
    return out, [spec.zh.get(c) or extra.get(c, c) for c in out.columns]
