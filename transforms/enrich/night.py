"""The night's enrichment: videos and trainings per vacancy, clients' matches.

:func:`enrich_warehouse` reads the open vacancies and the catalogues, and
rewrites ``core.vacancy_videos``, ``core.vacancy_trainings``,
``private.client_vacancy_contacts`` and ``private.client_vacancy_matches`` in
the caller's transaction. The tables describe tonight's open vacancies only,
so a rerun gives the same rows.

A warehouse into which nothing has been imported yet (no videos, trainings or
clients) is given the bundled demo set first, so that the offline demo shows
every part; the first import of real data removes it (see
:mod:`transforms.enrich.store`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from transforms.enrich import store
from transforms.enrich.contacts import vacancy_contacts
from transforms.enrich.matching import rank_vacancies
from transforms.enrich.trainings import choose_trainings
from transforms.enrich.videos import choose_videos
from warehouse import models as m

__all__ = ["EnrichResult", "enrich_warehouse"]

log = logging.getLogger(__name__)


@dataclass
class EnrichResult:
    """What a night's enrichment did."""

    vacancies: int = 0
    with_video: int = 0
    with_trainings: int = 0
    details: dict[str, Any] = field(default_factory=dict)


def enrich_warehouse(
    connection: Connection,
    *,
    run_date: dt.date,
    demo_data: bool | None = None,
    languages: Sequence[str] = ("nl", "en"),
    min_link_score: float = 0.5,
    trainings_per_vacancy: int = 3,
    matches_per_client: int = 50,
) -> EnrichResult:
    """Enrich tonight's open vacancies and match them to clients.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse, in the caller's transaction.
    run_date : datetime.date
        The night, recorded as ``enriched_date``.
    demo_data : bool, optional
        Load the bundled demo set: ``None`` (default) does so only when
        nothing has been imported.
    languages : sequence of str
        Video languages in order of preference.
    min_link_score : float
        Weakest video-to-occupation link used.
    trainings_per_vacancy : int
        Trainings listed per vacancy.
    matches_per_client : int
        Vacancies kept per client.

    Returns
    -------
    EnrichResult
        Counts of vacancies, vacancies with a video and with trainings, and
        details per part.
    """
    from transforms.enrich.demo import load_demo_data

    started = time.perf_counter()
    # A production warehouse that has imported nothing yet would show the
    # demo's placeholder links too; pass demo_data=False where that matters.
    if demo_data or (demo_data is None and not store.has_own_data(connection)):
        load_demo_data(connection, imported_date=run_date)
    vacancies = store.load_open_vacancies(connection)
    catalogues = store.load_catalogues(connection)
    clients = store.load_clients(connection)

    videos = choose_videos(
        vacancies,
        catalogues["videos"],
        catalogues["video_links"],
        languages=languages,
        min_link_score=min_link_score,
    )
    trainings = choose_trainings(
        vacancies,
        catalogues["trainings"],
        catalogues["training_links"],
        per_vacancy=trainings_per_vacancy,
    )
    contacts = vacancy_contacts(clients["contacts"], vacancies)
    matches = rank_vacancies(
        clients["profiles"],
        clients["occupations"],
        vacancies,
        contacts,
        per_client=matches_per_client,
    )
    for table, rows in (
        (m.core_vacancy_videos, videos),
        (m.core_vacancy_trainings, trainings),
        (m.private_client_vacancy_contacts, contacts),
        (m.private_client_vacancy_matches, matches),
    ):
        store.replace_all(connection, table, rows.assign(enriched_date=run_date))

    coded = int(vacancies["isco08"].notna().sum())
    result = EnrichResult(
        vacancies=len(vacancies),
        with_video=len(videos),
        with_trainings=int(trainings["vacancy_id"].nunique()),
        details={
            "coded_vacancies": coded,
            "videos_by_level": {
                str(k): int(v) for k, v in videos["match_level"].value_counts().items()
            },
            "video_share_of_coded": round(len(videos) / coded, 4) if coded else None,
            "catalogue_videos": len(catalogues["videos"]),
            "catalogue_trainings": len(catalogues["trainings"]),
            "clients": len(clients["profiles"]),
            "client_vacancy_contacts": len(contacts),
            "client_vacancy_matches": len(matches),
        },
    )
    log.info(
        "enrich: %s open vacancies -> %s with a video, %s with trainings; "
        "%s clients, %s contacts at vacancies, %s matches in %.1f s",
        f"{result.vacancies:,}",
        f"{result.with_video:,}",
        f"{result.with_trainings:,}",
        f"{len(clients['profiles']):,}",
        f"{len(contacts):,}",
        f"{len(matches):,}",
        time.perf_counter() - started,
    )
    return result
