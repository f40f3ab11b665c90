"""The board registry: loading, validation and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from spiders.registry import BoardKind, load_registry
from vacatures.errors import InputError

REPO = Path(__file__).resolve().parents[1]

GOOD = """
[settings]
contact_url = "https://example.org/contact"
download_timeout_s = 5

[[boards]]
name = "werk-in-utrecht"
kind = "jsonld"
url = "https://werk.example.nl/vacatures/"
source_type = "board"
sitemap = "https://werk.example.nl/sitemap.xml"

[[boards]]
name = "bakkerij"
kind = "lever"
url = "https://api.lever.co/v0/postings/bakkerij?mode=json"
source_type = "employer"
employer = "Bakkerij Jansen B.V."
enabled = false

[[boards]]
name = "kapper"
kind = "html"
url = "https://kapper.example.nl/vacatures"
source_type = "employer"
listing_link = "a.vacature"
[boards.selectors]
title = "h1.titel"
location = ".plaats"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "boards.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_registry_reads_settings_and_boards(tmp_path):
    registry = load_registry(write(tmp_path, GOOD))
    assert [board.name for board in registry.boards] == [
        "werk-in-utrecht",
        "bakkerij",
        "kapper",
    ]
    assert [board.name for board in registry.enabled()] == ["werk-in-utrecht", "kapper"]
    assert registry.settings.download_timeout_s == 5
    assert registry.settings.concurrency_per_domain == 2
    kapper = registry.board("kapper")
    assert kapper.kind is BoardKind.HTML
    assert kapper.selectors.title == "h1.titel"
    assert kapper.selectors.location == ".plaats"
    assert registry.board("bakkerij").employer == "Bakkerij Jansen B.V."


def test_user_agent_names_project_and_contact(tmp_path, monkeypatch):
    monkeypatch.delenv("VACATURES_CONTACT_URL", raising=False)
    settings = load_registry(write(tmp_path, GOOD)).settings
    assert settings.user_agent.startswith("vacatures/")
    assert settings.user_agent.endswith("(+https://example.org/contact)")
    monkeypatch.setenv("VACATURES_CONTACT_URL", "mailto:crawl@example.org")
    assert settings.user_agent.endswith("(+mailto:crawl@example.org)")


BOARD = '[[boards]]\nname = "a"\nkind = "jsonld"\nurl = "https://a.nl/"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[boards]\nname=", "not valid TOML"),
        (BOARD.replace("jsonld", "rss") + 'source_type = "board"\n', "board 'a': kind"),
        (BOARD + 'source_type = "board"\n' + BOARD + 'source_type = "board"\n',
         "board 'a': duplicate name"),
        ('[[boards]]\nname = "a"\nkind = "jsonld"\nsource_type = "board"\n',
         "board 'a': missing key 'url'"),
        (BOARD + 'source_type = "board"\ncolour = "red"\n',
         "board 'a': unknown key 'colour'"),
        (BOARD + 'source_type = "krant"\n', "board 'a': source_type"),
        (BOARD.replace('"a"', '"Mijn Board"') + 'source_type = "board"\n',
         "board 'Mijn Board': name must be lowercase"),
        (BOARD.replace("https://a.nl/", "ftp://a.nl/") + 'source_type = "board"\n',
         "board 'a': url must be an http"),
        ('[settings]\nretry_times = -1\n', "[settings]: retry_times"),
        ('[boardz]\n', "unknown table 'boardz'"),
        ('[[boards]]\nkind = "jsonld"\n', "board #1: missing key 'name'"),
    ],
)  # fmt: skip
def test_load_registry_rejects_with_one_line(tmp_path, text, message):
    with pytest.raises(InputError) as caught:
        load_registry(write(tmp_path, text))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_load_registry_missing_file_names_it(tmp_path):
    with pytest.raises(InputError, match="board registry not found"):
        load_registry(tmp_path / "nope.toml")


def test_shipped_registry_has_fifteen_dutch_sources_of_every_kind():
    registry = load_registry(REPO / "boards.toml")
    assert len(registry.boards) >= 15
    assert {board.kind for board in registry.boards} == set(BoardKind)
    for board in registry.boards:
        if board.kind in (BoardKind.LEVER, BoardKind.RECRUITEE):
            assert board.url.startswith("https://")
        if board.kind is BoardKind.LEVER:
            assert board.employer, board.name
    text = (REPO / "boards.toml").read_text(encoding="utf-8")
    rows = text.split("[[boards]]")[1:]
    # Every row says what the source is and why it has its kind.
    assert all("#" in row for row in rows)


def test_html_row_may_list_selectors_beside_other_keys(tmp_path):
    text = (
        '[[boards]]\nname = "regio"\nkind = "html"\nurl = "https://r.nl/v"\n'
        'source_type = "board"\ntitle = "h1.functie::text"\n'
        'employer = "span.werkgever::text"\nlocation = "span.plaats::text"\n'
        '[[boards]]\nname = "kapper"\nkind = "html"\nurl = "https://k.nl/v"\n'
        'source_type = "employer"\nemployer = "Kapsalon Knip B.V."\n'
    )
    regio, kapper = load_registry(write(tmp_path, text)).boards
    assert regio.selectors.title == "h1.functie::text"
    assert regio.selectors.employer == "span.werkgever::text"
    assert regio.selectors.location == "span.plaats::text"
    assert regio.employer is None
    assert kapper.employer == "Kapsalon Knip B.V."
    assert kapper.selectors.employer is None
