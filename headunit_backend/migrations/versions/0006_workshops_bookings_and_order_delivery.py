"""Workshops, bookings and order delivery: the bookings table (an order's installation slot at a partner
workshop) and `orders.delivery_json`. Orders placed before keep a NULL delivery (read as no delivery asked).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("bookings",
                    sa.Column("id", sa.String(length=40), nullable=False),
                    sa.Column("account_id", sa.String(length=40), nullable=False),
                    sa.Column("order_id", sa.String(length=40), nullable=False),
                    sa.Column("workshop_id", sa.String(length=60), nullable=False),
                    sa.Column("start", sa.DateTime(), nullable=False),
                    sa.Column("end", sa.DateTime(), nullable=False),
                    sa.Column("status", sa.String(length=10), nullable=False),
                    sa.Column("moved_from", sa.DateTime(), nullable=True),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.Column("updated_at", sa.DateTime(), nullable=False),
                    sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]),
                    sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
                    sa.PrimaryKeyConstraint("id"),
                    sa.UniqueConstraint("order_id"))
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bookings_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_bookings_workshop_start", ["workshop_id", "start"], unique=False)

    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivery_json", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("delivery_json")
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_index("ix_bookings_workshop_start")
        batch_op.drop_index(batch_op.f("ix_bookings_account_id"))
    op.drop_table("bookings")
