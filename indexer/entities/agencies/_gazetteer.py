"""The gazetteer: every agency of the reference lists, with an Aho-Corasick automaton over the
normalised forms of all their names."""

from __future__ import annotations

import gc
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
    "police", "sheriff", "marshal", "marshals", "constable", "patrol", "troopers", "trooper",
    "department", "office", "bureau", "division", "attorney", "prosecutor", "corrections",
    "correctional", "jail", "detention", "rangers", "ranger", "enforcement", "investigation",
    "investigations", "agency", "commission", "task", "force", "safety",
])  # fmt: skip
_GENERIC_WORDS = frozenset([
    "state", "county", "city", "town", "village", "township", "capitol", "university",
    "college", "tribal", "tribe", "park", "parks", "public", "of", "the", "and", "police",
    "department", "office", "sheriff", "highway", "transit", "school", "district", "community",
    "airport", "port", "railroad", "railway", "regional", "area", "metro", "metropolitan",
    "special", "north", "south", "east", "west", "central", "new", "fort", "lake", "mount",
    "saint", "st",
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
    ]
)


class Agency(NamedTuple):  # not a frozen dataclass: a load makes 38,000, three times faster
    value: str  # canonical name, unique per agency except same-named local agencies
    abbreviation: str = ""
    parent: str = ""
    level: str = "federal"
    ori: str = ""
    state: str = ""
    kind: str = ""  # toptier, subtier, component, City, County, fusion center, city

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
class Gazetteer:
    agencies: list[Agency]
    automaton: Any  # normalised key -> (key, agency ids, written in capitals only)


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
    for federal in data.federal_agencies():
        name, abbreviation = federal.name, federal.abbreviation
        agencies.append(
            Agency(federal.value, abbreviation, federal.parent, "federal", kind="federal")
        )
        if not keyed:
            continue
        i = len(agencies) - 1
        for variant in (name, *federal.names.split(";")):
            key = normalise(variant)
            if not key or key in _NOT_AGENCIES or (federal.generic and key == normalise(name)):
                continue
            if " " not in key:
                continue  # one word ("Congress", "Extension", "DC"): only as an abbreviation
            keys.add(variant, i, capitals=is_caps(variant), key=key)
        if federal.standalone and abbreviation:
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
    cities: set[tuple[str, str]] = set()
    for name, ori, state, level, kind, names in data.local_agencies():
        agencies.append(Agency(name, "", "", level, ori, state, kind))
        if keyed:
            i = len(agencies) - 1
            for variant in (name, *names.split(";")):
                key = normalise(variant)
                if key and _local_key_ok(key):
                    keys.add(variant, i, key=key)
        if kind == "City" and name.endswith(" Police Department"):
            city = name.removesuffix(" Police Department")
            if (city, state) not in cities and len(city) > 3:
                agencies.append(Agency(f"City of {city}", "", "", "local", "", state, "city"))
                cities.add((city, state))
                if keyed:
                    keys.add(f"City of {city}", len(agencies) - 1)
    return agencies, keys


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


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with _gc_paused():
        agencies, _ = _read(keyed=False)
        automaton = ahocorasick.Automaton()
        for key, ids, caps in data.agency_keys():
            automaton.add_word(key, (key, ids, caps))
        automaton.make_automaton()
    return Gazetteer(agencies, automaton)


_UNPLACED: dict[str, int] = {}


def unplaced(agency: Agency) -> int:
    """The id of an entry for a local agency whose state the document does not settle: its
    name without ORI or state, added to the gazetteer the first time it is needed."""
    gaz = gazetteer()
    key = agency.value
    if key not in _UNPLACED:
        gaz.agencies.append(Agency(agency.value, "", "", agency.level, kind=agency.kind))
        _UNPLACED[key] = len(gaz.agencies) - 1
    return _UNPLACED[key]
