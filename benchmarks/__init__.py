"""HeadUnit's performance benchmarks: `python -m benchmarks` (or `make benchmark`).

Every figure is a ratio against a floor measured in the same run on the same machine, so the targets
hold on a laptop, a CI runner and a Raspberry Pi alike. See benchmarks/README.md.
"""

from __future__ import annotations

from pathlib import Path

#: The checkout: the children run from here.
ROOT = Path(__file__).resolve().parent.parent

#: HeadUnit / floor, at most; the store's figures are absolute (milliseconds), with their floors shown beside.
TARGETS = {"startup": 2.0, "rss": 1.5, "store_first_page_ms": 100.0, "store_fitment_filter_ms": 50.0}
