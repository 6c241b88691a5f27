"""Spelling suggestions: a query whose words the records do not have, corrected from the
records' own words."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import query as q
from ..catalog import Catalog
from ..index import Snapshot, Suggestion, surface_form


def suggestion(
    snapshot: Snapshot, catalog: Catalog, ids: Mapping[int, str], node: q.Node | None, text: str
) -> str | None:
    """The query ``text`` with each word the index does not know replaced by a near one it
    does, spelled as a record spells it; None when there is nothing to correct."""
    corrected = text
    for leaf in q.positive_leaves(node):
        if not isinstance(leaf, q.Word) or leaf.field != "content":
            continue
        found = snapshot.suggest(leaf.text)
        if found is None:
            continue
        word = _as_written(catalog, ids, found) or found.term
        pattern = re.compile(rf"(?<![\w:]){re.escape(leaf.text)}(?!\w)", re.I)
        corrected = pattern.sub(word, corrected, count=1)
    return corrected if corrected != text else None


def _as_written(catalog: Catalog, ids: Mapping[int, str], found: Suggestion) -> str | None:
    """The suggested term as written on a page of one of the documents holding it."""
    for docnum in found.examples:
        for page in catalog.pages(ids.get(docnum, "")):
            word = surface_form(page.text, found.term)
            if word:
                return word
    return None
