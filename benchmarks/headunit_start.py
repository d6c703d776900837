"""HeadUnit start-up: `python -m headunit run` offscreen, from process start to the first frame of home.

The first frame is the `first frame` mark of headunit.startup: home drawn with every plugin
registered from its manifest (tiles come from manifest data). The child then loads the plugins in idle
time, waits headunit.gui.SETTLE_MS, prints its BENCH line with the resident memory and quits; that is
HEADUNIT_BENCHMARK=1, a hidden switch read by headunit.gui.

HEADUNIT_HOME is a temporary folder, warmed by one unmeasured run so that the manifest validation
cache is populated, as it is on every start of a real head unit but the first.
"""

from __future__ import annotations

import re
import sys

from benchmarks.measure import Sample

#: `headunit run --timings` rows: phase, its own duration, time since headunit.startup was imported.
_PHASE = re.compile(r"^(?P<phase>\S.*?)\s+(?P<took>[\d.]+)ms\s+(?P<at>[\d.]+)ms$", re.M)


def command() -> list[str]:
    return [sys.executable, "-m", "headunit", "run", "--timings"]


def phases(sample: Sample) -> dict[str, float]:
    """Milliseconds per phase, and `interpreter start` for Popen to the import of headunit.startup."""
    rows = {m["phase"]: (float(m["took"]), float(m["at"])) for m in _PHASE.finditer(sample.stdout)}
    if "first frame" not in rows:
        return {}
    result = {"interpreter start": sample.startup_s * 1000 - rows["first frame"][1]}
    result.update((phase, took) for phase, (took, _) in rows.items())
    return result
