"""Chinese texts of the notes of a scheme edition kept beside its folder, outside its hash.

A released edition is immutable (its folder hash is in ``LOCK``), yet its notes are shown to
Chinese readers. A translation is not content: the Chinese notes of edition ``<edition>`` of
scheme ``<id>`` may be written in ``schemes/<id>/<edition>.zh.yaml`` (next to the edition
folder, so not part of the hashed files)::

    parties: {party-id: 中文说明}
    sections: {SECTION-ID: 中文说明}
    parameters: {parameter.name: 中文说明}
    components: {component-id: 中文说明}
    fund: 中文说明
    settlement: 中文说明

Each text becomes the ``note_zh`` of an item that has an English ``note`` and no ``note_zh``
of its own (a ``note_zh`` written in ``scheme.yaml`` wins). An entry naming no such item is an
error, so a translation never floats free of the note it translates.

References
----------
DESIGN §3 (a released edition is immutable; changing values means a new edition).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..coefficients.yamlsafe import read_yaml
from ..errors import SchemeError
from ..messages import text
from .model import SchemeDoc

#: list-valued parts of a scheme (items found by ``id``) and mapping-valued ones (by key)
_LISTS = ("parties", "sections", "components")
_SINGLE = ("fund", "settlement")


def notes_file(folder: Path) -> Path:
    """``schemes/<id>/<edition>.zh.yaml`` of the edition folder ``schemes/<id>/<edition>``."""
    return folder.parent / f"{folder.name}.zh.yaml"


def with_notes_zh(doc: SchemeDoc, path: Path) -> SchemeDoc:
    """``doc`` with the Chinese notes of ``path`` (unchanged when there is no such file).

    Raises
    ------
    SchemeError
        The file is not a mapping of the parts above, or names an item without a note.
    """
    if not path.is_file():
        return doc
    data = read_yaml(path, SchemeError)
    unknown = sorted(set(data) - {*_LISTS, "parameters", *_SINGLE})
    bad: list[str] = [f"{k} (not a part of a scheme)" for k in unknown]
    update: dict[str, Any] = {}
    for part in _LISTS:
        items, miss = _items(getattr(doc, part), data.get(part) or {}, lambda x: x.id)
        update[part], bad = items, bad + [f"{part}.{m}" for m in miss]
    params, miss = _params(doc, data.get("parameters") or {})
    update["parameters"], bad = params, bad + [f"parameters.{m}" for m in miss]
    for part in _SINGLE:
        if part in data:
            item = getattr(doc, part)
            if not item.note:
                bad.append(part)
            elif not item.note_zh:
                update[part] = item.model_copy(update={"note_zh": str(data[part])})
    if bad:
        raise SchemeError(text("comp.err.notes_zh", ref=doc.ref, items=", ".join(bad)),
                          file=str(path), hint=text("hint.comp.err.notes_zh"))  # fmt: skip
    return doc.model_copy(update=update)


def _items(items: list, given: dict, key) -> tuple[list, list[str]]:
    found = {key(x) for x in items if x.note}
    out = [
        x.model_copy(update={"note_zh": str(given[key(x)])})
        if key(x) in given and x.note and not x.note_zh
        else x
        for x in items
    ]
    return out, sorted(str(k) for k in given if k not in found)


def _params(doc: SchemeDoc, given: dict) -> tuple[dict, list[str]]:
    out = dict(doc.parameters)
    for name, zh in given.items():
        p = out.get(name)
        if p is not None and p.note and not p.note_zh:
            out[name] = p.model_copy(update={"note_zh": str(zh)})
    miss = sorted(str(k) for k in given if not (k in out and out[k].note))
    return out, miss


__all__ = ["notes_file", "with_notes_zh"]
