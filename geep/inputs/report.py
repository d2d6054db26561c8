"""Validation reports: every problem of an input, each with its location."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd

from ..errors import InputError
from ..messages import text


@dataclass(frozen=True)
class Issue:
    """One problem (or note) found in an input.

    ``where`` is ``file!sheet!cell``, ``file:line`` or ``frame[row]``; ``severity`` is
    ``error`` (the input cannot be used), ``warning`` (used, but check it) or ``note``
    (accepted after a documented normalisation, e.g. a number stored as text).
    """

    table: str
    where: str
    column: str | None
    value: str | None
    problem: str
    hint: str = ""
    severity: str = "error"


@dataclass
class Report:
    """All issues found while reading and validating inputs."""

    issues: list[Issue] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # file → e.g. "sha256=…, encoding=gbk"

    def add(self, issue: Issue) -> None:
        self.issues.append(issue)

    def extend(self, issues: list[Issue]) -> None:
        self.issues.extend(issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def ok(self) -> bool:
        """True if there is no error (warnings and notes allowed)."""
        return not self.errors

    def to_frame(self) -> pd.DataFrame:
        cols = ["severity", "table", "where", "column", "value", "problem", "hint"]
        return pd.DataFrame([asdict(i) for i in self.issues], columns=cols)

    def __len__(self) -> int:
        return len(self.issues)

    def __str__(self) -> str:
        from ..messages import MESSAGES, msg

        if not self.issues:
            return msg("report.none")
        n_err = len(self.errors)
        lines = [msg("report.head", errors=n_err, others=len(self.issues) - n_err)]
        for i in self.issues:
            val = f" [{i.value}]" if i.value not in (None, "") else ""
            col = f" {i.column}" if i.column else ""
            hint = f" — {i.hint}" if i.hint else ""
            sev = (
                msg(f"severity.{i.severity}")
                if f"severity.{i.severity}" in MESSAGES
                else i.severity
            )
            lines.append(f"  {sev:7} {i.where}{col}{val}: {i.problem}{hint}")
        return "\n".join(lines)

    def raise_if_errors(self) -> None:
        """Raise :class:`InputValidationError` carrying this report if there are errors."""
        if not self.ok:
            raise InputValidationError(self)


class InputValidationError(InputError):
    """Inputs have errors; ``report`` lists every one with its location."""

    def __init__(self, report: Report | str = "", **kw) -> None:
        if isinstance(report, Report):
            first = report.errors[0] if report.errors else None
            super().__init__(
                str(report),
                hint=text("hint.fix_listed_cells"),
                cell=None,
                file=None,
            )
            self.report = report
            self.first = first
        else:
            super().__init__(report, **kw)
            self.report = Report()
