"""Devices, accounts and bearer tokens.

A token is 256 random bits shown once; the database keeps only its SHA-256, which is enough for a secret
that cannot be guessed (a slow password hash would only slow every request down). The same goes for the
account key a second device uses to join an account.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from headunit_backend.db import accounts, devices, utcnow
from headunit_backend.errors import ApiError, documented
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


class DeviceRegistration(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, examples=["Golf VIII head unit"])
    kind: Literal["car", "phone"]
    account_key: str | None = Field(None, max_length=200,
                                    description="Join this account; omit to create a new account.")


class RegisteredDevice(BaseModel):
    device_id: str
    account_id: str
    token: str = Field(description="Bearer token for every other request; shown only this once.")
    account_key: str = Field(description="Lets another device join this account.")


@router.post("/devices", status_code=201, response_model=RegisteredDevice, responses=documented(403, 422))
def register_device(registration: DeviceRegistration,
                    services: Annotated[Services, Depends(get_services)]) -> RegisteredDevice:
    """Register a device, creating an account unless it brings an account key."""
    now = utcnow()
    token = secrets.token_urlsafe(32)
    device_id = new_id("dev")
    with services.db.write() as conn:
        if registration.account_key is None:
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
        conn.execute(devices.insert().values(id=device_id, account_id=account_id, name=registration.name,
                                             kind=registration.kind, token_hash=hash_secret(token), created_at=now))
    return RegisteredDevice(device_id=device_id, account_id=account_id, token=token, account_key=account_key)


def current_device(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
                   services: Annotated[Services, Depends(get_services)]) -> Device:
    """The device whose bearer token came with the request (401 otherwise)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized("missing bearer token")
    with services.db.read() as conn:
        row = conn.execute(sa.select(devices.c.id, devices.c.account_id, devices.c.name, devices.c.kind)
                           .where(devices.c.token_hash == hash_secret(credentials.credentials))).first()
    if row is None:
        raise _unauthorized("unknown bearer token")
    return Device(id=row.id, account_id=row.account_id, name=row.name, kind=row.kind)


def _unauthorized(detail: str) -> ApiError:
    return ApiError(401, "unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


CurrentDevice = Annotated[Device, Depends(current_device)]
