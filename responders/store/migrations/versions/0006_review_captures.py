"""review_captures: files attached to a review (screenshots), kept with their SHA-256

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import responders.timeutil

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_captures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", responders.timeutil.UTCDateTime(timezone=True), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_review_captures_review_id", "review_captures", ["review_id"])
    op.create_index("ix_review_captures_sha256", "review_captures", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_review_captures_sha256", table_name="review_captures")
    op.drop_index("ix_review_captures_review_id", table_name="review_captures")
    op.drop_table("review_captures")
