"""Agencies named in text, canonicalised: federal departments, agencies and components, state
and local law enforcement (the FBI's ORI list), cities and fusion centres.

Tens of thousands of names are matched at once with an Aho-Corasick automaton over a normalised
token stream: lower case, line breaks and runs of spaces as one space, "&" as "and", "Dept" as
"Department", possessives and "Sheriffs" as "Sheriff", "U.S." as "US". What breaks naive
matching is handled around the automaton:

* abbreviations match on their own only when written in capitals and only for a short list of
  well-known ones (ICE, CBP, HSI …); others count where the text defines them ("Chicago Police
  Department (CPD)") or where a local agency's full name is in the same document (its initials);
* a name shared by several agencies (forty "Washington County Sheriff's Office"s, every
  department's "Office of Inspector General") is resolved by the state or parent the document
  names, or left out when nothing decides it;
* "PD", "the Department", "OIG" alone never match.
"""

from __future__ import annotations

import gc
import gzip
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

DATA = Path(__file__).resolve().parent.parent / "data"
# normalised name -> agency ids, computed from the names by tools/build_reference_data.py
KEYS = DATA / "agency_keys.tsv.gz"

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam",
}  # fmt: skip

# A local name is only matched if it has one of these words (the ORI list also holds bare
# place names, colleges and railways) and one word that is not generic.
_AGENCY_WORDS = frozenset(
    [
        "police",
        "sheriff",
        "marshal",
        "marshals",
        "constable",
        "patrol",
        "troopers",
        "trooper",
        "department",
        "office",
        "bureau",
        "division",
        "attorney",
        "prosecutor",
        "corrections",
        "correctional",
        "jail",
        "detention",
        "rangers",
        "ranger",
        "enforcement",
        "investigation",
        "investigations",
        "agency",
        "commission",
        "task",
        "force",
        "safety",
    ]
)
_GENERIC_WORDS = frozenset(
    [
        "state",
        "county",
        "city",
        "town",
        "village",
        "township",
        "capitol",
        "university",
        "college",
        "tribal",
        "tribe",
        "park",
        "parks",
        "public",
        "of",
        "the",
        "and",
        "police",
        "department",
        "office",
        "sheriff",
        "highway",
        "transit",
        "school",
        "district",
        "community",
        "airport",
        "port",
        "railroad",
        "railway",
        "regional",
        "area",
        "metro",
        "metropolitan",
        "special",
        "north",
        "south",
        "east",
        "west",
        "central",
        "new",
        "fort",
        "lake",
        "mount",
        "saint",
        "st",
    ]
)
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
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:-\n[a-z]+)?(?:['’][A-Za-z]+)?|&")
_TOKEN_PARTS = re.compile(f"({_TOKEN.pattern})")  # split() gives the words and what lies between
# Where lower-casing a text changes where _TOKEN finds words: "İ" becomes two characters, the
# Kelvin sign "K" an ASCII "k", and "-\n" before a capital ends a word that lower case continues.
_HYPHEN_CAPITAL = re.compile("-\n[a-z]*[A-Z]")
_SYNONYMS = {"&": "and", "dept": "department", "sheriffs": "sheriff", "depts": "department"}
_DEFINED = re.compile(r"^(?:['’]s)?\s*\(\s*[“\"']?(?P<abbr>[A-Z][A-Za-z&-]{1,9})[”\"']?\s*\)")
_STATE_AFTER = re.compile(r"^[\s,(-]*\(?(?P<st>[A-Z]{2})\b\)?")
_ADDRESS_STATE = re.compile(r"\b(?P<st>[A-Z]{2}),?\s+\d{5}\b|,\s*(?P<st2>[A-Z]{2})\b")
_STATE_NAMES = re.compile(  # the lookahead lets ``re`` skip to capitals
    r"(?=[A-Z])\b(" + "|".join(sorted(STATES.values(), key=len, reverse=True)) + r")\b"
)
_STATE_BY_NAME = {name: code for code, name in STATES.items()}


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
class AgencyMention:
    agency: Agency
    text: str  # as written
    start: int
    end: int


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


@dataclass
class _Gazetteer:
    agencies: list[Agency]
    automaton: Any  # normalised key -> (key, agency ids, written in capitals only)


def _norm_token(word: str) -> str:
    """One lower-case token in its matching form."""
    if word.isalnum():
        return _SYNONYMS.get(word, word)
    if "." in word:
        return word.replace(".", "")
    token = word.replace("-\n", "")
    if "'" in token or "’" in token:
        head, _, tail = token.replace("’", "'").partition("'")
        token = head if tail == "s" else head + tail
    return _SYNONYMS.get(token, token)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(normalised token, start, end) of each word of ``text``."""
    for m in _TOKEN.finditer(text):
        yield _norm_token(m.group(0).lower()), m.start(), m.end()


def normalise(name: str) -> str:
    """A name as the automaton sees it: "Sheriff's Dept." -> "sheriff department"."""
    return " ".join([_norm_token(word) for word in _TOKEN.findall(name.lower())])


def _is_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(name.split()) <= 2


def _local_key_ok(key: str) -> bool:
    words = key.split()
    return (
        len(words) >= 2
        and any(w in _AGENCY_WORDS for w in words)
        and any(w not in _GENERIC_WORDS and w not in _AGENCY_WORDS for w in words)
    )


def _rows(path: Path, columns: str) -> list[list[str]]:
    """The rows of one of the data files, whose header must be ``columns``. The files are
    tab-separated without quoting (``tools/build_reference_data.py`` joins fields with tabs)."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    header, *lines = data.decode("utf-8").split("\n")
    if header != columns:
        raise ValueError(f"{path.name}: columns {header!r}, expected {columns!r}")
    return [line.split("\t") for line in lines[:-1]]  # the last is "" after the last newline


def _read(keyed: bool) -> tuple[list[Agency], _Keys]:
    """The agencies of the data files in their fixed order (their ids) and, when ``keyed``, the
    automaton keys of all their name variants. Keying normalises some 140,000 names, a second's
    work, so ``tools/build_reference_data.py`` does it once and writes ``KEYS``."""
    agencies: list[Agency] = []
    keys = _Keys()
    federal = "name\tabbreviation\tparent\tlevel\tgeneric\tstandalone\tnames"
    for name, abbreviation, parent, _, generic, standalone, names in _rows(
        DATA / "agencies_federal.tsv", federal
    ):
        value = f"{name}, {parent}" if generic == "1" and parent else name
        agencies.append(Agency(value, abbreviation, parent, "federal", kind="federal"))
        if not keyed:
            continue
        i = len(agencies) - 1
        for variant in (name, *names.split(";")):
            key = normalise(variant)
            if not key or key in _NOT_AGENCIES or (generic == "1" and key == normalise(name)):
                continue
            if " " not in key:
                continue  # one word ("Congress", "Extension", "DC"): only as an abbreviation
            keys.add(variant, i, capitals=_is_caps(variant), key=key)
        if standalone == "1" and abbreviation:
            keys.add(abbreviation, i, capitals=True)
    fusion = "name\tabbreviation\tstate\tnames"
    for name, abbreviation, state, names in _rows(DATA / "fusion_centers.tsv", fusion):
        agencies.append(Agency(name, abbreviation, "", "state", state=state))
        if not keyed:
            continue
        i = len(agencies) - 1
        keys.add(name, i)
        for variant in names.split(";"):
            keys.add(variant, i)
        if len(abbreviation) >= 4:
            keys.add(abbreviation, i, capitals=True)
    cities: set[tuple[str, str]] = set()
    local = "name\tori\tstate\tlevel\ttype\tnames"
    for name, ori, state, level, kind, names in _rows(DATA / "agencies_state_local.tsv.gz", local):
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


def read_keys(path: Path = KEYS) -> Iterator[tuple[str, tuple[int, ...], bool]]:
    """(key, agency ids, capitals) of ``compute_keys()`` as ``tools/build_reference_data.py``
    wrote them."""
    for key, ids, capitals in _rows(path, "key\tids\tcapitals"):
        # most keys name one agency: int() alone is quicker than split and map
        yield (
            key,
            (int(ids),) if "," not in ids else tuple(map(int, ids.split(","))),
            capitals == "1",
        )


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
def gazetteer() -> _Gazetteer:
    with _gc_paused():
        agencies, _ = _read(keyed=False)
        automaton = ahocorasick.Automaton()
        for key, ids, caps in read_keys():
            automaton.add_word(key, (key, ids, caps))
        automaton.make_automaton()
    return _Gazetteer(agencies, automaton)


def initials(name: str) -> set[str]:
    """Initialisms a local agency is known by: Chicago Police Department → CPD,
    Orange County Sheriff's Office → OCSO and OCSD."""
    words = [
        w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "s")
    ]
    if len(words) < 2:
        return set()
    out = {"".join(w[0].upper() for w in words)}
    if words[-1] in ("Office", "Department"):
        for alt in ("D", "O"):
            out.add("".join(w[0].upper() for w in words[:-1]) + alt)
    return {x for x in out if len(x) >= 3}


def abbreviates(abbr: str, name: str) -> bool:
    """Whether ``abbr`` can stand for ``name``: its capitals are the initials of the name's
    words, in order ("CPD" for Chicago Police Department; not "MS" or "NAIL")."""
    if abbr in STATES or not abbr[:1].isupper():
        return False
    initials_ = "".join(w[0].upper() for w in re.findall(r"[A-Za-z]+", name))
    letters = [c for c in abbr.upper() if c.isalpha()]
    if not letters or (letters[0] != initials_[:1] and letters[0] not in initials_[:3]):
        return False
    rest = iter(initials_)
    return all(c in rest for c in letters)


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
        if not raw:
            return []
        states = _LazyStates(pages)
        agencies = self.gaz.agencies
        sure: set[int] = {r[4][0] for r in raw if len(r[4]) == 1}
        sure_values = {agencies[i].value for i in sure}
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
            if m and abbreviates(m.group("abbr"), agency.value):
                defined.setdefault(m.group("abbr"), agency_id)
            if agency.level != "federal" and agency.kind != "city":
                for abbr in initials(agency.value):
                    defined.setdefault(abbr, agency_id)
        if defined:
            defined = {k: v for k, v in defined.items() if normalise(k) not in self.gaz.automaton}
        if defined:
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
        return chosen

    def _scan(self, text: str) -> list[tuple[int, int, tuple[int, ...], str]]:
        synonyms = _SYNONYMS
        if "\u0130" in text or "\u212a" in text or _HYPHEN_CAPITAL.search(text):
            # lower-casing the whole text would move characters or join words: the text's own
            # words, each lower-cased
            matches = list(_TOKEN.finditer(text))
            words = [_norm_token(m.group(0).lower()) for m in matches]
            bounds, parts = [i for m in matches for i in m.span()], []
        else:
            # the lower-cased text's words, and between them what separates them
            parts = _TOKEN_PARTS.split(text.lower())
            words = [
                w if w.isalnum() and w not in synonyms else _norm_token(w) for w in parts[1::2]
            ]
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
            if caps and not _caps_form(text[start:end]):
                continue
            if caps and first and words[first - 1].upper() in STATES and len(key) <= 5:
                continue  # "CA DOJ" is California's, not the federal department
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

    def _resolve(
        self, ids: tuple[int, ...], key: str, after: str, states: _LazyStates, sure: set[str]
    ) -> int | None:
        if len(ids) == 1:
            return ids[0]
        agencies = self.gaz.agencies
        values = {agencies[i].value for i in ids}
        if len(values) > 1:
            # different agencies under one name: the one that bears it as its own name,
            exact = [i for i in ids if normalise(agencies[i].value) == key]
            if len({agencies[i].value for i in exact}) == 1:
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
        return _unplaced(a)


class _LazyStates:
    """The states a document names, counted only when a homonym needs them."""

    def __init__(self, pages: list[tuple[int, str]]) -> None:
        self.pages = pages
        self.known: Counter[str] = Counter()
        self._counted: Counter[str] | None = None

    def get(self, state: str, default: int = 0) -> int:
        if self._counted is None:
            self._counted = document_states("\n".join(text for _, text in self.pages))
            self._counted.update(self.known)
        return self._counted.get(state, default)


def _caps_form(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_UNPLACED: dict[str, int] = {}


def _unplaced(agency: Agency) -> int:
    """An entry for a local agency whose state the document does not settle."""
    gaz = gazetteer()
    key = agency.value
    if key not in _UNPLACED:
        gaz.agencies.append(Agency(agency.value, "", "", agency.level, kind=agency.kind))
        _UNPLACED[key] = len(gaz.agencies) - 1
    return _UNPLACED[key]
