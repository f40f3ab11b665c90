"""Postings to vacancies, with their history, and vacancies to occupations."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import pandas as pd
import sqlalchemy as sa

from vacatures.config import RunContext
from vacatures.steps.common import (
    StepResult,
    open_on,
    warehouse_engine,
)
from warehouse import models as m
from warehouse.history import (
    TRACKED_VACANCY_FIELDS,
    content_hash,
    merge_history,
    vacancy_changes,
)
from warehouse.load import (
    read_frame,
    update_rows,
    upsert_rows,
)

__all__ = ["classify", "dedupe"]

log = logging.getLogger(__name__)


_GOLDEN_TO_VACANCY = {
    "hours_min": "hours_min_per_week",
    "hours_max": "hours_max_per_week",
    "salary_min": "salary_min_eur",
    "salary_max": "salary_max_eur",
}
_OCCUPATION_COLUMNS = (
    "isco08",
    "esco_uri",
    "occupation_label",
    "occupation_matched_label",
    "occupation_score",
    "occupation_taxonomy_version",
)


def _postings_with_source(connection: sa.Connection, where: Any) -> pd.DataFrame:
    query = (
        sa.select(m.core_postings, m.core_boards.c.source_type)
        .join(
            m.core_boards,
            m.core_boards.c.board == m.core_postings.c.board,
            isouter=True,
        )
        .where(where)
    )
    postings = read_frame(connection, query)
    postings["source_type"] = postings["source_type"].fillna("board")
    return postings


def dedupe(ctx: RunContext) -> StepResult:
    """Assign tonight's postings to vacancies and rebuild the touched vacancies.

    Postings already linked keep their vacancy; new postings are matched
    against the open vacancies, or start new ones. Each vacancy seen tonight
    gets its golden record from tonight's postings, changed fields are kept,
    and open vacancies with no active posting left are closed.
    """
    from transforms.dedupe import golden_records, match_postings

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        tonight = _postings_with_source(
            connection, m.core_postings.c.last_seen_date == ctx.run_date
        )
        fresh = tonight[tonight["vacancy_id"].isna()]
        open_ids = sa.select(m.core_vacancies.c.vacancy_id).where(
            m.core_vacancies.c.is_open
        )
        known = _postings_with_source(
            connection, m.core_postings.c.vacancy_id.in_(open_ids)
        )
        if not fresh.empty:
            assignment = match_postings(fresh.drop(columns=["vacancy_id"]), known)
            links = assignment.merge(fresh[["posting_id", "board"]], on="posting_id")
            links["linked_date"] = ctx.run_date
            upsert_rows(
                connection,
                m.core_vacancy_postings,
                links,
                key=["posting_id"],
                update=[],
            )
            update_rows(
                connection,
                m.core_postings,
                assignment[["posting_id", "vacancy_id"]],
                key=["posting_id"],
            )
            assigned = assignment.set_index("posting_id")["vacancy_id"]
            tonight["vacancy_id"] = tonight["vacancy_id"].fillna(
                tonight["posting_id"].map(assigned)
            )
        tonight = tonight[tonight["vacancy_id"].notna()]
        vacancies = _golden_vacancies(connection, tonight, golden_records)
        stored = read_frame(
            connection,
            sa.select(m.core_vacancies).where(
                m.core_vacancies.c.vacancy_id.in_(vacancies["vacancy_id"].tolist())
            ),
        )
        changes = vacancy_changes(vacancies, stored, run_date=ctx.run_date)
        merged = merge_history(
            vacancies,
            stored,
            key="vacancy_id",
            run_date=ctx.run_date,
            keep=_OCCUPATION_COLUMNS,
        )
        retitled = merged["vacancy_id"].isin(
            changes.loc[changes["field_name"] == "title", "vacancy_id"]
        )
        merged.loc[retitled, list(_OCCUPATION_COLUMNS)] = None
        # Seen tonight opens a vacancy, unless an older night is replayed
        # after the vacancy was seen later or closed after it: then it keeps
        # the state the newer nights gave it. A vacancy that opens again
        # loses its earlier closed date; the marts count it open in between.
        keeps_state = merged["last_seen_date"] != ctx.run_date
        if not stored.empty:
            state = stored.set_index("vacancy_id")
            closed_on = merged["vacancy_id"].map(state["closed_date"])
            keeps_state |= closed_on.map(
                lambda day: isinstance(day, dt.date) and day > ctx.run_date
            ).astype(bool)
            for column in ("is_open", "closed_date"):
                merged[column] = merged[column].where(
                    ~keeps_state, merged["vacancy_id"].map(state[column])
                )
        merged["is_open"] = merged["is_open"].where(keeps_state, True).astype(bool)
        merged["closed_date"] = merged["closed_date"].where(keeps_state, None)
        upsert_rows(connection, m.core_vacancies, merged, key=["vacancy_id"])
        upsert_rows(
            connection,
            m.core_vacancy_changes,
            _changes_of_same_source(changes, vacancies, stored),
            key=["vacancy_id", "changed_date", "field_name"],
        )
        closed = _close_vacancies(connection, ctx.run_date)
        night = _night_counts(connection, ctx.run_date)
    log.info(
        "dedupe %s: %s postings linked, %s vacancies closed in this run",
        ctx.run_date,
        len(fresh),
        closed,
    )
    return StepResult(
        rows_in=night.pop("postings_seen"),
        rows_out=night["vacancies_seen"],
        details=night,
    )


def _changes_of_same_source(
    changes: pd.DataFrame, vacancies: pd.DataFrame, stored: pd.DataFrame
) -> pd.DataFrame:
    """Keep the changes of vacancies whose source posting stayed the same.

    When a vacancy's best posting changes (its board took it down, or a
    better source posted it), its fields move to the new posting's wording:
    the fields are updated, but the job did not change, so nothing is kept.
    A real change on the same night as such a switch is missed.
    """
    if changes.empty or stored.empty:
        return changes
    before = stored.set_index("vacancy_id")["source_posting_id"]
    now = vacancies.set_index("vacancy_id")["source_posting_id"]
    same = changes["vacancy_id"].map(before) == changes["vacancy_id"].map(now)
    if not same.all():
        log.info(
            "dedupe: %s vacancies took another source posting; not kept as changes",
            changes.loc[~same, "vacancy_id"].nunique(),
        )
    return changes[same]


def _night_counts(connection: sa.Connection, night: dt.date) -> dict[str, int]:
    """Count the night's postings and vacancies from the stored history.

    The counts follow from the rows, not from what one run did, so a rerun or
    a replay after later nights records the same numbers.
    """
    staged = sa.select(m.staging_postings.c.posting_id).where(
        m.staging_postings.c.run_date == night
    )
    postings, links = m.core_postings, m.core_vacancy_postings
    vacancies, changes = m.core_vacancies, m.core_vacancy_changes

    def count(table: sa.Table, *conditions: Any, what: Any = None) -> int:
        selected = sa.func.count() if what is None else sa.func.count(what)
        query = sa.select(selected).select_from(table).where(*conditions)
        return int(connection.execute(query).scalar_one())

    return {
        "postings_seen": count(postings, postings.c.posting_id.in_(staged)),
        "new_postings": count(
            postings,
            postings.c.posting_id.in_(staged),
            postings.c.first_seen_date == night,
        ),
        "vacancies_seen": count(
            links, links.c.posting_id.in_(staged), what=links.c.vacancy_id.distinct()
        ),
        "vacancies_new": count(vacancies, vacancies.c.first_seen_date == night),
        "vacancies_changed": count(
            changes,
            changes.c.changed_date == night,
            what=changes.c.vacancy_id.distinct(),
        ),
        "vacancies_closed": count(vacancies, vacancies.c.closed_date == night),
        "vacancies_open": count(vacancies, open_on(night)),
    }


def _golden_vacancies(
    connection: sa.Connection,
    postings: pd.DataFrame,
    golden_records: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame],
) -> pd.DataFrame:
    assignment = postings[["posting_id", "vacancy_id"]]
    golden = golden_records(postings.drop(columns=["vacancy_id"]), assignment)
    golden = golden.rename(
        columns={"posting_id": "source_posting_id", **_GOLDEN_TO_VACANCY}
    )
    source = postings.set_index("posting_id")
    for column in ("employer_id", "location_id", "url"):
        golden[column] = golden["source_posting_id"].map(source[column])
    municipalities = read_frame(
        connection,
        sa.select(m.core_locations.c.location_id, m.core_locations.c.municipality),
    ).set_index("location_id")["municipality"]
    golden["municipality"] = golden["location_id"].map(municipalities)
    golden["n_postings"] = golden["vacancy_id"].map(
        postings.groupby("vacancy_id").size()
    )
    golden["n_boards"] = golden["vacancy_id"].map(
        postings.groupby("vacancy_id")["board"].nunique()
    )
    golden["date_posted"] = golden["vacancy_id"].map(
        postings.groupby("vacancy_id")["date_posted"].min()
    )
    golden["content_hash"] = content_hash(golden, TRACKED_VACANCY_FIELDS)
    golden["is_open"] = True
    golden["closed_date"] = None
    columns = [c.name for c in m.core_vacancies.columns]
    return golden[[c for c in columns if c in golden.columns]]


def _close_vacancies(connection: sa.Connection, run_date: dt.date) -> int:
    """Close open vacancies none of whose postings is active any more."""
    active = (
        sa.select(m.core_postings.c.vacancy_id)
        .where(m.core_postings.c.is_active)
        .where(m.core_postings.c.vacancy_id.is_not(None))
    )
    result = connection.execute(
        m.core_vacancies.update()
        .where(m.core_vacancies.c.is_open)
        .where(m.core_vacancies.c.last_seen_date < run_date)
        .where(m.core_vacancies.c.vacancy_id.not_in(active))
        .values(is_open=False, closed_date=run_date)
    )
    return int(result.rowcount or 0)


def classify(ctx: RunContext) -> StepResult:
    """Code open vacancies to occupations where the taxonomy or title changed.

    Vacancies coded with the current taxonomy version and unchanged titles
    keep their codes; the coder works on distinct titles.
    """
    from transforms.occupations import starter_taxonomy
    from transforms.occupations.store import load_taxonomy

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        taxonomy = load_taxonomy(engine) or starter_taxonomy()
        todo = read_frame(
            connection,
            sa.select(
                m.core_vacancies.c.vacancy_id,
                m.core_vacancies.c.title,
                m.core_vacancies.c.employer,
                m.core_vacancies.c.description,
            )
            .where(m.core_vacancies.c.is_open)
            .where(
                m.core_vacancies.c.occupation_taxonomy_version.is_distinct_from(
                    taxonomy.version
                )
            ),
        )
        if not todo.empty:
            _code_vacancies(connection, todo, taxonomy)
        n_open, n_coded = connection.execute(
            sa.select(sa.func.count(), sa.func.count(m.core_vacancies.c.isco08)).where(
                open_on(ctx.run_date)
            )
        ).one()
    log.info("classify %s: %s vacancies coded in this run", ctx.run_date, len(todo))
    return StepResult(
        rows_in=n_open,
        rows_out=n_coded,
        details={
            "taxonomy_version": taxonomy.version,
            "abstained": n_open - n_coded,
            "coded_share": round(n_coded / n_open, 4) if n_open else None,
        },
    )


def _code_vacancies(
    connection: sa.Connection, todo: pd.DataFrame, taxonomy: Any
) -> None:
    from transforms.occupations import OccupationCoder

    frame = todo.rename(columns={"vacancy_id": "id", "employer": "company"})
    coded = OccupationCoder(taxonomy).classify(frame)
    coded = coded.rename(
        columns={
            "id": "vacancy_id",
            "score": "occupation_score",
            "matched_label": "occupation_matched_label",
        }
    )
    coded["occupation_taxonomy_version"] = taxonomy.version
    for column in ("isco08", "esco_uri", "occupation_label"):
        coded[column] = coded[column].replace("", None)
    update_rows(
        connection,
        m.core_vacancies,
        coded[["vacancy_id", *_OCCUPATION_COLUMNS]],
        key=["vacancy_id"],
    )
