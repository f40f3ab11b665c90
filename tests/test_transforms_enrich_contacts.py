"""The client's network: LinkedIn exports, plain CSVs and matching employers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from transforms.enrich.contacts import (
    EmployerMatcher,
    employer_words,
    read_contacts,
    read_contacts_csv,
    read_linkedin_connections,
    vacancy_contacts,
)
from vacatures.errors import InputError

DATA = Path(__file__).parent / "data" / "enrich"

VACANCY_EMPLOYERS = [
    "Stichting Zorggroep Het Baken",
    "Gemeente Utrecht",
    "Transportbedrijf Bakker & Zn. B.V.",
    "Albert Heijn B.V.",
    "ING Bank N.V.",
    "Coöperatieve Rabobank U.A.",
    "Universitair Medisch Centrum Utrecht",
]


def test_read_linkedin_connections_skips_the_notes_above_the_header():
    contacts, dropped = read_linkedin_connections(
        DATA / "Connections.csv", client_id="k-001"
    )
    assert len(contacts) == 9
    anna = contacts.set_index("contact_name").loc["Anna de Vries"]
    assert anna["employer"] == "zorggroep het baken"
    assert anna["position"] == "Teamleider zorg"
    assert anna["connected_date"] == dt.date(2024, 3, 12)
    assert anna["profile_url"] == "https://www.linkedin.com/in/anna-de-vries-0a1b2c"
    assert set(contacts["client_id"]) == {"k-001"}
    assert set(contacts["source"]) == {"linkedin"}
    # E-mail addresses are not read, and a script URL is not kept as a link.
    assert "anna.devries@example.org" not in contacts.to_string()
    joost = contacts.set_index("contact_name").loc["Joost van Dijk, MSc"]
    assert pd.isna(joost["profile_url"])
    assert dropped == {"no_name": 1, "no_employer": 1}


def test_read_linkedin_connections_refuses_another_file():
    with pytest.raises(InputError, match="not a LinkedIn connections export"):
        read_linkedin_connections(DATA / "contacts.csv", client_id="k-001")


def test_read_contacts_csv_reads_several_clients():
    contacts, dropped = read_contacts_csv(DATA / "contacts.csv")
    assert sorted(contacts["contact_name"]) == [
        "Karin Hendriks",
        "Lars de Boer",
        "Nina Vos",
    ]
    assert dropped == {"no_employer": 2, "no_client": 1}


def test_read_contacts_recognises_the_format():
    linkedin, _ = read_contacts(DATA / "Connections.csv", client_id="k-009")
    plain, _ = read_contacts(DATA / "contacts.csv")
    assert set(linkedin["source"]) == {"linkedin"}
    assert set(plain["source"]) == {"csv"}
    with pytest.raises(InputError, match="--client"):
        read_contacts(DATA / "Connections.csv")


def test_employer_words_normalises_forms_case_and_abbreviations():
    assert employer_words("Gem. Utrecht") == employer_words("GEMEENTE UTRECHT")
    assert employer_words("Transportbedrijf Bakker & Zn. B.V.") == (
        "transportbedrijf",
        "bakker",
        "en",
        "zonen",
    )
    assert employer_words("Coöperatieve Rabobank U.A.") == ("rabobank",)
    assert employer_words("Zorggroep Het Baken (locatie Zwolle)") == employer_words(
        "Stichting Zorggroep Het Baken"
    )


@pytest.mark.parametrize(
    ("contact", "employer", "rule"),
    [
        ("zorggroep het baken", "Stichting Zorggroep Het Baken", "same_name"),
        ("Gem. Utrecht", "Gemeente Utrecht", "same_name"),
        (
            "TRANSPORTBEDRIJF BAKKER EN ZONEN",
            "Transportbedrijf Bakker & Zn. B.V.",
            None,
        ),
        (
            "Bakker en Zonen Transportbedrijf",
            "Transportbedrijf Bakker & Zn. B.V.",
            None,
        ),
        ("Rabobank", "Coöperatieve Rabobank U.A.", "same_name"),
        ("ING", "ING Bank N.V.", "same_words"),
        ("UMCU", "Universitair Medisch Centrum Utrecht", "acronym"),
    ],
)
def test_employer_matcher_matches_the_same_employer_written_otherwise(
    contact, employer, rule
):
    found = EmployerMatcher(VACANCY_EMPLOYERS).match([contact])
    assert found["employer"].tolist() == [employer]
    if rule is not None:
        assert found["rule"].tolist() == [rule]


@pytest.mark.parametrize(
    "contact",
    [
        "Albert Heijn Franchising",
        "INGKA",
        "Gemeente Utrechtse Heuvelrug",
        "Robobank",
        "Zorggroep Het Bakn",
        "Utrecht",
        "umcu",
        "Zelfstandig",
        "Onze opdrachtgever",
    ],
)
def test_employer_matcher_leaves_similar_sounding_employers_apart(contact):
    assert EmployerMatcher(VACANCY_EMPLOYERS).match([contact]).empty


def test_employer_matcher_accepts_a_typo_only_in_a_common_word():
    employers = [*VACANCY_EMPLOYERS, *(f"Zorggroep {n}" for n in "ABCDE")]
    matcher = EmployerMatcher(employers, common_after=5)
    found = matcher.match(["Zorgroep Het Baken"])
    assert found[["employer", "rule"]].values.tolist() == [
        ["Stichting Zorggroep Het Baken", "typo"]
    ]
    # The word that tells employers apart must be written right.
    assert matcher.match(["Zorggroep Het Bakn"]).empty
    assert matcher.match(["Robobank"]).empty


def test_vacancy_contacts_lists_whom_a_client_knows_at_open_vacancies():
    contacts, _ = read_linkedin_connections(DATA / "Connections.csv", client_id="k-001")
    vacancies = pd.DataFrame(
        {
            "vacancy_id": [f"v{i}" for i in range(len(VACANCY_EMPLOYERS))] + ["v9"],
            "employer": [*VACANCY_EMPLOYERS, "Stichting Zorggroep Het Baken"],
        }
    )
    found = vacancy_contacts(contacts, vacancies)
    known = found.groupby("contact_name")["employer"].agg(set).to_dict()
    assert known == {
        "Anna de Vries": {"Stichting Zorggroep Het Baken"},
        "Joost van Dijk, MSc": {"Stichting Zorggroep Het Baken"},
        "Bram Jansen": {"Gemeente Utrecht"},
        "Chris Bakker": {"Transportbedrijf Bakker & Zn. B.V."},
        "Hanna Kok": {"Coöperatieve Rabobank U.A."},
    }
    baken = found[found["employer"] == "Stichting Zorggroep Het Baken"]
    assert set(baken["vacancy_id"]) == {"v0", "v9"}
    assert set(found["client_id"]) == {"k-001"}
