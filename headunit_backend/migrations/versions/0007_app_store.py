"""The app store: apps (ratings), app_versions (each published package with its listing, revoked or not) and
app_metadata (every signed version of the TUF roles, served as the catalog).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("apps",
                    sa.Column("id", sa.String(length=150), nullable=False),
                    sa.Column("rating_sum", sa.Integer(), server_default="0", nullable=False),
                    sa.Column("rating_count", sa.Integer(), server_default="0", nullable=False),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint("id"))
    op.create_table("app_metadata",
                    sa.Column("role", sa.String(length=20), nullable=False),
                    sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column("body", sa.LargeBinary(), nullable=False),
                    sa.Column("expires", sa.DateTime(), nullable=False),
                    sa.Column("created_at", sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint("role", "version"))
    op.create_table("app_versions",
                    sa.Column("app_id", sa.String(length=150), nullable=False),
                    sa.Column("version", sa.String(length=80), nullable=False),
                    sa.Column("filename", sa.String(length=250), nullable=False),
                    sa.Column("length", sa.BigInteger(), nullable=False),
                    sa.Column("sha256", sa.String(length=64), nullable=False),
                    sa.Column("content", sa.LargeBinary(), nullable=False),
                    sa.Column("listing_json", sa.Text(), nullable=False),
                    sa.Column("published_at", sa.DateTime(), nullable=False),
                    sa.Column("revoked_at", sa.DateTime(), nullable=True),
                    sa.Column("revoked_reason", sa.Text(), nullable=True),
                    sa.ForeignKeyConstraint(["app_id"], ["apps.id"]),
                    sa.PrimaryKeyConstraint("app_id", "version"),
                    sa.UniqueConstraint("filename"))


def downgrade() -> None:
    op.drop_table("app_versions")
    op.drop_table("app_metadata")
    op.drop_table("apps")
