"""A plugin without network, location or storage tries what an attacker would: every attempt fails, and the
shell's settings and other plugins' data are as they were. With the capabilities declared, the documented
`ctx` calls work."""

from __future__ import annotations

import socket
import threading

from headunit.sandbox import bwrap
from tests.sandbox.conftest import open_sandboxed, template_rows

ATTACKER = '''
import ctypes, os, shutil, socket, subprocess, sys
from pathlib import Path
from headunit.sdk import Plugin

TARGETS = {TARGETS!r}


def attempt(name, fn):
    try:
        return name, "succeeded: " + repr(fn())[:60]
    except BaseException as exc:
        return name, "failed: " + type(exc).__name__


class Main(Plugin):
    def start(self, ctx):
        def connect():
            with socket.create_connection(("127.0.0.1", TARGETS["port"]), timeout=2) as s:
                return s.recv(10)

        def http():
            import requests
            return requests.get(f"http://127.0.0.1:{{TARGETS['port']}}/", timeout=2).status_code

        def settings():
            Path(TARGETS["settings"]).write_text("{{}}")
            return "written"

        def shell_settings_object():
            from headunit.shell.settings import Settings
            s = Settings(Path(TARGETS["settings"]))
            s.set("themeMode", "night")
            s.save()
            return Path(TARGETS["settings"]).read_text()

        def execv():  # on success the plugin's process would be this command's, and publish nothing
            os.execv(sys.executable, [sys.executable, "-c", "print('replaced')"])

        def ctypes_execve():
            libc = ctypes.CDLL(None, use_errno=True)
            argv = (ctypes.c_char_p * 3)(sys.executable.encode(), b"-V", None)
            if libc.execve(sys.executable.encode(), argv, None) != 0:
                raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))

        def copied_program():  # a program of its own, written where it may write
            copy = shutil.copy(sys.executable, "/tmp/own-python")
            return subprocess.run([copy, "-c", "print(1)"], capture_output=True).stdout

        def in_child(act):  # a forked child does it; its status is 0 when it worked
            pid = os.fork()
            if pid == 0:
                try:
                    act()
                    os._exit(0)
                finally:
                    os._exit(126)
            status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
            if status != 0:
                raise OSError(f"in the child: {{status}}")
            return status

        def fork_then_exec():  # exec'd, the child is a Python that exits 0
            return in_child(lambda: os.execv(sys.executable, [sys.executable, "-c", "0"]))

        def fork():  # a child of its own, running the same Python, without exec
            return in_child(lambda: None)

        def user_namespace():  # every capability inside one; from a child, as a threaded process may not
            return in_child(lambda: os.unshare(os.CLONE_NEWUSER))

        rows = [attempt(*a) for a in [
            ("socket", connect),
            ("requests", http),
            ("position", lambda: ctx.vehicle.latitude),
            ("position behind the reader", lambda: ctx.vehicle._state.value("latitude")),
            ("other plugin's data", lambda: Path(TARGETS["other"]).read_bytes()),
            ("home", lambda: os.listdir(TARGETS["home"])),
            ("ssh keys", lambda: os.listdir(os.path.expanduser("~/.ssh"))),
            ("passwd", lambda: Path("/etc/passwd").read_text()),
            ("settings file", settings),
            ("settings object", shell_settings_object),
            ("notify", lambda: ctx.notify("forged", "a notification")),
            ("storage", lambda: ctx.storage()),
            ("subprocess", lambda: subprocess.run(["sh", "-c", "id"], capture_output=True).stdout),
            ("subprocess python", lambda: subprocess.run([sys.executable, "-c", "print(1)"],
                                                         capture_output=True).stdout),
            ("posix_spawn", lambda: os.waitpid(os.posix_spawn(sys.executable, [sys.executable, "-V"], {{}}), 0)),
            ("ctypes execve", ctypes_execve),
            ("copied program", copied_program),
            ("fork then exec", fork_then_exec),
            ("fork", fork),
            ("user namespace", user_namespace),
            ("execv", execv),
            ("channel", lambda: ctx._channel.call("settings.set", {{"key": "themeMode"}}).result(5)),
        ]]
        ctx.templates.show("list", title="attempts", rows=[{{"title": n, "subtitle": r}} for n, r in rows])
'''

QML_ATTACKER = '''import QtQuick
Rectangle {
    color: "black"
    Component.onCompleted: {
        try { Settings.themeMode = "night" } catch (e) { console.log("Settings: " + e) }
        try { Apps.setEnabled("org.example.victim", false) } catch (e) { console.log("Apps: " + e) }
        try { Notifications.clearAll() } catch (e) { console.log("Notifications: " + e) }
    }
}
'''


def _server():
    """A loopback TCP server the plugin tries to reach: it answers 'hello' to whoever connects."""
    server = socket.create_server(("127.0.0.1", 0))
    reached = []

    def serve():
        server.settimeout(30)
        try:
            while True:
                conn, _ = server.accept()
                reached.append(True)
                conn.sendall(b"HTTP/1.0 200 OK\r\n\r\nhello")
                conn.close()
        except OSError:
            pass

    threading.Thread(target=serve, daemon=True).start()
    return server, reached


def _victim_data(tmp_path):
    from headunit import paths

    other = paths.data_dir() / "plugin-data" / "org.example.victim" / "storage.db"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"the victim's data")
    return other


def test_without_capabilities_every_attempt_fails_and_nothing_changes(make_shell, qtbot, plugin_factory, tmp_path):
    from headunit import paths

    server, reached = _server()
    runtime, window = make_shell(1280, 720, drive="parked")  # writes the settings file
    runtime.settings.set("themeMode", "day")
    runtime.settings.save()
    settings_file = paths.config_dir() / "settings.json"
    qtbot.waitUntil(settings_file.exists)
    other = _victim_data(tmp_path)
    before = settings_file.read_bytes()
    targets = {"port": server.getsockname()[1], "settings": str(settings_file), "other": str(other),
               "home": str(paths.config_dir().parent)}
    plugin_factory("org.example.attacker", python=ATTACKER.format(TARGETS=targets), page=QML_ATTACKER)
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    notifications = runtime.notifications.count
    open_sandboxed(qtbot, runtime, window, "org.example.attacker")
    runtime.simulator.applyDrive("parked")
    qtbot.wait(1500)  # its page's QML runs its attempts too

    rows = template_rows(runtime, "org.example.attacker")
    assert len(rows) == 22, rows
    # The one that "works" writes a settings file at the same path inside the sandbox's private /tmp: the
    # shell's own file is untouched (below). A fork without exec works: the child is the same Python, in the
    # same sandbox, and cannot start a program either.
    works = ["settings object", "fork"]
    if not bwrap.no_nested_userns():  # bubblewrap before 0.8 cannot keep them out (docs/security.md)
        works.append("user namespace")
    assert [name for name, result in rows.items() if not result.startswith("failed")] == works, rows
    for name in ("subprocess", "subprocess python", "posix_spawn", "ctypes execve", "copied program", "execv"):
        assert rows[name] == "failed: PermissionError", (name, rows[name])
    assert rows["user namespace"] == ("failed: OSError" if bwrap.no_nested_userns() else "succeeded: 0")
    assert reached == []
    assert settings_file.read_bytes() == before
    assert other.read_bytes() == b"the victim's data"
    assert runtime.notifications.count == notifications
    assert runtime.settings.get("themeMode") != "night"
    assert runtime.host.record("org.example.attacker").status == "ok"
    server.close()


CAPABLE = '''
import socket
from headunit.sdk import Plugin


class Main(Plugin):
    def start(self, ctx):
        db = ctx.storage()
        db.execute("create table if not exists t (v)")
        db.execute("insert into t values ('kept')")
        db.commit()
        with socket.create_connection(("127.0.0.1", {port}), timeout=5) as s:
            answer = s.recv(100)
        ctx.notify("Hello from the sandbox", "it may notify")
        rows = [{{"title": "latitude", "subtitle": f"{{ctx.vehicle.latitude:.4f}}"}},
                {{"title": "network", "subtitle": answer.decode()[-5:]}},
                {{"title": "driving", "subtitle": ctx.driving.state}}]
        ctx.templates.show("list", title="works", rows=rows)
'''


def test_with_capabilities_the_documented_calls_work(make_shell, qtbot, plugin_factory):
    from headunit import paths

    server, reached = _server()
    plugin_factory("org.example.capable", python=CAPABLE.format(port=server.getsockname()[1]),
                   capabilities=("network", "location", "vehicle-data", "storage", "notifications"))
    runtime, window = make_shell(1280, 720, drive="moving", third_party_paths=[plugin_factory.root])
    qtbot.waitUntil(lambda: runtime.vehicle.has_position, timeout=5000)
    open_sandboxed(qtbot, runtime, window, "org.example.capable")
    rows = template_rows(runtime, "org.example.capable")
    assert abs(float(rows["latitude"]) - runtime.vehicle.value("latitude")) < 0.01  # the car moves on meanwhile
    assert rows["network"] == "hello" and reached
    assert rows["driving"] == "moving"
    assert any(n.title == "Hello from the sandbox" for n in runtime.notifications.items())
    assert (paths.data_dir() / "plugin-data" / "org.example.capable" / "storage.db").exists()
    server.close()


FILTERED = '''
import ctypes, os, platform, subprocess, sys
from headunit.sandbox import seccomp

seccomp.install()
assert seccomp.installed()
results = {}
for name, argv in [("sh", ["/bin/sh", "-c", "true"]), ("python", [sys.executable, "-c", "0"])]:
    try:
        subprocess.run(argv)
        results[name] = "ran"
    except PermissionError:
        results[name] = "EPERM"
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
results["getpid"] = libc.syscall(39 if platform.machine() == "x86_64" else 172) == os.getpid()
if platform.machine() == "x86_64":  # getpid through the x32 ABI
    results["x32"] = (libc.syscall(0x40000000 | 39), ctypes.get_errno())
print(results)
'''


def test_the_filter_refuses_exec_and_x32_calls_and_lets_the_rest_through():
    """headunit.sandbox.seccomp, as the plugin runtime installs it on itself, outside any sandbox."""
    import ast
    import platform
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FILTERED], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    results = ast.literal_eval(done.stdout.strip())
    assert results["sh"] == results["python"] == "EPERM" and results["getpid"]
    if platform.machine() == "x86_64":
        assert results["x32"] == (-1, 1)  # EPERM, from the filter, whether the kernel knows x32 or not
