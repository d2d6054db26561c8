"""``geep coefficients list | show ID[@ED] | diff ID@A ID@B | lock [ROOT] | profiles``.

``list`` and ``profiles`` show every usable edition and name every edition of a user folder
that was set aside (exit 1 when there is one); ``lock`` records newly released editions and
refuses changed ones (:func:`geep.coefficients.update_lock`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import coefficients as C
from ..messages import label, language, msg
from ._output import emit_frame, emit_json, for_reader, say

_EXAMPLES = (
    "\n  geep coefficients list\n  geep coefficients list --format csv > catalogue.csv\n"
    "  geep coefficients show gep-parameters@garze-2010\n"
    "  geep coefficients diff costanza-unit-values@1997 costanza-unit-values@2014\n"
    "  geep coefficients profiles\n  geep coefficients lock my-catalogue"
)
LIST_COLUMNS = ["table", "edition", "status", "kind", "price_year", "rows", "published",
                "derived", "secondary", "unverified", "title"]  # fmt: skip


def add_parser(sub) -> None:
    p = sub.add_parser(
        "coefficients",
        epilog=msg("catalogue.cli.examples") + _EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help=msg("catalogue.cli.help"),
        description=msg("catalogue.cli.description"),
    )
    p.add_argument("--path", action="append", default=[], metavar="DIR",
                   help=msg("catalogue.cli.arg_path"))  # fmt: skip
    s = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    fmt = {"choices": ("table", "csv", "json"), "default": "table",
           "help": msg("catalogue.cli.arg_format")}  # fmt: skip
    s.add_parser("list", help=msg("catalogue.cli.list_help")).add_argument("--format", **fmt)
    sh = s.add_parser("show", help=msg("catalogue.cli.show_help"))
    sh.add_argument("ref", metavar="ID[@EDITION]")
    sh.add_argument("--format", **fmt)
    df = s.add_parser("diff", help=msg("catalogue.cli.diff_help"))
    df.add_argument("a", metavar="ID@A")
    df.add_argument("b", metavar="ID@B")
    df.add_argument("--format", **fmt)
    lk = s.add_parser("lock", help=msg("catalogue.cli.lock_help"))
    lk.add_argument("root", nargs="?", type=Path, help=msg("catalogue.cli.lock_root"))
    s.add_parser("profiles", help=msg("catalogue.cli.profiles_help")).add_argument(
        "--format", **fmt
    )
    p.set_defaults(func=run)


def _invalid(errors) -> int:
    """Print the editions that were set aside (stderr); 1 if there are any."""
    from ..coefficients.catalog import mark_shown

    for err in errors:
        print(msg("catalogue.cli.invalid", error=err), file=sys.stderr)
    mark_shown(errors)
    return 1 if errors else 0


def _list(args: argparse.Namespace, paths) -> int:
    cat = C.catalog(paths)
    if len(cat) and args.format == "table":
        shown = cat.assign(title=_title_in_language(cat["title"], cat["title_zh"]))[LIST_COLUMNS]
        emit_frame(_for_reader(shown), "table", title=msg("catalogue.cli.title_list"))
    elif len(cat):
        emit_frame(cat, args.format, title=msg("catalogue.cli.title_list"))
    return _invalid(cat.attrs.get("invalid", []))


def _title_in_language(en, zh):
    """Titles in the reader's language (the Chinese title under zh where there is one)."""
    if language() != "zh":
        return en
    return zh.where(zh.astype(object).fillna("").astype(str).str.strip() != "", en)


def _for_reader(frame):
    """A catalogue listing for a terminal in the reader's language."""
    return for_reader(frame, "catalogue.col", labels={"status": "status", "kind": "table_kind"})


def _profiles(args: argparse.Namespace, paths) -> int:
    import pandas as pd

    rows = []
    for name in C.profiles(paths):
        p = C.load_profile(name, paths)
        rows.append({"profile": name, "status": p.status, "method": p.method,
                     "tables": "; ".join(f"{k}={v}" for k, v in p.tables.items()),
                     "title": p.title.en, "title_zh": p.title.zh})  # fmt: skip
    if rows and args.format == "table":
        f = pd.DataFrame(rows)
        f = f.assign(title=_title_in_language(f["title"], f["title_zh"])).drop(columns="title_zh")
        emit_frame(_for_reader(f), "table", title=msg("catalogue.cli.title_profiles"))
    elif rows:
        emit_frame(pd.DataFrame(rows), args.format, title=msg("catalogue.cli.title_profiles"))
    return _invalid(C.invalid_editions("profile", paths))


def _show(args: argparse.Namespace, paths) -> int:
    t = C.load(args.ref, paths=paths)
    if args.format == "json":
        emit_json({"meta": t.meta.model_dump(mode="json"), "sha256": t.sha256,
                   "rows": t.frame.to_dict(orient="records")})  # fmt: skip
        return 0
    if args.format == "csv":
        emit_frame(t.frame, "csv")
        return 0
    m = t.meta
    zh = language() == "zh"
    title = f"{m.title.zh} / {m.title.en}" if zh and m.title.zh else f"{m.title.en} / {m.title.zh}"
    say(args, msg("catalogue.cli.show_head", ref=t.ref, status=label("status", m.status),
                  title=title))  # fmt: skip
    say(args, msg("catalogue.cli.show_who", kind=label("table_kind", m.kind),
                  jurisdiction=m.jurisdiction, publisher=m.publisher))  # fmt: skip
    say(args, msg("catalogue.cli.show_valid", valid_from=m.valid_from, valid_to=m.valid_to or "",
                  price_year=m.price_year or "—", sha256=t.sha256))  # fmt: skip
    if m.derived_from:
        say(args, msg("catalogue.cli.show_derived", base=m.derived_from, provenance=m.provenance))
    counts = "、" if zh else ", "
    counts = counts.join(f"{label('evidence', k)} {n}" for k, n in t.evidence_counts.items())
    say(args, msg("catalogue.cli.show_evidence", counts=counts))
    say(args, "\n" + m.description.strip())
    say(args, "\n" + msg("catalogue.cli.show_sources"))
    for k, v in m.sources.items():
        say(args, f"  {k}: {v}")
    say(args, "\n" + msg("catalogue.cli.show_columns"))
    for k, spec in m.columns.items():
        unit = spec.unit or (msg("catalogue.cli.unit_from", column=spec.unit_from)
                             if spec.unit_from else "")  # fmt: skip
        say(args, f"  {k} ({spec.dtype}{', ' + unit if unit else ''}): {spec.description}")
    emit_frame(t.frame, "table", title=t.ref)
    return 0


def _diff(args: argparse.Namespace, paths) -> int:
    d = C.diff(C.load(args.a, paths=paths), C.load(args.b, paths=paths))
    if args.format != "table":
        emit_frame(d.changed, args.format)
        return 0
    say(args, repr(d))
    for field, old, new in d.meta:
        say(args, msg("catalogue.cli.diff_meta", field=field, old=repr(str(old)[:70]),
                      new=repr(str(new)[:70])))  # fmt: skip
    if not d.added.empty:
        emit_frame(d.added, "table", title=msg("catalogue.cli.diff_added", ref=d.b))
    if not d.removed.empty:
        emit_frame(d.removed, "table", title=msg("catalogue.cli.diff_removed", ref=d.b))
    if not d.changed.empty:
        emit_frame(d.changed, "table", title=msg("catalogue.cli.diff_changed"))
    return 0


def _check_scheme(folder: Path) -> None:
    """Full validation of a scheme edition before it is locked (no LOCK check)."""
    from ..compensation.schemes import validate_folder

    validate_folder(folder)


def _lock(args: argparse.Namespace, paths) -> int:
    done = C.update_lock(args.root or C.shipped_root(), check=_check_scheme)
    C.clear_cache()
    say(args, msg("catalogue.cli.locked", path=done.path, n=len(done.released),
                  added=len(done.added)))  # fmt: skip
    for ref in done.added:
        say(args, msg("catalogue.cli.locked_new", ref=ref))
    return 0


_ACTIONS = {"list": _list, "profiles": _profiles, "show": _show, "diff": _diff, "lock": _lock}


def run(args: argparse.Namespace) -> int:
    return _ACTIONS[args.action](args, args.path or None)
