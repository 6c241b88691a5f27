"""Rebuild the compact reference files in indexer/data/ from the shared source data.

    .venv/bin/python tools/build_reference_data.py ../shared/data
    .venv/bin/python tools/build_reference_data.py --keys   # only agency_keys.tsv.gz

Reads the CSVs described in ``SOURCES.md`` and writes only the facts the entity finders use:
agency names, abbreviations, parents, levels, ORI codes and name variants; fusion centres; the
AACs (first six characters of a uniform PIID) of federal contracting offices. Curation (which
abbreviations may stand alone, which historical placements are current, the components and
federal courts the lists lack, the names records give inspectors general, colleges' police
and transit police) is in this file, so a new snapshot of the sources gives the same kind of
output.

Then it normalises every agency name variant as the agency finder matches them and writes the
keys with their agency ids (``agency_keys.tsv.gz``), so that loading the finder reads them
instead of normalising 140,000 names on each run. Rerun it with ``--keys`` after a change to
the normalisation in ``indexer/entities/agencies.py`` (tests/test_reference_data.py fails until
then).
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

from indexer.data import AGENCY_KEYS as KEYS
from indexer.data import STATES
from indexer.entities.agencies import compute_keys

HERE = Path(__file__).resolve().parent.parent / "indexer" / "data"

# Abbreviations safe to match on their own, in capitals, anywhere in a record. Every other
# abbreviation counts only where the text defines it ("… Police Department (CPD)") or qualifies
# it with its parent ("DHS/OIG", "DHS OIG").
STANDALONE = {
    "DHS",
    "ICE",
    "CBP",
    "USCIS",
    "TSA",
    "FEMA",
    "USSS",
    "FLETC",
    "HSI",
    "ERO",
    "OPLA",
    "USBP",
    "OFO",
    "DOJ",
    "FBI",
    "DEA",
    "ATF",
    "USMS",
    "BOP",
    "EOUSA",
    "USAO",
    "IRS",
    "DOD",
    "DOS",
    "USPS",
    "GAO",
    "SSA",
    "EPA",
    "FDA",
    "FAA",
    "NSA",
    "CIA",
    "ODNI",
    "NCTC",
    "USCG",
    "NARA",
    "GSA",
    "OMB",
    "HHS",
    "USDA",
    "DOL",
    "DOT",
    "DOE",
    "HUD",
    "SEC",
    "FTC",
    "FCC",
    "NTSB",
    "OPM",
    "NASA",
    "DARPA",
    "DIA",
    "NGA",
    "NRO",
    "USPIS",
    "CISA",
    "I&A",
    "OBIM",
    "CRCL",
    "DHS OIG",
}
# The broker list keeps historical placements; these are where the components sit now.
CURRENT_PARENT = {
    "Transportation Security Administration": "Department of Homeland Security",
    "U.S. Secret Service": "Department of Homeland Security",
    "U.S. Coast Guard": "Department of Homeland Security",
    "Federal Emergency Management Agency": "Department of Homeland Security",
}
# Rows whose abbreviation clashes with a better-known one.
DROP_ABBREVIATION = {("Electric Reliability Organization", "ERO")}
RENAME = {
    # the broker's subtier row for ATF names its acquisition division; the agency is the same
    "Bureau of Alcohol, Tobacco, Firearms and Explosives Acquisition and Property Management "
    "Division": "Bureau of Alcohol, Tobacco, Firearms and Explosives",
    "Bureau of Alcohol, Tobacco, Firearms, and Explosives": (
        "Bureau of Alcohol, Tobacco, Firearms and Explosives"
    ),
}
# Names attested in records but missing from the lists (each is a well-known alias).
EXTRA_NAMES = {
    "Drug Enforcement Administration": ["Drug Enforcement Agency"],
    "Bureau of Alcohol, Tobacco, Firearms and Explosives": [
        "Bureau of Alcohol, Tobacco, Firearms, and Explosives",
        "Alcohol, Tobacco, Firearms and Explosives",
    ],
    "U.S. Immigration and Customs Enforcement": ["Immigration & Customs Enforcement"],
}
# Components the lists lack: the FOIA ombudsman that 5 U.S.C. § 552(h) places in the National
# Archives (every federal FOIA response names it), and the FDA's product centres and the
# offices of its biologics centre, as the FDA's organisation in 21 CFR 5.1100 and its centre
# pages on fda.gov (public domain) name them. (name, abbreviation, parent, other names)
COMPONENTS = [
    (
        "Office of Government Information Services",
        "OGIS",
        "National Archives and Records Administration",
        [],
    ),
    ("Center for Biologics Evaluation and Research", "CBER", "Food and Drug Administration", []),
    ("Center for Drug Evaluation and Research", "CDER", "Food and Drug Administration", []),
    ("Center for Devices and Radiological Health", "CDRH", "Food and Drug Administration", []),
    ("Center for Food Safety and Applied Nutrition", "CFSAN", "Food and Drug Administration", []),
    ("Center for Veterinary Medicine", "CVM", "Food and Drug Administration", []),
    ("Center for Tobacco Products", "CTP", "Food and Drug Administration", []),
    ("National Center for Toxicological Research", "NCTR", "Food and Drug Administration", []),
    ("Office of Regulatory Affairs", "ORA", "Food and Drug Administration", []),
    (
        "Office of Vaccines Research and Review",
        "OVRR",
        "Center for Biologics Evaluation and Research",
        ["Office of Vaccine Research and Review"],
    ),
    (
        "Office of Blood Research and Review",
        "OBRR",
        "Center for Biologics Evaluation and Research",
        [],
    ),
    (
        "Office of Tissues and Advanced Therapies",
        "OTAT",
        "Center for Biologics Evaluation and Research",
        [],
    ),
    ("Office of Therapeutic Products", "OTP", "Center for Biologics Evaluation and Research", []),
    (
        "Office of Biostatistics and Epidemiology",
        "OBE",
        "Center for Biologics Evaluation and Research",
        [],
    ),
    (
        "Office of Biostatistics and Pharmacovigilance",
        "OBPV",
        "Center for Biologics Evaluation and Research",
        [],
    ),
    (
        "Office of Compliance and Biologics Quality",
        "OCBQ",
        "Center for Biologics Evaluation and Research",
        [],
    ),
]
# The federal judicial districts, as 28 U.S.C. §§ 81–131 divide the states (a state not named
# is one district), and the numbered circuits of 28 U.S.C. § 41: each district has a district
# court and a bankruptcy court, each circuit a court of appeals.
DIVIDED = {
    "Alabama": "Northern Middle Southern",
    "Arkansas": "Eastern Western",
    "California": "Northern Eastern Central Southern",
    "Florida": "Northern Middle Southern",
    "Georgia": "Northern Middle Southern",
    "Illinois": "Northern Central Southern",
    "Indiana": "Northern Southern",
    "Iowa": "Northern Southern",
    "Kentucky": "Eastern Western",
    "Louisiana": "Eastern Middle Western",
    "Michigan": "Eastern Western",
    "Mississippi": "Northern Southern",
    "Missouri": "Eastern Western",
    "New York": "Northern Southern Eastern Western",
    "North Carolina": "Eastern Middle Western",
    "Ohio": "Northern Southern",
    "Oklahoma": "Northern Eastern Western",
    "Pennsylvania": "Eastern Middle Western",
    "Tennessee": "Eastern Middle Western",
    "Texas": "Northern Southern Eastern Western",
    "Virginia": "Eastern Western",
    "Washington": "Eastern Western",
    "West Virginia": "Northern Southern",
    "Wisconsin": "Eastern Western",
}
TERRITORIES = ["the Virgin Islands", "the Northern Mariana Islands"]  # Guam is in STATES
CIRCUITS = [
    *("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth"),
    *("Tenth", "Eleventh", "District of Columbia"),
]
# An inspector general's office, which records write as "DHS OIG", "the OIG", "Office of the
# Inspector General"
INSPECTOR_GENERAL = re.compile(r"^Office of (?:the )?Inspector General$")


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _districts() -> list[str]:
    """ "Southern District of New York", "District of Oregon", … for every federal district."""
    out = []
    for state in [*STATES.values(), *TERRITORIES]:
        if state == "District of Columbia":
            out.append(state)
        elif state in DIVIDED:
            out += [f"{part} District of {state}" for part in DIVIDED[state].split()]
        else:
            out.append(f"District of {state}")
    return out


def _courts() -> list[tuple[str, str, str, list[str]]]:
    """The federal district, bankruptcy and appeals courts, as rows of ``COMPONENTS``: named
    as captions and citations write them ("United States District Court for the Southern
    District of New York", "UNITED STATES DISTRICT COURT / SOUTHERN DISTRICT OF NEW YORK")."""
    rows = []
    for district in _districts():
        for kind, parent in (("District", "U.S. District and Territorial Courts"),
                             ("Bankruptcy", "Bankruptcy Courts")):  # fmt: skip
            name = f"United States {kind} Court for the {district}"
            names = [
                f"U.S. {kind} Court for the {district}",
                f"{kind} Court for the {district}",
                f"United States {kind} Court, {district}",
                f"United States {kind} Court {district}",
                f"U.S. {kind} Court, {district}",
            ]
            rows.append((name, "", parent, names))
    for circuit in CIRCUITS:
        short = "D.C. Circuit" if circuit == "District of Columbia" else f"{circuit} Circuit"
        name = f"United States Court of Appeals for the {circuit} Circuit"
        names = [
            f"U.S. Court of Appeals for the {short}",
            f"United States Court of Appeals for the {short}",
            f"Court of Appeals for the {short}",
            f"{short} Court of Appeals",
            f"the {short}",
        ]
        rows.append(
            (name, "", "U.S. Courts of Appeals-Judicial Circuits (Except Federal Circuit)", names)
        )
    return rows


def _curated() -> list[dict[str, str]]:
    """The rows of ``COMPONENTS`` and the federal courts, in the columns of the source
    file."""
    return [
        {
            "name": name,
            "abbreviation": abbreviation,
            "parent": parent,
            "aliases": ";".join(names),
            "generated_variants": "",
            "ambiguous_without_parent": "",
        }
        for name, abbreviation, parent, names in [*COMPONENTS, *_courts()]
    ]


def _with_parent(rows: dict[tuple[str, str], list[str]]) -> None:
    """Adds to each generic component the names that say its parent ("Department of Justice
    Office of Information Policy", "DOJ Office of Information Policy"), and to an inspector
    general's office the forms records write ("DHS OIG", "Office of the Inspector General")."""
    abbreviations = {row[0]: row[1] for row in rows.values() if row[1] and not row[2]}
    abbreviations.update({row[0]: row[1] for row in rows.values() if row[1] and row[2]})
    for name, parent in rows:
        row = rows[(name, parent)]
        if row[4] != "1" or not parent:
            continue
        names = [f"{parent} {name}"]
        by = abbreviations.get(parent, "")
        if by:
            names.append(f"{by} {name}")
        if INSPECTOR_GENERAL.match(name):
            row[1] = "OIG"
            names += ["Office of Inspector General", "Office of the Inspector General"]
            names += [f"{parent} OIG"] + ([f"{by} OIG"] if by else [])
        known = [n for n in _split(row[6]) if n != name]
        row[6] = ";".join(dict.fromkeys([*known, *(n for n in names if n != name)]))


def build_federal(source: Path) -> list[list[str]]:
    rows: dict[tuple[str, str], list[str]] = {}
    for r in [*_rows(source / "agencies_federal.csv"), *_curated()]:
        name = RENAME.get(r["name"], r["name"])
        parent = r["parent"]
        if name in CURRENT_PARENT:
            if parent and parent != CURRENT_PARENT[name]:
                continue
            parent = CURRENT_PARENT[name]
        abbreviation = r["abbreviation"]
        if (name, abbreviation) in DROP_ABBREVIATION:
            abbreviation = ""
        if parent == name:
            parent = ""
        key = (name, parent)
        names = [
            *_split(r["aliases"]),
            *_split(r["generated_variants"]),
            *EXTRA_NAMES.get(name, []),
        ]
        if key in rows:
            known = rows[key]
            known[6] = ";".join(dict.fromkeys([*_split(known[6]), *names]))
            known[1] = known[1] or abbreviation
            continue
        generic = "1" if r["ambiguous_without_parent"] == "yes" else "0"
        alone = "1" if abbreviation in STANDALONE else "0"
        rows[key] = [
            name,
            abbreviation,
            parent,
            "federal",
            generic,
            alone,
            ";".join(dict.fromkeys(names)),
        ]
    _with_parent(rows)
    return sorted(rows.values())


def parish(name: str) -> str:
    """A Louisiana name as Louisiana writes it: its counties are parishes ("Bossier County
    Sheriff's Office" in the ORI list is the Bossier Parish Sheriff's Office)."""
    return re.sub(r"\bCounty\b", "Parish", name)


def once(name: str) -> str:
    """A name whose kind the list wrote twice, once ("Las Vegas Metropolitan Police Department
    Police Department")."""
    return re.sub(r"\b(Police Department)(?: \1)+$", r"\1", name)


def acronyms(alias: str, name: str) -> str:
    """An alias with the acronyms the list wrote as words in capitals: "Bart Police
    Department" of the "San Francisco Bay Area Rapid Transit" is the BART Police Department.
    A word is an acronym when its letters are the initials of three or more words of the
    name, in a row."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).lower()
    words = alias.split()
    for i, word in enumerate(words):
        if len(word) >= 3 and word.isalpha() and word.istitle() and word.lower() in initials:
            words[i] = word.upper()
    return " ".join(words)


def police_names(police: str, name: str) -> list[str]:
    """Other names of a police department named by an acronym: "BART Police Department" of
    the "San Francisco Bay Area Rapid Transit" is also the "Bay Area Rapid Transit Police
    Department", and either is written without "Department"."""
    out = [police.removesuffix(" Department")]
    first = police.split()[0]
    if first.isupper():
        words = re.findall(r"[A-Za-z]+", name)
        initials = "".join(w[0] for w in words).upper()
        at = initials.find(first)
        if at >= 0:
            spelled = " ".join(words[at : at + len(first)]) + police[len(first) :]
            out += [spelled, spelled.removesuffix(" Department")]
    return out


_POLICE_NAME = re.compile(r"\b(?:Police|Sheriff|Public Safety|Marshal)\b")


def campus_police(name: str, names: list[str]) -> tuple[str, list[str]]:
    """A college's police as records name it: the list's "University of California:
    Berkeley" is the "University of California, Berkeley Police Department", also written
    "UC Berkeley Police Department" and "University of California Police Department,
    Berkeley"; a college whose aliases speak of public safety has a Department of Public
    Safety."""
    school, _, campus = (part.strip() for part in name.partition(":"))
    if campus.lower() == "main campus":
        campus = ""
    kind = (
        "Department of Public Safety"
        if any("Public Safety" in n or "Pub Safety" in n for n in names)
        else "Police Department"
    )
    if not campus:
        return f"{school} {kind}", [name, f"{school} Police"]
    short = "".join(w[0] for w in school.split() if w[0].isupper())
    variants = [name, f"{school} {campus} {kind}", f"{school} {kind}, {campus}"]
    if len(short) >= 2:
        variants.append(f"{short} {campus} {kind}")
    return f"{school}, {campus} {kind}", variants


def build_local(source: Path) -> list[list[str]]:
    out = []
    for r in _rows(source / "agencies_state_local.csv"):
        level = r["level"] if r["level"] in ("local", "state", "tribal", "federal") else "local"
        name = once(r["name"])
        names = [once(n) for n in [*_split(r["aliases"]), *_split(r["generated_variants"])]]
        names = [acronyms(n, name) for n in names]
        if r["state"] == "LA":
            name, names = parish(name), [parish(n) for n in names]
        if r["agency_type"] == "University or College" and not _POLICE_NAME.search(name):
            name, more = campus_police(name, names)
            names = [*more, *names]
        elif r["agency_type"] == "Other" and not _POLICE_NAME.search(name):
            # a transit authority's or a railway's police: the name its alias gives it
            police = [n for n in names if n.endswith(" Police Department")]
            if len(police) == 1:
                name, names = police[0], [name, *police_names(police[0], name), *names]
        names = list(dict.fromkeys(n for n in names if n != name))
        out.append([name, r["ori"], r["state"], level, r["agency_type"], ";".join(names)])
    return out


def build_fusion(source: Path) -> list[list[str]]:
    return [
        [r["name"], r["abbreviation"], r["state"], ";".join(_split(r["aliases"]))]
        for r in _rows(source / "fusion_centers.csv")
    ]


def build_aac(source: Path) -> list[list[str]]:
    out = {}
    for r in _rows(source / "contracting_offices_aac.csv"):
        code = r["contracting_office_code"].strip().upper()
        if len(code) == 6:
            out[code] = [
                code,
                r["agency_name"].strip().title(),
                r["contracting_office_name"].strip(),
            ]
    return sorted(out.values())


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = "\t".join(header) + "\n" + "".join("\t".join(row) + "\n" for row in rows)
    if path.suffix == ".gz":
        # no file name or time in the gzip header, so a rebuild gives the same bytes
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
        return
    path.write_text(text, encoding="utf-8")


def write_keys() -> None:
    """The agency finder's keys, from the agency files written in ``HERE``."""
    rows = [
        [key, ",".join(map(str, ids)), "1" if caps else "0"]
        for key, (ids, caps) in compute_keys().items()
    ]
    _write(KEYS, ["key", "ids", "capitals"], rows)


def main(argv: list[str]) -> None:
    if argv == ["--keys"]:
        write_keys()
        return
    source = Path(argv[0] if argv else HERE.parent.parent.parent / "shared" / "data")
    _write(
        HERE / "agencies_federal.tsv",
        ["name", "abbreviation", "parent", "level", "generic", "standalone", "names"],
        build_federal(source),
    )
    _write(
        HERE / "agencies_state_local.tsv.gz",
        ["name", "ori", "state", "level", "type", "names"],
        build_local(source),
    )
    _write(
        HERE / "fusion_centers.tsv",
        ["name", "abbreviation", "state", "names"],
        build_fusion(source),
    )
    _write(HERE / "contracting_offices.tsv.gz", ["aac", "agency", "office"], build_aac(source))
    write_keys()


if __name__ == "__main__":
    main(sys.argv[1:])
