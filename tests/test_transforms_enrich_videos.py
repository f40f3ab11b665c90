"""Occupation videos: catalogue formats, crosswalk scoring, the choice per vacancy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest

from transforms.enrich.occupations import (
    OccupationIndex,
    code_kind,
    match_occupations,
    read_crosswalk,
    score_crosswalk,
)
from transforms.enrich.videos import (
    choose_videos,
    code_video_titles,
    parse_youtube_feed,
    read_careeronestop,
    read_video_catalogue,
    title_for_coding,
)
from vacatures.errors import InputError

DATA = Path(__file__).parent / "data" / "enrich"
NURSE_URI = "http://data.europa.eu/esco/occupation/0000aaaa-1111-2222-3333-444455556666"
ASSISTANT_URI = "http://data.europa.eu/esco/occupation/5321-1-1"


@pytest.fixture
def index() -> OccupationIndex:
    occupations = pd.DataFrame(
        {
            "esco_uri": [NURSE_URI, ASSISTANT_URI],
            "esco_code": ["2221.9", "5321.1.1"],
            "isco08": ["2221", "5321"],
        }
    )
    crosswalk = score_crosswalk(read_crosswalk(DATA / "crosswalk.csv"))
    return OccupationIndex(occupations, crosswalk=crosswalk)


def vacancies(*rows: tuple[str, str | None, str | None]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["vacancy_id", "isco08", "esco_uri"])


def test_code_kind_tells_the_four_code_kinds_apart():
    assert code_kind("22") == "isco"
    assert code_kind("5321.1.1") == "esco_code"
    assert code_kind("31-1131") == "onet"
    assert code_kind(NURSE_URI) == "esco_uri"
    assert code_kind("verpleegkundige") is None


def test_read_video_catalogue_csv_links_every_code_kind_and_counts_drops(index):
    catalogue = read_video_catalogue(DATA / "videos_catalogue.csv", index)
    links = catalogue.links.merge(catalogue.videos, on="video_id")
    by_title = links.set_index("title")
    assert by_title.loc["Beroepsbeeld wijkverpleegkundige", "esco_uri"] == NURSE_URI
    assert by_title.loc["Beroepsbeeld vrachtwagenchauffeur", "isco08"] == "8332"
    assert by_title.loc["Beroepsbeeld zorg (algemeen)", "isco08"] == "22"
    assert by_title.loc["Nurses at work", "duration_seconds"] == 250
    assert by_title.loc["Opleiding tot lasser", "kind"] == "training"
    assert dict(catalogue.dropped) == {
        "no_occupation": 1,
        "bad_url": 1,
        "no_title": 1,
        "duplicate_url": 1,
        "bad_kind": 1,
        "unresolved_occupation": 1,
    }
    assert catalogue.videos["video_id"].is_unique


def test_read_video_catalogue_json_reads_lists_and_onet_codes(index):
    catalogue = read_video_catalogue(DATA / "videos_catalogue.json", index)
    links = catalogue.links.merge(catalogue.videos, on="video_id")
    trucks = links[links["title"] == "Truck drivers"]
    assert set(trucks["linked_by"]) == {"crosswalk"}
    assert "8332" in set(trucks["isco08"])
    assert set(links.loc[links["title"] == "Werken als timmerman", "isco08"]) == {
        "7115"
    }


def test_read_video_catalogue_rejects_other_formats(tmp_path):
    path = tmp_path / "videos.xlsx"
    path.write_text("x")
    with pytest.raises(InputError, match=r"\.csv or \.json"):
        read_video_catalogue(
            path, OccupationIndex(pd.DataFrame(columns=["esco_uri", "isco08"]))
        )


def test_score_crosswalk_drops_links_to_minority_major_groups():
    scored = score_crosswalk(read_crosswalk(DATA / "crosswalk.csv"))
    assistants = scored[scored["onet_code"] == "31-1131.00"]
    # Four of the seven links are care workers (major group 5): the nurse and
    # midwife links (major group 2) have no title evidence and are dropped.
    assert set(assistants["isco08"].str[0]) == {"5"}
    trucks = scored[scored["onet_code"] == "53-3032.00"]
    assert "9613" not in set(trucks["isco08"])
    unit = trucks.set_index("esco_code")["link_score"]
    assert unit["8332"] > unit["8331.1"]


def test_read_careeronestop_links_through_the_crosswalk(index):
    catalogue = read_careeronestop(DATA / "careeronestop_videos.json", index)
    assert set(catalogue.videos["language"]) == {"en"}
    assert set(catalogue.videos["source_key"]) == {"31-1131.00", "53-3032.00"}
    assert catalogue.dropped == {"bad_url": 1, "not_in_crosswalk": 1}
    assistant = catalogue.links[catalogue.links["esco_uri"] == ASSISTANT_URI]
    assert len(assistant) == 1


def test_read_careeronestop_needs_the_crosswalk():
    index = OccupationIndex(pd.DataFrame(columns=["esco_uri", "isco08"]))
    with pytest.raises(InputError, match="crosswalk"):
        read_careeronestop(DATA / "careeronestop_videos.json", index)


def test_parse_youtube_feed_reads_entries():
    entries = parse_youtube_feed((DATA / "youtube_feed.xml").read_bytes())
    assert list(entries["youtube_id"]) == ["aB3dE5gH7jK", "Zx9_Yw8-Vu7", "Qq1Rr2Ss3Tt"]
    first = entries.iloc[0]
    assert first["url"] == "https://www.youtube.com/watch?v=aB3dE5gH7jK"
    assert first["poster_url"].endswith("/aB3dE5gH7jK/hqdefault.jpg")
    assert first["channel"] == "Beroepen in Beeld"
    assert "afdeling" in first["description"]


def test_parse_youtube_feed_refuses_entity_expansion():
    with pytest.raises(InputError, match="unsafe XML"):
        parse_youtube_feed((DATA / "feed_bomb.xml").read_bytes())


def test_parse_youtube_feed_refuses_other_xml():
    with pytest.raises(InputError, match="not an Atom feed"):
        parse_youtube_feed(b"<rss><channel/></rss>")


def test_title_for_coding_strips_video_words():
    assert (
        title_for_coding("Beroepsfilm: Verpleegkundige | Een dag") == "Verpleegkundige"
    )
    assert title_for_coding("Werken als timmerman #bouw") == "timmerman"
    assert title_for_coding("A day in the life of a welder") == "welder"


class _TitleCoder:
    """Codes the two titles of the fixture feed the way a coder would."""

    known: ClassVar[dict[str, tuple[str, float]]] = {
        "verpleegkundige": ("2221", 0.95),
        "lasser": ("7212", 0.9),
    }

    def classify(self, frame: pd.DataFrame) -> pd.DataFrame:
        rows = []
        for row_id, title in zip(frame["id"], frame["title"], strict=True):
            isco, score = self.known.get(title.lower(), ("", 0.2))
            rows.append((row_id, isco, "", score))
        return pd.DataFrame(rows, columns=["id", "isco08", "esco_uri", "score"])


def test_code_video_titles_links_only_titles_naming_an_occupation():
    entries = parse_youtube_feed((DATA / "youtube_feed.xml").read_bytes())
    catalogue = code_video_titles(entries, _TitleCoder(), source="youtube:test")
    linked = catalogue.links.merge(catalogue.videos, on="video_id")
    assert sorted(linked["isco08"]) == ["2221", "7212"]
    assert set(linked["linked_by"]) == {"title"}
    assert catalogue.dropped == {"no_occupation_in_title": 1}


def test_code_video_titles_with_the_occupation_coder():
    from transforms.occupations import OccupationCoder, starter_taxonomy

    entries = parse_youtube_feed((DATA / "youtube_feed.xml").read_bytes())
    catalogue = code_video_titles(entries, OccupationCoder(starter_taxonomy()))
    isco = set(catalogue.links["isco08"])
    assert "7212" in isco
    assert {code[0] for code in isco} <= {"2", "3", "7"}
    studio = catalogue.videos["title"].str.contains("studio")
    assert not studio.any()


def _catalogue() -> tuple[pd.DataFrame, pd.DataFrame]:
    videos = pd.DataFrame(
        {
            "video_id": ["nurse_en", "nurse_nl", "community_nl", "care_nl", "weld_tr"],
            "kind": ["occupation"] * 4 + ["training"],
            "language": ["en", "nl", "nl", "nl", "nl"],
        }
    )
    links = pd.DataFrame(
        {
            "video_id": ["nurse_en", "nurse_nl", "community_nl", "care_nl", "weld_tr"],
            "isco08": ["2221", "2221", "2221", "22", "7212"],
            "esco_uri": [None, None, NURSE_URI, None, None],
            "link_score": [1.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    return videos, links


def test_choose_videos_follows_the_match_order():
    videos, links = _catalogue()
    chosen = choose_videos(
        vacancies(
            ("esco", "2221", NURSE_URI),
            ("unit", "2221", None),
            ("minor", "2222", None),
            ("submajor", "2264", None),
        ),
        videos,
        links,
    ).set_index("vacancy_id")
    assert chosen.loc["esco", "video_id"] == "community_nl"
    assert chosen.loc["esco", "match_level"] == "esco"
    # Same unit group: the Dutch video before the English one.
    assert chosen.loc["unit", "video_id"] == "nurse_nl"
    assert chosen.loc["minor", "match_level"] == "isco3"
    assert chosen.loc["minor", "video_id"] in {"nurse_nl", "community_nl"}
    assert chosen.loc["submajor", "match_level"] == "isco2"


def test_choose_videos_prefers_a_closer_english_video_to_a_broader_dutch_one():
    videos, links = _catalogue()
    links = links[links["video_id"] != "nurse_nl"]
    videos = videos[videos["video_id"] != "nurse_nl"]
    links.loc[links["video_id"] == "community_nl", "isco08"] = "2222"
    chosen = choose_videos(vacancies(("unit", "2221", None)), videos, links)
    assert chosen["video_id"].tolist() == ["nurse_en"]


def test_choose_videos_never_crosses_a_major_group():
    videos, links = _catalogue()
    chosen = choose_videos(
        vacancies(
            ("associate", "3221", None),
            ("welder", "7212", None),
            ("uncoded", None, None),
            ("care", "5321", None),
        ),
        videos,
        links,
    )
    # 3221 shares the digits "2", "21", "221" with 2221 but not the major group;
    # the welder's only video is about a training.
    assert chosen.empty


def test_choose_videos_ignores_weak_links():
    videos, links = _catalogue()
    links["link_score"] = 0.3
    assert choose_videos(vacancies(("unit", "2221", None)), videos, links).empty


def test_choose_videos_keeps_to_the_crosswalks_major_group_on_the_real_catalogue(
    shared_data,
):
    crosswalk = read_crosswalk(shared_data / "crosswalks" / "esco_to_onet_soc_2019.csv")
    occupations = pd.read_csv(
        shared_data / "esco" / "v1.2" / "occupations_nl.csv",
        usecols=["conceptUri", "code", "iscoGroup"],
        dtype=str,
    ).rename(
        columns={"conceptUri": "esco_uri", "code": "esco_code", "iscoGroup": "isco08"}
    )
    index = OccupationIndex(occupations, crosswalk=score_crosswalk(crosswalk))
    path = shared_data / "videos" / "careeronestop_videos.json"
    catalogue = read_careeronestop(path, index)
    assert len(catalogue.videos) > 400
    sample = occupations.sample(1500, random_state=7)
    chosen = choose_videos(
        sample.assign(vacancy_id=sample["esco_uri"]), catalogue.videos, catalogue.links
    ).merge(sample, left_on="vacancy_id", right_on="esco_uri")
    assert chosen["vacancy_id"].is_unique
    assert len(chosen) > 0.5 * len(sample)

    # Independently of the scoring: the major groups most of each O*NET-SOC
    # occupation's crosswalk links fall in, and the codes each video shows.
    majors = crosswalk.assign(major=crosswalk["esco_code"].str[0])
    counts = majors.groupby(["onet_code", "major"]).size()
    dominant = counts[counts == counts.groupby(level=0).transform("max")].reset_index()
    entries = json.loads(path.read_text(encoding="utf-8"))["videos"]
    codes_of_url: dict[str, set[str]] = {}
    for key, entry in entries.items():
        parts = key.split("-")
        code = f"{parts[0]}-{parts[1]}." + (parts[2] if len(parts) == 3 else "00")
        codes_of_url.setdefault(entry.get("videoUrl"), set()).add(code)
    url_of = catalogue.videos.set_index("video_id")["url"]
    in_dominant = [
        major
        in set(dominant.loc[dominant["onet_code"].isin(codes_of_url[url]), "major"])
        for url, major in zip(
            chosen["video_id"].map(url_of), chosen["isco08"].str[0], strict=True
        )
    ]
    # The few others rest on title evidence or a link to the unit group itself.
    assert sum(in_dominant) / len(in_dominant) > 0.97
    assistants = catalogue.videos.loc[
        catalogue.videos["title"] == "Nursing Assistants", "video_id"
    ]
    nurses = choose_videos(
        occupations[occupations["isco08"] == "2221"].assign(
            vacancy_id=lambda f: f.index
        ),
        catalogue.videos,
        catalogue.links,
    )
    assert not nurses.empty
    assert not nurses["video_id"].isin(assistants).any()


def test_match_occupations_matches_short_codes_only_at_their_level():
    left = pd.DataFrame({"isco08": ["2221"], "esco_uri": [None]})
    right = pd.DataFrame({"isco08": ["22", "222", "2"], "esco_uri": [None] * 3})
    found = match_occupations(left, right)
    assert sorted(zip(found["isco08_right"], found["match_level"], strict=True)) == [
        ("22", "isco2"),
        ("222", "isco3"),
    ]
