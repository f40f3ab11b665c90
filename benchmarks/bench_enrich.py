"""Benchmark the night's enrichment: 300,000 open vacancies on the embedded warehouse.

The warehouse is filled with generated data first (not timed): open vacancies
over the ISCO-08 unit groups of the starter taxonomy and ESCO-like occupations
within them, 40,000 employers and all provinces; a video catalogue and a
training catalogue of a few thousand entries each; 1,000 clients with wanted
occupations, places, hours and 200 contacts each, a third of them at the
vacancies' employers written the way people write them (so about 450,000
client-vacancy contacts). The timed part is one
``enrich`` step: choosing videos and trainings, finding contacts at vacancies
and ranking vacancies per client, reading from and writing to the warehouse.

    .venv/bin/python benchmarks/bench_enrich.py [--vacancies 300000] [--clients 1000]
        [--warehouse duckdb:///var/bench_enrich.duckdb] [--budget 60]

Exits with status 1 when the step takes longer than the budget in seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from transforms.enrich.night import enrich_warehouse
from transforms.geo import PROVINCES
from transforms.occupations.taxonomy import starter_taxonomy
from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.load import insert_rows

log = logging.getLogger("bench_enrich")

NIGHT = dt.date(2026, 12, 1)
WORDS = [
    *("zorg", "groep", "bouw", "techniek", "transport", "logistiek", "data"),
    *("software", "service", "installatie", "metaal", "horeca", "retail"),
    *("finance", "advies", "onderwijs", "welzijn", "noord", "zuid", "oost"),
    *("west", "midden", "holland", "brabant", "rijn", "maas", "delta"),
]
FORMS = ["B.V.", "N.V.", "", "", "Stichting", "V.O.F."]
LEVELS = ["mbo-2", "mbo-3", "mbo-4", "hbo", "wo", None]


def employers(rng: random.Random, n: int) -> list[str]:
    """Invent ``n`` distinct employer names with Dutch legal forms."""
    names: set[str] = set()
    while len(names) < n:
        words = rng.sample(WORDS, 2)
        name = f"{words[0].title()}{words[1]} {rng.randint(1, 9999)}"
        form = rng.choice(FORMS)
        names.add(
            f"Stichting {name}" if form == "Stichting" else f"{name} {form}".strip()
        )
    return sorted(names)


def occupations(units: list[str], per_unit: int) -> pd.DataFrame:
    """Make ESCO-like occupations: ``per_unit`` URIs in each unit group."""
    return pd.DataFrame(
        [
            {"esco_uri": f"urn:bench:{unit}:{i}", "isco08": unit}
            for unit in units
            for i in range(per_unit)
        ]
    )


def fill(engine, rng: random.Random, args: argparse.Namespace) -> None:
    """Write generated vacancies, catalogues, clients and contacts."""
    np_rng = np.random.default_rng(7)
    units = sorted(set(starter_taxonomy().occupations["isco08"]))
    occ = occupations(units, 15)
    names = employers(rng, args.employers)
    # Contacts work at employers with open vacancies and at many without.
    elsewhere = employers(random.Random(8), args.employers)
    n = args.vacancies
    pick = np_rng.integers(0, len(occ), n)
    provinces = np.array(PROVINCES)[np_rng.integers(0, len(PROVINCES), n)]
    hours_min = np_rng.choice([16.0, 24.0, 32.0, 36.0, np.nan], n)
    vacancies = pd.DataFrame(
        {
            "vacancy_id": [f"v{i:07d}" for i in range(n)],
            "source_posting_id": [f"p{i:07d}" for i in range(n)],
            "location_id": pd.Series(provinces).map(lambda p: f"l-{p}"),
            "title": "Vacature",
            "employer": np.array(names)[np_rng.integers(0, len(names), n)],
            "location": provinces,
            "place": provinces,
            "municipality": provinces,
            "province": provinces,
            "description": "Omschrijving.",
            "url": [f"https://board.example.org/{i}" for i in range(n)],
            "education_level": np.array(LEVELS, dtype=object)[
                np_rng.integers(0, len(LEVELS), n)
            ],
            "isco08": occ["isco08"].to_numpy()[pick],
            "esco_uri": np.where(
                np_rng.random(n) < 0.6, occ["esco_uri"].to_numpy()[pick], None
            ),
            "n_postings": 1,
            "n_boards": 1,
            "hours_min_per_week": hours_min,
            "hours_max_per_week": hours_min + 8,
            "content_hash": "x",
            "date_posted": NIGHT,
            "first_seen_date": NIGHT,
            "last_seen_date": NIGHT,
            "is_open": True,
        }
    )
    vacancies.loc[np_rng.random(n) < 0.1, ["isco08", "esco_uri"]] = None
    locations = pd.DataFrame(
        {
            "location_id": [f"l-{p}" for p in PROVINCES],
            "place": list(PROVINCES),
            "municipality": list(PROVINCES),
            "province": list(PROVINCES),
            "is_remote": False,
        }
    )

    video_occ = occ.sample(min(2500, len(occ)), random_state=1)
    videos = pd.DataFrame(
        {
            "video_id": [f"vid{i}" for i in range(len(video_occ))],
            "title": "Beroepsbeeld",
            "url": [
                f"https://video.example.org/{i}.mp4" for i in range(len(video_occ))
            ],
            "kind": "occupation",
            "language": np_rng.choice(["nl", "en"], len(video_occ)),
            "source": "bench",
            "imported_date": NIGHT,
        }
    )
    video_links = pd.DataFrame(
        {
            "video_id": videos["video_id"],
            "occupation_code": video_occ["esco_uri"].to_numpy(),
            "isco08": video_occ["isco08"].to_numpy(),
            "esco_uri": np.where(
                np_rng.random(len(video_occ)) < 0.5, video_occ["esco_uri"], None
            ),
            "linked_by": "catalogue",
            "link_score": np.round(np_rng.uniform(0.3, 1.0, len(video_occ)), 3),
        }
    )
    training_occ = occ.sample(4000, replace=True, random_state=2)
    trainings = pd.DataFrame(
        {
            "training_id": [f"t{i}" for i in range(len(training_occ))],
            "name": [f"Opleiding {i}" for i in range(len(training_occ))],
            "level": np_rng.choice(
                ["mbo-2", "mbo-4", "hbo", "course"], len(training_occ)
            ),
            "region": np.where(
                np_rng.random(len(training_occ)) < 0.2,
                None,
                np.array(PROVINCES)[np_rng.integers(0, 12, len(training_occ))],
            ),
            "source": "bench",
            "job_chance_pct": np.round(np_rng.uniform(50, 99, len(training_occ))),
            "imported_date": NIGHT,
        }
    )
    training_links = pd.DataFrame(
        {
            "training_id": trainings["training_id"],
            "occupation_code": training_occ["isco08"].to_numpy(),
            "isco08": training_occ["isco08"].to_numpy(),
        }
    ).drop_duplicates(["training_id", "occupation_code"])

    clients = [f"k{i:05d}" for i in range(args.clients)]
    profiles = pd.DataFrame(
        {
            "client_id": clients,
            "place": np.array(PROVINCES)[np_rng.integers(0, 12, len(clients))],
            "hours_min_per_week": 24.0,
            "hours_max_per_week": 36.0,
            "education_level": "mbo-4",
            "updated_date": NIGHT,
        }
    )
    profiles["province"] = profiles["place"]
    profiles["municipality"] = profiles["place"]
    wanted = occ.sample(len(clients) * 3, replace=True, random_state=3)
    client_occupations = pd.DataFrame(
        {
            "client_id": np.repeat(clients, 3),
            "occupation_code": wanted["isco08"].to_numpy(),
            "isco08": wanted["isco08"].to_numpy(),
        }
    ).drop_duplicates(["client_id", "occupation_code"])
    contact_rows = []
    for client in clients:
        for j in range(args.contacts):
            at_vacancy = rng.random() < args.share_at_vacancies
            employer = rng.choice(names if at_vacancy else elsewhere)
            written = employer.replace("B.V.", "").replace("Stichting ", "").lower()
            contact_rows.append(
                (client, f"c{client}-{j}", f"Contact {j}", written, written, "csv")
            )
    contacts = pd.DataFrame(
        contact_rows,
        columns=[
            "client_id",
            "contact_id",
            "contact_name",
            "employer",
            "employer_key",
            "source",
        ],
    ).assign(imported_date=NIGHT)

    with engine.begin() as connection:
        for table, rows in (
            (m.core_locations, locations),
            (m.core_vacancies, vacancies),
            (m.core_videos, videos),
            (m.core_video_occupations, video_links),
            (m.core_trainings, trainings),
            (m.core_training_occupations, training_links),
            (
                m.private_clients,
                pd.DataFrame(
                    {"client_id": clients, "source": "bench", "imported_date": NIGHT}
                ),
            ),
            (m.private_client_profiles, profiles),
            (m.private_client_occupations, client_occupations),
            (m.private_client_contacts, contacts),
        ):
            insert_rows(connection, table, rows)
    log.info(
        "filled: %s vacancies, %s videos, %s trainings, %s clients, %s contacts",
        f"{len(vacancies):,}",
        f"{len(videos):,}",
        f"{len(trainings):,}",
        f"{len(clients):,}",
        f"{len(contacts):,}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=300_000)
    parser.add_argument("--clients", type=int, default=1_000)
    parser.add_argument("--employers", type=int, default=40_000)
    parser.add_argument("--contacts", type=int, default=200, help="per client")
    parser.add_argument(
        "--share-at-vacancies",
        type=float,
        default=0.3,
        help="share of contacts at an employer with open vacancies",
    )
    parser.add_argument("--warehouse", default=None)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)

    with tempfile.TemporaryDirectory() as scratch:
        url = args.warehouse or f"duckdb:///{Path(scratch) / 'bench.duckdb'}"
        engine = get_engine(url)
        try:
            migrate(engine)
            fill(engine, random.Random(7), args)
            started = time.perf_counter()
            with engine.begin() as connection:
                result = enrich_warehouse(connection, run_date=NIGHT)
            seconds = time.perf_counter() - started
        finally:
            engine.dispose()
    log.info(
        "enrich: %s open vacancies -> %s with a video, %s with trainings, "
        "%s client-vacancy contacts, %s matches in %.1f s (budget %.0f s)",
        f"{result.vacancies:,}",
        f"{result.with_video:,}",
        f"{result.with_trainings:,}",
        f"{result.details['client_vacancy_contacts']:,}",
        f"{result.details['client_vacancy_matches']:,}",
        seconds,
        args.budget,
    )
    return 0 if seconds <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
