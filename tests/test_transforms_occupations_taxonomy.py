"""Reading the ESCO export and the bundled starter taxonomy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from transforms.occupations.normalise import normalise_label, normalise_title
from transforms.occupations.taxonomy import (
    STARTER_NAMESPACE,
    read_esco_export,
    starter_taxonomy,
)
from vacatures.errors import InputError

MINI = Path(__file__).parent / "data" / "occupations" / "esco_mini"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ESCO = SHARED / "esco"


def test_read_esco_export_splits_multivalued_cells_on_newlines():
    taxonomy = read_esco_export(MINI / "v9.1")
    chauffeur = taxonomy.labels[taxonomy.labels["esco_uri"].str.endswith("chauffeur")]
    assert set(chauffeur["label"]) == {
        "vrachtwagenchauffeur",
        "chauffeur ce",
        "trucker",
        "truckchauffeur",
    }
    types = dict(zip(chauffeur["label"], chauffeur["label_type"], strict=True))
    assert types["vrachtwagenchauffeur"] == "preferred"
    assert types["trucker"] == "alternative"
    assert types["truckchauffeur"] == "hidden"
    assert not taxonomy.labels["label"].str.contains("\n").any()
    assert set(taxonomy.labels["language"]) == {"nl"}


def test_read_esco_export_without_groups_file_derives_all_four_levels():
    taxonomy = read_esco_export(MINI / "v9.1")
    groups = taxonomy.isco_groups.set_index("isco_code")
    assert {"5", "51", "512", "5120", "8", "83", "833", "8332"} <= set(groups.index)
    assert groups.loc["833", "level"] == 3
    assert groups.loc["833", "parent_code"] == "83"
    assert groups["label"].isna().all()
    assert taxonomy.relations.empty
    assert taxonomy.version == "v9.1"


def test_read_esco_export_keeps_the_latest_of_repeated_rows():
    taxonomy = read_esco_export(MINI / "v9.2")
    assert taxonomy.occupations["esco_uri"].is_unique
    kok = taxonomy.labels[taxonomy.labels["esco_uri"].str.endswith(":kok")]
    assert "keukenkok" in set(kok["label"])


def test_read_esco_export_reads_groups_and_occupation_relations():
    taxonomy = read_esco_export(MINI / "v9.2")
    groups = taxonomy.isco_groups.set_index("isco_code")
    assert groups.loc["2512", "label"] == "Softwareontwikkelaars"
    assert groups.loc["2512", "description"] == "Ontwerpen en schrijven software."
    assert pd.isna(groups.loc["2", "parent_code"])
    # Group-to-group rows are the groups' own hierarchy, not occupation relations.
    assert set(taxonomy.relations["broader_type"]) == {"ISCOGroup"}
    assert len(taxonomy.relations) == 4


def test_read_esco_export_english_titles_become_english_preferred_labels():
    taxonomy = read_esco_export(
        MINI / "v9.2", english_titles=MINI / "english_titles.csv"
    )
    english = taxonomy.occupations.set_index("esco_code")["preferred_label_en"]
    assert english["5120.1"] == "cook"
    assert pd.isna(english["8332.1"])
    en = taxonomy.labels[taxonomy.labels["language"] == "en"]
    assert sorted(en["label"]) == ["cook", "software developer"]
    assert set(en["label_type"]) == {"preferred"}


def test_read_esco_export_version_given_explicitly(tmp_path):
    folder = tmp_path / "download"
    shutil.copytree(MINI / "v9.1", folder)
    assert read_esco_export(folder, version="v9.9").version == "v9.9"
    with pytest.raises(InputError, match="--version"):
        read_esco_export(folder)


@pytest.mark.parametrize("make", ["absent", "empty"])
def test_read_esco_export_without_occupations_file_is_input_error(tmp_path, make):
    folder = tmp_path / "v1.2"
    if make == "empty":
        folder.mkdir()
    with pytest.raises(InputError) as raised:
        read_esco_export(folder)
    assert "\n" not in str(raised.value)
    assert str(folder) in str(raised.value)


def test_read_esco_export_v12_official_files():
    if not (ESCO / "v1.2").is_dir():
        pytest.skip(f"ESCO v1.2 export not found at {ESCO / 'v1.2'}")
    raw = pd.read_csv(ESCO / "v1.2" / "occupations_nl.csv", dtype=str)
    taxonomy = read_esco_export(ESCO / "v1.2")
    assert len(taxonomy.occupations) == raw["conceptUri"].nunique()
    assert taxonomy.occupations["isco08"].str.fullmatch(r"\d{4}").all()
    assert set(taxonomy.isco_groups["level"]) == {1, 2, 3, 4}
    assert taxonomy.isco_groups["label"].notna().all()
    assert set(taxonomy.labels["label_type"]) == {"preferred", "alternative", "hidden"}
    assert taxonomy.relations["esco_uri"].isin(taxonomy.occupations["esco_uri"]).all()
    assert taxonomy.version == "v1.2"


def test_read_esco_export_v11_official_file_alone():
    if not (ESCO / "v1.1").is_dir():
        pytest.skip(f"ESCO v1.1 export not found at {ESCO / 'v1.1'}")
    raw = pd.read_csv(ESCO / "v1.1" / "occupations_nl.csv", dtype=str)
    taxonomy = read_esco_export(ESCO / "v1.1")
    assert len(taxonomy.occupations) == raw["conceptUri"].nunique()
    assert set(taxonomy.isco_groups["level"]) == {1, 2, 3, 4}
    assert taxonomy.isco_groups["label"].isna().all()
    assert taxonomy.version == "v1.1"


def test_starter_taxonomy_covers_all_sectors_with_groups_at_four_levels():
    taxonomy = starter_taxonomy()
    occupations = taxonomy.occupations
    assert len(occupations) >= 200
    assert occupations["esco_uri"].str.startswith(STARTER_NAMESPACE).all()
    assert taxonomy.is_starter
    groups = taxonomy.isco_groups.set_index("isco_code")
    for code in occupations["isco08"]:
        for level in range(1, 5):
            assert isinstance(groups.loc[code[:level], "label"], str), code[:level]
    assert set(occupations["isco08"].str[0]) == set("0123456789")
    english = taxonomy.labels[taxonomy.labels["language"] == "en"]
    assert english["esco_uri"].nunique() > 100


def test_starter_taxonomy_labels_name_one_unit_group_each():
    taxonomy = starter_taxonomy()
    labels = taxonomy.labels.merge(taxonomy.occupations[["esco_uri", "isco08"]])
    labels["norm"] = labels["label"].map(normalise_label)
    groups = labels.groupby("norm")["isco08"].nunique()
    assert groups[groups > 1].empty, groups[groups > 1]


def test_starter_taxonomy_place_names_are_no_occupation_words():
    taxonomy = starter_taxonomy()
    for label in taxonomy.labels["label"]:
        assert normalise_title(label), label


def test_starter_taxonomy_codes_the_demo_board_titles():
    demo = pytest.importorskip("vacatures.demo.occupations")
    from transforms.occupations.coder import OccupationCoder

    titles = [t for o in demo.OCCUPATIONS for t in (*o.titles, *o.titles_en)]
    frame = pd.DataFrame({"id": range(len(titles)), "title": titles})
    coded = OccupationCoder(starter_taxonomy()).classify(frame)
    assert (coded["isco08"] != "").mean() >= 0.9
