"""removal_requests: requests filed with Google and their decisions

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from responders.timeutil import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "removal_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("review_id", sa.Integer(), sa.ForeignKey("reviews.id"), nullable=False),
        sa.Column("route", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("submitted_by", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("decision", sa.String(length=20), nullable=False, server_default="pending"),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_by", sa.String(length=200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_removal_requests_review_id", "removal_requests", ["review_id"])
    op.create_index("ix_removal_requests_decision", "removal_requests", ["decision"])


def downgrade() -> None:
    op.drop_index("ix_removal_requests_decision", table_name="removal_requests")
    op.drop_index("ix_removal_requests_review_id", table_name="removal_requests")
    op.drop_table("removal_requests")
