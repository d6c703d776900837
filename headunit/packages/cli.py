"""`headunit plugin pack | sign | keygen` and `headunit plugins install | uninstall | rollback`."""

from __future__ import annotations

import argparse


def add_author_commands(plugin_sub: argparse._SubParsersAction) -> None:
    """The package commands of `headunit plugin`."""


def add_plugins_commands(plugins_sub: argparse._SubParsersAction) -> None:
    """The install commands of `headunit plugins`."""
