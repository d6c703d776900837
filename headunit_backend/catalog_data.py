"""Catalog data as a shop supplies it: the product record (validated with pydantic, fitment with
`headunit.fitment.rules`), and writing products into the database (the demo seed and `catalog import`).

The same `ProductRecord` validates `data/catalog.json` at start and every row of an imported file, so a
shop's data and the demo data follow one documented format (docs/catalog-format.md).
"""

from __future__ import annotations

import datetime as dt
import json
import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import sqlalchemy as sa
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy.engine import Connection

from headunit.fitment import rules
from headunit_backend.db import categories, dialect_insert, products, reviews, utcnow

PRODUCT_ID = r"^[a-z0-9][a-z0-9._-]{0,79}$"


class SeedReview(BaseModel):
    """A review that comes with the data (no account): the demo catalog's, or a shop's own."""

    model_config = ConfigDict(extra="forbid")

    rating: int = Field(ge=1, le=5)
    text: str = Field("", max_length=2000)
    created_at: AwareDatetime
    vehicle: str | None = Field(None, max_length=80)


class ProductRecord(BaseModel):
    """One product as a shop supplies it. Stock and price are the shop's; ratings and reviews only seed a new
    product (an existing product's come from its reviews)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=PRODUCT_ID)
    category: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)
    brand: str = Field(min_length=1, max_length=80)
    part_number: str | None = Field(None, max_length=60)
    description: str = Field("", max_length=2000)
    price_cents: int = Field(ge=0)
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    stock: int = Field(ge=0)
    universal: bool = False
    fitment: list[dict[str, Any]] = []
    fitting_minutes: int | None = Field(None, ge=1, le=600)
    rating: float = Field(0.0, ge=0, le=5)
    review_count: int = Field(0, ge=0)
    reviews: list[SeedReview] = []

    @field_validator("fitment", mode="before")
    @classmethod
    def _records(cls, value: Any) -> list[dict[str, Any]]:
        try:
            return [record.to_json() for record in rules.parse_records(value)]
        except rules.FitmentError as error:
            raise ValueError(error.args[0]) from None

    @model_validator(mode="after")
    def _universal_has_no_fitment(self) -> ProductRecord:
        if self.universal and self.fitment:
            raise ValueError("universal: a universal product fits any car, so its fitment must be empty")
        return self


class CategoryRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    name: str = Field(min_length=1, max_length=100)


def spread(total: int, count: int) -> list[int]:
    """Ratings per star (1 to 5) for `count` ratings adding up to about `total`: most 5s and fewer of each
    lower star, the J shape of real shop ratings. Used where only an average and a count are known."""
    if count <= 0:
        return [0] * 5
    counts = [0, 0, 0, 0, count]
    deficit = max(0, min(5 * count - total, 4 * count))
    steps = (1, 1, 2, 1, 4, 1, 3)  # take one 5 down to 4, 4, 3, 4, 1, 4, 2…
    i = 0
    while deficit > 0 and counts[4] > 0:
        step = min(steps[i % len(steps)], deficit)
        counts[4] -= 1
        counts[4 - step] += 1
        deficit -= step
        i += 1
    return counts


# --- writing products ---------------------------------------------------------------------------------------

#: Columns a shop's data sets; an import updates a product only when one of them differs.
CATALOG_COLUMNS = ("category_id", "name", "brand", "part_number", "description", "price_cents", "currency", "stock",
                   "universal", "fitment_json", "fitting_minutes")


def catalog_values(product: ProductRecord) -> dict[str, Any]:
    return {"category_id": product.category, "name": product.name, "brand": product.brand,
            "part_number": product.part_number, "description": product.description,
            "price_cents": product.price_cents, "currency": product.currency, "stock": product.stock,
            "universal": product.universal, "fitment_json": json.dumps(product.fitment, ensure_ascii=False),
            "fitting_minutes": product.fitting_minutes}


def new_product_values(product: ProductRecord, position: int, now: dt.datetime) -> dict[str, Any]:
    stars = spread(round(product.rating * product.review_count), product.review_count)
    return {"id": product.id, **catalog_values(product), "position": position, "updated_at": now,
            "rating_sum": sum(n * s for s, n in enumerate(stars, start=1)), "rating_count": sum(stars),
            **{f"stars_{s}": n for s, n in enumerate(stars, start=1)}}


@dataclass
class UpsertResult:
    inserted: list[str]
    updated: list[str]
    unchanged: list[str]


def upsert_products(conn: Connection, items: list[ProductRecord], *, update: bool = True) -> UpsertResult:
    """Insert the products the database lacks (with their reviews) and, with `update`, update the catalog
    columns of those that differ. Every changed product is stamped with one `updated_at` taken at the end,
    just before the caller commits, so the catalog sync's margin covers the commit and not the whole import."""
    existing = {row.id: row for row in conn.execute(sa.select(products)).all()}
    position = max((row.position for row in existing.values()), default=-1) + 1
    result = UpsertResult([], [], [])
    new_rows, new_reviews = [], []
    now = utcnow()
    for product in items:
        row = existing.get(product.id)
        if row is None:
            new_rows.append(new_product_values(product, position, now))
            position += 1
            new_reviews += [{"id": seeded_review_id(product.id, n), "product_id": product.id, "account_id": None,
                             "rating": r.rating, "text": r.text, "created_at": r.created_at, "vehicle": r.vehicle,
                             "verified_purchase": False} for n, r in enumerate(product.reviews)]
            result.inserted.append(product.id)
            continue
        values = catalog_values(product)
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if "fitment_json" in changed and json.loads(row.fitment_json) == product.fitment:
            del changed["fitment_json"]  # the same records, spelled differently
        if changed and update:
            conn.execute(products.update().where(products.c.id == product.id).values(**changed))
            result.updated.append(product.id)
        else:
            result.unchanged.append(product.id)
    if new_rows:
        conn.execute(products.insert(), new_rows)
    if new_reviews:
        conn.execute(dialect_insert(conn, reviews).on_conflict_do_nothing(index_elements=["id"]), new_reviews)
    changed_ids = result.inserted + result.updated
    for start in range(0, len(changed_ids), 500):
        conn.execute(products.update().where(products.c.id.in_(changed_ids[start:start + 500]))
                     .values(updated_at=utcnow()))
    return result


def seeded_review_id(product_id: str, n: int) -> str:
    """A stable id for a review that came with the data, short enough for any product id."""
    return "rev_" + hashlib.sha256(f"{product_id}/{n}".encode()).hexdigest()[:24]


def upsert_categories(conn: Connection, items: list[CategoryRecord]) -> None:
    """Add categories the database lacks (after the existing ones) and rename those whose name changed."""
    known = {row.id: row for row in conn.execute(sa.select(categories)).all()}
    position = max((row.position for row in known.values()), default=-1) + 1
    for category in items:
        row = known.get(category.id)
        if row is None:
            conn.execute(categories.insert().values(id=category.id, name=category.name, position=position))
            position += 1
        elif row.name != category.name:
            conn.execute(categories.update().where(categories.c.id == category.id).values(name=category.name))


# --- the demo seed ------------------------------------------------------------------------------------------

def load_seed() -> dict:
    return json.loads(resources.files("headunit_backend").joinpath("data/catalog.json").read_text("utf-8"))


def seed_records(data: dict) -> tuple[list[CategoryRecord], list[ProductRecord]]:
    currency = data.get("currency", "EUR")
    return ([CategoryRecord(**c) for c in data["categories"]],
            [ProductRecord(**{"currency": currency, **p}) for p in data["products"]])


def seed(conn: Connection) -> None:
    """Add the demo categories and products the database lacks (with their reviews). Products it already has
    keep what the shop made of them, except that a product from before brands were kept gets its brand,
    part number and fitting time from the seed."""
    category_items, product_items = seed_records(load_seed())
    known = {c.id for c in conn.execute(sa.select(categories.c.id)).all()}
    for position, category in enumerate(category_items):
        if category.id not in known:  # a new category of this release goes after the shop's own
            conn.execute(dialect_insert(conn, categories).values(id=category.id, name=category.name,
                                                                 position=position + len(known))
                         .on_conflict_do_nothing(index_elements=["id"]))
    upsert_products(conn, product_items, update=False)
    unbranded = set(conn.execute(sa.select(products.c.id).where(products.c.brand == "")).scalars())
    for product in product_items:
        if product.id in unbranded:
            conn.execute(products.update().where(products.c.id == product.id).values(
                brand=product.brand, part_number=product.part_number, fitting_minutes=product.fitting_minutes))


def average(rating_sum: int, rating_count: int) -> float:
    return round(rating_sum / rating_count, 1) if rating_count else 0.0
