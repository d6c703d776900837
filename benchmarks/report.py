"""The results table: rich when it is installed (the dev extra), plain text otherwise."""

from __future__ import annotations

import sys


def _rows(figures: dict) -> list[tuple[str, str, str, str, str, str]]:
    floor, headunit, ratios = figures["floor"], figures["headunit"], figures["ratios"]

    def ms(series: dict) -> str:
        return f"{series['median'] * 1000:.0f} ms ({series['min'] * 1000:.0f}–{series['max'] * 1000:.0f})"

    def mb(series: dict) -> str:
        return f"{series['median'] / 1024:.1f} MB ({series['min'] / 1024:.1f}–{series['max'] / 1024:.1f})"

    rows = []
    for label, key, figure, fmt in (("start-up", "startup", "startup_s", ms), ("memory", "rss", "rss_kb", mb)):
        r = ratios[key]
        rows.append((label, fmt(floor[figure]), fmt(headunit[figure]), f"{r['ratio']:.2f}×",
                     f"≤ {r['target']:.1f}×", "PASS" if r["pass"] else "FAIL"))
    return rows


def _footer(figures: dict) -> str:
    c = figures["conditions"]
    return (f"start-up: process start to first frame (home, every plugin registered); memory: resident (RSS), "
            f"{c['settle_ms']} ms after the first frame (floor) or after the plugins loaded (HeadUnit); "
            f"median (min–max) of {c['runs']} runs each, alternating; QPA {c['qpa']}; Python {c['python']} "
            f"on {c['machine']}, {c['cpus']} CPUs")


HEADERS = ("", "floor", "HeadUnit", "ratio", "target", "")


def print_table(figures: dict) -> None:
    phases = figures["headunit"].get("phases_ms", {})
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        _print_plain(figures, phases)
        return
    console = Console(width=None if sys.stdout.isatty() else 100)  # piped: wide enough for one line a row
    table = Table(title="HeadUnit against the floor (a bare QML window with six buttons)")
    for i, header in enumerate(HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right")
    for row in _rows(figures):
        verdict = f"[bold green]{row[-1]}[/]" if row[-1] == "PASS" else f"[bold red]{row[-1]}[/]"
        table.add_row(*row[:-1], verdict)
    console.print(table)
    console.print(_footer(figures), style="dim")
    if phases:
        detail = Table(title="HeadUnit start-up phases (median)")
        detail.add_column("phase")
        detail.add_column("took", justify="right")
        for phase, took in phases.items():
            detail.add_row(phase, f"{took:.0f} ms")
        console.print(detail)


def _print_plain(figures: dict, phases: dict) -> None:
    rows = [HEADERS, *_rows(figures)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    for row in rows:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    print(_footer(figures))
    if phases:
        print("\nHeadUnit start-up phases (median):")
        for phase, took in phases.items():
            print(f"  {phase:<24}{took:>6.0f} ms")


def print_sync_table(rows: list[tuple[str, str, str, str, str, bool | None]]) -> None:
    """The sync client's figures: floor, HeadUnit, ratio, the absolute target and the verdict."""
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        for row in rows:
            print("  ".join(row[:-1]), "" if row[-1] is None else "PASS" if row[-1] else "FAIL")
        return
    table = Table(title="Sync client against a loopback backend (floors: bare SQLite, requests, requests-cache)")
    for i, header in enumerate(HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right")
    for *cells, ok in rows:
        table.add_row(*cells, "" if ok is None else "[bold green]PASS[/]" if ok else "[bold red]FAIL[/]")
    Console(width=None if sys.stdout.isatty() else 110).print(table)


def print_fleet_table(rows: list[tuple[str, str]]) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        for name, value in rows:
            print(f"{name}: {value}")
        return
    table = Table(title="Fleet: cars reconnecting at once")
    table.add_column("")
    table.add_column("", justify="right")
    for row in rows:
        table.add_row(*row)
    Console(width=None if sys.stdout.isatty() else 110).print(table)
