"""The committed reference data agrees with the code that reads it: the agency finder's keys
in ``indexer/data/agency_keys.tsv.gz`` are what normalising the committed agency names gives,
so a change to the normalisation cannot leave stale keys behind."""

from indexer.data import agency_keys as read_keys
from indexer.entities.agencies import compute_keys


def test_committed_keys_are_the_normalised_agency_names():
    committed = [(key, list(ids), caps) for key, ids, caps in read_keys()]
    computed = [(key, ids, caps) for key, (ids, caps) in compute_keys().items()]
    assert committed == computed, (
        "indexer/data/agency_keys.tsv.gz is stale: run "
        ".venv/bin/python tools/build_reference_data.py --keys"
    )
