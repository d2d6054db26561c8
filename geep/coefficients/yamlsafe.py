"""Reading catalogue files safely: UTF-8 only (other encodings named), bounded YAML.

Catalogue files (``table.yaml``, ``table.csv``, ``profiles/*.yaml``, ``scheme.yaml``) come from
user folders as well as from geep, so none of them is trusted:

* the bytes must be UTF-8 (a BOM is allowed): a file saved as GB18030, GBK, Big5 or UTF-16 is
  refused with the encoding named, because the hash of a released edition is a hash of bytes
  and must mean the same text everywhere;
* YAML is parsed with the safe loader (no object tags), but an alias (``*a``) repeats its
  anchor's whole content, so a 1 kB file can stand for 10⁹ nodes (a "billion laughs" bomb).
  The document is composed first (aliases are shared references, cheap), its *expanded* node
  count is computed over the composed graph (linear in its distinct nodes, stopping at the
  limit), and only a document within :data:`MAX_NODES` is constructed; recursive aliases are
  refused too;
* impossible dates (``2024-13-45``) and keys given twice in one mapping are errors with their
  line, never a crash or a silent choice.

References
----------
YAML 1.1 §3.2.2.2 (anchors and aliases); CVE-2003-1564 ("billion laughs", the XML original).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import GeepError
from ..messages import text
from ..text_encoding import UTF8_LABELS, sniff

#: largest catalogue YAML file read [bytes]
MAX_YAML_BYTES = 2 * 2**20
#: largest number of nodes a YAML document may stand for once its aliases are expanded
MAX_NODES = 200_000

#: iconv's names of the encodings a catalogue file may be found in
_ICONV = {"GB18030/GBK": "GB18030", "GB18030": "GB18030", "GBK": "GBK", "Big5": "BIG5",
          "Big5-HKSCS": "BIG5-HKSCS", "UTF-16": "UTF-16", "UTF-16 LE (no BOM)": "UTF-16LE",
          "UTF-16 BE (no BOM)": "UTF-16BE"}  # fmt: skip

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """libyaml's safe loader (when available) with strict dates."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        problem = text("catalogue.yaml_date", value=node.value, reason=str(exc))
        raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def decode_text(data: bytes, file: str | Path, error: type[GeepError]) -> str:
    """The text of a catalogue file's bytes (UTF-8, BOM removed).

    Raises
    ------
    error
        The bytes are not UTF-8; the message names the encoding they look like.
    """
    try:
        out = data.decode("utf-8")
    except UnicodeDecodeError:
        out = None
    if out is not None and "\x00" not in out:
        return out.removeprefix("\ufeff")
    found = sniff(data)
    if found.label in UTF8_LABELS and found.codec is not None:
        return data.decode(found.codec)
    label = _legacy_label(data, found.label)
    if found.mixed_line is not None:
        what = text("catalogue.mixed_encoding", line=found.mixed_line)
    elif label is not None:
        what = text("catalogue.encoding_is", encoding=label)
    else:
        what = text("catalogue.encoding_unknown")
    iconv = _ICONV.get(label or "", "GB18030")
    raise error(text("catalogue.not_utf8", what=what), file=str(file),
                hint=text("hint.catalogue.not_utf8", encoding=iconv))  # fmt: skip


def _legacy_label(data: bytes, label: str | None) -> str | None:
    """The legacy encoding to name. Short files fool statistical detection (a few hanzi in
    GB18030 pass for Big5), so bytes that are all EUC-CN pairs (GB 2312, the core of GBK and
    GB18030; Big5 text rarely is: half its second bytes are below 0xA1) name the GB family."""
    if (label is not None and not label.startswith(("GB", "Big5"))) or b"\x00" in data:
        return label
    if label == "GB18030":  # characters beyond GBK: GB18030 itself
        return label
    try:
        data.decode("gb2312")
    except UnicodeDecodeError:
        return "GB18030/GBK" if label == "GBK" else label
    return "GB18030/GBK"


def read_yaml(path: Path, error: type[GeepError], data: bytes | None = None) -> dict[str, Any]:
    """The mapping in the YAML file ``path`` (or in its bytes ``data``), read safely.

    Raises
    ------
    error
        Not UTF-8 (the encoding named), too large, invalid YAML (line and source quoted), an
        impossible date, a key given twice, an alias expansion beyond :data:`MAX_NODES`, or
        not a mapping.
    """
    raw = path.read_bytes() if data is None else data
    if len(raw) > MAX_YAML_BYTES:
        raise error(text("catalogue.yaml_too_large", size=len(raw), limit=MAX_YAML_BYTES),
                    file=str(path), hint=text("hint.catalogue.yaml_size"))  # fmt: skip
    source = decode_text(raw, path, error)
    try:
        doc = _load(source)
    except yaml.YAMLError as exc:
        raise error(text("catalogue.yaml_invalid", problem=_problem(exc, source)),
                    file=str(path), hint=text("hint.catalogue.yaml")) from exc  # fmt: skip
    except _TooLarge:
        raise error(text("catalogue.yaml_bomb", limit=MAX_NODES),
                    file=str(path), hint=text("hint.catalogue.yaml_bomb")) from None  # fmt: skip
    except _Recursive as exc:
        raise error(text("catalogue.yaml_recursive", line=exc.line), file=str(path),
                    hint=text("hint.catalogue.yaml_bomb")) from None  # fmt: skip
    except _Duplicate as exc:
        raise error(text("catalogue.yaml_duplicate_key", key=exc.key, first=exc.first,
                         line=exc.line), file=str(path),
                    hint=text("hint.catalogue.yaml_duplicate_key")) from None  # fmt: skip
    except RecursionError:  # pure-Python parser on absurd nesting (libyaml stops at 1000)
        raise error(text("catalogue.yaml_bomb", limit=MAX_NODES),
                    file=str(path), hint=text("hint.catalogue.yaml_bomb")) from None  # fmt: skip
    if not isinstance(doc, dict):
        raise error(text("catalogue.yaml_not_mapping", name=path.name), file=str(path))
    return doc


def _load(source: str) -> Any:
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


class _TooLarge(Exception):
    pass


class _Recursive(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Duplicate(Exception):
    def __init__(self, key: str, first: int, line: int) -> None:
        self.key, self.first, self.line = key, first, line


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        out: list[yaml.Node] = []
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
                if k.value in seen:
                    raise _Duplicate(k.value, seen[k.value], k.start_mark.line + 1)
                seen[k.value] = k.start_mark.line + 1
            out += (k, v)
        return out
    return []


def check_expansion(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """Number of nodes ``root`` stands for with every alias expanded (at most ``limit``).

    A post-order walk over the composed graph: each distinct node is sized once (shared
    nodes — the targets of aliases — are counted as often as they are referred to, without
    being visited again), so the cost is linear in the document, not in its expansion.

    Raises
    ------
    _TooLarge, _Recursive, _Duplicate
        Turned into the caller's error by :func:`read_yaml`.
    """
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, list[yaml.Node] | None]] = [(root, None)]
    while stack:
        node, kids = stack.pop()
        nid = id(node)
        if kids is not None:  # every child is sized: size this node
            total = 1 + sum(sizes[id(c)] for c in kids)
            if total > limit:
                raise _TooLarge()
            sizes[nid] = total
            on_path.discard(nid)
            continue
        if nid in sizes:
            continue
        kids = _children(node)
        on_path.add(nid)
        stack.append((node, kids))
        for child in kids:
            cid = id(child)
            if cid in on_path:
                raise _Recursive(child.start_mark.line + 1)
            if cid not in sizes:
                stack.append((child, None))
    return sizes[id(root)]


def _problem(exc: yaml.YAMLError, source: str) -> Any:
    """The YAML error with its line and that line's text."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return problem
    lines = source.splitlines()
    quoted = lines[mark.line].strip() if 0 <= mark.line < len(lines) else ""
    if not quoted:  # the end of the file, or an empty line
        return text("catalogue.yaml_at", line=mark.line + 1, problem=problem)
    return text("catalogue.yaml_line", line=mark.line + 1, source=quoted[:80], problem=problem)


__all__ = ["MAX_NODES", "MAX_YAML_BYTES", "check_expansion", "decode_text", "read_yaml"]
