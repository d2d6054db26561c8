"""The problems of a pydantic ``ValidationError`` in words: what each field got wrong, and how
to fix the first one geep has advice for (catalogue metadata: tables, schemes, profiles)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..messages import Text, msg, text


def field_problems(exc: Any) -> str:
    """``"field: problem (value given); ..."`` of a pydantic ``ValidationError`` (the value
    when it is a short scalar: the field named is not enough to find a typo)."""
    out = []
    for e in exc.errors():
        where = ".".join(map(str, e["loc"])) or "(top)"
        given = e.get("input")
        shown = ""
        if isinstance(given, str | int | float | bool | dt.date) and len(repr(given)) <= 60:
            shown = " " + msg("catalogue.given", value=given)
        out.append(f"{where}: {e['msg']}{shown}")
    return "; ".join(out)


def field_hint(exc: Any) -> Text:
    """How to fix the first field of a pydantic ``ValidationError`` geep has advice for."""
    for e in exc.errors():
        name = str(e["loc"][0]) if e["loc"] else ""
        if name in ("valid_from", "valid_to"):
            return text("hint.catalogue.field_date", field=name)
        if name == "status":
            return text("hint.catalogue.field_status")
    return text("hint.catalogue.meta")


__all__ = ["field_hint", "field_problems"]
