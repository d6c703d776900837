"""The FM tuner: finding an RTL-SDR stick and rtl_fm, and playing through rtl_fm.

The hardware edge is faked: a sysfs tree with or without the stick's USB ids, and tests/fixtures/fake_rtl_fm
on PATH as rtl_fm (a sine as s16le on stdout, its command lines recorded). Everything past it is real:
QProcess, the pipe, QAudioSink on the session's PulseAudio null sink.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import psutil
import pytest

from headunit.media.tuner import (BAND_MAX_MHZ, BAND_MIN_MHZ, NO_RTL_FM, NO_STICK, AbsentTuner, RtlFmTuner,
                                  find_tuner, rtl_sdr_present, snap)

FAKE_RTL_FM = Path(__file__).resolve().parent.parent / "fixtures" / "fake_rtl_fm"


def usb_device(sysfs: Path, name: str, vendor: str, product: str) -> None:
    device = sysfs / name
    device.mkdir(parents=True)
    (device / "idVendor").write_text(f"{vendor}\n")
    (device / "idProduct").write_text(f"{product}\n")


@pytest.fixture
def sysfs(tmp_path: Path) -> Path:
    """A /sys/bus/usb/devices with a root hub, a keyboard and an interface folder, but no RTL-SDR stick."""
    root = tmp_path / "sys" / "bus" / "usb" / "devices"
    usb_device(root, "usb1", "1d6b", "0002")
    usb_device(root, "1-2", "046d", "c31c")
    (root / "1-2:1.0").mkdir()  # interfaces have no ids
    return root


def plug_stick(sysfs: Path, product: str = "2838") -> None:
    usb_device(sysfs, "1-1", "0bda", product)


@pytest.fixture
def rtl_fm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """fake_rtl_fm installed as `rtl_fm` on PATH (run by this interpreter, with exec: its pid is the one
    QProcess started); returns the file where it logs each start."""
    folder = tmp_path / "bin"
    folder.mkdir()
    command = folder / "rtl_fm"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{FAKE_RTL_FM}" "$@"\n')
    command.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    log = tmp_path / "rtl_fm.log"
    monkeypatch.setenv("FAKE_RTL_FM_LOG", str(log))
    return log


def starts(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def rtl_fm_children() -> list[psutil.Process]:
    """This process's rtl_fm children, zombies included (a zombie is a child nobody reaped)."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if any("fake_rtl_fm" in part or part.endswith("rtl_fm") for part in child.cmdline()) \
                    or child.status() == psutil.STATUS_ZOMBIE:
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


# --- finding a tuner ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("product", ["2832", "2838"])
def test_a_plugged_stick_with_rtl_fm_is_a_tuner(qapp, sysfs, rtl_fm, product):
    plug_stick(sysfs, product)

    tuner = find_tuner(sysfs)

    assert isinstance(tuner, RtlFmTuner) and tuner.available
    assert (tuner.reason, tuner.reasonCode) == ("", "")
    assert Path(tuner.rtl_fm).parent == rtl_fm.parent / "bin"


def test_without_a_stick_there_is_no_tuner_and_it_says_so(qapp, sysfs, rtl_fm):
    tuner = find_tuner(sysfs)

    assert isinstance(tuner, AbsentTuner) and not tuner.available
    assert (tuner.reasonCode, tuner.reason) == ("no-stick", NO_STICK)
    assert find_tuner(sysfs.parent / "missing").reason == NO_STICK  # no USB in sysfs at all


def test_a_stick_without_rtl_fm_says_what_to_install(qapp, sysfs):
    plug_stick(sysfs)

    tuner = find_tuner(sysfs, which=lambda name: None)

    assert not tuner.available
    assert (tuner.reasonCode, tuner.reason) == ("no-rtl-fm", NO_RTL_FM)
    assert "apt install rtl-sdr" in tuner.reason
    assert find_tuner(sysfs.parent / "missing", which=lambda name: None).reason == NO_STICK  # the stick first


def test_only_rtl2832u_ids_count_as_a_stick(sysfs):
    assert not rtl_sdr_present(sysfs)
    usb_device(sysfs, "1-3", "0bda", "8153")  # a Realtek network adapter
    assert not rtl_sdr_present(sysfs)
    usb_device(sysfs, "1-4", "0BDA", "2838")
    assert rtl_sdr_present(sysfs)


# --- the band -----------------------------------------------------------------------------------------------

def test_frequencies_snap_to_channels_of_the_band(qapp):
    assert (snap(98.54), snap(98.55), snap(101.1), snap(80), snap(200)) == (98.5, 98.6, 101.1, 87.5, 108.0)
    tuner, changes = AbsentTuner("no-stick", NO_STICK), []
    tuner.frequencyChanged.connect(lambda: changes.append(tuner.frequency))

    tuner.tune(99.04)
    tuner.tune(99.0)
    tuner.tune(500)

    assert changes == [99.0, BAND_MAX_MHZ]
    assert AbsentTuner("no-stick", NO_STICK, frequency=3).frequency == BAND_MIN_MHZ


def test_an_absent_tuner_stays_silent(qapp):
    tuner = AbsentTuner("no-stick", NO_STICK)

    tuner.play()
    tuner.setVolume(0.5)
    tuner.stop()
    tuner.close()

    assert not tuner.playing and tuner.played() == 0 and tuner.volume == 0.5


# --- playing through rtl_fm ---------------------------------------------------------------------------------

@pytest.fixture
def tuner(qapp, sysfs, rtl_fm, sound_server):
    plug_stick(sysfs)
    tuner = find_tuner(sysfs)
    yield tuner
    tuner.close()
    assert rtl_fm_children() == []


def test_rtl_fm_is_asked_for_wideband_fm_at_the_frequency_in_hz(tuner, rtl_fm, qtbot):
    tuner.tune(98.5)
    with qtbot.waitSignal(tuner.playingChanged):
        tuner.play()
    qtbot.waitUntil(lambda: len(starts(rtl_fm)) == 1, timeout=5000)

    assert tuner.playing
    assert starts(rtl_fm)[0]["argv"] == ["-f", "98500000", "-M", "wbfm", "-s", "200000", "-r", "48000", "-"]


def test_audio_from_rtl_fm_reaches_the_output(tuner, qtbot):
    tuner.tune(101.1)
    tuner.setVolume(0.3)
    tuner.play()

    qtbot.waitUntil(lambda: tuner.played() > 0.5, timeout=10_000)
    assert tuner.playing and tuner.reason == ""


def test_retuning_restarts_rtl_fm_at_the_new_frequency(tuner, rtl_fm, qtbot):
    tuner.tune(90.0)
    tuner.play()
    qtbot.waitUntil(lambda: len(starts(rtl_fm)) == 1, timeout=5000)
    first = starts(rtl_fm)[0]["pid"]

    tuner.tune(104.3)
    qtbot.waitUntil(lambda: len(starts(rtl_fm)) == 2, timeout=5000)

    second = starts(rtl_fm)[1]
    assert second["argv"][:2] == ["-f", "104300000"]
    assert second["pid"] != first
    assert [p.pid for p in rtl_fm_children()] == [second["pid"]]  # one rtl_fm holds the stick at a time
    qtbot.waitUntil(lambda: tuner.played() > 0.2, timeout=10_000)  # and sound follows it
    tuner.tune(104.3)
    assert len(starts(rtl_fm)) == 2  # the same channel: nothing restarted


def test_stop_ends_rtl_fm_and_leaves_no_child(tuner, rtl_fm, qtbot):
    tuner.play()
    qtbot.waitUntil(lambda: len(rtl_fm_children()) == 1, timeout=5000)

    with qtbot.waitSignal(tuner.playingChanged):
        tuner.stop()

    assert not tuner.playing and tuner.played() == 0
    qtbot.waitUntil(lambda: rtl_fm_children() == [], timeout=3000)
    tuner.stop()  # again: harmless


def test_close_waits_for_rtl_fm_to_end(tuner, qtbot):
    tuner.play()
    qtbot.waitUntil(lambda: len(rtl_fm_children()) == 1, timeout=5000)

    tuner.close()

    assert rtl_fm_children() == []  # at once, without the event loop: the shell may be quitting


def test_rtl_fm_that_cannot_use_the_stick_stops_playing_and_says_why(tuner, qtbot, monkeypatch):
    monkeypatch.setenv("FAKE_RTL_FM_FAIL", "usb_claim_interface error -6")

    with qtbot.waitSignal(tuner.errorOccurred, timeout=5000) as error:
        tuner.play()

    assert "DVB-T driver" in error.args[0]
    assert not tuner.playing and (tuner.reasonCode, tuner.reason) == ("stick-busy", error.args[0])
    qtbot.waitUntil(lambda: rtl_fm_children() == [], timeout=3000)
    monkeypatch.delenv("FAKE_RTL_FM_FAIL")
    tuner.play()  # plugged back right: plays, and the reason is gone
    qtbot.waitUntil(lambda: tuner.played() > 0.2, timeout=10_000)
    assert tuner.reason == ""


def test_rtl_fm_that_went_missing_is_an_error_not_a_crash(qapp, qtbot, sound_server, tmp_path):
    tuner = RtlFmTuner(str(tmp_path / "no-such-rtl_fm"))

    with qtbot.waitSignal(tuner.errorOccurred, timeout=5000) as error:
        tuner.play()

    assert "could not be started" in error.args[0] and not tuner.playing
    tuner.close()
