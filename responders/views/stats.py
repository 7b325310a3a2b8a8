"""Figures for the clinic manager: ratings over time, labels per week, replies."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Integer, Select, cast, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from responders.store.models import AuditEvent, Location, Review, ReviewRevision
from responders.vocabulary import LABEL_FR, AuditAction


def _raw_rows(session: Session, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Rows straight from the database driver: at 100,000 rows, SQLAlchemy's per-row result
    processing costs more than the query itself. Only for queries with literal, trusted
    parameters (ids), as they are rendered inline."""
    connection = session.connection()
    sql = str(query.compile(connection.engine, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _epoch(column: Any, dialect: str) -> Any:
    """Seconds since 1970 computed by the database: numbers convert in bulk, datetimes do not."""
    if dialect == "sqlite":
        return cast(func.strftime("%s", column), Integer)
    return func.extract("epoch", column)


def reviews_frame(session: Session, location_ids: tuple[int, ...] = ()) -> pd.DataFrame:
    names = {
        loc.id: (loc.name or "").strip() or loc.key for loc in session.exec(select(Location)).all()
    }
    dialect = session.connection().dialect.name
    query = sa_select(
        col(Review.id),
        col(Review.location_id),
        col(Review.rating),
        _epoch(col(Review.created_at), dialect),
        col(Review.label),
        _epoch(col(ReviewRevision.owner_reply_at), dialect),
    ).outerjoin(ReviewRevision, col(ReviewRevision.id) == col(Review.current_revision_id))
    if location_ids:
        query = query.where(col(Review.location_id).in_([int(i) for i in location_ids]))
    frame = pd.DataFrame(
        _raw_rows(session, query),
        columns=[
            "review_id",
            "location_id",
            "rating",
            "created_at",
            "label",
            "owner_reply_at",
        ],
    )
    frame["location"] = frame["location_id"].map(names)
    frame["rating"] = pd.to_numeric(frame["rating"])
    for column in ("created_at", "owner_reply_at"):
        seconds = pd.to_numeric(frame[column]).astype(float)
        # pandas times stop in 2262: a corrupt year-9999 date is left out of the charts
        seconds = seconds.where(seconds.abs() < 9.2e9)
        frame[column] = pd.to_datetime(seconds, unit="s", utc=True)
    replied_here = (
        select(col(AuditEvent.review_id), func.min(col(AuditEvent.at)))
        .where(col(AuditEvent.action) == AuditAction.REPLY_COPIED)
        .group_by(col(AuditEvent.review_id))
    )
    copied = dict(session.execute(replied_here).all())
    frame["copied_at"] = pd.to_datetime(frame["review_id"].map(copied), utc=True)
    frame["replied_at"] = frame["owner_reply_at"].fillna(frame["copied_at"])
    return frame


def _week(series: pd.Series) -> pd.Series:
    return series.dt.tz_convert(None).dt.to_period("W-SUN").dt.start_time


def rating_over_time(frame: pd.DataFrame) -> pd.DataFrame:
    """Monthly average stars per location (rating-less reviews ignored)."""
    rated = frame.dropna(subset=["rating", "created_at"])
    if rated.empty:
        return pd.DataFrame()
    month = rated["created_at"].dt.tz_convert(None).dt.to_period("M").dt.start_time
    table = rated.assign(mois=month).pivot_table(
        index="mois", columns="location", values="rating", aggfunc="mean"
    )
    return table.round(2)


def labels_per_week(frame: pd.DataFrame) -> pd.DataFrame:
    dated = frame.dropna(subset=["created_at"])
    if dated.empty:
        return pd.DataFrame()
    labelled = dated.assign(
        semaine=_week(dated["created_at"]),
        catégorie=dated["label"].map(LABEL_FR).fillna("Non classé"),
    )
    return labelled.pivot_table(
        index="semaine", columns="catégorie", values="review_id", aggfunc="count", fill_value=0
    )


def reply_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per location: reviews, reply rate, median days to reply."""
    if frame.empty:
        return pd.DataFrame(
            columns=["Établissement", "Avis", "Taux de réponse", "Délai médian (jours)"]
        )
    delay = (frame["replied_at"] - frame["created_at"]).dt.total_seconds() / 86400
    work = frame.assign(replied=frame["replied_at"].notna(), delay=delay)
    grouped = work.groupby("location")
    summary = pd.DataFrame(
        {
            "Avis": grouped.size(),
            "Taux de réponse": (grouped["replied"].mean() * 100).round(1),
            "Délai médian (jours)": grouped["delay"].median().round(1),
            "Note moyenne": grouped["rating"].mean().round(2),
        }
    )
    return summary.reset_index().rename(columns={"location": "Établissement"})


FRENCH_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def month_label(moment: Any) -> str:
    """« nov. 2026 »: month names are ours, so charts never show English ones."""
    return f"{FRENCH_MONTHS[moment.month - 1]} {moment.year}"


def week_label(moment: Any) -> str:
    """« sem. du 2 nov. 2026 »."""
    return f"sem. du {moment.day} {FRENCH_MONTHS[moment.month - 1]} {moment.year}"


def long_for_chart(
    table: pd.DataFrame, labeller: Any, *, x: str, series: str, value: str
) -> tuple[pd.DataFrame, list[str]]:
    """A wide table indexed by dates -> (long rows with French period labels, labels in date order),
    for a chart whose x axis is sorted by that order rather than alphabetically."""
    if table.empty:
        return pd.DataFrame(columns=[x, series, value]), []
    order = [labeller(moment) for moment in table.index]
    long = (
        table.set_axis(order)
        .rename_axis(x)
        .reset_index()
        .melt(id_vars=x, var_name=series, value_name=value)
    )
    return long.dropna(subset=[value]), order
