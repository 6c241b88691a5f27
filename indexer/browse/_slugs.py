"""An agency's slug, by rules 1 and 2 of the package's docstring."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

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
    return f"{base}-{slugify(state)}" if state else base
