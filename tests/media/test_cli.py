"""`headunit music …` as a developer or a support script types it: JSON shapes, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from headunit.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_scan_a_folder_as_json_then_again_unchanged(capsys, music):
    status, out, err = run(capsys, "music", "scan", str(music["folder"]), "--json")
    assert status == 0, err
    report = json.loads(out)
    assert set(report) == {"found", "indexed", "unchanged", "removed", "skipped", "unavailable", "seconds"}
    assert report["indexed"] == len(music["good"]) and report["found"] == len(music["good"]) + len(music["broken"])
    assert {s["path"] for s in report["skipped"]} == {str(b["path"]) for b in music["broken"]}
    assert all(s["reason"] for s in report["skipped"])
    status, out, _ = run(capsys, "music", "scan", str(music["folder"]), "--json")
    again = json.loads(out)
    assert status == 0 and again["unchanged"] == again["found"] and again["indexed"] == 0


def test_scan_as_text_lists_what_could_not_be_read(capsys, music):
    status, out, _ = run(capsys, "music", "scan", str(music["folder"]))
    assert status == 0
    assert out.splitlines()[0].startswith(f"{len(music['good']) + len(music['broken'])} music files in ")
    assert "pipe.mp3: not a regular file" in out and "empty.m4a: empty file" in out
    assert "The library has 8 tracks, 3 albums, 3 artists" in out


def test_scan_of_a_folder_that_does_not_exist_is_one_line_and_status_1(capsys, tmp_path):
    status, out, err = run(capsys, "music", "scan", str(tmp_path / "nowhere"), "--json")
    assert status == 1 and out == ""
    assert err == f"headunit music: {tmp_path / 'nowhere'}: no such folder\n"


def test_scan_without_a_folder_scans_the_music_folder_sticks_and_added_folders(capsys, music, monkeypatch,
                                                                                tmp_path, headunit_home):
    mounts = tmp_path / "media"
    (mounts / "STICK").mkdir(parents=True)
    (mounts / "STICK" / "song.mp3").write_bytes((music["folder"] / "Loose" / "untagged take.wav").read_bytes())
    monkeypatch.setenv("HEADUNIT_MUSIC_DIR", str(music["folder"] / "Beyoncé"))
    monkeypatch.setenv("HEADUNIT_MEDIA_MOUNTS", str(mounts))
    config = headunit_home / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"shell": {"musicFolders": [str(music["folder"] / "周杰伦")]}}))
    status, out, _ = run(capsys, "music", "scan", "--json")
    report = json.loads(out)
    assert status == 0 and report["indexed"] == report["found"] == 5
    status, out, _ = run(capsys, "music", "search", "周", "--json")
    assert [a["name"] for a in json.loads(out)["artists"]] == ["周杰伦"]
    status, out, _ = run(capsys, "music", "search", "song", "--json")
    [song] = json.loads(out)["tracks"]
    assert song["path"] == str(mounts / "STICK" / "song.mp3") and song["format"] == "wav"  # by content, not name


def test_search_as_json_and_as_text(capsys, music):
    run(capsys, "music", "scan", str(music["folder"]), "--json")
    status, out, _ = run(capsys, "music", "search", "beyonce", "--json")
    found = json.loads(out)
    assert status == 0
    assert {t["title"] for t in found["tracks"]} == {"Crazy in Love", "Naughty Girl"}
    assert found["artists"] == [{"name": "Beyoncé", "albums": 1, "tracks": 2}]
    assert {"id", "path", "title", "artist", "album", "album_artist", "genre", "track_no", "disc_no", "year",
            "duration", "format", "cover"} == set(found["tracks"][0])
    status, out, _ = run(capsys, "music", "search", "七里")
    assert status == 0 and "album   七里香 — 周杰伦" in out and "track   七里香 — 周杰伦 — 七里香" in out
    status, out, _ = run(capsys, "music", "search", "nothing like this")
    assert status == 0 and out == "Nothing found for 'nothing like this'\n"


def test_the_installed_command_exits_0_with_unreadable_files(music, headunit_home):
    result = subprocess.run([sys.executable, "-m", "headunit", "music", "scan", str(music["folder"]), "--json"],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "HEADUNIT_HOME": str(headunit_home)})
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["skipped"]) == len(music["broken"])
    assert Path(headunit_home, "data", "music", "library.db").is_file()
