"""The bubblewrap command line that confines one third-party plugin process.

What the sandbox holds (docs/security.md has the whole trust model):

- read-only: /usr (with the usual /bin, /lib links), the few files of /etc that Qt and Python read (fonts,
  the linker cache, time zones; certificates and name resolution only with `network`), the Python
  installation, the virtual environment and HeadUnit's own code and QML, and the plugin's folder;
- read-write: the plugin's own data folder, only with `storage`, and a private /tmp;
- the channel to the shell and the shell's Wayland socket, bound into /run/headunit, and the sound
  server's socket only with `audio`;
- what a capability brings (`Binds`): the shell's map tile socket with `location`, the music folders
  read-only with `media-library`;
- no home, no /sys, no other plugin's folder or data, no settings or databases of the shell; every
  namespace unshared (user, pid, ipc, uts, cgroup, and network unless it declares `network`), all
  capabilities dropped, no user namespaces of its own (bubblewrap 0.8 or later: `NO_NESTED_USERNS`), no new
  privileges (bubblewrap sets PR_SET_NO_NEW_PRIVS), its own session (no
  terminal injection), and it dies with the shell; the process itself then makes exec impossible
  (headunit.sandbox.seccomp).
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from headunit import paths

#: Inside the sandbox: the folder holding the channel and Wayland sockets, which is also XDG_RUNTIME_DIR.
RUN_DIR = "/run/headunit"
#: The user the plugin runs as inside its user namespace (it maps to the shell's user outside).
SANDBOX_UID = 1000

#: Files of /etc that Qt (fontconfig, the dynamic linker) and Python need; never passwd, shadow or hosts.
_ETC_ALWAYS = ("fonts", "ld.so.cache", "localtime", "timezone")
_ETC_NETWORK = ("ssl", "ca-certificates", "resolv.conf", "hosts", "nsswitch.conf", "gai.conf")


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


@functools.cache
def available() -> str | None:
    """None when bubblewrap can make a sandbox here, else why not (shown to the driver and in logs)."""
    bwrap = bwrap_path()
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed"
    import subprocess  # only when a third-party plugin is first started, not at the shell's start

    # With a fresh /proc as every sandbox mounts one: where /proc is over-mounted (a hardened service with
    # ProtectKernelTunables, some containers) the kernel refuses it, and plugins could not start.
    probe = [bwrap, "--ro-bind", "/usr", "/usr", *_usr_links(), "--proc", "/proc", "--unshare-all",
             "--die-with-parent", "--", "/usr/bin/true"]
    try:
        # Every sandbox keeps nested user namespaces out where bubblewrap can (0.8 or later, not setuid).
        if subprocess.run([bwrap, *NO_NESTED_USERNS, *probe[1:]], capture_output=True, timeout=10).returncode == 0:
            _no_nested_userns.append(True)
            return None
        done = subprocess.run(probe, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not be started: {exc}"
    if done.returncode != 0:
        return f"bubblewrap cannot make a sandbox here: {done.stderr.strip() or done.returncode}"
    return None


#: No user namespaces inside the sandbox: one the plugin made would give it every capability there, and with
#: them mounts and other corners of the kernel an unprivileged process never reaches (bubblewrap 0.8 or later).
NO_NESTED_USERNS = ("--unshare-user", "--disable-userns")
_no_nested_userns: list[bool] = []  # set by available()'s probe


def no_nested_userns() -> bool:
    """Whether sandboxes here keep the plugin from making user namespaces of its own (after `available()`)."""
    return available() is None and bool(_no_nested_userns)


def _usr_links() -> list[str]:
    links = []
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        if Path("/usr", name).exists():
            links += ["--symlink", f"usr/{name}", f"/{name}"]
    return links


def _ro(path: Path | str) -> list[str]:
    return ["--ro-bind", str(path), str(path)]


def _python_and_code() -> list[str]:
    """The interpreter, its standard library, the venv's packages and HeadUnit's own code, read-only."""
    binds: list[str] = []
    roots = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
    executable = Path(sys.executable)
    roots.add(executable.resolve().parent.parent)
    for root in sorted(roots):
        if not str(root).startswith("/usr"):
            binds += _ro(root)
    if str(executable.resolve()).startswith("/usr/"):
        binds += _ro(executable.resolve())  # a system Python, under the emptied /usr/bin
    if str(Path(sys.prefix)) != str(Path(sys.prefix).resolve()):
        binds += ["--symlink", str(Path(sys.prefix).resolve()), str(sys.prefix)]
    # HeadUnit's package with its QML, translations and icons (a checkout's, when not installed in the venv):
    # nothing else of the tree it sits in.
    package = paths.PACKAGE_DIR
    if not str(package).startswith(tuple(str(r) for r in roots)):
        binds += _ro(package)
    return binds


FONT_CACHE = "/var/cache/fontconfig"


def _etc(network: bool) -> list[str]:
    binds = []
    for name in _ETC_ALWAYS + (_ETC_NETWORK if network else ()):
        path = Path("/etc", name)
        if path.exists():
            binds += _ro(path.resolve()) if path.is_symlink() else _ro(path)
            if path.is_symlink():
                binds += ["--symlink", str(path.resolve()), str(path)]
    return binds


@dataclass(frozen=True)
class Binds:
    """What one of the shell's services adds to a plugin's sandbox for a capability it declared."""

    #: A name inside RUN_DIR -> a socket of the shell's to bind there.
    sockets: dict[str, Path] = field(default_factory=dict)
    #: Folders the plugin sees read-only at their own paths (left out when they do not exist).
    read_only: tuple[Path, ...] = ()

    @staticmethod
    def merge(all_binds: Iterable["Binds"]) -> "Binds":
        sockets: dict[str, Path] = {}
        read_only: list[Path] = []
        for binds in all_binds:
            sockets.update(binds.sockets)
            read_only += [p for p in binds.read_only if p not in read_only]
        return Binds(sockets, tuple(read_only))


def sandbox_argv(argv: list[str], *, plugin_folder: Path, data_folder: Path | None = None,
                 network: bool = False, audio_socket: Path | None = None,
                 sockets: dict[str, Path] | None = None, env: dict[str, str] | None = None,
                 read_only: Iterable[Path] = ()) -> list[str]:
    """`argv` wrapped in bubblewrap.

    `sockets` maps a name inside RUN_DIR to a socket of the shell's (the channel, Wayland) to bind in;
    `read_only` are folders it sees read-only where they are; `env` is the whole environment the process
    gets (the shell's own is cleared).
    """
    bwrap = bwrap_path()
    if bwrap is None:
        raise RuntimeError(available() or "bubblewrap is not installed")
    args = [bwrap, "--die-with-parent", "--new-session", "--unshare-all",
            *(NO_NESTED_USERNS if no_nested_userns() else ()),
            "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--cap-drop", "ALL",
            "--ro-bind", "/usr", "/usr", *_usr_links(), "--proc", "/proc", "--dev", "/dev",
            "--tmpfs", "/tmp", "--dir", RUN_DIR, "--chmod", "0700", RUN_DIR]
    # No shell and no system programs to see; the plugin's process cannot start a program anyway (its seccomp
    # filter, headunit.sandbox.seccomp).
    for folder in ("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/games"):
        if Path(folder).is_dir():
            args += ["--tmpfs", folder]
    if network:
        args.append("--share-net")
    args += _etc(network)
    # The system's font cache, public as the fonts are: without it fontconfig reads every font file at each
    # start, 85 ms of every app's opening.
    args += ["--ro-bind-try", FONT_CACHE, FONT_CACHE]
    args += _python_and_code()
    args += _ro(plugin_folder.resolve())
    if data_folder is not None:
        data_folder.mkdir(parents=True, exist_ok=True)
        args += ["--bind", str(data_folder), str(data_folder)]
    for folder in read_only:
        args += ["--ro-bind-try", str(folder), str(folder)]
    for name, socket in (sockets or {}).items():
        args += ["--bind", str(socket), f"{RUN_DIR}/{name}"]
    if audio_socket is not None:
        args += ["--bind", str(audio_socket), f"{RUN_DIR}/pulse"]
    args += ["--clearenv"]
    for key, value in (env or {}).items():
        args += ["--setenv", key, value]
    args += ["--chdir", "/tmp", "--"]
    return args + argv


def pulse_socket() -> Path | None:
    """The sound server's socket of the shell's session, if one is there."""
    server = os.environ.get("PULSE_SERVER", "")
    if server.startswith("unix:"):
        path = Path(server.removeprefix("unix:"))
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        path = Path(runtime, "pulse", "native") if runtime else None
    return path if path is not None and path.exists() else None
