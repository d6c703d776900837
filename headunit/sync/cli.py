"""`headunit sync …`: commands for the sync client (a chaos campaign against a real backend).

`add_commands(subparsers)` adds the `sync` command to a parent parser; `run(args)` runs what was parsed.
Nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_commands(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    sync = subparsers.add_parser("sync", help="the sync client: chaos campaigns against a real backend")
    actions = sync.add_subparsers(dest="sync_command", required=True, metavar="ACTION")
    chaos = actions.add_parser(
        "chaos", help="crash, cut and delay a fleet of cars; check every write landed exactly once, in order",
        description="Start a backend, run car processes that enqueue a seeded plan of writes through a faulty "
                    "network and are SIGKILLed at every crash point, then check the backend's tables: "
                    "no write lost or applied twice, each lane in order, every car's mirror converged. "
                    "Exit status 1 if an invariant fails.")
    chaos.add_argument("--ops", type=int, default=1000, help="writes in the plan (default 1000)")
    chaos.add_argument("--seed", type=int, default=0, help="seed of the plan, the faults and the crashes")
    chaos.add_argument("--json", action="store_true", help="print the result as one JSON object")
    chaos.add_argument("--db", metavar="URL", help="the backend's database (default: a temporary SQLite file)")
    chaos.add_argument("--workers", type=int, default=1, help="backend API processes (default 1)")
    chaos.add_argument("--cars", type=int, default=2, help="car processes, one device each (default 2)")
    chaos.add_argument("--fault-rate", type=float, default=0.05,
                       help="share of requests that meet an injected fault (default 0.05)")
    chaos.add_argument("--workdir", metavar="DIR", help="keep the campaign's files (plans, histories, logs) here")
    chaos.set_defaults(sync_handler=_chaos)
    return sync


def run(args: argparse.Namespace) -> int:
    return args.sync_handler(args)


def _chaos(args: argparse.Namespace) -> int:
    from headunit.sync.chaos.campaign import Campaign, CampaignError

    options = dict(ops=args.ops, seed=args.seed, db_url=args.db, workers=args.workers, cars=args.cars,
                   fault_rate=args.fault_rate, workdir=args.workdir)
    try:
        if args.json:
            result = Campaign(**options).run()
        else:
            result = _with_progress(Campaign, options)
    except CampaignError as exc:
        print(f"headunit sync chaos: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_summary(result)
    return 0 if result["ok"] else 1


def _with_progress(campaign, options: dict) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]chaos"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}")) as progress:
        task = progress.add_task("starting", total=options["ops"])

        def update(done: int, total: int, note: str) -> None:
            progress.update(task, completed=done, total=total, description=note)

        return campaign(**options, on_progress=update).run()


def _print_summary(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"sync chaos: {result['ops']} ops, seed {result['seed']}, {result['seconds']} s",
                  show_header=False)
    for key in ("acknowledged", "unknown", "applied_once", "duplicates", "lost", "order_violations", "rejected",
                "rejected_by_design", "expired", "pending", "converged", "restarts", "drain_ops_per_second"):
        table.add_row(key.replace("_", " "), str(result[key]))
    table.add_row("crash points hit", ", ".join(f"{k} {v}" for k, v in result["crash_points_hit"].items()))
    table.add_row("faults injected", ", ".join(f"{k} {v}" for k, v in result["faults_injected"].items()))
    verdict = "[green]all invariants hold[/]" if result["ok"] else f"[red]violated: {', '.join(result['violations'])}[/]"
    table.add_row("verdict", verdict)
    console = Console()
    console.print(table)
    for problem in result.get("problems", []):
        console.print(f"[red]•[/] {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="headunit")
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
