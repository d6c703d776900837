"""Reviews that mean something: one per account and product, marked as a verified purchase when the account
ordered the product, naming the reviewer's vehicle; reports of abuse hide a review.

A review reported by `HIDE_AFTER` different accounts is hidden: left out of the product's answers, and its
rating taken out of the average, the count and the histogram, since a fake or abusive review should not
keep moving the rating it was written to move. Reports are idempotent operations, rate limited per device
and per address like reviews, one per account and review; nobody reports their own review.
"""

from __future__ import annotations

from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Path
from fastapi.responses import Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from headunit_backend.auth import new_id
from headunit_backend.db import order_items, orders, products, review_reports, reviews, utcnow
from headunit_backend.errors import ApiError, documented, not_found
from headunit_backend.idempotency import IDEMPOTENT_ERRORS, IdempotentOperation
from headunit_backend.ratelimit import RateLimited

router = APIRouter()

#: Reports from this many different accounts hide a review.
HIDE_AFTER = 3


class Review(BaseModel):
    review_id: str
    rating: int
    text: str
    created_at: AwareDatetime
    vehicle: str | None = Field(None, description='The reviewer\'s car as they named it, e.g. "2021 Volkswagen Golf".')
    verified_purchase: bool = Field(False, description="The reviewer's account ordered this product.")


class NewReview(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)  # "5" or true is not a rating

    rating: int = Field(ge=1, le=5)
    text: str = Field("", max_length=2000)
    vehicle: str | None = Field(None, min_length=1, max_length=80,
                                description='The reviewer\'s car, e.g. "2021 Volkswagen Golf".')


class NewReport(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    reason: Literal["spam", "offensive", "off_topic", "fake"]


class Report(BaseModel):
    report_id: str
    review_id: str
    reason: Literal["spam", "offensive", "off_topic", "fake"]


def review_from_row(row: Row) -> Review:
    return Review(review_id=row.id, rating=row.rating, text=row.text, created_at=row.created_at,
                  vehicle=row.vehicle, verified_purchase=row.verified_purchase)


def bought(conn: Connection, account_id: str, product_id: str) -> bool:
    """Whether any order of the account has the product in it."""
    return conn.execute(sa.select(sa.literal(1)).select_from(order_items.join(orders))
                        .where(orders.c.account_id == account_id, order_items.c.product_id == product_id)
                        .limit(1)).first() is not None


def _rating_change(stars: int, sign: int) -> dict:
    """The product columns a rating of `stars` adds to (sign 1) or leaves (sign -1), never below 0."""
    column = products.c[f"stars_{stars}"]

    def moved(col, by: int):
        return col + by if sign > 0 else sa.case((col >= by, col - by), else_=0)

    return {"rating_sum": moved(products.c.rating_sum, stars), "rating_count": moved(products.c.rating_count, 1),
            f"stars_{stars}": moved(column, 1)}


ProductId = Annotated[str, Path(max_length=80)]
ReviewId = Annotated[str, Path(max_length=40)]


@router.post("/products/{product_id}/reviews", status_code=201, response_model=Review,
             responses={**IDEMPOTENT_ERRORS, **documented(404, 429)})
def post_review(product_id: ProductId, review: NewReview, op: IdempotentOperation, limit: RateLimited) -> Response:
    """Review a product (idempotent); the product's rating and histogram include it at once.

    One review per account and product: another is `422 already_reviewed` (stored as the key's answer, like
    any refusal), never a second vote. A 422, not a 409, because the car retries a 409 (it means "in flight").
    `verified_purchase` is true when an order of the account has the product in it.
    """
    limit.review(op.device.id)  # before the key is claimed: a 429 is not stored, the car retries it later

    def effect(conn: Connection):
        updated = conn.execute(products.update().where(products.c.id == product_id)
                               .values(**_rating_change(review.rating, 1)))
        if updated.rowcount != 1:
            raise not_found(f"product {product_id!r}")
        account = op.device.account_id
        if conn.execute(sa.select(reviews.c.id).where(reviews.c.account_id == account,
                                                      reviews.c.product_id == product_id)).first():
            raise already_reviewed()  # rolls back the rating update above
        stored = Review(review_id=new_id("rev"), rating=review.rating, text=review.text, created_at=utcnow(),
                        vehicle=review.vehicle.strip() or None if review.vehicle else None,
                        verified_purchase=bought(conn, account, product_id))
        try:
            with conn.begin_nested():
                conn.execute(reviews.insert().values(
                    id=stored.review_id, product_id=product_id, account_id=account, rating=stored.rating,
                    text=stored.text, created_at=stored.created_at, vehicle=stored.vehicle,
                    verified_purchase=stored.verified_purchase))
        except IntegrityError:  # another device of the account reviewed it in the meantime (UNIQUE index)
            raise already_reviewed() from None
        return 201, stored

    return op.apply(effect)


def already_reviewed() -> ApiError:
    return ApiError(422, "already_reviewed", "this account has already reviewed this product")


@router.post("/reviews/{review_id}/reports", status_code=201, response_model=Report,
             responses={**IDEMPOTENT_ERRORS, **documented(404, 429)})
def report_review(review_id: ReviewId, report: NewReport, op: IdempotentOperation, limit: RateLimited) -> Response:
    """Report a review as spam, offensive, off topic or fake (idempotent). One report per account and
    review (another is `422 already_reported`); your own review is `422 own_review`. Reports from
    three accounts hide the review and take its rating out of the product's."""
    limit.report(op.device.id)
    account = op.device.account_id

    def effect(conn: Connection):
        # Lock the review: concurrent reports of one review count one after another, so it is hidden once.
        row = conn.execute(sa.select(reviews).where(reviews.c.id == review_id).with_for_update()).first()
        if row is None or row.hidden_at is not None:
            raise not_found(f"review {review_id!r}")
        if row.account_id == account:
            raise ApiError(422, "own_review", "an account cannot report its own review")
        stored = Report(report_id=new_id("rpt"), review_id=review_id, reason=report.reason)
        try:
            with conn.begin_nested():
                conn.execute(review_reports.insert().values(id=stored.report_id, review_id=review_id,
                                                            account_id=account, reason=report.reason,
                                                            created_at=utcnow()))
        except IntegrityError:
            raise ApiError(422, "already_reported", "this account has already reported this review") from None
        reports = conn.execute(sa.select(sa.func.count()).select_from(review_reports)
                               .where(review_reports.c.review_id == review_id)).scalar_one()
        if reports >= HIDE_AFTER:
            hidden = conn.execute(reviews.update().where(reviews.c.id == review_id, reviews.c.hidden_at.is_(None))
                                  .values(hidden_at=utcnow()))
            if hidden.rowcount == 1:
                conn.execute(products.update().where(products.c.id == row.product_id)
                             .values(**_rating_change(row.rating, -1)))
        return 201, stored

    return op.apply(effect)
