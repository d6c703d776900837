"""Settings › Account says where the car's data lives, in every state of the link, with the next step; at the
smallest and a wide screen, day and night, nothing cut short, clipped or overlapping."""

from __future__ import annotations

import pytest

from headunit.sync.models import Status
from tests.shell import find, settle
from tests.ui.geometry import texts

ACCOUNT = 5
REVOKED = "this device was removed from its account (HTTP 401); link it again to sync"


class _Client:
    """Stands for an open sync client: Settings reads only Cloud's snapshot."""

    latest_status = None

    def bytes_by_plugin(self):
        return {}

    def close(self):
        pass


def _open_account(window, qtbot):
    find(window, "shell").setProperty("overlay", "settings")
    find(window, "settingsView").setProperty("section", ACCOUNT)
    settle(qtbot)


def _as_if(runtime, status: Status | None, url: str = "https://backend.example.org/") -> None:
    cloud = runtime.cloud
    cloud._client, cloud._local_only, cloud._url, cloud._status = _Client(), False, url, status
    cloud._opened.set()  # plugins asking for the client get it at once instead of waiting for it to open
    cloud.changed.emit()


def _status(**kw) -> Status:
    base = dict(online=True, linked=False, pending=0, rejected=0, last_sync=None, oldest_pending_age=None,
                data_age=None)
    return Status(**{**base, **kw})


def _shown(window) -> tuple[str, str]:
    return find(window, "accountTitle").property("text"), find(window, "accountHint").property("text")


def test_a_local_profile_says_its_data_is_on_this_car_only(make_shell, qtbot):
    runtime, window = make_shell(800, 480)  # --backend none
    runtime.start_cloud()
    qtbot.waitUntil(lambda: runtime.cloud.localProfile, timeout=5000)
    _open_account(window, qtbot)
    title, hint = _shown(window)
    assert title == "On this car only (no account)" and "kept on this car" in hint
    assert find(window, "linkPhone").property("visible") and find(window, "linkPhone").property("enabled")
    assert texts(window)[1] == []


STATES = {
    "linked": (_status(linked=True, approval="approved"), "Linked to your account", "backend.example.org"),
    "pending": (_status(approval="pending", reason="waiting for approval by a device of the account", pending=3),
                "Waiting for approval on your phone", "companion page"),
    "revoked": (_status(approval="pending", reason=REVOKED, revoked=True, pending=2),
                f"Removed from the account: {REVOKED}", "stay on this car"),
    "connecting": (_status(reason="the account is not reached yet"), "Reaching your account…", "not reached yet"),
}


@pytest.mark.parametrize("size", [(800, 480), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("state", list(STATES))
def test_each_link_state_is_said_plainly_with_the_next_step(make_shell, qtbot, state, size, night):
    runtime, window = make_shell(*size, night=night)
    status, title, hint_part = STATES[state]
    _as_if(runtime, status)
    _open_account(window, qtbot)
    shown_title, hint = _shown(window)
    assert shown_title == title and hint_part in hint
    button = find(window, "linkPhone")
    assert button.property("visible") and button.property("enabled")
    assert texts(window)[1] == []


def test_linking_a_phone_is_refused_while_moving(make_shell, qtbot):
    runtime, window = make_shell(800, 480, drive="moving")
    _as_if(runtime, STATES["pending"][0])
    _open_account(window, qtbot)
    assert not find(window, "linkPhone").property("enabled")  # nothing to scan or type while driving
