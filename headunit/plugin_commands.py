"""`headunit plugins list | check | enable | disable`."""

from __future__ import annotations

import argparse
import json
import logging


def _runtime(plugin_paths=()):
    """A runtime with every plugin registered and none loaded."""
    from headunit.runtime import Options, Runtime, ensure_app

    # The commands report every plugin's failure themselves; the host's log would say it twice.
    logging.getLogger("headunit.host").setLevel(logging.CRITICAL)
    ensure_app(offscreen=True)  # the runtime's services need a GUI application, not a screen
    return Runtime(Options(plugin_paths=tuple(plugin_paths), simulator=False))


def list_plugins(args: argparse.Namespace) -> int:
    """Every plugin found and whether it registered, from the manifests alone: no plugin's code runs here, so
    none can print into the output or act with the user's data. Failures of import, start() and QML show in
    the shell and in `plugins check`."""
    runtime = _runtime(args.plugins_path)
    try:
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
    """The manifest, its paths and the QML's raw types checked here; the plugin's own code (its import) and
    the QML compiler only in a child process (see headunit.host.check_child)."""
    from headunit.host.check_child import check_in_child
    from headunit.host.lint import raw_type_warnings
    from headunit.host.manifest import ManifestError, load_manifest

    folder = args.path.resolve()
    try:
        manifest = load_manifest(folder)
    except ManifestError as exc:
        manifest, problems = None, exc.errors
    else:
        problems = check_in_child(folder, manifest.id)
    warnings = raw_type_warnings(folder)
    for line in problems + warnings:
        print(line)
    if manifest is not None and not problems:
        print(f"{folder}: {manifest.id} {manifest.version} is valid"
              + (f", with {len(warnings)} warning(s)" if warnings else ""))
    if not args.strict:
        return 1 if problems else 0
    if manifest is None:
        print("quality: below Bronze: the manifest is not valid (docs/plugin-quality.md)")
        return 1
    return _print_grade(manifest, problems, warnings)


def _print_grade(manifest, problems: list[str], warnings: list[str]) -> int:
    """The quality tier with every criterion; exit status 1 below Bronze, with any warning or error."""
    from headunit.host.quality import grade

    result = grade(manifest, problems=problems, warnings=warnings)
    print(f"quality: {result.tier.title} (docs/plugin-quality.md)")
    for criterion in result.criteria:
        print(f"  {criterion.tier.title:<6}  {'pass' if criterion.passed else 'FAIL'}  {criterion.name}: "
              f"{criterion.reason}")
    missing = result.missing()
    if missing:
        following = result.tier.__class__(result.tier + 1).title
        print(f"missing for {following}: " + "; ".join(c.name for c in missing))
    failures = result.failures() + ([f"{len(problems)} error(s)"] if problems else [])
    if failures:
        print(f"strict: fails, {' and '.join(failures)}")
        return 1
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
