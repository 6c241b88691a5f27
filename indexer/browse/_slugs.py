"""An agency's slug, by rules 1 and 2 of the package's docstring; an issuer's, when it is a
known agency; a vendor's."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import Any

from .. import data


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Sheriff's Office & Jail" →
    "sheriffs-office-and-jail"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['’`]", "", text.replace("&", " and ")).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@lru_cache(maxsize=1)
def _abbreviations() -> Counter[str]:
    """How many federal agencies and fusion centres of the reference lists use each
    abbreviation (upper case)."""
    counts: Counter[str] = Counter()
    federal = [agency.abbreviation for agency in data.federal_agencies()]
    for abbreviation in federal + [centre.abbreviation for centre in data.fusion_centers()]:
        if abbreviation:
            counts[abbreviation.upper()] += 1
    return counts


def agency_slug(name: str, abbreviation: str = "", state: str = "") -> str:
    """The slug of one agency by rules 1 and 2 of the package's docstring (rule 3, for
    collisions within a collection, is ``AgencyIndex``'s)."""
    if abbreviation and _abbreviations()[abbreviation.upper()] == 1 and slugify(abbreviation):
        return slugify(abbreviation)
    base = slugify(name) or "agency"
    if not state or name.endswith(f"({state})"):  # "Aurora Police Department (CO)"
        return base
    return f"{base}-{slugify(state)}"


def vendor_slug(name: str) -> str:
    """The slug of one vendor: its name, slugified (collisions within a collection, names that
    differ only in punctuation, are ``VendorIndex``'s, as rule 3 says of agencies)."""
    return slugify(name) or "vendor"


def placed_state(state: str, states: Collection[str]) -> str:
    """The state of an agency's mention: its own, else the one state the collection gives
    agencies of its name, if it gives one (see the package's docstring)."""
    return state or (next(iter(states)) if len(states) == 1 else "")


def issuer_slug(
    name: str, attrs: Mapping[str, Any] | None, states: Collection[str] = ()
) -> str | None:
    """The slug of a document's issuer when it is a known agency: one the document names
    (``attrs`` are that agency's, as the document's entity holds them; ``states`` those the
    collection gives agencies of its name), or a federal agency or fusion centre of the
    reference lists; None for a court, a firm or anyone else. (Rule 3 is left out: it takes
    the whole collection, for names that differ only in punctuation.)"""
    if attrs is not None:
        abbreviation, state = str(attrs.get("abbreviation") or ""), str(attrs.get("state") or "")
    elif name in data.known_agencies():
        abbreviation, state = data.known_agencies()[name]
    else:
        return None
    return agency_slug(name, abbreviation, placed_state(state, states))
