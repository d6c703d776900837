"""Boot budget: `headunit run` as systemd starts it, timed by its own notifications.

    python -m benchmarks boot [--runs N] [--json]      # or: python -m benchmarks.boot [--runs N] [--json]

The harness plays the service manager: a unix datagram socket handed to the shell as NOTIFY_SOCKET, with
WATCHDOG_USEC set as a `Type=notify` unit with `WatchdogSec=10` sets it. From `time.time()` right before Popen:

- **ready**: the datagram carrying READY=1 arrives (the shell sends it at its first frame, home drawn);
- **first ping**: the first WATCHDOG=1 arrives (the GUI thread's event loop turning after that frame).

Then the shell gets SIGTERM, as `systemctl stop` sends it, and must say STOPPING=1 and exit 0. The floor is the
start-up suite's: a bare QML window's first frame (benchmarks/floor.py), alternating with HeadUnit, after one
unmeasured run of each (byte code, Qt's QML cache and the manifest cache warm, as on every boot but the first).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import ROOT, floor
from benchmarks.measure import TIMEOUT_S, MeasurementError, environment, run

#: HeadUnit / floor, medians. READY=1 goes with the first frame, so its budget is the start-up suite's 2.0x
#: with room for the datagram and a loaded machine; the first ping may trail it by one turn of the event loop.
TARGETS = {"ready": 2.2, "first_ping": 2.3}
WATCHDOG_USEC = 10_000_000
RUNS = 7


def command() -> list[str]:
    return [sys.executable, "-m", "headunit", "run"]


def boot(env: dict[str, str], home: Path) -> dict[str, float]:
    """One start under a notify socket: seconds from Popen to READY=1 and to the first WATCHDOG=1."""
    address = home / "notify"
    address.unlink(missing_ok=True)
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(address))
        listener.settimeout(0.25)
        return _boot(listener, env, address)


def _boot(listener: socket.socket, env: dict[str, str], address: Path) -> dict[str, float]:
    env = dict(env, NOTIFY_SOCKET=str(address), WATCHDOG_USEC=str(WATCHDOG_USEC))
    env.pop("HEADUNIT_BENCHMARK", None)  # the shell runs until stopped, as under the unit
    times: dict[str, float] = {}
    messages: list[str] = []
    with tempfile.TemporaryFile("w+") as stderr:
        started = time.time()
        shell = subprocess.Popen(command(), env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=stderr, text=True)
        try:
            while "first_ping" not in times:
                try:
                    message = listener.recv(4096).decode().splitlines()
                except TimeoutError:
                    if shell.poll() is not None or time.time() - started > TIMEOUT_S:
                        stderr.seek(0)
                        raise MeasurementError(f"headunit: no READY=1 and WATCHDOG=1 (exit status "
                                               f"{shell.returncode})\n{stderr.read()[-2000:]}") from None
                    continue
                at = time.time() - started
                messages += message
                if "READY=1" in message:
                    times.setdefault("ready", at)
                if "WATCHDOG=1" in message:
                    times["first_ping"] = at
            shell.send_signal(signal.SIGTERM)  # as `systemctl stop`
            shell.wait(timeout=TIMEOUT_S)
        finally:
            if shell.poll() is None:
                shell.kill()
                shell.wait()
        listener.setblocking(False)
        while True:
            try:
                messages += listener.recv(4096).decode().splitlines()
            except BlockingIOError:
                break
        stderr.seek(0)
        if shell.returncode != 0 or "STOPPING=1" not in messages:
            raise MeasurementError(f"headunit: exit status {shell.returncode} on SIGTERM, "
                                   f"{'' if 'STOPPING=1' in messages else 'no '}STOPPING=1\n{stderr.read()[-2000:]}")
    if "ready" not in times or times["ready"] > times["first_ping"]:
        raise MeasurementError("headunit: WATCHDOG=1 before READY=1")
    return times


def measure(runs: int = RUNS, progress=print) -> dict:
    from headunit.gui import SETTLE_MS

    floor_s: list[float] = []
    samples: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="headunit-bench-boot-") as home:
        env = environment(home)
        floor_command = floor.command(SETTLE_MS)
        progress("warming up (unmeasured): floor, HeadUnit under a notify socket")
        run("floor", floor_command, env)
        boot(env, Path(home))
        for i in range(runs):
            progress(f"run {i + 1}/{runs}")
            floor_s.append(run("floor", floor_command, env).startup_s)
            samples.append(boot(env, Path(home)))
    floor_median = statistics.median(floor_s)
    figures: dict = {"runs": runs, "watchdog_usec": WATCHDOG_USEC, "floor_s": floor_median,
                     "floor_samples": floor_s, "cpus": os.cpu_count()}
    for key in TARGETS:
        series = [s[key] for s in samples]
        median = statistics.median(series)
        figures[key] = {"median_s": median, "min_s": min(series), "max_s": max(series), "samples": series,
                        "ratio": median / floor_median, "target": TARGETS[key]}
    return figures


def verdicts(figures: dict) -> dict[str, bool]:
    return {key: figures[key]["ratio"] <= figures[key]["target"] for key in TARGETS}


def rows(figures: dict) -> list[tuple[str, ...]]:
    ok = verdicts(figures)
    labels = {"ready": "process start to READY=1", "first_ping": "process start to the first WATCHDOG=1"}
    return [(labels[key], f"{figures['floor_s'] * 1000:.0f} ms",
             f"{f['median_s'] * 1000:.0f} ms ({f['min_s'] * 1000:.0f}–{f['max_s'] * 1000:.0f})",
             f"{f['ratio']:.2f}×", f"≤ {f['target']:.1f}×", "PASS" if ok[key] else "FAIL")
            for key, f in ((key, figures[key]) for key in TARGETS)]


def print_table(figures: dict) -> None:
    headers = ("", "floor (first frame)", "HeadUnit", "ratio", "target", "")
    table = [headers, *rows(figures)]
    footer = (f"median (min–max) of {figures['runs']} runs each, alternating; floor: a bare QML window's first "
              f"frame; HeadUnit: `headunit run` offscreen under a notify socket, WATCHDOG_USEC={figures['watchdog_usec']}, "
              f"byte code cached; {figures['cpus']} CPUs")
    widths = [max(len(row[i]) for row in table) for i in range(len(headers))]
    print("Boot budget: `headunit run` under systemd's notify protocol")
    for row in table:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    print(footer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.boot", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, metavar="N")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = measure(args.runs, progress=lambda text: print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
