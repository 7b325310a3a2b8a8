"""classifications.needs_check / check_reason and reviews.needs_check: « à vérifier »

The classifier says when it cannot clear a review as lawful (a sentence shaped like an
accusation, contempt aimed at a person). The flag is stored with each classification, with
its French reason, and denormalised on the review so the queue sorts those reviews with the
legal cases without a join.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN on both SQLite and PostgreSQL: no table rebuild, foreign keys untouched
    false = sa.text("false") if op.get_bind().dialect.name == "postgresql" else sa.text("0")
    op.add_column(
        "classifications",
        sa.Column("needs_check", sa.Boolean(), nullable=False, server_default=false),
    )
    op.add_column("classifications", sa.Column("check_reason", sa.Text(), nullable=True))
    op.add_column(
        "reviews", sa.Column("needs_check", sa.Boolean(), nullable=False, server_default=false)
    )
    op.create_index("ix_reviews_needs_check", "reviews", ["needs_check"])


def downgrade() -> None:
    op.drop_index("ix_reviews_needs_check", table_name="reviews")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("needs_check")
    with op.batch_alter_table("classifications") as batch:
        batch.drop_column("check_reason")
        batch.drop_column("needs_check")
