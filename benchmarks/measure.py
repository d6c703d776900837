"""Running one child process and reading its `BENCH` line.

Both children measure "process start" the same way: the harness records time.time() right before
Popen, and the child prints the wall-clock time.time() of its first frame (QQuickWindow.frameSwapped)
and its resident memory once settled, then exits by itself:

    BENCH first_frame=<epoch seconds> rss_kb=<KiB>
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass, field

from benchmarks import ROOT

BENCH_LINE = re.compile(r"^BENCH first_frame=(?P<first_frame>[\d.]+) rss_kb=(?P<rss_kb>-?\d+)$", re.M)
#: A child that has not exited by then has hung.
TIMEOUT_S = 60.0


class MeasurementError(RuntimeError):
    """A child failed, hung or printed no BENCH line: there is no figure to report."""


@dataclass
class Sample:
    startup_s: float  # Popen to the child's first frame
    rss_kb: int  # the child's resident memory once settled
    stdout: str = field(repr=False, default="")


def environment(home: str) -> dict[str, str]:
    """The children's environment, the same for both: offscreen, HeadUnit's folders and byte code under `home`.

    Byte code is cached (under home/pycache, filled by the warm-up runs) even where
    PYTHONDONTWRITEBYTECODE is set: an installed HeadUnit starts from .pyc files, and compiling our
    sources on every start would charge HeadUnit for something a device never does.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(QT_QPA_PLATFORM="offscreen", HEADUNIT_HOME=home, HEADUNIT_BENCHMARK="1",
               PYTHONPYCACHEPREFIX=os.path.join(home, "pycache"))
    return env


def run(name: str, command: list[str], env: dict[str, str], timeout: float = TIMEOUT_S) -> Sample:
    started = time.time()
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise MeasurementError(f"{name}: no exit after {timeout:.0f} s\n{_tail(err)}") from None
    match = BENCH_LINE.search(out)
    if process.returncode != 0 or match is None:
        raise MeasurementError(f"{name}: exit status {process.returncode}, "
                               f"{'a' if match else 'no'} BENCH line\n{_tail(out + err)}")
    rss_kb = int(match["rss_kb"])
    if rss_kb <= 0:
        raise MeasurementError(f"{name}: could not read its resident memory")
    return Sample(startup_s=float(match["first_frame"]) - started, rss_kb=rss_kb, stdout=out)


def _tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run_frames_child(module: str, args: list[str], size: tuple[int, int], what: str, result_prefix: str,
                     progress=print, timeout: float = 600.0) -> dict:
    """Run `python -m <module> --child <args>` under Xvfb (offscreen when there is none) and return the JSON
    object it prints after `result_prefix`: the frame benchmarks' children, which own a window of `size`."""
    import json
    import shutil
    import signal
    import sys
    import tempfile

    env = dict(os.environ)
    command = [sys.executable, "-m", module, "--child", *args]
    xvfb = shutil.which("xvfb-run")
    if xvfb:
        env["QT_QPA_PLATFORM"] = "xcb"
        command = [xvfb, "-a", "-s", f"-screen 0 {size[0]}x{size[1]}x24", *command]
    else:
        progress("xvfb-run not found: frames measured offscreen (software renderer), not the GPU path")
        env["QT_QPA_PLATFORM"] = "offscreen"
    progress(f"{what}, {size[0]}x{size[1]} ({'Xvfb' if xvfb else 'offscreen'})")
    with tempfile.TemporaryFile("w+") as stderr:
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True, cwd=ROOT,
                                 start_new_session=True)
        try:
            stdout, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # the child, its Xvfb and xvfb-run: one session
            child.communicate()
            raise MeasurementError(f"{module} took over {timeout:.0f} s") from None
        for line in stdout.splitlines():
            if line.startswith(result_prefix):
                return json.loads(line[len(result_prefix):])
        stderr.seek(0)
        raise MeasurementError(f"{module} printed no result (exit {child.returncode}):\n{stderr.read()[-2000:]}")
