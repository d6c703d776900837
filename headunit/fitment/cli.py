"""`headunit vehicle decode VIN [--json]`: what the car itself knows about a VIN, with no network.
(`headunit vehicle sources` and `watch` are headunit.vehicle.cli's.)"""

from __future__ import annotations

import argparse
import json
import sys

from headunit.fitment.vin import VinReport, decode


def add_commands(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    vehicle = subparsers.add_parser("vehicle", help="the car's sources and readings; decode a VIN offline")
    actions = vehicle.add_subparsers(dest="vehicle_command", required=True, metavar="ACTION")
    decoding = actions.add_parser(
        "decode", help="manufacturer, region, model year and check digit of a VIN; exit status 1 if refused",
        description="Decode a vehicle identification number with the tables shipped with HeadUnit (ISO 3779 "
                    "structure, the WMI table, the model year code, the check digit where North America and "
                    "China require it). Exit status 0 for a valid VIN, 1 for a refused one.")
    decoding.add_argument("vin", help="the 17-character VIN (spaces and dashes are ignored)")
    decoding.add_argument("--json", action="store_true", help="print the report as one JSON object")
    from headunit.vehicle.cli import add_commands as add_source_commands

    add_source_commands(actions)
    return vehicle


def run(args: argparse.Namespace) -> int:
    report = decode(args.vin)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(describe(report))
    return 0 if report.valid else 1


def describe(report: VinReport) -> str:
    """The human-readable report: one `label: value` line each."""
    lines = [("VIN", report.vin or "(empty)"),
             ("valid", "yes" if report.valid else "no, refused")]
    lines += [("reason", problem.message) for problem in report.errors]
    lines += [("manufacturer", report.manufacturer or f"unknown (WMI {report.wmi} is not in the table)"),
              ("make", report.make or "unknown"),
              ("region", report.region),
              ("country", report.country or "unknown"),
              ("model year", str(report.model_year) if report.model_year else "unknown"),
              ("check digit", _check_digit(report))]
    lines += [("note", problem.message) for problem in report.warnings]
    width = max(len(label) for label, _ in lines)
    return "".join(f"{label + ':':<{width + 1}} {value}\n" for label, value in lines)


def _check_digit(report: VinReport) -> str:
    if report.check_digit_required:
        where = "China" if report.region == "Asia" else "North America"
        policy = f"required in {where}"
    else:
        policy = "not required outside North America and China"
    if report.check_digit_ok is None:
        return f"not checked ({policy})"
    return f"{'correct' if report.check_digit_ok else 'wrong'} ({policy})"
