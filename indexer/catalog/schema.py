"""The catalog's tables. ``CREATE ... IF NOT EXISTS`` throughout: a writer runs it on every
open, so a table or index added here appears in an older catalog."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    collection TEXT NOT NULL,
    size INTEGER NOT NULL,
    page_count INTEGER NOT NULL,
    date TEXT,
    doc_type TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    metadata TEXT NOT NULL,
    extractor TEXT NOT NULL,
    indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    issuer TEXT,  -- the agency, court or firm that issued it (schema 3)
    description TEXT,  -- set by a readingroom.csv (schema 4)
    -- JSON: what a readingroom.csv set, where from, and the extracted values it replaced
    -- (see indexer.curated); NULL when none sets anything (schema 4)
    curation TEXT
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    collection TEXT NOT NULL,
    doc_id TEXT,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    error TEXT
);
CREATE INDEX IF NOT EXISTS files_doc ON files (doc_id);
CREATE TABLE IF NOT EXISTS pages (
    doc_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    width REAL NOT NULL,
    height REAL NOT NULL,
    rotation INTEGER NOT NULL,
    image_only INTEGER NOT NULL,
    ocr INTEGER NOT NULL,
    bates TEXT,
    redactions TEXT NOT NULL,
    hidden_boxes INTEGER NOT NULL DEFAULT 0,  -- boxes with text under them (not applied)
    PRIMARY KEY (doc_id, number)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS pages_hidden ON pages (doc_id) WHERE hidden_boxes > 0;
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    pages TEXT NOT NULL,
    forms TEXT NOT NULL,
    attrs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id);
CREATE INDEX IF NOT EXISTS entities_value ON entities (kind, value);
-- covers the facet table's read of every agency, exemption and contract (4x faster at 100k pages)
CREATE INDEX IF NOT EXISTS entities_facets ON entities (kind, doc_id, value);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    summary TEXT NOT NULL
);
"""
