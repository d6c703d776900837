"""A sandboxed plugin with `payments` gets the same sheet through its ctx, and no way around it."""

from __future__ import annotations

from tests.sandbox.conftest import open_sandboxed, template_rows
from tests.shell import find, settle

PAYER = '''
from headunit.sandbox.remote import call
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        self.ctx = ctx
        self.rows = {}
        try:
            ctx.cloud.submit("payments", "POST", "/v1/payments", {"amount_cents": 1})
            self.rows["submit"] = "ok"
        except Exception as exc:
            self.rows["submit"] = type(exc).__name__ + ": " + str(exc)[:80]
        try:  # past the SDK, straight to the shell: the shell's own check
            call(ctx._channel, "cloud.submit", lane="default", method="POST", path="/v1/fuel/sessions", body={})
            self.rows["raw submit"] = "ok"
        except Exception as exc:
            self.rows["raw submit"] = type(exc).__name__ + ": " + str(exc)[:80]
        self.handle = ctx.payments.request(
            kind="parking", merchant={"id": "z1", "name": "Zone Port"}, amount_cents=360, hold=True,
            currency="EUR", request={"method": "POST", "path": "/v1/parking/sessions",
                                     "body": {"zone_id": "mc-port", "expected_end": "2030-01-01T00:00:00Z"}})
        self.rows["request"] = self.handle.id
        self.handle.outcome.connect(self.outcome)
        self.show()

    def outcome(self, state, details):
        self.rows["outcome"] = state + " " + details.get("reason", "")
        self.show()

    def show(self):
        self.ctx.templates.show("list", title="pay", rows=[{"title": k, "subtitle": v} for k, v in self.rows.items()])
'''


def test_a_sandboxed_plugin_gets_the_shells_sheet_and_cannot_write_payments_itself(make_shell, qtbot,
                                                                                   plugin_factory):
    plugin_factory("org.example.sandpay", python=PAYER, capabilities=("network", "payments"))
    plugin_factory("org.example.nopay", python=PAYER, capabilities=("network",))
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])

    open_sandboxed(qtbot, runtime, window, "org.example.sandpay")
    qtbot.waitUntil(lambda: runtime.payments.shown, timeout=10_000)
    settle(qtbot)
    assert find(window, "paymentSheet").isVisible()
    assert find(window, "paymentMerchant").property("text") == "Zone Port"
    assert find(window, "paymentAmount").property("text") == "Hold €3.60"
    rows = template_rows(runtime, "org.example.sandpay")
    assert rows["submit"].startswith("PermissionDenied"), rows
    assert rows["raw submit"].startswith("PermissionDenied"), rows
    assert rows["request"].startswith("pay-")

    runtime.payments.cancel()  # the driver's Cancel
    qtbot.waitUntil(lambda: "outcome" in template_rows(runtime, "org.example.sandpay"), timeout=10_000)
    assert template_rows(runtime, "org.example.sandpay")["outcome"] == "declined_by_driver cancelled"
    assert not runtime.payments.shown


def test_without_the_capability_a_sandboxed_plugin_gets_no_sheet(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.nopay", python=PAYER, capabilities=("network",))
    runtime, window = make_shell(1280, 720, drive="parked", third_party_paths=[plugin_factory.root])
    assert runtime.apps.openApp("org.example.nopay")
    qtbot.waitUntil(lambda: runtime.host.record("org.example.nopay").status == "failed", timeout=15_000)
    assert "payments" in runtime.host.record("org.example.nopay").reason
    assert not runtime.payments.shown
