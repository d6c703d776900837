"""An account's devices: listing, approving, renaming and revoking them, rotating the account key, replacing
a device's own token, and pairing codes for the phone companion page.

These writes need no Idempotency-Key: each is idempotent by nature (approving or revoking twice ends in the
same state) or hands out a fresh secret that must not be stored to be replayed (a retried key rotation, token
replacement or pairing code simply makes another one). See docs/payments.md, "Accounts and devices".
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Request
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from headunit_backend.auth import AnyDevice, CurrentDevice, hash_secret
from headunit_backend.db import accounts, devices, pairing_codes, utcnow
from headunit_backend.errors import documented, not_found
from headunit_backend.services import Services, get_services

router = APIRouter(tags=["devices"])
ServicesDep = Annotated[Services, Depends(get_services)]
DeviceId = Annotated[str, Path(max_length=40)]

#: How long a pairing code (the car's QR code) can be opened.
PAIRING_CODE_LIFETIME = dt.timedelta(minutes=10)


class DeviceInfo(BaseModel):
    device_id: str
    account_id: str
    name: str
    kind: str
    status: Literal["approved", "pending"]


class AccountDevice(BaseModel):
    device_id: str
    name: str
    kind: str
    status: Literal["approved", "pending"]
    created_at: AwareDatetime
    this_device: bool = Field(description="The device asking.")


class DeviceList(BaseModel):
    items: list[AccountDevice]


class DeviceRename(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)


class RevokedDevice(BaseModel):
    device_id: str
    revoked: bool = True


class NewToken(BaseModel):
    token: str = Field(description="The device's new bearer token. The old one keeps working until this one "
                                   "is first used, then stops.")


class AccountKey(BaseModel):
    account_key: str = Field(description="The account's new key; the previous one stopped working.")


class PairingCode(BaseModel):
    code: str
    url: str = Field(description="The companion page that redeems the code: show it as a QR code.")
    expires_at: AwareDatetime


@router.get("/devices/me", response_model=DeviceInfo, responses=documented(401))
def get_me(device: AnyDevice) -> DeviceInfo:
    """The calling device, approved or pending: the one call a pending device may make."""
    return DeviceInfo(device_id=device.id, account_id=device.account_id, name=device.name, kind=device.kind,
                      status=device.status)


@router.get("/devices", response_model=DeviceList, responses=documented(401, 403))
def list_devices(device: CurrentDevice, services: ServicesDep) -> DeviceList:
    """The account's devices, pending ones too (revoked ones are gone), oldest first."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(devices.c.id, devices.c.name, devices.c.kind, devices.c.status,
                                      devices.c.created_at)
                            .where(devices.c.account_id == device.account_id, devices.c.status != "revoked")
                            .order_by(devices.c.created_at, devices.c.id)).all()
    return DeviceList(items=[AccountDevice(device_id=r.id, name=r.name, kind=r.kind, status=r.status,
                                           created_at=r.created_at, this_device=r.id == device.id) for r in rows])


@router.post("/devices/{device_id}/approve", response_model=AccountDevice, responses=documented(401, 403, 404))
def approve_device(device_id: DeviceId, device: CurrentDevice, services: ServicesDep) -> AccountDevice:
    """Let a pending device of this account in (approving an approved device changes nothing)."""
    with services.db.write() as conn:
        conn.execute(devices.update()
                     .where(devices.c.id == device_id, devices.c.account_id == device.account_id,
                            devices.c.status == "pending")
                     .values(status="approved", approved_by=device.id))
        return _account_device(conn, device_id, device)


@router.patch("/devices/{device_id}", response_model=AccountDevice, responses=documented(401, 403, 404))
def rename_device(device_id: DeviceId, rename: DeviceRename, device: CurrentDevice,
                  services: ServicesDep) -> AccountDevice:
    """Rename one of the account's devices."""
    with services.db.write() as conn:
        conn.execute(devices.update()
                     .where(devices.c.id == device_id, devices.c.account_id == device.account_id,
                            devices.c.status != "revoked")
                     .values(name=rename.name))
        return _account_device(conn, device_id, device)


@router.delete("/devices/{device_id}", response_model=RevokedDevice, responses=documented(401, 403, 404))
def revoke_device(device_id: DeviceId, device: CurrentDevice, services: ServicesDep) -> RevokedDevice:
    """Remove a device (pending or approved, this one included) from the account: its token answers 401 from
    its next request on, and the pairing codes it showed stop working."""
    with services.db.write() as conn:
        revoked = conn.execute(devices.update()
                               .where(devices.c.id == device_id, devices.c.account_id == device.account_id,
                                      devices.c.status != "revoked")
                               .values(status="revoked", revoked_at=utcnow(), next_token_hash=None))
        if revoked.rowcount != 1:
            raise not_found(f"device {device_id!r}")
    return RevokedDevice(device_id=device_id)


@router.post("/devices/me/token", response_model=NewToken, responses=documented(401, 403))
def replace_token(device: CurrentDevice, services: ServicesDep) -> NewToken:
    """A new bearer token for the calling device. Until it is first used the old token still works (so a lost
    answer locks nobody out); asking again replaces the unused new one."""
    token = secrets.token_urlsafe(32)
    with services.db.write() as conn:
        conn.execute(devices.update().where(devices.c.id == device.id).values(next_token_hash=hash_secret(token)))
    return NewToken(token=token)


@router.post("/account/key", response_model=AccountKey, responses=documented(401, 403))
def rotate_account_key(device: CurrentDevice, services: ServicesDep) -> AccountKey:
    """A new account key; the old one stops working at once (devices already joined stay as they are)."""
    key = secrets.token_urlsafe(24)
    with services.db.write() as conn:
        conn.execute(accounts.update().where(accounts.c.id == device.account_id)
                     .values(key_hash=hash_secret(key), key_rotated_at=utcnow()))
    return AccountKey(account_key=key)


@router.post("/pairing", status_code=201, response_model=PairingCode, responses=documented(401, 403))
def create_pairing_code(request: Request, device: CurrentDevice, services: ServicesDep) -> PairingCode:
    """A single-use code, valid for 10 minutes, and the companion page's URL for it: whoever opens the URL on
    a phone joins this account as an approved phone (the approved device asking here is the approval)."""
    code = secrets.token_urlsafe(16)
    now = utcnow()
    expires_at = now + PAIRING_CODE_LIFETIME
    with services.db.write() as conn:
        conn.execute(pairing_codes.insert().values(code_hash=hash_secret(code), account_id=device.account_id,
                                                   created_by=device.id, created_at=now, expires_at=expires_at))
    base = services.settings.public_url or str(request.base_url).rstrip("/")
    return PairingCode(code=code, url=f"{base}/pair/{code}", expires_at=expires_at)


def _account_device(conn, device_id: str, caller) -> AccountDevice:
    row = conn.execute(sa.select(devices.c.id, devices.c.name, devices.c.kind, devices.c.status,
                                 devices.c.created_at)
                       .where(devices.c.id == device_id, devices.c.account_id == caller.account_id,
                              devices.c.status != "revoked")).first()
    if row is None:
        raise not_found(f"device {device_id!r}")
    return AccountDevice(device_id=row.id, name=row.name, kind=row.kind, status=row.status,
                         created_at=row.created_at, this_device=row.id == caller.id)


