"""Errors raised by geep.

Every error subclasses :class:`GeepError` *and* a builtin (``ValueError``, ``KeyError``,
...), so callers can catch either. Errors carry structured location fields (file, sheet,
cell, table, edition, row, column), render a message that says what is wrong, where, and how
to fix it, and pickle cleanly (for process pools and Dask workers).

Message texts live in :mod:`geep.messages`. A message or hint given as a
:class:`~geep.messages.Text` is rendered when the error is displayed, in the language active
then (an error raised in a worker shows in the language the user asked for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .messages import Text

_LOCATION_FIELDS = ("file", "sheet", "cell", "table", "edition", "row", "column")


class GeepError(Exception):
    """Base class of all geep errors.

    Parameters
    ----------
    message
        What is wrong.
    hint
        How to fix it.
    **location
        Any of ``file, sheet, cell, table, edition, row, column`` (and extra fields).
    """

    def __init__(
        self, message: str | Text = "", *, hint: str | Text | None = None, **location: Any
    ) -> None:
        super().__init__(message)
        self._message = message
        self._hint = hint
        for name in _LOCATION_FIELDS:
            setattr(self, name, location.pop(name, None))
        self.extra = location

    @property
    def message(self) -> str:
        """What is wrong, in the active language."""
        return str(self._message)

    @message.setter
    def message(self, value: str | Text) -> None:
        self._message = value

    @property
    def hint(self) -> str | None:
        """How to fix it, in the active language (or ``None``)."""
        return None if self._hint is None else str(self._hint)

    @hint.setter
    def hint(self, value: str | Text | None) -> None:
        self._hint = value

    def render(self, lang: str | None = None) -> str:
        """The full message in ``lang`` (default: the active language)."""
        from .messages import language_scope

        with language_scope(lang):
            return str(self)

    @property
    def where(self) -> str:
        """Human-readable location, e.g. ``data.xlsx!land_cover!C7`` or ``table.csv row 4``."""
        parts: list[str] = []
        if self.file:
            parts.append(str(self.file))
        if self.sheet:
            parts.append(f"!{self.sheet}" if parts else str(self.sheet))
        if self.cell:
            parts.append(f"!{self.cell}")
        s = "".join(parts)
        if self.table and not self.file:
            s = f"{self.table}@{self.edition}" if self.edition else str(self.table)
        if self.row is not None and not self.cell:
            s += f"{' ' if s else ''}row {self.row}"
        if self.column and not self.cell:
            s += f"{', ' if s else ''}column {self.column!r}"
        return s

    def __str__(self) -> str:
        where = self.where
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" — {self.hint}"
        return text

    def __reduce__(self):  # pickles with all structured fields
        return (_rebuild, (self.__class__, self._message, self.__dict__))


def _rebuild(cls: type[GeepError], message: str | Text, state: dict[str, Any]) -> GeepError:
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class UnitError(GeepError, ValueError):
    """A unit string could not be understood."""


class DimensionalityMismatchError(GeepError, ValueError):
    """A quantity has the wrong physical dimension (e.g. a volume where an area is needed)."""


class CoefficientTableError(GeepError, ValueError):
    """A coefficient table or its metadata is invalid (with file, row and column)."""


class TableNotFoundError(GeepError, KeyError):
    """No coefficient table (or profile) of that name."""


class EditionNotFoundError(GeepError, KeyError):
    """The table exists but not the requested edition; ``available`` lists the editions."""


class TamperedEditionError(GeepError, ValueError):
    """A released edition's content no longer matches its recorded hash."""


class CoefficientNotFoundError(GeepError, KeyError):
    """A coefficient row needed by a computation is not in the table."""


class InputError(GeepError, ValueError):
    """An input table is invalid. ``report`` (if set) lists every problem found."""


class PriceYearError(GeepError, ValueError):
    """Money values with different price years were combined without explicit conversion."""


class MethodError(GeepError, ValueError):
    """A calculation was asked for something the method cannot do (bad option, missing data)."""


class TradingError(GeepError, ValueError):
    """A rights-trading transaction was refused; the journal is unchanged.

    ``extra["transaction"]`` holds the transaction id, ``row`` the journal row (if known).
    """


class UnknownRightError(TradingError):
    """A transaction names a right that geep.trading does not know."""


class UnknownHolderError(TradingError):
    """A transaction names a holder that is not registered in the journal."""


class BelowFloorPriceError(TradingError):
    """A trade price is below the floor (base) price of the rules in force."""


class InsufficientBalanceError(TradingError):
    """A transaction would move more than the available balance of an account."""


class LeaseRuleError(TradingError):
    """A lease breaks a lease rule (annual only, no year-crossing)."""


class SubLeaseError(LeaseRuleError):
    """A lease would lease out leased-in rights (sub-lease is not allowed)."""


class SchemeError(GeepError, ValueError):
    """A compensation scheme is invalid, or a parameter it needs has no value."""
