"""FOIA exemption citations, normalised: federal (b)(1)–(b)(9) with (b)(7)(A)–(F), and state codes.

Forms handled: "(b)(6)", "(b)(6); (b)(7)(C)", run together "(b)(6)(b)(7)(c)", "b6", "b7C",
"Exemption 7(C)", "Exemptions 6 and 7(C)", Illinois "5 ILCS 140/7(1)(c)" and "7(1)(c)",
California "Cal. Gov. Code § 6254(f)", "Government Code section 6255".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FEDERAL = re.compile(
    r"\(\s*b\s*\)\s*\(\s*(?P<n>[1-9])\s*\)(?:\s*\(\s*(?P<sub>[A-Fa-f])\s*\)(?!\s*\(\s*\d))?"
    r"|\bb(?P<n2>[1-9])(?P<sub2>[A-Fa-f])?\b"
)
_NAMED = re.compile(
    r"\bExemptions?\s+(?P<list>[1-9](?:\s*\([A-Fa-f]\))?(?:\s*(?:,|and|&)\s*[1-9](?:\s*\([A-Fa-f]\))?)*)"
)
_NAMED_ITEM = re.compile(r"(?P<n>[1-9])(?:\s*\((?P<sub>[A-Fa-f])\))?")
_ILLINOIS = re.compile(
    r"(?:\b5\s+ILCS\s+140/|(?<![\w(/.])(?=7(?:\.5)?\s*\(\s*1\s*\)))"
    r"(?P<section>7(?:\.5)?)\s*\(\s*(?P<sub>\d+)\s*\)(?P<rest>(?:\s*\(\s*[a-z]{1,4}\s*\))*)"
)
_CALIFORNIA = re.compile(
    r"(?:Cal(?:ifornia)?\.?\s+)?Gov(?:ernment|')?\.?\s+Code\s*(?:§+|[Ss]ections?|[Ss]ec\.)\s*"
    r"(?P<section>\d{4}(?:\.\d+)?)(?P<sub>(?:\s*\(\s*[a-z0-9]{1,3}\s*\))*)"
)


def find_exemptions(text: str) -> Iterator[tuple[str, str]]:
    """(normalised code, as written) for each exemption cited in ``text``."""
    for m in _FEDERAL.finditer(text):
        n = m.group("n") or m.group("n2")
        sub = m.group("sub") or m.group("sub2")
        if sub and n != "7":
            sub = None
        yield _federal(n, sub), m.group(0)
    for m in _NAMED.finditer(text):
        for item in _NAMED_ITEM.finditer(m.group("list")):
            yield _federal(item.group("n"), item.group("sub")), m.group(0)
    for m in _ILLINOIS.finditer(text):
        rest = "".join(f"({part})" for part in re.findall(r"[a-z]+", m.group("rest")))
        yield f"5 ILCS 140/{m.group('section')}({m.group('sub')}){rest}", m.group(0)
    for m in _CALIFORNIA.finditer(text):
        sub = "".join(f"({part})" for part in re.findall(r"[a-z0-9]+", m.group("sub")))
        yield f"Cal. Gov. Code § {m.group('section')}{sub}", m.group(0)


def _federal(n: str, sub: str | None) -> str:
    code = f"(b)({n})"
    if n == "7" and sub:
        code += f"({sub.upper()})"
    return code
