"""reviews.label: the current label, denormalised for the dashboard

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
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("label", sa.String(length=20), nullable=True))
        batch.create_index("ix_reviews_label", ["label"])
    # existing databases: take each review's newest classification
    op.execute(
        """
        UPDATE reviews SET label = (
            SELECT c.label FROM classifications c
            WHERE c.review_id = reviews.id ORDER BY c.id DESC LIMIT 1
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_index("ix_reviews_label")
        batch.drop_column("label")
