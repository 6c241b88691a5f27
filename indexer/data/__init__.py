"""The reference data shipped with the indexer (sources in ``SOURCES.md``), and the one place
that reads it.

``tools/build_reference_data.py`` writes the files: UTF-8, tab-separated without quoting, a
header line naming the columns, several values in one field separated by ";". A file whose
header is not the one expected here is refused, so a rebuild that changes a file's columns
fails at its first read instead of shifting values.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent
# normalised agency name -> agency ids, computed from the names by
# tools/build_reference_data.py (``indexer.entities.agencies.compute_keys``)
AGENCY_KEYS = DATA / "agency_keys.tsv.gz"

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


class FederalAgency(NamedTuple):
    """A row of ``agencies_federal.tsv``."""

    name: str
    abbreviation: str
    parent: str
    level: str
    generic: bool  # the name says nothing without its parent ("Office of Inspector General")
    standalone: bool  # the abbreviation may be matched on its own, in capitals
    names: str  # other names, ";"-separated
    shared: bool = False  # other rows bear the name too (the components of other parents)

    @property
    def value(self) -> str:
        """The canonical name, unique among the rows: a generic component whose name others
        bear is named after its parent, as it names itself ("U.S. Postal Service Office of
        Inspector General"); one of its own name is that name ("Office of Information
        Policy", whose parent the agency tree shows)."""
        if self.generic and self.parent and self.shared:
            return f"{self.parent} {self.name}"
        return self.name


class FusionCenter(NamedTuple):
    """A row of ``fusion_centers.tsv``."""

    name: str
    abbreviation: str
    state: str
    names: str  # other names, ";"-separated


class LocalAgency(NamedTuple):
    """A row of ``agencies_state_local.tsv.gz``: a state, local or tribal agency of the FBI's
    ORI list."""

    name: str
    ori: str
    state: str
    level: str
    kind: str  # the list's type: City, County, State Police, …
    names: str  # other names, ";"-separated


def _rows(name: str, columns: str) -> list[list[str]]:
    """The rows of the data file ``name``, whose header must be ``columns``."""
    path = DATA / name
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    header, *lines = data.decode("utf-8").split("\n")
    if header != columns:
        raise ValueError(f"{path.name}: columns {header!r}, expected {columns!r}")
    return [line.split("\t") for line in lines[:-1]]  # the last is "" after the last newline


@lru_cache(maxsize=1)
def federal_agencies() -> tuple[FederalAgency, ...]:
    """Federal departments, agencies and components, in the file's order."""
    columns = "name\tabbreviation\tparent\tlevel\tgeneric\tstandalone\tnames"
    rows = _rows("agencies_federal.tsv", columns)
    borne = Counter(row[0] for row in rows)
    return tuple(
        FederalAgency(
            name,
            abbreviation,
            parent,
            level,
            generic == "1",
            standalone == "1",
            names,
            borne[name] > 1,
        )
        for name, abbreviation, parent, level, generic, standalone, names in rows
    )


@lru_cache(maxsize=1)
def fusion_centers() -> tuple[FusionCenter, ...]:
    """Fusion centres, in the file's order."""
    columns = "name\tabbreviation\tstate\tnames"
    return tuple(map(FusionCenter._make, _rows("fusion_centers.tsv", columns)))


@lru_cache(maxsize=1)
def known_agencies() -> dict[str, tuple[str, str]]:
    """(abbreviation, state) of each federal agency and fusion centre, by canonical name: what
    is known of an agency a record need not name (the issuer of an email, by its domain)."""
    known = {agency.value: (agency.abbreviation, "") for agency in federal_agencies()}
    known.update({centre.name: (centre.abbreviation, centre.state) for centre in fusion_centers()})
    return known


def local_agencies() -> list[LocalAgency]:
    """State, local and tribal agencies, in the file's order. Not kept: the agency finder
    reads them once into its own table."""
    columns = "name\tori\tstate\tlevel\ttype\tnames"
    return list(map(LocalAgency._make, _rows("agencies_state_local.tsv.gz", columns)))


def agency_keys() -> Iterator[tuple[str, tuple[int, ...], bool]]:
    """(normalised name, agency ids, counts only in capitals) of each key of ``AGENCY_KEYS``.
    The ids number the agencies in the order the agency finder reads them."""
    for key, ids, capitals in _rows(AGENCY_KEYS.name, "key\tids\tcapitals"):
        # most keys name one agency: int() alone is quicker than split and map
        yield (
            key,
            (int(ids),) if "," not in ids else tuple(map(int, ids.split(","))),
            capitals == "1",
        )


@lru_cache(maxsize=1)
def contracting_offices() -> dict[str, str]:
    """AAC (PIID positions 1–6) → the agency of the contracting office, from FPDS."""
    rows = _rows("contracting_offices.tsv.gz", "aac\tagency\toffice")
    return {aac: agency for aac, agency, _ in rows}
