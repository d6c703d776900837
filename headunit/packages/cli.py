"""`headunit plugin pack | sign | keygen` and `headunit plugins install | uninstall | rollback | updates | approve |
decline | trust-key`. Exit status 0 when done, 1 when refused, with the reason on stderr."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from headunit.packages.format import MAX_PACKAGE_SIZE, PackageError


def add_author_commands(plugin_sub: argparse._SubParsersAction) -> None:
    """The package commands of `headunit plugin`."""
    pack = plugin_sub.add_parser("pack", help="pack a plugin folder into a .hupkg package (unsigned)")
    pack.add_argument("folder", type=Path, metavar="DIR")
    pack.add_argument("-o", "--output", type=Path, default=Path("."), metavar="OUTDIR",
                      help="where to write the package (default: the current folder)")
    pack.set_defaults(handler=_refusals(pack_command))
    keygen = plugin_sub.add_parser("keygen", help="make an Ed25519 signing key: FILE (private) and FILE.pub")
    keygen.add_argument("key", type=Path, metavar="FILE")
    keygen.set_defaults(handler=_refusals(keygen_command))
    sign = plugin_sub.add_parser("sign", help="add a developer (or, with --store, the store's) signature")
    sign.add_argument("package", type=Path, metavar="PACKAGE")
    sign.add_argument("--key", type=Path, required=True, metavar="KEY", help="the private key file")
    sign.add_argument("--store", action="store_true", help="sign as the store rather than as the developer")
    sign.set_defaults(handler=_refusals(sign_command))


def add_plugins_commands(plugins_sub: argparse._SubParsersAction) -> None:
    """The install commands of `headunit plugins`."""
    install = plugins_sub.add_parser("install", help="install or update a plugin from a package file or URL")
    install.add_argument("source", metavar="FILE|URL")
    install.add_argument("--yes", action="store_true", help="agree to the plugin's capabilities without asking")
    install.set_defaults(handler=_refusals(install_command))
    uninstall = plugins_sub.add_parser("uninstall", help="remove an installed plugin (its data is kept unless "
                                                         "--delete-data)")
    uninstall.add_argument("plugin_id", metavar="ID")
    data = uninstall.add_mutually_exclusive_group()
    data.add_argument("--keep-data", action="store_true", help="keep the plugin's data (the default)")
    data.add_argument("--delete-data", action="store_true", help="delete the plugin's data too")
    uninstall.set_defaults(handler=_refusals(uninstall_command))
    rollback = plugins_sub.add_parser("rollback", help="go back to the previous version and its data")
    rollback.add_argument("plugin_id", metavar="ID")
    rollback.set_defaults(handler=_refusals(rollback_command))
    updates = plugins_sub.add_parser("updates", help="updates waiting for consent to new capabilities")
    updates.set_defaults(handler=_refusals(updates_command))
    approve = plugins_sub.add_parser("approve", help="install a pending update, agreeing to its capabilities")
    approve.add_argument("plugin_id", metavar="ID")
    approve.set_defaults(handler=_refusals(approve_command))
    decline = plugins_sub.add_parser("decline", help="drop a pending update")
    decline.add_argument("plugin_id", metavar="ID")
    decline.set_defaults(handler=_refusals(decline_command))
    trust_key = plugins_sub.add_parser("trust-key", help="trust a public key to sign packages (a store's, or "
                                                         "with --developer a developer's, for developer mode)")
    trust_key.add_argument("key", type=Path, metavar="FILE")
    trust_key.add_argument("--developer", action="store_true", help="a developer key rather than a store key")
    trust_key.set_defaults(handler=_refusals(trust_key_command))


def _refusals(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a handler; a refusal is its reason on stderr and exit status 1."""
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (PackageError, FileExistsError) as exc:
            print(f"refused: {exc}", file=sys.stderr)
            return 1
    return run


def _installer():
    from headunit.packages.installer import Installer
    from headunit.packages.trust import developer_mode_setting

    return Installer(developer_mode=developer_mode_setting())


# Author commands


def pack_command(args: argparse.Namespace) -> int:
    from headunit.packages.format import pack, read_header

    package = pack(args.folder, args.output)
    print(package)
    print(f"digest {read_header(package).digest}  (SHA-256 over the file records)")
    print(f"sha256 {hashlib.sha256(package.read_bytes()).hexdigest()}  (the package file)")
    return 0


def keygen_command(args: argparse.Namespace) -> int:
    from headunit.packages.signing import generate_key

    kid = generate_key(args.key)
    print(f"key {kid}: private {args.key} (keep it secret), public {args.key}.pub")
    return 0


def sign_command(args: argparse.Namespace) -> int:
    from headunit.packages.signing import key_id, load_private_key, sign

    role = "store" if args.store else "developer"
    sign(args.package, args.key, role)
    print(f"{args.package}: signed as {role} with key {key_id(load_private_key(args.key).public_key())}")
    return 0


# Install commands


def _describe_capabilities(capabilities) -> list[str]:
    from headunit.packages.capabilities import describe

    return [f"  - {describe(c)} ({c})" for c in capabilities] or ["  (no capabilities: it can only show its page)"]


def _plain(text: str) -> str:
    """A package's own text (its name) without control characters: no escape sequence repaints the question."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _ask(change, assume_yes: bool) -> bool:
    if change.old_version is None:
        lines = [f"Install {_plain(change.name or change.id)} {change.new_version} ({change.id})? It will be able to:"]
        lines += _describe_capabilities(change.new_capabilities)
    else:
        lines = [f"Update {_plain(change.name or change.id)} from {change.old_version} to {change.new_version}? "
                 "It asks for more:"]
        lines += ["  before:"] + [f"  {line}" for line in _describe_capabilities(change.old_capabilities)]
        lines += ["  after:"] + [f"  {line}" for line in _describe_capabilities(change.new_capabilities)]
        lines += ["  new:"] + [f"  {line}" for line in _describe_capabilities(change.added_capabilities)]
    print("\n".join(lines))
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        print("(not asked: no terminal; pass --yes to agree)", file=sys.stderr)
        return False
    return input("Agree? [y/N] ").strip().lower() in ("y", "yes")


@contextlib.contextmanager
def _local_file(source: str) -> Iterator[Path]:
    """The package as a local file: itself, or a URL downloaded (at most MAX_PACKAGE_SIZE) to a temporary file."""
    if not source.startswith(("http://", "https://")):
        yield Path(source)
        return
    import requests

    from headunit import paths

    folder = paths.data_dir() / "packages"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".download-", suffix=".hupkg") as out:
        try:
            with requests.get(source, stream=True, timeout=30) as response:
                response.raise_for_status()
                if int(response.headers.get("Content-Length") or 0) > MAX_PACKAGE_SIZE:
                    raise PackageError(f"{source}: larger than the {MAX_PACKAGE_SIZE} bytes a package may be")
                size = 0
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > MAX_PACKAGE_SIZE:
                        raise PackageError(f"{source}: larger than the {MAX_PACKAGE_SIZE} bytes a package may be")
                    out.write(chunk)
        except requests.RequestException as exc:
            raise PackageError(f"{source}: cannot be downloaded ({exc})") from None
        out.flush()
        yield Path(out.name)


def install_command(args: argparse.Namespace) -> int:
    installer = _installer()
    with _local_file(args.source) as package:
        result = installer.install(package, consent=lambda change: _ask(change, args.yes))
    if result.status == "declined":
        print(f"refused: {result.id} not installed (declined)", file=sys.stderr)
        return 1
    if result.status == "pending":
        print(f"refused: {result.id} {result.change.new_version} is kept as a pending update; "
              f"{result.version} still runs. `headunit plugins approve {result.id}` installs it.", file=sys.stderr)
        return 1
    was = f" (was {result.previous_version})" if result.previous_version else ""
    print(f"{result.status} {result.id} {result.version}{was}")
    return 0


def uninstall_command(args: argparse.Namespace) -> int:
    from headunit import paths

    _installer().uninstall(args.plugin_id, keep_data=not args.delete_data)
    kept = "deleted its data" if args.delete_data else f"kept its data in {paths.data_dir() / 'plugin-data'}"
    print(f"uninstalled {args.plugin_id}; {kept}")
    return 0


def rollback_command(args: argparse.Namespace) -> int:
    result = _installer().rollback(args.plugin_id)
    print(f"rolled back {result.id} from {result.previous_version} to {result.version}, with its data as it was")
    return 0


def updates_command(args: argparse.Namespace) -> int:
    pending = _installer().pending()
    if not pending:
        print("no pending updates")
    for change in pending:
        print(f"{change.id}: {change.old_version} -> {change.new_version}")
        print("  before:\n" + "\n".join(f"  {line}" for line in _describe_capabilities(change.old_capabilities)))
        print("  after:\n" + "\n".join(f"  {line}" for line in _describe_capabilities(change.new_capabilities)))
        print(f"  approve: headunit plugins approve {change.id}")
    return 0


def approve_command(args: argparse.Namespace) -> int:
    result = _installer().approve(args.plugin_id)
    print(f"updated {result.id} to {result.version} (was {result.previous_version})")
    return 0


def decline_command(args: argparse.Namespace) -> int:
    _installer().decline(args.plugin_id)
    print(f"dropped the pending update of {args.plugin_id}")
    return 0


def trust_key_command(args: argparse.Namespace) -> int:
    from headunit.packages.trust import add_trusted_key

    role = "developer" if args.developer else "store"
    kid = add_trusted_key(args.key, role)
    note = " (used in developer mode only)" if role == "developer" else ""
    print(f"trusted {role} key {kid}{note}")
    return 0
