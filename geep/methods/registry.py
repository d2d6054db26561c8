"""The methods registry: one record per method family.

A method is ``resolve`` (the only step that touches the coefficient catalogue) → a pure,
picklable ``kernel`` → the shared :func:`geep.methods.assemble.assemble` that builds the Ledger.
The record says which input tables the method needs, its account, default profile, the roles
its profile must fill and the options it understands; the command line (``geep run --method``)
and the pipeline that runs "every method the inputs allow" are derived from it.

Adding a method family is one module and one :func:`register` call (see docs/contributing.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import MethodError
from ..messages import did_you_mean, text


@dataclass(frozen=True)
class Option:
    """An option of a method: default, allowed values (``None``: any) and a description."""

    default: Any = None
    choices: tuple[Any, ...] | None = None
    doc: str = ""


@dataclass(frozen=True)
class Method:
    """A registered method family.

    Attributes
    ----------
    name
        Registry key and ``geep run --method`` choice (``esv``, ``gep``, ``bt``, ``geep`` …).
    account
        Ledger ``account`` of its lines (``ESV``, ``GEP``, ``BT``, ``GEEP`` …).
    requires
        Input tables it needs; each entry is a table name or a tuple of alternatives
        (``("quantities", "drivers")``: either will do).
    default_profile
        Profile used when none is named (``None``: the method needs no profile).
    roles
        Roles its profile provides (``factors``, ``parameters``, ``price_index`` …).
    options
        Options it understands, with defaults.
    resolve
        ``resolve(profile, tables, options, price_year, overrides) -> Resolved``.
    kernel
        ``kernel(tables, resolved) -> KernelResult`` — pure.
    depends
        Methods whose ledgers this one consumes (``geep`` consumes ``gep``).
    accepts
        ``accepts(tables) -> bool``: whether the present tables suit the method (e.g. ESV
        needs geep land classes, not benefit-transfer biomes); default: ``requires`` only.
    title
        Message code of its name.
    order
        Position in "run every method" (dependencies first).
    price_years
        Whether the method reports at a chosen price year (benefit transfer keeps the source's).
    prepare
        ``prepare(inputs, options, first_table) -> (tables, names, sources, notes)``: how the
        inputs become the kernel's tables when an option changes that (a per-run class map);
        default: the input tables as they are.
    """

    name: str
    account: str
    requires: tuple[str | tuple[str, ...], ...]
    default_profile: str | None
    roles: tuple[str, ...]
    resolve: Callable[..., Any]
    kernel: Callable[..., Any]
    options: Mapping[str, Option] = field(default_factory=dict)
    depends: tuple[str, ...] = ()
    accepts: Callable[[Mapping[str, Any]], bool] | None = None
    title: str = ""
    order: int = 100
    price_years: bool = True
    prepare: Callable[..., Any] | None = None

    def has_inputs(self, tables: Mapping[str, Any]) -> bool:
        """True if ``tables`` (name → frame) hold what the method needs."""

        def present(name: str) -> bool:
            t = tables.get(name)
            return t is not None and len(t) > 0

        for need in self.requires:
            alts = (need,) if isinstance(need, str) else need
            if not any(present(a) for a in alts):
                return False
        return self.accepts(tables) if self.accepts is not None else True

    def missing(self, tables: Mapping[str, Any]) -> list[str]:
        """Required tables (or alternatives, joined by ``|``) that ``tables`` lack."""
        out = []
        for need in self.requires:
            alts = (need,) if isinstance(need, str) else need
            if not any(tables.get(a) is not None and len(tables[a]) > 0 for a in alts):
                out.append("|".join(alts))
        return out


REGISTRY: dict[str, Method] = {}


def register(method: Method, *, replace: bool = False) -> Method:
    """Add ``method`` to :data:`REGISTRY` (``replace=True`` to redefine a name)."""
    if method.name in REGISTRY and not replace:
        raise MethodError(text("method.registered_twice", name=method.name))
    REGISTRY[method.name] = method
    return method


def unregister(name: str) -> None:
    """Remove a method (tests register toy methods and remove them again)."""
    REGISTRY.pop(name, None)


def get(name: str) -> Method:
    """The method record ``name``; an unknown name is an error with suggestions."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise MethodError(
            text("method.unknown", name=name, suggestion=did_you_mean(name, list(REGISTRY))),
            hint=text("method.hint_known", names=", ".join(names())),
        ) from None


def names() -> list[str]:
    """Registered method names in run order."""
    return [m.name for m in sorted(REGISTRY.values(), key=lambda m: (m.order, m.name))]


def merged_options(method: Method, profile_options: Mapping[str, Any] | None,
                   options: Mapping[str, Any] | None) -> dict[str, Any]:  # fmt: skip
    """Defaults ← profile options ← caller options; unknown caller options and values outside
    an option's choices are errors (profile files may carry documentary extra options)."""
    out = {k: o.default for k, o in method.options.items()}
    out.update(profile_options or {})
    for k, v in (options or {}).items():
        if k not in method.options:
            raise MethodError(
                text(
                    "method.unknown_option",
                    method=method.name,
                    option=k,
                    suggestion=did_you_mean(k, list(method.options)),
                ),
                hint=text("method.hint_options", options=", ".join(sorted(method.options))),
            )
        out[k] = v
    for k, o in method.options.items():
        if o.choices is not None and out.get(k) not in o.choices:
            raise MethodError(
                text(
                    "method.bad_choice",
                    method=method.name,
                    option=k,
                    value=repr(out.get(k)),
                    choices=", ".join(map(repr, o.choices)),
                ),
            )
    return out


__all__ = ["REGISTRY", "Method", "Option", "get", "merged_options", "names", "register"]
