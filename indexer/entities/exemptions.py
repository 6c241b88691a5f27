"""FOIA and public-records exemptions: codes cited as the reason something is withheld.

Federal: "(b)(6)", "(b)(6); (b)(7)(C)", run together "(b)(6)(b)(7)(c)", "b6", "b7C",
"Exemption 7(C)", "Exemptions 6 and 7(C)", "5 U.S.C. § 552(b)(6) and (7)(C)", normalised to
"(b)(6)" and "(b)(7)(C)". A (b)(n) of another section or rule ("28 U.S.C. § 1346(b)(1)",
"Fed. R. Civ. P. 12(b)(6)", "6 C.F.R. § 5.11(b)(6)"), or the ends of a range
("§ 552(b)(1)-(9)"), is not one.

States: Illinois "5 ILCS 140/7(1)(c)", "Section 7(1)(c)", "5 ILCS 140/7.5(v)"; and the codes of
``_CODES``, each with its state's public-records act and the act's exemption sections:
"Cal. Gov. Code § 6254(c)", "§ 7927.700", "ORS 192.345(3)", "Minn. Stat. § 13.43",
"Tex. Gov't Code § 552.101", "RCW 42.56.240(1)"... A section among an act's exemptions is one
wherever it is cited. Another section of the act (its title, definitions, fees, deadlines,
review: "Cal. Gov. Code § 6250", "ORS 192.415") never is. Any other section of a code
("ORS 181A.825", "Penal Code § 832.7") is one where its sentence says that something is withheld,
redacted or exempt from disclosure, and not where a letter or a court decision cites it in
passing ("Government Code Section 3540.2(e)", "in violation of Government Code section 3543.6").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from ._patterns import by_first_character

# Each pattern, and each of its alternatives, opens with a literal character: the engine then
# skips to the characters that can start a match instead of trying it at every position. A
# word boundary before that character is tested after it: "b(?<!\wb)" for "\bb".
_FEDERAL = re.compile(
    r"\(\s*b\s*\)\s*\(\s*(?P<n>[1-9])\s*\)(?:\s*\(\s*(?P<sub>[A-Fa-f])\s*\)(?!\s*\(\s*\d))?"
    r"|b(?<!\wb)(?P<n2>[1-9])(?P<sub2>[A-Fa-f])?\b"
    r"|b(?<![g-zA-Z]b)\(\s*(?P<n3>[1-9])\s*\)(?:\s*\(\s*(?P<sub3>[A-Fa-f])(?![ac-zA-Z]|b(?!\())\s*\)?)?"
)
_SHORT = re.compile(
    r"b(?<!\wb)(?P<n2>[1-9])(?P<sub2>[A-Fa-f])?\b(?P<n>)?(?P<sub>)?(?P<n3>)?(?P<sub3>)?"
)
# "(b)(6) and (7)(C)": further paragraphs of the same subsection
_FEDERAL_MORE = re.compile(
    r"\s*(?:,|&|\band\b|\bor\b)\s*(?:and\s+|or\s+)?\(\s*(?P<n>[1-9])\s*\)"
    r"(?:\s*\(\s*(?P<sub>[A-Fa-f])\s*\))?"
)
# A (b) may follow section 552 of title 5 and no other section
_ATTACHED = re.compile(r"([\w.\-]+)$")
_SPACED = re.compile(
    r"(?:§+|\bsec(?:tion|s?\.)|\bsections|\bU\.?\s?S\.?\s?C\.?(?:\s?A\.?)?|\brule|\bR\.|"
    r"\bC\.?\s?F\.?\s?R\.?|\bstat\.|\bcode|\bP\.)\s*([\w.\-]+)\s+$",
    re.IGNORECASE,
)
_CROSS_REFERENCE = re.compile(
    r"\b(?:sub)?(?:section|paragraph|clause|subparagraph|subdivision)\s*$", re.IGNORECASE
)
_FOIA = re.compile(r"552|FOIA|Freedom of Information", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:(?:-|–|—)\s*|(?:through|to)\s+(?:\(\s*b\s*\)\s*)?)\(\s*\d")
_RANGE_BEFORE = re.compile(r"(?:through|to)\s*$")

_NAMED = re.compile(
    r"E(?<!\wE)xemptions?\s+(?P<list>[1-9](?:\s*\([A-Fa-f]\))?(?:\s*(?:,|and|&)\s*[1-9](?:\s*\([A-Fa-f]\))?)*)"
)
_NAMED_ITEM = re.compile(r"(?P<n>[1-9])(?:\s*\((?P<sub>[A-Fa-f])\))?")

# Illinois FOIA: section 7 (exemptions) and 7.5 (statutory exemptions) of 5 ILCS 140
_ILLINOIS = re.compile(
    r"(?=[57])(?:\b5\s+ILCS\s+(?:\d{2,3}/)?|(?<![\w(/.])(?=7(?:\.5)?\s*\(\s*(?:1|[a-z]{1,2})\s*\)))"
    r"(?:(?P<section>7)\s*\(\s*(?P<sub>1)\s*\)|(?P<section5>7\.5)\s*(?=\())"
    r"(?P<rest>(?:\s*\(\s*[a-z]{1,4}\s*\))*)"
)
_ILLINOIS_PAGE = re.compile(r"ILCS|Illinois|Freedom of Information|FOIA")

# What a sentence citing a statute says. "Exempt" and "confidential" count only beside a word
# about records, and none of them where it is said of payments, consent or taxes.
_STRONG = re.compile(
    r"redact|excepted\s+from|privileged|non-?disclos|protected\s+from\s+(?:public\s+)?disclosure"
    r"|not\s+(?:be\s+)?(?:subject|open|available)\s+(?:to|for)\s+(?:public\s+)?"
    r"(?:disclosure|inspection)",
    re.IGNORECASE,
)
_WITHHELD = re.compile(r"withh[eo]l", re.IGNORECASE)
_WEAK = re.compile(r"exempt|confidential", re.IGNORECASE)
_ABOUT_RECORDS = re.compile(
    r"disclos|releas|record|request|inspect|public|information", re.IGNORECASE
)
_NOT_RECORDS = re.compile(
    r"unreasonably\s+withh\w*|withh[eo]l\w*\s+(?:\w+\s+){0,2}(?:payments?|retention|funds|sums?"
    r"|amounts?|tax\w*|wages|consent|approval)|tax[- ]exempt\w*"
    r"|exempt\w*\s+from\s+(?:\w+\s+){0,3}tax\w*|exempt\s+employees?",
    re.IGNORECASE,
)
# a full stop, unless it ends an abbreviation ("Gov. Code", "U.S.C. § 552", "Minn. Stat.")
_SENTENCE_END = re.compile(r"(?P<word>[\w’']*)[.!?][\"”’)]*\s+(?=[A-Z\"“(])|\n\s*\n")

# subsections, and Minnesota's subdivisions: "(3)(b)", "(A)(1)(h)", ", subd. 7"
_SUBS = (
    r"(?:\s*\(\s*[A-Za-z0-9]{1,4}\s*\))*"
    r"(?:,?\s*subd(?:ivision|s?\.)\s*\d+[a-z]?(?:\s*\(\s*[a-z0-9]{1,3}\s*\))*)?"
)
_MARK_WORDS = r"§§?|S(?<!\wS)(?:ections?\b|ecs?\.)|s(?<!\ws)(?:ections?\b|ecs?\.|s?\.(?=\s*\d))"
_MARK = rf"(?:{_MARK_WORDS})"


class _Code:
    """A code as records cite it, with its state's public-records act.

    ``written``: how records name it, as alternatives that each open with a literal character
    (the engine then skips to the characters that can start one). ``act`` matches the act's
    sections, ``exempt`` the start of those of them (with their subsections) that are
    exemptions. ``starts``: how those begin, where they are distinctive enough to be read
    without the code's name ("§ 6254(c)", "withheld under 192.345(3)")."""

    def __init__(
        self,
        name: str,
        written: tuple[str, ...],
        section: str,
        act: str = "",
        exempt: str = "",
        starts: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.written = written
        self.named = re.compile("|".join(written))
        self.act = re.compile(act) if act else None
        self.exempt = re.compile(exempt) if exempt else None
        self.starts = starts
        self.cite = re.compile(rf"(?P<section>{section})(?![\w.]*\d)(?P<subs>{_SUBS})")
        self.more = re.compile(
            rf"\s*(?:,|;|&|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?P<mark>{_MARK})?\s*"
            rf"(?:(?P<section>{section})(?![\w.]*\d))?(?P<subs>{_SUBS})"
        )

    def canonical(self, section: str, subs: str) -> str:
        return f"{self.name} {section}{subs}"

    def is_exempt(self, section: str, subs: str) -> bool:
        return bool(self.exempt and self.exempt.match(section + subs))

    def in_act(self, section: str) -> bool:
        return bool(self.act and self.act.fullmatch(section))


# The Government Codes of Texas (whose Public Information Act is chapter 552) and California
# are both written "Government Code"; the state before it, or else the section, tells which.
_GOV = r"Gov(?:ernment|[’']t|t?\.)\s+Code"
_STATE_BEFORE = re.compile(r"(?:Tex(?:as|\.)|Cal(?:ifornia|\.))\s+$")
_TEXAS = _Code(
    "Tex. Gov't Code §",
    (_GOV,),
    r"\d{1,4}\.\d{3}",
    act=r"552\.\d{3}",
    exempt=r"552\.1\d\d(?!\d)",
    starts=("552.1",),
)
# the California Public Records Act: §§ 6250-6276.48, recodified in 2023 as §§ 7920.000-7931.000
# (exemptions: 6254, 6255, 6276; 7922.000 and 7923.600 on)
_CALIFORNIA = _Code(
    "Cal. Gov. Code §",
    (_GOV,),
    r"\d{3,5}(?:\.\d+)*",
    act=r"62(?:5\d|6\d|7[0-6])(?:\.\d+)?|79(?:2\d|3[01])\.\d{3}",
    exempt=r"(?:6254(?:\.\d+)?|6255|6276(?:\.\d+)?|7922\.000|7923\.[6-9]\d\d"
    r"|79(?:2[4-9]|3[01])\.\d{3})(?![\d.])",
    starts=("6254", "6255", "6276", "792", "793"),
)
# California's other codes that make records confidential; no public-records act of their own
_CAL_CODES = {
    "Penal": r"Penal",
    "Evid.": r"Evid(?:ence|\.)",
    "Civ.": r"Civ(?:il|\.)",
    "Welf. & Inst.": r"Welf(?:are|\.)\s*(?:&|and)\s*Inst(?:itutions|\.)",
    "Veh.": r"Veh(?:icle|\.)",
    "Health & Saf.": r"Health\s*(?:&|and)\s*Saf(?:ety|\.)",
    "Educ.": r"Educ(?:ation|\.)",
    "Elec.": r"Elec(?:tions|\.)",
    "Fam.": r"Fam(?:ily|\.)",
}
_CODES: tuple[_Code, ...] = (
    *(
        _Code(f"Cal. {short} Code §", (rf"{written}\s+Code",), r"\d{1,5}(?:\.\d+)*")
        for short, written in _CAL_CODES.items()
    ),
    # Oregon Public Records Law, ORS 192.311-192.478: exemptions 192.345 and 192.355
    _Code(
        "ORS",
        (r"ORS\b", r"O\.\s?R\.\s?S\.", r"Or(?:egon|\.)\s+Rev(?:ised|\.)\s+Stat(?:utes|s?\.)"),
        r"\d{1,3}[A-C]?\.\d{3}",
        act=r"192\.(?:3[1-9]\d|4[0-7]\d)",
        exempt=r"192\.3[45]5(?!\d)",
        starts=("192.3",),
    ),
    # Minnesota Government Data Practices Act, chapter 13: classifications from 13.30 on
    _Code(
        "Minn. Stat. §",
        (
            r"Minn(?:esota|\.)\s*Stat(?:utes|s?\.)(?:\s+Ann\.)?",
            r"M\.\s?S\.(?:\s?A\.)?(?=\s*§?\s*\d)",
        ),
        r"\d{1,3}[A-Z]?\.\d{2,4}",
        act=r"13\.\d{2,3}",
        exempt=r"13\.[3-9]\d\d?(?![\d.])",
        starts=("13.",),
    ),
    # Washington Public Records Act, RCW 42.56: exemptions 42.56.210-42.56.480
    _Code(
        "RCW",
        (r"RCW",),
        r"\d{1,2}[A-Z]?\.\d{2,3}[A-Z]?\.\d{3}",
        act=r"42\.56\.\d{3}",
        exempt=r"42\.56\.(?:2[1-9]\d|[34]\d\d)(?!\d)",
        starts=("42.56.",),
    ),
    # New York FOIL, Public Officers Law §§ 84-90: exemptions § 87(2), privacy § 89(2)
    _Code(
        "N.Y. Pub. Off. Law §",
        (r"Pub(?:lic|\.)\s+Off(?:icers|\.)\s+Law", r"POL\b"),
        r"\d{1,3}(?:-[a-z])?",
        act=r"8[4-9]|90",
        exempt=r"8[79]\(2\)",
    ),
    # Michigan FOIA, MCL 15.231-15.246: exemptions 15.243
    _Code(
        "MCL",
        (r"M\.?C\.?L\.?(?:A\.?)?",),
        r"\d{1,3}\.\d{1,4}[a-z]?",
        act=r"15\.2(?:3[1-9]|4[0-6])[a-z]?",
        exempt=r"15\.243(?!\d)",
        starts=("15.243",),
    ),
    # Kentucky Open Records Act, KRS 61.870-61.884: exemptions 61.878
    _Code(
        "KRS",
        (r"K\.?R\.?S\.?",),
        r"\d{1,3}[A-Z]?\.\d{3}",
        act=r"61\.8(?:7\d|8[0-4])",
        exempt=r"61\.878(?!\d)",
        starts=("61.878",),
    ),
    # Florida, chapter 119: general exemptions 119.071-119.0715
    _Code(
        "Fla. Stat. §",
        (r"Fla\.\s*Stat\.(?:\s+Ann\.)?", r"F\.\s?S\.(?=\s*§?\s*\d)"),
        r"\d{1,3}\.\d{2,4}",
        act=r"119\.\d{2,4}",
        exempt=r"119\.071\d?(?!\d)",
        starts=("119.071",),
    ),
    # District of Columbia FOIA, D.C. Code §§ 2-531-2-540: exemptions 2-534
    _Code(
        "D.C. Code §",
        (r"D\.\s?C\.\s+(?:Official\s+)?Code(?:\s+Ann\.)?",),
        r"\d{1,2}-\d{3,4}(?:\.\d+)?",
        act=r"2-5(?:3[1-9]|40)(?:\.\d+)?",
        exempt=r"2-534(?![\d.])",
        starts=("2-534",),
    ),
    # Pennsylvania Right-to-Know Law, 65 P.S. § 67.101 on: exceptions 67.708
    _Code(
        "65 P.S. §",
        (r"65\s+P\.\s?S\.",),
        r"\d{1,3}\.\d{3,4}",
        act=r"67\.\d{3,4}",
        exempt=r"67\.708(?!\d)",
        starts=("67.708",),
    ),
    # Georgia Open Records Act, O.C.G.A. §§ 50-18-70-50-18-77: exemptions 50-18-72
    _Code(
        "O.C.G.A. §",
        (r"O\.\s?C\.\s?G\.\s?A\.", r"OCGA\b"),
        r"\d{1,2}-\d{1,2}-\d{1,3}(?:\.\d+)?",
        act=r"50-18-7\d",
        exempt=r"50-18-72(?![\d.])",
        starts=("50-18-72",),
    ),
    # Colorado Open Records Act (24-72-200.1 on) and Criminal Justice Records Act (24-72-301 on)
    _Code(
        "C.R.S. §",
        (r"C\.\s?R\.\s?S\.", r"Colo\.\s*Rev\.\s*Stat\."),
        r"\d{1,2}-\d{1,3}-\d{3}(?:\.\d+)?",
        act=r"24-72-[23]\d\d(?:\.\d+)?",
        exempt=r"24-72-(?:204|305)(?![\d.])",
        starts=("24-72-",),
    ),
    # Utah GRAMA, 63G-2: private, controlled and protected records 63G-2-302 to -305
    _Code(
        "Utah Code §",
        (r"Utah\s+Code(?:\s+Ann\.)?",),
        r"\d{1,2}[A-Z]-\d{1,2}-\d{3}(?:\.\d+)?",
        act=r"63G-2-\d{3}(?:\.\d+)?",
        exempt=r"63G-2-30[2-5](?![\d.])",
        starts=("63G-2-30",),
    ),
    # Ohio Public Records Act, R.C. 149.43: exemptions in its division (A)(1)
    _Code(
        "Ohio Rev. Code §",
        (r"Ohio\s+Rev(?:ised|\.)\s+Code(?:\s+Ann\.)?", r"O\.?R\.?C\.?(?=\s*§?\s*\d)", r"R\.C\."),
        r"\d{1,4}\.\d{2,3}",
        act=r"149\.43",
        exempt=r"149\.43\(A\)\(1\)",
        starts=("149.43",),
    ),
    # Connecticut FOIA, Conn. Gen. Stat. § 1-200 on: exemptions 1-210(b)
    _Code(
        "Conn. Gen. Stat. §",
        (r"Conn(?:ecticut|\.)\s+Gen(?:eral|\.)\s+Stat(?:utes|s?\.)", r"C\.\s?G\.\s?S\."),
        r"\d{1,3}[a-z]?-\d{1,4}[a-z]?",
        act=r"1-2[0-4]\d[a-z]?",
        exempt=r"1-210\(b\)",
        starts=("1-210",),
    ),
    # Iowa, chapter 22: confidential records 22.7
    _Code(
        "Iowa Code §",
        (r"Iowa\s+Code",),
        r"\d{1,3}[A-Z]?\.\d{1,3}[A-Z]?",
        act=r"22\.\d{1,2}",
        exempt=r"22\.7(?!\d)",
    ),
    # Missouri Sunshine Law, chapter 610: closed records 610.021
    _Code(
        "Mo. Rev. Stat. §",
        (r"Mo\.\s*Rev\.\s*Stat\.", r"RSMo\b"),
        r"\d{3}\.\d{3}",
        act=r"610\.\d{3}",
        exempt=r"610\.021(?!\d)",
        starts=("610.021",),
    ),
    # Virginia FOIA, § 2.2-3700 on: exclusions 2.2-3705.1 to 2.2-3706.1
    _Code(
        "Va. Code §",
        (r"Va\.\s*Code(?:\s+Ann\.)?", r"Code\s+of\s+Virginia"),
        r"\d{1,2}(?:\.\d)?-\d{1,4}(?:\.\d+)?",
        act=r"2\.2-37(?:0\d|1[0-5])(?:\.\d+)?",
        exempt=r"2\.2-370[56](?!\d)",
        starts=("2.2-370",),
    ),
    # Indiana Access to Public Records Act, 5-14-3: exceptions 5-14-3-4
    _Code(
        "Ind. Code §",
        (r"Ind(?:iana|\.)\s+Code",),
        r"\d{1,2}-\d{1,2}-\d{1,2}-\d{1,2}(?:\.\d+)?",
        act=r"5-14-3-\d+(?:\.\d+)?",
        exempt=r"5-14-3-4(?!\d)",
        starts=("5-14-3-4",),
    ),
    # North Carolina, chapter 132: exceptions 132-1.1 on
    _Code(
        "N.C. Gen. Stat. §",
        (r"N\.\s?C\.\s?G\.\s?S\.", r"N\.\s?C\.\s+Gen\.\s+Stat\."),
        r"\d{1,3}[A-Z]?-\d{1,3}(?:\.\d+)?",
        act=r"132-\d+(?:\.\d+)?",
        exempt=r"132-1\.\d+",
        starts=("132-1.",),
    ),
    # Tennessee Public Records Act, 10-7-501 on: confidential records 10-7-504
    _Code(
        "Tenn. Code Ann. §",
        (r"Tenn\.\s*Code(?:\s+Ann\.)?", r"T\.\s?C\.\s?A\."),
        r"\d{1,2}-\d{1,2}-\d{3}",
        act=r"10-7-5\d\d",
        exempt=r"10-7-504(?!\d)",
        starts=("10-7-504",),
    ),
    # New Jersey OPRA, N.J.S.A. 47:1A-1 on
    _Code(
        "N.J.S.A.",
        (r"N\.\s?J\.\s?S\.\s?A\.", r"N\.\s?J\.\s*Stat\.\s*Ann\."),
        r"\d{1,2}[A-Z]?:\d{1,2}[A-Z]?-\d{1,3}(?:\.\d+)?",
        act=r"47:1A-\d+(?:\.\d+)?",
        exempt=r"47:1A-(?:1\.1|3|9|10)(?![\d.])",
        starts=("47:1A-",),
    ),
    # Wisconsin, 19.31-19.39: limitations 19.36 and the balancing test of 19.35(1)(a)
    _Code(
        "Wis. Stat. §",
        (r"Wis(?:consin|\.)\s+Stat(?:utes|s?\.)",),
        r"\d{1,3}\.\d{2,3}",
        act=r"19\.3[1-9]",
        exempt=r"19\.36(?!\d)|19\.35\(1\)\(a\)",
    ),
    # Louisiana Public Records Law, La. R.S. 44:1 on: exceptions 44:3 to 44:22
    _Code(
        "La. R.S.",
        (r"La\.\s*R\.\s?S\.", r"La\.\s*Rev\.\s*Stat\.(?:\s*Ann\.)?"),
        r"\d{1,2}:\d{1,4}(?:\.\d+)?",
        act=r"44:\d{1,2}(?:\.\d+)?",
        exempt=r"44:(?:3|4|1\d|2[0-2])(?!\d)",
        starts=("44:",),
    ),
    # Kansas Open Records Act, K.S.A. 45-215 on: exceptions 45-221
    _Code(
        "K.S.A.",
        (r"K\.\s?S\.\s?A\.",),
        r"\d{1,2}-\d{3,4}[a-z]?",
        act=r"45-2[12]\d[a-z]?",
        exempt=r"45-221(?!\d)",
        starts=("45-221",),
    ),
    # Arkansas FOIA, 25-19-101 on: exemptions 25-19-105
    _Code(
        "Ark. Code Ann. §",
        (r"Ark\.\s*Code(?:\s+Ann\.)?",),
        r"\d{1,2}-\d{1,3}-\d{3}",
        act=r"25-19-1\d\d",
        exempt=r"25-19-105(?!\d)",
        starts=("25-19-105",),
    ),
)
_TEXAS_PAGE = re.compile(r"\bTex(?:as|\.)")


def _names(of: Callable[[str], bool]) -> re.Pattern[str]:
    """A code's name, then perhaps a section mark: where a citation naming its code starts,
    for the names ``of`` selects."""
    names = [name for code in (_TEXAS, *_CODES) for name in code.written if of(name)]
    return re.compile(rf"(?P<name>{by_first_character(names)})\s*{_MARK}?\s*")


# Codes named with "Code", with "Stat", and by abbreviation: a page without the word is not
# scanned for the names that hold it
_CODE_NAMES = _names(lambda name: "Code" in name)
_STAT_NAMES = _names(lambda name: "Code" not in name and "Stat" in name)
_ABBREVIATIONS = _names(lambda name: "Code" not in name and "Stat" not in name)
# An exemption section written without its code's name starts with one of these
_BARE_CODES = {start: code for code in (_TEXAS, _CALIFORNIA, *_CODES) for start in code.starts}
_BARE = re.compile(by_first_character([re.escape(start) for start in _BARE_CODES]))
# A section named after its number: "section 552.101 of the Government Code", "s. 119.071, F.S."
_AFTER = re.compile(
    rf"(?:{_MARK_WORDS})\s*(?P<cite>\d[\w.:\-]*?{_SUBS})"
    r"(?:\s+of\s+the\s+(?P<gov>(?:Texas\s+|California\s+)?Government\s+Code)"
    r"|,\s*(?P<fla>F\.\s?S\.|Florida\s+Statutes)|,?\s*(?P<mo>RSMo)\b)"
)
_FLORIDA, _MISSOURI = (next(c for c in _CODES if c.name.startswith(s)) for s in ("Fla", "Mo"))
_BARE_MARK = re.compile(rf"{_MARK}\s*$")
# a redaction label naming what it withholds: "13.43 - Personnel Data"
_LABEL = re.compile(r"\s*[-–—:]\s*(?:[A-Z][\w'’]*\s*){1,4}")
_LABEL_WORD = re.compile(
    r"Data|Information|Privacy|Private|Personnel|Confidential|Security|Investigat|Exempt"
    r"|Protected|Nonpublic|Not\s+Public",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"\s*(?:et\s+seq|(?:-|–|—)\s*\d|(?:through|to)\s+\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LIST_WORDS = re.compile(r"^(?:\s|,|;|&|\band\b|\bor\b)+")
_OCR_PARENS = re.compile(r"(?<=\d)X(?=[a-z])")  # OCR reads ")(" as "X"
_SUBSECTION = re.compile(r"\(\s*([A-Za-z0-9]+)\s*\)|subd\w*\.?\s*(\d+[a-z]?)")


def find_exemptions(text: str) -> Iterator[tuple[str, str]]:
    """(normalised code, as written) for each exemption cited in ``text``."""
    yield from _federal_exemptions(text)
    cited = "xemption" in text or "XEMPTION" in text
    for m in _NAMED.finditer(text) if cited else ():
        for item in _NAMED_ITEM.finditer(m.group("list")):
            yield _federal(item.group("n"), item.group("sub")), m.group(0)
    if "(1)" in text or "7.5" in text:
        yield from _illinois(text)
    yield from _state_exemptions(text)


def _federal_exemptions(text: str) -> Iterator[tuple[str, str]]:
    federal = _FEDERAL if "(b" in text or "b(" in text or "(B" in text else _SHORT
    for m in federal.finditer(text):
        if not _federal_citation(text, m.start(), m.end()):
            continue
        n = m.group("n") or m.group("n2") or m.group("n3")
        sub = m.group("sub") or m.group("sub2") or m.group("sub3")
        yield _federal(n, sub), m.group(0)
        if m.group("n"):
            end = m.end()
            while more := _FEDERAL_MORE.match(text, end):
                yield _federal(more.group("n"), more.group("sub")), _LIST_WORDS.sub("", more[0])
                end = more.end()


def _federal_citation(text: str, start: int, end: int) -> bool:
    """Whether the (b)(n) at ``start`` is a FOIA exemption rather than a subsection of another
    section or rule, a cross-reference, or an end of a range."""
    if _RANGE_AFTER.match(text, end):
        return False
    before = text[max(0, start - 40) : start]
    last = before[-1:]
    if last.isalnum():  # "1346(b)(1)", "552(b)(6)"; a "b(6)" or "b6" is never attached
        if text[start] != "(":
            return True
        attached = _ATTACHED.search(before)
        return attached is not None and attached.group(1).endswith("552")
    word = before.rstrip()[-1:]
    if not (last.isspace() and word.isalnum()):
        return True  # after a ')' or ';' of the codes before it
    if word.isdigit() or word in "aA":
        spaced = _SPACED.search(before)
        if spaced:
            return spaced.group(1) == "552"
    if _RANGE_BEFORE.search(before):
        return False
    if _CROSS_REFERENCE.search(before):
        return bool(_FOIA.search(_sentence(text, start, end)))
    return True


def _federal(n: str, sub: str | None) -> str:
    code = f"(b)({n})"
    if n == "7" and sub:
        code += f"({sub.upper()})"
    return code


def _illinois(text: str) -> Iterator[tuple[str, str]]:
    illinois: bool | None = None
    for m in _ILLINOIS.finditer(text):
        if not m.group(0).startswith("5"):
            # a bare "Section 7(1)(c)" is Illinois's where the page says so or it withholds
            if illinois is None:
                illinois = bool(_ILLINOIS_PAGE.search(text))
            if not illinois and not _withholds(_sentence(text, m.start(), m.end())):
                continue
        rest = "".join(f"({part})" for part in re.findall(r"[a-z]+", m.group("rest")))
        if m.group("section5"):
            if rest:
                yield f"5 ILCS 140/7.5{rest}", m.group(0)
        else:
            yield f"5 ILCS 140/7({m.group('sub')}){rest}", m.group(0)


def _state_exemptions(text: str) -> Iterator[tuple[str, str]]:
    read: list[tuple[int, int]] = []  # spans of the citations that name their code
    texas: bool | None = None
    scans = [
        _ABBREVIATIONS,
        *((_CODE_NAMES,) if "Code" in text else ()),
        *((_STAT_NAMES,) if "Stat" in text else ()),
    ]
    for m in itertools.chain.from_iterable(scan.finditer(text) for scan in scans):
        start = m.start()
        if start and text[start - 1].isalnum():
            continue
        name = m.group("name")
        state = _STATE_BEFORE.search(text, max(0, start - 12), start)
        if state:
            start = state.start()
        if name.startswith("Gov"):
            code = _gov_code(state.group(0) if state else "", text, m.end())
        else:
            # matched where it stands: some names look ahead to the section number after them
            code = next(
                code
                for code in _CODES
                if (found := code.named.match(text, m.start("name")))
                and found.end() == m.end("name")
            )
            if code.name.startswith("Cal.") and not state:
                texas = bool(_TEXAS_PAGE.search(text)) if texas is None else texas
                if texas:
                    continue  # Texas names its codes the same way
        cite = code.cite.match(text, m.end())
        if cite:
            yield from _cited(text, code, start, cite, read)
    if "Government Code" in text or "F.S." in text or "Florida Statutes" in text or "RSMo" in text:
        for m in _AFTER.finditer(text):
            if m.group("gov"):
                code = _gov_code(m.group("gov"), text, m.start("cite"))
            else:
                code = _FLORIDA if m.group("fla") else _MISSOURI
            cite = code.cite.fullmatch(m.group("cite"))
            if cite:
                yield from _cited(text, code, m.start(), cite, read, m.end())
    for m in _BARE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in ".$/:-"):
            continue
        if any(begin <= start < end for begin, end in read):
            continue
        code = _BARE_CODES[m.group(0)]
        cite = code.cite.match(text, start)
        if not cite or _CONTINUES.match(text, cite.end()):
            continue
        section, subs = cite.group("section"), _subsections(cite.group("subs"))
        if not code.is_exempt(section, subs):
            continue
        marked = _BARE_MARK.search(text, max(0, start - 12), start)
        if marked or _stated(text, start, cite.end()):
            yield code.canonical(section, subs), cite.group(0)


def _gov_code(state: str, text: str, at: int) -> _Code:
    """Texas's Government Code or California's: the state written before it, else the section
    (chapter 552 is Texas's Public Information Act)."""
    if state.startswith("Tex"):
        return _TEXAS
    if state.startswith("Cal"):
        return _CALIFORNIA
    return _TEXAS if text.startswith("552.", at) else _CALIFORNIA


def _cited(
    text: str,
    code: _Code,
    start: int,
    cite: re.Match[str],
    read: list[tuple[int, int]],
    end: int | None = None,
) -> Iterator[tuple[str, str]]:
    """The exemptions of one citation and of the list that may follow it ("§§ 6254(c), (k)
    and 6255"); an item of the list without a section of its own takes the previous one's."""
    section, subs = cite.group("section"), _subsections(cite.group("subs"))
    end = cite.end() if end is None else end
    form = text[start:end]
    first, marked = True, True
    while not _CONTINUES.match(text, end):  # "§ 6250 et seq.", "ORS 192.311-192.478"
        read.append((start, end))
        if _is_exemption(text, code, section, subs, start, end, first, marked):
            yield code.canonical(section, subs), form
        more = code.more.match(text, end)
        if not more or not (more.group("section") or more.group("subs").strip()):
            return
        given = _subsections(more.group("subs"))
        if more.group("section"):
            section, subs = more.group("section"), given
        else:
            kept = re.findall(r"\([^)]*\)", subs)
            subs = "".join(kept[: max(0, len(kept) - given.count("("))]) + given
        start, end, first, marked = more.start(), more.end(), False, bool(more.group("mark"))
        form = _LIST_WORDS.sub("", more.group(0))


def _is_exemption(
    text: str,
    code: _Code,
    section: str,
    subs: str,
    start: int,
    end: int,
    first: bool,
    marked: bool,
) -> bool:
    """Whether a section of ``code`` cited at text[start:end] is an exemption. ``first``: the
    citation names the code; ``marked``: it has a section mark of its own."""
    if code.is_exempt(section, subs):
        # requests list the act's sections as the law they are made under ("ORS 192.338,
        # 192.345, and 192.355"); a withholding cites its subsection or says what it withholds
        if text.startswith("(", end):  # a subsection that does not read, as OCR's "(2\a"
            return _stated(text, start, end)
        return first or marked or bool(subs) or _stated(text, start, end)
    if code.in_act(section):
        return False  # the act's title, definitions, fees, deadlines or review
    if _YEAR.fullmatch(section) or (not first and not subs and "." not in section):
        return False  # a plain number in a list is as likely a year or a count
    return _withholds(_sentence(text, start, end))


def _stated(text: str, start: int, end: int) -> bool:
    """Whether the exemption section at text[start:end] is given as a reason: on a label
    ("13.43 - Personnel Data") or in a sentence that withholds."""
    label = _LABEL.match(text, end)
    if label and _LABEL_WORD.search(label.group(0)):
        return True
    return _withholds(_sentence(text, start, end), strict=False)


def _subsections(subs: str) -> str:
    """ "(c) (1)" as "(c)(1)", "subd. 4" as ", subd. 4"; OCR's "(2Xa)" as "(2)(a)"."""
    parts = []
    for paren, subd in _SUBSECTION.findall(subs):
        if subd:
            parts.append(f", subd. {subd}")
        else:
            parts.extend(f"({part})" for part in _OCR_PARENS.split(paren))
    return "".join(parts)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], within the line before and the line after (a
    scan's text may have no full stop in many lines)."""
    before = text[max(0, start - 300) : start]
    before = "\n".join(before.split("\n")[-2:])
    after = "\n".join(text[end : end + 200].split("\n")[:2])
    cuts = [m.end() for m in _SENTENCE_END.finditer(before) if _ends_sentence(m)]
    if cuts:
        before = before[cuts[-1] :]
    stop = next((m.start() for m in _SENTENCE_END.finditer(after) if _ends_sentence(m)), None)
    return f"{before} {after[:stop]}"


def _ends_sentence(stop: re.Match[str]) -> bool:
    word = stop.group("word")
    return not word or not (len(word) == 1 or (len(word) <= 4 and word[0].isupper()))


def _withholds(sentence: str, strict: bool = True) -> bool:
    """Whether a sentence says that something is withheld, redacted, exempt or confidential.
    ``strict``: "exempt" and "confidential" count only beside a word about records or their
    disclosure ("exempt employees" and "exempt from taxes" say nothing of records)."""
    if _STRONG.search(sentence):
        return True
    sentence = _NOT_RECORDS.sub(" ", sentence)
    if _WITHHELD.search(sentence):
        return True
    return bool(_WEAK.search(sentence) and (not strict or _ABOUT_RECORDS.search(sentence)))
