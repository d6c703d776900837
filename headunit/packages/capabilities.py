"""Capabilities in plain words, for the consent question (docs/security.md says exactly what each opens)."""

from __future__ import annotations

PLAIN_WORDS = {
    "network": "use the internet",
    "location": "see where the car is and where it is heading, and show maps",
    "payments": "ask you to pay (you confirm each payment while parked)",
    "storage": "keep its own files on the car",
    "vehicle-data": "read the car's data: speed, fuel or charge, and other readings",
    "notifications": "show you notifications",
    "audio": "play sound and take over the media controls while it plays",
    "media-library": "read your music library and USB sticks",
    "install": "ask to install other apps",
}


def describe(capability: str) -> str:
    return PLAIN_WORDS.get(capability, capability)
