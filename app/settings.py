"""The site's settings: one object, given to ``create_app``, so that each test builds its own
app."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    index_dir: Path
    base_url: str = "http://127.0.0.1:8000"  # what exports, feeds and citations link to
    site_name: str = "Reading Room"
