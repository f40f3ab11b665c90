"""Seeded, realistic Dutch vacancies and the postings demo boards show of them.

The world of a seed is defined for every calendar day: the vacancies opened on
a day are drawn from a generator seeded with ``(seed, day)``, each with an open
and a close date, so what is live on a night is a pure function of
``(seed, night)``. Every 28-day block also opens a fixed set of special
vacancies (hard negatives for dedupe, malformed records, internal vacancies)
that stay open longer than a block, so every night has some of each.

A vacancy is posted on one board, and about a third are cross-posted on two
to four boards with the variations real boards show: title prefixes and
suffixes, legal forms dropped or upper-cased, an agency hiding the employer,
shortened or reworded descriptions, later posting dates and locations written
differently.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import random
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vacatures.demo import texts
from vacatures.demo.employers import (
    AGENCY,
    EMPLOYER_BOARD_OWNERS,
    EMPLOYERS,
    HIRES,
    Employer,
)
from vacatures.demo.occupations import OCCUPATIONS, Occupation, by_sector
from vacatures.demo.places import PLACES, Place, postal_code_in, street_in
from vacatures.demo.texts import Section

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BOARDS",
    "DEFECTS",
    "BoardPosting",
    "BoardSpec",
    "Night",
    "Vacancy",
    "World",
    "compose",
    "generate_night",
    "slugify",
]

log = logging.getLogger(__name__)

EPOCH = dt.date(2020, 1, 1)
BLOCK_DAYS = 28
MIN_OPEN_DAYS = 21
MAX_OPEN_DAYS = 70
_SPECIAL_MIN_DAYS = 36
_SPECIAL_MAX_DAYS = 50
_MEAN_OPEN_DAYS = (MIN_OPEN_DAYS + MAX_OPEN_DAYS) / 2
# Employers post on weekdays; the weekend factors keep the weekly mean at 1.
_WEEKDAY_FACTOR = (1.3, 1.3, 1.3, 1.3, 1.3, 0.35, 0.15)
# A vacancy's serial is its open day's number times 1,000 plus its rank that
# day; ranks from 900 on belong to the specials of a block.
_SERIALS_PER_DAY = 1000
_SPECIAL_SERIAL = 900


@dataclass(frozen=True)
class BoardSpec:
    """One demo board: registry name, kind, source type and URL prefix."""

    name: str
    kind: str
    source_type: str
    prefix: str
    label: str
    owner: Employer | None = None


BOARDS: tuple[BoardSpec, ...] = (
    BoardSpec("demo-banenbank", "jsonld", "board", "/banenbank", "Banenbank"),
    BoardSpec(
        "demo-vacaturestroom", "xmlfeed", "aggregator", "/vacaturestroom",
        "Vacaturestroom",
    ),
    BoardSpec("demo-flexkracht", "recruitee", "agency", "/flexkracht", "Flexkracht"),
    BoardSpec(
        "demo-kwadraat", "greenhouse", "employer", "/kwadraat", "Kwadraat",
        owner=EMPLOYER_BOARD_OWNERS["greenhouse"],
    ),
    BoardSpec(
        "demo-snelpost", "lever", "employer", "/snelpost", "Snelpost",
        owner=EMPLOYER_BOARD_OWNERS["lever"],
    ),
    BoardSpec("demo-regiobanen", "html", "board", "/regiobanen", "Regiobanen"),
)  # fmt: skip
_BY_KIND = {b.kind: b for b in BOARDS}

#: Malformed record kinds and the board kinds whose format can carry them.
DEFECTS: dict[str, tuple[str, ...]] = {
    # An html board's spider skips a page without a title, so no posting is
    # left to reject: the html board gets no missing titles.
    "missing_title": ("jsonld", "xmlfeed", "recruitee", "greenhouse", "lever"),
    "bad_date": ("jsonld", "xmlfeed", "html"),
    "salary_inverted": ("jsonld", "xmlfeed", "recruitee", "lever"),
    "empty_description": (
        "jsonld", "xmlfeed", "recruitee", "greenhouse", "lever", "html",
    ),
    "bad_postal_code": ("jsonld", "xmlfeed", "recruitee"),
}  # fmt: skip

# Numeric ids of a board are its base plus the vacancy serial, so ids grow
# with time the way a real board's do.
_ID_BASE = {
    "jsonld": 4_000_000,
    "xmlfeed": 2_000_000,
    "recruitee": 1_000_000,
    "greenhouse": 5_000_000,
    "lever": 0,
    "html": 0,
}


@dataclass(frozen=True)
class Change:
    """A field of a still-open vacancy that changes on ``day``."""

    day: dt.date
    kind: str  # salary, hours or description


@dataclass(frozen=True)
class Placement:
    """Where and how a vacancy is posted on one board."""

    board: str
    lag_days: int = 0
    early_close_days: int = 0
    via_agency: bool = False
    is_primary: bool = False


@dataclass(frozen=True)
class Vacancy:
    """A real job, the thing dedupe should find behind the postings.

    Fields hold the state at ``open_date``; :meth:`as_of` applies the change
    of a later night.
    """

    key: str
    serial: int
    occupation: Occupation
    language: str
    title: str
    employer: Employer
    place: Place
    street: str
    postal_code: str
    open_date: dt.date
    close_date: dt.date
    employment_type: str
    contract: str
    hours: tuple[int, int]
    salary: tuple[float, float, str] | None
    education: str
    experience_years: int
    workplace: str
    text_seed: int
    placements: tuple[Placement, ...]
    change: Change | None = None
    defect: str | None = None
    hard_negative: str = ""
    is_internal: bool = False
    note: str = ""

    def is_open(self, night: dt.date) -> bool:
        """Whether the vacancy is open on ``night``."""
        return self.open_date <= night < self.close_date

    def as_of(self, night: dt.date) -> Vacancy:
        """Return the vacancy as it reads on ``night``, with its change applied."""
        if self.change is None or night < self.change.day:
            return self
        rng = random.Random(f"change:{self.key}")
        if self.change.kind == "salary" and self.salary is not None:
            low, high, period = self.salary
            factor = 1 + rng.choice((0.03, 0.04, 0.05, 0.06, 0.08))
            salary = (
                _round_pay(low * factor, period),
                _round_pay(high * factor, period),
            )
            return dataclasses.replace(self, salary=(*salary, period))
        if self.change.kind == "hours":
            options = [h for h in self.occupation.hours if h != self.hours]
            options.append((self.hours[0] - 4, self.hours[1]))
            hours = rng.choice([h for h in options if h[0] > 0])
            return dataclasses.replace(
                self,
                hours=hours,
                employment_type=_employment_type(hours, self.contract),
            )
        notes = (
            texts.CHANGE_NOTES_EN if self.language == "en" else texts.CHANGE_NOTES_NL
        )
        return dataclasses.replace(self, note=rng.choice(notes))


@dataclass(frozen=True)
class BoardPosting:
    """What one board shows of a vacancy on a night.

    ``path`` is the canonical path of the posting on the demo server (the
    detail page or job URL without tracking parameters); ``external_id`` is
    the board's own identifier where its format has one.
    """

    board: BoardSpec
    vacancy: Vacancy
    number: int
    external_id: str
    path: str
    slug: str
    title: str
    employer_name: str
    location: str
    date_posted: dt.date
    modified: dt.date
    valid_through: dt.date
    sections: tuple[Section, ...]
    defect: str | None
    via_agency: bool
    variant: int

    @property
    def description_html(self) -> str:
        """The description as simple HTML."""
        return texts.sections_html(self.sections)

    @property
    def description_text(self) -> str:
        """The description as plain text."""
        return texts.sections_text(self.sections)


@dataclass
class Night:
    """Everything the demo boards show on one night, plus its ground truth."""

    seed: int
    as_of: dt.date
    vacancies: tuple[Vacancy, ...]
    postings: tuple[BoardPosting, ...]
    internal: tuple[BoardPosting, ...]
    board_changed: dict[str, dt.date] = field(default_factory=dict)

    def postings_of(self, board: str) -> list[BoardPosting]:
        """Return the postings of one board, newest first."""
        return [p for p in self.postings if p.board.name == board]

    def truth(self, base_url: str) -> pd.DataFrame:
        """Return every posting served tonight with the vacancy it belongs to.

        Parameters
        ----------
        base_url : str
            The server's base URL, such as ``http://127.0.0.1:8765``.

        Returns
        -------
        pandas.DataFrame
            One row per posting, sorted by board and URL, with columns
            ``board``, ``url`` (canonical, as a spider emits it),
            ``external_id`` (empty where the format has none),
            ``vacancy_key``, ``is_malformed``, ``defect`` (empty or the kind
            of malformation), ``hard_negative`` (empty or the group of
            look-alike vacancies it belongs to), ``language`` and
            ``date_posted``.
        """
        import pandas as pd

        rows = [
            {
                "board": p.board.name,
                "url": base_url + p.path,
                "external_id": p.external_id,
                "vacancy_key": p.vacancy.key,
                "is_malformed": p.defect is not None,
                "defect": p.defect or "",
                "hard_negative": p.vacancy.hard_negative,
                "language": p.vacancy.language,
                "date_posted": p.date_posted.isoformat(),
            }
            for p in self.postings
        ]
        frame = pd.DataFrame(rows, columns=_TRUTH_COLUMNS)
        return frame.sort_values(["board", "url"], ignore_index=True)

    def vacancy_table(self) -> pd.DataFrame:
        """Return the vacancies open tonight, one row each.

        Returns
        -------
        pandas.DataFrame
            Columns ``vacancy_key``, ``title``, ``employer``, ``place``,
            ``occupation``, ``language``, ``open_date``, ``close_date``,
            ``change_date``, ``change_kind``, ``defect``, ``hard_negative``
            and ``boards`` (the number of boards showing it tonight).
        """
        import pandas as pd

        boards_per_key: dict[str, int] = {}
        for p in self.postings:
            boards_per_key[p.vacancy.key] = boards_per_key.get(p.vacancy.key, 0) + 1
        rows = [
            {
                "vacancy_key": v.key,
                "title": v.title,
                "employer": v.employer.name,
                "place": v.place.name,
                "occupation": v.occupation.key,
                "language": v.language,
                "open_date": v.open_date.isoformat(),
                "close_date": v.close_date.isoformat(),
                "change_date": v.change.day.isoformat() if v.change else "",
                "change_kind": v.change.kind if v.change else "",
                "defect": v.defect or "",
                "hard_negative": v.hard_negative,
                "boards": boards_per_key.get(v.key, 0),
            }
            for v in self.vacancies
        ]
        return pd.DataFrame(rows)


_TRUTH_COLUMNS = [
    "board",
    "url",
    "external_id",
    "vacancy_key",
    "is_malformed",
    "defect",
    "hard_negative",
    "language",
    "date_posted",
]


def slugify(text: str) -> str:
    """Turn a title into a URL slug.

    Examples
    --------
    >>> slugify("Coöperatie Medewerker (m/v/x) | 32-40 uur")
    'cooperatie-medewerker-m-v-x-32-40-uur'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "vacature"


def _round_pay(amount: float, period: str) -> float:
    if period == "hour":
        return round(round(amount * 20) / 20, 2)
    if period == "month":
        return float(round(amount / 25) * 25)
    return float(round(amount / 1000) * 1000)


def _employment_type(hours: tuple[int, int], contract: str) -> str:
    if contract == "temporary":
        return "temporary"
    return "full_time" if hours[1] >= 32 else "part_time"


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _stable_int(text: str) -> int:
    return int.from_bytes(
        hashlib.sha1(text.encode(), usedforsecurity=False).digest()[:8]
    )


class World:
    """The seeded world: employers, the agency's clients and every day's vacancies.

    Parameters
    ----------
    seed : int
        Seed of everything generated.
    vacancies : int
        The number of vacancies open on a typical night.
    cross_post_share : float
        Share of vacancies posted on more than one board.
    english_share : float
        Chance that a vacancy of an occupation also advertised in English is
        written in English.
    malformed_share : float
        Chance that an ordinary vacancy is posted as a malformed record (on
        top of the malformed specials every block has).
    """

    def __init__(
        self,
        seed: int = 7,
        *,
        vacancies: int = 400,
        cross_post_share: float = 0.4,
        english_share: float = 0.35,
        malformed_share: float = 0.01,
    ) -> None:
        self.seed = seed
        self.vacancies = vacancies
        self.cross_post_share = cross_post_share
        self.english_share = english_share
        self.malformed_share = malformed_share
        rng = random.Random(f"{seed}:world")
        places_by_name = {p.name: p for p in PLACES}
        self.home: dict[str, Place] = {}
        self.weight: dict[str, float] = {}
        for employer in EMPLOYERS:
            town = employer.name.removeprefix("Gemeente ")
            if town in places_by_name:
                self.home[employer.name] = places_by_name[town]
            else:
                self.home[employer.name] = _HOMES.get(employer.name) or rng.choice(
                    PLACES
                )
            self.weight[employer.name] = rng.choice((0.5, 1, 1, 1, 1.5, 2, 3))
        owners = tuple(EMPLOYER_BOARD_OWNERS.values())
        for owner in owners:
            self.weight[owner.name] = 22.0
        candidates = [
            e for e in EMPLOYERS if e.sector in _AGENCY_SECTORS and e not in owners
        ]
        self.clients: tuple[Employer, ...] = tuple(rng.sample(candidates, 28))
        self._client_names = frozenset(c.name for c in self.clients)
        self._owner_kind = {e.name: kind for kind, e in EMPLOYER_BOARD_OWNERS.items()}
        self._employers = list(EMPLOYERS)
        self._employer_weights = [self.weight[e.name] for e in EMPLOYERS]
        self.day_rate = vacancies / _MEAN_OPEN_DAYS
        self._days: dict[dt.date, tuple[Vacancy, ...]] = {}
        self._blocks: dict[int, tuple[Vacancy, ...]] = {}

    def is_client(self, employer: Employer) -> bool:
        """Whether the agency places people at ``employer``."""
        return employer.name in self._client_names

    def opened_on(self, day: dt.date) -> tuple[Vacancy, ...]:
        """Return the ordinary vacancies opened on ``day``."""
        cached = self._days.get(day)
        if cached is not None:
            return cached
        n = (day - EPOCH).days
        rng = random.Random(f"{self.seed}:day:{n}")
        expected = self.day_rate * _WEEKDAY_FACTOR[day.weekday()]
        count = min(int(expected + rng.random()), _SPECIAL_SERIAL)
        opened = tuple(
            self._ordinary(rng, day, n * _SERIALS_PER_DAY + i) for i in range(count)
        )
        self._days[day] = opened
        return opened

    def specials_of(self, block: int) -> tuple[Vacancy, ...]:
        """Return the special vacancies opened in 28-day block ``block``."""
        cached = self._blocks.get(block)
        if cached is not None:
            return cached
        rng = random.Random(f"{self.seed}:block:{block}")
        start = EPOCH + dt.timedelta(days=block * BLOCK_DAYS)
        serial = (start - EPOCH).days * _SERIALS_PER_DAY + _SPECIAL_SERIAL
        specials: list[Vacancy] = []
        specials += self._same_title_two_places(rng, start, serial, block)
        specials += self._driving_licences(rng, start, serial + 2, block)
        specials += self._junior_and_senior(rng, start, serial + 4, block)
        for j, defect in enumerate(DEFECTS):
            specials.append(self._malformed(rng, start, serial + 6 + j, defect))
        for j in range(3):
            specials.append(self._internal(rng, start, serial + 12 + j))
        self._blocks[block] = tuple(specials)
        return self._blocks[block]

    def night(self, as_of: dt.date) -> Night:
        """Return what the boards show on the night of ``as_of``.

        Parameters
        ----------
        as_of : datetime.date
            The night; a vacancy is shown from its posting date up to, not
            including, its close date.

        Returns
        -------
        Night
            The open vacancies (as they read tonight), the postings of every
            board newest first, and the internal postings that robots.txt
            keeps crawlers away from.
        """
        candidates: list[Vacancy] = []
        for back in range(MAX_OPEN_DAYS + 1):
            candidates.extend(self.opened_on(as_of - dt.timedelta(days=back)))
        block = (as_of - EPOCH).days // BLOCK_DAYS
        for b in range(block - 2, block + 1):
            candidates.extend(self.specials_of(b))
        vacancies: list[Vacancy] = []
        postings: list[BoardPosting] = []
        internal: list[BoardPosting] = []
        changed: dict[str, dt.date] = {b.name: EPOCH for b in BOARDS}
        for base in candidates:
            for placement in base.placements:
                self._note_board_change(changed, base, placement, as_of)
            if not base.is_open(as_of):
                continue
            vacancy = base.as_of(as_of)
            drafts = (
                _posting(self.seed, vacancy, placement, as_of)
                for placement in vacancy.placements
            )
            shown = [p for p in drafts if p is not None]
            if vacancy.is_internal:
                internal.extend(shown)
                continue
            vacancies.append(vacancy)
            postings.extend(shown)
        postings.sort(
            key=lambda p: (p.board.name, -p.date_posted.toordinal(), -p.number)
        )
        return Night(
            seed=self.seed,
            as_of=as_of,
            vacancies=tuple(vacancies),
            postings=tuple(postings),
            internal=tuple(internal),
            board_changed=changed,
        )

    @staticmethod
    def _note_board_change(
        changed: dict[str, dt.date], v: Vacancy, placement: Placement, as_of: dt.date
    ) -> None:
        posted = v.open_date + dt.timedelta(days=placement.lag_days)
        closed = v.close_date - dt.timedelta(days=placement.early_close_days)
        events = [posted, closed]
        if v.change is not None and posted <= v.change.day < closed:
            events.append(v.change.day)
        board = _BY_KIND[placement.board].name
        for day in events:
            if day <= as_of and day > changed[board]:
                changed[board] = day

    # ordinary vacancies ------------------------------------------------------

    def _pick_employer(self, rng: random.Random) -> Employer:
        return rng.choices(self._employers, weights=self._employer_weights)[0]

    def _pick_occupation(self, rng: random.Random, employer: Employer) -> Occupation:
        sector = _weighted(rng, HIRES[employer.sector])
        return rng.choice(by_sector(sector))

    def _ordinary(self, rng: random.Random, day: dt.date, serial: int) -> Vacancy:
        employer = self._pick_employer(rng)
        occupation = self._pick_occupation(rng, employer)
        vacancy = self._draft(rng, day, serial, employer, occupation)
        if rng.random() < self.malformed_share:
            primary = vacancy.placements[0].board
            kinds = [k for k, allowed in DEFECTS.items() if primary in allowed]
            return self._with_defect(vacancy, rng.choice(kinds), primary)
        return vacancy

    def _draft(
        self,
        rng: random.Random,
        day: dt.date,
        serial: int,
        employer: Employer,
        occupation: Occupation,
        *,
        seniority: str | None = None,
        place: Place | None = None,
        language: str | None = None,
    ) -> Vacancy:
        english_share = self.english_share * (
            1.4 if employer.sector == "fintech" else 1
        )
        if language is None:
            english = occupation.titles_en and employer.sector in _ENGLISH_SECTORS
            language = "en" if english and rng.random() < english_share else "nl"
        if seniority is None:
            seniority = ""
            if occupation.seniority:
                seniority = rng.choices(
                    ("", "Junior", "Medior", "Senior"), weights=(45, 20, 10, 25)
                )[0]
            if language == "en" and seniority == "Medior":
                seniority = ""
        title = _title(rng, occupation, language, seniority)
        if place is None:
            place = self._pick_place(rng, employer)
        contract = _contract(rng, occupation, self.is_client(employer))
        hours = rng.choice(occupation.hours)
        salary: tuple[float, float, str] | None
        salary = _salary(rng, occupation, seniority, language)
        if rng.random() < 0.18:
            salary = None
        experience = {
            "Junior": 0,
            "Medior": rng.randint(2, 4),
            "Senior": rng.randint(5, 8),
        }.get(seniority, rng.choice((0, 1, 2, 3)))
        office = occupation.sector in {"ict", "finance", "marketing", "administratie"}
        workplace = "onsite"
        if office:
            workplace = rng.choices(
                ("onsite", "hybrid", "remote"), weights=(45, 50, 5)
            )[0]
        duration = rng.randint(MIN_OPEN_DAYS, MAX_OPEN_DAYS)
        change = None
        if rng.random() < 0.2:
            change = Change(
                day + dt.timedelta(days=rng.randint(3, duration - 3)),
                rng.choice(("salary", "hours", "description")),
            )
            if change.kind == "salary" and salary is None:
                change = dataclasses.replace(change, kind="description")
        return Vacancy(
            key=f"v{day:%Y%m%d}-{serial % _SERIALS_PER_DAY:03d}",
            serial=serial,
            occupation=occupation,
            language=language,
            title=title,
            employer=employer,
            place=place,
            street=street_in(rng),
            postal_code=postal_code_in(place, rng),
            open_date=day,
            close_date=day + dt.timedelta(days=duration),
            employment_type=_employment_type(hours, contract),
            contract=contract,
            hours=hours,
            salary=salary,
            education=rng.choice(occupation.education),
            experience_years=experience,
            workplace=workplace,
            text_seed=rng.getrandbits(48),
            placements=self._placements(rng, employer),
            change=change,
        )

    def _pick_place(self, rng: random.Random, employer: Employer) -> Place:
        home = self.home[employer.name]
        roll = rng.random()
        if employer.name.startswith("Gemeente ") or roll < 0.65:
            return home
        if roll < 0.85:
            return rng.choice([p for p in PLACES if p.province == home.province])
        return rng.choice(PLACES)

    def _placements(
        self, rng: random.Random, employer: Employer
    ) -> tuple[Placement, ...]:
        client = self.is_client(employer)
        owner_kind = self._owner_kind.get(employer.name)
        if owner_kind:
            primary = owner_kind
        elif client and rng.random() < 0.55:
            primary = "recruitee"
        else:
            primary = _weighted(rng, {"jsonld": 0.62, "xmlfeed": 0.23, "html": 0.15})
        placements = [Placement(primary, is_primary=True)]
        if rng.random() < self.cross_post_share:
            weights = {"jsonld": 3.0, "xmlfeed": 2.5, "html": 1.0}
            if client:
                weights["recruitee"] = 2.0
            weights.pop(primary, None)
            extra = min(rng.choice((1, 1, 1, 2, 2, 3)), len(weights))
            for _ in range(extra):
                board = _weighted(rng, weights)
                del weights[board]
                via_agency = (
                    client
                    and board in {"jsonld", "xmlfeed", "html"}
                    and rng.random() < (0.6 if primary == "recruitee" else 0.3)
                )
                placements.append(
                    Placement(
                        board,
                        lag_days=rng.choice((0, 1, 1, 2, 3, 4, 5, 6)),
                        early_close_days=rng.choice((0, 0, 0, 1, 3, 5)),
                        via_agency=via_agency,
                    )
                )
        return tuple(placements)

    @staticmethod
    def _with_defect(vacancy: Vacancy, defect: str, board: str) -> Vacancy:
        salary = vacancy.salary
        if defect == "salary_inverted" and salary is None:
            band = vacancy.occupation.salary
            salary = (band.low, band.high, band.period)
        change = vacancy.change
        if change is not None and change.kind == "salary":
            change = None
        return dataclasses.replace(
            vacancy,
            defect=defect,
            salary=salary,
            change=change,
            placements=(Placement(board, is_primary=True),),
        )

    # special vacancies -------------------------------------------------------

    def _special_day(self, rng: random.Random, start: dt.date) -> tuple[dt.date, int]:
        return (
            start + dt.timedelta(days=rng.randint(0, 3)),
            rng.randint(_SPECIAL_MIN_DAYS, _SPECIAL_MAX_DAYS),
        )

    def _special(
        self, vacancy: Vacancy, day: dt.date, days: int, board: str, group: str
    ) -> Vacancy:
        return dataclasses.replace(
            vacancy,
            key=f"v{day:%Y%m%d}-{vacancy.serial % _SERIALS_PER_DAY:03d}",
            open_date=day,
            close_date=day + dt.timedelta(days=days),
            placements=(Placement(board, is_primary=True),),
            change=None,
            hard_negative=group,
        )

    def _same_title_two_places(
        self, rng: random.Random, start: dt.date, serial: int, block: int
    ) -> list[Vacancy]:
        pool = [
            e for e in EMPLOYERS
            if e.sector in {"zorg", "retail", "logistiek", "horeca", "schoonmaak"}
        ]  # fmt: skip
        employer = rng.choice(pool)
        occupation = rng.choice(by_sector(_weighted(rng, HIRES[employer.sector])))
        day, days = self._special_day(rng, start)
        home = self.home[employer.name]
        others = [p for p in PLACES if p.province == home.province and p != home]
        second = rng.choice(others or [p for p in PLACES if p != home])
        text_seed = rng.getrandbits(48)
        first = self._draft(rng, day, serial, employer, occupation, place=home)
        first = dataclasses.replace(first, text_seed=text_seed)
        twin = dataclasses.replace(
            first,
            serial=serial + 1,
            place=second,
            postal_code=postal_code_in(second, rng),
            street=street_in(rng),
        )
        group = f"same_title_two_places:{block}"
        return [
            self._special(first, day, days, "jsonld", group),
            self._special(twin, day + dt.timedelta(days=1), days, "jsonld", group),
        ]

    def _driving_licences(
        self, rng: random.Random, start: dt.date, serial: int, block: int
    ) -> list[Vacancy]:
        carriers = [e for e in EMPLOYERS if e.sector == "logistiek"]
        carriers.append(EMPLOYER_BOARD_OWNERS["lever"])
        employer = rng.choice(carriers)
        board = self._owner_kind.get(employer.name, "jsonld")
        day, days = self._special_day(rng, start)
        place = self.home[employer.name]
        text_seed = rng.getrandbits(48)
        by_key = {o.key: o for o in OCCUPATIONS}
        group = f"chauffeur_c_ce:{block}"
        pair = []
        for offset, key in enumerate(("chauffeur_c", "chauffeur_ce")):
            draft = self._draft(
                rng, day, serial + offset, employer, by_key[key], place=place,
                language="nl",
            )  # fmt: skip
            draft = dataclasses.replace(
                draft, title=by_key[key].titles[0], text_seed=text_seed
            )
            pair.append(self._special(draft, day, days, board, group))
        return pair

    def _junior_and_senior(
        self, rng: random.Random, start: dt.date, serial: int, block: int
    ) -> list[Vacancy]:
        owner = EMPLOYER_BOARD_OWNERS["greenhouse"]
        hirers = [e for e in EMPLOYERS if e.sector in {"ict", "finance"}] + [owner]
        employer = rng.choice(hirers)
        board = self._owner_kind.get(employer.name, "jsonld")
        occupation = rng.choice([o for o in by_sector("ict") if o.seniority])
        day, days = self._special_day(rng, start)
        place = self.home[employer.name]
        language = "en" if employer == owner else "nl"
        base = _title(rng, occupation, language, "")
        text_seed = rng.getrandbits(48)
        group = f"junior_senior:{block}"
        pair = []
        for offset, level in enumerate(("Junior", "Senior")):
            draft = self._draft(
                rng, day, serial + offset, employer, occupation,
                seniority=level, place=place, language=language,
            )  # fmt: skip
            draft = dataclasses.replace(
                draft, title=_with_seniority(base, level), text_seed=text_seed
            )
            pair.append(self._special(draft, day, days, board, group))
        return pair

    def _malformed(
        self, rng: random.Random, start: dt.date, serial: int, defect: str
    ) -> Vacancy:
        board = rng.choice(DEFECTS[defect])
        if board in EMPLOYER_BOARD_OWNERS:
            employer = EMPLOYER_BOARD_OWNERS[board]
        elif board == "recruitee":
            employer = rng.choice(self.clients)
        else:
            employer = self._pick_employer(rng)
        occupation = self._pick_occupation(rng, employer)
        day, days = self._special_day(rng, start)
        draft = self._draft(rng, day, serial, employer, occupation)
        draft = self._special(draft, day, days, board, "")
        return self._with_defect(draft, defect, board)

    def _internal(self, rng: random.Random, start: dt.date, serial: int) -> Vacancy:
        employer = self._pick_employer(rng)
        while employer.name in self._owner_kind:
            employer = self._pick_employer(rng)
        occupation = self._pick_occupation(rng, employer)
        day, days = self._special_day(rng, start)
        draft = self._draft(rng, day, serial, employer, occupation, language="nl")
        return dataclasses.replace(
            self._special(draft, day, days, "jsonld", ""), is_internal=True
        )


_AGENCY_SECTORS = frozenset(
    {"logistiek", "productie", "zorg", "horeca", "schoonmaak", "administratie",
     "techniek", "retail", "bouw", "beveiliging"}
)  # fmt: skip

# Sectors whose employers sometimes advertise in English.
_ENGLISH_SECTORS = frozenset(
    {"ict", "fintech", "finance", "marketing", "administratie", "logistiek",
     "distributie", "techniek", "horeca", "productie"}
)  # fmt: skip

_HOMES: dict[str, Place] = {
    p_name: next(p for p in PLACES if p.name == town)
    for p_name, town in (
        ("Provincie Gelderland", "Arnhem"),
        ("Waterschap Rijn en IJssel", "Doetinchem"),
        ("Omgevingsdienst Midden-Holland", "Gouda"),
        ("Veiligheidsregio Brabant-Noord", "'s-Hertogenbosch"),
        ("Kwadraat Betalingen B.V.", "Amsterdam"),
        ("Snelpost Logistiek B.V.", "Nieuwegein"),
        ("Chemiepark Delfzijl Services B.V.", "Groningen"),
        ("Coöperatie Groentenveiling Westland U.A.", "Den Haag"),
    )
}


def _title(
    rng: random.Random, occupation: Occupation, language: str, seniority: str
) -> str:
    variants = occupation.titles_en if language == "en" else occupation.titles
    weights = (60, 25, 15)[: len(variants)]
    base = rng.choices(variants, weights=weights)[0]
    return _with_seniority(base, seniority)


def _with_seniority(base: str, seniority: str) -> str:
    if not seniority:
        return base
    first, _, rest = base.partition(" ")
    # Dutch titles are in sentence case ("Senior software developer"); English
    # ones keep their title case ("Senior Software Engineer").
    sentence_case = not rest or rest == rest.lower()
    if sentence_case and first == first.capitalize() and first.upper() != first:
        first = first.lower()
    return f"{seniority} {first} {rest}".strip()


def _contract(rng: random.Random, occupation: Occupation, client: bool) -> str:
    temporary = occupation.temporary_share * (1.6 if client else 0.6)
    if rng.random() < temporary:
        return "temporary"
    return "permanent" if rng.random() < 0.45 else "fixed"


def _salary(
    rng: random.Random, occupation: Occupation, seniority: str, language: str
) -> tuple[float, float, str]:
    band = occupation.salary
    span = band.high - band.low
    start = {"Junior": (0.0, 0.25), "Senior": (0.45, 0.65)}.get(seniority, (0.0, 0.5))
    low = band.low + span * rng.uniform(*start)
    high = min(low + span * rng.uniform(0.15, 0.4), band.high * 1.05)
    period = band.period
    if language == "en" and period == "month":
        # English ads quote a yearly amount with the holiday allowance in it.
        low, high, period = low * 12.96, high * 12.96, "year"
    return _round_pay(low, period), _round_pay(high, period), period


# --- postings ----------------------------------------------------------------

_TITLE_STYLES: dict[str, dict[str, float]] = {
    "jsonld": {"plain": 55, "mvx": 25, "place": 10, "vacature": 10},
    "xmlfeed": {"plain": 50, "hours": 20, "place": 20, "mv": 10},
    "html": {"plain": 50, "mv": 20, "gezocht": 15, "in_place": 15},
    "recruitee": {"plain": 45, "place": 20, "gezocht": 15, "hours": 20},
    "greenhouse": {"plain": 100},
    "lever": {"plain": 100},
}
_EMPLOYER_STYLES: dict[str, dict[str, float]] = {
    "jsonld": {"full": 60, "short": 40},
    "xmlfeed": {"full": 40, "short": 30, "upper": 15, "compact": 15},
    "html": {"short": 50, "full": 30, "compact": 20},
}
_LOCATION_STYLES: dict[str, dict[str, float]] = {
    "jsonld": {"city": 100},
    "xmlfeed": {"city": 100},
    "html": {"postcode": 35, "province": 25, "regio": 20, "city": 20},
    "recruitee": {"province_country": 60, "city": 40},
    "greenhouse": {"city": 40, "city_country": 30, "regio": 15, "postcode": 15},
    "lever": {"city": 60, "city_nl": 40},
}


def _shown_title(rng: random.Random, v: Vacancy, kind: str, is_primary: bool) -> str:
    title = v.title
    if not is_primary and v.language == "nl" and rng.random() < 0.12:
        first = v.title.split(" ")[0]
        seniority = first if first in {"Junior", "Medior", "Senior"} else ""
        title = _with_seniority(rng.choice(v.occupation.titles), seniority)
    style = _weighted(rng, _TITLE_STYLES[kind])
    if v.language == "en" and style in {"vacature", "gezocht", "in_place"}:
        style = "plain"
    hours = texts.hours_text(*v.hours, language=v.language).replace(" per week", "")
    return {
        "plain": title,
        "mvx": f"{title} (m/v/x)",
        "mv": f"{title} (m/v)",
        "place": f"{title} - {v.place.name}",
        "in_place": f"{title} in {v.place.name}",
        "hours": f"{title} | {hours}",
        "vacature": f"Vacature: {title}",
        "gezocht": f"Gezocht: {title}",
    }[style]


def _shown_employer(rng: random.Random, v: Vacancy, kind: str, via_agency: bool) -> str:
    if kind == "recruitee" or via_agency:
        return AGENCY.name
    if kind in {"greenhouse", "lever"}:
        return v.employer.name
    style = _weighted(rng, _EMPLOYER_STYLES[kind])
    name = v.employer.name
    if style == "short":
        return v.employer.short_name
    if style == "upper":
        return name.upper()
    if style == "compact":
        return name.replace("B.V.", "BV").replace("N.V.", "NV").replace("U.A.", "UA")
    return name


def _location_text(v: Vacancy, style: str) -> str:
    """Write the location of a vacancy in one of the ways boards write it.

    Parameters
    ----------
    v : Vacancy
        The vacancy.
    style : str
        ``city``, ``postcode`` (``3511 AB Utrecht``), ``province``
        (``Utrecht, Utrecht``), ``regio`` (``Regio Utrecht``),
        ``city_country``, ``city_nl`` or ``province_country``.

    Returns
    -------
    str
        The location as the board publishes it.
    """
    place = v.place
    return {
        "city": place.name,
        "postcode": f"{v.postal_code} {place.name}",
        "province": f"{place.name}, {place.province}",
        "regio": f"Regio {place.name}",
        "city_country": f"{place.name}, Netherlands",
        "city_nl": f"{place.name}, NL",
        "province_country": f"{place.name}, {place.province}, Netherlands",
    }[style]


def _posting(
    seed: int, v: Vacancy, placement: Placement, as_of: dt.date
) -> BoardPosting | None:
    posted = v.open_date + dt.timedelta(days=placement.lag_days)
    closed = v.close_date - dt.timedelta(days=placement.early_close_days)
    if not posted <= as_of < closed:
        return None
    board = _BY_KIND[placement.board]
    kind = board.kind
    rng = random.Random(f"{seed}:{v.key}:{kind}")
    variant = rng.getrandbits(32)
    title = _shown_title(rng, v, kind, placement.is_primary)
    employer_name = _shown_employer(rng, v, kind, placement.via_agency)
    location = _location_text(v, _weighted(rng, _LOCATION_STYLES[kind]))
    if kind == "recruitee" or placement.via_agency:
        style = "agency"
    elif placement.is_primary:
        style = "full"
    else:
        style = _weighted(rng, {"full": 40, "short": 30, "reworded": 30})
    sections = compose(v, style=style)
    if v.defect == "missing_title":
        title = ""
    if v.defect == "empty_description":
        sections = ()
    number = _ID_BASE[kind] + v.serial
    slug = slugify(v.title)
    external_id, path = _address(seed, board, v, number, slug)
    modified = posted
    if v.change is not None and posted <= v.change.day <= as_of:
        modified = v.change.day
    return BoardPosting(
        board=board,
        vacancy=v,
        number=number,
        external_id=external_id,
        path=path,
        slug=slug,
        title=title,
        employer_name=employer_name,
        location=location,
        date_posted=posted,
        modified=modified,
        valid_through=v.close_date - dt.timedelta(days=1),
        sections=sections,
        defect=v.defect,
        via_agency=placement.via_agency,
        variant=variant,
    )


def _address(
    seed: int, board: BoardSpec, v: Vacancy, number: int, slug: str
) -> tuple[str, str]:
    prefix = board.prefix
    if board.kind == "jsonld":
        if v.is_internal:
            return f"BB-{number}", f"{prefix}/intern/vacature/{number}-{slug}"
        return f"BB-{number}", f"{prefix}/vacatures/{number}-{slug}"
    if board.kind == "xmlfeed":
        return f"VS{number}", f"{prefix}/vacature/VS{number}"
    if board.kind == "recruitee":
        return str(number), f"{prefix}/o/{slug}-{number % 10000}"
    if board.kind == "greenhouse":
        return str(number), f"{prefix}/jobs/{number}"
    if board.kind == "lever":
        lever_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"vacatures-demo:{seed}:{v.key}"))
        return lever_id, f"{prefix}/{lever_id}"
    return "", f"{prefix}/vacature/{number}"


# --- descriptions ------------------------------------------------------------


# Names that tell the employer is a small business, so the texts say so.
_SMALL_EMPLOYER_WORDS = (
    "praktijk", "Apotheek", "Fysiotherapie", "V.O.F.", "Lunchroom", "kantoor",
    "Bakkerij", "Autobedrijf", "Schildersbedrijf", "Dakdekkersbedrijf",
)  # fmt: skip


def _employer_facts(employer: Employer) -> dict[str, str]:
    rng = random.Random(f"facts:{employer.name}")
    if any(word in employer.name for word in _SMALL_EMPLOYER_WORDS):
        staff = rng.choice(("6", "9", "12", "18", "25"))
    else:
        staff = rng.choice(("40", "80", "120", "250", "600", "1.200", "3.500"))
    return {"staff": staff, "year": str(rng.randint(1952, 2016))}


def compose(v: Vacancy, *, style: str = "full") -> tuple[Section, ...]:
    """Compose the description of a vacancy as a board shows it.

    Parameters
    ----------
    v : Vacancy
        The vacancy, as it reads on the night.
    style : str
        ``full`` (the employer's own text), ``reworded`` (the same job told
        with other sentences), ``short`` (a summary line, the work and the
        profile) or ``agency`` (told by the staffing agency, often without
        naming the employer).

    Returns
    -------
    tuple of Section
        The description's sections, in order.
    """
    seed = v.text_seed + (1 if style == "reworded" else 0)
    rng = random.Random(seed)
    en = v.language == "en"
    words = texts.SECTOR_WORDS[v.employer.sector]
    fill = {
        "employer": v.employer.short_name if rng.random() < 0.4 else v.employer.name,
        "place": v.place.name,
        "province": v.place.province,
        "title": v.title if en else _lower_title(v.title),
        "what": rng.choice(words["what_en" if en else "what"]),
        "mission": rng.choice(words["mission_en" if en else "mission"]),
        **_employer_facts(v.employer),
    }
    about_templates = texts.ABOUT_EN if en else texts.ABOUT_NL
    about = Section("about", paragraphs=(rng.choice(about_templates).format(**fill),))
    work = _work(rng, v, fill, en)
    profile = _profile(rng, v, en)
    offer = _offer(rng, v, en)
    closing = _closing(rng, v, en)
    note = (Section("note", paragraphs=(v.note,)),) if v.note else ()
    if style == "short":
        return (_summary(v, en), work, profile, *note)
    if style == "agency":
        return (
            _agency_intro(rng, v, fill, en),
            work,
            profile,
            offer,
            *note,
            _AGENCY_OUTRO,
        )
    return (about, work, profile, offer, closing, *note)


_AGENCY_OUTRO = Section("closing", paragraphs=(texts.AGENCY_OUTRO_NL,))


def _lower_title(title: str) -> str:
    first, _, rest = title.partition(" ")
    if first == first.capitalize() and first.upper() != first:
        first = first.lower()
    return f"{first} {rest}".strip()


def _work(rng: random.Random, v: Vacancy, fill: dict[str, str], en: bool) -> Section:
    occupation = v.occupation
    tasks = occupation.tasks_en if en else occupation.tasks
    chosen = rng.sample(tasks, k=min(len(tasks), rng.choice((3, 3, 4))))
    headings = texts.WORK_HEADINGS_EN if en else texts.WORK_HEADINGS_NL
    intros = texts.WORK_INTRO_EN if en else texts.WORK_INTRO_NL
    return Section(
        "work",
        heading=rng.choice(headings),
        paragraphs=(rng.choice(intros).format(**fill),),
        bullets=tuple(chosen),
    )


def _profile(rng: random.Random, v: Vacancy, en: bool) -> Section:
    occupation = v.occupation
    skills = occupation.skills_en if en else occupation.skills
    language = "en" if en else "nl"
    bullets = [texts.education_text(v.education, language=language)]
    years = v.experience_years
    if en:
        bullets.append(
            f"at least {years} years of relevant experience" if years else
            "starters are welcome"
        )  # fmt: skip
    else:
        bullets.append(
            f"minimaal {years} jaar relevante werkervaring" if years else
            "je bent starter of hebt al wat ervaring"
        )  # fmt: skip
    bullets.extend(rng.sample(skills, k=2))
    soft = texts.SOFT_SKILLS_EN if en else texts.SOFT_SKILLS_NL
    bullets.append(rng.choice(soft))
    headings = texts.PROFILE_HEADINGS_EN if en else texts.PROFILE_HEADINGS_NL
    return Section("profile", heading=rng.choice(headings), bullets=tuple(bullets))


def _offer(rng: random.Random, v: Vacancy, en: bool) -> Section:
    language = "en" if en else "nl"
    bullets: list[str] = []
    if v.salary is not None:
        low, high, period = v.salary
        amount = texts.salary_text(low, high, period, language=language)
        if en:
            bullets.append(f"a salary of {amount}")
        else:
            noun = "een uurloon van" if period == "hour" else "een salaris van"
            bullets.append(f"{noun} {amount}")
    hours = texts.hours_text(*v.hours, language=language)
    bullets.append(f"a contract for {hours}" if en else f"een contract voor {hours}")
    contracts = texts.CONTRACT_EN if en else texts.CONTRACT_NL
    bullets.append(contracts[v.contract])
    cao = texts.CAO.get(v.employer.sector)
    if cao and not en:
        bullets.append(f"arbeidsvoorwaarden volgens {cao}")
    benefits: tuple[str, ...] = texts.BENEFITS_EN if en else texts.BENEFITS_NL
    if v.workplace != "onsite":
        benefits += texts.OFFICE_BENEFITS_EN if en else texts.OFFICE_BENEFITS_NL
    bullets.extend(rng.sample(benefits, k=2))
    rng.shuffle(bullets)
    headings = texts.OFFER_HEADINGS_EN if en else texts.OFFER_HEADINGS_NL
    return Section("offer", heading=rng.choice(headings), bullets=tuple(bullets))


def _closing(rng: random.Random, v: Vacancy, en: bool) -> Section:
    language = "en" if en else "nl"
    deadline = texts.date_text(v.close_date - dt.timedelta(days=1), language=language)
    templates = texts.CLOSING_EN if en else texts.CLOSING_NL
    fill = {
        "deadline": deadline,
        "phone": f"{rng.randint(10, 79)}-{rng.randint(1_000_000, 9_999_999)}",
        "contact": rng.choice(texts.CONTACTS),
        "email": f"werkenbij@{slugify(v.employer.short_name).replace('-', '')}.nl",
    }
    return Section("closing", paragraphs=(rng.choice(templates).format(**fill),))


def _summary(v: Vacancy, en: bool) -> Section:
    language = "en" if en else "nl"
    parts = [texts.hours_text(*v.hours, language=language)]
    if v.salary is not None:
        parts.append(texts.salary_text(*v.salary, language=language))
    link = "at" if en else "bij"
    line = f"{v.title} {link} {v.employer.short_name}, {v.place.name}. "
    return Section("about", paragraphs=(line + ", ".join(parts) + ".",))


def _agency_intro(
    rng: random.Random, v: Vacancy, fill: dict[str, str], en: bool
) -> Section:
    words = texts.SECTOR_WORDS[v.employer.sector]
    if en:
        text = texts.AGENCY_INTRO_EN.format(hidden_en=texts.HIDDEN_EN, **fill)
    elif rng.random() < 0.45:
        text = rng.choice(texts.AGENCY_NAMED_NL).format(**fill)
    else:
        hidden = rng.choice(words["hidden"])
        text = rng.choice(texts.AGENCY_INTRO_NL).format(hidden=hidden, **fill)
    return Section("about", paragraphs=(text,))


def generate_night(seed: int, as_of: dt.date, *, vacancies: int = 400) -> Night:
    """Generate what the demo boards show on one night.

    Parameters
    ----------
    seed : int
        Seed of the world; the same seed and night give the same output.
    as_of : datetime.date
        The night.
    vacancies : int
        The number of vacancies open on a typical night.

    Returns
    -------
    Night
        Vacancies, postings per board and the ground truth.

    Examples
    --------
    >>> night = generate_night(7, dt.date(2026, 12, 1))
    >>> 300 < len(night.vacancies) < 520
    True
    """
    return World(seed, vacancies=vacancies).night(as_of)
