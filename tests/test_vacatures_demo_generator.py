"""The demo vacancy generator: determinism, shape of a night, and its truth."""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vacatures.demo import texts
from vacatures.demo.employers import AGENCY, EMPLOYERS, split_legal_form
from vacatures.demo.generator import BOARDS, DEFECTS, World, slugify
from vacatures.demo.occupations import OCCUPATIONS
from vacatures.demo.places import PLACES
from vacatures.demo.site import build_site

ROOT = Path(__file__).resolve().parents[1]
NIGHT = dt.date(2026, 12, 1)
LATER = NIGHT + dt.timedelta(days=7)
NIGHTS = [NIGHT + dt.timedelta(days=d) for d in range(0, 84, 12)]


@pytest.fixture(scope="module")
def world():
    return World(7)


@pytest.fixture(scope="module")
def night(world):
    return world.night(NIGHT)


def _site_digest(seed: int, day: dt.date) -> str:
    site = build_site(World(seed).night(day), "http://demo.test")
    digest = hashlib.sha256()
    for path in sorted(site.routes):
        document = site.resolve(path, {})
        if document is not None:
            digest.update(path.encode())
            digest.update(document.body)
    return digest.hexdigest()


def _by_vacancy(night):
    groups = collections.defaultdict(list)
    for posting in night.postings:
        groups[posting.vacancy.key].append(posting)
    return groups


def test_vocabulary_sizes_match_a_realistic_market():
    assert len(OCCUPATIONS) >= 60
    assert len({o.sector for o in OCCUPATIONS}) >= 14
    assert len(EMPLOYERS) >= 140
    assert len(PLACES) >= 80
    forms = collections.Counter(
        "Gemeente"
        if e.name.startswith("Gemeente ")
        else split_legal_form(e.name)[2] or split_legal_form(e.name)[0]
        for e in EMPLOYERS
    )
    for form in ("B.V.", "N.V.", "Stichting", "Gemeente", "U.A."):
        assert forms[form] > 0, form


def test_night_same_seed_and_night_is_byte_identical():
    assert _site_digest(7, NIGHT) == _site_digest(7, NIGHT)


def test_night_same_output_in_processes_with_other_hash_seeds():
    code = (
        "import datetime as dt, hashlib\n"
        "from vacatures.demo.generator import World\n"
        "from vacatures.demo.site import build_site\n"
        "site = build_site(World(7).night(dt.date(2026, 12, 1)), 'http://demo.test')\n"
        "d = hashlib.sha256()\n"
        "for path in sorted(site.routes):\n"
        "    doc = site.resolve(path, {})\n"
        "    if doc is not None:\n"
        "        d.update(path.encode()); d.update(doc.body)\n"
        "print(d.hexdigest())\n"
    )
    digests = []
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
            timeout=120,
        )
        digests.append(done.stdout.strip())
    assert digests[0] == digests[1] == _site_digest(7, NIGHT)


def test_night_other_seed_or_night_differs():
    assert _site_digest(7, NIGHT) != _site_digest(8, NIGHT)
    assert _site_digest(7, NIGHT) != _site_digest(7, LATER)


@pytest.mark.parametrize("seed", [7, 11])
def test_night_sizes_cross_posting_and_language(seed):
    world = World(seed)
    for day in (NIGHT, NIGHT + dt.timedelta(days=100)):
        night = world.night(day)
        assert 330 <= len(night.vacancies) <= 480
        assert 550 <= len(night.postings) <= 760
        boards_per_vacancy = collections.Counter(
            len(p) for p in _by_vacancy(night).values()
        )
        cross = sum(n for boards, n in boards_per_vacancy.items() if boards > 1)
        assert 0.25 <= cross / len(night.vacancies) <= 0.45
        assert max(boards_per_vacancy) <= 4
        assert boards_per_vacancy[3] + boards_per_vacancy[4] > 0
        english = sum(v.language == "en" for v in night.vacancies)
        assert 0.05 <= english / len(night.vacancies) <= 0.18


def test_night_shows_only_open_vacancies_from_their_posting_date(night):
    assert night.vacancies
    for vacancy in night.vacancies:
        assert vacancy.open_date <= NIGHT < vacancy.close_date
    for posting in night.postings:
        assert posting.date_posted <= NIGHT <= posting.valid_through
        assert posting.vacancy.open_date <= posting.date_posted


def test_night_boards_carry_the_right_employers(world, night):
    by_board = collections.defaultdict(list)
    for posting in night.postings:
        by_board[posting.board.kind].append(posting)
    assert set(by_board) == {b.kind for b in BOARDS}
    for kind in ("greenhouse", "lever"):
        owner = next(b.owner for b in BOARDS if b.kind == kind)
        assert {p.vacancy.employer for p in by_board[kind]} == {owner}
    clients = set(world.clients)
    for posting in by_board["recruitee"]:
        assert posting.vacancy.employer in clients
        assert posting.employer_name == AGENCY.name
    for kind in ("jsonld", "xmlfeed"):
        assert len({p.vacancy.employer for p in by_board[kind]}) >= 40


def test_cross_posts_vary_the_way_real_boards_do(night):
    varied = collections.Counter()
    for postings in _by_vacancy(night).values():
        if len(postings) < 2:
            continue
        for field in ("title", "employer_name", "location", "date_posted"):
            if len({getattr(p, field) for p in postings}) > 1:
                varied[field] += 1
        if len({p.description_text for p in postings}) > 1:
            varied["description"] += 1
    for field in ("title", "employer_name", "location", "date_posted", "description"):
        assert varied[field] >= 5, field
    titles = [p.title for p in night.postings]
    for marker in ("(m/v/x)", "(m/v)", " uur", "Vacature: ", "Gezocht: "):
        assert any(marker in t for t in titles), marker
    hidden = [
        p
        for p in night.postings
        if p.board.kind == "recruitee"
        and p.vacancy.employer.short_name not in p.description_text
    ]
    assert hidden, "the agency never hides its client"


def test_hard_negatives_are_there_every_night(world):
    for day in NIGHTS:
        vacancies = world.night(day).vacancies
        by_employer = collections.defaultdict(list)
        for v in vacancies:
            by_employer[v.employer].append(v)
        two_places = c_and_ce = junior_senior = False
        for jobs in by_employer.values():
            titles = collections.defaultdict(set)
            for v in jobs:
                titles[v.title].add(v.place)
            two_places |= any(len(places) > 1 for places in titles.values())
            c_and_ce |= {"Chauffeur C", "Chauffeur CE"} <= set(titles)
            ranks = {t.split(" ", 1)[1] for t in titles if t.startswith("Junior ")}
            junior_senior |= any(f"Senior {rest}" in titles for rest in ranks)
        assert two_places and c_and_ce and junior_senior, day


def test_malformed_records_of_every_kind_every_night(world):
    for day in NIGHTS:
        night = world.night(day)
        defects = collections.Counter(p.defect for p in night.postings if p.defect)
        assert set(defects) == set(DEFECTS), day
        assert 0.005 <= sum(defects.values()) / len(night.postings) <= 0.04
        for posting in night.postings:
            if posting.defect:
                assert posting.board.kind in DEFECTS[posting.defect]
        for posting in night.postings:
            if posting.defect == "salary_inverted":
                assert posting.vacancy.salary is not None
            if posting.defect == "missing_title":
                assert posting.title == ""
            if posting.defect == "empty_description":
                assert posting.description_text == ""


def test_later_night_closes_opens_and_changes_vacancies(world):
    first, second = world.night(NIGHT), world.night(LATER)
    before = {v.key: v for v in first.vacancies}
    after = {v.key: v for v in second.vacancies}
    assert len(before.keys() - after.keys()) >= 20
    assert len(after.keys() - before.keys()) >= 20
    changed = [
        key
        for key in before.keys() & after.keys()
        if (before[key].salary, before[key].hours, before[key].note)
        != (after[key].salary, after[key].hours, after[key].note)
    ]
    assert len(changed) >= 3
    kinds = {after[key].change.kind for key in changed}
    assert len(kinds) >= 2
    posted = {(p.board.name, p.path): p for p in first.postings}
    for posting in second.postings:
        earlier = posted.get((posting.board.name, posting.path))
        if earlier is not None and posting.vacancy.key in changed:
            assert posting.modified > LATER - dt.timedelta(days=7)
            assert posting.description_text != earlier.description_text or (
                posting.vacancy.hours != earlier.vacancy.hours
            )


def test_descriptions_weave_in_salary_hours_and_education(night):
    checked = 0
    for posting in night.postings:
        v = posting.vacancy
        if posting.defect or posting.via_agency or posting.board.kind == "recruitee":
            continue
        text = posting.description_text
        language = v.language
        assert texts.hours_text(*v.hours, language=language) in text
        if v.salary is not None:
            assert texts.salary_text(*v.salary, language=language) in text
        if posting.sections and posting.sections[0].part == "about":
            assert texts.education_text(v.education, language=language).lower() in (
                text.lower()
            )
        checked += 1
    assert checked > 300


def test_truth_has_one_row_per_posting_with_its_vacancy(night):
    truth = night.truth("http://demo.test")
    assert list(truth.columns[:5]) == [
        "board",
        "url",
        "external_id",
        "vacancy_key",
        "is_malformed",
    ]
    assert len(truth) == len(night.postings)
    assert truth["url"].is_unique
    assert set(truth["vacancy_key"]) == {v.key for v in night.vacancies}
    assert (truth["is_malformed"] == (truth["defect"] != "")).all()
    assert set(truth["board"]) == {b.name for b in BOARDS}
    vacancies = night.vacancy_table()
    assert vacancies["vacancy_key"].is_unique
    assert (vacancies["boards"] >= 1).all()


def test_dutch_formats_of_money_hours_and_education():
    assert texts.salary_text(2800, 3450, "month") == (
        "€ 2.800 - € 3.450 bruto per maand"
    )
    assert texts.salary_text(14.5, 16.25, "hour") == "€ 14,50 - € 16,25 bruto per uur"
    assert texts.salary_text(55000, 70000, "year", language="en") == (
        "€55,000 - €70,000 gross per year"
    )
    assert texts.hours_text(32, 40) == "32-40 uur per week"
    assert texts.hours_text(36, 36) == "36 uur per week"
    assert texts.education_text("mbo-4") == "een mbo 4-diploma"
    assert texts.date_text(dt.date(2026, 12, 1)) == "1 december 2026"
    assert slugify("Coöperatie (m/v/x) | 32-40 uur") == "cooperatie-m-v-x-32-40-uur"
