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
* a federal component named without its parent ("Office of Information Policy", "OIG",
  "OVRR") counts only in a record that names the parent, and its canonical name carries the
  parent when other departments' components bear its name ("Department of Justice Office of
  Public Affairs");
* "PD", "the Department", "OIG" alone never match, nor officials' titles ("Chief Financial
  Officer") or offices named by their site ("Main Office", "Chicago Office") without their
  parent; nor a name in a law's title ("… Agency Act"), nor a local agency's words written in
  lower case ("in many police investigations");
* a canonical name that agencies of several states bear carries the state ("Aurora Police
  Department (CO)"), so each agency is one facet value and one agency page.

Bodies the lists do not hold are found by the shape of their names (a head word such as
Department, Board or Commission and the capitalised words around it) and named with their
jurisdiction: the state, city or county the name says ("California Department of Education"),
else the one the record speaks for ("Police Commission" in a San Francisco letter), else they
are left out. Letterheads ("Department of Police · City of Chicago"), "the County" and "the
City" are resolved the same way. A body named again in short ("the Hearing Board") or cut
short (by a scan's edge, a line's end or the next name on its line) is the one the record
names in full; a body whose words are not words (a scan's "Poice Department") is none.

Inside: ``_names`` the normalised form of a name and the abbreviations an agency may be written
as, ``_gazetteer`` the agencies of the reference lists (``indexer.data``) and the automaton over
their names, ``_finder`` finding them in a document, ``_places`` the cities, counties and states
and the jurisdiction of a record, ``_bodies`` the names of other bodies, ``_jurisdiction``
naming those bodies by their place.
"""

from ._finder import AgencyFinder
from ._gazetteer import Agency, AgencyMention, compute_keys, gazetteer
from ._names import abbreviates, initials, normalise

__all__ = [
    "Agency",
    "AgencyFinder",
    "AgencyMention",
    "abbreviates",
    "compute_keys",
    "gazetteer",
    "initials",
    "normalise",
]
