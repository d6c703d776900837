"""The car-supplies catalog: categories, products with fitment, reviews and product images.

Products are seeded from `data/catalog.json` into the database (stock, ratings and reviews change there).
The catalog holds tens of products, so a listing reads them all in one query and filters, scores and
pages in Python, which keeps search, fitment and sorting identical on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from importlib import resources
from typing import Annotated
from xml.sax.saxutils import escape

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from headunit_backend.auth import CurrentDevice, new_id
from headunit_backend.caching import cache_control, cached, cached_json
from headunit_backend.db import categories, dialect_insert, products, reviews, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation
from headunit_backend.ratelimit import RateLimited
from headunit_backend.services import Services, get_services

router = APIRouter(prefix="/catalog", tags=["catalog"])


class Category(BaseModel):
    id: str
    name: str


class CategoryList(BaseModel):
    items: list[Category]


class Fitment(BaseModel):
    make: str
    model: str
    year_from: int
    year_to: int | None = Field(description="Last model year; null while the model is still built.")


class Product(BaseModel):
    id: str
    name: str
    category: str
    description: str
    price_cents: int
    currency: str
    stock: int
    rating: float = Field(description="Average of all ratings, 0 when there are none.")
    review_count: int
    images: list[str] = Field(description="Image URLs relative to the service's base URL.")
    fitment: list[Fitment]
    universal: bool = Field(description="Fits any car; `fitment` is then empty.")


class ProductList(BaseModel):
    items: list[Product]
    total: int = Field(description="How many products match, across all pages.")


class Review(BaseModel):
    review_id: str
    rating: int
    text: str
    created_at: AwareDatetime


class ProductDetail(Product):
    reviews: list[Review] = Field(description="The newest reviews first (at most 20).")


class NewReview(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # "5" or true is not a rating

    rating: int = Field(ge=1, le=5)
    text: str = Field("", max_length=2000)


class Sort(StrEnum):
    relevance = "relevance"
    price = "price"
    price_descending = "-price"
    rating = "rating"


# --- seeding ----------------------------------------------------------------------------------------------

def load_seed() -> dict:
    return json.loads(resources.files("headunit_backend").joinpath("data/catalog.json").read_text("utf-8"))


def seed(conn: Connection) -> None:
    """Add the categories and products of data/catalog.json that the database lacks (with their reviews)."""
    data = load_seed()
    conn.execute(dialect_insert(conn, categories).on_conflict_do_nothing(index_elements=["id"]),
                 [{"id": c["id"], "name": c["name"], "position": i} for i, c in enumerate(data["categories"])])
    known = set(conn.execute(sa.select(products.c.id)).scalars())
    new = [(i, p) for i, p in enumerate(data["products"]) if p["id"] not in known]
    if not new:
        return
    conn.execute(products.insert(), [
        {"id": p["id"], "category_id": p["category"], "name": p["name"], "description": p["description"],
         "price_cents": p["price_cents"], "currency": data["currency"], "stock": p["stock"],
         "rating_sum": round(p["rating"] * p["review_count"]), "rating_count": p["review_count"],
         "universal": p["universal"], "fitment_json": json.dumps(p["fitment"]), "position": i} for i, p in new])
    seeded = [{"id": f"rev_{p['id']}_{n}", "product_id": p["id"], "account_id": None, "rating": r["rating"],
               "text": r["text"], "created_at": dt.datetime.fromisoformat(r["created_at"])}
              for _, p in new for n, r in enumerate(p.get("reviews", ()))]
    if seeded:
        conn.execute(reviews.insert(), seeded)


# --- reading ----------------------------------------------------------------------------------------------

def product_from_row(row: Row) -> Product:
    return Product(
        id=row.id, name=row.name, category=row.category_id, description=row.description,
        price_cents=row.price_cents, currency=row.currency, stock=row.stock,
        rating=round(row.rating_sum / row.rating_count, 1) if row.rating_count else 0.0,
        review_count=row.rating_count, images=[f"/v1/catalog/images/{row.id}.svg"],
        fitment=[Fitment(**f) for f in json.loads(row.fitment_json)], universal=row.universal)


def fits(product: Product, make: str | None, model: str | None, year: int | None) -> bool:
    if product.universal or (make, model, year) == (None, None, None):
        return True
    return any((make is None or f.make.casefold() == make.casefold())
               and (model is None or f.model.casefold() == model.casefold())
               and (year is None or f.year_from <= year <= (f.year_to or 9999)) for f in product.fitment)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def relevance(product: Product, category_name: str, terms: list[str]) -> int:
    """0 unless every term starts a word somewhere; a match in the name counts most."""
    fields = [(3, words(product.name)), (2, words(category_name)), (1, words(product.description))]
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
        min_price_cents: Annotated[int | None, Query(ge=0)] = None,
        max_price_cents: Annotated[int | None, Query(ge=0)] = None,
        in_stock: Annotated[bool | None, Query(description="true: only products in stock")] = None,
        sort: Sort = Sort.relevance,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> Response:
    """Search and filter products; a car's make/model/year keeps products that fit it or fit any car."""
    with services.db.read() as conn:
        names = dict(conn.execute(sa.select(categories.c.id, categories.c.name)).all())
        rows = conn.execute(sa.select(products).order_by(products.c.position)).all()
    terms = words(q or "")
    scored = []
    for row in rows:
        product = product_from_row(row)
        score = relevance(product, names.get(product.category, ""), terms) if terms else 1
        if (score and (category is None or product.category == category) and fits(product, make, model, year)
                and (min_price_cents is None or product.price_cents >= min_price_cents)
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


ProductId = Annotated[str, Path(max_length=80)]


def read_product(conn: Connection, product_id: str) -> Product:
    row = conn.execute(sa.select(products).where(products.c.id == product_id)).first()
    if row is None:
        raise not_found(f"product {product_id!r}")
    return product_from_row(row)


@router.get("/products/{product_id}", response_model=ProductDetail, responses=documented(401, 404))
def get_product(request: Request, product_id: ProductId, device: CurrentDevice, services: ServicesDep) -> Response:
    """One product with its newest reviews."""
    with services.db.read() as conn:
        product = read_product(conn, product_id)
        rows = conn.execute(sa.select(reviews).where(reviews.c.product_id == product_id)
                            .order_by(reviews.c.created_at.desc(), reviews.c.id).limit(20)).all()
    detail = ProductDetail(**product.model_dump(), reviews=[
        Review(review_id=r.id, rating=r.rating, text=r.text, created_at=r.created_at) for r in rows])
    return cached_json(request, detail, cache_control=_catalog_cache(services))


@router.post("/products/{product_id}/reviews", status_code=201, response_model=Review,
             responses={**IDEMPOTENT_ERRORS, **documented(404)})
def post_review(product_id: ProductId, review: NewReview, op: IdempotentOperation, limit: RateLimited) -> Response:
    """Review a product (idempotent); the product's rating includes it at once.

    One review per account and product: another is `422 already_reviewed` (stored as the key's answer, like
    any refusal), never a second vote. A 422, not a 409, because the car retries a 409 (it means "in flight").
    """
    limit.review(op.device.id)  # before the key is claimed: a 429 is not stored, the car retries it later

    def effect(conn: Connection):
        updated = conn.execute(products.update().where(products.c.id == product_id).values(
            rating_sum=products.c.rating_sum + review.rating, rating_count=products.c.rating_count + 1))
        if updated.rowcount != 1:
            raise not_found(f"product {product_id!r}")
        if conn.execute(sa.select(reviews.c.id).where(reviews.c.account_id == op.device.account_id,
                                                      reviews.c.product_id == product_id)).first():
            raise already_reviewed()  # rolls back the rating update above
        stored = Review(review_id=new_id("rev"), rating=review.rating, text=review.text, created_at=utcnow())
        try:
            with conn.begin_nested():
                conn.execute(reviews.insert().values(id=stored.review_id, product_id=product_id,
                                                     account_id=op.device.account_id, rating=stored.rating,
                                                     text=stored.text, created_at=stored.created_at))
        except IntegrityError:  # another device of the account reviewed it in the meantime (UNIQUE index)
            raise already_reviewed() from None
        return 201, stored

    return op.apply(effect)


def already_reviewed() -> ApiError:
    return ApiError(422, "already_reviewed", "this account has already reviewed this product")


# --- images -----------------------------------------------------------------------------------------------

_COLOURS = {"wiper-blades": "#2f6db5", "engine-oil": "#b58a2f", "tyre-chains": "#5b6470",
            "ev-charging": "#2f9e6b", "phone-mounts": "#7a4fb5", "dash-cams": "#303841",
            "safety": "#c73a3a", "bulbs": "#d8a21c", "floor-mats": "#4a4f57", "car-care": "#1f8fa8"}


def product_svg(product: Product, category_name: str) -> bytes:
    """A simple, recognisable placeholder picture: the category colour, its initial and the product name."""
    colour = _COLOURS.get(product.category, "#444b55")
    words, lines = product.name.split(), [""]
    for word in words:
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
