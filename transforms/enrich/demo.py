"""The bundled demo set: videos, trainings and clients written for the demo boards.

The offline demo crawls invented employers with vacancies for about ninety
common Dutch occupations. So that it shows every part of the enrichment, the
package ships a small catalogue of occupation videos and trainings for those
occupations and a handful of invented clients whose contacts work at demo
employers, some written the way people write employers (without the legal
form, abbreviated, in other case) and some at employers that merely sound
alike. The videos and training pages are placeholders under ``example.org``:
they show where a real catalogue's links appear, and lead nowhere.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import ExitStack
from importlib import resources
from pathlib import Path

from sqlalchemy.engine import Connection

from transforms.enrich import store
from transforms.enrich.contacts import read_contacts_csv
from transforms.enrich.matching import read_client_profiles
from transforms.enrich.trainings import read_training_catalogue
from transforms.enrich.videos import read_video_catalogue

__all__ = ["DEMO_FILES", "load_demo_data"]

log = logging.getLogger(__name__)

#: The bundled files, by what they hold.
DEMO_FILES = {
    "videos": "demo_videos.csv",
    "trainings": "demo_trainings.csv",
    "clients": "demo_clients.json",
    "contacts": "demo_contacts.csv",
}


def load_demo_data(connection: Connection, *, imported_date: dt.date) -> dict[str, int]:
    """Store the bundled demo set in the warehouse, replacing an earlier copy.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse, in the caller's transaction.
    imported_date : datetime.date
        Recorded with each record.

    Returns
    -------
    dict of str to int
        Videos, trainings, clients and contacts stored.
    """
    source = store.DEMO_SOURCE
    index = store.load_occupation_index(connection)
    with ExitStack() as stack:
        data = resources.files("transforms.enrich") / "data"
        paths = {
            what: stack.enter_context(resources.as_file(data / name))
            for what, name in DEMO_FILES.items()
        }
        videos = read_video_catalogue(Path(paths["videos"]), index, source=source)
        trainings = read_training_catalogue(
            Path(paths["trainings"]), index, source=source
        )
        clients = read_client_profiles(Path(paths["clients"]), index, source=source)
        contacts, _ = read_contacts_csv(Path(paths["contacts"]))
    store.remove_demo_data(connection)
    n_videos, _ = store.save_videos(
        connection,
        videos.videos,
        videos.links,
        source=source,
        imported_date=imported_date,
    )
    n_trainings, _ = store.save_trainings(
        connection,
        trainings.trainings,
        trainings.links,
        source=source,
        imported_date=imported_date,
    )
    n_clients = store.save_client_profiles(
        connection,
        clients.clients,
        clients.profiles,
        clients.occupations,
        imported_date=imported_date,
    )
    n_contacts = store.save_contacts(
        connection, contacts.assign(source=source), imported_date=imported_date
    )
    counts = {
        "videos": n_videos,
        "trainings": n_trainings,
        "clients": n_clients,
        "contacts": n_contacts,
    }
    log.info("enrich: nothing imported yet, loaded the bundled demo set %s", counts)
    return counts
