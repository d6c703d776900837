"""A sandboxed plugin's stdout and stderr reach the shell's log as the plugin's, never as the shell's: capped in
priority, length and rate, whatever the plugin writes."""

from __future__ import annotations

import logging

from headunit.sandbox.output import LINES_PER_WINDOW, MAX_LINE, WINDOW_S, PluginOutput

TALKER = '''
import logging
import sys

from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        print("<0>the car is on fire", flush=True)  # an emergency, were the journal to believe it
        print("plain words", flush=True)
        ctx.log.warning("low on %s", "spaces")
        logging.getLogger("parking.api").error("no answer")
        sys.stderr.write("half a li")
        sys.stderr.flush()
        sys.stderr.write("ne\\n")
        sys.stderr.flush()
'''


def test_what_a_sandboxed_plugin_writes_is_logged_as_its_own_and_never_above_an_error(
        make_shell, qtbot, plugin_factory, caplog, capfd):
    plugin_factory("org.example.talker", python=TALKER)
    caplog.set_level(logging.INFO, logger="headunit.plugin.org.example.talker")
    runtime, window = make_shell(1280, 720, third_party_paths=[plugin_factory.root])
    runtime.apps.openApp("org.example.talker")

    def said() -> dict[str, int]:
        return {r.getMessage(): r.levelno for r in caplog.records if r.name == "headunit.plugin.org.example.talker"}

    qtbot.waitUntil(lambda: "half a line" in said(), timeout=15_000)
    assert said() == {"the car is on fire": logging.ERROR, "plain words": logging.INFO,
                      "low on spaces": logging.WARNING, "parking.api: no answer": logging.ERROR,
                      "half a line": logging.INFO}
    assert "<0>" not in capfd.readouterr().err  # nothing the plugin writes reaches the shell's stderr as it wrote it


def test_a_flood_is_cut_to_the_window_and_counted(caplog):
    now = [0.0]
    output = PluginOutput("org.example.flood", clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="headunit.plugin.org.example.flood"):
        output.feed(b"".join(b"line %d\n" % n for n in range(10 * LINES_PER_WINDOW)))
        assert len(caplog.records) == LINES_PER_WINDOW
        now[0] += WINDOW_S
        output.feed(b"after the window\n")
    messages = [r.getMessage() for r in caplog.records]
    assert messages[LINES_PER_WINDOW] == (f"{9 * LINES_PER_WINDOW} lines of its output were dropped: "
                                          f"at most {LINES_PER_WINDOW} lines in {WINDOW_S:g} s are kept")
    assert messages[-1] == "after the window"


def test_a_long_line_is_cut_and_a_line_without_an_end_is_said_at_the_end(caplog):
    output = PluginOutput("org.example.long")
    with caplog.at_level(logging.INFO, logger="headunit.plugin.org.example.long"):
        output.feed(b"x" * (MAX_LINE + 10) + b"\n" + b"\xff not utf-8, no end")
        output.close()
    first, last = (r.getMessage() for r in caplog.records)
    assert first == "x" * MAX_LINE + "… (10 more characters)"
    assert last == "\ufffd not utf-8, no end"


def test_an_endless_line_does_not_grow_in_the_shell(caplog):
    output = PluginOutput("org.example.endless")
    with caplog.at_level(logging.INFO, logger="headunit.plugin.org.example.endless"):
        for _ in range(100):
            output.feed(b"y" * 1000)
    assert len(output._partial) <= 4 * MAX_LINE
    assert caplog.records and all(len(r.getMessage()) < MAX_LINE + 40 for r in caplog.records)
