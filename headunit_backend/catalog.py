"""The car-supplies catalog: categories, products with fitment records, the car's sync feed and images.

Products are seeded from `data/catalog.json` (or loaded with `headunit-backend catalog import`) into the
database, where stock, prices and ratings change. A listing reads every product in one query and filters,
scores and pages in Python, which keeps search, fitment and sorting identical on SQLite and PostgreSQL;
fitment verdicts come from `headunit.fitment.rules`, the same rules the car applies to its mirror.

The sync feed (`GET /catalog/sync`) pages through products in `(updated_at, id)` order. Every UPDATE of a
product stamps `updated_at` (a Core `onupdate`, so an order taking stock or a review changing the rating
counts as a change without knowing about the feed). A write stamps its rows before it commits, so a slow
transaction can commit rows older than ones a reader already saw; the cursor handed out therefore never
goes past `SYNC_MARGIN` seconds before the read. Products changed within the margin come again in the next
sync (the car's mirror upserts, so a repeat costs nothing), and a write committed up to `SYNC_MARGIN`
after it stamped its rows is never skipped.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal
from xml.sax.saxutils import escape

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_serializer
from sqlalchemy.engine import Connection, Row

from headunit.fitment import rules
from headunit_backend import catalog_data
from headunit_backend import reviews as review_routes
from headunit_backend.auth import CurrentDevice
from headunit_backend.caching import cache_control, cached, cached_json
from headunit_backend.catalog_data import average
from headunit_backend.db import categories, products, reviews, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/catalog", tags=["catalog"])

#: Adds the demo catalog's categories and products the database lacks (`app.prepare_database` calls it).
seed = catalog_data.seed

#: Seconds before a sync read that its cursor never passes (see the module's docstring).
SYNC_MARGIN = 60.0


class Category(BaseModel):
    id: str
    name: str


class CategoryList(BaseModel):
    items: list[Category]


class FitmentRecord(BaseModel):
    """A vehicle plus qualifiers this product fits (absent keys: any). See docs/catalog-format.md."""

    model_config = ConfigDict(extra="forbid")

    make: str | None = None
    model: str | None = None
    years: list[int | None] | None = Field(None, description="[from, to]; to is null while still built.")
    engines: list[str] | None = None
    fuels: list[Literal["petrol", "diesel", "electric", "hybrid", "plug-in hybrid"]] | None = None
    bodies: list[Literal["hatchback", "estate", "saloon", "suv", "pickup"]] | None = None
    tyre_sizes: list[str] | None = None
    position: str | None = Field(None, description="Where it goes, e.g. front or rear.")
    quantity: int | None = Field(None, description="How many the car takes.")
    condition: str | None = Field(None, description="What the owner must confirm, e.g. with roof bars fitted.")

    @model_serializer(mode="wrap")
    def _without_absent_keys(self, handler) -> dict[str, Any]:
        return {key: value for key, value in handler(self).items() if value is not None}


class Product(BaseModel):
    id: str
    name: str
    category: str
    brand: str
    part_number: str | None = Field(description="The maker's catalogue number, if it has one.")
    description: str
    price_cents: int
    currency: str
    stock: int
    rating: float = Field(description="Average of all visible ratings, 0 when there are none.")
    review_count: int
    images: list[str] = Field(description="Image URLs relative to the service's base URL.")
    fitment: list[FitmentRecord]
    universal: bool = Field(description="Fits any car; `fitment` is then empty.")
    fitting_minutes: int | None = Field(
        description="How long a partner workshop takes to fit it; null when no fitting service is offered.")
    updated_at: AwareDatetime = Field(description="When stock, price, rating or description last changed.")


class ProductList(BaseModel):
    items: list[Product]
    total: int = Field(description="How many products match, across all pages.")


class SyncPage(BaseModel):
    items: list[Product] = Field(description="Products changed after the cursor, oldest change first.")
    cursor: str = Field(description="Send it back as `cursor` for the changes after this page.")
    more: bool = Field(description="More changes are waiting: ask again with the new cursor now.")


class ProductDetail(Product):
    histogram: dict[Literal["1", "2", "3", "4", "5"], int] = Field(
        description="How many visible ratings gave 1, 2, 3, 4 and 5 stars (all five keys are always there).")
    reviews: list[review_routes.Review] = Field(
        description="The newest visible reviews first (at most 20); reviews hidden by reports are left out.")


class Sort(StrEnum):
    relevance = "relevance"
    price = "price"
    price_descending = "-price"
    rating = "rating"


# --- reading ----------------------------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def parsed_fitment(fitment_json: str) -> tuple[rules.Record, ...]:
    """Records parsed once per distinct text: listings judge every product on every request."""
    return rules.parse_records(json.loads(fitment_json))


def product_from_row(row: Row) -> Product:
    return Product(
        id=row.id, name=row.name, category=row.category_id, brand=row.brand, part_number=row.part_number,
        description=row.description, price_cents=row.price_cents, currency=row.currency, stock=row.stock,
        rating=average(row.rating_sum, row.rating_count), review_count=row.rating_count,
        images=[f"/v1/catalog/images/{row.id}.svg"], fitment=[FitmentRecord(**f) for f in json.loads(row.fitment_json)],
        universal=row.universal, fitting_minutes=row.fitting_minutes, updated_at=row.updated_at)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def relevance(product: Product, category_name: str, terms: list[str]) -> int:
    """0 unless every term starts a word somewhere; a match in the name counts most."""
    fields = [(3, words(product.name)), (2, words(f"{product.brand} {category_name}")),
              (1, words(f"{product.description} {product.part_number or ''}"))]
    score = 0
    for term in terms:
        found = sum(weight for weight, field in fields if any(word.startswith(term) for word in field))
        if not found:
            return 0
        score += found
    return score


def _catalog_cache(services: Services) -> str:
    return cache_control(services.settings.catalog_max_age, stale_if_error=services.settings.stale_if_error)


ServicesDep = Annotated[Services, Depends(get_services)]
Fuel = Literal["petrol", "diesel", "electric", "hybrid", "plug-in hybrid"]
Body = Literal["hatchback", "estate", "saloon", "suv", "pickup"]


@router.get("/categories", response_model=CategoryList, responses=documented(401))
def list_categories(request: Request, device: CurrentDevice, services: ServicesDep) -> Response:
    """All categories, in shop order."""
    with services.db.read() as conn:
        rows = conn.execute(sa.select(categories).order_by(categories.c.position)).all()
    return cached_json(request, CategoryList(items=[Category(id=r.id, name=r.name) for r in rows]),
                       cache_control=_catalog_cache(services))


@router.get("/products", response_model=ProductList, responses=documented(401, 422))
def list_products(
        request: Request, device: CurrentDevice, services: ServicesDep,
        q: Annotated[str | None, Query(max_length=200, description="Words that must all occur.")] = None,
        category: Annotated[str | None, Query(max_length=40)] = None,
        make: Annotated[str | None, Query(max_length=60)] = None,
        model: Annotated[str | None, Query(max_length=60)] = None,
        year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
        engine: Annotated[str | None, Query(max_length=60, description="e.g. 1.5 eTSI")] = None,
        fuel: Fuel | None = None,
        body: Body | None = None,
        tyre_size: Annotated[str | None, Query(max_length=20, description="e.g. 205/55 R16")] = None,
        min_price_cents: Annotated[int | None, Query(ge=0)] = None,
        max_price_cents: Annotated[int | None, Query(ge=0)] = None,
        in_stock: Annotated[bool | None, Query(description="true: only products in stock")] = None,
        sort: Sort = Sort.relevance,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Response:
    """Search and filter products. Any of make, model, year, engine, fuel, body or tyre size describe a car:
    the list then keeps what fits it or fits it if the owner confirms something (and what fits any car)."""
    car = rules.Profile(make=make or None, model=model or None, year=year, engine=engine or None, fuel=fuel,
                        body=body, tyre_size=tyre_size or None)
    judging = car != rules.Profile()
    with services.db.read() as conn:
        names = dict(conn.execute(sa.select(categories.c.id, categories.c.name)).all())
        rows = conn.execute(sa.select(products).order_by(products.c.position)).all()
    terms = words(q or "")
    scored = []
    for row in rows:
        if category is not None and row.category_id != category:
            continue
        if judging and not rules.verdict(parsed_fitment(row.fitment_json), row.universal, car).keeps:
            continue
        product = product_from_row(row)
        score = relevance(product, names.get(product.category, ""), terms) if terms else 1
        if (score and (min_price_cents is None or product.price_cents >= min_price_cents)
                and (max_price_cents is None or product.price_cents <= max_price_cents)
                and (not in_stock or product.stock > 0)):
            scored.append((score, row.position, product))
    if sort is Sort.price:
        scored.sort(key=lambda s: (s[2].price_cents, s[1]))
    elif sort is Sort.price_descending:
        scored.sort(key=lambda s: (-s[2].price_cents, s[1]))
    elif sort is Sort.rating:
        scored.sort(key=lambda s: (-s[2].rating, -s[2].review_count, s[1]))
    else:
        scored.sort(key=lambda s: (-s[0], s[1]))
    page = [product for _, _, product in scored[offset:offset + limit]]
    return cached_json(request, ProductList(items=page, total=len(scored)), cache_control=_catalog_cache(services))


# --- the car's sync feed ----------------------------------------------------------------------------------

def encode_cursor(updated_at: dt.datetime, product_id: str) -> str:
    text = f"p1:{updated_at.astimezone(dt.UTC).isoformat()}|{product_id}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[dt.datetime, str] | None:
    if not cursor:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, rest = text.partition(":")
        stamp, bar, product_id = rest.partition("|")
        when = dt.datetime.fromisoformat(stamp)
        if kind == "p1" and bar and when.tzinfo is not None:
            return when.astimezone(dt.UTC), product_id
    except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError):  # Overflow: year 1 at +05:00
        pass
    raise ApiError(400, "invalid_cursor", "the cursor was not issued by this service")


@router.get("/sync", response_model=SyncPage, responses=documented(400, 401, 422))
def sync_products(
        request: Request, device: CurrentDevice, services: ServicesDep,
        cursor: Annotated[str | None, Query(max_length=200, description="Opaque; omit to start.")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> Response:
    """Every product changed after the cursor (stock, price and rating changes included), for the car's
    mirror of the catalog. Without a cursor: every product. Products changed in the last minute may come
    again in the next page or sync: upsert them by id."""
    start = decode_cursor(cursor)
    settled = utcnow() - dt.timedelta(seconds=SYNC_MARGIN)
    query = sa.select(products).order_by(products.c.updated_at, products.c.id).limit(limit + 1)
    if start is not None:
        query = query.where(sa.or_(products.c.updated_at > start[0],
                                   sa.and_(products.c.updated_at == start[0], products.c.id > start[1])))
    with services.db.read() as conn:
        rows = conn.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    last = (rows[-1].updated_at, rows[-1].id) if rows else start
    if last is None or last[0] > settled:
        # Not past the margin: the rest are recent changes, and the next sync starts from the margin again.
        last = max(start or (settled, ""), (settled, ""))
        more = False
    page = SyncPage(items=[product_from_row(row) for row in rows], cursor=encode_cursor(*last), more=more)
    return cached_json(request, page, cache_control=_catalog_cache(services))


# --- one product ------------------------------------------------------------------------------------------

ProductId = Annotated[str, Path(max_length=80)]


def read_product_row(conn: Connection, product_id: str) -> Row:
    row = conn.execute(sa.select(products).where(products.c.id == product_id)).first()
    if row is None:
        raise not_found(f"product {product_id!r}")
    return row


def read_product(conn: Connection, product_id: str) -> Product:
    return product_from_row(read_product_row(conn, product_id))


@router.get("/products/{product_id}", response_model=ProductDetail, responses=documented(401, 404))
def get_product(request: Request, product_id: ProductId, device: CurrentDevice, services: ServicesDep) -> Response:
    """One product with its rating histogram and newest visible reviews."""
    with services.db.read() as conn:
        row = read_product_row(conn, product_id)
        review_rows = conn.execute(sa.select(reviews).where(reviews.c.product_id == product_id,
                                                            reviews.c.hidden_at.is_(None))
                                   .order_by(reviews.c.created_at.desc(), reviews.c.id).limit(20)).all()
    histogram = {str(stars): getattr(row, f"stars_{stars}") for stars in range(1, 6)}
    detail = ProductDetail(**product_from_row(row).model_dump(), histogram=histogram,
                           reviews=[review_routes.review_from_row(r) for r in review_rows])
    return cached_json(request, detail, cache_control=_catalog_cache(services))


router.include_router(review_routes.router)


# --- images -----------------------------------------------------------------------------------------------

_COLOURS = {"wiper-blades": "#2f6db5", "engine-oil": "#b58a2f", "tyre-chains": "#5b6470",
            "ev-charging": "#2f9e6b", "phone-mounts": "#7a4fb5", "dash-cams": "#303841",
            "safety": "#c73a3a", "bulbs": "#d8a21c", "floor-mats": "#4a4f57", "car-care": "#1f8fa8",
            "tyres": "#26292e", "filters": "#8a6d3b", "chargers-cables": "#3b6e8a", "roof-boxes": "#5a5f8a"}


def product_svg(product: Product, category_name: str) -> bytes:
    """A simple, recognisable placeholder picture: the category colour, its initial and the product name."""
    colour = _COLOURS.get(product.category, "#444b55")
    name_words, lines = product.name.split(), [""]
    for word in name_words:
        if len(lines[-1]) + len(word) > 24 and lines[-1]:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    text = "".join(f'<text x="200" y="{262 + 26 * i}" font-size="20">{escape(line)}</text>' for i, line in
                   enumerate(lines[:4]))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">'
            f'<title>{escape(product.name)}</title>'
            f'<rect width="400" height="400" rx="24" fill="{colour}"/>'
            f'<circle cx="200" cy="140" r="78" fill="#ffffff" fill-opacity="0.18"/>'
            f'<g font-family="sans-serif" fill="#ffffff" text-anchor="middle">'
            f'<text x="200" y="168" font-size="84" font-weight="bold">{escape(category_name[:1])}</text>'
            f'{text}</g></svg>').encode()


@router.get("/images/{image}", responses={200: {"content": {"image/svg+xml": {}}, "description": "The image"},
                                          **documented(401, 404)}, response_class=Response)
def get_image(request: Request, image: Annotated[str, Path(max_length=100)], device: CurrentDevice,
              services: ServicesDep) -> Response:
    """A product image (SVG)."""
    product_id, dot, extension = image.rpartition(".")
    if not dot or extension != "svg":
        raise not_found(f"image {image!r}")
    with services.db.read() as conn:
        product = read_product(conn, product_id)
        category_name = conn.execute(sa.select(categories.c.name)
                                     .where(categories.c.id == product.category)).scalar_one()
    return cached(request, product_svg(product, category_name), media_type="image/svg+xml",
                  cache_control=_catalog_cache(services))
