"""reviews.fingerprint_rank: the fingerprint is unique too, within a listing

Two reviews of one listing may share a fingerprint (two anonymous « Super ! », 5 stars, no
date): each gets its rank among them, and (listing, fingerprint, rank) is unique. Two imports
that both decide a review is new then collide instead of storing it twice.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(
            sa.Column("fingerprint_rank", sa.Integer(), nullable=False, server_default="1")
        )
    # existing databases: rank look-alikes by age (a window function: SQLite 3.25+, PostgreSQL)
    op.execute(
        """
        UPDATE reviews SET fingerprint_rank = (
            SELECT ranked.rank FROM (
                SELECT id, ROW_NUMBER() OVER (PARTITION BY location_id, fingerprint ORDER BY id) AS rank
                FROM reviews
            ) AS ranked WHERE ranked.id = reviews.id
        )
        """
    )
    # a unique index, not a constraint: SQLite adds it without rebuilding the table
    op.create_index(
        "uq_review_fingerprint",
        "reviews",
        ["location_id", "fingerprint", "fingerprint_rank"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_review_fingerprint", table_name="reviews")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("fingerprint_rank")
