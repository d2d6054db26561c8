"""merge_meta: a merged ledger states the evidence of every part, not only the first's."""

from __future__ import annotations

from geep.ledger_frame import merge_meta


def _meta(refs: dict[str, str], status: str = "released") -> dict:
    coefficients = [{"ref": r, "evidence": e} for r, e in refs.items()]
    counts: dict[str, int] = {}
    for e in refs.values():
        counts[e] = counts.get(e, 0) + 1
    return {"coefficients": coefficients, "evidence": counts, "status": status}


def test_coefficients_are_united_and_evidence_recounted():
    a = _meta({"t@1#x": "published", "t@1#y": "unverified"})
    b = _meta({"t@1#y": "unverified", "u@2#z": "secondary"}, status="provisional")
    out = merge_meta([a, b])
    assert [c["ref"] for c in out["coefficients"]] == ["t@1#x", "t@1#y", "u@2#z"]
    # t@1#y is used by both ledgers and counted once
    assert out["evidence"] == {"published": 1, "secondary": 1, "unverified": 1}
    assert out["status"] == "provisional"


def test_one_meta_with_coefficients_is_kept_as_it_is():
    a = _meta({"t@1#x": "published"})
    out = merge_meta([a, {"warnings": ["w"]}])
    assert out["evidence"] == {"published": 1}
    assert out["coefficients"] == a["coefficients"]


def test_counts_without_records_are_not_redone():
    a = _meta({"t@1#x": "published"})
    b = _meta({"u@1#y": "derived"})
    c = {"evidence": {"unverified": 4}}  # counts, but no records to recount them from
    out = merge_meta([a, b, c])
    assert out["evidence"] == {"published": 1}  # first wins, as before
