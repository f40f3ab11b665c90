"""Tests for the Dutch places reference: parsing locations as boards publish them."""

from __future__ import annotations

import csv
import itertools
from collections import Counter
from importlib import resources

import pandas as pd
import pytest

from transforms.geo import (
    PROVINCES,
    Location,
    municipality_of,
    normalise_place_key,
    parse_location,
    parse_locations,
    province_for_postal_code,
    written_place,
)

DATA = resources.files("transforms.data")


def _rows(name: str) -> list[dict[str, str]]:
    with DATA.joinpath(name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("text", "place", "municipality", "province"),
    [
        ("Utrecht", "Utrecht", "Utrecht", "Utrecht"),
        ("3511 AB Utrecht", "Utrecht", "Utrecht", "Utrecht"),
        ("3511AB Utrecht", "Utrecht", "Utrecht", "Utrecht"),
        ("Amsterdam, Noord-Holland", "Amsterdam", "Amsterdam", "Noord-Holland"),
        ("Utrecht, Utrecht", "Utrecht", "Utrecht", "Utrecht"),
        ("Utrecht (UT)", "Utrecht", "Utrecht", "Utrecht"),
        ("Den Bosch", "'s-Hertogenbosch", "'s-Hertogenbosch", "Noord-Brabant"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch", "'s-Hertogenbosch", "Noord-Brabant"),
        ("s-Hertogenbosch", "'s-Hertogenbosch", "'s-Hertogenbosch", "Noord-Brabant"),
        ("Den Haag", "'s-Gravenhage", "'s-Gravenhage", "Zuid-Holland"),
        ("'s-Gravenhage", "'s-Gravenhage", "'s-Gravenhage", "Zuid-Holland"),
        ("The Hague", "'s-Gravenhage", "'s-Gravenhage", "Zuid-Holland"),
        ("Hague", "'s-Gravenhage", "'s-Gravenhage", "Zuid-Holland"),
        ("A'dam", "Amsterdam", "Amsterdam", "Noord-Holland"),
        ("Regio Utrecht", "Utrecht", "Utrecht", "Utrecht"),
        ("Rotterdam e.o.", "Rotterdam", "Rotterdam", "Zuid-Holland"),
        ("Rotterdam en omgeving", "Rotterdam", "Rotterdam", "Zuid-Holland"),
        ("Amsterdam (hybride)", "Amsterdam", "Amsterdam", "Noord-Holland"),
        ("Hybride werken in Tilburg", "Tilburg", "Tilburg", "Noord-Brabant"),
        ("Remote werken vanuit Utrecht", "Utrecht", "Utrecht", "Utrecht"),
        ("Zwolle / Deventer", "Zwolle", "Zwolle", "Overijssel"),
        ("Amsterdam-Zuidoost", "Amsterdam", "Amsterdam", "Noord-Holland"),
        ("Hoofddorp", "Hoofddorp", "Haarlemmermeer", "Noord-Holland"),
        ("Zeist", "Zeist", "Zeist", "Utrecht"),
        ("Bussum", "Bussum", "Gooise Meren", "Noord-Holland"),
        ("Bergen op Zoom", "Bergen op Zoom", "Bergen op Zoom", "Noord-Brabant"),
        ("Groningen", "Groningen", "Groningen", "Groningen"),
        ("Haarlemmermeer", "Haarlemmermeer", "Haarlemmermeer", "Noord-Holland"),
    ],
)
def test_parse_location_known_forms(
    text: str, place: str, municipality: str, province: str
) -> None:
    location = parse_location(text)
    assert (location.place, location.municipality, location.province) == (
        place,
        municipality,
        province,
    )
    assert location.is_remote is False


def test_parse_location_full_postal_code_is_kept_in_standard_form() -> None:
    assert parse_location("3511ab Utrecht").postal_code == "3511 AB"
    assert parse_location("Stationsplein 1, 3511 ED Utrecht").postal_code == "3511 ED"


def test_parse_location_bare_four_digits_are_not_a_postal_code() -> None:
    location = parse_location("3511 Utrecht")
    assert location.postal_code is None
    assert location.municipality == "Utrecht"


@pytest.mark.parametrize("text", ["Remote", "Thuiswerken", "Hybride", "100% remote"])
def test_parse_location_remote_without_place(text: str) -> None:
    assert parse_location(text) == Location(None, None, None, None, is_remote=True)


def test_parse_location_remote_with_place_keeps_place() -> None:
    location = parse_location("Remote / Utrecht")
    assert location.municipality == "Utrecht"
    assert location.is_remote is False


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Noord-Brabant", "Noord-Brabant"),
        ("Limburg", "Limburg"),
        ("Friesland", "Fryslân"),
        ("Zeeland", "Zeeland"),
        ("Provincie Gelderland", "Gelderland"),
    ],
)
def test_parse_location_province_alone_gives_province_only(
    text: str, province: str
) -> None:
    assert parse_location(text) == Location(None, None, province, None)


@pytest.mark.parametrize("text", ["Nederland", "The Netherlands", "Heel Nederland"])
def test_parse_location_country_gives_no_place(text: str) -> None:
    assert parse_location(text) == Location(None, None, None, None)


def test_parse_location_unknown_keeps_cleaned_text() -> None:
    assert parse_location("  Kleindorp  ") == Location("Kleindorp", None, None, None)


def test_parse_location_unknown_with_postal_code_takes_its_province() -> None:
    location = parse_location("1234 AB Kleindorp")
    assert location == Location("Kleindorp", None, "Noord-Holland", "1234 AB")


def test_parse_location_unknown_with_named_province() -> None:
    location = parse_location("Kleindorp, Gelderland")
    assert location == Location("Kleindorp", None, "Gelderland", None)


def test_parse_location_known_name_wins_over_postal_code() -> None:
    # A postal code typed wrong must not move Utrecht to another province.
    location = parse_location("9711 AB Utrecht")
    assert location.province == "Utrecht"
    assert location.postal_code == "9711 AB"


@pytest.mark.parametrize(
    ("text", "municipality", "province"),
    [
        ("Bergen", "Bergen (NH.)", "Noord-Holland"),
        ("Bergen (NH)", "Bergen (NH.)", "Noord-Holland"),
        ("Bergen (L.)", "Bergen (L.)", "Limburg"),
        ("Bergen, Limburg", "Bergen (L.)", "Limburg"),
        ("5854 AA Bergen", "Bergen (L.)", "Limburg"),
        ("1861 AA Bergen", "Bergen (NH.)", "Noord-Holland"),
        ("Hengelo", "Hengelo", "Overijssel"),
        ("Hengelo (Gld)", "Bronckhorst", "Gelderland"),
    ],
)
def test_parse_location_shared_names_follow_province_or_postal_code(
    text: str, municipality: str, province: str
) -> None:
    location = parse_location(text)
    assert (location.municipality, location.province) == (municipality, province)


@pytest.mark.parametrize(
    ("text", "place", "municipality"),
    [
        ("Hoofdkantoor Utrecht", "Utrecht", "Utrecht"),
        ("Vestiging: Zwolle", "Zwolle", "Zwolle"),
        ("NL-Utrecht", "Utrecht", "Utrecht"),
        ("Utrecht, The Netherlands", "Utrecht", "Utrecht"),
        ("Eindhoven, Noord-Brabant, Nederland", "Eindhoven", "Eindhoven"),
        (
            "Regio Stad aan 't Haringvliet",
            "Stad aan 't Haringvliet",
            "Goeree-Overflakkee",
        ),
        ("Rotterdam Airport", "Rotterdam", "Rotterdam"),
        ("Almere Buiten", "Almere", "Almere"),
        ("Capelle a/d IJssel", "Capelle aan den IJssel", "Capelle aan den IJssel"),
        ("St. Michielsgestel", "Sint-Michielsgestel", "Sint-Michielsgestel"),
        ("Alphen", "Alphen aan den Rijn", "Alphen aan den Rijn"),
        ("Alphen (NB)", "Alphen", "Alphen-Chaam"),
        ("Snits", "Sneek", "Súdwest-Fryslân"),
        ("Bergum", "Burgum", "Tytsjerksteradiel"),
        ("Heerhugowaard", "Heerhugowaard", "Dijk en Waard"),
        ("Hoogezand-Sappemeer", "Hoogezand", "Midden-Groningen"),
        ("Nuenen", "Nuenen", "Nuenen, Gerwen en Nederwetten"),
        (
            "Nuenen, Gerwen en Nederwetten",
            "Nuenen, Gerwen en Nederwetten",
            "Nuenen, Gerwen en Nederwetten",
        ),
        ("Weesp", "Weesp", "Amsterdam"),
        ("Spakenburg", "Bunschoten-Spakenburg", "Bunschoten"),
        ("Heel", "Heel", "Maasgouw"),
        ("Valkenburg", "Valkenburg", "Valkenburg aan de Geul"),
        ("Valkenburg ZH", "Valkenburg", "Katwijk"),
        ("Velsen", "Velsen", "Velsen"),
    ],
)
def test_parse_location_board_variants(
    text: str, place: str, municipality: str
) -> None:
    location = parse_location(text)
    assert (location.place, location.municipality) == (place, municipality)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Regio Twente", "Overijssel"),
        ("Achterhoek", "Gelderland"),
        ("Zuid-Limburg e.o.", "Limburg"),
        ("West-Brabant", "Noord-Brabant"),
        ("Provincie Utrecht", "Utrecht"),
        ("Prov. Groningen", "Groningen"),
        ("NL-UT", "Utrecht"),
    ],
)
def test_parse_location_region_gives_province_only(text: str, province: str) -> None:
    assert parse_location(text) == Location(None, None, province, None)


@pytest.mark.parametrize(
    "text", ["Diverse locaties in Nederland", "Meerdere vestigingen", "Heel Nederland"]
)
def test_parse_location_many_places_gives_no_place(text: str) -> None:
    assert parse_location(text) == Location(None, None, None, None)


def test_regions_do_not_shadow_places() -> None:
    for row in _rows("places_regions.csv"):
        location = parse_location(row["region"])
        assert location.province == row["province"], row
        if location.place is not None:
            # A region that is also a place's name stays that place.
            assert location.municipality is not None, row


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "()",
        "-",
        "12345",
        "0000 AA",
        "!!!",
        "\x00",
        "/ / /",
        "e.o.",
        "Regio",
        "x" * 10_000,
        "Amsterdam" * 500,
        "Straße 5, 10115 Berlin",
        "𝔘𝔱𝔯𝔢𝔠𝔥𝔱",
        "Zwolle / ",
        " , Utrecht",
    ],
)
def test_parse_location_odd_input_never_raises(text: str) -> None:
    location = parse_location(text)
    assert isinstance(location, Location)
    assert location.province in (*PROVINCES, None)


def test_parse_location_none_gives_empty_location() -> None:
    assert parse_location(None) == Location(None, None, None, None)


def test_parse_location_is_deterministic() -> None:
    texts = ["Den Bosch", "Bergen", "Remote", "Kleindorp", "3511 AB Utrecht"]
    first = [parse_location(t) for t in texts]
    parse_location.cache_clear()
    assert [parse_location(t) for t in reversed(texts)] == first[::-1]


def test_municipality_of_places_and_aliases() -> None:
    assert municipality_of("Hoofddorp") == "Haarlemmermeer"
    assert municipality_of("Den Bosch") == "'s-Hertogenbosch"
    assert municipality_of("Utrecht") == "Utrecht"
    assert municipality_of("Kleindorp") is None


@pytest.mark.parametrize(
    ("code", "province"),
    [
        ("1011", "Noord-Holland"),
        ("3011", "Zuid-Holland"),
        ("2511", "Zuid-Holland"),
        ("3511", "Utrecht"),
        ("5611", "Noord-Brabant"),
        ("9711", "Groningen"),
        ("6211", "Limburg"),
        ("8011", "Overijssel"),
        ("8911", "Fryslân"),
        ("4331", "Zeeland"),
        ("6811", "Gelderland"),
        ("8232", "Flevoland"),
        ("9401", "Drenthe"),
        ("5211", "Noord-Brabant"),
    ],
)
def test_province_for_postal_code_well_known_cities(code: str, province: str) -> None:
    assert province_for_postal_code(code) == province
    assert province_for_postal_code(f"{code} AB") == province
    assert province_for_postal_code(f"{code}AB") == province


@pytest.mark.parametrize(
    ("code", "province"),
    [
        ("1315", "Flevoland"),
        ("1381", "Noord-Holland"),
        ("2132", "Noord-Holland"),
        ("2161", "Zuid-Holland"),
        ("3861", "Gelderland"),
        ("3891", "Flevoland"),
        ("3925", "Gelderland"),
        ("4101", "Gelderland"),
        ("4141", "Utrecht"),
        ("4201", "Zuid-Holland"),
        ("4611", "Noord-Brabant"),
        ("4691", "Zeeland"),
        ("5301", "Gelderland"),
        ("5801", "Limburg"),
        ("5831", "Noord-Brabant"),
        ("5854", "Limburg"),
        ("6021", "Noord-Brabant"),
        ("6561", "Gelderland"),
        ("6591", "Limburg"),
        ("7741", "Drenthe"),
        ("7951", "Overijssel"),
        ("8051", "Gelderland"),
        ("8261", "Overijssel"),
        ("8301", "Flevoland"),
        ("8321", "Flevoland"),
        ("8331", "Overijssel"),
        ("9351", "Groningen"),
        ("9501", "Groningen"),
        ("9561", "Groningen"),
        ("9761", "Drenthe"),
    ],
)
def test_province_for_postal_code_near_borders(code: str, province: str) -> None:
    assert province_for_postal_code(code) == province


@pytest.mark.parametrize("code", ["", "0999", "123", "12345", "abcd", "1011 A"])
def test_province_for_postal_code_rejects_non_codes(code: str) -> None:
    assert province_for_postal_code(code) is None


def test_postal_code_ranges_cover_every_code_once() -> None:
    ranges = sorted(
        (int(r["first"]), int(r["last"])) for r in _rows("postal_codes.csv")
    )
    assert ranges[0][0] == 1000
    assert ranges[-1][1] == 9999
    for (_, last), (first, _) in itertools.pairwise(ranges):
        assert first == last + 1


def test_normalise_place_key_folds_spellings() -> None:
    assert normalise_place_key("'s-Hertogenbosch") == normalise_place_key(
        "s Hertogenbosch"
    )
    assert normalise_place_key("Súdwest-Fryslân") == "sudwest fryslan"
    assert normalise_place_key("St. Michielsgestel") == normalise_place_key(
        "Sint-Michielsgestel"
    )
    assert normalise_place_key("Capelle a/d IJssel") == normalise_place_key(
        "Capelle aan den IJssel"
    )


def test_municipalities_are_the_current_342_in_twelve_provinces() -> None:
    rows = _rows("places_municipalities.csv")
    assert len(rows) == 342
    assert len({r["municipality"] for r in rows}) == 342
    assert {r["province"] for r in rows} == set(PROVINCES)


def test_every_municipality_parses_to_itself() -> None:
    for row in _rows("places_municipalities.csv"):
        location = parse_location(row["municipality"])
        assert location.municipality == row["municipality"], row
        assert location.province == row["province"], row


def test_every_place_parses_within_its_province() -> None:
    rows = _rows("places.csv")
    seen = Counter((normalise_place_key(r["place"]), r["province"]) for r in rows)
    for row in rows:
        location = parse_location(f"{row['place']}, {row['province']}")
        assert location.province == row["province"], row
        if seen[normalise_place_key(row["place"]), row["province"]] == 1:
            assert location.municipality == row["municipality"], row


def test_every_alias_parses_to_its_place() -> None:
    for row in _rows("places_aliases.csv"):
        location = parse_location(row["alias"])
        assert location.place == row["place"], row
        if row["province"]:
            assert location.province == row["province"], row


def test_parse_locations_equals_scalar_parse() -> None:
    values = pd.Series(
        ["Den Bosch", None, "Remote", "3511 AB Utrecht", "Den Bosch", "Kleindorp"] * 3,
        index=range(100, 118),
    )
    frame = parse_locations(values)
    assert list(frame.columns) == [
        "place",
        "municipality",
        "province",
        "postal_code",
        "is_remote",
    ]
    assert list(frame.index) == list(values.index)
    for label, text in values.items():
        expected = parse_location(text)
        row = frame.loc[label]
        assert row["place"] == expected.place
        assert row["municipality"] == expected.municipality
        assert row["province"] == expected.province
        assert row["postal_code"] == expected.postal_code
        assert bool(row["is_remote"]) is expected.is_remote


def test_parse_locations_empty_series() -> None:
    frame = parse_locations(pd.Series([], dtype=object))
    assert frame.empty
    assert list(frame.columns) == [
        "place",
        "municipality",
        "province",
        "postal_code",
        "is_remote",
    ]


def test_parse_locations_reads_pandas_strings_with_missing_values() -> None:
    values = pd.Series(["Zeist", None, "Remote"], dtype="str")
    frame = parse_locations(values)
    assert frame["municipality"].tolist() == ["Zeist", None, None]
    assert frame["is_remote"].tolist() == [False, False, True]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Den Haag", "Den Haag"),
        ("2511 CV Den Haag, Zuid-Holland", "Den Haag"),
        ("Hybrid - Den Bosch", "Den Bosch"),
        ("The Hague, Netherlands", "The Hague"),
        ("DEN HAAG", "'s-Gravenhage"),
        ("s-Hertogenbosch", "'s-Hertogenbosch"),
        ("UTRECHT", "Utrecht"),
        ("Amsterdam-Zuidoost", "Amsterdam"),
        ("Zwolle / Deventer", "Zwolle"),
        ("Onbekend Gehucht", "Onbekend Gehucht"),
    ],
)
def test_written_place_keeps_a_boards_own_name_for_a_known_place(
    text: str, place: str
) -> None:
    assert written_place(text) == place
    assert parse_location(place).municipality == parse_location(text).municipality
