"""No program can be started from a plugin's process: a seccomp filter that makes execve and execveat fail.

The plugin runtime installs it on itself first thing, before Qt or any plugin code is loaded
(`runtime_main.main`). A filter cannot be removed or loosened, it is inherited by every thread and every
forked child, and the process may install it without privileges because no_new_privs is set (bubblewrap sets
it; `install()` sets it too, for a process started without bubblewrap). What the filter does:

- a system call of the process's own architecture other than execve and execveat is allowed;
- execve and execveat fail with EPERM, so `subprocess`, `os.exec*`, `os.posix_spawn` and a raw `execve`
  through ctypes all fail; fork without exec still works, and the child runs the same Python in the same
  sandbox, under the same filter;
- on x86-64, a call through the x32 ABI (numbers from 0x40000000) fails with EPERM;
- a call of another architecture (a 32-bit `int 0x80` from a 64-bit process) ends the process.

The kernel's documentation: Documentation/userspace-api/seccomp_filter.rst.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import struct

# prctl(2)
PR_SET_NO_NEW_PRIVS = 38
PR_GET_SECCOMP = 21
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

# linux/filter.h: classic BPF
BPF_LD_W_ABS = 0x00 | 0x00 | 0x20  # BPF_LD | BPF_W | BPF_ABS
BPF_JEQ_K = 0x05 | 0x10 | 0x00  # BPF_JMP | BPF_JEQ | BPF_K
BPF_JGE_K = 0x05 | 0x30 | 0x00  # BPF_JMP | BPF_JGE | BPF_K
BPF_RET_K = 0x06 | 0x00  # BPF_RET | BPF_K

# linux/seccomp.h
SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ERRNO = 0x00050000
SECCOMP_RET_ALLOW = 0x7FFF0000
#: struct seccomp_data: int nr; __u32 arch; ...
OFFSET_NR, OFFSET_ARCH = 0, 4

X32_SYSCALL_BIT = 0x40000000

#: The architectures the runtime runs on: (AUDIT_ARCH_*, execve, execveat, whether x32 calls share the arch).
ARCHES: dict[str, tuple[int, int, int, bool]] = {
    "x86_64": (0xC000003E, 59, 322, True),
    "aarch64": (0xC00000B7, 221, 281, False),
    "riscv64": (0xC00000F3, 221, 281, False),
    "i386": (0x40000003, 11, 358, False),
    "arm": (0x40000028, 11, 387, False),
}


def native_arch() -> str:
    """This process's architecture as the kernel sees its system calls (a 32-bit userland on a 64-bit
    kernel makes 32-bit calls)."""
    machine = platform.machine().lower()
    bits64 = struct.calcsize("P") == 8
    if machine in ("x86_64", "amd64", "i386", "i486", "i586", "i686"):
        return "x86_64" if bits64 else "i386"
    if machine in ("aarch64", "arm64") or machine.startswith("arm"):
        return "aarch64" if bits64 else "arm"
    if machine == "riscv64" and bits64:
        return "riscv64"
    return machine


def _insn(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def program(arch: str) -> bytes:
    """The filter for `arch` (a key of ARCHES), as the kernel reads it: struct sock_filter[]."""
    audit_arch, execve, execveat, x32 = ARCHES[arch]
    deny = SECCOMP_RET_ERRNO | errno.EPERM
    insns = [
        _insn(BPF_LD_W_ABS, OFFSET_ARCH),
        _insn(BPF_JEQ_K, audit_arch, jt=1),
        _insn(BPF_RET_K, SECCOMP_RET_KILL_PROCESS),  # a foreign architecture's numbering: nothing to check
        _insn(BPF_LD_W_ABS, OFFSET_NR),
    ]
    if x32:
        insns.append(_insn(BPF_JGE_K, X32_SYSCALL_BIT, jt=3))
    insns += [
        _insn(BPF_JEQ_K, execve, jt=2),
        _insn(BPF_JEQ_K, execveat, jt=1),
        _insn(BPF_RET_K, SECCOMP_RET_ALLOW),
        _insn(BPF_RET_K, deny),
    ]
    return b"".join(insns)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def install() -> None:
    """Make execve and execveat fail in this process and everything it forks, for good. Raises OSError when
    the kernel refuses (no seccomp filters, an unknown architecture): the plugin must not run then."""
    arch = native_arch()
    if arch not in ARCHES:
        raise OSError(errno.ENOSYS, f"no seccomp filter for the {arch} architecture: plugins cannot run here")
    code = program(arch)
    buffer = ctypes.create_string_buffer(code, len(code))
    fprog = _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p).value)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"prctl(PR_SET_NO_NEW_PRIVS): {os.strerror(ctypes.get_errno())}")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"seccomp filter: {os.strerror(ctypes.get_errno())}")


def installed() -> bool:
    """Whether this process runs under a seccomp filter (Seccomp: 2 in /proc/self/status)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return any(line.split() == ["Seccomp:", "2"] for line in status)
    except OSError:
        return False
