"""`headunit account …`: link a car's profile to an account, and show where it stands.

    headunit account link --backend URL --key ACCOUNT_KEY [--profile DIR] [--name NAME] [--wait SECONDS]
    headunit account status [--profile DIR] [--json]

`link` registers the profile as a device of the account that ACCOUNT_KEY opens. The backend holds the
device `pending` until a device already on the account approves it; the car's data (everything it kept
with no account, or on an account of its own) merges into the account once approved, at the shell's next
start or right here with `--wait`. Nothing on the car is deleted. It refuses while another process (the
shell) syncs the profile. Nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def add_commands(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    account = subparsers.add_parser("account", help="link this car's profile to an account")
    actions = account.add_subparsers(dest="account_command", required=True, metavar="ACTION")
    link = actions.add_parser(
        "link", help="make the profile a device of an account (approved later on a device of that account)",
        description="Register the profile with the backend as a device of the account ACCOUNT_KEY opens. The "
                    "device waits for approval by a device already on the account; then the car's favourites, "
                    "destinations, playlists and settings merge into the account, nothing lost.")
    link.add_argument("--backend", required=True, metavar="URL", help="the backend's base URL")
    link.add_argument("--key", required=True, metavar="ACCOUNT_KEY", help="the account's key (write --key=KEY when it starts with '-')")
    link.add_argument("--name", default="HeadUnit", help="this device's name on the account (default HeadUnit)")
    link.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                      help="wait this long for the approval, then merge and send the car's data now")
    status = actions.add_parser("status", help="the profile's device, approval and unsent writes")
    for parser in (link, status):
        parser.add_argument("--profile", type=Path, metavar="DIR",
                            help="the profile folder (default: the default profile's)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
    link.set_defaults(account_handler=_link)
    status.set_defaults(account_handler=_status)
    return account


def run(args: argparse.Namespace) -> int:
    return args.account_handler(args)


def _profile(args: argparse.Namespace) -> Path:
    if args.profile is not None:
        return args.profile
    from headunit import paths

    return paths.data_dir() / "profiles" / "default"


def _report(client, args: argparse.Namespace, note: str = "") -> None:
    status = client.status()
    registration = client.registration
    info = {"profile": str(client.profile_dir), "device_id": registration and registration.device_id,
            "account_id": registration and registration.account_id, "backend": client.base_url,
            "linked": status.linked, "approval": status.approval, "reason": status.reason,
            "pending_writes": status.pending, "note": note}
    if args.json:
        print(json.dumps(info, indent=2))
        return
    if registration is None:
        print(f"{client.profile_dir}: a local profile, on no account ({status.pending} write(s) kept for a later link)")
    else:
        state = "linked" if status.linked else status.reason
        print(f"{client.profile_dir}: device {registration.device_id} of account {registration.account_id}: {state}")
        if status.pending:
            print(f"{status.pending} write(s) waiting to be sent")
    if note:
        print(note)


def _link(args: argparse.Namespace) -> int:
    from headunit.sync.client import PENDING, SyncClient
    from headunit.sync.errors import SyncError

    try:
        client = SyncClient(args.backend, _profile(args))
    except SyncError as exc:
        print(f"headunit account link: {exc}", file=sys.stderr)
        return 1
    try:
        try:
            client.link(args.key, device_name=args.name)
        except SyncError as exc:
            print(f"headunit account link: {exc}", file=sys.stderr)
            return 1
        note = ""
        deadline = time.monotonic() + args.wait
        while client.approval == PENDING and time.monotonic() < deadline:
            time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
            try:
                client.check_approval()
            except Exception as exc:  # noqa: BLE001 - the backend may blink: ask again
                note = f"could not ask for the approval: {exc}"
        if client.approval == PENDING:
            note = "Waiting for approval: approve this device on a device of the account (your phone). " \
                   "The car's data merges into the account once approved."
        elif args.wait and client.linked:
            client.pull()  # the merge
            drained = client.drain(max(1.0, deadline - time.monotonic()))
            note = "Merged into the account." if drained else "Merging: the rest is sent at the next start."
        _report(client, args, note)
        return 0
    finally:
        client.close()


def _status(args: argparse.Namespace) -> int:
    from headunit.sync.client import SyncClient
    from headunit.sync.errors import SyncError
    from headunit.sync.profile import load_registration

    profile = _profile(args)
    if not (profile / "sync.db").exists():
        print(f"headunit account status: {profile}: no profile there yet", file=sys.stderr)
        return 1
    try:
        registration = load_registration(profile)
        client = SyncClient(registration.base_url if registration else None, profile)
    except SyncError as exc:
        print(f"headunit account status: {exc}", file=sys.stderr)
        return 1
    try:
        _report(client, args)
        return 0
    finally:
        client.close()
