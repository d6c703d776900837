"""Revision 0005 on a catalog of the release before: fitment becomes records, ratings get a histogram, the
seed names the brand, and the reviews and ratings that were there stay."""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import command

from headunit_backend import migrate
from headunit_backend.app import prepare_database
from headunit_backend.db import Database, products, reviews


def catalog_at_0004(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), "0004")
        conn.execute(sa.text("INSERT INTO categories (id, name, position) VALUES ('wiper-blades', 'Wiper blades', 0)"))
        for product_id, fitment, rating_sum, count in [
                ("bosch-aerotwin-a863s",
                 [{"make": "Volkswagen", "model": "Golf", "year_from": 2012, "year_to": 2020}], 1006, 214),
                ("shop-own-blade",
                 [{"make": "Volkswagen", "model": "Golf", "year_from": 2019, "year_to": None}], 0, 0)]:
            conn.execute(sa.text(
                "INSERT INTO products (id, category_id, name, description, price_cents, currency, stock, "
                "rating_sum, rating_count, universal, fitment_json, position) VALUES (:id, 'wiper-blades', :name, "
                "'', 1999, 'EUR', 5, :sum, :count, false, :fitment, 0)"),
                {"id": product_id, "name": f"Shop name of {product_id}", "sum": rating_sum, "count": count,
                 "fitment": json.dumps(fitment)})
        conn.execute(sa.text("INSERT INTO reviews (id, product_id, account_id, rating, text, created_at) VALUES "
                             "('rev_old', 'bosch-aerotwin-a863s', NULL, 5, 'Still good.', '2026-01-01 10:00:00')"))
    engine.dispose()


def test_a_catalog_from_the_release_before_is_converted(db_url):
    catalog_at_0004(db_url)
    db = Database(db_url)

    prepare_database(db)

    with db.read() as conn:
        rows = {row.id: row for row in conn.execute(sa.select(products)).all()}
        old_review = conn.execute(sa.select(reviews).where(reviews.c.id == "rev_old")).one()
    wipers, own = rows["bosch-aerotwin-a863s"], rows["shop-own-blade"]
    assert json.loads(wipers.fitment_json) == [{"make": "Volkswagen", "model": "Golf", "years": [2012, 2020]}]
    assert json.loads(own.fitment_json) == [{"make": "Volkswagen", "model": "Golf", "years": [2019, None]}]
    assert wipers.name == "Shop name of bosch-aerotwin-a863s" and wipers.price_cents == 1999  # the shop's, kept
    assert wipers.brand == "Bosch" and wipers.part_number  # named by the seed
    assert own.brand == ""  # not in the seed: named by the shop's next import
    stars = [getattr(wipers, f"stars_{s}") for s in range(1, 6)]
    assert sum(stars) == wipers.rating_count == 214 and stars[4] > stars[3] > stars[0]
    assert abs(wipers.rating_sum / wipers.rating_count - 1006 / 214) < 0.05
    assert own.updated_at is not None and sum(getattr(own, f"stars_{s}") for s in range(1, 6)) == 0
    assert (old_review.verified_purchase, old_review.vehicle, old_review.hidden_at) == (False, None, None)
    assert len(rows) > 100  # the rest of the demo catalog was added
    db.dispose()
