"""A small chaos campaign end to end; then the checker is shown to catch the violations it exists for,
by tampering with the campaign's own backend database; and the command line around it."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
import sqlalchemy as sa

from headunit.sync import cli
from headunit.sync.chaos import campaign as campaigns
from headunit.sync.chaos import check, plan
from headunit.sync.crashpoints import POINTS
from headunit_backend.crashpoints import POINTS as BACKEND_POINTS


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chaos")
    return campaigns.Campaign(ops=300, seed=3, workdir=folder).run(), folder


def test_every_invariant_holds(campaign):
    result, _ = campaign
    assert result["ok"] and result["violations"] == [], (result["violations"], result["problems"])
    assert result["ops"] == 300 and result["acknowledged"] + result["unknown"] == 300
    assert result["lost"] == result["duplicates"] == result["order_violations"] == result["pending"] == 0
    assert result["applied_once"] + result["rejected_by_design"] + result["expired"] >= result["acknowledged"]
    assert result["converged"]
    assert set(result["crash_points_hit"]) == set(POINTS) and min(result["crash_points_hit"].values()) >= 1
    assert result["restarts"] >= len(POINTS) and sum(result["faults_injected"].values()) > 0


def test_payments_survive_a_backend_killed_between_the_processor_and_the_commit(campaign):
    result, _ = campaign
    assert {"payment", "hold", "capture"} <= set(result["kinds"])
    assert set(result["backend_crash_points_hit"]) == set(BACKEND_POINTS)
    assert min(result["backend_crash_points_hit"].values()) >= 1 and result["backend_restarts"] >= 2
    assert result["audited"]["intents"] > 0 and result["audited"]["in_flight"] == 0
    assert result["orphaned_charges"] == result["unrefunded_refusals"] == result["ledger_mismatches"] == 0
    assert result["holds_past_expiry"] == 0 and result["audit_findings"] == []


def rerun_check(folder, tmp_path, tamper) -> dict:
    """The checker over a copy of the campaign's files, after `tamper(backend_db_connection)`."""
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    with sqlite3.connect(copy / "backend.db") as conn:
        tamper(conn)
    cars = []
    for i in range(2):
        device = json.loads((copy / f"car{i}" / "profile" / "device.json").read_text())
        cars.append(check.Car(i, copy / f"car{i}" / "profile", device["device_id"],
                              plan.load(copy / f"car{i}" / "plan.jsonl"), copy / f"car{i}" / "history.log"))
    engine = sa.create_engine(f"sqlite:///{copy / 'backend.db'}")
    server_items = check.server_state(engine, device["account_id"], [c.device_id for c in cars])["items"]
    try:
        return check.check(engine, device["account_id"], cars, {0: server_items, 1: server_items})
    finally:
        engine.dispose()


def test_the_checker_catches_a_write_applied_twice(campaign, tmp_path):
    _, folder = campaign
    assert rerun_check(folder, tmp_path, lambda conn: None)["duplicates"] == 0
    def apply_one_twice(conn):
        conn.execute("UPDATE accounts SET last_seq = last_seq + 1")

    assert rerun_check(folder, tmp_path / "2", apply_one_twice)["duplicates"] == 1


def test_the_checker_catches_money_that_does_not_add_up(campaign, tmp_path):
    _, folder = campaign
    assert rerun_check(folder, tmp_path, lambda conn: None)["money_mismatches"] == 0

    def lose_a_ledger_entry(conn):  # charged, order placed, but no ledger entry
        conn.execute("DELETE FROM payment_ledger WHERE id = (SELECT min(id) FROM payment_ledger WHERE kind = 'capture')")

    assert rerun_check(folder, tmp_path / "2", lose_a_ledger_entry)["money_mismatches"] == 1

    def refund_a_booked_order(conn):  # ledger entry and order, but the money was given back
        conn.execute("UPDATE sandbox_holds SET refunded_cents = captured_cents "
                     "WHERE hold_id = (SELECT charge_id FROM payment_ledger WHERE kind = 'capture' ORDER BY id LIMIT 1)")

    assert rerun_check(folder, tmp_path / "3", refund_a_booked_order)["money_mismatches"] == 1


def test_the_checker_catches_a_lost_write_and_a_lane_out_of_order(campaign, tmp_path):
    _, folder = campaign

    with sqlite3.connect(folder / "car0" / "profile" / "sync.db") as outbox:
        acked, = outbox.execute("SELECT op_id FROM outbox WHERE state = 'acked' AND lane = 'user-data' "
                                "ORDER BY seq DESC LIMIT 1").fetchone()

    def forget_one(conn):  # the server has no trace of a write the car saw acknowledged
        conn.execute("DELETE FROM operations WHERE op_id = ?", (acked,))

    assert rerun_check(folder, tmp_path, forget_one)["mismatched_answers"] == 1

    def swap_two(conn):
        (a, b), = conn.execute("SELECT min(id), max(id) FROM operations")
        conn.execute("UPDATE operations SET id = -1 WHERE id = ?", (a,))
        conn.execute("UPDATE operations SET id = ? WHERE id = ?", (a, b))
        conn.execute("UPDATE operations SET id = ? WHERE id = -1", (b,))

    assert rerun_check(folder, tmp_path / "2", swap_two)["order_violations"] >= 1


def test_the_command_prints_json_and_fails_on_a_violation(monkeypatch, capsys):
    outcome = {"ok": False, "violations": ["lost"], "lost": 1}

    class Fake:
        def __init__(self, **options):
            assert options["ops"] == 12 and options["seed"] == 5 and options["workers"] == 2
            assert options["db_url"] == "postgresql://db/x"

        def run(self):
            return outcome

    monkeypatch.setattr(campaigns, "Campaign", Fake)
    argv = ["sync", "chaos", "--ops", "12", "--seed", "5", "--json", "--db", "postgresql://db/x", "--workers", "2"]
    assert cli.main(argv) == 1
    assert json.loads(capsys.readouterr().out) == outcome
    outcome.update(ok=True, violations=[], lost=0)
    assert cli.main(argv) == 0
