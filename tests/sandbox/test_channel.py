"""The channel's framing, and a plugin that breaks it: refused before anything is acted on, and ended."""

from __future__ import annotations

import pytest

from headunit.sandbox.channel import MAX_MESSAGE, ChannelError, Decoder, encode


def test_messages_split_on_newlines_across_reads():
    decoder = Decoder()
    data = encode({"method": "toast", "params": {"text": "a\nb"}}) + encode({"id": 1, "result": "pong"})
    assert decoder.feed(data[:7]) == []
    messages = decoder.feed(data[7:])
    assert [m.get("method") or m.get("result") for m in messages] == ["toast", "pong"]
    assert messages[0]["params"]["text"] == "a\nb"


@pytest.mark.parametrize("line, why", [
    (b"not json\n", "not JSON"),
    (b'{"method": "toast"}\n', "not JSON-RPC 2.0"),
    (b'{"jsonrpc": "2.0", "method": 5}\n', "method name"),
    (b'{"jsonrpc": "2.0", "method": "toast", "params": [1]}\n', "params"),
    (b"\xff\xfe\n", "not JSON"),
])
def test_what_is_not_json_rpc_is_refused(line, why):
    with pytest.raises(ChannelError, match=why):
        Decoder().feed(line)


def test_a_message_past_the_limit_is_refused_before_it_ends():
    with pytest.raises(ChannelError, match="longer than"):
        Decoder().feed(b"[" * (MAX_MESSAGE + 1))


def test_no_nan_crosses_the_channel():
    with pytest.raises(ValueError):
        encode({"result": float("nan")})


GARBLER = '''
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        ctx._channel._socket.sendall(b"{this is not json}\\n")
'''


def test_a_plugin_that_breaks_the_protocol_is_ended(make_shell, qtbot, plugin_factory):
    plugin_factory("org.example.garbler", python=GARBLER)
    runtime, window = make_shell(1280, 720, third_party_paths=[plugin_factory.root])
    toasts = []
    runtime.notifications.toast.connect(lambda text, level: toasts.append(text))
    runtime.apps.openApp("org.example.garbler")
    qtbot.waitUntil(lambda: "Test app stopped working and was closed" in toasts, timeout=10_000)
    assert runtime.apps.currentApp == ""
    assert runtime.host.record("org.example.garbler").status == "ok"  # a crash: it may be opened again
