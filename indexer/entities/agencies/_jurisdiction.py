"""Naming the bodies a record names by their jurisdiction, and adding them (and the
governments it names: "County of Orange", "the City") to the gazetteer's mentions.

A body is named with its place: the state, city or county its name says, else the one the
record speaks for (``_places.home``), else it is left out. So "Police Commission" in a San
Francisco letter is the San Francisco Police Commission, and "State Board of Education" in a
California letter the California State Board of Education."""

from __future__ import annotations

import re

from ...data import STATES
from ._bodies import ATTORNEY_GENERAL, OFFICIAL, Body, find_bodies
from ._gazetteer import Agency, AgencyMention, gazetteer
from ._names import LAW_AFTER, normalise
from ._places import STATE_CODES, Place, StateCounts, home, jurisdictions

# letterhead forms named by their function: "Office of the Sheriff", "Department of Police"
_JUSTICE = "Department of Justice"
_FUNCTION = {
    "office of the sheriff": "Sheriff's Office",
    "department of police": "Police Department",
}


def body_agency(
    body: Body, home: Place | None, states: StateCounts, head_end: int, federal_justice: bool
) -> Agency | None:
    """The agency a body is: named with its place, or with the record's own jurisdiction when
    its name has none (a state's only where the record's head or an abbreviation says it is
    a body of its own); None when nothing says where it is. "Attorney General" alone is the
    attorney general of the record's state, unless it names the U.S. Department of Justice
    (``federal_justice``)."""
    name = _words_case(body.name).replace(" & ", " and ")
    place = body.place
    first = name.split()[0].lower()
    if place is None and body.of_institution:
        return Agency(name, level="local", state=_one_state(states), kind="body")
    if place is None and ATTORNEY_GENERAL.match(name):
        if federal_justice:
            return None
        code = home.state if home is not None else _one_state(states)
        place = Place("state", STATES[code], code) if code else None
    if place is None:
        if first == "state":
            code = _one_state(states)
            place = Place("state", STATES[code], code) if code else None
        elif home is not None and home.kind != "state":
            place = home
        elif home is not None and first not in ("city", "county"):
            place = home if body.defined or body.start < head_end else None
    if place is None:
        return None
    if place.kind == "state":
        if ATTORNEY_GENERAL.match(name):
            value = f"Office of the {place.name} Attorney General"
        else:
            value = f"{place.name} {_drop_state(name)}"
        return Agency(value, level="state", state=place.state, kind="body")
    official = OFFICIAL.match(name)
    if official:
        name = official.group("title").title()
    local = _LOCAL_OFFICIAL.match(name)
    if local and place.kind in ("city", "county"):  # "Office of the Controller": the city's
        name = f"{place.kind.title()} {local.group('title').title()}"
    name = _FUNCTION.get(name.lower(), name)
    prefix = place.name
    if place.kind == "county" and name.split()[0].lower() in ("county", "parish"):
        prefix = place.name.rsplit(" ", 1)[0]
    if place.kind == "city and county" and name.split()[0].lower() in ("city", "county"):
        return None  # "City and County of San Francisco" itself, counted as the place
    return _local(f"{prefix} {name}", place, "body")


def place_agency(place: Place) -> Agency | None:
    """The government of a city, a county or a city and county: "County of Orange"."""
    if place.kind == "city":
        return _listed(_local(f"City of {place.name}", place, "city"))
    if place.kind == "county":
        where, word = place.name.rsplit(" ", 1)
        return _local(f"{word} of {where}", place, "county")
    if place.kind == "city and county":
        return _local(f"City and County of {place.name}", place, "county")
    return None


def _local(name: str, place: Place, kind: str) -> Agency:
    """A local body of ``place``, its value carrying the state where other states have a
    place of that name."""
    if place.shared:
        return Agency(f"{name} ({place.state})", "", "", "local", "", place.state, kind, name)
    return Agency(name, level="local", state=place.state, kind=kind)


def _words_case(name: str) -> str:
    """A name written in capitals, in title case ("OFFICE OF THE SHERIFF" → "Office of the
    Sheriff")."""
    if not name.isupper():
        return name
    small = {"of", "and", "the", "for", "on"}
    return " ".join(w.lower() if w.lower() in small else w.capitalize() for w in name.split())


def _drop_state(name: str) -> str:
    """A state body's name without the state it already said: "State of California Department
    of Justice" → "Department of Justice"."""
    words = name.split()
    if len(words) > 2 and words[0].lower() == "state" and words[1].lower() == "of":
        rest = " ".join(words[2:])
        for state in sorted(STATE_CODES, key=len, reverse=True):
            if rest.lower().startswith(state + " "):
                return rest[len(state) + 1 :]
    return name


def _one_state(states: StateCounts) -> str:
    """The state a document names most, if one does more than any other."""
    ranked = states.counts().most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return ""


_IMPLIED = re.compile(r"\b[Tt]he (?P<kind>County|City)\b(?![ \t]+(?:of\b|[A-Z]))")
_POLICE = re.compile(
    r"(?i)\b(?:police|sheriff|sheriffs|sheriff's|sheriff’s|marshal)\b.*\b(?:department|office)$"
)
# found from its " of" (a literal the engine skips to), then the word before it: ten times
# faster than trying each word at each position
_MAY_NAME = re.compile(
    r"(?i) of\b(?:(?<=\bcity of)|(?<=\bcounty of)|(?<=\bstate of)|(?<=\bparish of))"
)
# the office of a city's or county's official named without "City" or "County"
_LOCAL_OFFICIAL = re.compile(
    r"^(?:Office of the )?(?P<title>Controller|Clerk|Treasurer|Auditor|Assessor"
    r"|Auditor-Controller)(?:['’]s Office)?$",
    re.I,
)
_HEAD_OF_RECORD = 1500  # characters of the first page that are its letterhead and address


def with_bodies(
    pages: list[tuple[int, str]],
    chosen: list[tuple[int, AgencyMention]],
    states: StateCounts,
) -> list[tuple[int, AgencyMention]]:
    """The gazetteer's mentions ``chosen`` with the governments and bodies the pages name. A
    body named with its place replaces the gazetteer's federal matches inside it ("California
    Department of Justice" is not the federal department); one named without its place
    counts only where the gazetteer found nothing, and is first the agency the record names
    in full elsewhere ("the Hearing Board" after "the Contractor Hearing Board"). A name cut
    short (by a scan's edge, or by the next name on its line) is the full one the record
    names elsewhere."""
    by_page: dict[int, list[AgencyMention]] = {}
    for number, mention in chosen:
        by_page.setdefault(number, []).append(mention)
    named = [jurisdictions(text, states) if _MAY_NAME.search(text) else [] for _, text in pages]
    record = home(named, [m.agency for _, m in chosen])
    justice = any(
        _JUSTICE in (m.agency.base, m.agency.parent) and not ATTORNEY_GENERAL.match(m.agency.base)
        for _, m in chosen
    )
    found: list[list[tuple[Body, list[AgencyMention], Agency | None]]] = []
    for index, (number, text) in enumerate(pages):
        mentions = by_page.get(number, [])
        head_end = _HEAD_OF_RECORD if index == 0 else 0
        on_page = []
        for body in find_bodies(text, states, named[index]):
            end = body.name_end or body.end  # the name, without the place that follows it
            inside = [m for m in mentions if body.start <= m.start and m.end <= end]
            crossing = [m for m in mentions if m.start < end and body.start < m.end]
            overlapped = len(crossing) > len(inside) or (body.place is None and crossing)
            if overlapped and not _states_attorney_general(body, crossing, justice):
                continue
            if any(m.agency.level != "federal" for m in inside):
                continue  # the lists' own agency, and more words than its name
            if LAW_AFTER.match(text, body.end):
                continue
            agency = body_agency(body, record, states, head_end, justice)
            if agency is not None:
                agency = _listed(agency)
                if agency.kind == "body" and _POLICE.search(agency.base):
                    continue  # police and sheriffs are all in the lists: this is not one
            on_page.append((body, inside, agency))
        found.append(on_page)
    full = _full_names(chosen, found)
    out: list[tuple[int, AgencyMention]] = []
    for index, (number, text) in enumerate(pages):
        mentions = by_page.get(number, [])
        for body, inside, agency in found[index]:
            agency = _in_full(body, agency, full)
            if agency is None:
                continue
            mentions = [m for m in mentions if m not in inside]
            mentions.append(
                AgencyMention(agency, text[body.start : body.end], body.start, body.end)
            )
        for start, end, place in named[index]:
            government = place_agency(place)
            if government:
                mentions.append(AgencyMention(government, text[start:end], start, end))
        if record is not None and record.kind != "state":
            for m in _IMPLIED.finditer(text):
                government = _implied(m.group("kind"), record)
                if government:
                    mentions.append(AgencyMention(government, m.group(0), m.start(), m.end()))
        out.extend((number, m) for m in mentions)
    return out


def _full_names(
    chosen: list[tuple[int, AgencyMention]],
    found: list[list[tuple[Body, list[AgencyMention], Agency | None]]],
) -> dict[str, tuple[Agency, str]]:
    """The agencies a record names, by normalised name, each with its name as the record
    writes it: the lists' local and state agencies, and the bodies whose words end where
    their name does."""
    full = {
        normalise(m.agency.base): (m.agency, normalise(m.agency.base))
        for _, m in chosen
        if m.agency.level != "federal"
    }
    for page in found:
        for body, _, agency in page:
            if agency is not None and not body.cut:
                full.setdefault(normalise(agency.base), (agency, _words(body)))
    return full


def _words(body: Body) -> str:
    return normalise(body.name).removeprefix("the ")


def _in_full(
    body: Body, agency: Agency | None, full: dict[str, tuple[Agency, str]]
) -> Agency | None:
    """The agency a body is, given the names the record gives (``_full_names``): one named
    without its place, unless the record's place makes it a listed agency, is the only one
    whose name ends with its words and more; one whose last word is cut short, or whose
    words ran into another name, is the one its words begin."""
    if body.place is None and (agency is None or agency.kind == "body"):
        words = _words(body)
        longer = [a for k, (a, w) in full.items() if k.endswith(" " + words) and w != words]
        if len({a.value for a in longer}) == 1:
            return longer[0]
    if agency is None or agency.kind != "body":
        return agency
    key = normalise(agency.base)
    if body.cut:  # "San Francisco County Office of Education Unified School"
        shorter = [a for k, (a, _) in full.items() if key.startswith(k + " ")]
        if shorter:
            return max(shorter, key=lambda a: len(a.base))
    # "Minneapolis Office of Police Con", at the edge of a scan; "Office of Contract" at the
    # end of a line that "Compliance" begins
    wrapped = f"{key} {normalise(body.next_word)}" if body.next_word else ""
    longer = [
        a
        for k, (a, _) in full.items()
        if k.startswith(key)
        and (k[len(key) :][:1].isalpha() or (wrapped and k.startswith(wrapped)))
    ]
    if len({a.value for a in longer}) == 1:
        return longer[0]
    return agency


def _states_attorney_general(body: Body, crossing: list[AgencyMention], justice: bool) -> bool:
    """Whether "Office of the Attorney General", which the lists hold as the U.S. Department
    of Justice's, is a state's here: the record names no part of that department."""
    return (
        not justice
        and bool(ATTORNEY_GENERAL.match(body.name))
        and all(m.agency.level == "federal" for m in crossing)
    )


def _implied(kind: str, home: Place) -> Agency | None:
    """The government "the County" or "the City" means in a record of ``home``."""
    if kind == "County":
        return place_agency(home) if home.kind in ("county", "city and county") else None
    return place_agency(home) if home.kind in ("city", "city and county") else None


def _listed(agency: Agency) -> Agency:
    """The reference lists' agency of this name and state, if they have one."""
    gaz = gazetteer()
    hit = gaz.automaton.get(normalise(agency.base), None)
    if hit is None:
        return agency
    same = {gaz.agencies[i] for i in hit[1] if gaz.agencies[i].state == agency.state}
    return same.pop() if len(same) == 1 else agency
