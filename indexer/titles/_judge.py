"""What makes a line unfit to be a document's title: a file-system or placeholder name, a
garbled line, a person's name alone, or a letterhead (a generic word, or an organisation's
name alone). Each rule is one function with its reason in its docstring."""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Collection

from ..entities.agencies import normalise
from ..ocr import english_words

_FILE_NAME = re.compile(
    r"\.(pdf|docx?|xlsx?|csv|txt|tiff?|jpe?g|png|gif|bmp|msg|eml|pptx?|rtf|wpd|exe|zip|html?"
    r"|xml|json)\b|^microsoft (word|excel|powerpoint|outlook)\s*-|^[a-z]:\\|\\"
    r"|(?:^|\s)/\w",
    re.I,
)
_LOWER_PATH = re.compile(r"[\w.-]*[a-z][\w.-]*/[\w.-]*[a-z][\w.-]*/")  # folders/in/a/path
_PLACEHOLDER = re.compile(
    r"(untitled|document|doc|sample|scan|scanned document|image|img|page|new document|file"
    r"|copy|title|print|printout|no subject)[\s#_-]*\d*",
    re.I,
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_CODE_PARTS = re.compile(r"[-–/.:#,()$%]+")
_NUMBERED = re.compile(r"[A-Za-z]?\d+[A-Za-z]{0,2}")  # M27, 1505ML, 12th
_LETTER = re.compile(r"[A-Z]\.?")
_COMPOUND = re.compile(r"[-/]+")
_INITIALS = re.compile(r"[A-Z]\.?(?:[A-Z]\.)*")
_PROPER = re.compile(r"[A-Z][a-z]{2,}(?:['’]s)?")  # a capitalised word: a name the list lacks
_EDGE = "\"'“”‘’()[]{},.;:!?*_|•·-–—~"
_SHORT_WORDS = {
    "a", "an", "as", "at", "by", "i", "in", "is", "it", "no", "of", "on", "or", "to", "up",
    "us", "v", "vs", "re", "&", "de", "la", "el",
}  # fmt: skip
_HONORIFIC = {"mr", "mrs", "ms", "miss", "dr", "hon", "judge", "justice", "sgt", "lt", "capt"}
_SUFFIX = {"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md", "edd"}
# Words that make a title generic on its own: a letterhead, a form's label, a salutation, a
# signature's role
GENERIC = {
    "law", "office", "offices", "attorney", "attorneys", "at", "counsel", "memorandum", "memo",
    "letter", "correspondence", "fax", "facsimile", "transmittal", "confidential", "draft",
    "official", "use", "only", "for", "the", "of", "and", "department", "city", "county",
    "state", "town", "village", "headquarters", "re", "subject", "to", "from", "date", "dear",
    "sincerely", "page", "sent", "via", "email", "e", "mail", "internal", "interoffice",
    "public", "notice", "report", "minutes", "agenda", "form", "table", "invoice", "information",
    "general", "director", "chief", "manager", "superintendent", "secretary", "president",
    "chair", "clerk", "commissioner", "deputy", "assistant",
}  # fmt: skip
# Last words of an organisation's name
ORG_WORDS = {
    "department", "dept", "office", "offices", "agency", "bureau", "division", "commission",
    "authority", "board", "council", "district", "police", "sheriff", "court", "college",
    "university", "school", "schools", "county", "city", "state", "government", "administration",
    "service", "services", "center", "centre", "institute", "committee", "inc", "llc", "llp",
    "corporation", "corp", "company", "group", "association", "foundation", "ministry", "unit",
    "section", "branch", "headquarters", "partners", "project", "union", "attorneys",
}  # fmt: skip
# Words that name a kind of record: a line holding one names the document
RECORD_WORDS = {
    "report", "reports", "log", "order", "agreement", "contract", "award", "invoice", "policy",
    "procedure", "procedures", "manual", "guide", "handbook", "agenda", "minutes", "notice",
    "memorandum", "memo", "letter", "checklist", "slip", "sheet", "form", "summary", "listing",
    "list", "register", "decision", "opinion", "complaint", "motion", "declaration", "affidavit",
    "petition", "brief", "transcript", "deposition", "subpoena", "certificate", "application",
    "request", "response", "bulletin", "directive", "plan", "proposal", "statement", "schedule",
    "audit", "review", "protocol", "budget", "disclosure", "assessment", "appendix", "exhibit",
    "study", "analysis", "survey", "quote", "quotation", "estimate", "receipt", "roster",
    "inventory", "table", "dataset", "resolution", "ordinance", "amendment", "modification",
    "announcement", "guidance", "questionnaire", "evaluation", "findings", "testimony",
    "stipulation", "judgment", "judgement", "notes", "chart", "flowchart", "orders",
    "determination", "ruling", "answer", "reply",
}  # fmt: skip
_ORG_FOR = re.compile(
    r"\b(?:department|dept|office|bureau|division|ministry|court|agency|commission|board)\s+"
    r"(?:of|for)\b",
    re.I,
)
_ORG_OF = re.compile(
    r"^(?:the\s+)?(?:(?:u\.?s\.?|united states|[a-z.]+)\s+)?(?:department|dept|office|bureau|"
    r"division|ministry|city|county|state|town|village|commonwealth|city and county)\s+of\b",
    re.I,
)


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def is_english(word: str) -> bool:
    """A word of the English word list, as written or without its possessive."""
    words = english_words()
    lower = word.lower().replace("’", "'")
    return lower in words or (lower.endswith("'s") and lower[:-2] in words)


def is_identifier(token: str) -> bool:
    """A number or a code: digits, with capitals or short lower-case parts (EPD-2025-3891,
    19-cv-7058, M27, #1698), never a run of mixed letters and digits ("eclds7Se5754")."""
    if not any(c.isdigit() for c in token):
        return False
    parts = [p for p in _CODE_PARTS.split(token) if p]
    return all(
        p.isdigit()
        or p.isupper()
        or (p.islower() and len(p) <= 3)
        or _NUMBERED.fullmatch(p) is not None
        for p in parts
    )


def _token_is_word(token: str) -> bool:
    core = token.strip(_EDGE)
    if not core:
        return token in ("&", "-", "–", "—", "/", ":")
    if is_identifier(core):
        return True
    if _LETTER.fullmatch(core) or core.lower() in _SHORT_WORDS:
        return True
    parts = [p for p in _COMPOUND.split(core) if p]
    return bool(parts) and all(
        (p.isupper() and p.isalpha() and len(p) <= 6)
        or _PROPER.fullmatch(p) is not None
        or (len(p) >= 3 and p.replace("’", "'").replace("'", "").isalpha() and is_english(p))
        or p.lower() in _SHORT_WORDS
        for p in parts
    )


def is_garbled(text: str) -> bool:
    """Not a line of words: half or more of its tokens are neither English words, capitalised
    names, numbers, codes nor acronyms ("t:/j Kif", "I Pee | ee", "ffock safety"), it has no
    English word of three letters or more and no code, or its brackets do not pair ("[amount
    Paid Total)")."""
    tokens = text.split()
    if not tokens:
        return True
    if 2 * sum(_token_is_word(t) for t in tokens) <= len(tokens):
        return True
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return True
    english = any(len(w) >= 3 and is_english(w) for w in _WORD.findall(text))
    return not english and not any(is_identifier(t.strip(_EDGE)) for t in tokens)


def is_file_name(text: str) -> bool:
    """A file-system or placeholder name: an extension, a path, "Microsoft Word - …", a slug
    without spaces, or a placeholder word with a number ("Document1", "Sample #2")."""
    text = text.strip()
    return bool(
        _FILE_NAME.search(text)
        or _LOWER_PATH.search(text)
        or _PLACEHOLDER.fullmatch(text)
        or (" " not in text and ("_" in text or len(text) >= 24))
    )


@functools.cache
def _census(kind: str) -> frozenset[str]:
    """First names (``first``) or surnames (``last``) of the 1990 US Census, as the ``names``
    package ships them (5,000 first names, 89,000 surnames)."""
    files = ("dist.male.first", "dist.female.first") if kind == "first" else ("dist.all.last",)
    root = importlib.resources.files("names")
    return frozenset(
        line.split(maxsplit=1)[0].lower()
        for name in files
        for line in root.joinpath(name).read_text().splitlines()
        if line.strip()
    )


def _is_initial(word: str) -> bool:
    return _INITIALS.fullmatch(word) is not None


def is_person(words: list[str]) -> bool:
    """Capitalised words that make a person's name: a first name of the census (or an
    initial), maybe initials, then a surname of the census or a word that is no English word;
    an honorific before and a suffix after are allowed."""
    words = [w for w in words if w.lower().strip(".") not in _HONORIFIC]
    while words and words[-1].lower().replace(".", "") in _SUFFIX:
        words = words[:-1]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].strip(",.").lower()
    if _is_initial(words[-1]) or last in RECORD_WORDS or last in ORG_WORDS:
        return False
    if not (_is_initial(words[0]) or words[0].strip(",").lower() in _census("first")):
        return False
    return last in _census("last") or not is_english(last)


def is_lone_name(text: str) -> bool:
    """Only a person's name, maybe with a case number, an honorific, a degree or a role after
    a comma: "Seth May", "18-15517 Atkinson, Ryan", "Matt Wayne, Ed.D., Superintendent"."""
    kept = " ".join(t for t in text.split() if not is_identifier(t.strip(_EDGE)))
    chunks = [c.strip() for c in kept.split(",") if c.strip()]
    if not chunks:
        return False
    head = chunks[0].split()
    if is_person(head) and all(len(c.split()) <= 3 for c in chunks[1:]):
        return True
    # "Surname, First [Initial]"
    if len(chunks) >= 2 and len(head) == 1:
        rest = chunks[1].split()
        return (
            1 <= len(rest) <= 2
            and head[0][:1].isupper()
            and rest[0].lower() in _census("first")
            and (head[0].lower() in _census("last") or not is_english(head[0]))
        )
    return False


def is_letterhead(text: str, agencies: Collection[str] = ()) -> bool:
    """A letterhead rather than a title: nothing but generic words ("Law Offices", "Office of
    the", "General Counsel"), an organisation's name ("City of Chicago", "San Diego Police
    Dept", "Department of Campus Safety", "District Court for the District of Maryland"), or
    the name of an agency the document names (``agencies``, normalised)."""
    words = words_of(text)
    if not words or all(w in GENERIC for w in words):
        return True
    if normalise(text) in agencies:
        return True
    if _ORG_OF.match(text.strip()):
        return True
    if any(w in RECORD_WORDS for w in words):
        return False
    if _ORG_FOR.search(text):
        return True
    named = [w for w in _WORD.findall(text) if w.lower() not in ("of", "the", "and", "for")]
    capitalised = all(w[:1].isupper() for w in named)
    return capitalised and words[-1] in ORG_WORDS


def junk(text: str, agencies: Collection[str] = ()) -> bool:
    """Whether a title would be junk by any of the rules above, judged as it shows: without
    the control characters a PDF's Title may hold."""
    text = "".join(c for c in text if c.isprintable())
    return (
        is_file_name(text)
        or is_garbled(text)
        or is_lone_name(text)
        or is_letterhead(text, agencies)
    )
