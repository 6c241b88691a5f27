"""Agency names as the matcher sees them: the normalised token stream, and the initialisms
and abbreviations an agency may be written as."""

from __future__ import annotations

import re

from ...data import STATES

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:-\n[a-z]+)?(?:['’][A-Za-z]+)?|&")
TOKEN_PARTS = re.compile(f"({TOKEN.pattern})")  # split() gives the words and what lies between
# Where lower-casing a text changes where TOKEN finds words: "İ" becomes two characters, the
# Kelvin sign "K" an ASCII "k", and "-\n" before a capital ends a word that lower case continues.
HYPHEN_CAPITAL = re.compile("-\n[a-z]*[A-Z]")
SYNONYMS = {"&": "and", "dept": "department", "sheriffs": "sheriff", "depts": "department"}
# what follows a name in a law's title ("the Illinois Emergency Management Agency Act"): the
# name is not a mention of the agency
LAW_AFTER = re.compile(r"[ \t]*\n?[ \t]*(?:Act|ACT)\b")


def norm_token(word: str) -> str:
    """One lower-case token in its matching form."""
    if word.isalnum():
        return SYNONYMS.get(word, word)
    if "." in word:
        return word.replace(".", "")
    token = word.replace("-\n", "")
    if "'" in token or "’" in token:
        head, _, tail = token.replace("’", "'").partition("'")
        token = head if tail == "s" else head + tail
    return SYNONYMS.get(token, token)


def normalise(name: str) -> str:
    """A name as the automaton sees it: "Sheriff's Dept." -> "sheriff department"."""
    return " ".join([norm_token(word) for word in TOKEN.findall(name.lower())])


def is_caps(name: str) -> bool:
    """A name of one or two words written in capitals: an abbreviation."""
    return caps_form(name) and len(name.split()) <= 2


def caps_form(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


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
