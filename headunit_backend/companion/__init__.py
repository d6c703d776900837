"""The phone companion page and the sandbox processor's hosted card form: static HTML, CSS and JavaScript.

    /pair/{code}                      the link the car shows as a QR code: the companion page, which redeems it
    /phone/                           the companion page (devices, wallet, receipts)
    /phone/{file}                     its script and style sheet
    /sandbox-processor/card-form      the sandbox processor's hosted card form (test mode)

The page talks to the API like any device, with the phone's bearer token from localStorage. The card form is
the only place a card number, expiry or CVC is typed; it turns a test card into the processor's token in the
browser and hands only the token back to the companion page (in the URL fragment, which no request carries).
No route here accepts a form post: nothing of a card can reach the server through them.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import FileResponse

from headunit_backend.errors import not_found

STATIC = FilePath(__file__).parent / "static"

router = APIRouter(include_in_schema=False)

#: What a browser may load and where it may send things: only this origin, no inline script, no framing
#: (a hosted card form must never be drawn inside someone else's page).
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a /pair/{code} URL must not leak to anyone through a Referer
    "Cache-Control": "no-cache",
}

_FILES = {"app.js": "text/javascript", "style.css": "text/css", "icon.svg": "image/svg+xml"}


def _page(name: str, media_type: str = "text/html") -> FileResponse:
    return FileResponse(STATIC / name, media_type=media_type, headers=_HEADERS)


@router.get("/phone/")
def companion_page() -> FileResponse:
    return _page("index.html")


@router.get("/pair/{code}")
def pairing_page(code: Annotated[str, Path(max_length=100)]) -> FileResponse:
    """The same page: its script reads the code from the address and redeems it with `POST /v1/devices`."""
    return _page("index.html")


@router.get("/phone/{name}")
def companion_file(name: Annotated[str, Path(max_length=40)]) -> FileResponse:
    if name not in _FILES:
        raise not_found(f"file {name!r}")
    return _page(name, _FILES[name])


@router.get("/sandbox-processor/card-form")
def sandbox_card_form() -> FileResponse:
    return _page("card-form.html")


@router.get("/sandbox-processor/card-form.js")
def sandbox_card_form_script() -> FileResponse:
    return _page("card-form.js", "text/javascript")
