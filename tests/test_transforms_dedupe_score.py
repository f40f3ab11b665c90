from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transforms.dedupe.config import DedupeConfig
from transforms.dedupe.minhash import description_signatures
from transforms.dedupe.normalise import normalise_postings
from transforms.dedupe.occupation import default_title_occupations
from transforms.dedupe.score import score_pairs

TEXT = (
    "Voor onze vestiging zoeken wij een ervaren chauffeur die dagelijks "
    "vaste ritten rijdt naar supermarkten in de provincie. Je laadt en lost "
    "zelf met een elektrische pallettruck en controleert de vracht voor "
    "vertrek. Wij bieden een vast contract, een goede cao en een moderne "
    "vrachtwagen. Je werkt van maandag tot en met vrijdag, vroege diensten."
)
OTHER_TEXT = (
    "Als verpleegkundige op de afdeling cardiologie zorg je voor patienten "
    "na een hartoperatie. Je werkt samen met artsen, fysiotherapeuten en "
    "diëtisten en begeleidt leerlingen. Wij vragen een BIG-registratie en "
    "bieden een salaris volgens de cao ziekenhuizen met eindejaarsuitkering."
)


def posting(posting_id: str, **fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "posting_id": posting_id,
        "board": posting_id.split(":")[0],
        "title": "Chauffeur CE",
        "employer": "Van Dam Transport B.V.",
        "location": "Tilburg",
        "description": TEXT,
        "date_posted": "2026-03-02",
        "hours_min": 38.0,
        "hours_max": 40.0,
        "salary_min": 2800.0,
        "salary_max": 3200.0,
        "salary_period": "month",
        "source_type": "board",
    }
    record.update(fields)
    return record


def score_two(a: dict[str, object], b: dict[str, object], **config: object):
    return score_in(pd.DataFrame([a, b]), **config)


def score_in(frame: pd.DataFrame, **config: object) -> pd.Series:
    """Score the first two postings of ``frame``, the others there beside them."""
    settings = DedupeConfig(**config)  # type: ignore[arg-type]
    features = normalise_postings(frame)
    occupations = None
    if settings.use_occupations:
        occupations = default_title_occupations(
            min_score=settings.occupation_min_score,
            min_qualifier_similarity=settings.min_qualifier_similarity,
        )
        assert occupations is not None
        features["occupation"] = occupations.codes(features["title_key"].to_numpy())
    signatures, _ = description_signatures(frame["description"])
    scored = score_pairs(
        features,
        signatures,
        np.array([0]),
        np.array([1]),
        config=settings,
        occupations=occupations,
    )
    return scored.iloc[0]


def test_score_pairs_matches_board_variants_of_one_job():
    a = posting("werkplein:1", source_type="employer")
    b = posting(
        "vacaturenet:9",
        title="Vacature: Chauffeur C+E (m/v) | 38-40 uur - Tilburg",
        employer="VAN DAM TRANSPORT",
        location="5011 AB Tilburg",
        description=TEXT.replace("ervaren", "enthousiaste"),
        date_posted="2026-03-06",
    )
    row = score_two(a, b)
    assert row["veto"] == ""
    assert row["is_match"]


def test_score_pairs_matches_an_agency_hiding_the_employer_when_the_job_agrees():
    a = posting("werkplein:1")
    b = posting(
        "flexpunt:7",
        employer="Onze opdrachtgever",
        source_type="agency",
        description="Voor onze opdrachtgever in Tilburg. " + TEXT[:260],
    )
    row = score_two(a, b)
    assert np.isnan(row["employer"])
    assert row["is_match"]


def test_score_pairs_rejects_a_hidden_employer_with_another_text_and_hours():
    a = posting("werkplein:1")
    b = posting(
        "flexpunt:7",
        employer="Een bekende transportorganisatie in de regio",
        source_type="agency",
        description=OTHER_TEXT,
        hours_min=20.0,
        hours_max=24.0,
    )
    assert not score_two(a, b)["is_match"]


AGENCY_TEXT = (
    "Voor onze opdrachtgever, een transportbedrijf in Tilburg, zoeken wij een "
    "chauffeur CE voor vaste ritten naar supermarkten. Via ons uitzendbureau ga "
    "je direct aan de slag; solliciteer vandaag nog."
)


def agency_copy() -> dict[str, object]:
    return posting(
        "b:2",
        employer="Onze opdrachtgever",
        description=AGENCY_TEXT,
        date_posted="2026-03-05",
    )


def test_score_pairs_weighs_an_agency_text_around_the_job_less():
    employer_copy = posting("werkplein:1")
    # Without the match by elimination, which would decide this pair alone.
    alone = {"sole_employer_min_title": 2.0}
    default = score_two(employer_copy, agency_copy(), **alone)
    as_named = score_two(
        employer_copy, agency_copy(), weight_description_hidden=2.5, **alone
    )
    assert default["description"] < 0.5
    assert default["is_match"]
    assert not as_named["is_match"]


# An agency's own words around one sentence of the employer's text.
REWRITTEN_TEXT = (
    "Ben jij de chauffeur die we zoeken? Onze opdrachtgever in Tilburg zoekt "
    "versterking. Je laadt en lost zelf met een elektrische pallettruck. Wat "
    "bieden wij? Een contract via ons uitzendbureau, reiskostenvergoeding en "
    "snel aan de slag. Reageer vandaag nog."
)
# The agency's words alone.
AGENCY_OWN_TEXT = (
    "Ben jij de chauffeur die we zoeken? Onze opdrachtgever in Tilburg zoekt "
    "versterking. Wat bieden wij? Een contract via ons uitzendbureau, "
    "reiskostenvergoeding en snel aan de slag. Reageer vandaag nog."
)


def rewritten_agency_copy(**fields: object) -> dict[str, object]:
    return posting(
        "uitzendnet:4",
        employer="Uitzendnet",
        date_posted="2026-03-04",
        **{
            "description": REWRITTEN_TEXT,
            "salary_min": None,
            "salary_max": None,
            "salary_period": None,
            **fields,
        },
    )


def test_score_pairs_gives_a_rewritten_agency_copy_to_the_sole_employer_of_the_job():
    frame = pd.DataFrame(
        [
            posting("werkplein:1"),
            rewritten_agency_copy(),
            posting("werkplein:2", title="Kok", employer="Hotel Spoorzicht"),
        ]
    )
    row = score_in(frame)
    assert 0.0 < row["description"] < 0.3
    assert row["is_match"]
    assert not score_in(frame, sole_employer_min_title=2.0)["is_match"]
    assert not score_in(frame, sole_employer_min_description=0.9)["is_match"]


def test_score_pairs_leaves_an_agency_text_sharing_no_words_with_the_sole_employer():
    frame = pd.DataFrame(
        [
            posting("werkplein:1"),
            rewritten_agency_copy(description=AGENCY_OWN_TEXT),
            posting("werkplein:2", title="Kok", employer="Hotel Spoorzicht"),
        ]
    )
    row = score_in(frame)
    assert row["description"] < DedupeConfig().sole_employer_min_description
    assert not row["is_match"]
    assert score_in(frame, sole_employer_min_description=0.0)["is_match"]


def test_score_pairs_leaves_a_rewritten_agency_copy_alone_among_employers_of_the_job():
    frame = pd.DataFrame(
        [
            posting("werkplein:1"),
            rewritten_agency_copy(),
            posting("werkplein:2", employer="Transportbedrijf Kessels"),
        ]
    )
    assert not score_in(frame)["is_match"]


def test_score_pairs_needs_the_terms_of_the_one_employer_from_an_agency_copy():
    frame = pd.DataFrame(
        [posting("werkplein:1"), rewritten_agency_copy(hours_min=24.0, hours_max=32.0)]
    )
    assert not score_in(frame)["is_match"]


def test_score_pairs_needs_the_text_among_many_ads_of_one_title_in_one_place():
    crowd = [
        posting(f"c:{i}", employer=f"Transport {i}", description=OTHER_TEXT)
        for i in range(DedupeConfig().hidden_max_crowd)
    ]
    frame = pd.DataFrame([posting("werkplein:1"), agency_copy(), *crowd])
    features = normalise_postings(frame)
    signatures, _ = description_signatures(frame["description"])

    def scored(config: DedupeConfig) -> bool:
        pair = score_pairs(
            features, signatures, np.array([0]), np.array([1]), config=config
        )
        return bool(pair.iloc[0]["is_match"])

    assert not scored(DedupeConfig())
    assert scored(DedupeConfig(hidden_max_crowd=len(frame)))


def test_score_pairs_keeps_one_employer_in_two_places_apart():
    pytest.importorskip("transforms.geo")
    a = posting("werkplein:1", location="Tilburg")
    b = posting("vacaturenet:2", location="Breda")
    row = score_two(a, b)
    assert row["veto"] == "place"
    assert not row["is_match"]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Regio Breda", "Tilburg", True),
        ("Tilburg", "Breda e.o.", True),
        ("Regio Zwolle", "Tilburg", False),
        ("Breda", "Tilburg", False),
    ],
)
def test_score_pairs_reads_a_region_as_around_a_place(first, second, same):
    pytest.importorskip("transforms.geo")
    row = score_two(
        posting("werkplein:1", location=first),
        posting("vacaturenet:2", location=second),
    )
    assert bool(row["is_match"]) is same
    assert (row["veto"] == "place") is not same


def test_score_pairs_treats_a_village_as_its_municipality():
    pytest.importorskip("transforms.geo")
    a = posting("werkplein:1", location="Tilburg")
    b = posting("vacaturenet:2", location="Berkel-Enschot")
    assert score_two(a, b)["is_match"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Chauffeur C", "Chauffeur CE"),
        ("Medewerker klantenservice", "Teamleider klantenservice"),
        ("Junior accountmanager", "Senior accountmanager"),
        ("Leerkracht groep 7", "Leerkracht groep 8"),
    ],
)
def test_score_pairs_tells_discriminating_title_words_apart(first, second):
    row = score_two(posting("werkplein:1", title=first), posting("b:2", title=second))
    assert row["veto"] == "discriminator"
    assert not row["is_match"]


def test_score_pairs_keeps_the_same_title_at_two_employers_apart():
    a = posting("werkplein:1")
    b = posting(
        "vacaturenet:2",
        employer="Bakker Logistiek",
        description=(
            "Bakker Logistiek rijdt voor bouwmarkten door heel Brabant. Als "
            "chauffeur CE lever je bouwmaterialen af op de bouwplaats en help je "
            "bij het lossen met de kraan. Je hebt code 95 en een digitale "
            "tachograafkaart; wij bieden een leaseauto voor woon-werkverkeer."
        ),
    )
    row = score_two(a, b)
    assert row["veto"] == "employer"


def test_score_pairs_keeps_two_employers_of_one_brand_with_one_text_apart():
    a = posting("werkplein:1", employer="Albert Heijn Jansen")
    b = posting("vacaturenet:2", employer="Albert Heijn De Vries")
    assert score_two(a, b)["veto"] == "employer"


def test_score_pairs_sees_a_job_posted_again_after_months_as_new():
    a = posting("werkplein:1", date_posted="2026-01-05")
    b = posting("werkplein:2", date_posted="2026-05-20")
    row = score_two(a, b)
    assert row["veto"] == "date"


def test_score_pairs_lowers_the_score_with_the_date_gap():
    near = score_two(posting("a:1"), posting("b:1", date_posted="2026-03-10"))
    far = score_two(posting("a:1"), posting("b:1", date_posted="2026-04-25"))
    assert far["score"] < near["score"]


@pytest.mark.parametrize(("low", "high"), [(12.0, 16.0), (24.0, 32.0)])
def test_score_pairs_rejects_hours_that_do_not_overlap(low, high):
    a = posting("werkplein:1", hours_min=low, hours_max=high)
    b = posting("vacaturenet:2", hours_min=36.0, hours_max=40.0)
    assert score_two(a, b)["veto"] == "terms"


def test_score_pairs_accepts_hours_written_a_little_apart():
    a = posting("werkplein:1", hours_min=32.0, hours_max=36.0)
    b = posting("vacaturenet:2", hours_min=38.0, hours_max=40.0)
    assert score_two(a, b)["veto"] == ""


def test_score_pairs_compares_salaries_per_month():
    a = posting("werkplein:1", salary_min=17.0, salary_max=19.4, salary_period="hour")
    b = posting("vacaturenet:2")
    row = score_two(a, b)
    assert row["salary"] == 1.0
    assert row["is_match"]


def test_score_pairs_needs_strong_evidence_for_two_postings_of_one_board():
    a = posting("werkplein:1")
    b = posting("werkplein:2", description=TEXT[:150] + " Solliciteer snel.")
    loose = score_two(a, b, same_board_threshold=0.5)
    strict = score_two(a, b, same_board_threshold=0.99)
    assert loose["is_match"]
    assert not strict["is_match"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Docent wiskunde", "Docent scheikunde"),
        ("Servicemonteur koeltechniek", "Servicemonteur elektrotechniek"),
        ("Medewerker crediteuren", "Medewerker debiteuren"),
    ],
)
def test_score_pairs_tells_specialisations_of_one_head_apart(first, second):
    row = score_two(posting("werkplein:1", title=first), posting("b:2", title=second))
    assert row["veto"] == "qualifier"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Chauffeur CE", "Vrachtwagenchauffeur CE"),
        ("Chauffeur CE", "Chaufeur CE"),
        ("Medewerker klantenservice", "Klantenservicemedewerker"),
        ("Junior front end developer", "Junior frontend developer"),
        ("Verzorgende IG", "Verzorgende individuele gezondheidszorg"),
    ],
)
def test_score_pairs_accepts_typos_and_compounds_of_one_title(first, second):
    row = score_two(posting("werkplein:1", title=first), posting("b:2", title=second))
    assert row["veto"] == ""
    assert row["is_match"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Monteur onderhoud", "Onderhoudsmonteur"),
        ("Medewerker verkoop", "Verkoopmedewerker"),
        ("Productie medewerker", "Productiemedewerker"),
        ("Senior planner transport", "Senior transportplanner"),
    ],
)
def test_score_pairs_reads_a_compound_written_apart_or_turned_round(first, second):
    row = score_two(
        posting("werkplein:1", title=first),
        posting("b:2", title=second, description=OTHER_TEXT),
        use_occupations=False,
    )
    assert row["title"] >= 0.95
    assert row["veto"] == ""


def municipal(posting_id: str, title: str, **fields: object) -> dict[str, object]:
    record = {
        "title": title,
        "employer": "Gemeente Tilburg",
        "hours_min": 36.0,
        "hours_max": 36.0,
        "salary_min": 3100.0,
        "salary_max": 4200.0,
    }
    record.update(fields)
    return posting(posting_id, **record)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Handhaver", "Toezichthouder openbare ruimte"),
        ("Groepsleerkracht", "Leraar basisonderwijs"),
        ("Beveiliger", "Beveiligingsbeambte"),
    ],
)
def test_score_pairs_matches_a_copy_retitled_in_other_words(first, second):
    a = municipal("werkplein:1", first)
    b = municipal("b:2", second, location="5038 AB Tilburg", date_posted="2026-03-05")
    row = score_two(a, b)
    assert row["synonym"]
    assert row["is_match"]
    # As text, the titles differ unless the board copied the text as well.
    reworded = {**b, "description": OTHER_TEXT}
    assert score_two(a, reworded, use_occupations=False)["veto"] in {
        "title",
        "qualifier",
    }


@pytest.mark.parametrize(
    ("change", "veto"),
    [
        ({"location": "Breda"}, "place"),
        ({"title": "Senior leraar basisonderwijs"}, "discriminator"),
        ({"hours_min": 34.0, "hours_max": 34.0}, "title"),
        ({"date_posted": "2026-03-20"}, "title"),
        (
            {"employer": "Onze opdrachtgever", "salary_min": None, "salary_max": None},
            "title",
        ),
    ],
)
def test_score_pairs_keeps_synonym_titles_apart_when_the_rest_differs(change, veto):
    a = municipal("werkplein:1", "Junior groepsleerkracht")
    b = municipal("b:2", "Junior leraar basisonderwijs")
    b.update(change)
    row = score_two(a, b)
    assert not row["synonym"]
    assert not row["is_match"]
    assert row["veto"] == veto


def test_score_pairs_needs_agreeing_texts_for_synonym_titles_without_a_salary():
    a = municipal("werkplein:1", "Handhaver", salary_min=None, salary_max=None)
    b = municipal("b:2", "Toezichthouder openbare ruimte", description=OTHER_TEXT)
    # The employer's one opening of the job in the town, on two boards.
    assert score_two(a, b)["is_match"]
    assert score_two(a, b, single_job_min_score=2.0)["veto"] == "title"
    # With a second opening of the job on a board, the text must tell.
    c = {**b, "posting_id": "werkplein:3", "board": "werkplein"}
    assert score_in(pd.DataFrame([a, b, c]))["veto"] == "title"
    b["description"] = TEXT
    assert score_two(a, b, single_job_min_score=2.0)["is_match"]


def test_score_pairs_matches_another_title_over_a_copied_text():
    # No occupation links the titles; the board copied the text itself.
    a = municipal("werkplein:1", "Maatschappelijk werker")
    b = municipal("b:2", "Medewerker sociaal team", date_posted="2026-03-04")
    row = score_two(a, b, use_occupations=False)
    assert row["copied"]
    assert row["is_match"]
    reworded = score_two(a, {**b, "description": OTHER_TEXT}, use_occupations=False)
    assert reworded["veto"] == "title"
    elsewhere = score_two(a, {**b, "location": "Breda"}, use_occupations=False)
    assert not elsewhere["is_match"]


def test_score_pairs_matches_a_hidden_employer_retitled_copy_repeating_its_terms():
    a = municipal("werkplein:1", "Handhaver")
    b = municipal(
        "flexpunt:2",
        "Toezichthouder openbare ruimte",
        employer="Onze opdrachtgever",
        source_type="agency",
    )
    row = score_two(a, b)
    assert row["synonym"]
    assert row["is_match"]


def test_score_pairs_gives_an_agency_copy_to_the_employer_whose_terms_it_repeats():
    frame = pd.DataFrame(
        [
            posting("werkplein:1"),
            rewritten_agency_copy(
                salary_min=2800.0, salary_max=3200.0, salary_period="month"
            ),
            posting(
                "werkplein:2",
                employer="Transportbedrijf Kessels",
                hours_min=24.0,
                hours_max=32.0,
                salary_min=2450.0,
                salary_max=2600.0,
            ),
        ]
    )
    # The text counting in full, the score alone falls short; the terms decide.
    full_text = {"weight_description_hidden": 2.5}
    assert score_in(frame, **full_text)["is_match"]
    assert not score_in(frame, agency_terms_agreement=2.0, **full_text)["is_match"]


def test_score_pairs_takes_a_repost_on_one_board_weeks_later():
    first = posting("werkplein:1")
    again = posting("werkplein:2", date_posted="2026-03-24")
    row = score_two(first, again)
    assert row["is_match"]
    assert row["score"] >= DedupeConfig().same_board_threshold
    assert not score_two(first, again, repost_min_description=2.0)["is_match"]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Jeroen Bosch Ziekenhuis", "JBZ", True),
        ("VieCuri Medisch Centrum", "VieCuri MC", True),
        ("Jumbo Supermarkten B.V.", "Jumbo Distributiecentrum", True),
        ("Gemeente Den Haag", "gemeente 's-Gravenhage", True),
        ("IND", "Immigratie- en Naturalisatiedienst", True),
        ("GVB", "Gemeentelijk Vervoerbedrijf", True),
        ("PostNL", "Post NL", True),
        ("Huisartsenpraktijk De Horst", "Huisartsenpraktijk De Boer", False),
        ("Van der Valk", "Van der Veen", False),
    ],
)
def test_score_pairs_reads_the_names_one_employer_goes_by(first, second, same):
    row = score_two(
        posting("werkplein:1", employer=first),
        posting("vacaturenet:2", employer=second),
    )
    assert bool(row["is_match"]) is same
    assert (row["veto"] == "employer") is not same


def test_score_pairs_gives_an_agency_copy_to_the_one_employer_of_its_title():
    other_job = posting(
        "werkplein:2",
        title="Chauffeur CE internationaal",
        employer="Transportbedrijf Kessels",
    )
    frame = pd.DataFrame([posting("werkplein:1"), rewritten_agency_copy(), other_job])
    assert score_in(frame)["is_match"]
    same_title = {**other_job, "title": "Chauffeur CE"}
    frame = pd.DataFrame([posting("werkplein:1"), rewritten_agency_copy(), same_title])
    assert not score_in(frame)["is_match"]


@pytest.mark.parametrize(
    ("short", "name"),
    [("ABC", "Albert Heijn"), ("AHD", "Albert Heijn"), ("IND", "Indeed")],
)
def test_score_pairs_keeps_apart_a_short_name_that_spells_no_other(short, name):
    row = score_two(
        posting("werkplein:1", employer=short),
        posting("vacaturenet:2", employer=name, description=OTHER_TEXT),
    )
    assert row["veto"] == "employer"


def test_score_pairs_reads_a_name_in_the_other_text_as_its_employer():
    brand = "Bodegravens Ziekenhuis"
    text = f"{brand} zoekt een chauffeur. " + TEXT
    a = posting("werkplein:1", employer=brand, description=text)
    b = posting("vacaturenet:2", employer="Stichting Zorgcombinatie", description=text)
    row = score_two(a, b, renamed_min_jaccard=2.0)
    assert row["is_match"]
    assert row["employer"] == 1.0
    unnamed = {**b, "description": TEXT}
    assert score_two(a, unnamed, renamed_min_jaccard=2.0)["veto"] == "employer"
    unlike = score_two(a, b, renamed_min_jaccard=2.0, named_min_jaccard=2.0)
    assert unlike["veto"] == "employer"


def test_score_pairs_reads_a_legal_owner_name_as_any_brand_when_texts_agree():
    a = posting("werkplein:1", employer="Schelderoute Schoonmaak")
    b = posting("vacaturenet:2", employer="Dijkstra Holding B.V.")
    extended = {**b, "description": TEXT + " Solliciteer via onze website."}
    row = score_two(a, extended, renamed_min_jaccard=2.0)
    assert row["is_match"]
    assert not score_two(a, extended, renamed_min_jaccard=2.0, owner_min_jaccard=2.0)[
        "is_match"
    ]
    rewritten = {**b, "description": OTHER_TEXT}
    assert score_two(a, rewritten)["veto"] == "employer"
    not_an_owner = {**extended, "employer": "Dijkstra Bouw B.V."}
    assert score_two(a, not_an_owner, renamed_min_jaccard=2.0)["veto"] == "employer"


def test_score_pairs_takes_one_employer_job_in_a_town_worded_anew_by_a_board():
    no_pay = {"salary_min": None, "salary_max": None, "salary_period": None}
    own_site = posting("werkplein:1", **no_pay)
    public_board = posting("vacaturenet:2", description=OTHER_TEXT, **no_pay)
    row = score_two(own_site, public_board)
    assert row["description"] < 0.2
    assert row["is_match"]
    assert not score_two(own_site, public_board, single_job_min_score=2.0)["is_match"]
    # A chain listing the job for each of its stores in the town: not one job.
    second_store = posting("werkplein:3", description=TEXT + " Filiaal Oost.")
    frame = pd.DataFrame([own_site, public_board, second_store])
    assert not score_in(frame)["is_match"]
    weeks_later = {**public_board, "date_posted": "2026-03-30"}
    assert not score_two(own_site, weeks_later)["is_match"]


def test_score_pairs_takes_one_copied_text_under_two_qualified_titles():
    text = "Als medewerker buitendienst werk je in parken en wijken. " + TEXT
    a = posting("werkplein:1", title="Medewerker groenvoorziening", description=text)
    b = posting("vacaturenet:2", title="Medewerker buitendienst", description=text)
    assert score_two(a, b)["is_match"]
    assert score_two(a, b, requalified_min_jaccard=2.0)["veto"] == "qualifier"
    rewritten = {**b, "description": OTHER_TEXT}
    assert score_two(a, rewritten)["veto"] == "qualifier"
    # A text naming neither title, or both, does not tell which was retitled.
    for other in (TEXT, text.replace("parken", "medewerker groenvoorziening")):
        pair = ({**a, "description": other}, {**b, "description": other})
        assert score_two(*pair)["veto"] == "qualifier"


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ((28.0, None), (None, 32.0), False),  # "vanaf 28 uur", "tot 32 uur"
        ((36.0, None), (None, 24.0), True),  # "vanaf 36 uur", "tot 24 uur"
        ((28.0, 32.0), (None, 32.0), False),
        ((38.0, 38.0), (None, 24.0), True),
    ],
)
def test_score_pairs_reads_one_end_of_hours_as_an_open_range(first, second, conflict):
    a = posting("werkplein:1", hours_min=first[0], hours_max=first[1])
    b = posting("vacaturenet:2", hours_min=second[0], hours_max=second[1])
    assert (score_two(a, b)["veto"] == "terms") is conflict


def test_score_pairs_reads_one_text_under_two_names_as_one_employer():
    a = posting("werkplein:1", employer="Albert Heijn")
    b = posting("vacaturenet:2", employer="Smeets Retail B.V.")
    assert score_two(a, b)["is_match"]
    assert score_two(a, b, renamed_min_jaccard=2.0)["veto"] == "employer"
    rewritten = {**b, "description": OTHER_TEXT}
    assert score_two(a, rewritten)["veto"] == "employer"
