"""Devices, accounts and bearer tokens.

A token is 256 random bits shown once; the database keeps only its SHA-256, which is enough for a secret
that cannot be guessed (a slow password hash would only slow every request down). The same goes for the
account key a second device uses to join an account, and for pairing codes.

Registering with no key creates an account and an approved device. Joining with the account key gives a
`pending` device: every request but `GET /v1/devices/me` answers `403 device_not_approved` until an approved
device of the account approves it, so a leaked key reads and spends nothing. A pairing code (issued by an
approved device, see `headunit_backend.devices`) registers an approved phone: issuing it was the approval.
Every request looks its token up afresh (no cache), so a revoked device's token fails at its next request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from headunit_backend.db import accounts, devices, pairing_codes, utcnow
from headunit_backend.errors import ApiError, documented
from headunit_backend.ratelimit import RateLimited, TokenGuard
from headunit_backend.services import Services, get_services

router = APIRouter(tags=["devices"])
bearer = HTTPBearer(auto_error=False, description="The token `POST /v1/devices` returned.")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_id(prefix: str) -> str:
    """Prefixed random ids (`dev_…`, `ord_…`) that say what they name and reveal no count."""
    return f"{prefix}_{secrets.token_hex(10)}"


@dataclass(frozen=True)
class Device:
    id: str
    account_id: str
    name: str
    kind: str
    status: str = "approved"


class DeviceRegistration(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, examples=["Golf VIII head unit"])
    kind: Literal["car", "phone"]
    account_key: str | None = Field(None, max_length=200,
                                    description="Join this account as a `pending` device; omit (and omit "
                                                "`pairing_code`) to create a new account.")
    pairing_code: str | None = Field(None, max_length=100,
                                     description="Join the account of the device that issued this code "
                                                 "(`POST /v1/pairing`), approved at once; single use.")


class RegisteredDevice(BaseModel):
    device_id: str
    account_id: str
    token: str = Field(description="Bearer token for every other request; shown only this once.")
    account_key: str | None = Field(description="Lets another device ask to join this account (it joins "
                                                "`pending`); not given to a device that joined by pairing.")
    status: Literal["approved", "pending"] = Field("approved", description="`pending` until approved.")


@router.post("/devices", status_code=201, response_model=RegisteredDevice, responses=documented(403, 422))
def register_device(registration: DeviceRegistration,
                    services: Annotated[Services, Depends(get_services)], limit: RateLimited) -> RegisteredDevice:
    """Register a device: a new account, a pending member of an account (account key), or an approved phone
    of the account that issued a pairing code."""
    limit.registration(joining=registration.account_key is not None or registration.pairing_code is not None)
    if registration.account_key is not None and registration.pairing_code is not None:
        raise ApiError(422, "invalid_request", "give either account_key or pairing_code, not both")
    now = utcnow()
    token = secrets.token_urlsafe(32)
    device_id = new_id("dev")
    status, approved_by = "approved", None
    with services.db.write() as conn:
        if registration.pairing_code is not None:
            account_key = None
            account_id, approved_by = redeem_pairing_code(conn, registration.pairing_code, device_id, now)
        elif registration.account_key is None:
            account_key = secrets.token_urlsafe(24)
            account_id = new_id("acct")
            conn.execute(accounts.insert().values(id=account_id, key_hash=hash_secret(account_key), last_seq=0,
                                                  created_at=now))
        else:
            account_key = registration.account_key
            account_id = conn.execute(sa.select(accounts.c.id)
                                      .where(accounts.c.key_hash == hash_secret(account_key))).scalar()
            if account_id is None:
                raise ApiError(403, "bad_account_key", "no account has this account key")
            status = "pending"
        conn.execute(devices.insert().values(id=device_id, account_id=account_id, name=registration.name,
                                             kind=registration.kind, token_hash=hash_secret(token), created_at=now,
                                             status=status, approved_by=approved_by))
    return RegisteredDevice(device_id=device_id, account_id=account_id, token=token, account_key=account_key,
                            status=status)


def redeem_pairing_code(conn: Connection, code: str, device_id: str, now: dt.datetime) -> tuple[str, str]:
    """Use up a pairing code for `device_id`: (account id, issuing device id), or 403 `bad_pairing_code`.

    One conditional UPDATE marks it used, so of two phones opening the same code at once exactly one wins.
    The issuing device must still be approved: revoking a car kills the codes it showed.
    """
    code_hash = hash_secret(code)
    used = conn.execute(pairing_codes.update()
                        .where(pairing_codes.c.code_hash == code_hash, pairing_codes.c.used_at.is_(None),
                               pairing_codes.c.expires_at > now)
                        .values(used_at=now, used_by=device_id))
    row = conn.execute(sa.select(pairing_codes.c.account_id, pairing_codes.c.created_by, pairing_codes.c.used_by,
                                 pairing_codes.c.expires_at, devices.c.status)
                       .join(devices, devices.c.id == pairing_codes.c.created_by)
                       .where(pairing_codes.c.code_hash == code_hash)).first()
    if row is None:
        raise ApiError(403, "bad_pairing_code", "no such pairing code")
    if used.rowcount != 1:
        if row.used_by is not None:
            raise ApiError(403, "bad_pairing_code", "this pairing code was already used; show a new one")
        raise ApiError(403, "bad_pairing_code", "this pairing code has expired; show a new one")
    if row.status != "approved":
        raise ApiError(403, "bad_pairing_code", "the device that showed this code is no longer on the account")
    return row.account_id, row.created_by


def any_device(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
               services: Annotated[Services, Depends(get_services)], guard: TokenGuard) -> Device:
    """The device whose bearer token came with the request, approved or pending (401 otherwise).

    Read from the database on every request, never cached: a revoked device is refused at once.
    """
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized("missing bearer token")
    token_hash = hash_secret(credentials.credentials)
    with services.db.read() as conn:
        row = conn.execute(sa.select(devices.c.id, devices.c.account_id, devices.c.name, devices.c.kind,
                                     devices.c.status, devices.c.next_token_hash)
                           .where(sa.or_(devices.c.token_hash == token_hash, devices.c.next_token_hash == token_hash),
                                  devices.c.status != "revoked")).first()
    if row is None:
        guard.failed_token()  # 429 once this address has guessed too often
        raise _unauthorized("unknown or revoked bearer token")
    if row.next_token_hash == token_hash:
        _adopt_next_token(services, row.id, token_hash)
    return Device(id=row.id, account_id=row.account_id, name=row.name, kind=row.kind, status=row.status)


def current_device(device: Annotated[Device, Depends(any_device)]) -> Device:
    """The approved device whose bearer token came with the request: 401 for an unknown or revoked token,
    403 `device_not_approved` for a device still waiting for approval."""
    if device.status != "approved":
        raise ApiError(403, "device_not_approved",
                       "this device is waiting for approval by a device already on the account")
    return device


def _adopt_next_token(services: Services, device_id: str, token_hash: str) -> None:
    """The first use of a replacement token retires the old one (until then, both work: a lost answer to
    `POST /v1/devices/me/token` must not lock the device out)."""
    with services.db.write() as conn:
        conn.execute(devices.update().where(devices.c.id == device_id, devices.c.next_token_hash == token_hash)
                     .values(token_hash=token_hash, next_token_hash=None))


def _unauthorized(detail: str) -> ApiError:
    return ApiError(401, "unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


CurrentDevice = Annotated[Device, Depends(current_device)]
AnyDevice = Annotated[Device, Depends(any_device)]
