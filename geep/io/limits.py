"""Safety limits of input files (:class:`Limits`), configurable per call and by the
environment variables ``GEEP_MAX_FILE_BYTES``, ``GEEP_MAX_UNCOMPRESSED_BYTES``,
``GEEP_MAX_CELLS`` and ``GEEP_MAX_MEMBERS``; every value is checked before use."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from ..errors import InputError
from ..messages import text


@dataclass(frozen=True)
class Limits:
    """Safety limits for input workbooks.

    Attributes
    ----------
    max_file_bytes
        Largest input file on disk [bytes].
    max_uncompressed_bytes
        Largest total uncompressed size of a workbook's members [bytes].
    max_cells
        Largest number of cells over all worksheets.
    max_members
        Largest number of archive members.
    """

    max_file_bytes: int = 512 * 1024**2
    max_uncompressed_bytes: int = 1024**3
    max_cells: int = 20_000_000
    max_members: int = 10_000

    @classmethod
    def from_env(cls, **overrides: int | None) -> Limits:
        """Defaults, overridden by ``GEEP_MAX_*`` variables, overridden by ``overrides``.

        Raises
        ------
        LimitError
            A variable or override is not a whole number between 1 and 2**62 (``abc``,
            ``inf``, ``1e400``, ``-5``, ``2.5`` are refused with a message naming it).
        """
        values: dict[str, int] = {}
        for name in ("max_file_bytes", "max_uncompressed_bytes", "max_cells", "max_members"):
            var = f"GEEP_{name.upper()}"
            env = os.environ.get(var)
            if env is not None and env.strip():
                values[name] = parse_limit(env, var, env=True)
            if overrides.get(name) is not None:
                values[name] = parse_limit(overrides[name], name)
        return cls(**values)


#: the largest limit accepted (anything larger is surely a typing slip)
MAX_LIMIT = 2**62


class LimitError(InputError):
    """A limit (environment variable or option) is not a usable count (a usage problem)."""


def parse_limit(value: object, name: str, env: bool = False) -> int:
    """``value`` as a whole number in ``[1, MAX_LIMIT]``; else :class:`LimitError` naming it."""
    try:
        number = float(str(value).strip().replace("_", ""))
        ok = math.isfinite(number) and number == int(number) and 1 <= number <= MAX_LIMIT
    except (ValueError, OverflowError):
        ok = False
    if not ok:
        code = "cli.bad_env" if env else "cli.bad_limit"
        raise LimitError(
            text(code, name=name, value=str(value), maximum=MAX_LIMIT), hint=text("cli.hint_env")
        )
    return int(number)
