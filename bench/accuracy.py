"""How accurate Reading Room is on real released records: the hand-annotated gold sets
tests/gold/real2.json (88 PDFs of ../shared/real_corpus_2, split into 'tune' and 'heldout') and
tests/gold/real1.json (55 PDFs of ../shared/real_corpus, all 'tune').

    .venv/bin/python bench/accuracy.py [--split tune|heldout|all] [--errors] [--json OUT]
                                       [--gold FILE ...] [--corpus DIR]
                                       [--ocr-cache FILE] [--workers N] [--keep-index DIR]

It indexes the chosen documents of every gold file (each names its corpus under ../shared) with
the real pipeline (OCR auto) into one fresh temporary index, reusing an OCR cache (default
/tmp/readingroom-accuracy/ocr-cache.sqlite) so that reruns do not OCR again, then reads what
users see: the JSON answers of the real app (FastAPI's TestClient on /api/documents/{id} and
/api/search), and scores them against the gold, kind by kind, each gold file's splits apart.

What is scored, and how (the matching rules are the functions below, tested in
tests/test_accuracy.py):

- agencies: precision and recall of canonical names, pooled over documents. Names compare
  case- and punctuation-insensitively ('&' is 'and', a leading 'U.S.'/'United States'/'The' is
  dropped, "Dept." is "Department"); a trailing state '(CA)' is compared only when both sides
  carry one; the product's abbreviation counts as a name; the gold's 'aliases' block adds
  accepted equivalents. A product agency matching an optional gold agency is neither a hit
  nor an error. Documents whose gold 'agencies' is null are not scored.
- issuer: the product's issuer (`issuer.name` when the API answers it, else the citation's
  author `citation.author`) against the gold issuer and its aliases. Precision: right ones
  among documents the product names an issuer for; recall: right ones among all documents.
- date: the product's document date against the gold date (a partial gold date such as
  '2018-10' matches any product date with that prefix) or one of its 'date_also'. Precision:
  right among dated answers; recall: right among documents the gold dates. A gold null is
  right only when the product gives no date.
- doc_type: accuracy (precision = recall), the product's label mapped onto the gold's types
  (DOC_TYPE_SYNONYMS); 'doc_type_also' are accepted; a confusion summary of the misses.
- exemptions, requests, vendors: precision and recall of values pooled over documents.
  Exemptions compare without their jurisdiction prefix ('5 ILCS 140/', 'ORS', 'Minn. Stat.',
  'Cal. Gov. Code', 'D.C. Code', '§'), case- and space-insensitively. Requests compare as upper
  case letters and digits, and a number also matches the same number with a prefix
  ('CPRA R14-211' is 'R14-211'). Vendors compare without punctuation and corporate suffixes
  (Inc, LLC, Corp ...). The API's `entities.request` and `entities.vendor` are read when they
  exist; until then the product's answer is empty.
- titles: the share of documents whose title is acceptable (token F1 >= 0.6 against any gold
  title, tokens being lower-case runs of letters and digits), and a count of junk titles by
  the rules of `junk_reason`: a file-system or placeholder name, a lone person's name, a
  garbled line (at most half its words look like words), a bare letterhead (a generic word
  like 'Law Offices' or 'Memorandum', or an agency's name alone).
- known items: for every phrase of a scanned, mixed or garbled page, whether
  /api/search?q="phrase" ranks the document in its top 3 (and whether it finds it at all).

Errors per document (--errors) are printed for the tune split only, unless --split heldout is
given explicitly: tune on 'tune', report 'heldout'.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "real2.json"
GOLDS = (GOLD, ROOT / "tests" / "gold" / "real1.json")
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "real_corpus_2" / "pdfs"
DEFAULT_OCR_CACHE = Path(tempfile.gettempdir()) / "readingroom-accuracy" / "ocr-cache.sqlite"

DOC_TYPES = (
    "response_letter", "letter", "email", "memo", "contract", "agreement", "invoice", "policy",
    "manual", "report", "form", "log", "table", "court_filing", "minutes", "other",
)  # fmt: skip
KINDS = ("agencies", "issuer", "date", "doc_type", "exemptions", "requests", "vendors", "titles",
         "known_items")  # fmt: skip

# The product's labels, normalised (lower case, spaces and hyphens as '_'), onto the gold's types.
DOC_TYPE_SYNONYMS = {
    "foia_response": "response_letter", "response": "response_letter",
    "foia_response_letter": "response_letter", "records_response": "response_letter",
    "public_records_response": "response_letter", "response_letter": "response_letter",
    "purchase_order": "invoice", "invoice_purchase_order": "invoice",
    "invoice/purchase_order": "invoice",
    "quote": "invoice", "invoice": "invoice",
    "mou": "agreement", "moa": "agreement", "memorandum_of_understanding": "agreement",
    "memorandum_of_agreement": "agreement", "agreement": "agreement",
    "spreadsheet": "table", "table/spreadsheet": "table", "table": "table",
    "court_filing": "court_filing", "filing": "court_filing", "court": "court_filing",
    "court_record": "court_filing", "decision": "court_filing",
    "agenda": "minutes", "minutes": "minutes", "meeting": "minutes", "agenda_minutes": "minutes",
    "memorandum": "memo", "e_mail": "email",
}  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Normalising and matching (pure functions)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("–", "-").replace("—", "-")


_STATE = re.compile(r"\s*\(([A-Z]{2})\)\s*$")


def split_state(name: str) -> tuple[str, str | None]:
    """'Eugene Police Department (OR)' -> ('Eugene Police Department', 'OR')."""
    m = _STATE.search(name.strip())
    if m:
        return name.strip()[: m.start()], m.group(1)
    return name.strip(), None


def name_key(name: str) -> str:
    """A name compared case- and punctuation-insensitively, without a state suffix, a leading
    'U.S.'/'United States'/'The', with '&' as 'and' and 'Dept' as 'Department'."""
    text = _fold(split_state(name)[0]).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"\bu\.\s?s\.(?=\s|$)|\bunited states\b|\bu\.s\.a\.", " us ", text)
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^a-z0-9#]+", " ", text)
    words = text.split()
    words = ["department" if w in ("dept", "dep") else w for w in words]
    while words and words[0] in ("the", "us"):
        words = words[1:]
    return " ".join(words)


class Aliases:
    """Accepted equivalents from the gold's 'aliases' block, in both directions."""

    def __init__(self, groups: dict[str, list[str]] | None = None) -> None:
        self._group: dict[str, frozenset[str]] = {}
        for canonical, others in (groups or {}).items():
            keys = frozenset(name_key(n) for n in [canonical, *others])
            for key in keys:
                self._group[key] = self._group.get(key, frozenset()) | keys

    def keys(self, name: str) -> frozenset[str]:
        key = name_key(name)
        return self._group.get(key, frozenset()) | {key}


@dataclass(frozen=True)
class Named:
    """A product entity: its canonical value, abbreviation and state."""

    value: str
    abbreviation: str | None = None
    state: str | None = None

    @classmethod
    def of(cls, entity: dict[str, object] | str) -> Named:
        if isinstance(entity, str):
            return cls(entity, None, split_state(entity)[1])
        value = str(entity.get("value") or entity.get("name") or "")
        abbreviation = entity.get("abbreviation")
        state = entity.get("state") or split_state(value)[1]
        return cls(
            value, str(abbreviation) if abbreviation else None, str(state) if state else None
        )


def agency_match(gold: str, product: Named, aliases: Aliases) -> bool:
    gold_state = split_state(gold)[1]
    if gold_state and product.state and gold_state != product.state:
        return False
    wanted = aliases.keys(gold)
    names = [product.value] + ([product.abbreviation] if product.abbreviation else [])
    return any(aliases.keys(n) & wanted for n in names)


def exemption_key(code: str) -> str:
    text = _fold(code).lower().strip()
    prefixes = (r"5\s*ilcs\s*140\s*/", r"ors\b", r"minn\.?\s*stat\.?", r"cal\.?\s*gov\.?\s*code",
                r"d\.\s*c\.\s*code", r"§+", r"sections?\b", r"sec\.", r"code\b")  # fmt: skip
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            new = re.sub(r"^" + prefix + r"\s*", "", text)
            if new != text:
                text, changed = new, True
    return re.sub(r"[\s§]+", "", text)


def exemption_match(gold: str, product: str) -> bool:
    return exemption_key(gold) == exemption_key(product)


def request_key(number: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", _fold(number).upper())


def request_match(gold: str, product: str) -> bool:
    a, b = request_key(gold), request_key(product)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 6 and long.endswith(short))


_CORPORATE = {"inc", "llc", "corp", "corporation", "co", "company", "ltd", "lp", "llp", "plc",
              "dba", "the", "pbc"}  # fmt: skip


def vendor_key(name: str) -> str:
    text = _fold(name).lower().replace("&", " and ")
    text = re.sub(r"'s\b", "s", text)
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", text).split() if w not in _CORPORATE]
    return " ".join(words)


def vendor_match(gold: str, product: str, aliases: dict[str, list[str]] | None = None) -> bool:
    wanted = {vendor_key(gold)}
    for canonical, others in (aliases or {}).items():
        group = {vendor_key(n) for n in [canonical, *others]}
        if wanted & group:
            wanted |= group
    return vendor_key(product) in wanted


def date_ok(gold: str | None, also: Sequence[str], product: str | None) -> bool:
    """A gold date (full or partial) matches a product date with its prefix; a gold null is
    matched only by no date, unless a 'date_also' is given."""
    product = (product or "").strip() or None
    if product is None:
        return gold is None
    return any(product == d or product.startswith(d + "-") for d in [gold, *also] if d)


def doc_type_label(product: str | None) -> str:
    """The product's doc_type mapped onto the gold's types ('other' when unknown)."""
    key = re.sub(r"[\s-]+", "_", (product or "").strip().lower())
    key = DOC_TYPE_SYNONYMS.get(key, key)
    return key if key in DOC_TYPES else "other"


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _fold(text).lower())


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ta.values()), common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def title_ok(product: str | None, gold_titles: Sequence[str], threshold: float = 0.6) -> bool:
    return bool(product) and any(token_f1(product or "", t) >= threshold for t in gold_titles)


# Junk titles. Each rule is explicit and small; a title is junk when one of them says so.
_FILE_NAME = re.compile(
    r"\.(pdf|docx?|xlsx?|csv|txt|tiff?|jpe?g|png|msg|pptx?|rtf|wpd)\b"
    r"|^microsoft (word|excel|powerpoint)\s*-"
    r"|^[a-z]:\\|^/\w+/|\\|[\w.-]+/[\w.-]*[a-z][\w.-]*/",
    re.I,
)
_PLACEHOLDER = re.compile(
    r"^(untitled|document\s*\d*|sample\s*#?\s*\d*|new document|scan\s*\d*|page\s*\d+|"
    r"doc\d+|img[_ ]?\d+|scanned document)$",
    re.I,
)
_GENERIC = {
    "law offices", "law office", "attorneys at law", "memorandum", "memo", "letter",
    "correspondence", "invoice", "fax", "facsimile", "confidential", "draft", "report", "minutes",
    "official minutes", "minutes official minutes", "agenda", "notice", "public notice", "form",
    "table", "re", "subject", "to", "from", "date", "dear", "sincerely", "page", "office of",
    "city of", "county of", "state of", "department of", "sent via email", "via email",
    "for official use only", "confidential information",
}  # fmt: skip
_ORG_WORDS = {
    "department", "dept", "police", "sheriff", "sheriffs", "office", "offices", "county", "city",
    "state",
    "district", "unified", "school", "schools", "board", "commission", "agency", "authority",
    "bureau", "division", "court", "college", "university", "government", "town", "village",
    "law", "attorney", "attorneys", "council", "administration", "service", "services",
    "community", "public", "of", "the", "and", "for", "on", "at", "us", "united", "states",
}  # fmt: skip
_DOC_WORDS = {
    "report", "minutes", "agenda", "log", "policy", "order", "agreement", "contract", "invoice",
    "letter", "memo", "memorandum", "notice", "request", "response", "application", "summary",
    "review", "statistics", "form", "table", "bulletin", "schedule", "manual", "plan", "decision",
    "declaration", "listing", "audit", "register", "procedure", "procedures", "disclosure",
    "assessment", "proposal", "award", "mou", "checklist", "slip", "protocol", "inventory",
}  # fmt: skip
_NOT_NAME_WORDS = _ORG_WORDS | _DOC_WORDS | {
    "a", "an", "to", "in", "by", "with", "from", "as", "or", "not", "no", "all", "this", "that",
    "your", "our", "my", "new", "general", "special", "regular", "official", "instructions",
    "attachment", "exhibit", "appendix", "enclosure", "figure", "chapter", "article", "volume",
    "birth", "date", "data", "total", "name", "number", "case", "page", "subject", "directions",
    "sector", "agent", "exclude", "include", "recovered", "deceased", "annual", "monthly",
    "weekly", "daily", "safety", "records", "record", "information", "section", "part", "item",
    "items", "year", "calendar", "sample", "draft", "final", "revised", "program", "project",
}  # fmt: skip
_HONORIFIC = re.compile(r"^(dr|mr|mrs|ms|miss|hon|judge|sgt|lt|capt|officer|chief)\.?\s+", re.I)
_ROLE = re.compile(
    r",\s*(superintendent|director|chief|manager|president|chair|secretary|supervisor|"
    r"sergeant|lieutenant|captain|commissioner|clerk|attorney|counsel|ph\.?d\.?|esq\.?|jr\.?|sr\.?)$",
    re.I,
)


def _wordlike(token: str) -> bool:
    token = token.strip(".,;:()[]{}\"'!?*-–—_")
    if not token:
        return False
    if re.fullmatch(r"[A-Za-z0-9]+(?:[-/.:#–][A-Za-z0-9]+)*", token) and re.search(r"\d", token):
        return True  # a number or an identifier: 2021-22, EPD-2025-3891, C06408441
    if not re.fullmatch(r"[A-Za-z][A-Za-z'’.-]*", token):
        return False
    letters = re.sub(r"[^A-Za-z]", "", token)
    if len(letters) == 1:
        return letters.lower() in ("a", "i") or letters.isupper()  # 'Attachment C'
    if not re.search(r"[aeiouyAEIOUY]", letters) and not letters.isupper():
        return False
    if re.search(r"[b-df-hj-np-tv-xz]{5,}", letters.lower()):
        return False
    capitalised = letters[0].isupper() and letters[1:].islower()
    return letters.islower() or letters.isupper() or capitalised


def is_person_name(title: str) -> bool:
    """'Seth May', 'CHRISTOPHER J. PAROSA', 'Candeub, Adam - Page 1', 'Dr. Matt Wayne,
    Superintendent': two to four name-shaped words (capitalised, or initials), none of them a
    function, organisational or document word; in capitals only with an initial or as
    'LAST, FIRST' (so 'ADULT ARRESTS' is not a name). A heuristic: a title-case two-word
    phrase of rare nouns can pass for a name."""
    text = re.sub(r"\s*-?\s*page\s+\d+(\s+of\s+\d+)?\s*$", "", title.strip(), flags=re.I)
    text = _HONORIFIC.sub("", text)
    text = _ROLE.sub("", text).strip(" ,")
    parts = [p for p in re.split(r"[\s,]+", text) if p]
    if not 2 <= len(parts) <= 4:
        return False
    for part in parts:
        if not re.fullmatch(r"[A-Z][A-Za-z'’-]*\.?|[A-Z]\.", part):
            return False
        if part.lower().strip(".") in _NOT_NAME_WORDS:
            return False
    words = [p for p in parts if len(p.strip(".")) > 1]
    if words and all(w.isupper() for w in words):
        has_initial = any(len(p.strip(".")) == 1 for p in parts)
        return has_initial or "," in text
    return True


def is_garbled(title: str) -> bool:
    words = title.split()
    if not words:
        return True
    good = sum(_wordlike(w) for w in words)
    return good <= len(words) / 2


def is_letterhead(title: str, names: Iterable[str] = ()) -> bool:
    """A generic letterhead word ('Law Offices', 'Memorandum') or an organisation's name alone
    ('City of Anaheim', 'LOS ANGELES COUNTY SHERIFF'S DEPARTMENT')."""
    key = " ".join(tokens(title))
    if key in _GENERIC:
        return True
    if any(key == " ".join(tokens(n)) for n in names if n):
        return True
    words = key.split()
    if not words or any(w.isdigit() for w in words) or any(w in _DOC_WORDS for w in words):
        return False
    if re.fullmatch(
        r"(city|county|town|village|state|commonwealth|city and county) of( [a-z]+){1,3}", key
    ):
        return True
    has_org = any(w in _ORG_WORDS - {"of", "the", "and", "for", "on", "at"} for w in words)
    # a name ending with an organisational word ('... Police Department', '... College')
    return has_org and words[-1] in _ORG_WORDS - {"of", "the", "and", "for", "on", "at", "us"}


def junk_reason(title: str | None, *, file_stem: str = "", names: Iterable[str] = ()) -> str | None:
    """Why a title is junk ('file name', 'person', 'garbled', 'letterhead'), or None."""
    if not title or not title.strip():
        return "empty"
    title = title.strip()
    stem_key = " ".join(tokens(file_stem))
    if (
        _FILE_NAME.search(title)
        or _PLACEHOLDER.match(title)
        or (stem_key and " ".join(tokens(title)) == stem_key)
        or re.fullmatch(r"[\w-]*_[\w-]*_[\w-]*|[\w-]{24,}", title)  # a slug: no spaces
    ):
        return "file name"
    if is_garbled(title):
        return "garbled"
    if is_person_name(title):
        return "person"
    if is_letterhead(title, names):
        return "letterhead"
    return None


# ---------------------------------------------------------------------------------------------
# Scores


@dataclass
class PR:
    """Precision and recall from pooled counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, object]:
        return {"precision": self.precision, "recall": self.recall, "tp": self.tp, "fp": self.fp,
                "fn": self.fn}  # fmt: skip


def match_sets(
    gold: Sequence[str],
    optional: Sequence[str],
    found: Sequence[object],
    match: Callable[[str, object], bool],
) -> tuple[int, list[object], list[str]]:
    """(hits, extra product values, missed gold values): each gold value is matched by at most
    one product value and the other way round; a product value matching an optional gold
    value is neither a hit nor an extra."""
    left = list(found)
    hits = 0
    missed: list[str] = []
    for value in gold:
        i = next((i for i, f in enumerate(left) if match(value, f)), None)
        if i is None:
            missed.append(value)
        else:
            hits += 1
            left.pop(i)
    extra = [f for f in left if not any(match(o, f) for o in optional)]
    return hits, extra, missed


@dataclass
class Answer:
    """What the product says about one document, read from its JSON answers."""

    doc_id: str
    title: str | None = None
    date: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    agencies: list[Named] = field(default_factory=list)
    exemptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    vendors: list[str] = field(default_factory=list)
    known: dict[str, tuple[int | None, int]] = field(
        default_factory=dict
    )  # phrase -> (rank, total)

    @classmethod
    def from_json(cls, doc: dict[str, object]) -> Answer:
        entities = doc.get("entities") or {}
        assert isinstance(entities, dict)

        def values(kind: str) -> list[str]:
            return [str(e.get("value")) if isinstance(e, dict) else str(e)
                    for e in entities.get(kind) or []]  # fmt: skip

        issuer = doc.get("issuer")
        if isinstance(issuer, dict) and "name" in issuer:
            issuer_name = issuer.get("name")
        else:
            citation = doc.get("citation") or {}
            issuer_name = citation.get("author") if isinstance(citation, dict) else None
        return cls(
            doc_id=str(doc.get("id")),
            title=doc.get("title"),  # type: ignore[arg-type]
            date=doc.get("date"),  # type: ignore[arg-type]
            doc_type=doc.get("doc_type"),  # type: ignore[arg-type]
            issuer=str(issuer_name) if issuer_name else None,
            agencies=[Named.of(e) for e in entities.get("agency") or []],
            exemptions=values("exemption"),
            requests=values("request"),
            vendors=values("vendor"),
        )


@dataclass
class Report:
    split: str
    documents: int = 0
    agencies: PR = field(default_factory=PR)
    issuer: PR = field(default_factory=PR)
    date: PR = field(default_factory=PR)
    doc_type_right: int = 0
    exemptions: PR = field(default_factory=PR)
    requests: PR = field(default_factory=PR)
    vendors: PR = field(default_factory=PR)
    titles_ok: int = 0
    junk: Counter[str] = field(default_factory=Counter)
    known_items: int = 0
    known_top3: int = 0
    known_found: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, float | None, float | None, str]]:
        n = self.documents
        share = lambda k: k / n if n else None  # noqa: E731
        known = self.known_top3 / self.known_items if self.known_items else None
        junk = ", ".join(f"{k} {v}" for k, v in sorted(self.junk.items()))
        return [
            ("agencies", self.agencies.precision, self.agencies.recall, _counts(self.agencies)),
            ("issuer", self.issuer.precision, self.issuer.recall, _counts(self.issuer)),
            ("document date", self.date.precision, self.date.recall, _counts(self.date)),
            ("doc_type", share(self.doc_type_right), share(self.doc_type_right),
             f"{self.doc_type_right}/{n} right"),
            ("exemptions", self.exemptions.precision, self.exemptions.recall,
             _counts(self.exemptions)),
            ("requests", self.requests.precision, self.requests.recall, _counts(self.requests)),
            ("vendors", self.vendors.precision, self.vendors.recall, _counts(self.vendors)),
            ("titles acceptable", share(self.titles_ok), None,
             f"{self.titles_ok}/{n}; junk {sum(self.junk.values())}"
             + (f" ({junk})" if junk else "")),
            ("known items, top 3", known, None,
             f"{self.known_top3}/{self.known_items}; found at all {self.known_found}"),
        ]  # fmt: skip

    def as_dict(self) -> dict[str, object]:
        return {
            "split": self.split,
            "documents": self.documents,
            "agencies": self.agencies.as_dict(),
            "issuer": self.issuer.as_dict(),
            "date": self.date.as_dict(),
            "doc_type": {"accuracy": (self.doc_type_right / self.documents
                                      if self.documents else None),
                         "right": self.doc_type_right,
                         "confusion": {f"{g} -> {p}": c
                                       for (g, p), c in self.confusion.most_common()}},
            "exemptions": self.exemptions.as_dict(),
            "requests": self.requests.as_dict(),
            "vendors": self.vendors.as_dict(),
            "titles": {"acceptable": self.titles_ok, "junk": dict(self.junk)},
            "known_items": {"phrases": self.known_items, "top3": self.known_top3,
                            "found": self.known_found},
        }  # fmt: skip


def _counts(pr: PR) -> str:
    return f"tp {pr.tp}, fp {pr.fp}, fn {pr.fn}"


def score(documents: Sequence[dict], answers: dict[str, Answer], gold: dict, split: str) -> Report:
    """Scores the product's answers (by gold file name) against the gold documents."""
    report = Report(split=split, documents=len(documents))
    agency_aliases = Aliases(gold.get("aliases", {}).get("agencies"))
    vendor_aliases = gold.get("aliases", {}).get("vendors")
    for doc in documents:
        answer = answers.get(doc["file"]) or Answer(doc_id="")
        errors: list[str] = []

        # agencies
        if doc.get("agencies") is not None:
            hits, extra, missed = match_sets(
                doc["agencies"], doc.get("agencies_optional") or [], answer.agencies,
                lambda g, p: agency_match(g, p, agency_aliases),  # type: ignore[arg-type]
            )  # fmt: skip
            report.agencies.tp += hits
            report.agencies.fp += len(extra)
            report.agencies.fn += len(missed)
            errors += [f"agency extra {p.value!r}" for p in extra]  # type: ignore[attr-defined]
            errors += [f"agency missed {g!r}" for g in missed]

        # issuer
        gold_issuer = doc.get("issuer")
        if gold_issuer:
            names = [gold_issuer, *(doc.get("issuer_aliases") or [])]
            right = bool(answer.issuer) and any(
                agency_match(n, Named.of(answer.issuer or ""), agency_aliases) for n in names
            )
            if right:
                report.issuer.tp += 1
            else:
                report.issuer.fn += 1
                if answer.issuer:
                    report.issuer.fp += 1
                errors.append(f"issuer {answer.issuer!r}, gold {gold_issuer!r}")

        # date
        also = doc.get("date_also") or []
        if date_ok(doc.get("date"), also, answer.date):
            if answer.date:
                report.date.tp += 1
        else:
            if answer.date:
                report.date.fp += 1
            if doc.get("date"):
                report.date.fn += 1
            errors.append(f"date {answer.date!r}, gold {doc.get('date')!r}")

        # doc_type
        label = doc_type_label(answer.doc_type)
        if label == doc["doc_type"] or label in (doc.get("doc_type_also") or []):
            report.doc_type_right += 1
        else:
            report.confusion[(doc["doc_type"], label)] += 1
            errors.append(f"doc_type {answer.doc_type!r}, gold {doc['doc_type']!r}")

        # exemptions, requests, vendors
        for kind, found, match in (
            ("exemptions", answer.exemptions, exemption_match),
            ("requests", answer.requests, request_match),
            ("vendors", answer.vendors, lambda g, p: vendor_match(g, p, vendor_aliases)),
        ):
            if doc.get(kind) is None:
                continue
            pr: PR = getattr(report, kind)
            hits, extra, missed = match_sets(
                doc[kind],
                doc.get(f"{kind}_optional") or [],
                found,
                match,  # type: ignore[arg-type]
            )
            pr.tp += hits
            pr.fp += len(extra)
            pr.fn += len(missed)
            errors += [f"{kind[:-1]} extra {p!r}" for p in extra]
            errors += [f"{kind[:-1]} missed {g!r}" for g in missed]

        # titles
        if title_ok(answer.title, doc["titles"]):
            report.titles_ok += 1
        else:
            errors.append(f"title {answer.title!r} not like {doc['titles'][0]!r}")
        names = [
            gold_issuer or "",
            *(doc.get("issuer_aliases") or []),
            *(doc.get("agencies") or []),
        ]
        reason = junk_reason(answer.title, file_stem=Path(doc["file"]).stem,
                             names=[split_state(n)[0] for n in names])  # fmt: skip
        if reason:
            report.junk[reason] += 1
            errors.append(f"junk title ({reason}): {answer.title!r}")

        # known items
        for item in doc.get("known_items") or []:
            for phrase in item["phrases"]:
                report.known_items += 1
                rank, _total = answer.known.get(phrase, (None, 0))
                if rank is not None:
                    report.known_found += 1
                if rank is not None and rank < 3:
                    report.known_top3 += 1
                else:
                    where = "not found" if rank is None else f"rank {rank + 1}"
                    errors.append(f"known item p{item['page']} {phrase!r}: {where}")
        if errors:
            report.errors[doc["file"]] = errors
    return report


# ---------------------------------------------------------------------------------------------
# Running the product


def load_gold(path: Path = GOLD) -> dict:
    return json.loads(path.read_text())


def corpus_of(gold: dict) -> Path:
    """The folder of a gold file's PDFs: its 'corpus', relative to ../shared."""
    return SHARED / gold.get("corpus", "real_corpus_2/pdfs")


def select(gold: dict, split: str) -> list[dict]:
    docs = gold["documents"]
    return docs if split == "all" else [d for d in docs if d["split"] == split]


def doc_id_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def build_index(files: Sequence[Path], index_dir: Path, ocr_cache: Path, workers: int) -> dict:
    """Indexes the files with the real pipeline (OCR auto), the OCR cache given."""
    from indexer.pipeline import Indexer
    from indexer.store import Store

    ocr_cache.parent.mkdir(parents=True, exist_ok=True)
    store = Store(index_dir, writable=True)
    try:
        indexer = Indexer(store, workers=workers, ocr_mode="auto")
        options = getattr(indexer, "options", None)
        if options is not None and hasattr(options, "ocr_cache"):
            indexer.options = dataclasses.replace(options, ocr_cache=ocr_cache)
        return indexer.run(list(files)).as_dict()
    finally:
        store.close()


def read_answers(index_dir: Path, documents: Sequence[dict], corpus: Path) -> dict[str, Answer]:
    """The product's JSON answers for each gold document, through the real app."""
    from fastapi.testclient import TestClient

    from app.main import Settings, create_app

    app = create_app(Settings(index_dir=index_dir, base_url="https://records.example.org"))
    answers: dict[str, Answer] = {}
    with TestClient(app) as client:
        for doc in documents:
            doc_id = doc_id_of(corpus / doc["file"])
            response = client.get(f"/api/documents/{doc_id}")
            if response.status_code != 200:
                answers[doc["file"]] = Answer(doc_id=doc_id)
                continue
            answer = Answer.from_json(response.json())
            for item in doc.get("known_items") or []:
                for phrase in item["phrases"]:
                    answer.known[phrase] = search_rank(client, phrase, doc_id)
            answers[doc["file"]] = answer
    return answers


def search_rank(client: object, phrase: str, doc_id: str) -> tuple[int | None, int]:
    """(0-based rank of the document among the results of the quoted phrase, or None; total)."""
    q = '"' + phrase.replace('"', " ") + '"'
    response = client.get("/api/search", params={"q": q, "per_page": 100})  # type: ignore[attr-defined]
    if response.status_code != 200:
        return None, 0
    data = response.json()
    ids = [r["id"] for r in data.get("results", [])]
    return (ids.index(doc_id) if doc_id in ids else None), int(data.get("total", 0))


def table(report: Report) -> str:
    def pct(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    lines = [
        f"split: {report.split} ({report.documents} documents)",
        f"{'kind':22} {'precision':>9} {'recall':>7}  counts",
    ]
    for name, p, r, counts in report.rows():
        lines.append(f"{name:22} {pct(p):>9} {pct(r):>7}  {counts}")
    if report.confusion:
        top = ", ".join(f"{g}→{p} {c}" for (g, p), c in report.confusion.most_common(8))
        lines.append(f"doc_type misses (gold→product): {top}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=("tune", "heldout", "all"),
        default=None,
        help="which documents (default: tune and heldout, scored apart)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="print the errors per document (tune only, unless --split heldout)",
    )
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--ocr-cache", type=Path, default=DEFAULT_OCR_CACHE)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep-index", type=Path, help="build the index here and keep it")
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        help="a gold file (repeatable; default: every one of tests/gold/real*.json that is here)",
    )
    parser.add_argument("--corpus", type=Path, help="the PDFs' folder, for a single --gold")
    args = parser.parse_args(argv)

    golds: list[tuple[str, dict, Path]] = []
    for path in args.gold or [g for g in GOLDS if g.is_file()]:
        gold = load_gold(path)
        corpus = args.corpus if args.corpus and len(args.gold or ()) == 1 else corpus_of(gold)
        if not corpus.is_dir():
            print(f"{corpus} is not here: nothing to measure", file=sys.stderr)
            return 2
        golds.append((path.stem, gold, corpus))
    splits = [args.split] if args.split else ["tune", "heldout"]
    chosen = [(name, gold, corpus, select(gold, args.split or "all"))
              for name, gold, corpus in golds]  # fmt: skip
    files = [corpus / d["file"] for _, _, corpus, docs in chosen for d in docs]

    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="rr-accuracy-"))
    index_dir = args.keep_index or workdir / "index"
    try:
        if args.keep_index and index_dir.exists():
            shutil.rmtree(index_dir)
        summary = build_index(files, index_dir, args.ocr_cache, args.workers)
        indexed = time.monotonic() - started
        answers = {name: read_answers(index_dir, docs, corpus) for name, _, corpus, docs in chosen}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    seconds = time.monotonic() - started

    reports = [
        (name, score(docs, answers[name], gold, f"{name} {s}"))
        for name, gold, _, _ in chosen
        for s in splits
        if (docs := select(gold, s))
    ]
    print(f"indexed {len(files)} files ({summary.get('pages')} pages, "
          f"{summary.get('ocr_pages', summary.get('ocr'))} OCR'd) in {indexed:.0f} s; "
          f"scored in {seconds - indexed:.0f} s")  # fmt: skip
    for _, report in reports:
        print()
        print(table(report))
    if args.errors:
        for name, report in reports:
            gold_docs = next(docs for n, _, _, docs in chosen if n == name)
            shown = {
                d["file"] for d in gold_docs if d["split"] == "tune" or args.split == "heldout"
            }
            if not shown & set(report.errors) and report.errors:
                print(f"\n({report.split} errors are not printed: ask with --split heldout)")
                continue
            print(f"\nerrors, {report.split}:")
            for file, errors in sorted(report.errors.items()):
                if file not in shown:
                    continue
                print(f"  {file}")
                for error in errors:
                    print(f"    - {error}")
    if args.json:
        out = {"seconds": round(seconds, 1), "index_seconds": round(indexed, 1),
               "reports": [r.as_dict() for _, r in reports]}  # fmt: skip
        args.json.write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
