"""Precision and recall of every entity kind on the two gold sets: the generated sample release
(whose generator wrote the truth) and hand-annotated pages of real released records."""

from __future__ import annotations

import pytest

from tests.conftest import REAL_CORPUS, requires_shared
from tests.entity_scoring import score_generated, score_real, table


@pytest.fixture(scope="module")
def generated(truth):
    return score_generated(truth)


@pytest.fixture(scope="module")
def real():
    return score_real(REAL_CORPUS)


def _explain(scores, kind: str) -> str:
    return table(scores) + "\n" + "\n".join(scores[kind].errors[:20])


@pytest.mark.parametrize("kind", ["agency", "contract", "date", "exemption", "bates", "money"])
def test_generated_recall(generated, kind):
    scores, _ = generated
    assert scores[kind].recall >= 0.9, _explain(scores, kind)


@pytest.mark.parametrize("kind", ["exemption", "bates", "money"])
def test_generated_precision_where_the_truth_is_complete(generated, kind):
    # the generator lists only the agencies, dates and contract headers it planted, so
    # precision is asserted only for the kinds whose truth lists everything on the page
    scores, _ = generated
    assert scores[kind].precision >= 0.9, _explain(scores, kind)


def test_generated_document_dates(generated):
    _, dates = generated
    assert dates.precision >= 0.85, "\n".join(dates.errors)


@requires_shared
@pytest.mark.parametrize("kind", ["agency", "contract", "exemption", "bates"])
def test_real_pages_precision_and_recall(real, kind):
    scores, _ = real
    assert scores[kind].precision >= 0.9, _explain(scores, kind)
    assert scores[kind].recall >= 0.85, _explain(scores, kind)


@requires_shared
@pytest.mark.parametrize("kind", ["date", "money"])
def test_real_pages_dates_and_money(real, kind):
    scores, _ = real
    assert scores[kind].precision >= 0.9 and scores[kind].recall >= 0.9, _explain(scores, kind)


@requires_shared
def test_real_document_dates(real):
    _, dates = real
    assert dates.precision >= 0.85, "\n".join(dates.errors)


@requires_shared
def test_no_contract_numbers_are_invented_on_real_text():
    # read by hand: the text layers of the real corpus hold no contract or order number
    # (court case numbers, FOIA file numbers, check numbers and ORIs are not contracts)
    import json

    from tests.entity_scoring import real_pages

    found = []
    for path in sorted(REAL_CORPUS.glob("*.pdf")):
        from indexer.entities.contracts import find_contracts

        for page in real_pages(path):
            found += [(path.name, page.number, c.value) for c in find_contracts(page.text)]
    assert found == [], json.dumps(found[:10])
