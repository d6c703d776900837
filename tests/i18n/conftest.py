"""Shells in a chosen language, with the compiled catalogues in place."""

from __future__ import annotations

import os

import pytest

from tests.shell import find, settle  # noqa: F401 - re-exported for the tests here

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TRIP = "org.headunit.tripcomputer"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The .qm files `make install` builds, in case pytest runs without it (only stale ones are compiled)."""
    from headunit import i18n_build

    for catalogue in i18n_build.catalogues([]):
        i18n_build.release(catalogue)


def shown_texts(window) -> set[str]:
    """Every visible, non-empty text in the window."""
    from tests.ui.geometry import texts

    boxes, _ = texts(window)
    return {b.text for b in boxes}
