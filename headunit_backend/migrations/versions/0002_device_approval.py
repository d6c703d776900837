"""Device approval, revocation, token replacement, account key rotation and pairing codes.

Devices registered before this revision stay approved (the column's server default).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("key_rotated_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("status", sa.String(length=10), server_default="approved", nullable=False))
        batch.add_column(sa.Column("approved_by", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("next_token_hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_devices_next_token_hash", ["next_token_hash"])
    op.create_table("pairing_codes",
                    sa.Column("code_hash", sa.String(length=64), nullable=False),
                    sa.Column("account_id", sa.String(length=40), nullable=False),
                    sa.Column("created_by", sa.String(length=40), nullable=False),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.Column("expires_at", sa.DateTime(), nullable=False),
                    sa.Column("used_at", sa.DateTime(), nullable=True),
                    sa.Column("used_by", sa.String(length=40), nullable=True),
                    sa.ForeignKeyConstraint(["account_id"], ["accounts.id"]),
                    sa.ForeignKeyConstraint(["created_by"], ["devices.id"]),
                    sa.PrimaryKeyConstraint("code_hash"))
    op.create_index(op.f("ix_pairing_codes_account_id"), "pairing_codes", ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pairing_codes_account_id"), table_name="pairing_codes")
    op.drop_table("pairing_codes")
    with op.batch_alter_table("devices") as batch:
        batch.drop_constraint("uq_devices_next_token_hash", type_="unique")
        batch.drop_column("next_token_hash")
        batch.drop_column("revoked_at")
        batch.drop_column("approved_by")
        batch.drop_column("status")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("key_rotated_at")
