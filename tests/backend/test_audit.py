"""`headunit-backend audit`: clean after ordinary payments, and it catches what it is there to catch (a planted
orphaned charge, an unrefunded refusal, a ledger that disagrees, a lapsed hold nobody recorded)."""

import json
import time
import uuid

import sqlalchemy as sa
from fastapi.testclient import TestClient

from headunit_backend.app import create_app
from headunit_backend.cli import main
from headunit_backend.db import Database
from headunit_backend.payments import SandboxProcessor
from tests.backend.api import Api


def run_audit(db_url: str, capsys) -> tuple[int, dict]:
    status = main(["audit", "--db", db_url, "--json"])
    return status, json.loads(capsys.readouterr().out)


def sandbox(db_url: str) -> tuple[Database, SandboxProcessor]:
    db = Database(db_url)
    return db, SandboxProcessor(db)


def test_ordinary_payments_audit_clean(api, db_url, capsys):
    card = api.add_card()
    assert api.order(card, ("philips-longlife-w5w", 2)).status_code == 201
    assert api.order(api.add_card("tok_declined"), ("philips-longlife-w5w", 1)).status_code == 402
    assert api.order(card, ("philips-longlife-w5w", 10_000)).status_code == 422

    status, report = run_audit(db_url, capsys)

    assert status == 0
    assert report["orphaned_charges"] == report["unrefunded_refusals"] == report["ledger_mismatches"] == []
    assert report["counts"]["intents"] == 2 and report["counts"]["ledger_entries"] == 2


def test_a_planted_orphan_and_an_unrefunded_refusal_are_found(api, db_url, capsys):
    refused_key = str(uuid.uuid4())
    assert api.order(api.add_card(), ("flux-capacitor", 1), key=refused_key).status_code == 422
    db, processor = sandbox(db_url)
    try:
        # Money the processor moved that no intent records, and money moved under a refused request's key.
        orphan = processor.authorize("dev_ghost:" + str(uuid.uuid4()), "tok_visa", 4200, "EUR")
        refused = processor.authorize(f"{api.device['device_id']}:{refused_key}", "tok_visa", 999, "EUR")
        processor.capture("capture-refused", refused.hold_id, 999)
    finally:
        db.dispose()

    status, report = run_audit(db_url, capsys)

    assert status == 1
    assert {f["hold_id"] for f in report["orphaned_charges"]} == {orphan.hold_id, refused.hold_id}
    assert [(f["hold_id"], f["op_id"], f["response_status"], f["error"]) for f in report["unrefunded_refusals"]] == [
        (refused.hold_id, refused_key, 422, "unknown_product")]
    assert report["counts"]["orphaned_charges"] == 2


def test_a_ledger_that_disagrees_with_the_intent_or_the_processor_is_found(api, db_url, capsys):
    order = api.order(api.add_card(), ("philips-longlife-w5w", 1)).json()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM payment_ledger WHERE kind = 'capture'"))
    engine.dispose()

    status, report = run_audit(db_url, capsys)

    assert status == 1
    [mismatch] = report["ledger_mismatches"]
    assert mismatch["payment_id"] == order["payment_id"]
    assert any(problem.startswith("captured: ledger 0") for problem in mismatch["problems"])


def test_a_lapsed_hold_nobody_recorded_is_found_until_the_reconciler_records_it(db_url, capsys):
    from headunit_backend.intents import PaymentDesk
    from headunit_backend.reconcile import reconcile_once

    with TestClient(create_app(db_url, hold_expiry=0.5, reconcile_interval=0)) as client:
        api = Api.register(client)
        answer = api.write("POST", "/v1/payments", {"amount_cents": 300, "currency": "EUR", "capture": "manual",
                                                    "payment_method_id": api.add_card(),
                                                    "merchant": {"id": "m", "name": "M"}})
        assert answer.status_code == 201
        time.sleep(0.7)

        status, report = run_audit(db_url, capsys)
        assert status == 1
        assert [f["payment_id"] for f in report["holds_past_expiry"]] == [answer.json()["payment_id"]]

        services = client.app.state.services
        assert reconcile_once(PaymentDesk(services.db, services.processor, 30)) == 1
        assert run_audit(db_url, capsys)[0] == 0


def test_a_missing_database_is_one_line_and_status_1(tmp_path, capsys):
    assert main(["audit", "--db", str(tmp_path / "none.db")]) == 1
    assert "no SQLite database" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
