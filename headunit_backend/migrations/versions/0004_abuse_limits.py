"""Abuse limits: rate-limit counters, one review per account and product, and an index for sweeping old
idempotency rows.

A database whose accounts already reviewed a product twice keeps its newest review of each and drops the
others from the product's rating, so the unique index can be built.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("rate_limits",
                    sa.Column("key", sa.String(length=200), nullable=False),
                    sa.Column("window_start", sa.BigInteger(), nullable=False),
                    sa.Column("expires_at", sa.BigInteger(), nullable=False),
                    sa.Column("count", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("key"))
    op.create_index("ix_operations_created_at", "operations", ["created_at"], unique=False)
    _drop_duplicate_reviews()
    op.create_index("uq_reviews_account_product", "reviews", ["account_id", "product_id"], unique=True)


def _drop_duplicate_reviews() -> None:
    conn = op.get_bind()
    duplicates = conn.execute(sa.text(
        "SELECT r.id, r.product_id, r.rating FROM reviews r WHERE r.account_id IS NOT NULL AND EXISTS ("
        " SELECT 1 FROM reviews newer WHERE newer.account_id = r.account_id AND newer.product_id = r.product_id"
        " AND (newer.created_at > r.created_at OR (newer.created_at = r.created_at AND newer.id > r.id)))")).all()
    for review in duplicates:
        conn.execute(sa.text("UPDATE products SET rating_sum = rating_sum - :rating, rating_count = rating_count - 1 "
                             "WHERE id = :product"), {"rating": review.rating, "product": review.product_id})
        conn.execute(sa.text("DELETE FROM reviews WHERE id = :id"), {"id": review.id})


def downgrade() -> None:
    op.drop_index("uq_reviews_account_product", table_name="reviews")
    op.drop_index("ix_operations_created_at", table_name="operations")
    op.drop_table("rate_limits")
