"""`headunit vehicle decode VIN [--json]`."""

from __future__ import annotations

import json
import subprocess
import sys

from headunit.cli import main


def run(capsys, *argv: str) -> tuple[int, str]:
    status = main(["vehicle", "decode", *argv])
    return status, capsys.readouterr().out


def test_json_report_of_a_valid_vin(capsys):
    status, out = run(capsys, "WVWZZZCDZMW072395", "--json")
    data = json.loads(out)
    assert status == 0
    assert (data["valid"], data["manufacturer"], data["make"], data["region"], data["country"]) == (
        True, "Volkswagen", "Volkswagen", "Europe", "Germany")
    assert data["model_year"] == 2021 and data["check_digit_required"] is False and data["errors"] == []


def test_json_report_of_a_refused_vin_exits_1_with_the_reason(capsys):
    status, out = run(capsys, "1HGCM82623A004352", "--json")
    data = json.loads(out)
    assert status == 1 and data["valid"] is False
    assert data["errors"][0]["code"] == "check_digit" and data["errors"][0]["position"] == 9


def test_human_report_of_a_valid_north_american_vin(capsys):
    status, out = run(capsys, "1HGCM82633A004352")
    lines = dict(line.split(":", 1) for line in out.splitlines())
    assert status == 0
    assert lines["valid"].strip() == "yes" and lines["manufacturer"].strip() == "Honda"
    assert lines["region"].strip() == "North America" and lines["model year"].strip() == "2003"
    assert lines["check digit"].strip() == "correct (required in North America)"


def test_human_report_of_a_refused_vin_says_why(capsys):
    status, out = run(capsys, "LRW3E7EB0NC123456")
    assert status == 1
    assert "valid:        no, refused" in out
    assert "reason:       position 9: the check digit should be 3, found 0" in out
    assert "check digit:  wrong (required in China)" in out


def test_human_report_notes_a_check_digit_europe_does_not_require(capsys):
    status, out = run(capsys, "WBA5R1C54LFH12345")
    assert status == 0
    assert "wrong (not required outside North America and China)" in out
    assert "note:" in out and "should be 6, found 4" in out


def test_a_short_vin_is_refused_with_its_length(capsys):
    status, out = run(capsys, "WVWZZZ")
    assert status == 1 and "a VIN has 17 characters, this one has 6" in out


def test_the_installed_command_exits_with_the_verdict():
    refused = subprocess.run([sys.executable, "-m", "headunit", "vehicle", "decode", "1HGCM82O33A004352"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1 and "position 8: O is never used in a VIN" in refused.stdout
