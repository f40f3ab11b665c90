"""Create the warehouse layers

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "boards",
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("source_type", sa.String(), nullable=False),
        sa.Column("first_seen_date", sa.Date(), nullable=False),
        sa.Column("last_seen_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "source_type is null or source_type in ('employer', 'board', 'agency', 'aggregator')",
            name=op.f("ck_boards_source_type"),
        ),
        sa.PrimaryKeyConstraint("board", name=op.f("pk_boards")),
        schema="core",
        comment="Boards in the registry, with the nights they were crawled.",
    )
    op.create_table(
        "employers",
        sa.Column("employer_id", sa.String(), nullable=False),
        sa.Column("employer_name", sa.String(), nullable=False),
        sa.Column("employer_key", sa.String(), nullable=False),
        sa.Column("first_seen_date", sa.Date(), nullable=False),
        sa.Column("last_seen_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("employer_id", name=op.f("pk_employers")),
        schema="core",
        comment="Employers by normalised name (legal forms and case folded).",
    )
    op.create_table(
        "isco_groups",
        sa.Column("isco_code", sa.String(), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("parent_code", sa.String(), nullable=True),
        sa.CheckConstraint("level between 1 and 4", name=op.f("ck_isco_groups_level")),
        sa.PrimaryKeyConstraint("isco_code", name=op.f("pk_isco_groups")),
        schema="core",
        comment="ISCO-08 groups at one to four digits.",
    )
    op.create_table(
        "locations",
        sa.Column("location_id", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("municipality", sa.String(), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("is_remote", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("location_id", name=op.f("pk_locations")),
        schema="core",
        comment="Places as normalised from what boards publish.",
    )
    op.create_table(
        "occupation_labels",
        sa.Column("esco_uri", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("label_type", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.CheckConstraint(
            "label_type is null or label_type in ('preferred', 'alternative', 'hidden')",
            name=op.f("ck_occupation_labels_label_type"),
        ),
        sa.PrimaryKeyConstraint(
            "esco_uri",
            "language",
            "label_type",
            "label",
            name=op.f("pk_occupation_labels"),
        ),
        schema="core",
        comment="Preferred, alternative and hidden labels of occupations.",
    )
    op.create_table(
        "occupation_relations",
        sa.Column("esco_uri", sa.String(), nullable=False),
        sa.Column("broader_uri", sa.String(), nullable=False),
        sa.Column("broader_type", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint(
            "esco_uri", "broader_uri", name=op.f("pk_occupation_relations")
        ),
        schema="core",
        comment="Broader relations between occupations and ISCO groups.",
    )
    op.create_table(
        "occupations",
        sa.Column("esco_uri", sa.String(), nullable=False),
        sa.Column("esco_code", sa.String(), nullable=True),
        sa.Column("isco08", sa.String(length=4), nullable=False),
        sa.Column("preferred_label", sa.String(), nullable=False),
        sa.Column("preferred_label_en", sa.String(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("first_version", sa.String(), nullable=True),
        sa.Column("last_version", sa.String(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("esco_uri", name=op.f("pk_occupations")),
        schema="core",
        comment="ESCO occupations of every imported version; retired ones inactive.",
    )
    op.create_table(
        "postings",
        sa.Column("posting_id", sa.String(), nullable=False),
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("employer", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("date_posted", sa.Date(), nullable=False),
        sa.Column("external_id", sa.String(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("postal_code", sa.String(), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("employment_type", sa.String(), nullable=True),
        sa.Column("hours_min", sa.Float(), nullable=True),
        sa.Column("hours_max", sa.Float(), nullable=True),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_period", sa.String(), nullable=True),
        sa.Column("education_level", sa.String(), nullable=True),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("apply_url", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("description_html", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
        sa.Column("vacancy_id", sa.String(), nullable=True),
        sa.Column("employer_id", sa.String(), nullable=True),
        sa.Column("location_id", sa.String(), nullable=True),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("first_seen_date", sa.Date(), nullable=False),
        sa.Column("last_seen_date", sa.Date(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "education_level is null or education_level in ('vmbo', 'havo', 'vwo', 'mbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'hbo', 'wo')",
            name=op.f("ck_postings_education_level"),
        ),
        sa.CheckConstraint(
            "employment_type is null or employment_type in ('full_time', 'part_time', 'contractor', 'temporary', 'intern', 'volunteer', 'per_diem', 'other')",
            name=op.f("ck_postings_employment_type"),
        ),
        sa.CheckConstraint(
            "language is null or language in ('nl', 'en')",
            name=op.f("ck_postings_language"),
        ),
        sa.CheckConstraint(
            "salary_period is null or salary_period in ('hour', 'month', 'year')",
            name=op.f("ck_postings_salary_period"),
        ),
        sa.PrimaryKeyConstraint("posting_id", name=op.f("pk_postings")),
        schema="core",
        comment="Every posting ever seen, cleaned, with the nights it was shown.",
    )
    op.create_table(
        "quality_checks",
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("check_name", sa.String(), nullable=False),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("observed", sa.Float(), nullable=True),
        sa.Column("expected", sa.String(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status is null or status in ('pass', 'warn', 'fail', 'skip')",
            name=op.f("ck_quality_checks_status"),
        ),
        sa.PrimaryKeyConstraint(
            "run_date", "check_name", name=op.f("pk_quality_checks")
        ),
        schema="core",
        comment="Data-quality gates of each night: what was observed against what.",
    )
    op.create_table(
        "runs",
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("step", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("rows_in", sa.Integer(), nullable=True),
        sa.Column("rows_out", sa.Integer(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status is null or status in ('ok', 'failed')", name=op.f("ck_runs_status")
        ),
        sa.PrimaryKeyConstraint("run_date", "step", name=op.f("pk_runs")),
        schema="core",
        comment="What each step of each night did: rows in and out, details as JSON.",
    )
    op.create_table(
        "taxonomy_versions",
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("imported_date", sa.Date(), nullable=False),
        sa.Column("n_occupations", sa.Integer(), nullable=False),
        sa.Column("n_added", sa.Integer(), nullable=False),
        sa.Column("n_changed", sa.Integer(), nullable=False),
        sa.Column("n_retired", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_taxonomy_versions")),
        schema="core",
        comment="Taxonomy versions imported, with what each changed.",
    )
    op.create_table(
        "training_occupations",
        sa.Column("training_id", sa.String(), nullable=False),
        sa.Column("occupation_code", sa.String(), nullable=False),
        sa.Column("isco08", sa.String(length=4), nullable=False),
        sa.Column("esco_uri", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint(
            "training_id", "occupation_code", name=op.f("pk_training_occupations")
        ),
        schema="core",
        comment="Occupations a training leads to (ESCO URI or ISCO-08 group).",
    )
    op.create_table(
        "trainings",
        sa.Column("training_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("provider", sa.String(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("video_url", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("duration_weeks", sa.Float(), nullable=True),
        sa.Column("job_chance_pct", sa.Float(), nullable=True),
        sa.Column("imported_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "level is null or level in ('mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'hbo', 'wo', 'course')",
            name=op.f("ck_trainings_level"),
        ),
        sa.CheckConstraint(
            "job_chance_pct between 0 and 100", name=op.f("ck_trainings_job_chance_pct")
        ),
        sa.PrimaryKeyConstraint("training_id", name=op.f("pk_trainings")),
        schema="core",
        comment="Trainings towards occupations, with the chance of a job afterwards.",
    )
    op.create_table(
        "vacancies",
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("source_posting_id", sa.String(), nullable=False),
        sa.Column("employer_id", sa.String(), nullable=True),
        sa.Column("location_id", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("employer", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("municipality", sa.String(), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("postal_code", sa.String(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_html", sa.Text(), nullable=True),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("apply_url", sa.String(), nullable=True),
        sa.Column("employment_type", sa.String(), nullable=True),
        sa.Column("education_level", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("salary_period", sa.String(), nullable=True),
        sa.Column("isco08", sa.String(), nullable=True),
        sa.Column("esco_uri", sa.String(), nullable=True),
        sa.Column("occupation_label", sa.String(), nullable=True),
        sa.Column("occupation_matched_label", sa.String(), nullable=True),
        sa.Column("occupation_taxonomy_version", sa.String(), nullable=True),
        sa.Column("n_postings", sa.Integer(), nullable=False),
        sa.Column("n_boards", sa.Integer(), nullable=False),
        sa.Column("hours_min_per_week", sa.Float(), nullable=True),
        sa.Column("hours_max_per_week", sa.Float(), nullable=True),
        sa.Column("salary_min_eur", sa.Float(), nullable=True),
        sa.Column("salary_max_eur", sa.Float(), nullable=True),
        sa.Column("occupation_score", sa.Float(), nullable=True),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("date_posted", sa.Date(), nullable=False),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("first_seen_date", sa.Date(), nullable=False),
        sa.Column("last_seen_date", sa.Date(), nullable=False),
        sa.Column("closed_date", sa.Date(), nullable=True),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "education_level is null or education_level in ('vmbo', 'havo', 'vwo', 'mbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'hbo', 'wo')",
            name=op.f("ck_vacancies_education_level"),
        ),
        sa.CheckConstraint(
            "employment_type is null or employment_type in ('full_time', 'part_time', 'contractor', 'temporary', 'intern', 'volunteer', 'per_diem', 'other')",
            name=op.f("ck_vacancies_employment_type"),
        ),
        sa.CheckConstraint(
            "language is null or language in ('nl', 'en')",
            name=op.f("ck_vacancies_language"),
        ),
        sa.CheckConstraint(
            "salary_period is null or salary_period in ('hour', 'month', 'year')",
            name=op.f("ck_vacancies_salary_period"),
        ),
        sa.CheckConstraint(
            "(is_open and closed_date is null) or (not is_open and closed_date is not null)",
            name=op.f("ck_vacancies_closed_date"),
        ),
        sa.CheckConstraint("n_postings >= 1", name=op.f("ck_vacancies_n_postings")),
        sa.PrimaryKeyConstraint("vacancy_id", name=op.f("pk_vacancies")),
        schema="core",
        comment="One row per real vacancy, its best fields taken from its postings.",
    )
    op.create_table(
        "vacancy_changes",
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("changed_date", sa.Date(), nullable=False),
        sa.Column("field_name", sa.String(), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint(
            "vacancy_id", "changed_date", "field_name", name=op.f("pk_vacancy_changes")
        ),
        schema="core",
        comment="Fields of a vacancy that changed between nights, old and new.",
    )
    op.create_table(
        "vacancy_postings",
        sa.Column("posting_id", sa.String(), nullable=False),
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("linked_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("posting_id", name=op.f("pk_vacancy_postings")),
        schema="core",
        comment="Which postings make up which vacancy (each posting in one vacancy).",
    )
    op.create_table(
        "vacancy_trainings",
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("training_id", sa.String(), nullable=False),
        sa.Column("training_rank", sa.SmallInteger(), nullable=False),
        sa.Column("match_level", sa.String(), nullable=False),
        sa.Column("is_in_region", sa.Boolean(), nullable=False),
        sa.Column("enriched_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "match_level is null or match_level in ('esco', 'isco4', 'isco3', 'isco2')",
            name=op.f("ck_vacancy_trainings_match_level"),
        ),
        sa.PrimaryKeyConstraint(
            "vacancy_id", "training_id", name=op.f("pk_vacancy_trainings")
        ),
        schema="core",
        comment="Trainings towards each open vacancy's occupation, best first.",
    )
    op.create_table(
        "vacancy_videos",
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("video_id", sa.String(), nullable=False),
        sa.Column("match_level", sa.String(), nullable=False),
        sa.Column("link_score", sa.Float(), nullable=False),
        sa.Column("enriched_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "match_level is null or match_level in ('esco', 'isco4', 'isco3', 'isco2')",
            name=op.f("ck_vacancy_videos_match_level"),
        ),
        sa.PrimaryKeyConstraint("vacancy_id", name=op.f("pk_vacancy_videos")),
        schema="core",
        comment="The best occupation video of each open vacancy and how close it is.",
    )
    op.create_table(
        "video_occupations",
        sa.Column("video_id", sa.String(), nullable=False),
        sa.Column("occupation_code", sa.String(), nullable=False),
        sa.Column("isco08", sa.String(length=4), nullable=False),
        sa.Column("esco_uri", sa.String(), nullable=True),
        sa.Column("linked_by", sa.String(), nullable=False),
        sa.Column("link_score", sa.Float(), nullable=False),
        sa.CheckConstraint(
            "linked_by is null or linked_by in ('catalogue', 'crosswalk', 'title')",
            name=op.f("ck_video_occupations_linked_by"),
        ),
        sa.CheckConstraint(
            "link_score between 0 and 1", name=op.f("ck_video_occupations_link_score")
        ),
        sa.PrimaryKeyConstraint(
            "video_id", "occupation_code", name=op.f("pk_video_occupations")
        ),
        schema="core",
        comment="Occupations a video shows (ESCO URI or ISCO-08 group), with the strength of the link.",
    )
    op.create_table(
        "videos",
        sa.Column("video_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("poster_url", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("source_key", sa.String(), nullable=True),
        sa.Column("duration_seconds", sa.Integer(), nullable=True),
        sa.Column("imported_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "kind is null or kind in ('occupation', 'training')",
            name=op.f("ck_videos_kind"),
        ),
        sa.PrimaryKeyConstraint("video_id", name=op.f("pk_videos")),
        schema="core",
        comment="Videos showing an occupation or a training, from every catalogue.",
    )
    op.create_table(
        "client_contacts",
        sa.Column("client_id", sa.String(), nullable=False),
        sa.Column("contact_id", sa.String(), nullable=False),
        sa.Column("contact_name", sa.String(), nullable=False),
        sa.Column("employer", sa.String(), nullable=False),
        sa.Column("employer_key", sa.String(), nullable=False),
        sa.Column("position", sa.String(), nullable=True),
        sa.Column("profile_url", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("connected_date", sa.Date(), nullable=True),
        sa.Column("imported_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "client_id", "contact_id", name=op.f("pk_client_contacts")
        ),
        schema="private",
        comment="People a client knows and where they work.",
    )
    op.create_table(
        "client_occupations",
        sa.Column("client_id", sa.String(), nullable=False),
        sa.Column("occupation_code", sa.String(), nullable=False),
        sa.Column("isco08", sa.String(length=4), nullable=False),
        sa.Column("esco_uri", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint(
            "client_id", "occupation_code", name=op.f("pk_client_occupations")
        ),
        schema="private",
        comment="Occupations a client wants (ESCO URI or ISCO-08 group).",
    )
    op.create_table(
        "client_profiles",
        sa.Column("client_id", sa.String(), nullable=False),
        sa.Column("competences", sa.Text(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("municipality", sa.String(), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("regions", sa.Text(), nullable=True),
        sa.Column("education_level", sa.String(), nullable=True),
        sa.Column("hours_min_per_week", sa.Float(), nullable=True),
        sa.Column("hours_max_per_week", sa.Float(), nullable=True),
        sa.Column("updated_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "education_level is null or education_level in ('vmbo', 'havo', 'vwo', 'mbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'hbo', 'wo')",
            name=op.f("ck_client_profiles_education_level"),
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_client_profiles")),
        schema="private",
        comment="What a werkcoach records about a client's wishes and background.",
    )
    op.create_table(
        "client_vacancy_contacts",
        sa.Column("client_id", sa.String(), nullable=False),
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("contact_id", sa.String(), nullable=False),
        sa.Column("contact_name", sa.String(), nullable=False),
        sa.Column("contact_position", sa.String(), nullable=True),
        sa.Column("contact_employer", sa.String(), nullable=False),
        sa.Column("employer", sa.String(), nullable=False),
        sa.Column("match_rule", sa.String(), nullable=False),
        sa.Column("match_score", sa.Float(), nullable=False),
        sa.Column("enriched_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "client_id",
            "vacancy_id",
            "contact_id",
            name=op.f("pk_client_vacancy_contacts"),
        ),
        schema="private",
        comment="Open vacancies at employers where a client knows someone, and whom.",
    )
    op.create_table(
        "client_vacancy_matches",
        sa.Column("client_id", sa.String(), nullable=False),
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("match_rank", sa.SmallInteger(), nullable=False),
        sa.Column("occupation_match", sa.String(), nullable=False),
        sa.Column("region_match", sa.String(), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("hours_fit", sa.Float(), nullable=True),
        sa.Column("education_fit", sa.Float(), nullable=True),
        sa.Column("n_contacts", sa.Integer(), nullable=False),
        sa.Column("enriched_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "occupation_match is null or occupation_match in ('esco', 'isco4', 'isco3', 'isco2')",
            name=op.f("ck_client_vacancy_matches_occupation_match"),
        ),
        sa.PrimaryKeyConstraint(
            "client_id", "vacancy_id", name=op.f("pk_client_vacancy_matches")
        ),
        schema="private",
        comment="Open vacancies ranked per client, with the reasons for each score.",
    )
    op.create_table(
        "clients",
        sa.Column("client_id", sa.String(), nullable=False),
        sa.Column("display_name", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("imported_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_clients")),
        schema="private",
        comment="Job seekers a werkcoach works with; never published.",
    )
    op.create_table(
        "vacancies",
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("employer", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("municipality", sa.String(), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("description_html", sa.Text(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("apply_url", sa.String(), nullable=True),
        sa.Column("employment_type", sa.String(), nullable=True),
        sa.Column("education_level", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("salary_period", sa.String(), nullable=True),
        sa.Column("isco08", sa.String(), nullable=True),
        sa.Column("esco_uri", sa.String(), nullable=True),
        sa.Column("occupation_label", sa.String(), nullable=True),
        sa.Column("video_url", sa.String(), nullable=True),
        sa.Column("video_title", sa.String(), nullable=True),
        sa.Column("video_poster_url", sa.String(), nullable=True),
        sa.Column("video_language", sa.String(), nullable=True),
        sa.Column("video_match_level", sa.String(), nullable=True),
        sa.Column("n_boards", sa.Integer(), nullable=False),
        sa.Column("n_trainings", sa.Integer(), server_default="0", nullable=False),
        sa.Column("hours_min_per_week", sa.Float(), nullable=True),
        sa.Column("hours_max_per_week", sa.Float(), nullable=True),
        sa.Column("salary_min_eur", sa.Float(), nullable=True),
        sa.Column("salary_max_eur", sa.Float(), nullable=True),
        sa.Column("date_posted", sa.Date(), nullable=False),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("first_seen_date", sa.Date(), nullable=False),
        sa.Column("published_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("vacancy_id", name=op.f("pk_vacancies")),
        schema="published",
        comment="Open vacancies for portals: sanitised HTML, no personal data.",
    )
    op.create_table(
        "vacancy_trainings",
        sa.Column("vacancy_id", sa.String(), nullable=False),
        sa.Column("training_rank", sa.SmallInteger(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("provider", sa.String(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("video_url", sa.String(), nullable=True),
        sa.Column("match_level", sa.String(), nullable=False),
        sa.Column("duration_weeks", sa.Float(), nullable=True),
        sa.Column("job_chance_pct", sa.Float(), nullable=True),
        sa.Column("published_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "vacancy_id", "training_rank", name=op.f("pk_vacancy_trainings")
        ),
        schema="published",
        comment="Trainings towards each published vacancy's occupation, best first.",
    )
    op.create_table(
        "board_crawls",
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("pages_fetched", sa.Integer(), nullable=True),
        sa.Column("postings_emitted", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status is null or status in ('ok', 'partial', 'failed', 'missing')",
            name=op.f("ck_board_crawls_status"),
        ),
        sa.PrimaryKeyConstraint("run_date", "board", name=op.f("pk_board_crawls")),
        schema="staging",
        comment="How each board's crawl went on each night.",
    )
    op.create_table(
        "crawl_failures",
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("n_failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "run_date", "board", "reason", name=op.f("pk_crawl_failures")
        ),
        schema="staging",
        comment="Crawl failures per board and reason (HTTP status, timeout, ...).",
    )
    op.create_table(
        "postings",
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("posting_id", sa.String(), nullable=False),
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("employer", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("date_posted", sa.Date(), nullable=False),
        sa.Column("external_id", sa.String(), nullable=True),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("postal_code", sa.String(), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("employment_type", sa.String(), nullable=True),
        sa.Column("hours_min", sa.Float(), nullable=True),
        sa.Column("hours_max", sa.Float(), nullable=True),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_period", sa.String(), nullable=True),
        sa.Column("education_level", sa.String(), nullable=True),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("apply_url", sa.String(), nullable=True),
        sa.Column("language", sa.String(), nullable=True),
        sa.Column("description_html", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "education_level is null or education_level in ('vmbo', 'havo', 'vwo', 'mbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'hbo', 'wo')",
            name=op.f("ck_postings_education_level"),
        ),
        sa.CheckConstraint(
            "employment_type is null or employment_type in ('full_time', 'part_time', 'contractor', 'temporary', 'intern', 'volunteer', 'per_diem', 'other')",
            name=op.f("ck_postings_employment_type"),
        ),
        sa.CheckConstraint(
            "language is null or language in ('nl', 'en')",
            name=op.f("ck_postings_language"),
        ),
        sa.CheckConstraint(
            "salary_period is null or salary_period in ('hour', 'month', 'year')",
            name=op.f("ck_postings_salary_period"),
        ),
        sa.PrimaryKeyConstraint("run_date", "posting_id", name=op.f("pk_postings")),
        schema="staging",
        comment="One row per valid posting per night, as the boards showed it.",
    )
    op.create_table(
        "quarantine",
        sa.Column("run_date", sa.Date(), nullable=False),
        sa.Column("board", sa.String(), nullable=False),
        sa.Column("record_number", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "run_date", "board", "record_number", name=op.f("pk_quarantine")
        ),
        schema="staging",
        comment="Records that failed validation, with their reason and the raw record.",
    )


def downgrade() -> None:

    op.drop_table("quarantine", schema="staging")
    op.drop_table("postings", schema="staging")
    op.drop_table("crawl_failures", schema="staging")
    op.drop_table("board_crawls", schema="staging")
    op.drop_table("vacancy_trainings", schema="published")
    op.drop_table("vacancies", schema="published")
    op.drop_table("clients", schema="private")
    op.drop_table("client_vacancy_matches", schema="private")
    op.drop_table("client_vacancy_contacts", schema="private")
    op.drop_table("client_profiles", schema="private")
    op.drop_table("client_occupations", schema="private")
    op.drop_table("client_contacts", schema="private")
    op.drop_table("videos", schema="core")
    op.drop_table("video_occupations", schema="core")
    op.drop_table("vacancy_videos", schema="core")
    op.drop_table("vacancy_trainings", schema="core")
    op.drop_table("vacancy_postings", schema="core")
    op.drop_table("vacancy_changes", schema="core")
    op.drop_table("vacancies", schema="core")
    op.drop_table("trainings", schema="core")
    op.drop_table("training_occupations", schema="core")
    op.drop_table("taxonomy_versions", schema="core")
    op.drop_table("runs", schema="core")
    op.drop_table("quality_checks", schema="core")
    op.drop_table("postings", schema="core")
    op.drop_table("occupations", schema="core")
    op.drop_table("occupation_relations", schema="core")
    op.drop_table("occupation_labels", schema="core")
    op.drop_table("locations", schema="core")
    op.drop_table("isco_groups", schema="core")
    op.drop_table("employers", schema="core")
    op.drop_table("boards", schema="core")
