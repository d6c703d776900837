"""Catalog fitment records and review reports.

Products gain brand, part number, fitting time, a rating histogram (ratings per star count) and
`updated_at`, the catalog sync's cursor. Their fitment becomes records in the parts trade's shape
(`{"make", "model", "years": [from, to]}` instead of `year_from`/`year_to`). Reviews gain the reviewer's
vehicle, whether the account bought the product, and when reports hid them; `review_reports` holds the
reports, one per account and review.

An existing product's histogram is made up from its average and count (the individual ratings were never
kept), with the same J-shaped spread the seed uses. Brands start empty: the seed names those of the demo
products at the next start, an import those of a shop's own.

Only columns are added (no table is rebuilt): on SQLite a rebuild of `products` would trip the foreign keys
of its reviews inside the migration's transaction. So `updated_at` comes with a constant server default for the
existing rows (SQLite adds no column with a NOT NULL and no default), which the conversion overwrites at
once; PostgreSQL drops the default again, SQLite keeps it (harmless: every insert sets the column).

Revision ID: 0005
Revises: 0004
"""

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("review_reports",
                    sa.Column("id", sa.String(length=40), nullable=False),
                    sa.Column("review_id", sa.String(length=40), nullable=False),
                    sa.Column("account_id", sa.String(length=40), nullable=False),
                    sa.Column("reason", sa.String(length=20), nullable=False),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]),
                    sa.ForeignKeyConstraint(["review_id"], ["reviews.id"]),
                    sa.PrimaryKeyConstraint("id"),
                    sa.UniqueConstraint("review_id", "account_id", name="uq_review_reports_review_account"))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("brand", sa.String(length=80), server_default="", nullable=False))
        batch.add_column(sa.Column("part_number", sa.String(length=60), nullable=True))
        batch.add_column(sa.Column("fitting_minutes", sa.Integer(), nullable=True))
        for stars in range(1, 6):
            batch.add_column(sa.Column(f"stars_{stars}", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("updated_at", sa.DateTime(), nullable=False,
                                   server_default="2000-01-01 00:00:00"))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("products", "updated_at", server_default=None)
    _convert_products(now)
    op.create_index("ix_products_updated_at_id", "products", ["updated_at", "id"], unique=False)
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("vehicle", sa.String(length=80), nullable=True))
        # A literal "0" on SQLite: an expression default would make batch mode rebuild the table.
        false = "0" if op.get_bind().dialect.name == "sqlite" else sa.false()
        batch.add_column(sa.Column("verified_purchase", sa.Boolean(), server_default=false, nullable=False))
        batch.add_column(sa.Column("hidden_at", sa.DateTime(), nullable=True))


def _convert_products(now: dt.datetime) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, fitment_json, rating_sum, rating_count FROM products")).all()
    for row in rows:
        counts = spread(row.rating_sum, row.rating_count)
        conn.execute(sa.text(
            "UPDATE products SET fitment_json = :fitment, updated_at = :now, rating_sum = :sum, "
            "stars_1 = :s1, stars_2 = :s2, stars_3 = :s3, stars_4 = :s4, stars_5 = :s5 WHERE id = :id")
            .bindparams(sa.bindparam("now", type_=sa.DateTime())),
            {"id": row.id, "fitment": json.dumps([_record(f) for f in json.loads(row.fitment_json)]),
             "now": now,
             "sum": sum(stars * n for stars, n in zip(range(1, 6), counts, strict=True)),
             **{f"s{stars}": n for stars, n in zip(range(1, 6), counts, strict=True)}})


def _record(old: dict) -> dict:
    if "year_from" not in old:
        return old
    return {"make": old["make"], "model": old["model"], "years": [old["year_from"], old.get("year_to")]}


def spread(total: int, count: int) -> list[int]:
    """Ratings per star (1 to 5) for `count` ratings adding up to about `total`: most 5s, fewer of each
    lower star, like real shop ratings. (A copy of `headunit_backend.catalog_seed.spread`, frozen here.)"""
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


def downgrade() -> None:
    conn = op.get_bind()
    for row in conn.execute(sa.text("SELECT id, fitment_json FROM products")).all():
        old = [{"make": f["make"], "model": f.get("model", ""), "year_from": (f.get("years") or [1900, None])[0],
                "year_to": (f.get("years") or [1900, None])[1]} for f in json.loads(row.fitment_json) if "make" in f]
        conn.execute(sa.text("UPDATE products SET fitment_json = :fitment WHERE id = :id"),
                     {"id": row.id, "fitment": json.dumps(old)})
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("hidden_at")
        batch.drop_column("verified_purchase")
        batch.drop_column("vehicle")
    op.drop_index("ix_products_updated_at_id", table_name="products")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("updated_at")
        for stars in range(5, 0, -1):
            batch.drop_column(f"stars_{stars}")
        batch.drop_column("fitting_minutes")
        batch.drop_column("part_number")
        batch.drop_column("brand")
    op.drop_table("review_reports")
