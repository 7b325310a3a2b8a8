"""location_aliases: one listing, many source ids; Québec knowledge dates no longer default
to the import day

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

import responders.timeutil

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "location_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=400), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("created_at", responders.timeutil.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_location_aliases_alias", "location_aliases", ["alias"], unique=True)
    op.create_index("ix_location_aliases_location_id", "location_aliases", ["location_id"])
    # The importer used to write the import day as the date of knowledge. Only a date someone
    # set (a journal event says so) is a real one; the others now count from publication.
    op.execute(
        """
        UPDATE reviews SET knowledge_date = NULL
        WHERE id NOT IN (
            SELECT review_id FROM audit_events
            WHERE action = 'knowledge_date' AND review_id IS NOT NULL
        )
        """
    )


def downgrade() -> None:
    op.drop_index("ix_location_aliases_location_id", table_name="location_aliases")
    op.drop_index("ix_location_aliases_alias", table_name="location_aliases")
    op.drop_table("location_aliases")
