"""The nightly pipeline's steps and their order, written down once.

Each step is a plain function of a :class:`~vacatures.config.RunContext`. It
reads the partition of the context's night and writes in one transaction with
delete-then-insert or upserts, so a retry or a rerun gives the same rows. The
Airflow DAG wraps each step in a task; ``vacatures run`` calls them in order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from vacatures.config import RunContext
from vacatures.errors import UserError
from vacatures.order import STEP_ORDER
from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.history import (
    TRACKED_VACANCY_FIELDS,
    content_hash,
    merge_history,
    vacancy_changes,
)
from warehouse.load import (
    insert_rows,
    read_frame,
    replace_rows,
    update_rows,
    upsert_rows,
)

__all__ = [
    "STEPS",
    "StepResult",
    "check",
    "classify",
    "crawl",
    "dedupe",
    "enrich",
    "integrate",
    "prepare",
    "publish",
    "report",
    "run_night",
    "run_step",
    "stage",
    "warehouse_engine",
]

log = logging.getLogger(__name__)

#: Posting fields whose change makes a posting's content hash change.
_POSTING_CONTENT = (
    "title",
    "employer",
    "location",
    "description",
    "employment_type",
    "hours_min",
    "hours_max",
    "salary_min",
    "salary_max",
    "salary_period",
    "education_level",
    "valid_through",
    "apply_url",
)


@dataclass
class StepResult:
    """What a step did: rows in and out, and counts worth reporting."""

    rows_in: int = 0
    rows_out: int = 0
    details: dict[str, Any] = field(default_factory=dict)


@contextmanager
def warehouse_engine(ctx: RunContext) -> Iterator[Engine]:
    """Open the warehouse of ``ctx`` for one step and release it afterwards.

    The embedded file allows one writing process at a time, so a step holds
    it only while it runs.
    """
    engine = get_engine(ctx.warehouse_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _stable_id(prefix: str, values: pd.Series) -> pd.Series:
    return values.map(
        lambda text: (
            prefix
            + hashlib.sha1(
                str(text).encode("utf-8"), usedforsecurity=False
            ).hexdigest()[:16]
        )
    )


# --- steps ----------------------------------------------------------------------


def prepare(ctx: RunContext) -> StepResult:
    """Create or upgrade the warehouse schema and rebuild the marts views."""
    from warehouse.views import create_views

    with warehouse_engine(ctx) as engine:
        migrate(engine)
        views = create_views(engine)
    return StepResult(details={"views": views})


def _landed_ok(partition: Path, board: str) -> bool:
    stats = partition / f"{board}.stats.json"
    if not stats.is_file() or not (partition / f"{board}.jsonl").is_file():
        return False
    try:
        return json.loads(stats.read_text(encoding="utf-8")).get("status") == "ok"
    except ValueError:
        return False


def _record_missing(partition: Path, board: str, run_date: dt.date) -> None:
    from spiders.stats import write_atomically

    stats = {
        "board": board,
        "run_date": run_date.isoformat(),
        "status": "missing",
        "error": "nothing landed for this night, and a past night is not crawled",
        "pages_fetched": 0,
        "postings_emitted": 0,
        "failures": {"not_landed": 1},
    }
    write_atomically(partition / f"{board}.stats.json", json.dumps(stats) + "\n")


def crawl(
    ctx: RunContext,
    *,
    boards: Sequence[str] | None = None,
    force: bool = False,
    live: bool = True,
) -> StepResult:
    """Crawl the registry's boards into tonight's landing folder.

    A board whose crawl already landed completely tonight is not crawled
    again unless ``force`` is set: the landing area is replayed, not
    refetched, so rerunning a night gives the same rows. A past night (a
    backfill) is never crawled, since the boards show today's vacancies:
    with ``live`` false, a board that landed nothing that night is recorded
    as ``missing`` in its stats file instead.

    Parameters
    ----------
    ctx : RunContext
        The night.
    boards : sequence of str, optional
        Names of the boards to crawl; every enabled board when not given.
    force : bool
        Crawl again even when tonight's files are complete.
    live : bool
        Whether the boards may be fetched; false when replaying a past night.

    Returns
    -------
    StepResult
        Postings landed per board in ``details["postings"]``, boards replayed
        in ``details["replayed"]`` and boards with nothing landed on a past
        night in ``details["missing"]``.
    """
    from spiders.crawl import crawl_boards
    from spiders.registry import load_registry

    registry = load_registry(ctx.registry_path)
    chosen = [board for board in registry.boards if board.enabled]
    if boards is not None:
        unknown = set(boards) - {board.name for board in registry.boards}
        if unknown:
            raise UserError(f"not in the registry: {', '.join(sorted(unknown))}")
        chosen = [board for board in registry.boards if board.name in set(boards)]
    partition = ctx.landing_partition
    partition.mkdir(parents=True, exist_ok=True)
    replayed, missing, to_crawl = [], [], []
    for board in chosen:
        if not force and _landed_ok(partition, board.name):
            replayed.append(board.name)
        elif not live:
            if (partition / f"{board.name}.jsonl").is_file():
                replayed.append(board.name)
            else:
                _record_missing(partition, board.name, ctx.run_date)
                missing.append(board.name)
        else:
            to_crawl.append(board)
    crawled = crawl_boards(
        to_crawl,
        partition,
        run_date=ctx.run_date,
        state_dir=ctx.state_dir,
        settings=registry.settings,
    )
    postings = {name: stats.postings_emitted for name, stats in crawled.items()}
    if replayed:
        log.info("crawl: %s boards already landed tonight, replayed", len(replayed))
    if missing:
        log.warning(
            "crawl: past night %s, nothing landed for %s; recorded as missing",
            ctx.run_date,
            ", ".join(missing),
        )
    return StepResult(
        rows_in=len(chosen),
        rows_out=sum(postings.values()),
        details={"postings": postings, "replayed": replayed, "missing": missing},
    )


def _read_stats(
    partition: Path, run_date: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    crawls, failures = [], []
    for path in sorted(partition.glob("*.stats.json")):
        board = path.name.removesuffix(".stats.json")
        try:
            stats = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            stats = {"status": "failed", "failures": {"stats_unreadable": 1}}
        crawls.append(
            {
                "run_date": run_date,
                "board": board,
                "status": stats.get("status", "failed"),
                "pages_fetched": stats.get("pages_fetched"),
                "postings_emitted": stats.get("postings_emitted"),
                "started_at": _timestamp(stats.get("started_at")),
                "finished_at": _timestamp(stats.get("finished_at")),
            }
        )
        for reason, count in sorted((stats.get("failures") or {}).items()):
            failures.append(
                {
                    "run_date": run_date,
                    "board": board,
                    "reason": reason,
                    "n_failures": int(count),
                }
            )
    crawled = pd.DataFrame(crawls)
    if not crawled.empty:
        # A board without counts (unreadable stats) must not turn them into floats.
        counts = ["pages_fetched", "postings_emitted"]
        crawled[counts] = crawled[counts].astype("Int64")
    return crawled, pd.DataFrame(failures)


def _timestamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def stage(ctx: RunContext) -> StepResult:
    """Validate tonight's landing files into staging, quarantining bad records.

    Returns
    -------
    StepResult
        Records read, postings staged, and ``details["quarantined"]`` by
        reason and ``details["postings_per_board"]``.
    """
    from schemas.validate import validate_file
    from spiders.registry import load_registry

    partition = ctx.landing_partition
    files = sorted(partition.glob("*.jsonl"))
    if not files:
        raise UserError(f"no landing files for {ctx.run_date} in {partition}")
    postings, quarantine = [], []
    reasons: Counter[str] = Counter()
    for path in files:
        result = validate_file(path, board=path.stem)
        postings.append(result.postings)
        quarantine.append(result.quarantine)
        reasons.update(result.reasons)
    staged = pd.concat(postings, ignore_index=True)
    quarantined = pd.concat(quarantine, ignore_index=True)
    staged.insert(0, "run_date", ctx.run_date)
    quarantined.insert(0, "run_date", ctx.run_date)
    crawls, failures = _read_stats(partition, ctx.run_date)

    registry = load_registry(ctx.registry_path) if ctx.registry_path.is_file() else None
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        where = {"run_date": ctx.run_date}
        replace_rows(connection, m.staging_postings, staged, where=where)
        replace_rows(connection, m.staging_quarantine, quarantined, where=where)
        replace_rows(connection, m.staging_board_crawls, crawls, where=where)
        replace_rows(connection, m.staging_crawl_failures, failures, where=where)
        if registry is not None:
            _upsert_boards(connection, registry.boards, ctx.run_date)
    per_board = staged["board"].value_counts().sort_index().to_dict()
    return StepResult(
        rows_in=len(staged) + len(quarantined),
        rows_out=len(staged),
        details={
            "postings_per_board": {k: int(v) for k, v in per_board.items()},
            "quarantined": dict(sorted(reasons.items())),
        },
    )


def _upsert_boards(
    connection: sa.Connection, boards: Sequence[Any], run_date: dt.date
) -> None:
    tonight = pd.DataFrame(
        [
            {
                "board": board.name,
                "kind": str(board.kind),
                "url": board.url,
                "source_type": str(board.source_type),
            }
            for board in boards
        ]
    )
    if tonight.empty:
        return
    stored = read_frame(connection, sa.select(m.core_boards))
    merged = merge_history(tonight, stored, key="board", run_date=run_date)
    upsert_rows(connection, m.core_boards, merged, key=["board"])


def _employer_key(name: str) -> str:
    from transforms.dedupe.normalise import normalise_employer

    return normalise_employer(name) or name.casefold().strip()


def integrate(ctx: RunContext) -> StepResult:
    """Clean tonight's staged postings into ``core.postings`` with their history.

    New postings are inserted, known ones get tonight's fields and last seen
    date, and postings missing for ``close_after_nights`` nights from a board
    whose crawl went fine are marked inactive. Employers and places are
    upserted alongside.
    """
    from transforms.clean import clean_postings
    from transforms.geo import parse_locations

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        staged = read_frame(
            connection,
            sa.select(m.staging_postings).where(
                m.staging_postings.c.run_date == ctx.run_date
            ),
        ).drop(columns=["run_date"])
        postings = clean_postings(staged)
        places = parse_locations(postings["location"]).set_index(postings.index)
        for column in ("place", "postal_code", "province"):
            postings[column] = postings[column].fillna(places[column])
        postings["province"] = _official_provinces(postings["province"])
        postings["employer_key"] = postings["employer"].map(_employer_key)
        postings["employer_id"] = _stable_id("e", postings["employer_key"])
        location_key = places["municipality"].fillna(places["place"]).fillna("")
        postings["location_id"] = _stable_id(
            "l", location_key.str.lower() + "|" + places["is_remote"].astype(str)
        )
        postings["content_hash"] = content_hash(postings, _POSTING_CONTENT)

        stored = read_frame(
            connection,
            sa.select(m.core_postings)
            .join(
                m.staging_postings,
                m.staging_postings.c.posting_id == m.core_postings.c.posting_id,
            )
            .where(m.staging_postings.c.run_date == ctx.run_date),
        )
        merged = merge_history(
            postings.drop(columns=["employer_key"]),
            stored,
            key="posting_id",
            run_date=ctx.run_date,
            keep=["vacancy_id"],
        )
        merged["is_active"] = True
        if not stored.empty:
            # Replaying a night keeps what later nights decided: a posting
            # last seen tonight and inactive since was deactivated after it.
            newer = merged["posting_id"].isin(
                stored.loc[stored["last_seen_date"] >= ctx.run_date, "posting_id"]
            )
            active = stored.set_index("posting_id")["is_active"]
            merged.loc[newer, "is_active"] = (
                merged.loc[newer, "posting_id"].map(active).astype(bool)
            )
        upsert_rows(connection, m.core_postings, merged, key=["posting_id"])
        deactivated = _deactivate_missing(connection, ctx)
        _upsert_employers(connection, postings, ctx.run_date)
        _upsert_locations(
            connection, places.assign(location_id=postings["location_id"])
        )
    # Details describe the night, not this run's work, so a rerun records
    # the same; how many postings this run deactivated goes to the log.
    log.info("integrate %s: %s postings deactivated", ctx.run_date, deactivated)
    return StepResult(
        rows_in=len(staged),
        rows_out=len(merged),
        details={
            "new_postings": int((merged["first_seen_date"] == ctx.run_date).sum()),
        },
    )


def _deactivate_missing(connection: sa.Connection, ctx: RunContext) -> int:
    """Mark inactive the postings missing from boards that crawled fine.

    Only tonight's crawls count, so a posting that only a backfilled older
    night showed stays active until its board's next good night.
    """
    cutoff = ctx.run_date - dt.timedelta(days=ctx.close_after_nights - 1)
    crawled_ok = (
        sa.select(m.staging_board_crawls.c.board)
        .where(m.staging_board_crawls.c.run_date == ctx.run_date)
        .where(m.staging_board_crawls.c.status == "ok")
    )
    result = connection.execute(
        m.core_postings.update()
        .where(m.core_postings.c.is_active)
        .where(m.core_postings.c.last_seen_date < cutoff)
        .where(m.core_postings.c.board.in_(crawled_ok))
        .values(is_active=False)
    )
    return int(result.rowcount or 0)


def _official_provinces(provinces: pd.Series) -> pd.Series:
    """Write provinces by their official names ("Friesland" becomes "Fryslân")."""
    from transforms.geo import PROVINCES, parse_location

    def official(name: str) -> str:
        return name if name in PROVINCES else parse_location(name).province or name

    present = provinces.notna()
    distinct = {name: official(name) for name in provinces[present].unique()}
    return provinces.where(~present, provinces.map(distinct))


def _upsert_employers(
    connection: sa.Connection, postings: pd.DataFrame, run_date: dt.date
) -> None:
    tonight = (
        postings.groupby("employer_id", sort=True)
        .agg(
            employer_name=("employer", lambda names: names.mode().iat[0]),
            employer_key=("employer_key", "first"),
        )
        .reset_index()
    )
    stored = read_frame(
        connection,
        sa.select(m.core_employers).where(
            m.core_employers.c.employer_id.in_(tonight["employer_id"].tolist())
        ),
    )
    merged = merge_history(tonight, stored, key="employer_id", run_date=run_date)
    upsert_rows(connection, m.core_employers, merged, key=["employer_id"])


def _upsert_locations(connection: sa.Connection, places: pd.DataFrame) -> None:
    rows = places.drop_duplicates("location_id")[
        ["location_id", "place", "municipality", "province", "is_remote"]
    ]
    rows = rows.assign(is_remote=rows["is_remote"].astype(bool))
    upsert_rows(connection, m.core_locations, rows, key=["location_id"])


# --- vacancies --------------------------------------------------------------------

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


def _open_on(night: dt.date) -> Any:
    """Return the condition that a vacancy was open on ``night``, by its history."""
    vacancies = m.core_vacancies
    return sa.and_(
        vacancies.c.first_seen_date <= night,
        sa.or_(vacancies.c.closed_date.is_(None), vacancies.c.closed_date > night),
    )


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
        "vacancies_open": count(vacancies, _open_on(night)),
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
                _open_on(ctx.run_date)
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


def enrich(ctx: RunContext) -> StepResult:
    """Give open vacancies an occupation video and trainings; match clients.

    Rewrites the vacancies' videos and trainings and the clients' contacts at
    vacancies and ranked matches for tonight's open vacancies. A demo night
    also loads the bundled demo catalogues and clients. An older night
    replayed after newer ones leaves the newest night's enrichment as it is.
    """
    from transforms.enrich.night import enrich_warehouse

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        newest = connection.execute(
            sa.select(sa.func.max(m.core_vacancies.c.last_seen_date))
        ).scalar_one()
        if newest is not None and newest > ctx.run_date:
            # The open vacancies are those of a newer night: nothing to redo.
            return _recorded(connection, ctx.run_date, "enrich") or StepResult(
                details={"superseded_by": newest.isoformat()}
            )
        result = enrich_warehouse(connection, run_date=ctx.run_date, demo_data=ctx.demo)
    return StepResult(
        rows_in=result.vacancies,
        rows_out=result.with_video,
        details={"vacancies_with_trainings": result.with_trainings, **result.details},
    )


def check(ctx: RunContext, *, thresholds: Any = None) -> StepResult:
    """Run the data-quality gates on tonight's load and store their results.

    The results replace the night's rows of ``core.quality_checks``; a failed
    blocking gate does not stop this step but makes ``publish`` refuse.

    Parameters
    ----------
    ctx : RunContext
        The night.
    thresholds : warehouse.quality.Thresholds, optional
        Bounds of the row-count gates; ``VACATURES_GATE_MIN_RATIO`` and
        ``VACATURES_GATE_MAX_RATIO`` or the defaults when not given.

    Returns
    -------
    StepResult
        Gates run and passed, with the names of failed and warned gates.
    """
    from warehouse.quality import Thresholds, night_gates, run_checks, store_results

    thresholds = thresholds or Thresholds.from_environment()
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        results = run_checks(connection, ctx.run_date, gates=night_gates(thresholds))
        store_results(connection, ctx.run_date, results)
    statuses = Counter(result.status for result in results)
    failed = sorted(r.check_name for r in results if r.status == "fail")
    if failed:
        log.warning("check %s: %s gates failed: %s", ctx.run_date, len(failed), failed)
    return StepResult(
        rows_in=len(results),
        rows_out=statuses["pass"],
        details={
            "statuses": dict(sorted(statuses.items())),
            "failed": failed,
            "warned": sorted(r.check_name for r in results if r.status == "warn"),
        },
    )


def publish(ctx: RunContext) -> StepResult:
    """Replace the published vacancies with tonight's open vacancies at once.

    The whole table switches in one transaction: readers see last night's
    rows or tonight's, never a mix. Each vacancy carries its occupation video
    and its trainings from the ``enrich`` step. A night whose quality gates
    failed, or never ran, is not published: the tables keep the last night.
    Nor is a night older than the one published, when an older night is
    replayed.

    Raises
    ------
    warehouse.quality.QualityGateError
        When tonight's blocking gates failed or were not run.
    """
    from transforms.enrich.store import published_trainings, published_videos
    from transforms.publish import published_vacancies
    from warehouse.quality import QualityGateError, gate_failures

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        shown = connection.execute(
            sa.select(sa.func.max(m.published_vacancies.c.published_date))
        ).scalar_one()
        if shown is not None and shown > ctx.run_date:
            # A replayed older night must not roll the portals back; its record
            # keeps what its own publication did.
            log.info("publish %s: %s is published, left as it is", ctx.run_date, shown)
            return _recorded(connection, ctx.run_date, "publish") or StepResult(
                details={"superseded_by": shown.isoformat()}
            )
        failed = gate_failures(connection, ctx.run_date)
        if failed is None:
            raise QualityGateError(
                f"no quality gates ran for {ctx.run_date}; run the check step first"
            )
        if failed:
            raise QualityGateError(
                f"not publishing {ctx.run_date}: {len(failed)} quality gates failed"
                f" ({', '.join(failed)}); the published tables keep the last night"
            )
        vacancies = read_frame(
            connection, sa.select(m.core_vacancies).where(m.core_vacancies.c.is_open)
        )
        trainings = published_trainings(
            connection,
            published_date=ctx.run_date,
            vacancy_ids=vacancies["vacancy_id"].tolist(),
        )
        rows = published_vacancies(
            vacancies,
            published_date=ctx.run_date,
            videos=published_videos(connection),
            trainings=trainings,
        )
        connection.execute(m.published_vacancy_trainings.delete())
        connection.execute(m.published_vacancies.delete())
        insert_rows(connection, m.published_vacancies, rows)
        insert_rows(connection, m.published_vacancy_trainings, trainings)
    return StepResult(rows_in=len(vacancies), rows_out=len(rows))


def _recorded(
    connection: sa.Connection, night: dt.date, step: str
) -> StepResult | None:
    runs = m.core_runs
    row = connection.execute(
        sa.select(runs.c.rows_in, runs.c.rows_out, runs.c.details)
        .where(runs.c.run_date == night)
        .where(runs.c.step == step)
        .where(runs.c.status == "ok")
    ).first()
    if row is None:
        return None
    return StepResult(row.rows_in or 0, row.rows_out or 0, json.loads(row.details))


def report(ctx: RunContext) -> StepResult:
    """Write the night's run report, HTML and JSON, into the reports folder.

    Returns
    -------
    StepResult
        Steps reported, files written, their paths in ``details``.
    """
    from vacatures.report import build_report, write_report

    with warehouse_engine(ctx) as engine:
        night = build_report(engine, ctx.run_date)
    files = write_report(night, ctx.reports_dir)
    return StepResult(
        rows_in=len(night.steps),
        rows_out=2,
        details={
            "html": str(files.html),
            "json": str(files.json),
            "published": night.published,
        },
    )


_FUNCTIONS: dict[str, Callable[..., StepResult]] = {
    "prepare": prepare,
    "crawl": crawl,
    "stage": stage,
    "integrate": integrate,
    "dedupe": dedupe,
    "classify": classify,
    "enrich": enrich,
    "check": check,
    "publish": publish,
    "report": report,
}

#: The steps of a night as (name, function), in :data:`STEP_ORDER`.
STEPS: tuple[tuple[str, Callable[..., StepResult]], ...] = tuple(
    (name, _FUNCTIONS[name]) for name in STEP_ORDER
)


def run_step(name: str, ctx: RunContext, **options: Any) -> StepResult:
    """Run one step by name, log what it did and record it in ``core.runs``.

    Parameters
    ----------
    name : str
        A name from :data:`STEPS`.
    ctx : RunContext
        The night.
    **options
        Passed to the step (``boards`` and ``force`` for ``crawl``).

    Returns
    -------
    StepResult
        What the step returned.
    """
    steps = dict(STEPS)
    if name not in steps:
        raise UserError(f"unknown step {name!r}; steps are {', '.join(steps)}")
    start = time.perf_counter()
    try:
        result = steps[name](ctx, **options)
    except Exception as error:
        if name not in ("prepare", "crawl"):
            _record_failure(ctx, name, error)
        raise
    seconds = time.perf_counter() - start
    log.info(
        "%s %s: %s in -> %s out in %.1f s",
        name,
        ctx.run_date,
        f"{result.rows_in:,}",
        f"{result.rows_out:,}",
        seconds,
    )
    if name not in ("prepare", "crawl"):
        # Crawls run in parallel and must not contend for the warehouse; their
        # counts reach it through the landing stats that ``stage`` loads.
        _record(ctx, name, result)
    return result


def _record_failure(ctx: RunContext, name: str, error: Exception) -> None:
    failed = StepResult(details={"error": f"{type(error).__name__}: {error}"})
    try:
        _record(ctx, name, failed, status="failed")
    except Exception:
        log.exception("%s %s: the failure could not be recorded", name, ctx.run_date)


def _record(
    ctx: RunContext, name: str, result: StepResult, *, status: str = "ok"
) -> None:
    row = pd.DataFrame(
        [
            {
                "run_date": ctx.run_date,
                "step": name,
                "status": status,
                "rows_in": result.rows_in,
                "rows_out": result.rows_out,
                "details": json.dumps(result.details, sort_keys=True, default=str),
            }
        ]
    )
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        upsert_rows(connection, m.core_runs, row, key=["run_date", "step"])


def run_night(
    ctx: RunContext, *, steps: Sequence[str] | None = None
) -> dict[str, StepResult]:
    """Run the night's steps in order and return what each did.

    Parameters
    ----------
    ctx : RunContext
        The night.
    steps : sequence of str, optional
        A subset of the step names, still run in the order of :data:`STEPS`.

    Returns
    -------
    dict
        Step name to its :class:`StepResult`.

    Notes
    -----
    When a step fails and ``report`` is among the steps, the report is still
    written before the error is raised: a night that was not published is the
    night whose report matters most.
    """
    wanted = [name for name, _ in STEPS if steps is None or name in steps]
    results = {}
    for name in wanted:
        try:
            results[name] = run_step(name, ctx)
        except Exception:
            if "report" in wanted and name not in ("prepare", "crawl", "report"):
                _report_after_failure(ctx)
            raise
    return results


def _report_after_failure(ctx: RunContext) -> None:
    try:
        run_step("report", ctx)
    except Exception:
        log.exception("report %s: could not be written after the failure", ctx.run_date)
