"""`headunit plugin new`."""

from __future__ import annotations

import argparse


def add_commands(plugin_sub: argparse._SubParsersAction) -> None:
    """The scaffold command of `headunit plugin`."""
