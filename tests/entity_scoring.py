"""Precision and recall of entities per kind against the gold sets (shared by the tests and
the closing figures)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from indexer.entities import Analysis, analyse
from indexer.models import Page, Redaction

GOLD = Path(__file__).resolve().parent / "gold"
SAMPLE_DOCS = Path(__file__).resolve().parent.parent / "sample_docs"
KINDS = ("agency", "contract", "date", "exemption", "bates", "money")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(
        self,
        where: str,
        expected: Iterable[str],
        found: Iterable[str],
        optional: Iterable[str] = (),
    ) -> None:
        expected, found, optional = set(expected), set(found), set(optional)
        self.tp += len(expected & found)
        for value in sorted(found - expected - optional):
            self.fp += 1
            self.errors.append(f"{where}: extra {value!r}")
        for value in sorted(expected - found):
            self.fn += 1
            self.errors.append(f"{where}: missed {value!r}")


def per_page(analysis: Analysis, kind: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for entity in analysis.entities:
        if entity.kind == kind:
            for page in entity.pages:
                out.setdefault(page, set()).add(entity.value)
    return out


def money_value(amount: float) -> str:
    return f"{float(amount):.2f}"


def sample_pages(file: dict) -> list[Page]:
    """The generated file's pages as the indexer reads them (text layer only, no OCR)."""
    from indexer.extract import extract

    try:
        from indexer.extract import Options

        result = extract(SAMPLE_DOCS / file["path"], options=Options(ocr="off"))
    except ImportError:  # pragma: no cover - before OCR options existed
        result = extract(SAMPLE_DOCS / file["path"])
    return list(result.pages)


def score_generated(truth: dict) -> tuple[dict[str, Score], Score]:
    scores = {kind: Score() for kind in KINDS}
    dates = Score()
    for file in truth["files"]:
        if file.get("duplicate_of"):
            continue
        pages = sample_pages(file)
        analysis = analyse(pages)
        found = {kind: per_page(analysis, kind) for kind in KINDS}
        for gold_page in file["pages"]:
            if gold_page["scanned"]:
                continue
            n = gold_page["number"]
            where = f"{file['path']}#{n}"
            e = gold_page["entities"]
            expected = {
                "agency": e["agency"],
                "contract": e["contract"],
                "date": e["date"],
                "exemption": e["exemption"],
                "bates": [gold_page["bates"]] if gold_page.get("bates") else [],
                "money": [money_value(x) for x in e["money"]],
            }
            for kind in KINDS:
                scores[kind].add(where, expected[kind], found[kind].get(n, set()))
        if doc_date_scored(file):
            dates.add(file["path"], [file["date"] or "-"], [analysis.date or "-"])
    return scores, dates


def real_pages(path: Path) -> list[Page]:
    from indexer.extract import extract

    try:
        from indexer.extract import Options

        result = extract(path, options=Options(ocr="off"))
    except ImportError:  # pragma: no cover
        result = extract(path)
    return list(result.pages)


def score_real(corpus: Path) -> tuple[dict[str, Score], Score]:
    gold = json.loads((GOLD / "real_pages.json").read_text())
    scores = {kind: Score() for kind in KINDS}
    dates = Score()
    for doc in gold["documents"]:
        pages = real_pages(corpus / doc["file"])
        analysis = analyse(pages)
        found = {kind: per_page(analysis, kind) for kind in KINDS}
        for gold_page in doc["pages"]:
            n = gold_page["page"]
            where = f"{doc['file']}#{n}"
            for kind in KINDS:
                if kind not in gold_page:
                    continue  # not annotated on this page
                expected = gold_page[kind]
                if kind == "money":
                    expected = [money_value(x) for x in expected]
                optional = gold_page.get("optional", {}).get(kind, [])
                scores[kind].add(where, expected, found[kind].get(n, set()), optional)
        if "date" in doc:
            dates.add(doc["file"], [doc["date"] or "-"], [analysis.date or "-"])
    return scores, dates


def table(scores: dict[str, Score]) -> str:
    return "\n".join(
        f"{kind:10} P={s.precision:.3f} R={s.recall:.3f} (tp={s.tp} fp={s.fp} fn={s.fn})"
        for kind, s in scores.items()
    )


def _unused(_: Sequence[Redaction]) -> None:  # keep the import for type readers
    return None


def doc_date_scored(file: dict) -> bool:
    """A generated file's date can be read only if its first page has a text layer."""
    return not file["pages"][0]["scanned"]


def main() -> None:
    """Print the figures of both gold sets: `.venv/bin/python -m tests.entity_scoring`."""
    truth = json.loads((GOLD / "sample_truth.json").read_text())
    scores, dates = score_generated(truth)
    print("generated sample release (sample_docs/, text layers):")
    print(table({**scores, "doc date": dates}))
    corpus = SAMPLE_DOCS.parent.parent / "shared" / "real_corpus" / "pdfs"
    if corpus.is_dir():
        scores, dates = score_real(corpus)
        print("\nhand-annotated pages of ../shared/real_corpus (tests/gold/real_pages.json):")
        print(table({**scores, "doc date": dates}))
    else:
        print(f"\n{corpus} is not here: the real pages are not scored")


if __name__ == "__main__":
    main()
