"""Errors as `{"error": CODE, "detail": TEXT}`: one stable code per situation, whatever raised it.

Handlers turn FastAPI's own failures (validation, unknown routes, wrong methods) into the same shape, so a
client matches on `error` and never parses prose.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException


class ErrorBody(BaseModel):
    error: str = Field(description="Stable machine-readable code, e.g. `card_declined`.")
    detail: str = Field(description="Human-readable explanation (English; not for display).")


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class InvalidRequest(ErrorBody):
    """A 422: `invalid_request` lists the fields at fault; business refusals (`out_of_stock`…) list none."""

    errors: list[FieldError] = []


class ApiError(Exception):
    """An answer other than success that the service gives on purpose (always a 4xx)."""

    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(f"{status} {code}: {detail}")
        self.status, self.code, self.detail, self.headers = status, code, detail, headers

    @property
    def body(self) -> ErrorBody:
        return ErrorBody(error=self.code, detail=self.detail)


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")


def error_response(status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(ErrorBody(error=code, detail=detail).model_dump(), status_code=status, headers=headers)


def documented(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI `responses` entries for error statuses, all with the ErrorBody schema."""
    return {status: {"model": InvalidRequest if status == 422 else ErrorBody,
                     "description": _DESCRIPTIONS.get(status, "Error"), **_HEADERS.get(status, {})}
            for status in statuses}


_HEADERS = {429: {"headers": {"Retry-After": {"description": "Seconds until the limit lets this request in again",
                                              "schema": {"type": "integer"}}}}}


_DESCRIPTIONS = {
    400: "A body that cannot be read (`malformed_request`), a missing or malformed Idempotency-Key, "
         "or a cursor this service did not issue",
    401: "Missing or unknown bearer token (`unauthorized`)",
    402: "The payment was refused (`card_declined`, `insufficient_funds`)",
    403: "Forbidden (`bad_account_key`)",
    404: "No such resource in the caller's account (`not_found`)",
    409: "The same Idempotency-Key is still being processed (`idempotency_key_in_flight`)",
    413: "Request body over 1 MiB, declared or streamed (`payload_too_large`)",
    422: "Invalid request (`invalid_request`: the schema, or JSON no route takes: nested over 32 levels, "
         "NaN/Infinity, a NUL character or a lone UTF-16 surrogate), or a business rule refused it",
    429: "Too many requests of this kind from this device or address (`rate_limited`); retry after "
         "`Retry-After` seconds (nothing was done)",
    502: "An upstream provider failed (`upstream_error`)",
}

_HTTP_CODES = {400: "malformed_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
               413: "payload_too_large", 429: "rate_limited"}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.detail, error.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(_describe(e) for e in error.errors()[:5])
        # Without each error's `input`: it would echo whatever was sent, card numbers included.
        fields = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in error.errors()]
        body = {"error": "invalid_request", "detail": problems, "errors": jsonable_encoder(fields)}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(error.status_code, f"http_{error.status_code}")
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        return error_response(error.status_code, code, detail, getattr(error, "headers", None))


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', 'invalid')}"
