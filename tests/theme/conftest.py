"""Day and night: the shell at a screen preset (the UI tests' fixture) and a car on a hand-turned clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

