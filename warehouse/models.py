"""Warehouse tables, layer by layer.

``staging`` holds one row per posting per night as validated, plus what was
quarantined and how each board's crawl went. ``core`` is the modelled history:
postings, vacancies and the links between them, boards, employers, places and the
occupation taxonomy, occupation videos and trainings. ``private`` holds
clients, their wishes and their networks and is never published. ``published``
is what portals read and ``marts`` (views, see :mod:`warehouse.views`) what
analysts query.

Keys are natural or derived from content (``posting_id`` is ``<board>:<id>``,
``vacancy_id`` a hash of its first posting), never sequences, so a night replays
to the same rows on every backend. Timestamps are UTC and end in ``_at``; dates
end in ``_date``; booleans start with ``is_`` or ``has_``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
)

from schemas.posting import (
    EDUCATION_LEVELS,
    EMPLOYMENT_TYPES,
    LANGUAGES,
    SALARY_PERIODS,
)

__all__ = ["LAYERS", "metadata"]

#: Schemas of the warehouse, in the order they are built.
LAYERS = ("staging", "core", "private", "published", "marts")

metadata = MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ix": "ix_%(table_name)s_%(column_0_label)s",
    }
)


def _one_of(
    column: str, values: tuple[str, ...], name: str | None = None
) -> CheckConstraint:
    allowed = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(
        f"{column} is null or {column} in ({allowed})", name=name or column
    )


def _posting_columns() -> list[Column]:
    """Return the posting contract's fields as columns, in contract order."""
    return [
        Column("board", String, nullable=False),
        Column("url", String, nullable=False),
        Column("title", String, nullable=False),
        Column("employer", String, nullable=False),
        Column("location", String, nullable=False),
        Column("description", Text, nullable=False),
        Column("date_posted", Date, nullable=False),
        Column("external_id", String),
        Column("place", String),
        Column("postal_code", String),
        Column("province", String),
        Column("employment_type", String),
        Column("hours_min", Float),
        Column("hours_max", Float),
        Column("salary_min", Float),
        Column("salary_max", Float),
        Column("salary_period", String),
        Column("education_level", String),
        Column("valid_through", Date),
        Column("apply_url", String),
        Column("language", String),
        Column("description_html", Text),
        Column("fetched_at", DateTime),
    ]


def _posting_checks() -> list[CheckConstraint]:
    return [
        _one_of("employment_type", EMPLOYMENT_TYPES),
        _one_of("salary_period", SALARY_PERIODS),
        _one_of("education_level", EDUCATION_LEVELS),
        _one_of("language", LANGUAGES),
    ]


# --- staging -----------------------------------------------------------------

staging_postings = Table(
    "postings",
    metadata,
    Column("run_date", Date, nullable=False),
    Column("posting_id", String, nullable=False),
    *_posting_columns(),
    PrimaryKeyConstraint("run_date", "posting_id"),
    *_posting_checks(),
    schema="staging",
    comment="One row per valid posting per night, as the boards showed it.",
)

staging_quarantine = Table(
    "quarantine",
    metadata,
    Column("run_date", Date, nullable=False),
    Column("board", String, nullable=False),
    Column("record_number", Integer, nullable=False),
    Column("reason", String, nullable=False),
    Column("detail", Text),
    Column("raw", Text, nullable=False),
    PrimaryKeyConstraint("run_date", "board", "record_number"),
    schema="staging",
    comment="Records that failed validation, with their reason and the raw record.",
)

staging_board_crawls = Table(
    "board_crawls",
    metadata,
    Column("run_date", Date, nullable=False),
    Column("board", String, nullable=False),
    Column("status", String, nullable=False),
    Column("pages_fetched", Integer),
    Column("postings_emitted", Integer),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    PrimaryKeyConstraint("run_date", "board"),
    _one_of("status", ("ok", "partial", "failed", "missing")),
    schema="staging",
    comment="How each board's crawl went on each night.",
)

staging_crawl_failures = Table(
    "crawl_failures",
    metadata,
    Column("run_date", Date, nullable=False),
    Column("board", String, nullable=False),
    Column("reason", String, nullable=False),
    Column("n_failures", Integer, nullable=False),
    PrimaryKeyConstraint("run_date", "board", "reason"),
    schema="staging",
    comment="Crawl failures per board and reason (HTTP status, timeout, ...).",
)

# --- core: boards, employers, places -------------------------------------------

core_boards = Table(
    "boards",
    metadata,
    Column("board", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("url", String, nullable=False),
    Column("source_type", String, nullable=False),
    Column("first_seen_date", Date, nullable=False),
    Column("last_seen_date", Date, nullable=False),
    _one_of("source_type", ("employer", "board", "agency", "aggregator")),
    schema="core",
    comment="Boards in the registry, with the nights they were crawled.",
)

core_employers = Table(
    "employers",
    metadata,
    Column("employer_id", String, primary_key=True),
    Column("employer_name", String, nullable=False),
    Column("employer_key", String, nullable=False),
    Column("first_seen_date", Date, nullable=False),
    Column("last_seen_date", Date, nullable=False),
    schema="core",
    comment="Employers by normalised name (legal forms and case folded).",
)

core_locations = Table(
    "locations",
    metadata,
    Column("location_id", String, primary_key=True),
    Column("place", String),
    Column("municipality", String),
    Column("province", String),
    Column("is_remote", Boolean, nullable=False),
    schema="core",
    comment="Places as normalised from what boards publish.",
)

# --- core: postings and vacancies -----------------------------------------------

core_postings = Table(
    "postings",
    metadata,
    Column("posting_id", String, primary_key=True),
    *_posting_columns(),
    Column("vacancy_id", String),
    Column("employer_id", String),
    Column("location_id", String),
    Column("content_hash", String, nullable=False),
    Column("first_seen_date", Date, nullable=False),
    Column("last_seen_date", Date, nullable=False),
    Column("is_active", Boolean, nullable=False),
    *_posting_checks(),
    schema="core",
    comment="Every posting ever seen, cleaned, with the nights it was shown.",
)

core_vacancies = Table(
    "vacancies",
    metadata,
    Column("vacancy_id", String, primary_key=True),
    Column("source_posting_id", String, nullable=False),
    Column("employer_id", String),
    Column("location_id", String),
    Column("title", String, nullable=False),
    Column("employer", String, nullable=False),
    Column("location", String, nullable=False),
    Column("place", String),
    Column("municipality", String),
    Column("province", String),
    Column("postal_code", String),
    Column("description", Text, nullable=False),
    Column("description_html", Text),
    Column("url", String, nullable=False),
    Column("apply_url", String),
    Column("employment_type", String),
    Column("education_level", String),
    Column("language", String),
    Column("salary_period", String),
    Column("isco08", String),
    Column("esco_uri", String),
    Column("occupation_label", String),
    Column("occupation_matched_label", String),
    Column("occupation_taxonomy_version", String),
    Column("n_postings", Integer, nullable=False),
    Column("n_boards", Integer, nullable=False),
    Column("hours_min_per_week", Float),
    Column("hours_max_per_week", Float),
    Column("salary_min_eur", Float),
    Column("salary_max_eur", Float),
    Column("occupation_score", Float),
    Column("content_hash", String, nullable=False),
    Column("date_posted", Date, nullable=False),
    Column("valid_through", Date),
    Column("first_seen_date", Date, nullable=False),
    Column("last_seen_date", Date, nullable=False),
    Column("closed_date", Date),
    Column("is_open", Boolean, nullable=False),
    _one_of("employment_type", EMPLOYMENT_TYPES),
    _one_of("salary_period", SALARY_PERIODS),
    _one_of("education_level", EDUCATION_LEVELS),
    _one_of("language", LANGUAGES),
    CheckConstraint("n_postings >= 1", name="n_postings"),
    CheckConstraint(
        "(is_open and closed_date is null)"
        " or (not is_open and closed_date is not null)",
        name="closed_date",
    ),
    schema="core",
    comment="One row per real vacancy, its best fields taken from its postings.",
)

core_vacancy_postings = Table(
    "vacancy_postings",
    metadata,
    Column("posting_id", String, primary_key=True),
    Column("vacancy_id", String, nullable=False),
    Column("board", String, nullable=False),
    Column("linked_date", Date, nullable=False),
    schema="core",
    comment="Which postings make up which vacancy (each posting in one vacancy).",
)

core_vacancy_changes = Table(
    "vacancy_changes",
    metadata,
    Column("vacancy_id", String, nullable=False),
    Column("changed_date", Date, nullable=False),
    Column("field_name", String, nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    PrimaryKeyConstraint("vacancy_id", "changed_date", "field_name"),
    schema="core",
    comment="Fields of a vacancy that changed between nights, old and new.",
)

core_runs = Table(
    "runs",
    metadata,
    Column("run_date", Date, nullable=False),
    Column("step", String, nullable=False),
    Column("status", String, nullable=False),
    Column("rows_in", Integer),
    Column("rows_out", Integer),
    Column("details", Text),
    Column("seconds", Float),
    Column("finished_at", DateTime),
    PrimaryKeyConstraint("run_date", "step"),
    _one_of("status", ("ok", "failed")),
    schema="core",
    comment="What each step of each night did: rows in and out, details as JSON.",
)

core_quality_checks = Table(
    "quality_checks",
    metadata,
    Column("run_date", Date, nullable=False),
    Column("check_name", String, nullable=False),
    Column("table_name", String, nullable=False),
    Column("status", String, nullable=False),
    Column("observed", Float),
    Column("expected", String),
    Column("details", Text),
    PrimaryKeyConstraint("run_date", "check_name"),
    _one_of("status", ("pass", "warn", "fail", "skip")),
    schema="core",
    comment="Data-quality gates of each night: what was observed against what.",
)

# --- core: the occupation taxonomy --------------------------------------------

core_isco_groups = Table(
    "isco_groups",
    metadata,
    Column("isco_code", String, primary_key=True),
    Column("level", SmallInteger, nullable=False),
    Column("label", String),
    Column("description", Text),
    Column("parent_code", String),
    CheckConstraint("level between 1 and 4", name="level"),
    schema="core",
    comment="ISCO-08 groups at one to four digits.",
)

core_occupations = Table(
    "occupations",
    metadata,
    Column("esco_uri", String, primary_key=True),
    Column("esco_code", String),
    Column("isco08", String(4), nullable=False),
    Column("preferred_label", String, nullable=False),
    Column("preferred_label_en", String),
    Column("description", Text),
    Column("status", String),
    Column("first_version", String),
    Column("last_version", String),
    Column("is_active", Boolean, nullable=False),
    schema="core",
    comment="ESCO occupations of every imported version; retired ones inactive.",
)

core_occupation_labels = Table(
    "occupation_labels",
    metadata,
    Column("esco_uri", String, nullable=False),
    Column("language", String, nullable=False),
    Column("label_type", String, nullable=False),
    Column("label", String, nullable=False),
    PrimaryKeyConstraint("esco_uri", "language", "label_type", "label"),
    _one_of("label_type", ("preferred", "alternative", "hidden")),
    schema="core",
    comment="Preferred, alternative and hidden labels of occupations.",
)

core_occupation_relations = Table(
    "occupation_relations",
    metadata,
    Column("esco_uri", String, nullable=False),
    Column("broader_uri", String, nullable=False),
    Column("broader_type", String),
    PrimaryKeyConstraint("esco_uri", "broader_uri"),
    schema="core",
    comment="Broader relations between occupations and ISCO groups.",
)

core_taxonomy_versions = Table(
    "taxonomy_versions",
    metadata,
    Column("version", String, primary_key=True),
    Column("source", String),
    Column("imported_date", Date, nullable=False),
    Column("n_occupations", Integer, nullable=False),
    Column("n_added", Integer, nullable=False),
    Column("n_changed", Integer, nullable=False),
    Column("n_retired", Integer, nullable=False),
    schema="core",
    comment="Taxonomy versions imported, with what each changed.",
)

# --- core: occupation videos and trainings ---------------------------------------

_MATCH_LEVELS = ("esco", "isco4", "isco3", "isco2")
_TRAINING_LEVELS = ("mbo-1", "mbo-2", "mbo-3", "mbo-4", "hbo", "wo", "course")

core_videos = Table(
    "videos",
    metadata,
    Column("video_id", String, primary_key=True),
    Column("title", String, nullable=False),
    Column("url", String, nullable=False),
    Column("poster_url", String),
    Column("kind", String, nullable=False),
    Column("language", String),
    Column("source", String, nullable=False),
    Column("source_key", String),
    Column("duration_seconds", Integer),
    Column("imported_date", Date, nullable=False),
    _one_of("kind", ("occupation", "training")),
    schema="core",
    comment="Videos showing an occupation or a training, from every catalogue.",
)

core_video_occupations = Table(
    "video_occupations",
    metadata,
    Column("video_id", String, nullable=False),
    Column("occupation_code", String, nullable=False),
    Column("isco08", String(4), nullable=False),
    Column("esco_uri", String),
    Column("linked_by", String, nullable=False),
    Column("link_score", Float, nullable=False),
    PrimaryKeyConstraint("video_id", "occupation_code"),
    _one_of("linked_by", ("catalogue", "crosswalk", "title")),
    CheckConstraint("link_score between 0 and 1", name="link_score"),
    schema="core",
    comment="Occupations a video shows (ESCO URI or ISCO-08 group), with the "
    "strength of the link.",
)

core_trainings = Table(
    "trainings",
    metadata,
    Column("training_id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("provider", String),
    Column("level", String),
    Column("description", Text),
    Column("region", String),
    Column("url", String),
    Column("video_url", String),
    Column("source", String, nullable=False),
    Column("duration_weeks", Float),
    Column("job_chance_pct", Float),
    Column("imported_date", Date, nullable=False),
    _one_of("level", _TRAINING_LEVELS),
    CheckConstraint("job_chance_pct between 0 and 100", name="job_chance_pct"),
    schema="core",
    comment="Trainings towards occupations, with the chance of a job afterwards.",
)

core_training_occupations = Table(
    "training_occupations",
    metadata,
    Column("training_id", String, nullable=False),
    Column("occupation_code", String, nullable=False),
    Column("isco08", String(4), nullable=False),
    Column("esco_uri", String),
    PrimaryKeyConstraint("training_id", "occupation_code"),
    schema="core",
    comment="Occupations a training leads to (ESCO URI or ISCO-08 group).",
)

core_vacancy_videos = Table(
    "vacancy_videos",
    metadata,
    Column("vacancy_id", String, primary_key=True),
    Column("video_id", String, nullable=False),
    Column("match_level", String, nullable=False),
    Column("link_score", Float, nullable=False),
    Column("enriched_date", Date, nullable=False),
    _one_of("match_level", _MATCH_LEVELS),
    schema="core",
    comment="The best occupation video of each open vacancy and how close it is.",
)

core_vacancy_trainings = Table(
    "vacancy_trainings",
    metadata,
    Column("vacancy_id", String, nullable=False),
    Column("training_id", String, nullable=False),
    Column("training_rank", SmallInteger, nullable=False),
    Column("match_level", String, nullable=False),
    Column("is_in_region", Boolean, nullable=False),
    Column("enriched_date", Date, nullable=False),
    PrimaryKeyConstraint("vacancy_id", "training_id"),
    _one_of("match_level", _MATCH_LEVELS),
    schema="core",
    comment="Trainings towards each open vacancy's occupation, best first.",
)

# --- private: clients and their networks ------------------------------------------

private_clients = Table(
    "clients",
    metadata,
    Column("client_id", String, primary_key=True),
    Column("display_name", String),
    Column("source", String, nullable=False),
    Column("imported_date", Date, nullable=False),
    schema="private",
    comment="Job seekers a werkcoach works with; never published.",
)

private_client_profiles = Table(
    "client_profiles",
    metadata,
    Column("client_id", String, primary_key=True),
    Column("competences", Text),
    Column("place", String),
    Column("municipality", String),
    Column("province", String),
    Column("regions", Text),
    Column("education_level", String),
    Column("hours_min_per_week", Float),
    Column("hours_max_per_week", Float),
    Column("updated_date", Date, nullable=False),
    _one_of("education_level", EDUCATION_LEVELS),
    schema="private",
    comment="What a werkcoach records about a client's wishes and background.",
)

private_client_occupations = Table(
    "client_occupations",
    metadata,
    Column("client_id", String, nullable=False),
    Column("occupation_code", String, nullable=False),
    Column("isco08", String(4), nullable=False),
    Column("esco_uri", String),
    PrimaryKeyConstraint("client_id", "occupation_code"),
    schema="private",
    comment="Occupations a client wants (ESCO URI or ISCO-08 group).",
)

private_client_contacts = Table(
    "client_contacts",
    metadata,
    Column("client_id", String, nullable=False),
    Column("contact_id", String, nullable=False),
    Column("contact_name", String, nullable=False),
    Column("employer", String, nullable=False),
    Column("employer_key", String, nullable=False),
    Column("position", String),
    Column("profile_url", String),
    Column("source", String, nullable=False),
    Column("connected_date", Date),
    Column("imported_date", Date, nullable=False),
    PrimaryKeyConstraint("client_id", "contact_id"),
    schema="private",
    comment="People a client knows and where they work.",
)

private_client_vacancy_contacts = Table(
    "client_vacancy_contacts",
    metadata,
    Column("client_id", String, nullable=False),
    Column("vacancy_id", String, nullable=False),
    Column("contact_id", String, nullable=False),
    Column("contact_name", String, nullable=False),
    Column("contact_position", String),
    Column("contact_employer", String, nullable=False),
    Column("employer", String, nullable=False),
    Column("match_rule", String, nullable=False),
    Column("match_score", Float, nullable=False),
    Column("enriched_date", Date, nullable=False),
    PrimaryKeyConstraint("client_id", "vacancy_id", "contact_id"),
    schema="private",
    comment="Open vacancies at employers where a client knows someone, and whom.",
)

private_client_vacancy_matches = Table(
    "client_vacancy_matches",
    metadata,
    Column("client_id", String, nullable=False),
    Column("vacancy_id", String, nullable=False),
    Column("match_rank", SmallInteger, nullable=False),
    Column("occupation_match", String, nullable=False),
    Column("region_match", String),
    Column("reasons", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("hours_fit", Float),
    Column("education_fit", Float),
    Column("n_contacts", Integer, nullable=False),
    Column("enriched_date", Date, nullable=False),
    PrimaryKeyConstraint("client_id", "vacancy_id"),
    _one_of("occupation_match", _MATCH_LEVELS),
    schema="private",
    comment="Open vacancies ranked per client, with the reasons for each score.",
)

# --- published -----------------------------------------------------------------

published_vacancies = Table(
    "vacancies",
    metadata,
    Column("vacancy_id", String, primary_key=True),
    Column("title", String, nullable=False),
    Column("employer", String, nullable=False),
    Column("place", String),
    Column("municipality", String),
    Column("province", String),
    Column("description_html", Text, nullable=False),
    Column("url", String, nullable=False),
    Column("apply_url", String),
    Column("employment_type", String),
    Column("education_level", String),
    Column("language", String),
    Column("salary_period", String),
    Column("isco08", String),
    Column("esco_uri", String),
    Column("occupation_label", String),
    Column("video_url", String),
    Column("video_title", String),
    Column("video_poster_url", String),
    Column("video_language", String),
    Column("video_match_level", String),
    Column("n_boards", Integer, nullable=False),
    Column("n_trainings", Integer, nullable=False, server_default="0"),
    Column("hours_min_per_week", Float),
    Column("hours_max_per_week", Float),
    Column("salary_min_eur", Float),
    Column("salary_max_eur", Float),
    Column("date_posted", Date, nullable=False),
    Column("valid_through", Date),
    Column("first_seen_date", Date, nullable=False),
    Column("published_date", Date, nullable=False),
    schema="published",
    comment="Open vacancies for portals: sanitised HTML, no personal data.",
)

published_vacancy_trainings = Table(
    "vacancy_trainings",
    metadata,
    Column("vacancy_id", String, nullable=False),
    Column("training_rank", SmallInteger, nullable=False),
    Column("name", String, nullable=False),
    Column("provider", String),
    Column("level", String),
    Column("region", String),
    Column("url", String),
    Column("video_url", String),
    Column("match_level", String, nullable=False),
    Column("duration_weeks", Float),
    Column("job_chance_pct", Float),
    Column("published_date", Date, nullable=False),
    PrimaryKeyConstraint("vacancy_id", "training_rank"),
    schema="published",
    comment="Trainings towards each published vacancy's occupation, best first.",
)
