"""Finding agencies in the pages of one document: matches of the gazetteer's names, names
shared by several agencies resolved by what the document says, and abbreviations the
document defines."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ...data import STATES
from ._gazetteer import AgencyMention, gazetteer, unplaced
from ._jurisdiction import with_bodies
from ._names import (
    HYPHEN_CAPITAL,
    LAW_AFTER,
    SYNONYMS,
    TOKEN,
    TOKEN_PARTS,
    abbreviates,
    caps_form,
    initials,
    norm_token,
    normalise,
)
from ._places import StateCounts

_DEFINED = re.compile(r"^(?:['’]s)?\s*\(\s*[“\"']?(?P<abbr>[A-Z][A-Za-z&-]{1,9})[”\"']?\s*\)")
_STATE_AFTER = re.compile(r"^[\s,(-]*\(?(?P<st>[A-Z]{2})\b\)?")


_GIVEN_NAME = re.compile(r",[ \t]*([A-Z]{2,})\b")


def _surname(text: str, end: int, key: str, automaton: Any) -> bool:
    """Whether an abbreviation that is also an English word ("DOE", "DOT") is a surname in a
    list of people written "LAST, FIRST" ("DOE, JANE"), as logs write them: a word in
    capitals after the comma that names no agency."""
    if " " in key or not key.isalpha():
        return False
    m = _GIVEN_NAME.match(text, end)
    if m is None or m.group(1).lower() in automaton:
        return False
    from ...ocr import english_words  # loaded once per process, for the OCR decision too

    return key in english_words()


class AgencyFinder:
    """Finds agencies in the pages of one document (abbreviations and ambiguity are resolved
    across the whole document)."""

    def __init__(self) -> None:
        self.gaz = gazetteer()

    def find(self, pages: Iterable[tuple[int, str]]) -> list[tuple[int, AgencyMention]]:
        pages = list(pages)
        raw = []  # page, form, start, end, ids, text after, key
        for number, text in pages:
            for start, end, ids, key in self._scan(text):
                raw.append((number, text[start:end], start, end, ids, text[end : end + 24], key))
        states = StateCounts(pages)
        agencies = self.gaz.agencies
        sure_values = self._sure([(r[4], r[6]) for r in raw])
        sure = {r[4][0] for r in raw if len(r[4]) == 1}
        states.known = Counter(agencies[i].state for i in sure if agencies[i].state)
        chosen: list[tuple[int, AgencyMention]] = []
        defined: dict[str, int] = {}
        for number, form, start, end, ids, after, key in raw:
            agency_id = self._resolve(ids, key, after, states, sure_values)
            if agency_id is None:
                continue
            agency = agencies[agency_id]
            chosen.append((number, AgencyMention(agency, form, start, end)))
            m = _DEFINED.match(after)
            if m and abbreviates(m.group("abbr"), agency.base):
                defined.setdefault(m.group("abbr"), agency_id)
            if agency.level != "federal" and agency.kind != "city":
                for abbr in initials(agency.base):
                    defined.setdefault(abbr, agency_id)
        if defined:
            defined = {k: v for k, v in defined.items() if normalise(k) not in self.gaz.automaton}
        if defined:
            self._add_defined(pages, defined, chosen)
        return with_bodies(pages, chosen, states)

    def _add_defined(
        self,
        pages: list[tuple[int, str]],
        defined: dict[str, int],
        chosen: list[tuple[int, AgencyMention]],
    ) -> None:
        """Adds the mentions of abbreviations the document defines or a local agency's
        initials."""
        agencies = self.gaz.agencies
        pattern = re.compile(
            r"(?<![\w/-])("
            + "|".join(map(re.escape, sorted(defined, key=len, reverse=True)))
            + r")(?![\w-])"
        )
        taken = {(n, m.start) for n, m in chosen}
        for number, text in pages:
            for m in pattern.finditer(text):
                if (number, m.start()) in taken:
                    continue
                if any(n == number and c.start <= m.start() < c.end for n, c in chosen):
                    continue
                agency = agencies[defined[m.group(1)]]
                chosen.append((number, AgencyMention(agency, m.group(1), m.start(), m.end())))

    def _scan(self, text: str) -> list[tuple[int, int, tuple[int, ...], str]]:
        synonyms = SYNONYMS
        if "\u0130" in text or "\u212a" in text or HYPHEN_CAPITAL.search(text):
            # lower-casing the whole text would move characters or join words: the text's own
            # words, each lower-cased
            matches = list(TOKEN.finditer(text))
            words = [norm_token(m.group(0).lower()) for m in matches]
            bounds, parts = [i for m in matches for i in m.span()], []
        else:
            # the lower-cased text's words, and between them what separates them
            parts = TOKEN_PARTS.split(text.lower())
            words = [w if w.isalnum() and w not in synonyms else norm_token(w) for w in parts[1::2]]
            bounds = []
        if not words:
            return []
        joined = " ".join(words)
        size = len(joined)
        found = []  # (first word, last word, ids, capitals, key) of whole-word matches
        counted = last = 0  # words end at spaces: the spaces before a character are its word
        for last_char, (key, ids, caps) in self.gaz.automaton.iter(joined):
            first_char = last_char - len(key) + 1
            if (first_char == 0 or joined[first_char - 1] == " ") and (
                last_char + 1 == size or joined[last_char + 1] == " "
            ):
                last += joined.count(" ", counted, last_char)
                counted = last_char
                found.append((last - key.count(" "), last, ids, caps, key))
        if not found:
            return []
        if not bounds:  # start and end of each word in ``text``
            bounds = list(itertools.accumulate(map(len, parts)))
        hits = []
        for first, last, ids, caps, key in found:
            start, end = bounds[2 * first], bounds[2 * last + 1]
            if caps and not caps_form(text[start:end]):
                continue
            if caps and first and words[first - 1].upper() in STATES and len(key) <= 5:
                continue  # "CA DOJ" is California's, not the federal department
            if caps and _surname(text, end, key, self.gaz.automaton):
                continue  # "DOE, JANE" in a booking log
            if LAW_AFTER.match(text, end):
                continue
            if text[start + 4 * key.startswith("the ") : end][:1].islower():
                continue  # "in many police investigations", "the second circuit breaker"
            hits.append((first, last, start, end, ids, key))
        # leftmost-longest, without overlaps
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out = []
        covered = -1
        for first, last, start, end, ids, key in hits:
            if first <= covered:
                continue
            out.append((start, end, ids, key))
            covered = last
        return out

    def _sure(self, hits: list[tuple[tuple[int, ...], str]]) -> set[str]:
        """The agencies a document surely names: those of names that only one agency bears,
        and the components named without their parent whose parent is among them (or among
        those components, as CBER's offices in an FDA record)."""
        agencies, bare = self.gaz.agencies, self.gaz.bare
        sure = {agencies[ids[0]].value for ids, key in hits if len(ids) == 1 and key not in bare}
        gated = [ids for ids, key in hits if key in bare]
        for _ in range(3):
            found = {agencies[i].value for ids in gated for i in ids if agencies[i].parent in sure}
            if found <= sure:
                break
            sure |= found
        return sure

    def _resolve(
        self, ids: tuple[int, ...], key: str, after: str, states: StateCounts, sure: set[str]
    ) -> int | None:
        agencies = self.gaz.agencies
        if key in self.gaz.bare:  # a component named without its parent: the parent's own
            ids = tuple(i for i in ids if not agencies[i].parent or agencies[i].parent in sure)
            if not ids:
                return None
        if len(ids) == 1:
            return ids[0]
        values = {agencies[i].base for i in ids}
        if len(values) > 1:
            # different agencies under one name: the one that bears it as its own name,
            exact = [i for i in ids if normalise(agencies[i].base) == key]
            if len({agencies[i].base for i in exact}) == 1:
                ids = tuple(exact)
                return self._resolve(ids, key, after, states, sure) if len(ids) > 1 else ids[0]
            # or the one whose parent the document names
            by_parent = [i for i in ids if agencies[i].parent in sure]
            if len({agencies[i].value for i in by_parent}) == 1:
                return by_parent[0]
            federal = [i for i in ids if agencies[i].level == "federal"]
            if len(federal) == 1 and len(values) == 2 and agencies[federal[0]].kind == "federal":
                return federal[0]
            return None
        m = _STATE_AFTER.match(after)
        if m and m.group("st") in STATES:
            for i in ids:
                if agencies[i].state == m.group("st"):
                    return i
        scored = sorted(ids, key=lambda i: -states.get(agencies[i].state, 0))
        best = states.get(agencies[scored[0]].state, 0)
        if best and (len(scored) == 1 or states.get(agencies[scored[1]].state, 0) < best):
            return scored[0]
        # the name is certain, the place is not: keep the name without ORI or state
        a = agencies[ids[0]]
        return unplaced(a)
