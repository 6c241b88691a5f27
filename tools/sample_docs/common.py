"""Reusable page furniture: footers, letterheads, memo blocks, e-mail prints."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import datetime

from .layout import Writer
from .model import Doc, Message

ICE_B6 = "(b)(6);(b)(7)(C)"


def footer(left: str = "", numbered: bool = True) -> Callable[[Writer], None]:
    """A footer with an optional caption and ``Page N of M``."""

    def draw(w: Writer) -> None:
        w.y = 52
        if left:
            w.para(left, font="Helvetica", size=7, after=0)
        if numbered:
            w.y = 52 - (9 if left else 0)
            w.para(f"Page {w.number} of {w.total}", font="Helvetica", size=8, align="right")

    return draw


def banner(text: str) -> Callable[[Writer], None]:
    """A header that prints a handling caveat at the top of every page."""

    def draw(w: Writer) -> None:
        y = w.y
        w.y = w.size[1] - 34
        w.para(text, font="Helvetica-Bold", size=8, align="center", after=0)
        w.y = y

    return draw


def letterhead(w: Writer, lines: list[str], size: float = 12) -> None:
    """Centered all-caps letterhead followed by a rule."""
    for i, line in enumerate(lines):
        w.para(
            line,
            font="Times-Bold" if i == 0 else "Times-Roman",
            size=size - i,
            align="center",
            after=0,
        )
    w.rule(1.2, 4)
    w.space(10)


def memo_block(w: Writer, to: str, sender: str, subject: str, date: str) -> None:
    """MEMORANDUM FOR / FROM / SUBJECT / DATE block."""
    w.para("MEMORANDUM", font="Times-Bold", size=14, align="center", after=10)
    for label, value in (
        ("MEMORANDUM FOR:", to),
        ("FROM:", sender),
        ("SUBJECT:", subject),
        ("DATE:", date),
    ):
        w.kv(label, value, label_width=125, after=6)
    w.rule()
    w.space(4)


def paras(w: Writer, texts: list[str], **kw: object) -> None:
    """Several body paragraphs; ``# `` starts a bold heading, ``- `` a bullet."""
    kw.setdefault("leading", float(kw.get("size", 11)) * 1.5)  # type: ignore[arg-type]
    for text in texts:
        if text.startswith("# "):
            w.space(4)
            w.para(text[2:], font="Times-Bold", size=12.5, after=4)
        elif text.startswith("- "):
            w.para("\u2022 " + text[2:], indent=18, **kw)  # type: ignore[arg-type]
        else:
            w.para(text, **kw)  # type: ignore[arg-type]


def print_messages(w: Writer, owner: str, messages: list[Message]) -> None:
    """Print a thread as Outlook does: the printing user's name, then each message."""
    w.para(owner, font="Helvetica-Bold", size=13, after=0)
    w.rule(1.5, 3)
    for i, msg in enumerate(messages):
        if i:
            w.space(8)
            w.rule(0.5, 2)
        w.kv("From:", msg.sender, label_width=72, size=10, font="Helvetica", bold="Helvetica-Bold")
        w.kv("Sent:", msg.sent, label_width=72, size=10, font="Helvetica", bold="Helvetica-Bold")
        w.kv(
            "To:",
            "; ".join(msg.to),
            label_width=72,
            size=10,
            font="Helvetica",
            bold="Helvetica-Bold",
        )
        if msg.cc:
            w.kv(
                "Cc:",
                "; ".join(msg.cc),
                label_width=72,
                size=10,
                font="Helvetica",
                bold="Helvetica-Bold",
            )
        w.kv(
            "Subject:",
            msg.subject,
            label_width=72,
            size=10,
            font="Helvetica",
            bold="Helvetica-Bold",
        )
        if msg.attachments:
            w.kv(
                "Attachments:",
                "; ".join(msg.attachments),
                label_width=72,
                size=10,
                font="Helvetica",
                bold="Helvetica-Bold",
            )
        w.space(8)
        for text in msg.body:
            w.para(text, font="Times-Roman", size=11, after=7)


def email_doc(
    name: str,
    owner: str,
    messages: list[Message],
    author: str,
    caption: str = "",
    **kw: object,
) -> Doc:
    """A printed e-mail or thread; title is the top subject, date is the top Sent date."""
    top = messages[0].truth()
    return Doc(
        name=name,
        title=top["subject"],
        author=author,
        doc_type="email",
        date=top["sent"][:10],
        build=lambda w: print_messages(w, owner, messages),
        options={"footer": footer(caption), "top": 60},
        emails=messages,
        **kw,  # type: ignore[arg-type]
    )


def plate(rng: random.Random) -> str:
    """An invented California-style plate (digit, three letters, three digits)."""
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
    return f"{rng.randint(4, 8)}{letters}{rng.randint(100, 999)}"


def case_number(rng: random.Random, prefix: str) -> str:
    """An invented case or event number."""
    return f"{prefix}{rng.randint(10, 19)}{''.join(rng.choice(string.digits) for _ in range(6))}"


def sent(year: int, month: int, day: int, hour: int, minute: int) -> str:
    """An Outlook ``Sent:`` value, e.g. ``Tuesday, March 20, 2018 10:14 AM``."""
    when = datetime(year, month, day, hour, minute)
    clock = when.strftime("%I:%M %p").lstrip("0")
    return f"{when:%A}, {when:%B} {when.day}, {when.year} {clock}"
