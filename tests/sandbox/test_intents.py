"""Intents between sandboxed apps: routed and checked by the shell, and the answer goes back to the sender."""

from __future__ import annotations

from tests.sandbox.conftest import open_sandboxed, template_rows

ASKER = '''
from headunit.sdk import IntentError, Plugin


class Main(Plugin):
    def start(self, ctx):
        rows = []
        for n in (21, "x"):
            try:
                rows.append({"title": str(n), "subtitle": str(ctx.send_intent("double", n=n))})
            except IntentError as exc:
                rows.append({"title": str(n), "subtitle": "refused: " + str(exc)[:120]})
        ctx.templates.show("list", rows=rows)
'''
DOUBLER = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        ctx.handle_intent("double", lambda params: params["n"] * 2)
'''


def test_a_sandboxed_app_gets_the_answer_of_another(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.asker", python=ASKER)
    plugin_factory("org.example.doubler", python=DOUBLER, intents={"double": {"n": "integer"}})
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    open_sandboxed(qtbot, runtime, window, "org.example.asker")
    rows = template_rows(runtime, "org.example.asker")
    assert rows["21"] == "42"
    assert rows["x"].startswith("refused: ") and "n: expected integer" in rows["x"]
