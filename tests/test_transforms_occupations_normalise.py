"""The normalise stage: what boards add to a title comes off, compounds split."""

from __future__ import annotations

import pytest

from transforms.occupations.normalise import (
    CompoundSplitter,
    normalise_label,
    normalise_text,
    normalise_title,
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # gender markers
        ("Verpleegkundige (m/v/x)", "verpleegkundige"),
        ("Kok m/v", "kok"),
        ("Schoonmaker (v/m)", "schoonmaker"),
        ("Software Engineer (m/w/d)", "software engineer"),
        # hours, contract and pay
        ("Magazijnmedewerker 32-40 uur", "magazijnmedewerker"),
        ("Kok 24 - 32 uur per week", "kok"),
        ("Docent Engels 0,8 fte", "docent engels"),
        ("Beveiliger fulltime", "beveiliger"),
        ("Orderpicker € 14,50 p/u", "orderpicker"),
        ("Timmerman ZZP", "timmerman"),
        # places
        ("Verkoopmedewerker Amsterdam", "verkoopmedewerker"),
        ("Monteur regio Den Bosch", "monteur"),
        ("Kok te Zwolle", "kok"),
        ("Chauffeur omgeving Alphen aan den Rijn", "chauffeur"),
        ("Schilder - Noord-Holland", "schilder"),
        ("Verkoper in Almere", "verkoper"),
        # seniority
        ("Senior Accountant", "accountant"),
        ("Junior Developer", "developer"),
        ("Medior Java Developer", "developer"),
        ("Ervaren Timmerman", "timmerman"),
        ("Leerling Verpleegkundige BBL", "verpleegkundige"),
        # openings and recruiting phrases
        ("Vacature: Kapper", "kapper"),
        ("Gezocht: Buschauffeur", "buschauffeur"),
        ("Wij zoeken een Glazenwasser!", "glazenwasser"),
        ("Word jij onze nieuwe collega in de bediening?", "bediening"),
        # agencies
        ("Heftruckchauffeur via Randstad", "heftruckchauffeur"),
        ("Inpakker - Tempo-Team", "inpakker"),
        ("Productiemedewerker | Start People", "productiemedewerker"),
        # abbreviations
        ("Vpk. IC", "verpleegkundige ic"),
        ("Mdw. klantenservice", "medewerker klantenservice"),
        ("Medew. magazijn", "medewerker magazijn"),
        ("Ass. accountant", "assistent accountant"),
        ("Store mgr", "store manager"),
        ("ICT'er", "ict medewerker"),
        ("IT Support", "ict support"),
        ("Medewerker P&O", "medewerker hr"),
        ("PM'er kinderopvang", "pedagogisch medewerker kinderopvang"),
        # driving licences stay with the driver
        ("Chauffeur C/CE", "chauffeur c"),
        # hyphens join, accents go, female forms follow the labels
        ("Chef-kok", "chefkok"),
        ("Coördinator Facilitair", "coordinator facilitair"),
        ("Schoonmaakster", "schoonmaker"),
        ("Medewerkster bediening", "medewerker bediening"),
        # English titles keep their words
        ("Warehouse Operator", "warehouse operator"),
        (
            "Customer Service Representative - Dutch speaking",
            "customer service representative",
        ),
        # nothing left
        ("Collega gezocht!", ""),
        ("Vacature", ""),
    ],
)
def test_normalise_title_strips_what_boards_add(title, expected):
    assert normalise_title(title) == expected


def test_normalise_title_keeps_capitalised_words_after_in_in_title_case():
    assert normalise_title("Expert In Vermogenselektronica") == (
        "expert vermogenselektronica"
    )


def test_normalise_title_removes_the_employer_name():
    assert (
        normalise_title("Kok Brasserie De Haven", company="Brasserie De Haven BV")
        == "kok"
    )
    assert normalise_title("Verpleegkundige bij Zorggroep Oost") == "verpleegkundige"


def test_normalise_title_keeps_the_school_type_of_a_teacher():
    assert normalise_title("Docent Techniek MBO") == "docent techniek beroepsonderwijs"
    assert normalise_title("Verpleegkundige HBO") == "verpleegkundige"


def test_normalise_label_drops_noise_unless_nothing_else_remains():
    assert normalise_label("senior adviseur") == "adviseur"
    assert normalise_label("senior") == "senior"


def test_normalise_text_strips_accents_and_case():
    assert normalise_text("Diëtist Coördinator") == "dietist coordinator"


@pytest.fixture(scope="module")
def splitter() -> CompoundSplitter:
    return CompoundSplitter(
        {
            "chauffeur",
            "wagen",
            "heftruck",
            "heftruckchauffeur",
            "verpleegkundige",
            "wijk",
            "kraan",
            "machinist",
            "klantenservice",
            "medewerker",
            "kwaliteit",
            "kok",
            "chef",
        }
    )


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("zuigwagenchauffeur", ["zuig", "wagen", "chauffeur"]),
        ("wijkverpleegkundige", ["wijk", "verpleegkundige"]),
        ("kraanmachinist", ["kraan", "machinist"]),
        ("klantenservicemedewerker", ["klantenservice", "medewerker"]),
        ("kwaliteitsmedewerker", ["kwaliteit", "medewerker"]),
        ("chefkok", ["chef", "kok"]),
        ("heftruckchauffeur", ["heftruckchauffeur"]),
        ("onbekendwoord", ["onbekendwoord"]),
    ],
)
def test_compound_splitter_puts_the_head_last(splitter, word, parts):
    assert splitter.split(word) == parts


def test_compound_splitter_trusts_no_short_head_after_an_unknown_modifier(splitter):
    # "kok" is known, but "pizza" is not: too little to call a pizzakok a kok.
    assert splitter.split("pizzakok") == ["pizzakok"]


def test_compound_splitter_split_known_needs_every_part_known(splitter):
    assert splitter.split_known("heftruckchauffeur") == ["heftruck", "chauffeur"]
    assert splitter.split_known("zuigwagenchauffeur") == ["zuigwagenchauffeur"]
