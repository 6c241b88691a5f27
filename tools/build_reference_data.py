"""Rebuild the compact reference files in indexer/data/ from the shared source data.

    .venv/bin/python tools/build_reference_data.py ../shared/data
    .venv/bin/python tools/build_reference_data.py --keys   # only agency_keys.tsv.gz

Reads the CSVs described in ``SOURCES.md`` and writes only the facts the entity finders use:
agency names, abbreviations, parents, levels, ORI codes and name variants; fusion centres; the
AACs (first six characters of a uniform PIID) of federal contracting offices. Curation (which
abbreviations may stand alone, which historical placements are current) is in this file, so a
new snapshot of the sources gives the same kind of output.

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


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def build_federal(source: Path) -> list[list[str]]:
    rows: dict[tuple[str, str], list[str]] = {}
    for r in _rows(source / "agencies_federal.csv"):
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
    return sorted(rows.values())


def parish(name: str) -> str:
    """A Louisiana name as Louisiana writes it: its counties are parishes ("Bossier County
    Sheriff's Office" in the ORI list is the Bossier Parish Sheriff's Office)."""
    return re.sub(r"\bCounty\b", "Parish", name)


def once(name: str) -> str:
    """A name whose kind the list wrote twice, once ("Las Vegas Metropolitan Police Department
    Police Department")."""
    return re.sub(r"\b(Police Department)(?: \1)+$", r"\1", name)


def build_local(source: Path) -> list[list[str]]:
    out = []
    for r in _rows(source / "agencies_state_local.csv"):
        level = r["level"] if r["level"] in ("local", "state", "tribal", "federal") else "local"
        name = once(r["name"])
        names = [once(n) for n in [*_split(r["aliases"]), *_split(r["generated_variants"])]]
        if r["state"] == "LA":
            name, names = parish(name), [parish(n) for n in names]
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
