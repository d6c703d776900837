"""`headunit plugins list | check | enable | disable`."""

from __future__ import annotations

import argparse
import json
import logging

from headunit.host.discovery import Candidate


def _runtime(plugin_paths=(), discover: bool = True):
    from headunit.runtime import Options, Runtime, ensure_app

    # The commands report every plugin's failure themselves; the host's log would say it twice.
    logging.getLogger("headunit.host").setLevel(logging.CRITICAL)
    ensure_app(offscreen=True)  # compiling QML needs a GUI application, not a screen
    return Runtime(Options(plugin_paths=tuple(plugin_paths), simulator=False, discover=discover))


def list_plugins(args: argparse.Namespace) -> int:
    """Register and load every plugin, as a start would, and report each one's status."""
    runtime = _runtime(args.plugins_path)
    try:
        for record in runtime.host.records():
            runtime.host.load(record.key)
        rows = [r.as_json() for r in runtime.host.records()]
    finally:
        runtime.shutdown()
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max([len(r["id"]) for r in rows] + [2])
    print(f"{'id':<{width}}  {'version':<9} {'status':<9} reason")
    for r in rows:
        print(f"{r['id']:<{width}}  {r['version'] or '-':<9} {r['status']:<9} {r['reason'] or ''}")
    return 0


def check_plugin(args: argparse.Namespace) -> int:
    folder = args.path.resolve()
    runtime = _runtime(discover=False)
    try:
        runtime.host.register([Candidate(folder, "path")])
        record = runtime.host.records()[0]
        problems = runtime.host.check(record.key)
    finally:
        runtime.shutdown()
    from headunit.host.lint import raw_type_warnings

    warnings = raw_type_warnings(folder)
    for line in problems + warnings:
        print(line)
    if problems:
        return 1
    print(f"{folder}: {record.id} {record.manifest.version} is valid"
          + (f", with {len(warnings)} warning(s)" if warnings else ""))
    return 0


def set_enabled(args: argparse.Namespace, enabled: bool) -> int:
    runtime = _runtime(args.plugins_path)
    try:
        record = runtime.host.record(args.plugin_id)
        if record is None:
            print(f"no plugin with id {args.plugin_id!r}; `headunit plugins list` shows them")
            return 1
        runtime.host.set_disabled(record.key, not enabled)
    finally:
        runtime.shutdown()
    print(f"{args.plugin_id}: {'enabled' if enabled else 'disabled'}")
    return 0


def run(args: argparse.Namespace) -> int:
    match args.plugins_command:
        case "list":
            return list_plugins(args)
        case "check":
            return check_plugin(args)
        case "enable":
            return set_enabled(args, True)
        case "disable":
            return set_enabled(args, False)
    raise AssertionError(args.plugins_command)
