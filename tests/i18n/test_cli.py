"""`--lang` on the command line: a language for one run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from headunit.cli import main


def _headunit(*args: str, home) -> subprocess.CompletedProcess:
    env = {**os.environ, "HEADUNIT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "headunit.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_screenshot_in_german_leaves_the_saved_language(tmp_path, qapp):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"shell": {"language": "zh_CN"}}))
    shot = tmp_path / "de.png"
    done = _headunit("emulator", "--screenshot", str(shot), "--size", "800x480", "--lang", "de", home=home)
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (800, 480)
    assert json.loads((home / "config" / "settings.json").read_text())["shell"]["language"] == "zh_CN"


@pytest.mark.parametrize(("given", "meant"), [("de", "de"), ("de_DE", "de"), ("zh-CN", "zh_CN"), ("zh", "zh_CN"),
                                              ("en_GB", "en"), ("en-US", "en_US")])
def test_lang_accepts_common_spellings(given, meant, monkeypatch):
    import headunit.gui

    launched = []
    monkeypatch.setattr(headunit.gui, "launch", lambda opts: launched.append(opts) or 0)
    assert main(["emulator", "--lang", given]) == 0
    assert launched[0].language == meant


@pytest.mark.parametrize("code", ["fr", "zh_TW"])  # no catalogue; Traditional Chinese is not zh_CN
def test_unsupported_language_is_refused(capsys, code):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--lang", code])
    assert exit_.value.code == 2
    assert f"--lang: expected one of en, en_US, de, zh_CN, got '{code}'" in capsys.readouterr().err
