"""The half of `headunit plugins check` that runs a plugin's code: importing its Python entry (never calling
start()) and compiling its page and tile QML, in a process of its own.

    python -m headunit.host.check_child FOLDER --report-fd N

Whatever the plugin's code does at import stays out of the command's process: it runs in bubblewrap where
that works (its own folder read-only, no network, no home, no user data), is stopped after a timeout, and
cannot print into the command's output, because the child's stdout and stderr both go to the command's stderr
and the findings go as JSON to the file descriptor N, never to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from headunit.host.reasons import reason_for

#: Seconds the import and the compiling may take: an endless loop at import must not hang the check.
CHILD_TIMEOUT = 30.0
#: The command's standard error, where the child's own output goes: anything the plugin prints lands there.
_STDERR = 2


# The command's side


def check_in_child(folder: Path, plugin_id: str, timeout: float = CHILD_TIMEOUT) -> list[str]:
    """Problems found by importing the entry and compiling the QML of the plugin in `folder`, in a child."""
    with tempfile.TemporaryFile() as report:
        # -P: no folder of the command's (its working directory) ahead of the standard library.
        argv = [sys.executable, "-P", "-m", __name__, str(folder), "--report-fd", str(report.fileno())]
        status = _run(_wrap(argv, folder), report.fileno(), timeout)
        if status is None:
            return [f"{folder}: {plugin_id}: importing its Python and compiling its QML took longer than "
                    f"{timeout:g} s, so the check stopped it"]
        report.seek(0)
        return _problems_in(report.read(), folder, plugin_id, status)


def _wrap(argv: list[str], folder: Path) -> list[str]:
    """`argv` inside bubblewrap when bubblewrap works here, else as it is (a child process all the same)."""
    from headunit.sandbox import bwrap

    reason = bwrap.available()
    if reason is not None:
        print(f"{folder}: checked without a sandbox: {reason}", file=sys.stderr)
        return argv
    return bwrap.sandbox_argv(argv, plugin_folder=folder, data_folder=None, network=False, env=_sandbox_env())


def _python_path() -> str:
    """The child imports the very HeadUnit the command runs, wherever it was started from."""
    from headunit import paths

    return os.pathsep.join([str(paths.PACKAGE_DIR.parent)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])


def _sandbox_env() -> dict[str, str]:
    """The child's whole environment inside the sandbox (bubblewrap clears the command's)."""
    return {"QT_QPA_PLATFORM": "offscreen", "HOME": "/tmp", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": os.environ.get("LANG", "C.UTF-8"), "PYTHONPATH": _python_path()}


def _run(argv: list[str], report_fd: int, timeout: float) -> int | None:
    """The child's exit status, or None when it ran out of time and was killed with its process group."""
    sys.stderr.flush()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=_STDERR, stderr=_STDERR, pass_fds=(report_fd,),
                             env={**os.environ, "PYTHONPATH": _python_path()}, start_new_session=True)
    try:
        return child.wait(timeout)
    except subprocess.TimeoutExpired:
        return None
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def _problems_in(report: bytes, folder: Path, plugin_id: str, status: int) -> list[str]:
    try:
        problems = json.loads(report)["problems"]
        if isinstance(problems, list) and all(isinstance(p, str) for p in problems):
            return problems
    except (ValueError, TypeError, KeyError):
        pass
    ended = f"signal {-status}" if status < 0 else f"exit status {status}"
    return [f"{folder}: {plugin_id}: importing its Python or compiling its QML ended the check's process "
            f"({ended}) before it could report"]


# The child's side


def findings(folder: Path) -> list[str]:
    """Everything wrong with the plugin in `folder` that only importing and compiling can find."""
    from headunit.host.manifest import ManifestError, load_manifest

    try:
        manifest = load_manifest(folder)
    except ManifestError as exc:
        return exc.errors
    from headunit.runtime import ensure_app  # registers the shell's QML types, as a start does

    ensure_app(offscreen=True)
    # The entry first: its import registers the plugin's own QML types, which its QML may use.
    return (_entry_problems(manifest) if manifest.python else []) + _qml_problems(manifest)


def _entry_problems(manifest) -> list[str]:
    from headunit.host import loader
    from headunit.sdk import Plugin

    try:
        cls = loader.load_entry_class(manifest)
    except BaseException as exc:  # noqa: BLE001 - a plugin's import may raise anything, SystemExit too
        return [reason_for(exc, manifest.folder, f"loading {manifest.python}")]
    if not (isinstance(cls, type) and issubclass(cls, Plugin)):
        return [f"{manifest.path}: entry.python: {manifest.python} is not a subclass of headunit.sdk.Plugin"]
    return []


def _qml_problems(manifest) -> list[str]:
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    from headunit import paths

    engine = QQmlEngine()
    engine.addImportPath(str(paths.QML_DIR))
    problems = []
    for kind, file in (("page", manifest.page), ("tile", manifest.tile)):
        if file:
            component = QQmlComponent(engine, QUrl.fromLocalFile(str(manifest.folder / file)),
                                      QQmlComponent.CompilationMode.PreferSynchronous)
            if component.isError():
                errors = "; ".join(f"{QUrl(e.url()).toLocalFile() or e.url().toString()}:{e.line()}: "
                                   f"{e.description()}" for e in component.errors())
                problems.append(f"{kind} QML: {errors}")
    return problems


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m headunit.host.check_child")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--report-fd", type=int, required=True)
    args = parser.parse_args(argv)
    report = os.fdopen(args.report_fd, "w", encoding="utf-8")
    report.write(json.dumps({"problems": findings(args.folder)}))
    report.flush()
    for stream in (sys.stdout, sys.stderr):  # what the plugin printed, for the author to read
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - the plugin may have replaced or closed them
            pass
    # At once: threads the plugin's import started, or its atexit handlers, must not keep the check waiting.
    os._exit(0)


if __name__ == "__main__":
    main()
