"""A plugin made by `headunit plugin new`, once a module, for the tests of the scaffold and of headunit.testing."""

from __future__ import annotations

from pathlib import Path

import pytest

from headunit.authoring.scaffold import scaffold

HELLO = "com.example.hello"


@pytest.fixture(scope="module")
def hello(tmp_path_factory) -> Path:
    """com.example.hello as `headunit plugin new` makes it. Read it, never change it: a test that edits it copies it."""
    return scaffold(HELLO, tmp_path_factory.mktemp("authoring"))


@pytest.fixture
def headunit_plugin_dir(hello) -> Path:
    """headunit.testing's fixtures test the scaffolded plugin here, as an author's tests test theirs."""
    return hello
