"""Keep taxonomy versions in the warehouse and read the current one back.

Importing a version compares it with what the warehouse holds: occupations new
to it are added, those whose preferred label or ISCO-08 code moved are changed,
and those it no longer has are retired (``is_active`` false, never deleted, so
vacancies coded to them keep their meaning). The whole import is one
transaction, and importing the same version again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from transforms.occupations.taxonomy import (
    ISCO_GROUP_COLUMNS,
    LABEL_COLUMNS,
    OCCUPATION_COLUMNS,
    RELATION_COLUMNS,
    Taxonomy,
)
from warehouse import models as m
from warehouse.load import insert_rows, read_frame, upsert_rows

__all__ = ["ImportSummary", "load_taxonomy", "save_taxonomy"]

log = logging.getLogger(__name__)

# What makes an occupation "changed" between versions: what coding and its
# readers rely on. English labels come from an optional file, so one version
# having them and the other not is no change.
_COMPARED = ["isco08", "preferred_label"]
_COMPARED_WHEN_BOTH = ["preferred_label_en"]


@dataclass(frozen=True)
class ImportSummary:
    """What importing a taxonomy version changed in the warehouse.

    Attributes
    ----------
    version : str
        The version imported.
    n_occupations : int
        Occupations in that version.
    added : tuple of str
        URIs new to the warehouse, or retired before and back now.
    changed : tuple of str
        URIs whose preferred label (Dutch or English) or ISCO-08 code moved;
        vacancies coded to them should be coded again.
    retired : tuple of str
        URIs the version no longer has; vacancies coded to them should be
        coded again.
    """

    version: str
    n_occupations: int
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()

    @property
    def is_unchanged(self) -> bool:
        """Whether the import added, changed and retired nothing."""
        return not (self.added or self.changed or self.retired)

    @property
    def to_recode(self) -> tuple[str, ...]:
        """URIs whose vacancies need coding again: changed and retired."""
        return tuple(sorted({*self.changed, *self.retired}))

    def __str__(self) -> str:
        return (
            f"{self.version}: {self.n_occupations:,} occupations, "
            f"{len(self.added):,} added, {len(self.changed):,} changed, "
            f"{len(self.retired):,} retired"
        )


def save_taxonomy(
    engine: Engine, taxonomy: Taxonomy, *, imported_date: dt.date
) -> ImportSummary:
    """Import ``taxonomy`` into the warehouse as its current version.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        A warehouse whose schema is up to date.
    taxonomy : Taxonomy
        The version to import.
    imported_date : datetime.date
        The date recorded for the import (the run's date, not the clock).

    Returns
    -------
    ImportSummary
        The occupations added, changed and retired.

    Examples
    --------
    Importing ESCO v1.2 over v1.1 retires the occupations v1.2 dropped; they
    stay in ``core.occupations`` with ``is_active`` false:

    >>> day = dt.date(2026, 12, 3)
    >>> save_taxonomy(engine, v11, imported_date=day)  # doctest: +SKIP
    >>> save_taxonomy(engine, v12, imported_date=day).retired  # doctest: +SKIP
    """
    started = time.perf_counter()
    occupations = taxonomy.occupations.drop_duplicates("esco_uri").reset_index(
        drop=True
    )
    with engine.begin() as connection:
        existing = read_frame(
            connection,
            sa.select(
                m.core_occupations.c.esco_uri,
                m.core_occupations.c.isco08,
                m.core_occupations.c.preferred_label,
                m.core_occupations.c.preferred_label_en,
                m.core_occupations.c.first_version,
                m.core_occupations.c.is_active,
            ),
        )
        summary = _compare(existing, occupations, taxonomy.version)
        known_version = connection.execute(
            sa.select(m.core_taxonomy_versions.c.version).where(
                m.core_taxonomy_versions.c.version == taxonomy.version
            )
        ).first()
        if summary.is_unchanged and known_version is not None:
            log.info(
                "taxonomy: %s is already the warehouse's taxonomy; nothing changed",
                taxonomy.version,
            )
            return summary
        _write_occupations(connection, existing, occupations, taxonomy.version, summary)
        _write_children(connection, taxonomy)
        _write_isco_groups(connection, taxonomy.isco_groups)
        upsert_rows(
            connection,
            m.core_taxonomy_versions,
            pd.DataFrame(
                [
                    {
                        "version": taxonomy.version,
                        "source": taxonomy.source or None,
                        "imported_date": imported_date,
                        "n_occupations": summary.n_occupations,
                        "n_added": len(summary.added),
                        "n_changed": len(summary.changed),
                        "n_retired": len(summary.retired),
                    }
                ]
            ),
            key=["version"],
        )
    log.info("taxonomy: imported %s in %.1f s", summary, time.perf_counter() - started)
    return summary


def load_taxonomy(engine: Engine) -> Taxonomy | None:
    """Return the warehouse's current taxonomy, or ``None`` when it has none.

    Only active occupations are read, with their labels and relations, and
    every ISCO-08 group.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        The warehouse.

    Returns
    -------
    Taxonomy or None
        ``None`` when no taxonomy was imported (or the schema is missing).
    """
    if not sa.inspect(engine).has_table(m.core_occupations.name, schema="core"):
        return None
    active = m.core_occupations.c.is_active
    with engine.connect() as connection:
        occupations = read_frame(
            connection,
            sa.select(
                *(m.core_occupations.c[c] for c in OCCUPATION_COLUMNS),
                m.core_occupations.c.last_version,
            ).where(active),
        )
        if occupations.empty:
            return None
        active_uris = sa.select(m.core_occupations.c.esco_uri).where(active)
        labels = read_frame(
            connection,
            sa.select(*(m.core_occupation_labels.c[c] for c in LABEL_COLUMNS)).where(
                m.core_occupation_labels.c.esco_uri.in_(active_uris)
            ),
        )
        relations = read_frame(
            connection,
            sa.select(
                *(m.core_occupation_relations.c[c] for c in RELATION_COLUMNS)
            ).where(m.core_occupation_relations.c.esco_uri.in_(active_uris)),
        )
        isco_groups = read_frame(
            connection,
            sa.select(*(m.core_isco_groups.c[c] for c in ISCO_GROUP_COLUMNS)),
        )
        version = str(occupations["last_version"].mode().iloc[0])
        source = connection.execute(
            sa.select(m.core_taxonomy_versions.c.source).where(
                m.core_taxonomy_versions.c.version == version
            )
        ).scalar()
    log.info(
        "taxonomy: loaded %s from the warehouse: %s active occupations, %s labels",
        version,
        f"{len(occupations):,}",
        f"{len(labels):,}",
    )
    return Taxonomy(
        occupations=occupations.drop(columns="last_version"),
        labels=labels,
        isco_groups=isco_groups,
        relations=relations,
        version=version,
        source=source or f"warehouse ({version})",
    )


def _compare(
    existing: pd.DataFrame, occupations: pd.DataFrame, version: str
) -> ImportSummary:
    new_uris = set(occupations["esco_uri"])
    active = existing[existing["is_active"].astype(bool)]
    active_uris = set(active["esco_uri"])
    added = new_uris - active_uris
    retired = active_uris - new_uris
    both = occupations.merge(active, on="esco_uri", suffixes=("", "_before"))
    moved = pd.Series(False, index=both.index)
    for column in _COMPARED + _COMPARED_WHEN_BOTH:
        after = both[column].fillna("").astype(str)
        before = both[f"{column}_before"].fillna("").astype(str)
        differs = after != before
        if column in _COMPARED_WHEN_BOTH:
            differs &= (after != "") & (before != "")
        moved |= differs
    return ImportSummary(
        version=version,
        n_occupations=len(occupations),
        added=tuple(sorted(added)),
        changed=tuple(sorted(both.loc[moved, "esco_uri"])),
        retired=tuple(sorted(retired)),
    )


def _write_occupations(
    connection: Connection,
    existing: pd.DataFrame,
    occupations: pd.DataFrame,
    version: str,
    summary: ImportSummary,
) -> None:
    first_version = dict(
        zip(existing["esco_uri"], existing["first_version"], strict=True)
    )
    rows = occupations[OCCUPATION_COLUMNS].assign(
        first_version=occupations["esco_uri"].map(first_version).fillna(version),
        last_version=version,
        is_active=True,
    )
    upsert_rows(connection, m.core_occupations, rows, key=["esco_uri"])
    if summary.retired:
        retired = pd.DataFrame({"esco_uri": list(summary.retired)})
        connection.execute(
            m.core_occupations.update()
            .where(m.core_occupations.c.esco_uri.in_(retired["esco_uri"].tolist()))
            .values(is_active=False)
        )


def _write_children(connection: Connection, taxonomy: Taxonomy) -> None:
    """Replace the labels and relations of the imported occupations."""
    imported = sa.select(m.core_occupations.c.esco_uri).where(
        m.core_occupations.c.is_active
    )
    for table, frame, key in (
        (
            m.core_occupation_labels,
            taxonomy.labels[LABEL_COLUMNS],
            ["esco_uri", "language", "label_type", "label"],
        ),
        (
            m.core_occupation_relations,
            taxonomy.relations[RELATION_COLUMNS],
            ["esco_uri", "broader_uri"],
        ),
    ):
        connection.execute(table.delete().where(table.c.esco_uri.in_(imported)))
        rows = frame.dropna(subset=key).drop_duplicates(key)
        insert_rows(connection, table, rows)


def _write_isco_groups(connection: Connection, groups: pd.DataFrame) -> None:
    groups = groups[ISCO_GROUP_COLUMNS].drop_duplicates("isco_code")
    labelled = groups["label"].notna()
    # A version without group labels (ESCO v1.1) must not erase those of another.
    upsert_rows(connection, m.core_isco_groups, groups[labelled], key=["isco_code"])
    upsert_rows(
        connection, m.core_isco_groups, groups[~labelled], key=["isco_code"], update=[]
    )
