"""Bringing the sandbox up inside a running shell, the first time a sandboxed plugin needs it.

A head unit with only the shell's own plugins never loads any of this: home's first frame and memory are
what they were before third-party plugins could run.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from headunit.sandbox.calls import ServiceCalls
from headunit.sandbox.runtime import SandboxedRuntime
from headunit.sandbox.service import Sandbox
from headunit.sandbox.shell_state import ShellState

if TYPE_CHECKING:
    from headunit.runtime import Runtime

log = logging.getLogger(__name__)


def start_sandbox(runtime: "Runtime") -> Sandbox:
    """The sandbox service, its plugin calls and its runtime, wired into `runtime`; its overlays in the window."""
    sandbox = Sandbox(runtime.host, runtime, allow_unsandboxed=runtime.options.unsandboxed)
    # Maps, navigation, weather, media and the shell's state for sandboxed plugins, checked as in-process.
    calls = ServiceCalls(runtime.host, runtime)
    sandbox.call_handlers += [calls, ShellState(sandbox, runtime.host, runtime, sandbox)]
    from headunit.host.payments_access import PaymentCalls

    sandbox.call_handlers.append(PaymentCalls(sandbox, runtime.host.record, runtime.payments, runtime.pairing_desk))
    from headunit.host.packages_access import PackageCalls

    sandbox.call_handlers.append(PackageCalls(sandbox, runtime.host, runtime.packages))
    from headunit.shell.cloud_images import CloudImageSockets

    sandbox.call_handlers.append(CloudImageSockets(runtime.cloud))  # catalog images in its QML, with `network`
    sandbox.appEnded.connect(calls.app_ended)
    runtime.translations.languageChanged.connect(sandbox.send_language)
    window = runtime.engine.rootObjects()[0] if runtime.engine.rootObjects() else None
    if window is not None:
        sandbox.set_window(window)
    return sandbox


def sandboxed_runtime(runtime: "Runtime") -> SandboxedRuntime:
    return SandboxedRuntime(runtime.host, runtime.sandbox, runtime.engine, runtime.host)


def add_overlays(runtime: "Runtime", window) -> None:
    """The not-responding sheet and the unsandboxed banner, over the shell (made once, with the sandbox)."""
    shell = window.findChild(QQuickItem, "shell")
    if shell is None:
        return
    component = QQmlComponent(runtime.engine)
    component.loadFromModule("HeadUnit.Shell", "SandboxOverlays")
    overlays = component.createWithInitialProperties({"content": shell.findChild(QQuickItem, "content")},
                                                     runtime.engine.rootContext())
    if overlays is None:
        log.error("the sandbox's overlays could not be made: %s", component.errorString())
        return
    overlays.setParentItem(shell)
    overlays.setParent(shell)
