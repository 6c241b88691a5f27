"""Regenerate the invented sample release in ``sample_docs/`` and its truth file.

Usage: ``.venv/bin/python tools/make_sample_docs.py [--check]``
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_docs.build import main

if __name__ == "__main__":
    sys.exit(main())
