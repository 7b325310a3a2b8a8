"""classifications.needs_check / check_reason and reviews.needs_check: « à vérifier »

The classifier says when it cannot clear a review as lawful (a sentence shaped like an
accusation, contempt aimed at a person). The flag is stored with each classification, with
its French reason, and denormalised on the review so the queue sorts those reviews with the
legal cases without a join.

Revision ID: 0003_check
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_check"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("classifications") as batch:
        batch.add_column(sa.Column("needs_check", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("check_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("needs_check", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_index("ix_reviews_needs_check", ["needs_check"])


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_index("ix_reviews_needs_check")
        batch.drop_column("needs_check")
    with op.batch_alter_table("classifications") as batch:
        batch.drop_column("check_reason")
        batch.drop_column("needs_check")
