"""CAN through python-can, decoded with the car's DBC file (cantools): speed, gear, headlights, parking brake
and engine RPM, whichever the DBC carries.

Spec: `can:INTERFACE:CHANNEL:DBC[:reading=Signal,...][:bitrate=N]`, e.g. `can:socketcan:can0:/etc/headunit/car.dbc`
or `can:socketcan:can0:/etc/headunit/car.dbc:speed=ESP_Speed,gear=TCU_Selector`. INTERFACE is python-can's
(socketcan, slcan, pcan, virtual...). Signals are bound to readings by name unless the spec names them
(see dbc.py). The DBC is read when the source is made, so a file that does not parse is a spec error at once.

Only the bound messages are asked of the bus (as filters, in the kernel with socketcan), and the frames of each
tenth of a second are sent on as one set of readings: a bus at 2,000 frames/s costs the GUI thread ten
publishes a second.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from headunit.vehicle.sources import dbc
from headunit.vehicle.sources.base import PollingSource, SpecError

if TYPE_CHECKING:
    import can

#: Seconds of frames merged into one set of readings.
BATCH = 0.1


class CanSource(PollingSource):
    kind = "can"
    interval = 0.0  # poll() waits on the bus itself

    def __init__(self, spec: str, interface: str, channel: str, path: str, bindings: list[dbc.Binding],
                 bitrate: int | None = None):
        super().__init__(spec, tuple(b.reading for b in bindings))
        self.interface, self.channel, self.path, self.bitrate = interface, channel, path, bitrate
        self._by_frame: dict[tuple[int, bool], list[dbc.Binding]] = {}
        for b in bindings:
            self._by_frame.setdefault((b.message.frame_id, b.message.is_extended_frame), []).append(b)
        self._bus: can.BusABC | None = None

    @classmethod
    def from_spec(cls, spec: str, rest: str) -> CanSource:
        import can

        fields = rest.split(":")
        pairs = [o.partition("=") for f in fields if "=" in f for o in f.split(",") if o]
        if any(not sep or not key or not value for key, sep, value in pairs):
            raise SpecError(spec, "options", "expected reading=Signal or bitrate=N, separated by ','")
        options = {key: value for key, _, value in pairs}
        fields = [f for f in fields if "=" not in f]
        if len(fields) < 3:
            raise SpecError(spec, "can", "expected can:INTERFACE:CHANNEL:DBC, e.g. "
                                         "can:socketcan:can0:/etc/headunit/car.dbc")
        interface, channel, path = fields[0], fields[1], ":".join(fields[2:])
        if interface not in can.VALID_INTERFACES:
            raise SpecError(spec, "interface", f"{interface!r} is not a python-can interface; "
                                               f"known: {', '.join(sorted(can.VALID_INTERFACES))}")
        bitrate = options.pop("bitrate", None)
        if bitrate is not None and not bitrate.isdigit():
            raise SpecError(spec, "bitrate", f"{bitrate!r} is not a number")
        unknown = set(options) - set(dbc.ALIASES)
        if unknown:
            raise SpecError(spec, sorted(unknown)[0], f"not a reading CAN can give ({', '.join(dbc.ALIASES)}) "
                                                      f"nor bitrate")
        try:
            bindings = dbc.bind(dbc.load(path), options, path)
        except ValueError as exc:
            raise SpecError(spec, "dbc", str(exc)) from None
        return cls(spec, interface, channel, path, bindings, int(bitrate) if bitrate else None)

    def describe(self) -> str:
        signals = ", ".join(f"{b.reading}={b.message.name}.{b.signal.name}" for bs in self._by_frame.values()
                            for b in bs)
        return f"CAN {self.interface} {self.channel} with {self.path} ({signals})"

    def open(self) -> None:
        import can

        filters: list[Any] = [{"can_id": frame_id, "can_mask": 0x1FFFFFFF if extended else 0x7FF,
                               "extended": extended} for frame_id, extended in self._by_frame]
        extra: dict[str, Any] = {"bitrate": self.bitrate} if self.bitrate else {}
        try:
            self._bus = can.Bus(interface=self.interface, channel=self.channel, can_filters=filters, **extra)
        except (can.CanError, OSError, ValueError) as exc:
            raise OSError(f"CAN {self.interface} {self.channel} cannot be opened: {exc}") from None

    def close(self) -> None:
        bus, self._bus = self._bus, None
        if bus is not None:
            bus.shutdown()

    def poll(self) -> dict[str, object] | None:
        import can

        bus = self._bus
        assert bus is not None
        values: dict[str, object] = {}
        deadline = time.monotonic() + BATCH
        while (left := deadline - time.monotonic()) > 0:
            try:
                frame = bus.recv(timeout=left)
            except can.CanError as exc:
                raise OSError(f"CAN {self.interface} {self.channel}: {exc}") from None
            if frame is not None:
                values.update(self._decode(frame))
        if not values and self.age > self.stale_after:
            self.fail(f"no frame of {', '.join(self.provides)} on CAN {self.interface} {self.channel}")
        return values

    def _decode(self, frame: can.Message) -> dict[str, object]:
        bindings = self._by_frame.get((frame.arbitration_id, frame.is_extended_id))
        if not bindings or frame.is_remote_frame or frame.is_error_frame:
            return {}
        try:
            decoded = bindings[0].message.decode(bytes(frame.data), decode_choices=True)
        except Exception:  # a short or malformed frame (cantools raises its own and struct's errors): skipped
            return {}
        values = {}
        for b in bindings:
            value = b.convert(decoded.get(b.signal.name)) if isinstance(decoded, dict) else None
            if value is not None:
                values[b.reading] = value
        return values
