"""Email messages printed into PDFs: the sender, sent time, recipients and subject of each
message of a printed thread.

Printed mail comes in a few layouts; each is read from a page's lines:

- labelled blocks: Outlook's From/Sent/To/Cc/Subject (also under "Original Message" and in the
  one-paragraph form a reply quotes), forwarded From/Date/Subject/To blocks, Notes' labelled
  headers. A block is a message only when it shows that it was sent (a Sent line, a time of day
  in its Date, an Original/Forwarded Message marker): a memo's FROM/TO/DATE block is not one;
- unlabelled headers: a sender line (a name with its address, or a Lotus Notes name such as
  ``John Smith/DEPT/ORG``) with the date and time at its end or on the next line, then To/Cc.
  Gmail prints these under the account line, the thread's subject and "N messages"; Outlook
  Web App prints the subject above the sender (and a Sent: line in its older form); Lotus
  Notes prints bare To, cc, bcc and Subject labels;
- quoted attributions: "On Mon, Mar 2, 2020 at 4:05 PM John Smith <js@x.gov> wrote:", and
  Notes' "John Smith---03/14/2011 10:22:07 AM---". A quoted message has the subject of the
  message that quotes it.

Dates are normalised to ISO with the time when printed (``2020-03-02T16:05``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from .dates import find_dates, parse_date

__all__ = ["Message", "find_messages", "sent_time"]

# (OCR of a printed header puts specks before labels and values: "’ From: ° Smith, Jane")
_LABEL = re.compile(
    r"^[ \t>]*(?:[^\w\s][ \t]*|_[ \t]*){0,3}"
    r"(?P<name>from|sent|date|to|cc|bcc|subject|attachments?|importance|reply-to)"
    r"[ \t]*:(?:[^\w\n(<\[§@]|_)*(?P<value>.*?)[\s,:'\"‘’“”°|*_~-]*$",
    re.I | re.M,
)
# the labels after From in the one-paragraph header a reply quotes
_INLINE = re.compile(r"[ \t]+(?=(?:Sent|Date|To|Cc|Subject):[ \t])")
# Lotus Notes prints its labels bare, as words standing first on their lines
# (a text layer may join "Subject" to its value: "SubjectRe: Detainer form")
_BARE = re.compile(
    r"^[ \t]*(?P<name>To|cc|bcc|Subject)(?:(?![\w:])|(?<=Subject)(?=[A-Z]))"
    r"[ \t]*(?P<value>.*?)[ \t]*$"
)
# a bare label in the column beside a Notes sender or date: "John Smith/OPS/ICE  To  Jane Doe"
_BESIDE = re.compile(r"[ \t](?=(?:To|cc|bcc)[ \t])")
_MARKER = re.compile(
    r"original message|forwarded message|begin forwarded message|forwarded by\b", re.I
)
_MEMO = re.compile(r"^[ \t]*(?:interoffice |internal |office )?memo(?:randum)?\b", re.I)
# where OCR dropped the space in a date and time: "May 2,20191:07PM"
_GLUED = re.compile(r"(?<=\d,)(?=(?:19|20)\d\d\b)|(?<=\b(?:19|20)\d\d)(?=\d{1,2}:\d\d)")
_COLON = re.compile(r":([0-5]\d)?")
_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::\d\d)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
)
# what may stand between a date and its time, and after the time: "Tue, Mar 3, 2020 at 10:14
# AM", "Aug 30, 2013, at 11:07 AM EST", "Mon, 2 Mar 2020 16:05:12 -0500 (2 days ago)"
_CLOCK = re.compile(
    r"[ \t,]*(?:at[ \t]+)?(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::\d\d)?"
    r"(?:[ \t]*(?P<ampm>[AaPp]\.?[Mm]\.?))?(?:[ \t]*(?:[A-Z]{1,4}T|GMT|UTC))?"
    r"(?:[ \t]*[+-]\d\d:?\d\d)?(?:[ \t]*\([^()\n]{0,30}\))?"
)
_WEEKDAY = re.compile(
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?"
    r"[ \t]*$",
    re.I,
)
_DAY_NAME = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# a sender as printed: "Name <address>", "Name [address]", "Name [mailto:address]"
_BRACKETED = re.compile(
    r"[<\[](?:mailto:)?[ \t]*(?P<address>[^<>\[\]\n]{0,40}@[^<>\[\]\s]*)[ \t]*[>\]]"
)
# a Lotus Notes hierarchical name: John Smith/DEPT/ORG@DOMAIN
_NOTES_NAME = re.compile(r"^[A-Z][\w.'-]*(?:[ \t][\w.'()-]+){0,4}(?:/[\w&.-]+)+(?:@[\w.-]+)?$")
# the organisation Notes may print on its own line under the sender's name: OPS/ICE/DHS@DHS
_ORGANISATION = re.compile(r"^[A-Z0-9&.-]+(?:/[A-Z0-9&.-]+)+(?:@[\w.-]+)?$")
_COUNT = re.compile(r"^[ \t]*\d+[ \t]+messages?[ \t]*$", re.I)
_GMAIL_TITLE = re.compile(r"\bGmail - (?P<subject>.+?)(?:[ \t]{2,}|$)", re.M)
_WROTE = re.compile(r"wrote:[ \t]*(?:\n|$)")
_ON = re.compile(r"^[ \t>]*On[ \t\n]", re.M)
_NOTES_REPLY = re.compile(
    r"^(?P<who>[^\n-][^\n]{1,80}?)-{3}(?P<when>\d{1,2}/\d{1,2}/\d{2,4}[ \t]+"
    r"\d{1,2}:\d\d(?::\d\d)?[ \t]*[AaPp][Mm])-{3}",
    re.M,
)
_REDACTION = re.compile(r"^\(b\)\s*\(\d\)(?:\s*\(\w\))?$")
SHORT_LINE = 45  # the most characters of a line that holds a date and time alone
NOTES_LINES = 12  # lines under a Notes header within which its labels stand
TOP_LINES = 5  # lines at the top of a page within which a line above a sender is a subject
ATTRIBUTION_REACH = 400  # characters before "wrote:" within which its "On" stands


@dataclass
class Message:
    page: int
    sender: str = ""
    sent: str | None = None
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    subject: str = ""
    line: int = 0  # the header's first line on its page, counted from 0

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.sender,
            "sent": self.sent,
            "to": self.to,
            "cc": self.cc,
            "subject": self.subject,
            "page": self.page,
        }


def find_messages(pages: list[tuple[int, str]]) -> Iterator[Message]:
    """Each message printed on the pages, in page order and, on a page, from the top. A message
    printed without its subject (a quoted one, one of a Gmail thread) takes the subject of the
    thread it is in."""
    subject = ""
    for number, text in pages:
        if ":" not in text:
            continue
        text = text.replace("\xa0", " ")  # web mail prints its headers with no-break spaces
        lines = text.split("\n")
        found, thread = _page_messages(number, text, lines)
        subject = thread or subject
        for message in sorted(found, key=lambda m: m.line):
            if message.subject:
                subject = message.subject
            else:
                message.subject = subject
            yield message


def sent_time(value: str) -> str | None:
    """'Tuesday, March 20, 2018 10:14 AM' -> '2018-03-20T10:14' (the date alone if no time)."""
    value = _GLUED.sub(" ", value)
    day = parse_date(value)
    if day is None or len(day) != 10:
        return None
    m = _TIME.search(value)
    if m is None:
        return day
    return f"{day}T{_clock(m)}"


@dataclass
class _Block:
    start: int
    fields: dict[str, str]
    first: str  # the first label


def _page_messages(number: int, text: str, lines: list[str]) -> tuple[list[Message], str]:
    """The messages on one page, and the subject of a Gmail thread that starts on it."""
    # every header has a colon, in a label or a time of day: the lines holding one are read
    labels: dict[int, tuple[str, str]] = {}
    timed: dict[int, None] = {}
    index, counted = 0, 0
    for colon in _COLON.finditer(text):
        index += text.count("\n", counted, colon.start())
        counted = colon.start()
        if index in labels or index in timed:
            continue
        if (m := _LABEL.match(lines[index])) is not None:
            labels[index] = (m.group("name").lower(), m.group("value"))
        elif text[colon.start() - 1 : colon.start()].isdigit() and colon.group(1):
            timed[index] = None
    blocks = list(_blocks(lines, labels))
    thread = _gmail_subject(lines)
    found: list[Message] = []
    taken: set[int] = set()  # blocks read as the recipients of an unlabelled header
    for header in _unlabelled(lines, timed, number):
        message = header.message
        following = next((b for b in blocks if 0 <= b.start - header.end <= 1), None)
        if following is not None and "from" not in following.fields and header.mail_like:
            message.to = _addresses(following.fields.get("to", ""))
            message.cc = _addresses(following.fields.get("cc", ""))
            message.subject = following.fields.get("subject", "").strip()
            taken.add(following.start)
        elif not _notes_labels(lines, header) and not _has_address(message.sender):
            continue  # a name over a time is no header without recipients under it
        message.subject = message.subject or thread or _subject_above(lines, header.sender_line)
        found.append(message)
    for block in blocks:
        if block.start not in taken and (labelled := _from_block(block, lines, number)):
            found.append(labelled)
    found.extend(_attributions(text, number))
    return found, thread


def _blocks(lines: list[str], labels: dict[int, tuple[str, str]]) -> Iterator[_Block]:
    """Runs of labelled lines, with the lines that continue a value (a wrapped To list)."""
    pending = sorted(labels)
    end = -1
    for start in pending:
        if start < end:
            continue
        fields: dict[str, str] = {}
        last = ""
        j = start
        while j < len(lines):
            if j in labels:
                name, value = labels[j]
                parts = _INLINE.split(value) if name == "from" else [value]
                name_value = [(name, parts[0])] + [_split_label(p) for p in parts[1:]]
                if any(n in fields for n, _ in name_value):
                    break  # the next message's header
                for n, v in name_value:
                    fields[n] = v
                    last = n
                j += 1
            elif (line := lines[j].strip()) and _continues(last, fields.get(last, ""), line):
                fields[last] = f"{fields[last]} {line}".strip()
                j += 1
            elif j + 1 in labels and labels[j + 1][0] not in fields:
                j += 1  # a blank line, or a label OCR could not read, between two labels
            else:
                break
        end = j
        yield _Block(start, fields, labels[start][0])


def _split_label(part: str) -> tuple[str, str]:
    name, _, value = part.partition(":")
    return name.strip().lower(), value.strip()


def _continues(name: str, value: str, line: str) -> bool:
    """Whether a line goes on with the value of the label above it."""
    if name in ("to", "cc", "bcc"):
        return not value or value.endswith((";", ",")) or _is_address_list(line)
    if name in ("from", "sent", "date", "subject"):
        return not value
    return False


def _is_address_list(line: str) -> bool:
    items = [item for item in re.split(r"[;,](?![^<\[]*[>\]])", line) if item.strip()]
    return bool(items) and all(
        _BRACKETED.search(item) or _ADDRESS.fullmatch(item.strip()) for item in items
    )


def _from_block(block: _Block, lines: list[str], number: int) -> Message | None:
    """The message a labelled block is, if it shows that it was sent."""
    fields = block.fields
    sent_label = fields.get("sent")
    sent = sent_time(sent_label or fields.get("date", ""))
    above = "\n".join(lines[max(0, block.start - 3) : block.start])
    marked = _MARKER.search(above) is not None
    sender = fields.get("from")
    if sender is None:
        if sent_label is None:
            return None
        # Outlook Web App's older print: the sender's line stands above Sent, the subject
        # above that
        index = _above(lines, block.start)
        if index is None or not _name_like(lines[index]):
            return None
        sender = lines[index]
        subject = fields.get("subject") or _subject_above(lines, index)
    else:
        if sent_label is None:
            timed = sent is not None and "T" in sent
            memo = any(_MEMO.match(line) for line in lines[max(0, block.start - 6) : block.start])
            if block.first not in ("from", "subject") or memo or not (timed or marked):
                return None
        if not re.search(r"[^\W\d_]", sender) or parse_date(sender):
            return None  # a form's From field: a blank, a date
        subject = fields.get("subject", "")
    return Message(
        page=number,
        sender=_clean_sender(sender),
        sent=sent,
        to=_addresses(fields.get("to", "")),
        cc=_addresses(fields.get("cc", "")),
        subject=subject.strip(),
        line=block.start,
    )


@dataclass
class _Header:
    """An unlabelled header: its message so far, its sender's line, the line after its date,
    and what Lotus Notes prints beside them (its To and cc, in a column to their right)."""

    message: Message
    sender_line: int
    end: int
    beside: list[str] = field(default_factory=list)
    # a sender with an address or a Notes name, or a date with its weekday, as mail prints
    # them; a bare name over a bare date and time is a header only with Notes' labels under it
    mail_like: bool = True


def _unlabelled(lines: list[str], timed: Iterable[int], number: int) -> Iterator[_Header]:
    """Headers without labels: a sender line with its date and time at its end or on the line
    under it (``timed``: the lines with a time of day)."""
    for index in timed:
        line = lines[index]
        if "@" not in line and len(line.strip()) > SHORT_LINE and not _BESIDE.search(line):
            continue
        when = _when(line)
        if when is None:
            continue
        sent, start, end = when
        before, after = line[:start].strip(" \t,"), line[end:].strip(" \t,")
        if before or (after and not _BARE.match(after)):
            rest = f"{before} {after}".strip()
            if _has_address(rest) and not rest.endswith(":") and not _ON.match(line):
                message = Message(number, _clean_sender(rest), sent, line=index)
                yield _Header(message, index, index + 1)
            continue
        above = _above(lines, index)
        if above is None or _LABEL.match(lines[above]):
            continue
        sender = lines[above].strip()
        beside = [after] if after else []
        split = _BESIDE.search(sender)
        if split and _NOTES_NAME.match(sender[: split.start()]):
            beside.insert(0, sender[split.start() :])
            sender = sender[: split.start()]
        person = _above(lines, above)
        if _ORGANISATION.match(sender) and person is not None and _name_like(lines[person]):
            sender, above = f"{lines[person].strip()}/{sender}", person  # Notes: name, then org
        mail_like = bool(_has_address(sender) or _NOTES_NAME.match(sender))
        if mail_like or _name_like(sender):
            message = Message(number, _clean_sender(sender), sent, line=above)
            weekday = _DAY_NAME.match(line.strip()) is not None
            yield _Header(message, above, index + 1, beside, mail_like or weekday)


def _notes_labels(lines: list[str], header: _Header) -> bool:
    """Read Lotus Notes' bare To, cc, bcc and Subject labels beside and under a header, if
    there: each label's value follows it on its line or stands on the next."""
    fields: dict[str, str] = {}
    name = ""
    for line in (*header.beside, *lines[header.end : header.end + NOTES_LINES]):
        line = line.strip()
        if not line:
            continue
        m = _BARE.match(line)
        if m and m.group("name").lower() not in fields:
            name = m.group("name").lower()
            fields[name] = m.group("value")
        elif name and not fields[name]:
            fields[name] = line
        else:
            break
        if name == "subject" and fields[name]:
            break
    if "to" not in fields or not fields.get("subject"):
        return False
    header.message.to = _addresses(fields["to"])
    header.message.cc = _addresses(fields.get("cc", ""))
    header.message.subject = fields["subject"].strip()
    return True


def _attributions(text: str, number: int) -> Iterator[Message]:
    """Quoted messages: "On <date>[ at <time>], <sender> wrote:" and Notes' reply lines."""
    done = 0
    for m in _WROTE.finditer(text):
        reach = max(done, m.start() - ATTRIBUTION_REACH)
        done = m.end()
        openings = list(_ON.finditer(text, reach, m.start()))
        if not openings:
            continue
        opening = openings[-1]
        said = re.sub(r"\s*\n[ \t>]*", " ", text[opening.end() : m.start()]).strip()
        when = _when(said, need_time=False)
        if when is None or when[1] > 0:
            continue
        sent, _, end = when
        sender = said[end:].strip(" ,")
        timed = "T" in sent
        if not sender or len(sender) > 120 or not (timed or _has_address(sender)):
            continue
        line = text.count("\n", 0, opening.start())
        yield Message(number, _clean_sender(sender), sent, line=line)
    if "---" in text:
        for m in _NOTES_REPLY.finditer(text):
            yield Message(
                number,
                _clean_sender(m.group("who")),
                sent_time(m.group("when")),
                line=text.count("\n", 0, m.start()),
            )


def _when(text: str, need_time: bool = True) -> tuple[str, int, int] | None:
    """The first date with its time (and weekday before it) in ``text``: the ISO value and
    where it stands; without ``need_time`` a date alone will do."""
    for mention in find_dates(text):
        if len(mention.value) != 10:
            continue
        clock = _CLOCK.match(text, mention.end)
        if clock is None and need_time:
            continue
        weekday = _WEEKDAY.search(text, 0, mention.start)
        start = weekday.start() if weekday else mention.start
        if clock is None:
            return mention.value, start, mention.end
        return f"{mention.value}T{_clock(clock)}", start, clock.end()
    return None


def _clock(m: re.Match[str]) -> str:
    hour = int(m.group("h"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{m.group('m')}"


def _gmail_subject(lines: Sequence[str]) -> str:
    """The subject Gmail prints at the top of a thread: the lines above "N messages" and under
    the account's address, or the browser's "Gmail - <subject>" page title."""
    for i, line in enumerate(lines[:15]):
        if _COUNT.match(line):
            above: list[str] = []
            for prior in reversed(lines[max(0, i - 3) : i]):
                prior = prior.strip()
                if "@" in prior or len(prior) <= 2:
                    break
                above.insert(0, prior)
            return " ".join(above)
    m = _GMAIL_TITLE.search("\n".join(lines[:3]))
    return m.group("subject").strip() if m else ""


def _subject_above(lines: list[str], index: int) -> str:
    """The line above a sender, near the top of the page, where web mail prints the subject."""
    above = _above(lines, index)
    if above is None or sum(1 for line in lines[:above] if line.strip()) >= TOP_LINES:
        return ""
    line = lines[above].strip()
    if _LABEL.match(line) or _has_address(line) or len(line.split()) > 20:
        return ""
    return line


def _above(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` that is not blank, at most two lines up."""
    for j in (index - 1, index - 2):
        if j >= 0 and lines[j].strip():
            return j
    return None


def _name_like(line: str) -> bool:
    """A person's or mailbox's name as a header prints it: a few words, not a sentence."""
    line = line.strip()
    if _has_address(line) or _NOTES_NAME.match(line):
        return True
    words = line.split()
    return (
        0 < len(words) <= 6
        and not line.endswith((".", ":", ";"))
        and re.search(r"[^\W\d_]{2}", line) is not None
        and not re.search(r"\d", line)
    )


def _has_address(text: str) -> bool:
    return "@" in text and (
        _BRACKETED.search(text) is not None or _ADDRESS.search(text) is not None
    )


def _clean_sender(value: str) -> str:
    """A sender as one line, its address in angle brackets, what OCR added after it dropped."""
    value = " ".join(value.replace('"', " ").split())
    m = _BRACKETED.search(value)
    if m:
        address = re.sub(r"\s*@\s*", "@", m.group("address"))
        value = f"{value[: m.start()].strip()} <{address}>".strip()
    return value.strip(" ,;")


def _addresses(value: str) -> list[str]:
    """Recipients: split at semicolons, and at commas after an address ("Smith, John" is one
    name); a redaction's codes ("(b)(6); (b)(7)(C)") stay together."""
    parts = re.split(r";|(?<=[>\]])\s*,|(?<=\.[a-zA-Z]{2})\s*,|(?<=\.[a-zA-Z]{3})\s*,", value)
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and _REDACTION.match(part) and _REDACTION.match(out[-1].split(";")[-1].strip()):
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
    return out
