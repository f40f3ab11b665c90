"""Reading and writing the enrichment tables of the warehouse.

Catalogues are stored per source (``catalogue:<file>``, ``careeronestop``,
``youtube:<feed>``, ``pages:<file>``, ``demo``): importing a source again
replaces what it gave before and leaves the other sources alone. The bundled
demo set (source ``demo``) is removed by the first import of anything else.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from transforms.enrich.occupations import OccupationIndex
from warehouse import models as m
from warehouse.load import insert_rows, read_frame, upsert_rows

__all__ = [
    "DEMO_SOURCE",
    "has_own_data",
    "load_catalogues",
    "load_clients",
    "load_occupation_index",
    "load_open_vacancies",
    "published_trainings",
    "published_videos",
    "remove_client",
    "remove_demo_data",
    "replace_all",
    "save_client_profiles",
    "save_contacts",
    "save_trainings",
    "save_videos",
]

log = logging.getLogger(__name__)

#: The source of the bundled demo catalogues and clients.
DEMO_SOURCE = "demo"

_CLIENT_TABLES = (
    m.private_client_vacancy_matches,
    m.private_client_vacancy_contacts,
    m.private_client_contacts,
    m.private_client_occupations,
    m.private_client_profiles,
    m.private_clients,
)


def load_occupation_index(
    connection: Connection, *, crosswalk: pd.DataFrame | None = None
) -> OccupationIndex:
    """Build an occupation index from the taxonomy in the warehouse.

    The bundled starter taxonomy's occupations are always included, so that
    catalogues written for the offline demo resolve on any warehouse.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse.
    crosswalk : pandas.DataFrame, optional
        Scored O*NET-SOC links (:func:`~transforms.enrich.occupations.score_crosswalk`).

    Returns
    -------
    OccupationIndex
        Resolves ISCO-08 groups, ESCO URIs and codes, and O*NET-SOC codes
        when a crosswalk is given.
    """
    occupations = read_frame(
        connection,
        sa.select(
            m.core_occupations.c.esco_uri,
            m.core_occupations.c.esco_code,
            m.core_occupations.c.isco08,
        ),
    )
    try:
        from transforms.occupations.taxonomy import starter_taxonomy

        starter = starter_taxonomy().occupations[["esco_uri", "esco_code", "isco08"]]
    except (ImportError, OSError) as error:
        log.warning("enrich: starter taxonomy not available (%s)", error)
        starter = occupations.iloc[0:0]
    frames = [frame for frame in (occupations, starter) if not frame.empty]
    combined = (
        pd.concat(frames, ignore_index=True).drop_duplicates("esco_uri")
        if frames
        else occupations
    )
    return OccupationIndex(combined, crosswalk=crosswalk)


def _replace_source(
    connection: Connection,
    owners: sa.Table,
    links: sa.Table,
    key: str,
    rows: pd.DataFrame,
    link_rows: pd.DataFrame,
    *,
    source: str,
    imported_date: dt.date,
) -> tuple[int, int]:
    """Replace one source's rows of a catalogue and its links; skip foreign ids."""
    previous = sa.select(owners.c[key]).where(owners.c.source == source)
    connection.execute(links.delete().where(links.c[key].in_(previous)))
    connection.execute(owners.delete().where(owners.c.source == source))
    taken = set(
        read_frame(
            connection,
            sa.select(owners.c[key]).where(owners.c[key].in_(rows[key].tolist())),
        )[key]
    )
    if taken:
        log.info(
            "enrich: %s records of %s are already stored from another source; "
            "kept there",
            len(taken),
            source,
        )
    rows = rows[~rows[key].isin(taken)].assign(
        source=source, imported_date=imported_date
    )
    link_rows = link_rows[link_rows[key].isin(rows[key])]
    insert_rows(connection, owners, rows)
    insert_rows(connection, links, link_rows)
    return len(rows), len(link_rows)


def save_videos(
    connection: Connection,
    videos: pd.DataFrame,
    links: pd.DataFrame,
    *,
    source: str,
    imported_date: dt.date,
) -> tuple[int, int]:
    """Store a source's videos and their occupation links, replacing its old ones.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection in the caller's transaction.
    videos, links : pandas.DataFrame
        From a :class:`~transforms.enrich.videos.VideoCatalogue`.
    source : str
        The source the videos are stored under.
    imported_date : datetime.date
        Recorded with each video.

    Returns
    -------
    tuple of int
        Videos and links stored. A video whose URL another source already
        gave is left with that source.
    """
    if source != DEMO_SOURCE:
        remove_demo_data(connection)
    return _replace_source(
        connection,
        m.core_videos,
        m.core_video_occupations,
        "video_id",
        videos,
        links,
        source=source,
        imported_date=imported_date,
    )


def save_trainings(
    connection: Connection,
    trainings: pd.DataFrame,
    links: pd.DataFrame,
    *,
    source: str,
    imported_date: dt.date,
) -> tuple[int, int]:
    """Store a source's trainings and their occupations, replacing its old ones.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection in the caller's transaction.
    trainings, links : pandas.DataFrame
        From a :class:`~transforms.enrich.trainings.TrainingCatalogue`.
    source : str
        The source the trainings are stored under.
    imported_date : datetime.date
        Recorded with each training.

    Returns
    -------
    tuple of int
        Trainings and links stored.
    """
    if source != DEMO_SOURCE:
        remove_demo_data(connection)
    return _replace_source(
        connection,
        m.core_trainings,
        m.core_training_occupations,
        "training_id",
        trainings,
        links,
        source=source,
        imported_date=imported_date,
    )


def save_client_profiles(
    connection: Connection,
    clients: pd.DataFrame,
    profiles: pd.DataFrame,
    occupations: pd.DataFrame,
    *,
    imported_date: dt.date,
) -> int:
    """Add or update clients and their profiles; other clients are left alone.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection in the caller's transaction.
    clients, profiles, occupations : pandas.DataFrame
        From :func:`~transforms.enrich.matching.read_client_profiles`.
    imported_date : datetime.date
        Recorded as the profile's update date.

    Returns
    -------
    int
        The number of clients written.
    """
    if clients.empty:
        return 0
    if (clients["source"] != DEMO_SOURCE).any():
        remove_demo_data(connection)
    ids = clients["client_id"].tolist()
    upsert_rows(
        connection,
        m.private_clients,
        clients.assign(imported_date=imported_date),
        key=["client_id"],
    )
    for table in (m.private_client_occupations, m.private_client_profiles):
        connection.execute(table.delete().where(table.c.client_id.in_(ids)))
    insert_rows(
        connection,
        m.private_client_profiles,
        profiles.assign(updated_date=imported_date),
    )
    insert_rows(connection, m.private_client_occupations, occupations)
    return len(clients)


def save_contacts(
    connection: Connection,
    contacts: pd.DataFrame,
    *,
    imported_date: dt.date,
    replace: bool = True,
) -> int:
    """Store clients' contacts; a client without a profile gets a bare client row.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection in the caller's transaction.
    contacts : pandas.DataFrame
        From :func:`~transforms.enrich.contacts.read_contacts`.
    imported_date : datetime.date
        Recorded with each contact.
    replace : bool
        Replace each client's earlier contacts of the same source (a new
        export of the same network) rather than add to them.

    Returns
    -------
    int
        The number of contacts written.
    """
    if contacts.empty:
        return 0
    sources = set(contacts["source"])
    if sources != {DEMO_SOURCE}:
        remove_demo_data(connection)
    ids = sorted(contacts["client_id"].unique())
    clients = pd.DataFrame(
        {
            "client_id": ids,
            "source": "demo" if sources == {DEMO_SOURCE} else "import",
            "imported_date": imported_date,
        }
    )
    upsert_rows(connection, m.private_clients, clients, key=["client_id"], update=[])
    table = m.private_client_contacts
    if replace:
        connection.execute(
            table.delete()
            .where(table.c.client_id.in_(ids))
            .where(table.c.source.in_(sorted(sources)))
        )
    upsert_rows(
        connection,
        table,
        contacts.assign(imported_date=imported_date),
        key=["client_id", "contact_id"],
    )
    return len(contacts)


def remove_client(connection: Connection, client_id: str) -> int:
    """Delete a client and everything recorded about them and their contacts.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection in the caller's transaction.
    client_id : str
        The client.

    Returns
    -------
    int
        Rows deleted over all private tables.
    """
    deleted = 0
    for table in _CLIENT_TABLES:
        result = connection.execute(
            table.delete().where(table.c.client_id == client_id)
        )
        deleted += int(result.rowcount or 0)
    return deleted


def remove_demo_data(connection: Connection) -> int:
    """Delete the bundled demo catalogues and clients, if present.

    Returns
    -------
    int
        Videos, trainings and clients deleted.
    """
    removed = 0
    for owners, links, key in (
        (m.core_videos, m.core_video_occupations, "video_id"),
        (m.core_trainings, m.core_training_occupations, "training_id"),
    ):
        demo = sa.select(owners.c[key]).where(owners.c.source == DEMO_SOURCE)
        connection.execute(links.delete().where(links.c[key].in_(demo)))
        result = connection.execute(
            owners.delete().where(owners.c.source == DEMO_SOURCE)
        )
        removed += int(result.rowcount or 0)
    demo_clients = sa.select(m.private_clients.c.client_id).where(
        m.private_clients.c.source == DEMO_SOURCE
    )
    ids = [row[0] for row in connection.execute(demo_clients)]
    for client_id in ids:
        remove_client(connection, client_id)
    removed += len(ids)
    if removed:
        log.info("enrich: removed %s records of the bundled demo set", removed)
    return removed


def has_own_data(connection: Connection) -> bool:
    """Tell whether videos, trainings or clients other than the demo set are stored."""
    for table in (m.core_videos, m.core_trainings, m.private_clients):
        found = connection.execute(
            sa.select(sa.literal(1)).where(table.c.source != DEMO_SOURCE).limit(1)
        ).first()
        if found is not None:
            return True
    return False


def load_catalogues(connection: Connection) -> dict[str, pd.DataFrame]:
    """Read videos, trainings and their occupation links from the warehouse.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``videos``, ``video_links``, ``trainings``, ``training_links``.
    """
    return {
        "videos": read_frame(connection, sa.select(m.core_videos)),
        "video_links": read_frame(connection, sa.select(m.core_video_occupations)),
        "trainings": read_frame(connection, sa.select(m.core_trainings)),
        "training_links": read_frame(
            connection, sa.select(m.core_training_occupations)
        ),
    }


def load_clients(connection: Connection) -> dict[str, pd.DataFrame]:
    """Read client profiles, wanted occupations and contacts.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``profiles``, ``occupations``, ``contacts``.
    """
    return {
        "profiles": read_frame(connection, sa.select(m.private_client_profiles)),
        "occupations": read_frame(connection, sa.select(m.private_client_occupations)),
        "contacts": read_frame(connection, sa.select(m.private_client_contacts)),
    }


def load_open_vacancies(connection: Connection) -> pd.DataFrame:
    """Read the open vacancies with what enrichment and matching need.

    Returns
    -------
    pandas.DataFrame
        ``vacancy_id``, ``isco08``, ``esco_uri``, ``occupation_label``,
        ``employer``, ``place``, ``municipality``, ``province``,
        ``is_remote``, ``hours_min_per_week``, ``hours_max_per_week``,
        ``education_level``.
    """
    v, loc = m.core_vacancies, m.core_locations
    query = (
        sa.select(
            v.c.vacancy_id,
            v.c.isco08,
            v.c.esco_uri,
            v.c.occupation_label,
            v.c.employer,
            v.c.place,
            v.c.municipality,
            v.c.province,
            sa.func.coalesce(loc.c.is_remote, sa.false()).label("is_remote"),
            v.c.hours_min_per_week,
            v.c.hours_max_per_week,
            v.c.education_level,
        )
        .select_from(v.outerjoin(loc, loc.c.location_id == v.c.location_id))
        .where(v.c.is_open)
        .order_by(v.c.vacancy_id)
    )
    return read_frame(connection, query)


def replace_all(connection: Connection, table: sa.Table, rows: pd.DataFrame) -> int:
    """Replace every row of ``table`` with ``rows`` in the caller's transaction."""
    connection.execute(table.delete())
    return insert_rows(connection, table, rows)


def published_videos(connection: Connection) -> pd.DataFrame:
    """Return each vacancy's chosen video as the published columns.

    Returns
    -------
    pandas.DataFrame
        ``vacancy_id``, ``video_url``, ``video_title``, ``video_poster_url``,
        ``video_language``, ``video_match_level``.
    """
    chosen, videos = m.core_vacancy_videos, m.core_videos
    query = sa.select(
        chosen.c.vacancy_id,
        videos.c.url.label("video_url"),
        videos.c.title.label("video_title"),
        videos.c.poster_url.label("video_poster_url"),
        videos.c.language.label("video_language"),
        chosen.c.match_level.label("video_match_level"),
    ).select_from(chosen.join(videos, videos.c.video_id == chosen.c.video_id))
    return read_frame(connection, query)


def published_trainings(
    connection: Connection,
    *,
    published_date: dt.date,
    vacancy_ids: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Return the rows of ``published.vacancy_trainings``.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse.
    published_date : datetime.date
        The night being published.
    vacancy_ids : sequence of str, optional
        Keep only these vacancies (the ones being published).

    Returns
    -------
    pandas.DataFrame
        One row per vacancy and training, ranked from 1.
    """
    listed, trainings = m.core_vacancy_trainings, m.core_trainings
    query = sa.select(
        listed.c.vacancy_id,
        listed.c.training_rank,
        trainings.c.name,
        trainings.c.provider,
        trainings.c.level,
        trainings.c.region,
        trainings.c.url,
        trainings.c.video_url,
        listed.c.match_level,
        trainings.c.duration_weeks,
        trainings.c.job_chance_pct,
    ).select_from(
        listed.join(trainings, trainings.c.training_id == listed.c.training_id)
    )
    rows = read_frame(connection, query)
    if vacancy_ids is not None:
        rows = rows[rows["vacancy_id"].isin(set(vacancy_ids))]
    rows = rows.sort_values(["vacancy_id", "training_rank"])
    return rows.assign(published_date=published_date).reset_index(drop=True)
