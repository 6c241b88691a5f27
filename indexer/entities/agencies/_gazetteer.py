"""The gazetteer: every agency of the reference lists, with an Aho-Corasick automaton over the
normalised forms of all their names."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import ahocorasick

from ... import data
from ._names import is_caps, normalise

# A local name is only matched if it has one of these words (the ORI list also holds bare
# place names, colleges and railways) and one word that is not generic.
_AGENCY_WORDS = frozenset([
    "police", "pd", "sheriff", "marshal", "marshals", "constable", "patrol", "troopers", "trooper",
    "department", "office", "bureau", "division", "attorney", "prosecutor", "corrections",
    "correctional", "jail", "detention", "rangers", "ranger", "enforcement", "investigation",
    "investigations", "agency", "commission", "task", "force", "safety",
])  # fmt: skip
_GENERIC_WORDS = frozenset([
    "state", "county", "city", "town", "village", "township", "capitol", "university",
    "college", "tribal", "tribe", "park", "parks", "public", "of", "the", "and", "police",
    "parish",
    "department", "office", "sheriff", "highway", "transit", "school", "district", "community",
    "airport", "port", "railroad", "railway", "regional", "area", "metro", "metropolitan",
    "special", "north", "south", "east", "west", "central", "new", "fort", "lake", "mount",
    "saint", "st", "general", "section", "unit", "division", "bureau",
])  # fmt: skip
# Names in the federal list that, in records, are places or words rather than agencies.
_NOT_AGENCIES = frozenset(
    [
        "district of columbia",
        "new york city",
        "us congress",
        "united states congress",
        "attorney general",
        "general counsel",
        "the authority",
        "office of general counsel",
        "us courts",
        "the judiciary",
        "office of the secretary",
        "office of the general counsel",
        "the senate",
        "president of the united states",
    ]
)
# A federal office named by where it is ("Chicago Office", "Main Office") is one of its
# parent's many, and a row named by an official's title ("Chief Financial Officer") names a
# person: either counts only as written with its parent.
_SITE_OFFICE = re.compile(
    r"^(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)*?)(?: Regional| Field| Site| Area| District)? Office$"
)
_SITES = frozenset(["Main", "Head", "Central", "Home", "Field", "Regional", "Area", "District"])
_TITLE = re.compile(
    r"^(?!.*\bOffice\b).*\b(?:Officer|Secretary|Director|Administrator|Counsel|Advis[eo]r"
    r"|Commissioner|Attorney|Judge|Chief of Staff)$"
)


class Agency(NamedTuple):  # not a frozen dataclass: a load makes 38,000, three times faster
    value: str  # canonical name, unique per agency: "Aurora Police Department (CO)"
    abbreviation: str = ""
    parent: str = ""
    level: str = "federal"
    ori: str = ""
    state: str = ""
    # federal, component (a federal office whose name needs its parent's), the ORI list's
    # type (City, County, State Police …), city, county, body
    kind: str = ""
    name: str = ""  # the name without the state that ``value`` adds when others bear it too

    @property
    def base(self) -> str:
        """The agency's name as written, without the state that tells same-named ones apart."""
        return self.name or self.value

    def attrs(self) -> dict[str, Any]:
        out: dict[str, Any] = {"level": self.level}
        if self.abbreviation:
            out["abbreviation"] = self.abbreviation
        if self.parent:
            out["parent"] = self.parent
        if self.ori:
            out["ori"] = self.ori
        if self.state:
            out["state"] = self.state
        return out


@dataclass
class AgencyMention:
    agency: Agency
    text: str  # as written
    start: int
    end: int


@dataclass
class Gazetteer:
    agencies: list[Agency]
    automaton: Any  # normalised key -> (key, agency ids, written in capitals only)
    # keys that name a federal component without its parent ("office of public affairs"):
    # they count only in a record that names the parent
    bare: frozenset[str] = frozenset()


class _Keys(dict[str, tuple[list[int], bool]]):
    """Normalised name -> (agency ids, written in capitals only), as names are added."""

    def add(self, name: str, agency_id: int, capitals: bool = False, key: str = "") -> None:
        key = key or normalise(name)
        if not key:
            return
        ids, caps = self.setdefault(key, ([], capitals))
        if agency_id not in ids:
            ids.append(agency_id)
        if not capitals and caps:
            self[key] = (ids, False)


def _local_key_ok(key: str) -> bool:
    words = key.split()
    return (
        len(words) >= 2
        and any(w in _AGENCY_WORDS for w in words)
        and any(w not in _GENERIC_WORDS and w not in _AGENCY_WORDS for w in words)
    )


def _read(keyed: bool) -> tuple[list[Agency], _Keys]:
    """The agencies of the reference lists in their fixed order (their ids) and, when
    ``keyed``, the automaton keys of all their name variants. Keying normalises some 140,000
    names, a second's work, so ``tools/build_reference_data.py`` does it once and writes
    ``data.AGENCY_KEYS``."""
    agencies: list[Agency] = []
    keys = _Keys()
    local = data.local_agencies()
    cities = {row.name.removesuffix(" Police Department") for row in local if row.kind == "City"}
    for federal in data.federal_agencies():
        name, abbreviation = federal.name, federal.abbreviation
        kind = "component" if federal.generic and federal.parent else "federal"
        agencies.append(Agency(federal.value, abbreviation, federal.parent, "federal", kind=kind))
        if not keyed:
            continue
        i = len(agencies) - 1
        site = _SITE_OFFICE.match(name)
        by_site = bool(site and (site["place"] in cities or site["place"] in _SITES))
        unnamed = bool(federal.parent) and (by_site or bool(_TITLE.match(name)))
        for variant in _spelled_out((name, *federal.names.split(";"))):
            key = normalise(variant)
            if not key or key in _NOT_AGENCIES or (unnamed and key == normalise(name)):
                continue
            if " " not in key:
                continue  # one word ("Congress", "Extension", "DC"): only as an abbreviation
            keys.add(variant, i, capitals=is_caps(variant), key=key)
        if abbreviation and (federal.standalone or _by_parent(federal)):
            keys.add(abbreviation, i, capitals=True)
    for centre in data.fusion_centers():
        agencies.append(Agency(centre.name, centre.abbreviation, "", "state", state=centre.state))
        if not keyed:
            continue
        i = len(agencies) - 1
        keys.add(centre.name, i)
        for variant in centre.names.split(";"):
            keys.add(variant, i)
        if len(centre.abbreviation) >= 4:
            keys.add(centre.abbreviation, i, capitals=True)
    placed: set[tuple[str, str]] = set()
    shared = shared_names(local)
    for name, ori, state, level, kind, names in local:
        agencies.append(_placed(name, level, ori, state, kind, shared))
        if keyed:
            i = len(agencies) - 1
            for variant in (name, *names.split(";")):
                key = normalise(variant)
                if key and _local_key_ok(key):
                    keys.add(variant, i, key=key)
        if kind == "City" and name.endswith(" Police Department"):
            city = name.removesuffix(" Police Department")
            if (city, state) not in placed and len(city) > 3:
                agencies.append(_placed(f"City of {city}", "local", "", state, "city", shared))
                placed.add((city, state))
                if keyed:
                    keys.add(f"City of {city}", len(agencies) - 1)
    return agencies, keys


def _spelled_out(names: tuple[str, ...]) -> dict[str, None]:
    """The names, and each with "U.S." written "United States" and the other way round."""
    out = dict.fromkeys(names)
    for name in names:
        out[name.replace("U.S.", "United States")] = None
        out[name.replace("United States", "U.S.")] = None
    return out


def shared_names(local: list[data.LocalAgency]) -> frozenset[str]:
    """The names that local agencies (or the cities of their police departments) of more than
    one state bear: "Aurora Police Department", "City of Aurora"."""
    states: dict[str, set[str]] = {}
    for row in local:
        states.setdefault(row.name, set()).add(row.state)
        if row.kind == "City" and row.name.endswith(" Police Department"):
            city = "City of " + row.name.removesuffix(" Police Department")
            states.setdefault(city, set()).add(row.state)
    return frozenset(name for name, where in states.items() if len(where) > 1)


def _placed(
    name: str, level: str, ori: str, state: str, kind: str, shared: frozenset[str]
) -> Agency:
    """A local agency, its value carrying its state when agencies of other states share its
    name, so that each is one facet value and one agency page."""
    if name in shared and state:
        return Agency(f"{name} ({state})", "", "", level, ori, state, kind, name)
    return Agency(name, "", "", level, ori, state, kind)


def compute_keys() -> dict[str, tuple[list[int], bool]]:
    """Normalised name -> (agency ids, written in capitals only), from the agencies' names."""
    return _read(keyed=True)[1]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause garbage collection while the gazetteer's 300,000 objects are made. None of them
    form cycles, and each collection would walk all those made so far: a fifth of the load."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _by_parent(federal: data.FederalAgency) -> bool:
    """Whether a component's abbreviation counts, in capitals, where the record names its
    parent ("OVRR" in a record of the FDA's biologics centre, "OIG" in a DHS record): one of
    three letters or more that is no English word ("VETS", "CITES")."""
    from ...ocr import english_words  # only when the keys are computed

    abbreviation = federal.abbreviation
    return (
        bool(federal.parent)
        and not federal.standalone
        and len(abbreviation) >= 3
        and abbreviation.isupper()
        and abbreviation.lower() not in english_words()
    )


def _bare_keys() -> frozenset[str]:
    """The keys that name a federal component without its parent: the names of generic
    components ("office of inspector general", not "dhs oig") and the abbreviations that
    count only beside the parent (``_by_parent``)."""
    bare = set()
    abbreviations = {a.name: a.abbreviation for a in data.federal_agencies() if a.abbreviation}
    for federal in data.federal_agencies():
        if federal.parent and federal.abbreviation and not federal.standalone:
            bare.add(normalise(federal.abbreviation))
        if not (federal.generic and federal.parent):
            continue
        parent = normalise(federal.parent)
        abbreviation = normalise(abbreviations.get(federal.parent, ""))
        for variant in _spelled_out((federal.name, *federal.names.split(";"))):
            key = normalise(variant)
            words = key.split()
            if key and parent not in key and not (abbreviation and abbreviation in words):
                bare.add(key)
    return frozenset(bare)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with _gc_paused():
        agencies, _ = _read(keyed=False)
        automaton = ahocorasick.Automaton()
        for key, ids, caps in data.agency_keys():
            automaton.add_word(key, (key, ids, caps))
        automaton.make_automaton()
    return Gazetteer(agencies, automaton, _bare_keys())


_UNPLACED: dict[str, int] = {}


def unplaced(agency: Agency) -> int:
    """The id of an entry for a local agency whose state the document does not settle: its
    name without ORI or state, added to the gazetteer the first time it is needed."""
    gaz = gazetteer()
    key = agency.base
    if key not in _UNPLACED:
        gaz.agencies.append(Agency(key, "", "", agency.level, kind=agency.kind))
        _UNPLACED[key] = len(gaz.agencies) - 1
    return _UNPLACED[key]
