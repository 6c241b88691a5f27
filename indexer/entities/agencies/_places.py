"""Places that have governments, and the one a document speaks for: the cities and counties
of the ORI list (a city has a police department there, a county a sheriff), the states, and
the jurisdiction a record comes from (its letterhead's "City of …", "County of …", "State of
…", else the place of the local agencies it names most)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ...data import STATES
from .._patterns import by_first_character
from ._gazetteer import Agency, gazetteer

STATE_CODES = {name.lower(): code for code, name in STATES.items()}
_ADDRESS_STATE = re.compile(  # the lookahead lets ``re`` skip to capitals and commas
    r"(?=[A-Z,])(?:\b(?P<st>[A-Z]{2}),?\s+\d{5}\b|,\s*(?P<st2>[A-Z]{2})\b)"
)


# longest first, so that "West Virginia" is not read as "Virginia"
_LONGEST_FIRST = sorted([*STATES.values(), *map(str.upper, STATES.values())], key=len, reverse=True)
# the lookahead lets ``re`` skip to capitals
_STATE_NAMES = re.compile(rf"(?=[A-Z])\b({by_first_character(_LONGEST_FIRST)})\b")
_STATE_BY_NAME = {form: code for code, name in STATES.items() for form in (name, name.upper())}
_CITY_OF_PD = re.compile(r"^(?P<place>.+?) Police Department$")
_COUNTY_OF_SHERIFF = re.compile(
    r"^(?P<place>.+?) (?P<kind>County|Parish) Sheriff(?:'s)? (?:Office|Department)$"
)
# "City and County of San Francisco", "COUNTY OF LOS ANGELES", "State of California": a
# jurisdiction as letterheads and contracts name it (two to four capitalised words)
_JURISDICTION = re.compile(
    r"\b(?P<kind>City\s+and\s+County|CITY\s+AND\s+COUNTY|City|CITY|County|COUNTY|State|STATE|Parish|PARISH)"
    r" (?:of|OF) (?:the |THE )?"
    r"(?P<place>[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})"
)


def document_states(text: str) -> Counter[str]:
    """States a document names (addresses, state names), as two-letter codes."""
    found: Counter[str] = Counter()
    for m in _ADDRESS_STATE.finditer(text):
        code = m.group("st") or m.group("st2")
        if code in STATES:
            found[code] += 1
    for m in _STATE_NAMES.finditer(text):
        found[_STATE_BY_NAME[m.group(1)]] += 2
    return found


class StateCounts:
    """The states a document names, with those of the agencies it surely names, counted only
    when something needs them."""

    def __init__(self, pages: list[tuple[int, str]]) -> None:
        self.pages = pages
        self.known: Counter[str] = Counter()
        self._counted: Counter[str] | None = None

    def counts(self) -> Counter[str]:
        if self._counted is None:
            self._counted = document_states("\n".join(text for _, text in self.pages))
            self._counted.update(self.known)
        return self._counted

    def get(self, state: str, default: int = 0) -> int:
        return self.counts().get(state, default)

    @classmethod
    def only(cls, state: str) -> StateCounts:
        """The counts of a document that names one state."""
        counts = cls([])
        counts._counted = Counter({state: 1})
        return counts


@dataclass(frozen=True)
class Place:
    """A city, a county (or parish) or a state: its name as written in agency names."""

    kind: str  # city, county, state
    name: str  # "Los Angeles", "Los Angeles County", "California"
    state: str  # two-letter code
    shared: bool = False  # a place of that name is in another state too


@dataclass(frozen=True)
class Places:
    """Places by lower-cased name ("los angeles", "los angeles county"), each with every state
    that has one of that name."""

    cities: dict[str, frozenset[str]]
    counties: dict[str, tuple[str, frozenset[str]]]  # name -> (County or Parish, states)
    first_words: frozenset[str]  # the first word of every place's name, lower-cased

    def find(self, words: str, states: StateCounts) -> Place | None:
        """The place ``words`` name (a state, "X County", or a city), in one of ``states``
        where more than one state has a place of that name."""
        key = words.lower()
        if key in STATE_CODES:
            return Place("state", STATES[STATE_CODES[key]], STATE_CODES[key])
        for suffix in (" county", " parish"):
            if key.endswith(suffix) and key.removesuffix(suffix) in self.counties:
                word, where = self.counties[key.removesuffix(suffix)]
                state = _one(where, states)
                name = _title(words.removesuffix(words[-len(suffix) + 1 :]).strip(), word)
                return Place("county", name, state, len(where) > 1) if state else None
        if key in self.cities:
            where = self.cities[key]
            state = _one(where, states)
            if state:
                return Place("city", _title(words, ""), state, len(where) > 1)
        return None


def _title(words: str, suffix: str) -> str:
    """Words written in capitals as a name is ("LOS ANGELES" → "Los Angeles")."""
    if words.isupper():
        words = " ".join(w.capitalize() for w in words.split())
    return f"{words} {suffix}".strip()


def _one(where: frozenset[str], states: StateCounts) -> str:
    """The one state of ``where`` that the document is about: itself if alone and the
    document names no other state, else the one of them the document names most."""
    if len(where) == 1:
        state = next(iter(where))
        return state if states.get(state) or not states.counts() else ""
    ranked = sorted(where, key=lambda s: -states.get(s, 0))
    best = states.get(ranked[0], 0)
    return ranked[0] if best and states.get(ranked[1], 0) < best else ""


@lru_cache(maxsize=1)
def places() -> Places:
    """The cities and counties of the ORI list (its police departments and sheriffs)."""
    cities: dict[str, set[str]] = {}
    counties: dict[str, tuple[str, set[str]]] = {}
    for agency in gazetteer().agencies:
        if agency.kind == "City":
            m = _CITY_OF_PD.match(agency.base)
            if m:
                cities.setdefault(m.group("place").lower(), set()).add(agency.state)
        elif agency.kind == "County":
            m = _COUNTY_OF_SHERIFF.match(agency.base)
            if m:
                entry = counties.setdefault(m.group("place").lower(), (m.group("kind"), set()))
                entry[1].add(agency.state)
    names = [*cities, *counties, *STATE_CODES]
    return Places(
        {k: frozenset(v) for k, v in cities.items()},
        {k: (kind, frozenset(v)) for k, (kind, v) in counties.items()},
        frozenset(name.split()[0] for name in names),
    )


def jurisdiction_named(kind: str, words: str, states: StateCounts) -> Place | None:
    """The place of "City of …", "County of …", "City and County of …", "State of …"."""
    kind = " ".join(kind.lower().split())
    found = places()
    if kind == "state":
        place = found.find(words, states)
        return place if place and place.kind == "state" else None
    if kind in ("county", "parish"):
        return found.find(f"{words} {kind}", states)
    place = found.find(words, states)
    if place and place.kind == "city":
        return Place("city and county" if kind == "city and county" else "city", *_rest(place))
    return None


def _rest(place: Place) -> tuple[str, str, bool]:
    return place.name, place.state, place.shared


def jurisdictions(text: str, states: StateCounts) -> list[tuple[int, int, Place]]:
    """(start, end, place) of each jurisdiction named as "City of …" and the like, with the
    longest run of its words that names a known place."""
    out = []
    for m in _JURISDICTION.finditer(text):
        words = m.group("place").split()
        for n in range(len(words), 0, -1):
            place = jurisdiction_named(m.group("kind"), " ".join(words[:n]), states)
            if place:
                end = m.start("place") + len(" ".join(words[:n]))
                out.append((m.start(), end, place))
                break
    return out


def home(named: list[list[tuple[int, int, Place]]], mentioned: list[Agency]) -> Place | None:
    """The jurisdiction a record speaks for: the first that its first page names as "City of
    …" and the like; else the one its pages name most, at least three times; else the place
    of the local or state agencies it names most, unless it names federal ones more."""
    if named and named[0]:
        return named[0][0][2]
    counts: Counter[Place] = Counter(place for page in named for _, _, place in page)
    if counts and counts.most_common(1)[0][1] >= 3:
        return counts.most_common(1)[0][0]
    counts.clear()
    federal = 0
    for agency, n in Counter(mentioned).items():
        place = _place_of(agency)
        if place:
            counts[place] += n
        federal += n if agency.level == "federal" else 0
    if not counts or federal >= counts.most_common(1)[0][1]:
        return None
    return counts.most_common(1)[0][0]


def _place_of(agency: Agency) -> Place | None:
    if not agency.state:
        return None
    if agency.level == "state":
        return Place("state", STATES.get(agency.state, agency.state), agency.state)
    if agency.kind == "city":
        only = StateCounts.only(agency.state)
        return places().find(agency.base.removeprefix("City of "), only)
    m = _CITY_OF_PD.match(agency.base)
    if agency.kind == "City" and m:
        return places().find(m.group("place"), StateCounts.only(agency.state))
    m = _COUNTY_OF_SHERIFF.match(agency.base)
    if agency.kind == "County" and m:
        return places().find(
            f"{m.group('place')} {m.group('kind')}", StateCounts.only(agency.state)
        )
    return None
