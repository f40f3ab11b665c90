"""The coder: retrieve and rank on real-looking titles, abstain when unsure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from transforms.occupations.coder import CODED_COLUMNS, OccupationCoder
from transforms.occupations.evaluation import score_coding
from transforms.occupations.taxonomy import (
    Taxonomy,
    read_esco_export,
    starter_taxonomy,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
LABELLED = Path(__file__).parent / "data" / "occupations" / "labelled_titles.csv"
# Written and coded by hand apart from the coder's vocabulary.
INDEPENDENT = Path(__file__).parent / "data" / "occupations" / "independent_titles.csv"


def tiny_taxonomy() -> Taxonomy:
    """Five occupations written for these tests, each with a few labels."""
    rows = [
        ("chauffeur", "8322", "chauffeur", ["taxichauffeur"], ["driver"]),
        ("verpleegkundige", "2221", "verpleegkundige", [], ["nurse"]),
        ("machinist", "8342", "machinist", ["graafmachinist"], []),
        ("magazijn", "9333", "magazijnmedewerker", ["orderpicker"], []),
        ("kok", "5120", "kok", ["keukenkok"], ["cook"]),
        ("docent", "2330", "docent", ["leraar"], ["teacher"]),
    ]
    occupations, labels = [], []
    for slug, isco, preferred, alternatives, english in rows:
        uri = f"urn:test:{slug}"
        occupations.append(
            {"esco_uri": uri, "isco08": isco, "preferred_label": preferred}
        )
        labels.append((uri, preferred, "preferred", "nl"))
        labels += [(uri, label, "alternative", "nl") for label in alternatives]
        labels += [(uri, label, "preferred", "en") for label in english]
    return Taxonomy(
        occupations=pd.DataFrame(occupations),
        labels=pd.DataFrame(
            labels, columns=["esco_uri", "label", "label_type", "language"]
        ),
        isco_groups=pd.DataFrame(columns=["isco_code"]),
        relations=pd.DataFrame(columns=["esco_uri", "broader_uri"]),
        version="test",
    )


def code(coder: OccupationCoder, *titles: str, **columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({"id": range(len(titles)), "title": titles, **columns})
    return coder.classify(frame)


@pytest.fixture(scope="module")
def tiny() -> OccupationCoder:
    return OccupationCoder(tiny_taxonomy(), fold_vocabulary=False)


@pytest.fixture(scope="module")
def starter() -> OccupationCoder:
    return OccupationCoder(starter_taxonomy())


@pytest.fixture(scope="module")
def esco() -> Taxonomy:
    folder = SHARED / "esco" / "v1.2"
    if not folder.is_dir():
        pytest.skip(f"ESCO v1.2 export not found at {folder}")
    return read_esco_export(
        folder, english_titles=SHARED / "crosswalks" / "esco_to_onet_soc_2019.csv"
    )


@pytest.fixture(scope="module")
def esco_coder(esco: Taxonomy) -> OccupationCoder:
    return OccupationCoder(esco)


def test_classify_returns_one_row_per_input_in_order(tiny):
    coded = code(tiny, "Kok", "Orderpicker (m/v)", "Kok")
    assert list(coded.columns) == CODED_COLUMNS
    assert list(coded["id"]) == [0, 1, 2]
    assert list(coded["isco08"]) == ["5120", "9333", "5120"]
    assert coded["score"].between(0, 1).all()


def test_classify_empty_frame_has_the_coded_columns(tiny):
    coded = tiny.classify(pd.DataFrame({"id": [], "title": []}))
    assert list(coded.columns) == CODED_COLUMNS
    assert coded.empty


@pytest.mark.parametrize(
    ("title", "isco08"),
    [
        ("Zuigwagenchauffeur", "8322"),
        ("Wijkverpleegkundige", "2221"),
        ("Kraanmachinist", "8342"),
        ("Pizzakeukenkok", "5120"),
    ],
)
def test_classify_compound_takes_the_occupation_of_its_head(tiny, title, isco08):
    coded = code(tiny, title)
    assert coded.loc[0, "isco08"] == isco08


def test_classify_misspelt_title_reads_as_the_nearest_label(tiny):
    coded = code(tiny, "Magazijnmedeweker", "Verpleegkunige")
    assert list(coded["isco08"]) == ["9333", "2221"]


def test_classify_english_titles_use_english_labels(tiny):
    coded = code(tiny, "Nurse", "Senior Teacher (m/f)")
    assert list(coded["isco08"]) == ["2221", "2330"]
    assert list(coded["matched_label"]) == ["nurse", "teacher"]


def test_classify_abstains_on_titles_naming_no_occupation(tiny):
    coded = code(tiny, "Xyzzy quux", "Collega gezocht!", "Medewerker (32 uur)")
    assert (coded["isco08"] == "").all()
    assert (coded["esco_uri"] == "").all()


def coded_with(taxonomy: Taxonomy, threshold: float, titles: list[str]) -> pd.DataFrame:
    return code(
        OccupationCoder(taxonomy, threshold=threshold, fold_vocabulary=False), *titles
    )


def test_classify_threshold_trades_coverage_for_confidence():
    taxonomy = tiny_taxonomy()
    titles = ["Kok", "Keukenkok", "Pizzakeukenkok", "Zuigwagenchauffeur"]
    answered = [
        (coded_with(taxonomy, t, titles)["isco08"] != "").sum()
        for t in (0.3, 0.7, 0.99)
    ]
    assert answered[0] >= answered[1] >= answered[2]
    assert answered[0] == len(titles)
    assert answered[2] < len(titles)


def test_classify_vague_title_is_coded_from_its_description(tiny):
    description = (
        "Als orderpicker in ons distributiecentrum verzamel je bestellingen "
        "en laad je vrachtwagens."
    )
    coded = code(
        tiny,
        "Allround medewerker",
        "Allround medewerker",
        description=[description, ""],
    )
    assert coded.loc[0, "isco08"] == "9333"
    assert coded.loc[0, "matched_by"] == "description"
    assert coded.loc[1, "isco08"] == ""


def test_classify_prefers_a_description_naming_the_job_over_a_partial_title():
    # With the board vocabulary, "Vakman magazijn" reads in part as "vakman groen".
    coder = OccupationCoder(tiny_taxonomy())
    description = "Als orderpicker verzamel je bestellingen in ons magazijn."
    coded = code(
        coder, "Vakman magazijn", "Vakman magazijn", description=[description, ""]
    )
    assert float(coded.loc[1, "score"]) < coder.description_below
    assert coded.loc[1, "matched_by"] == "title"
    assert coded.loc[1, "isco08"] != "9333"
    assert (coded.loc[0, "isco08"], coded.loc[0, "matched_by"]) == (
        "9333",
        "description",
    )


def test_classify_clear_title_ignores_a_description_naming_others(tiny):
    coded = code(tiny, "Kok", description=["Je werkt samen met de chauffeur."])
    assert coded.loc[0, "isco08"] == "5120"
    assert coded.loc[0, "matched_by"] == "title"


def test_classify_removes_the_company_from_the_title(tiny):
    coded = code(tiny, "Kok Taxicentrale Noord", company=["Taxicentrale Noord"])
    assert coded.loc[0, "isco08"] == "5120"


@pytest.mark.parametrize(
    ("title", "isco08"),
    [
        ("Software Engineer", "2512"),
        ("Warehouse Operator", "9333"),
        ("Customer Service Representative", "4222"),
        ("Verzorgende IG (24 uur)", "5321"),
        ("Allround Kok", "5120"),
        ("Vrachtwagenchauffeur CE", "8332"),
        ("Leerkracht Basisonderwijs", "2341"),
        ("Medewerker Klantenservice", "4222"),
    ],
)
def test_starter_coder_codes_common_titles(starter, title, isco08):
    assert code(starter, title).loc[0, "isco08"] == isco08


def test_esco_coder_returns_esco_uris(esco_coder):
    coded = code(esco_coder, "Magazijnmedewerker", "Wijkverpleegkundige")
    assert coded["esco_uri"].str.startswith("http://data.europa.eu/esco/").all()
    assert list(coded["isco08"]) == ["9333", "2221"]


def test_esco_coder_without_vocabulary_reads_english_labels(esco):
    coder = OccupationCoder(esco, fold_vocabulary=False)
    coded = code(coder, "Senior Software Developer", "Warehouse Worker")
    assert list(coded["isco08"]) == ["2512", "9333"]
    english = set(esco.labels.loc[esco.labels["language"] == "en", "label"])
    assert set(coded["matched_label"]) <= english


def test_esco_coder_agrees_with_the_labelled_set(esco_coder):
    labelled = pd.read_csv(LABELLED, dtype=str, keep_default_na=False)
    coded = esco_coder.classify(labelled[["id", "title", "description"]])
    scores = score_coding(coded, labelled)
    assert scores.accuracy[1] >= 0.9
    assert scores.accuracy[4] >= 0.7


def test_esco_coder_agrees_with_titles_coded_apart_from_its_vocabulary(esco_coder):
    labelled = pd.read_csv(INDEPENDENT, dtype=str, keep_default_na=False)
    coded = esco_coder.classify(labelled[["id", "title"]])
    scores = score_coding(coded, labelled)
    assert scores.accuracy[1] >= 0.9
    assert scores.accuracy[4] >= 0.7


def test_vocabulary_lends_its_labels_to_the_occupation_of_its_unit_group():
    vocabulary = tiny_taxonomy()
    vocabulary.occupations = pd.DataFrame(
        [
            {"esco_uri": "urn:vocab:tank", "isco08": "8322", "preferred_label": "x"},
            {"esco_uri": "urn:vocab:pilot", "isco08": "3153", "preferred_label": "y"},
        ]
    )
    vocabulary.labels = pd.DataFrame(
        [
            ("urn:vocab:tank", "bestelbuschauffeur", "preferred", "nl"),
            ("urn:vocab:pilot", "verkeersvlieger", "preferred", "nl"),
        ],
        columns=["esco_uri", "label", "label_type", "language"],
    )
    coder = OccupationCoder(tiny_taxonomy(), vocabulary=vocabulary)
    coded = code(coder, "Bestelbuschauffeur", "Verkeersvlieger")
    assert list(coded["isco08"]) == ["8322", "3153"]
    # The taxonomy's own occupation where it has one; the vocabulary's otherwise.
    assert list(coded["esco_uri"]) == ["urn:test:chauffeur", "urn:vocab:pilot"]
