"""Installing, updating, rolling back and uninstalling plugins from packages.

Where things live under the data folder (`<data>`):

- `plugins/<id>/`: the running version; discovery finds it there with origin "user" (third-party, sandboxed).
- `plugin-data/<id>/`: the plugin's own data (`ctx.data_dir`); uninstall keeps it unless asked.
- `packages/state.json`: what is installed, pending and revoked, written atomically.
- `packages/previous/<id>/` and `packages/snapshots/<id>/`: the version an update replaced and a copy of the
  plugin's data taken at that moment, for rollback.
- `packages/pending/<id>/`: an update verified and staged, waiting for consent to new capabilities.
- `packages/revoked/<id>/`: a running version the store revoked, moved out of discovery's sight.
- `packages/staging/`, `packages/trash/`: work folders on the same file system, so every swap is a rename.

Every change is staged and verified in full before anything the user runs is touched; the swap itself is a
pair of renames, undone if the second fails. One installer works at a time (a lock on the data folder).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from headunit import paths
from headunit.host.manifest import ManifestError, load_manifest
from headunit.packages import state_file
from headunit.packages.format import Header, PackageError, Signature, read

if TYPE_CHECKING:
    from headunit.packages.trust import Trust

STATE_FORMAT = 1


@dataclass(frozen=True)
class Change:
    """What installing a package changes, for the consent question: before and after."""
    id: str
    old_version: str | None
    new_version: str
    old_capabilities: tuple[str, ...]
    new_capabilities: tuple[str, ...]
    name: str = ""

    @property
    def added_capabilities(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.new_capabilities) - set(self.old_capabilities)))

    @property
    def removed_capabilities(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.old_capabilities) - set(self.new_capabilities)))

    def as_json(self) -> dict:
        return {"id": self.id, "name": self.name, "old_version": self.old_version, "new_version": self.new_version,
                "old_capabilities": list(self.old_capabilities), "new_capabilities": list(self.new_capabilities),
                "added_capabilities": list(self.added_capabilities)}


@dataclass(frozen=True)
class Verified:
    """A package whose every entry, digest and signature checked out."""
    header: Header
    signatures: dict[str, Signature]
    trust: Trust

    @property
    def source(self) -> str:
        return self.trust.source


@dataclass(frozen=True)
class Result:
    id: str
    version: str | None  # the version running afterwards (None when nothing is)
    status: str  # installed, updated, pending, declined, approved, rolled back
    change: Change | None = None
    previous_version: str | None = None


@dataclass(frozen=True)
class Installed:
    id: str
    version: str
    capabilities: tuple[str, ...]
    previous_version: str | None
    installed_at: str  # ISO 8601, UTC
    revoked: bool
    source: str  # store or developer: the signature that let it in
    revoked_reason: str = ""
    name: str = ""

    def as_json(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


def version_key(version: str) -> tuple:
    """Semantic version order: 1.2.0 < 1.10.0, and 2.0.0-beta < 2.0.0; build metadata ignored."""
    core, _, pre = version.split("+")[0].partition("-")
    numbers = tuple(int(n) for n in core.split("."))
    if not pre:
        return numbers, 1, ()
    return numbers, 0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class _State:
    installed: dict[str, dict] = field(default_factory=dict)
    pending: dict[str, dict] = field(default_factory=dict)
    revoked: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> version -> reason



def _decide(header: Header, signatures: dict[str, Signature], *, developer_mode: bool) -> "Trust":
    """Whether the signatures are enough (headunit.packages.trust), imported when a package is checked: the
    shell reads what is installed at every start without loading the signature code."""
    from headunit.packages.trust import decide

    return decide(header, signatures, developer_mode=developer_mode)

class Installer:
    def __init__(self, data_dir: Path | None = None, *, developer_mode: bool = False):
        self.data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
        self.developer_mode = developer_mode
        self.plugins_dir = self.data_dir / "plugins"
        self.plugin_data_dir = self.data_dir / "plugin-data"
        self.work_dir = self.data_dir / "packages"

    # Where things are

    def _dir(self, kind: str, plugin_id: str = "") -> Path:
        return self.work_dir / kind / plugin_id if plugin_id else self.work_dir / kind

    def _running_folder(self, plugin_id: str) -> Path | None:
        for folder in (self.plugins_dir / plugin_id, self._dir("revoked", plugin_id)):
            if folder.is_dir():
                return folder
        return None

    # State

    def _load(self) -> _State:
        path = state_file(self.data_dir)
        if not path.exists():
            return _State()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return _State(dict(data["installed"]), dict(data["pending"]), dict(data["revoked"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PackageError(f"{path}: unreadable ({exc}); fix or remove it") from None

    def _save(self, state: _State) -> None:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"format": STATE_FORMAT, "installed": state.installed, "pending": state.pending,
                           "revoked": state.revoked}, indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".state-", dir=self.work_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, state_file(self.data_dir))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[_State]:
        """One installer at a time; yields the state, which the caller saves when it changed it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.data_dir, os.O_RDONLY | os.O_DIRECTORY)  # the folder itself: a refusal leaves no file
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield self._load()
        finally:
            os.close(fd)  # releases the lock

    @contextlib.contextmanager
    def _scratch(self, kind: str) -> Iterator[Path]:
        """A temporary folder under packages/<kind>/ (same file system as plugins/), removed afterwards."""
        parent = self._dir(kind)
        parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=parent))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            for empty in (parent, self.work_dir):  # only when empty: a refusal leaves nothing behind
                with contextlib.suppress(OSError):
                    empty.rmdir()

    # Reading

    def inspect(self, package: Path) -> Verified:
        """Check every entry, the digest and the signatures; nothing is written."""
        contents = read(Path(package))
        trust = _decide(contents.header, contents.signatures, developer_mode=self.developer_mode)
        _check_manifest_against_records(contents.header)
        return Verified(contents.header, contents.signatures, trust)

    def installed(self) -> list[Installed]:
        state = self._load()
        return [self._installed(plugin_id, entry) for plugin_id, entry in sorted(state.installed.items())]

    @staticmethod
    def _installed(plugin_id: str, entry: dict) -> Installed:
        return Installed(id=plugin_id, version=entry["version"], capabilities=tuple(entry["capabilities"]),
                         previous_version=(entry.get("previous") or {}).get("version"),
                         installed_at=entry["installed_at"], revoked=bool(entry.get("revoked_reason")),
                         source=entry["source"], revoked_reason=entry.get("revoked_reason", ""),
                         name=entry.get("name", ""))

    def pending(self) -> list[Change]:
        return [_change(p["change"]) for _, p in sorted(self._load().pending.items())]

    # Installing

    def install(self, package: Path, *, consent: Callable[[Change], bool]) -> Result:
        """Install or update from a package. A fresh install, or an update that adds capabilities, asks
        `consent`; a declined update is kept pending (staged and verified) while the running version stays."""
        with self._locked() as state, self._scratch("staging") as scratch:
            verified, folder = self._stage(Path(package), scratch)
            header = verified.header
            self._check_installable(state, header)
            current = state.installed.get(header.id)
            change = Change(header.id, current["version"] if current else None, header.version,
                            tuple(current["capabilities"]) if current else (), header.capabilities, header.name)
            if (current is None or change.added_capabilities) and not consent(change):
                if current is None:
                    return Result(header.id, None, "declined", change)
                self._hold_pending(state, folder, change, verified)
                return Result(header.id, current["version"], "pending", change, current["version"])
            return self._activate(state, folder, change, verified.source, verified.trust.key_id)

    def _stage(self, package: Path, scratch: Path) -> tuple[Verified, Path]:
        """Unpack into scratch, verifying as it streams; then the signatures and the full manifest check."""
        unpacked = scratch / "unpacked"
        unpacked.mkdir()
        contents = read(package, unpacked)
        header = contents.header
        trust = _decide(header, contents.signatures, developer_mode=self.developer_mode)
        folder = scratch / header.id  # the id passed the schema: a plain dotted name
        unpacked.rename(folder)
        try:
            load_manifest(folder)
        except ManifestError as exc:
            raise PackageError(f"files/plugin.toml: {exc.errors[0].removeprefix(str(folder / 'plugin.toml') + ': ')}") \
                from None
        return Verified(header, contents.signatures, trust), folder

    def _check_installable(self, state: _State, header: Header) -> None:
        plugin_id, version = header.id, header.version
        reason = state.revoked.get(plugin_id, {}).get(version)
        if reason is not None:
            raise PackageError(f"{plugin_id} {version}: revoked by the store ({reason})")
        current = state.installed.get(plugin_id)
        if current is None:
            if (self.plugins_dir / plugin_id).exists():
                raise PackageError(f"{self.plugins_dir / plugin_id}: a plugin folder not installed from a package is "
                                   "already there; remove it first")
            return
        if version_key(version) == version_key(current["version"]):
            raise PackageError(f"{plugin_id} {version}: already installed")
        if version_key(version) < version_key(current["version"]):
            raise PackageError(f"{plugin_id} {version}: older than the installed {current['version']}; a downgrade "
                               f"is refused (use `headunit plugins rollback {plugin_id}`)")

    def _hold_pending(self, state: _State, folder: Path, change: Change, verified: Verified) -> None:
        target = self._dir("pending", change.id)
        target.parent.mkdir(parents=True, exist_ok=True)
        with self._scratch("trash") as trash:
            if target.exists():
                target.rename(trash / "old")  # a newer pending update replaces an older one
            folder.rename(target)
        state.pending[change.id] = {"change": change.as_json(), "source": verified.source,
                                    "key_id": verified.trust.key_id, "staged_at": _now()}
        self._save(state)

    def approve(self, plugin_id: str) -> Result:
        """Install the pending update of `plugin_id`, the driver having agreed to its capabilities."""
        with self._locked() as state:
            pending = state.pending.get(plugin_id)
            if pending is None:
                raise PackageError(f"{plugin_id}: no pending update")
            folder = self._dir("pending", plugin_id)
            try:
                manifest = load_manifest(folder)
            except ManifestError as exc:
                raise PackageError(f"{plugin_id}: the pending update is damaged ({exc.errors[0]})") from None
            change = _change(pending["change"])
            if manifest.version != change.new_version:
                raise PackageError(f"{plugin_id}: the pending update is damaged (version {manifest.version})")
            header = Header(plugin_id, change.new_version, manifest.api, manifest.name, change.new_capabilities,
                            "", "")
            self._check_installable(state, header)
            del state.pending[plugin_id]
            result = self._activate(state, folder, change, pending["source"], pending["key_id"])
            return Result(result.id, result.version, "approved", change, result.previous_version)

    def decline(self, plugin_id: str) -> None:
        """Drop the pending update of `plugin_id`; the running version stays."""
        with self._locked() as state:
            if state.pending.pop(plugin_id, None) is None:
                raise PackageError(f"{plugin_id}: no pending update")
            self._discard(self._dir("pending", plugin_id))
            self._save(state)

    def _activate(self, state: _State, folder: Path, change: Change, source: str, key_id: str) -> Result:
        """Swap `folder` in as plugins/<id>. The running version moves to previous/ with a copy of the data;
        if the swap fails half-way it is undone, and the running version stays."""
        plugin_id = change.id
        target = self.plugins_dir / plugin_id
        current = state.installed.get(plugin_id)
        self.plugins_dir.mkdir(parents=True, exist_ok=True)
        for kind in ("previous", "snapshots"):
            self._dir(kind).mkdir(parents=True, exist_ok=True)
        with self._scratch("trash") as trash:
            running = self._running_folder(plugin_id) if current else None
            if running is not None:
                snapshot = trash / "snapshot"
                snapshot.mkdir()
                data = self.plugin_data_dir / plugin_id
                if data.is_dir():
                    shutil.copytree(data, snapshot / "data", symlinks=True, ignore=_special_files)
                moved: list[tuple[Path, Path]] = []
                try:
                    for kind in ("previous", "snapshots"):
                        if self._dir(kind, plugin_id).exists():
                            _move(self._dir(kind, plugin_id), trash / f"old-{kind}", moved)
                    _move(running, self._dir("previous", plugin_id), moved)
                    _move(folder, target, moved)
                    _move(snapshot, self._dir("snapshots", plugin_id), moved)
                except OSError as exc:
                    _undo(moved)
                    raise PackageError(f"{plugin_id}: the update could not be put in place ({exc}); "
                                       f"{current['version']} is still installed") from None
            else:
                try:
                    folder.rename(target)
                except OSError as exc:
                    raise PackageError(f"{target}: the plugin could not be put in place ({exc})") from None
            waiting = state.pending.get(plugin_id)
            if waiting and version_key(waiting["change"]["new_version"]) <= version_key(change.new_version):
                del state.pending[plugin_id]  # superseded; a newer pending update keeps waiting
                self._discard(self._dir("pending", plugin_id))
            previous = ({"version": current["version"], "capabilities": current["capabilities"],
                         "source": current["source"], "key_id": current.get("key_id", ""),
                         "name": current.get("name", "")} if running is not None else None)
            state.installed[plugin_id] = {
                "version": change.new_version, "capabilities": list(change.new_capabilities), "name": change.name,
                "installed_at": _now(), "source": source, "key_id": key_id, "previous": previous}
            self._save(state)
        return Result(plugin_id, change.new_version, "updated" if current else "installed", change,
                      current["version"] if current else None)

    # Undoing

    def rollback(self, plugin_id: str) -> Result:
        """Put the previous version back, with the data as it was when that version was replaced."""
        with self._locked() as state:
            current = state.installed.get(plugin_id)
            previous_folder = self._dir("previous", plugin_id)
            if current is None or not current.get("previous") or not previous_folder.is_dir():
                raise PackageError(f"{plugin_id}: no previous version to roll back to")
            previous = current["previous"]
            if previous["version"] in state.revoked.get(plugin_id, {}):
                raise PackageError(f"{plugin_id} {previous['version']}: revoked by the store; not rolled back to")
            data = self.plugin_data_dir / plugin_id
            snapshot = self._dir("snapshots", plugin_id) / "data"
            with self._scratch("trash") as trash:
                moved: list[tuple[Path, Path]] = []
                try:
                    running = self._running_folder(plugin_id)
                    if running is not None:
                        _move(running, trash / "current", moved)
                    if data.exists():
                        _move(data, trash / "data", moved)
                    if snapshot.is_dir():
                        self.plugin_data_dir.mkdir(parents=True, exist_ok=True)
                        _move(snapshot, data, moved)
                    _move(previous_folder, self.plugins_dir / plugin_id, moved)
                except OSError as exc:
                    _undo(moved)
                    raise PackageError(f"{plugin_id}: the rollback could not be done ({exc}); nothing changed") \
                        from None
                self._discard(self._dir("snapshots", plugin_id))
                state.installed[plugin_id] = {
                    "version": previous["version"], "capabilities": previous["capabilities"],
                    "name": previous.get("name", ""), "installed_at": _now(), "source": previous["source"],
                    "key_id": previous.get("key_id", ""), "previous": None}
                self._save(state)
            return Result(plugin_id, previous["version"], "rolled back", None, current["version"])

    def uninstall(self, plugin_id: str, *, keep_data: bool) -> None:
        """Remove the plugin, its previous version and any pending update; its data too unless `keep_data`."""
        with self._locked() as state:
            if plugin_id not in state.installed and plugin_id not in state.pending:
                raise PackageError(f"{plugin_id}: not installed from a package")
            with self._scratch("trash") as trash:
                folders = [self.plugins_dir / plugin_id] + [
                    self._dir(kind, plugin_id) for kind in ("revoked", "previous", "snapshots", "pending")]
                if not keep_data:
                    folders.append(self.plugin_data_dir / plugin_id)
                for i, folder in enumerate(folders):
                    if folder.exists():
                        folder.rename(trash / str(i))  # out of sight at once; deleted with the trash
                state.installed.pop(plugin_id, None)
                state.pending.pop(plugin_id, None)
                self._save(state)

    def revoke(self, plugin_id: str, version: str, reason: str) -> None:
        """The store revoked `version`: disable it if it runs (moved out of discovery's sight), forget it as a
        rollback target or a pending update, and refuse to install it again."""
        with self._locked() as state:
            state.revoked.setdefault(plugin_id, {})[version] = reason
            current = state.installed.get(plugin_id)
            if current and current["version"] == version and not current.get("revoked_reason"):
                running = self.plugins_dir / plugin_id
                if running.is_dir():
                    self._dir("revoked").mkdir(parents=True, exist_ok=True)
                    self._discard(self._dir("revoked", plugin_id))
                    running.rename(self._dir("revoked", plugin_id))
                current["revoked_reason"] = reason
            if current and (current.get("previous") or {}).get("version") == version:
                current["previous"] = None
                for kind in ("previous", "snapshots"):
                    self._discard(self._dir(kind, plugin_id))
            pending = state.pending.get(plugin_id)
            if pending and pending["change"]["new_version"] == version:
                del state.pending[plugin_id]
                self._discard(self._dir("pending", plugin_id))
            self._save(state)

    def _discard(self, folder: Path) -> None:
        if folder.exists():
            with self._scratch("trash") as trash:
                folder.rename(trash / "x")


def _check_manifest_against_records(header: Header) -> None:
    """The host's manifest check (the files it names exist, the id, the API) without unpacking: against a
    scratch folder outside the data folder holding the manifest and an empty stand-in for every other file."""
    with tempfile.TemporaryDirectory(prefix="headunit-inspect-") as scratch:
        folder = Path(scratch) / header.id
        for record in header.files:
            path = folder / record.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(header.manifest_text if record.path == "plugin.toml" else "", encoding="utf-8")
        try:
            load_manifest(folder)
        except ManifestError as exc:
            raise PackageError(f"files/plugin.toml: {exc.errors[0].removeprefix(str(folder / 'plugin.toml') + ': ')}") \
                from None


def _special_files(folder: str, names: list[str]) -> list[str]:
    """What a data snapshot leaves out: pipes, sockets and devices a plugin made, which copying refuses (and
    so would block every update of that plugin)."""
    import stat

    return [n for n in names if not stat.S_ISREG(mode := os.lstat(os.path.join(folder, n)).st_mode)
            and not stat.S_ISDIR(mode) and not stat.S_ISLNK(mode)]


def _change(data: dict) -> Change:
    return Change(data["id"], data["old_version"], data["new_version"], tuple(data["old_capabilities"]),
                  tuple(data["new_capabilities"]), data.get("name", ""))


def _move(source: Path, target: Path, moved: list[tuple[Path, Path]]) -> None:
    source.rename(target)
    moved.append((source, target))


def _undo(moved: list[tuple[Path, Path]]) -> None:
    for source, target in reversed(moved):
        with contextlib.suppress(OSError):
            target.rename(source)
