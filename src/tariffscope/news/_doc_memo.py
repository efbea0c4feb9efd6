"""Values several components derive from the same document's words, computed once per document.

The tariffscope components run after the model and none of them changes the tokens, so what
depends on the words alone (not on another component's annotations) can be computed once for a
document and shared: the gazetteer's place names of its words, for instance, which the event and
measure components both count. The values are kept for the last few documents, by identity (a
weak reference tells a document from a later one at the same address), and hold no token, so
they keep no document alive. Nothing is stored on the document: its ``user_data`` stays plain
data that ``to_bytes`` and ``copy`` carry.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

__all__ = ["doc_memo"]

T = TypeVar("T")

_KEPT: OrderedDict[int, tuple[weakref.ref[Doc], int, dict[tuple[Any, ...], Any]]] = OrderedDict()
_KEPT_DOCS = 8  # more than a batch of nlp.pipe between two components (batch_size 4)


def doc_memo(doc: Doc, name: str, compute: Callable[[], T], *deps: object) -> T:
    """``compute()`` for ``doc``, computed once per document and ``deps`` (objects the value
    depends on besides the words, compared by identity, such as the lexicon).

    ``compute`` must depend on the document's tokens and parse alone and return a value its
    callers do not change (a tuple)."""
    key = id(doc)
    kept = _KEPT.get(key)
    if kept is None or kept[0]() is not doc or kept[1] != len(doc):
        kept = _KEPT[key] = (weakref.ref(doc), len(doc), {})
        while len(_KEPT) > _KEPT_DOCS:
            _KEPT.popitem(last=False)
    else:
        _KEPT.move_to_end(key)
    values = kept[2]
    slot = (name, *map(id, deps))
    hit = values.get(slot)
    if hit is not None and all(a is b for a, b in zip(hit[0], deps, strict=True)):
        return hit[1]  # type: ignore[no-any-return]
    value = compute()
    values[slot] = (deps, value)
    return value
