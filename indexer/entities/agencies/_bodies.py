"""Public bodies the reference lists do not hold, found by the shape of their names: a head
word (Department, Office, Board, Commission, Authority, Agency, Council, District, Court, and
the offices of a city or county attorney, clerk or controller) with the capitalised words
around it ("Public Employment Relations Board", "Department of Water and Power"), and the
place the name opens or closes with ("California Department of Education", "Board of
Supervisors of the City and County of San Francisco"). ``_jurisdiction`` names them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...data import STATES
from ._gazetteer import gazetteer
from ._names import normalise
from ._places import STATE_CODES, Place, StateCounts, places


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEADS = (
    "Department|Office|Board|Commission|Authority|Agency|Council|District|Court|Attorney"
    "|Clerk|Controller"
)
HEAD = re.compile(rf"(?=[A-Z])\b(?:{_HEADS}|{_HEADS.upper()})\b")  # the lookahead skips ahead
_CAP = r"[A-Z](?:[A-Za-z'’]|-\n?(?=[A-Za-z])|\.(?=[A-Za-z]))*"
_JOIN = re.compile(r"of|OF|and|AND|&")
_NAME_WORD = re.compile(rf"{_CAP}|of|OF|and|AND|&")
# "of the Water and Power" after a head
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_RIGHT = re.compile(
    rf"[ \t]+(?P<prep>of|OF|for|FOR|on|ON){_GAP}(?P<the>(?:the|THE){_GAP})?"
    rf"(?P<words>{_CAP}(?:{_GAP}(?:(?:and|AND|&|of|OF){_GAP})?{_CAP}){{0,5}})"
)
# what may come between a body's name and its place: "Office of the Sheriff, County of Orange"
_BEFORE_PLACE = re.compile(
    r"[ \t]*(?:[,·–-][ \t]*|\n?[ \t]*(?:of|OF)[ \t]+(?:(?:the|THE)[ \t]+)?|\n)"
)
_LINE_END = re.compile(r"[ \t]*\n[ \t]*(?P<word>[A-Z][A-Za-z]*)")
_DEFINES = re.compile(r"[ \t]*\n?\((?:the )?[“\"]?[A-Z]{2,}")
_PROSE = 60  # a line this long is wrapped prose, where a name may go on on the next line
_STRUCTURAL = _words(
    "department office board commission authority agency council district court bureau "
    "division committee unit section"
)
# words that open no body's name: titles, salutations, sentence openers
_STOP_LEFT = _words(
    "dear to from cc bcc re subject attn attention honorable hon mayor president director "
    "chair chairman chairperson member members supervisor commissioner secretary chief "
    "manager officer sincerely respectfully mr ms mrs dr sir madam judge please pursuant "
    "per via by in at with this that these those our your their its each any all every if "
    "when while had has have was were is are be been which who whose what where as so "
    "then than however also both not no nor but or after before during until upon within "
    "without into about against among through over under here there now only may shall "
    "should would could will can must do does did the a an for on to see contact approved "
    "adopted whereas between such said interim acting deputy assistant superintendent"
)
# officials whose office is named with an apostrophe: "Sheriff's Office"
_POSSESSIVE_OK = _words("sheriff attorney controller clerk marshal treasurer assessor")
# words that end a body's name on its right: what a body issues or holds, not what it is
_STOP_RIGHT = _words(
    "act code codes section sections report reports policy program fund order orders "
    "resolution rules rule regulations manual form forms building street avenue suite "
    "room meeting minutes agenda data system website file decision case no number"
    " january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday"
)
# titles after a body's name end it, unless they are all of its complement ("Board of
# Commissioners" is a board; "Board of Education Members" are its members)
_TITLES = _words(
    "members member president chair chairman director staff employees commissioner "
    "commissioners secretary manager"
)
# words that say nothing of which body it is ("Main Office", "the Department")
_GENERIC = _words(
    "main field regional local central head home district state city county national "
    "general special executive new former of and for on the public law enforcement "
    "awarding designated administrative contracting responsible requesting issuing "
    "governing appropriate applicable respective lead sponsoring participating other "
    "booking arresting originating reporting investigating submitting receiving outside "
    "partner member owning querying user counsel"
)
# the office of a city's or county's official, named after the official: "City Attorney",
# "Office of the City Administrative Officer", "District Attorney's Office"
OFFICIAL = re.compile(
    r"^(?:Office of the )?(?P<title>(?:City|County|District) \w+(?: \w+)?)(?:['’]s Office)?$",
    re.I,
)
ATTORNEY_GENERAL = re.compile(r"^(?:Office of the )?Attorney General(?:['’]s Office)?$", re.I)


_POSSESSIVE = re.compile(r"['’]s Office$")
_PARTS = re.compile(r"\S+|\n")


@dataclass(frozen=True)
class Body:
    """A body's name as found: where, its words without its place, and the place it names."""

    start: int
    end: int
    name: str  # "Board of Supervisors", "State Board of Education"
    place: Place | None
    defined: bool = False  # an abbreviation in brackets follows: "(PERB)"
    name_end: int = 0  # where the name ends when the place follows it ("…, County of Orange")
    # the words after "of" ran into another body's head word ("Office of Education Unified
    # School District"): where this name ends is a guess
    cut: bool = False
    # the word that opens the next line when the name ends its line: where a wrapped name
    # may go on ("Office of Contract / Compliance")
    next_word: str = ""

    @property
    def of_institution(self) -> bool:
        """Whether the body is a college's or university's: "Citrus College Department of
        Campus Safety" says all by itself."""
        head = HEAD.search(self.name)
        opening = self.name[: head.start()] if head else ""
        return any(w in ("College", "University", "COLLEGE", "UNIVERSITY") for w in opening.split())


def find_bodies(
    text: str, states: StateCounts, jurisdictions: list[tuple[int, int, Place]]
) -> list[Body]:
    """Every body ``text`` names by a head word and the capitalised words around it
    (``jurisdictions``: those the text names, by ``_places.jurisdictions``)."""
    found: list[Body] = []
    floor = 0
    named = {start: (end, place) for start, end, place in jurisdictions}
    for m in HEAD.finditer(text):
        if m.start() < floor:
            continue
        body = _body(text, m.start(), m.end(), floor, states, named)
        if body:
            found.append(body)
            floor = body.end
    return found


def _body(
    text: str,
    start: int,
    end: int,
    floor: int,
    states: StateCounts,
    named: dict[int, tuple[int, Place]],
) -> Body | None:
    head = text[start:end]
    low = head.lower()
    words = [head]
    window = max(floor, start - 90)
    if start > window and text[start - 1] in " \t\n":
        before = text.rfind("\n", window, start)
        prose = before > 0 and _line_length(text, before - 1) >= _PROSE
        left, at = _left_words(text[window:start], prose)
        if left:
            words = [*left, head]
            start = window + at
    cut = False
    if low in ("attorney", "clerk", "controller"):
        if text[end : end + 8].lower() == " general" and low == "attorney":
            words.append(text[end + 1 : end + 8])
            end += 8
        elif len(words) < 2 or words[-2].lower() not in ("city", "county", "district"):
            return None
    elif low == "court":  # "Supreme Court of California", not "Court of the Clerk …"
        right = _RIGHT.match(text, end)
        if right and right.group("prep") in ("of", "OF") and not right.group("the"):
            state = right.group("words").split("\n")[0].split()[:2]
            for n in (2, 1):
                if " ".join(state[:n]).lower() in STATE_CODES:
                    words += [right.group("prep"), *state[:n]]
                    end = _end_of(text, right.start("words"), state[:n])
                    break
    elif low != "district":
        right = _RIGHT.match(text, end)
        if right:
            prose = _line_length(text, end) >= _PROSE
            complement, cut = _complement(right.group("words"), head, right.group("prep"), prose)
            if complement:
                words += [
                    right.group("prep"),
                    *(["the"] if right.group("the") else []),
                    *complement,
                ]
                end = _end_of(text, right.start("words"), complement)
    place: Place | None = None
    if start in named:  # a place that opens the name: "City and County of San Francisco"
        jurisdiction_end, place = named[start]
        words = text[jurisdiction_end:end].split()
    else:  # "California", "Los Angeles County", "Charging Party Oakland"
        place, first, past = _opening_place(words, states)
        if place is not None:
            start = _end_of(text, start, words[: first + 1]) - len(words[first])
            words = words[past:]
    after = _BEFORE_PLACE.match(text, end)
    name_end = end
    if place is None and after and after.end() in named:  # "… of the City of Los Angeles"
        end, place = named[after.end()]
        if low == "court":  # "Superior Court of California, County of Los Angeles"
            words = _of_state(words)[1]
        elif not re.search("of|OF", after.group()):  # "Mayor Department of Police · City of …":
            while words and words[0] != head:  # a letterhead's name stands alone before it
                words.pop(0)
            start = text.index(head, start)
    if place is None:
        place, words = _of_state(words)
    if not words or not _names_one(words, place):
        return None
    name = " ".join(w.replace("-\n", "") for w in words)
    wrapped = _LINE_END.match(text, end)
    next_word = wrapped.group("word") if wrapped else ""
    return Body(start, end, name, place, bool(_DEFINES.match(text, end)), name_end, cut, next_word)


def _of_state(words: list[str]) -> tuple[Place | None, list[str]]:
    """A body named "… of <a state>" is that state's: "Criminal Justice Commission of Oregon"
    is the Oregon Criminal Justice Commission."""
    for n in (1, 2):
        tail = words[-n:]
        if len(words) > n + 2 and words[-n - 1] in ("of", "OF"):
            code = STATE_CODES.get(" ".join(tail).lower())
            if code:
                return Place("state", STATES[code], code), words[: -n - 1]
    return None, words


def _opening_place(words: list[str], states: StateCounts) -> tuple[Place | None, int, int]:
    """The place the words before a head open with, or a state or county among them ("Charging
    Party Oakland County …"; a city's name inside other words is one of them, as in "European
    Union"): the place, the index of its first word and of the word after it."""
    first_words = places().first_words
    for i in range(len(words) - 1):
        if words[i].lower() not in first_words:
            continue
        for n in range(min(4, len(words) - 1 - i), 0, -1):
            found = places().find(" ".join(words[i : i + n]), states)
            if found and (i == 0 or found.kind != "city"):
                return found, i, i + n
    return None, 0, 0


def _line_length(text: str, at: int) -> int:
    """The length of the line ``at`` is on."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return (end if end >= 0 else len(text)) - start


def _end_of(text: str, start: int, words: list[str]) -> int:
    """Where ``words``, written from ``start`` with any spaces or line breaks between them,
    end."""
    end = start
    for word in words:
        end = text.index(word, end) + len(word)
    return end


def _left_words(run: str, prose: bool) -> tuple[list[str], int]:
    """The words at the end of ``run`` (the text before a head) that open a body's name, and
    where they start: back to a title, a sentence opener or another body's head word, over
    one line break at most."""
    keep: list[re.Match[str]] = []
    line_start = -1  # how many words of ``keep`` are on the head's line, once past a break
    whole_line = True
    next_start = len(run)
    for part in reversed(list(_PARTS.finditer(run))):
        word = part.group(0)
        cell = word.isupper() and "  " in run[part.end() : next_start]
        next_start = part.start()
        if cell:
            whole_line = False
            break  # a letterhead's or table's next cell
        if word == "\n":
            if line_start >= 0:
                break
            line_start = len(keep)
            continue
        if word.lower() in _STRUCTURAL:
            if keep and _JOIN.fullmatch(keep[-1].group(0)):
                keep = []  # "Department of Public Works Office …": the office alone
            whole_line = False
            break
        possessive = word[-2:].lower() in ("'s", "’s")
        if possessive and (keep or word[:-2].lower() not in _POSSESSIVE_OK):
            whole_line = False
            break
        if not _NAME_WORD.fullmatch(word) or word.lower() in _STOP_LEFT or len(keep) >= 7:
            if keep and _JOIN.fullmatch(keep[-1].group(0)):
                keep = []  # "Superintendent of Public Instruction Board …": another name's
            whole_line = False
            break
        keep.append(part)
    if line_start >= 0 and (whole_line or not prose):
        keep = keep[:line_start]  # the line before is a heading, an address or a list
    while keep and _JOIN.fullmatch(keep[-1].group(0)):
        keep.pop()
    if not keep or _JOIN.fullmatch(keep[0].group(0)):
        return [], 0  # "… Bannon and Court": the head word is a name of its own
    return [p.group(0) for p in reversed(keep)], keep[-1].start()


def _complement(run: str, head: str, prep: str, prose: bool) -> tuple[list[str], bool]:
    """The words after "Department of": up to a word that ends a name, the next body's name
    ("Arizona Department of Corrections and Texas Department …"), or the end of a name the
    reference lists know ("Department of Justice Stop Data …"); and whether they ran into
    the next body's head word with nothing to say where one name ends."""
    out: list[str] = []
    cut = False
    if run.isupper():  # a letterhead's or a table's next line or cell is another name
        run = re.split(r"\n|  ", run)[0]
    elif not prose:  # a short line (an address, a list) ends the name
        run = run.split("\n")[0]
    words = run.split()
    for i, word in enumerate(words):
        if word.lower() in ("city", "county", "state") and words[i + 1 : i + 2] in (["of"], ["OF"]):
            break  # the body's place: "Department of Police, City of …"
        if word.lower() in _STRUCTURAL:
            joins = [i for i, w in enumerate(out) if _JOIN.fullmatch(w)]
            out = out[: joins[-1]] if joins else out
            cut = not joins and len(out) > 1
            break
        if word.lower() in _STOP_RIGHT or (out and word.lower() in _TITLES):
            break
        if word[-2:] in ("'s", "’s"):
            out.append(word[:-2])
            break
        out.append(word)
    while out and _JOIN.fullmatch(out[-1]):
        out.pop()
    automaton = gazetteer().automaton
    for n in range(len(out), 0, -1):
        if n < len(out) and _JOIN.fullmatch(out[n]):
            continue
        if normalise(f"{head} {prep} {' '.join(out[:n])}") in automaton:
            return out[:n], False
    return out, cut


def _names_one(words: list[str], place: Place | None) -> bool:
    """Whether ``words`` name one body: a word that is not generic, or an official's office,
    and no "Office" or court without its place."""
    name = " ".join(words)
    if OFFICIAL.match(name) or ATTORNEY_GENERAL.match(name):
        return True
    if words[-1].lower() == "office" and not _POSSESSIVE.search(name):
        return False  # "Phoenix Field Office", "Internal Affairs Office": a unit, not a body
    heads = [w for w in words if w.lower() in _STRUCTURAL]
    if heads and not heads[0].isupper() and all(w.isupper() for w in words if w not in heads):
        return False  # "LEA Agency": an abbreviation and a head word
    last = words[-1].lower()
    if place is None and (last in ("office", "district", "court") or "court" in name.lower()):
        return False
    content = [w for w in words if w.lower() not in _GENERIC and w.lower() not in _STRUCTURAL]
    return (
        bool(content)
        and (last in _STRUCTURAL or last not in _GENERIC)
        and all(map(_word_or_name, content))
    )


def _word_or_name(word: str) -> bool:
    """Whether a word of a body's name is an English word (of the maintained word list the
    OCR judgement reads), an abbreviation or the first word of a place's name: not a word
    that a poor scan misread ("Eugene Poice Department")."""
    from ...ocr import english_words  # loaded once per process, for the OCR decision too

    bare = word.strip(".,'’").removesuffix("'s").removesuffix("’s")
    low = bare.lower()
    return (
        not bare.isalpha()
        or (bare.isupper() and len(bare) <= 6)
        or low in english_words()
        or low in places().first_words
    )
