"""Day and night: the shell at a screen preset (the UI tests' fixture) and a car on a hand-turned clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.ui.conftest import make_shell  # noqa: E402,F401 - the same running shell as the UI tests
