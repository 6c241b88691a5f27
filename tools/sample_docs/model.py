"""Document specifications shared by the collection modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .layout import Writer
from .markup import plain


@dataclass
class Message:
    """One e-mail message in Outlook print layout (header values are markup)."""

    sender: str
    sent: str
    to: list[str]
    subject: str
    body: list[str]
    cc: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)

    def truth(self) -> dict:
        """The message's header as a reader sees it."""
        sent = datetime.strptime(plain(self.sent), "%A, %B %d, %Y %I:%M %p")
        return {
            "from": plain(self.sender),
            "sent": sent.strftime("%Y-%m-%dT%H:%M"),
            "to": [plain(t) for t in self.to],
            "cc": [plain(c) for c in self.cc],
            "subject": plain(self.subject),
        }


@dataclass
class Doc:
    """A document to generate: where it goes, its metadata and how to lay it out."""

    name: str
    title: str
    author: str
    doc_type: str
    date: str | None
    build: Callable[[Writer], None]
    subject: str = ""
    options: dict = field(default_factory=dict)
    scanned: set[int] | bool = False
    rotations: dict[int, int] = field(default_factory=dict)
    emails: list[Message] = field(default_factory=list)


@dataclass
class Collection:
    """One release: a folder of documents, optionally Bates-stamped."""

    name: str
    docs: list[Doc]
    bates_prefix: str | None = None
    curated: str = ""  # a readingroom.csv beside the PDFs, written as is when not empty
