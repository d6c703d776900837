"""`headunit.sync` exports exactly its public names, and importing it stays cheap."""

from __future__ import annotations

import subprocess
import sys

import headunit.sync


def test_all_names_resolve():
    assert sorted(headunit.sync.__all__) == sorted(headunit.sync._EXPORTS)
    for name in headunit.sync.__all__:
        assert getattr(headunit.sync, name).__name__ == name


def test_the_package_imports_lazily():
    code = "import sys, headunit.sync, headunit.sync.cli; print('requests' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
