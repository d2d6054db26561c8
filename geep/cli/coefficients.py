"""``geep coefficients list | show ID[@ED] | diff ID@A ID@B | lock``."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import coefficients as C
from ._output import emit_frame, emit_json, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "coefficients",
        epilog="examples:\n  geep coefficients list\n  geep coefficients list --format csv > catalogue.csv\n  geep coefficients show gep-parameters@garze-2010\n  geep coefficients diff costanza-unit-values@1997 costanza-unit-values@2014\n  geep coefficients profiles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="list, show and diff coefficient tables",
        description="Browse the versioned coefficient catalogue.",
    )
    p.add_argument(
        "--path",
        action="append",
        default=[],
        metavar="DIR",
        help="extra catalogue folder (repeatable; also GEEP_COEFFICIENTS_PATH)",
    )
    s = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="every table edition with status, price year, evidence")
    ls.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sh = s.add_parser("show", help="metadata, sources and rows of one edition")
    sh.add_argument("ref", metavar="ID[@EDITION]")
    sh.add_argument("--format", choices=("table", "csv", "json"), default="table")
    df = s.add_parser("diff", help="rows added, removed and changed between two editions")
    df.add_argument("a", metavar="ID@A")
    df.add_argument("b", metavar="ID@B")
    df.add_argument("--format", choices=("table", "csv", "json"), default="table")
    lk = s.add_parser("lock", help="(maintainers) record hashes of released editions in LOCK")
    lk.add_argument("root", nargs="?", type=Path, help="catalogue folder (default: shipped)")
    pr = s.add_parser("profiles", help="list profiles")
    pr.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = args.path or None
    if args.action == "list":
        cat = C.catalog(paths)
        cols = [
            "table",
            "edition",
            "status",
            "kind",
            "price_year",
            "rows",
            "published",
            "derived",
            "secondary",
            "unverified",
            "title",
        ]
        out = cat[cols] if args.format == "table" else cat
        emit_frame(out, args.format, title="geep coefficient catalogue")
        return 0
    if args.action == "profiles":
        rows = []
        for name in C.profiles(paths):
            p = C.load_profile(name, paths)
            rows.append(
                {
                    "profile": name,
                    "status": p.status,
                    "method": p.method,
                    "tables": "; ".join(f"{k}={v}" for k, v in p.tables.items()),
                    "title": p.title.en,
                }
            )
        import pandas as pd

        emit_frame(pd.DataFrame(rows), args.format, title="profiles")
        return 0
    if args.action == "show":
        t = C.load(args.ref, paths=paths)
        if args.format == "json":
            emit_json(
                {
                    "meta": t.meta.model_dump(mode="json"),
                    "sha256": t.sha256,
                    "rows": t.frame.to_dict(orient="records"),
                }
            )
            return 0
        if args.format == "csv":
            emit_frame(t.frame, "csv")
            return 0
        m = t.meta
        say(args, f"{t.ref}  [{m.status}]  {m.title.en} / {m.title.zh}")
        say(args, f"kind {m.kind}; jurisdiction {m.jurisdiction}; publisher {m.publisher}")
        say(
            args,
            f"valid {m.valid_from} .. {m.valid_to or ''}; price year {m.price_year}; "
            f"sha256 {t.sha256}",
        )
        if m.derived_from:
            say(args, f"derived from {m.derived_from}: {m.provenance}")
        say(args, f"evidence: {t.evidence_counts}")
        say(args, "\n" + m.description.strip())
        say(args, "\nsources:")
        for k, v in m.sources.items():
            say(args, f"  {k}: {v}")
        say(args, "\ncolumns:")
        for k, spec in m.columns.items():
            unit = spec.unit or (f"unit from {spec.unit_from!r}" if spec.unit_from else "")
            say(args, f"  {k} ({spec.dtype}{', ' + unit if unit else ''}): {spec.description}")
        emit_frame(t.frame, "table", title=t.ref)
        return 0
    if args.action == "diff":
        d = C.diff(C.load(args.a, paths=paths), C.load(args.b, paths=paths))
        if args.format != "table":
            emit_frame(d.changed, args.format)
            return 0
        say(args, repr(d))
        for field, old, new in d.meta:
            say(args, f"  metadata {field}: {str(old)[:70]!r} → {str(new)[:70]!r}")
        if not d.added.empty:
            emit_frame(d.added, "table", title=f"added in {d.b}")
        if not d.removed.empty:
            emit_frame(d.removed, "table", title=f"removed in {d.b}")
        if not d.changed.empty:
            emit_frame(d.changed, "table", title="changed cells")
        return 0
    if args.action == "lock":
        root = args.root or C.shipped_root()
        hashes = C.hashes_for(root)
        path = C.write_lock(root, hashes)
        C.clear_cache()
        say(args, f"wrote {path} ({len(hashes)} released editions)")
        return 0
    return 2
