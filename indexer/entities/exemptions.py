"""FOIA exemption citations, normalised: federal (b)(1)–(b)(9) with (b)(7)(A)–(F), and state codes.

Forms handled: "(b)(6)", "(b)(6); (b)(7)(C)", run together "(b)(6)(b)(7)(c)", "b6", "b7C",
"Exemption 7(C)", "Exemptions 6 and 7(C)", Illinois "5 ILCS 140/7(1)(c)" and "7(1)(c)",
California "Cal. Gov. Code § 6254(f)", "Government Code section 6255".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Each pattern opens with a lookahead on the characters it can start with: the engine then
# passes over most positions of a page after one test instead of trying every branch there.
_FEDERAL = re.compile(
    r"(?=[(b])(?:\(\s*b\s*\)\s*\(\s*(?P<n>[1-9])\s*\)(?:\s*\(\s*(?P<sub>[A-Fa-f])\s*\)(?!\s*\(\s*\d))?"
    r"|\bb(?P<n2>[1-9])(?P<sub2>[A-Fa-f])?\b"
    r"|(?<![g-zA-Z])b\(\s*(?P<n3>[1-9])\s*\)(?:\s*\(\s*(?P<sub3>[A-Fa-f])(?![ac-zA-Z]|b(?!\())\s*\)?)?)"
)
_SHORT = re.compile(
    r"(?=b)\bb(?P<n2>[1-9])(?P<sub2>[A-Fa-f])?\b(?P<n>)?(?P<sub>)?(?P<n3>)?(?P<sub3>)?"
)
_NAMED = re.compile(
    r"\bExemptions?\s+(?P<list>[1-9](?:\s*\([A-Fa-f]\))?(?:\s*(?:,|and|&)\s*[1-9](?:\s*\([A-Fa-f]\))?)*)"
)
_NAMED_ITEM = re.compile(r"(?P<n>[1-9])(?:\s*\((?P<sub>[A-Fa-f])\))?")
_ILLINOIS = re.compile(
    r"(?=[57])(?:\b5\s+ILCS\s+(?:\d{2,3}/)?|(?<![\w(/.])(?=7(?:\.5)?\s*\(\s*1\s*\)))"
    r"(?P<section>7(?:\.5)?)\s*\(\s*(?P<sub>\d+)\s*\)(?P<rest>(?:\s*\(\s*[a-z]{1,4}\s*\))*)"
)
_CALIFORNIA = re.compile(
    r"(?=[CG§])(?:(?:Cal(?:ifornia)?\.?\s+)?Gov(?:ernment|')?\.?\s+Code\s*(?:§+|[Ss]ections?|[Ss]ec\.)\s*"
    r"|§\s*(?=62[5-7]\d|79[2-3]\d))"
    r"(?P<section>\d{4}(?:\.\d+)?)(?P<sub>(?:\s*\(\s*[a-z0-9]{1,3}\s*\))*)"
)


def find_exemptions(text: str) -> Iterator[tuple[str, str]]:
    """(normalised code, as written) for each exemption cited in ``text``."""
    federal = _FEDERAL if "(b" in text or "b(" in text or "(B" in text else _SHORT
    for m in federal.finditer(text):
        n = m.group("n") or m.group("n2") or m.group("n3")
        sub = m.group("sub") or m.group("sub2") or m.group("sub3")
        if sub and n != "7":
            sub = None
        yield _federal(n, sub), m.group(0)
    cited = "xemption" in text or "XEMPTION" in text
    named = _NAMED.finditer(text) if cited else ()
    for m in named:
        for item in _NAMED_ITEM.finditer(m.group("list")):
            yield _federal(item.group("n"), item.group("sub")), m.group(0)
    for m in _ILLINOIS.finditer(text) if "(1)" in text else ():
        rest = "".join(f"({part})" for part in re.findall(r"[a-z]+", m.group("rest")))
        yield f"5 ILCS 140/{m.group('section')}({m.group('sub')}){rest}", m.group(0)
    for m in _CALIFORNIA.finditer(text) if "§" in text or "Code" in text else ():
        sub = "".join(f"({part})" for part in re.findall(r"[a-z0-9]+", m.group("sub")))
        yield f"Cal. Gov. Code § {m.group('section')}{sub}", m.group(0)


def _federal(n: str, sub: str | None) -> str:
    code = f"(b)({n})"
    if n == "7" and sub:
        code += f"({sub.upper()})"
    return code
