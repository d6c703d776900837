"""The appliance's systemd files: the unit verifies and scores, the user and tmpfiles apply, and the plugin
sandbox (bubblewrap) still works inside the unit's hardening.

What runs here and what it proves (docs/appliance.md, "What is tested"):

- `systemd-analyze verify` and `systemd-analyze security --offline` read the unit file without a running
  systemd (a copy whose ExecStart points at a stand-in, since verify wants the program to exist);
- `systemd-sysusers --root` and `systemd-tmpfiles --root` apply the user and the directories to a scratch
  root;
- the hardening's effect on bubblewrap is reproduced without systemd: a private mount namespace gets the
  mounts the unit's options make (read-only /, hidden homes, a private /tmp, /proc with hidepid, and, for
  the options the unit must not set, the over-mounts of /proc they would add), then an unprivileged user
  with no-new-privileges runs bubblewrap with the sandbox's namespaces, /proc, /dev and /tmp. This needs
  root (to build the namespace) and unprivileged user namespaces;
- every system call bubblewrap makes (traced with strace) is in the unit's SystemCallFilter, as expanded by
  systemd-analyze. The seccomp filter, RestrictNamespaces and DeviceAllow themselves are not applied here:
  only systemd can, and PID 1 of a test machine is not always systemd.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "packaging" / "systemd"
UNIT = SYSTEMD / "headunit.service"
EXEC_START = "/opt/headunit/venv/bin/headunit"
#: The exposure systemd-analyze security gives the unit (3.2 with systemd 252); it may not get worse.
EXPOSURE_LIMIT = 3.5

needs_analyze = pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                                   reason="systemd-analyze is not installed (Debian package systemd)")


def unit_settings() -> dict[str, list[str]]:
    """The unit's [Service] settings, each key with all its values in order."""
    settings: dict[str, list[str]] = {}
    section = ""
    for line in UNIT.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
            continue
        key, _, value = line.partition("=")
        if section == "[Service]":
            settings.setdefault(key, []).append(value)
    return settings


@pytest.fixture
def unit_copy(tmp_path: Path) -> Path:
    """The unit with its ExecStart pointing at an executable that exists here."""
    program = tmp_path / "venv" / "bin" / "headunit"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    text = UNIT.read_text()
    assert EXEC_START in text
    copy = tmp_path / "headunit.service"
    copy.write_text(text.replace(EXEC_START, str(program)))
    return copy


@needs_analyze
def test_unit_verifies(unit_copy: Path) -> None:
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit_copy)],
                          capture_output=True, text=True, cwd=unit_copy.parent, timeout=60)
    # verify exits 0 on an unknown or misspelled key and only says so: no line about the unit is allowed.
    about_unit = [line for line in (done.stdout + done.stderr).splitlines() if unit_copy.name in line]
    assert done.returncode == 0 and not about_unit, done.stdout + done.stderr


@needs_analyze
def test_unit_security_exposure(unit_copy: Path) -> None:
    done = subprocess.run(["systemd-analyze", "security", "--offline=yes", "--no-pager", str(unit_copy)],
                          capture_output=True, text=True, cwd=unit_copy.parent, timeout=60)
    match = re.search(r"Overall exposure level for \S+: ([0-9.]+)", done.stdout)
    assert match, done.stdout + done.stderr
    exposure = float(match.group(1))
    print(f"systemd-analyze security: {exposure}")
    assert exposure <= EXPOSURE_LIMIT, done.stdout


def test_unit_keeps_what_the_sandbox_and_the_watchdog_need() -> None:
    s = unit_settings()
    assert s["Type"] == ["notify"] and s["NotifyAccess"] == ["main"]
    assert s["ExecStart"] == [f"{EXEC_START} run"]
    assert s["User"] == ["headunit"] and s["NoNewPrivileges"] == ["yes"]
    namespaces = set(" ".join(s["RestrictNamespaces"]).split())
    assert {"user", "mnt", "pid", "net", "ipc", "uts", "cgroup"} <= namespaces
    allowed = set(" ".join(v for v in s["SystemCallFilter"] if not v.startswith("~")).split())
    assert {"@system-service", "@mount"} <= allowed
    denied = " ".join(v.removeprefix("~") for v in s["SystemCallFilter"] if v.startswith("~")).split()
    assert not {"@mount", "@privileged", "@process", "@setuid"} & set(denied)
    # Each of these over-mounts /proc, and the kernel then refuses bubblewrap's new /proc (see below).
    for option in ("ProtectKernelTunables", "ProtectKernelLogs"):
        assert s.get(option, ["no"]) == ["no"], option
    assert s.get("ProcSubset", ["all"]) == ["all"]
    assert s.get("PrivateUsers", ["no"]) == ["no"]
    assert "AF_CAN" in s["RestrictAddressFamilies"][0] and "AF_NETLINK" in s["RestrictAddressFamilies"][0]


@pytest.mark.skipif(shutil.which("systemd-sysusers") is None, reason="systemd-sysusers is not installed")
def test_sysusers_makes_the_user_in_its_groups(tmp_path: Path) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    groups = {"video": 44, "render": 105, "input": 104, "audio": 29, "dialout": 20}
    (etc / "group").write_text("root:x:0:\n" + "".join(f"{g}:x:{gid}:\n" for g, gid in groups.items()))
    (etc / "passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    done = subprocess.run(["systemd-sysusers", f"--root={tmp_path}", str(SYSTEMD / "headunit.sysusers")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    user = next(line.split(":") for line in (etc / "passwd").read_text().splitlines()
                if line.startswith("headunit:"))
    assert 0 < int(user[2]) < 1000 and user[5] == "/var/lib/headunit" and user[6] == "/usr/sbin/nologin"
    members = {line.split(":")[0]: line.split(":")[3].split(",") for line in (etc / "group").read_text().splitlines()}
    assert all("headunit" in members[g] for g in groups), members
    assert "headunit" in members  # its own group


@pytest.mark.skipif(shutil.which("systemd-tmpfiles") is None or shutil.which("systemd-sysusers") is None,
                    reason="systemd-tmpfiles is not installed")
def test_tmpfiles_make_the_state_directory_and_lingering(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").write_text("root:x:0:0:root:/root:/bin/sh\n")
    (tmp_path / "etc" / "group").write_text("root:x:0:\n")
    subprocess.run(["systemd-sysusers", f"--root={tmp_path}", str(SYSTEMD / "headunit.sysusers")],
                   check=True, capture_output=True, timeout=60)
    done = subprocess.run(["systemd-tmpfiles", f"--root={tmp_path}", "--create",
                           str(SYSTEMD / "headunit.tmpfiles")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    state = tmp_path / "var" / "lib" / "headunit"
    assert state.is_dir() and (state.stat().st_mode & 0o777) == 0o700
    if os.geteuid() == 0:  # only root can give it away
        uid = next(int(line.split(":")[2]) for line in (tmp_path / "etc" / "passwd").read_text().splitlines()
                   if line.startswith("headunit:"))
        assert state.stat().st_uid == uid
    assert (tmp_path / "var" / "lib" / "systemd" / "linger" / "headunit").is_file()


def test_environment_and_eglfs_config() -> None:
    env = dict(line.split("=", 1) for line in (SYSTEMD / "headunit.env").read_text().splitlines()
               if line and not line.startswith("#"))
    assert env["QT_QPA_PLATFORM"] == "eglfs" and env["QT_QPA_EGLFS_INTEGRATION"] == "eglfs_kms"
    assert env["QT_QPA_EGLFS_KMS_CONFIG"] == "/etc/headunit/eglfs.json"
    config = json.loads((ROOT / "packaging" / "eglfs" / "eglfs.json").read_text())
    assert config["device"].startswith("/dev/dri/") and config["hwcursor"] is False
    assert any(o.get("mode") != "off" for o in config["outputs"])


# --- bubblewrap inside the unit's hardening -------------------------------------------------------------

BWRAP_UID = 65534  # nobody: an unprivileged user with no home


def _can_build_namespaces() -> str | None:
    if os.geteuid() != 0:
        return "needs root to build the unit's mount namespace"
    for tool in ("unshare", "setpriv", "bwrap", "mount"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    probe = subprocess.run(["setpriv", f"--reuid={BWRAP_UID}", f"--regid={BWRAP_UID}", "--clear-groups",
                            "bwrap", "--ro-bind", "/usr", "/usr", *_usr_links(), "--unshare-all", "--",
                            "/usr/bin/true"], capture_output=True, text=True, timeout=30)
    if probe.returncode != 0:
        return f"unprivileged bubblewrap does not work on this machine at all: {probe.stderr.strip()}"
    return None


def _usr_links() -> list[str]:
    links = []
    for name in ("bin", "lib", "lib64", "sbin"):
        if Path("/usr", name).is_dir():
            links += ["--symlink", f"usr/{name}", f"/{name}"]
    return links


def sandbox_flags() -> list[str]:
    """bubblewrap with the namespaces and the kernel file systems the plugin sandbox asks for; the
    sandbox's own command line must keep these, so that this test keeps testing what plugins get."""
    from headunit.sandbox import bwrap

    real = bwrap.sandbox_argv(["/usr/bin/true"], plugin_folder=Path("/usr"))
    for flag in ("--unshare-all", "--new-session", "--die-with-parent", "--cap-drop", "--proc", "--dev",
                 "--tmpfs"):
        assert flag in real, flag
    links = _usr_links()
    return ["bwrap", "--die-with-parent", "--new-session", "--unshare-all", "--uid", "1000", "--gid", "1000",
            "--cap-drop", "ALL", "--ro-bind", "/usr", "/usr", *links, "--proc", "/proc", "--dev", "/dev",
            "--tmpfs", "/tmp", "--dir", "/run/headunit", "--chmod", "0700", "/run/headunit", "--clearenv",
            "--chdir", "/tmp", "--", "/usr/bin/true"]


def hardening_mounts(s: dict[str, list[str]]) -> list[str]:
    """Shell commands making, in a fresh mount namespace, what the unit's file system options make."""
    cmds = []
    if s.get("ProtectHome", ["no"])[0] in ("yes", "tmpfs", "read-only"):
        cmds += ["for d in /home /root; do [ -d $d ] && mount -t tmpfs -o ro,mode=0755 tmpfs $d; done"]
    if s.get("PrivateTmp") == ["yes"]:
        cmds += ["mount -t tmpfs -o mode=1777 tmpfs /tmp"]
    if s.get("ProtectSystem") == ["strict"]:
        cmds += ["findmnt -rno TARGET | grep -vE '^/(proc|dev|sys|tmp)($|/)' | "
                 "while read -r m; do mount -o remount,bind,ro \"$m\" 2>/dev/null || true; done"]
    proc_options = []
    if s.get("ProtectProc", ["default"])[0] in ("invisible", "ptraceable", "noaccess"):
        proc_options.append("hidepid=" + s["ProtectProc"][0])
    if s.get("ProcSubset", ["all"])[0] == "pid":
        proc_options.append("subset=pid")
    if proc_options:
        cmds += [f"mount -t proc -o {','.join(proc_options)} proc /proc"]
    if s.get("ProtectKernelTunables") == ["yes"]:
        cmds += ["mount --bind /proc/sys /proc/sys", "mount -o remount,bind,ro /proc/sys"]
    if s.get("ProtectKernelLogs") == ["yes"]:
        cmds += ["f=$(mktemp); chmod 000 $f; mount --bind $f /proc/kmsg"]
    return cmds


def run_bwrap_in(mounts: list[str], bwrap_argv: list[str]) -> subprocess.CompletedProcess[str]:
    drop = ["setpriv", f"--reuid={BWRAP_UID}", f"--regid={BWRAP_UID}", "--clear-groups", "--no-new-privs"]
    script = "set -e\n" + "\n".join(mounts) + "\nexec " + " ".join(drop + bwrap_argv) + "\n"
    return subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, timeout=60)


def test_bubblewrap_works_inside_the_units_hardening() -> None:
    reason = _can_build_namespaces()
    if reason:
        pytest.skip(reason)
    s = unit_settings()
    assert s["NoNewPrivileges"] == ["yes"]  # setpriv --no-new-privs stands for it
    done = run_bwrap_in(hardening_mounts(s), sandbox_flags())
    assert done.returncode == 0, done.stderr


def test_the_options_left_out_would_break_the_sandbox() -> None:
    """Why the unit leaves ProtectKernelTunables, ProtectKernelLogs and ProcSubset=pid off: each makes the
    kernel refuse bubblewrap's fresh /proc (an over-mounted /proc is not 'fully visible')."""
    reason = _can_build_namespaces()
    if reason:
        pytest.skip(reason)
    base = unit_settings()
    for option, value in (("ProtectKernelTunables", "yes"), ("ProtectKernelLogs", "yes"), ("ProcSubset", "pid")):
        done = run_bwrap_in(hardening_mounts({**base, option: [value]}), sandbox_flags())
        assert done.returncode != 0 and "proc" in done.stderr, (option, done.stderr)


def _expand(group: str, seen: set[str]) -> set[str]:
    if group in seen:
        return set()
    seen.add(group)
    out = subprocess.run(["systemd-analyze", "syscall-filter", "--no-pager", group], capture_output=True,
                         text=True, check=True, timeout=30).stdout
    calls: set[str] = set()
    for line in out.splitlines()[1:]:
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        calls |= _expand(word, seen) if word.startswith("@") else {word}
    return calls


@needs_analyze
def test_the_system_call_filter_allows_every_call_bubblewrap_makes(tmp_path: Path) -> None:
    reason = _can_build_namespaces()
    if reason:
        pytest.skip(reason)
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    s = unit_settings()
    allowed: set[str] = set()
    denied: set[str] = set()
    for value in s["SystemCallFilter"]:
        target = denied if value.startswith("~") else allowed
        for name in value.removeprefix("~").split():
            target |= _expand(name, set()) if name.startswith("@") else {name}
    permitted = allowed - denied
    trace = tmp_path / "bwrap.trace"
    drop = ["setpriv", f"--reuid={BWRAP_UID}", f"--regid={BWRAP_UID}", "--clear-groups", "--no-new-privs"]
    # strace follows setpriv into bubblewrap and its sandboxed child.
    subprocess.run(["strace", "-f", "-qq", "-o", str(trace), *drop, *sandbox_flags()], check=True,
                   capture_output=True, timeout=60)
    made = {m.group(1) for m in re.finditer(r"^\d+\s+([a-z0-9_]+)\(", trace.read_text(), re.M)}
    assert {"unshare", "mount", "pivot_root"} & made or "clone" in made, made
    assert made - permitted == set(), sorted(made - permitted)
