"""Chaos campaigns for the sync client: `python -m headunit.sync.chaos --ops N --seed S`."""
