"""Occupation videos: read catalogues, link them to occupations, pick one per vacancy.

Three sources are read, each into the same two frames (videos and their
occupation links):

catalogue
    a CSV or JSON file the project or a partner keeps; each row names its
    occupations as ISCO-08 groups, ESCO URIs or codes, or O*NET-SOC codes
    (see ``docs/enrichment.md``);
CareerOneStop
    the U.S. occupation video catalogue keyed by SOC code, linked to ESCO
    through the many-to-many O*NET-SOC crosswalk, whose links are scored by
    :func:`transforms.enrich.occupations.score_crosswalk`;
YouTube
    a channel or playlist Atom feed; the occupation is read from each video's
    title by the occupation coder, and a title the coder is unsure of gives no
    link.

:func:`choose_videos` then gives each vacancy its closest video: the same
ESCO occupation before the same ISCO-08 unit group before the minor and the
sub-major group, Dutch before English. A vacancy gets no video rather than one
of another major group.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard
from urllib.parse import urlsplit

import pandas as pd
from defusedxml import ElementTree

from transforms.enrich.catalogue import (
    first_value,
    parse_duration_seconds,
    read_records,
    split_values,
    stable_id,
)
from transforms.enrich.occupations import (
    MATCH_LEVELS,
    OccupationIndex,
    match_occupations,
)
from vacatures.errors import InputError

__all__ = [
    "LINK_COLUMNS",
    "VIDEO_COLUMNS",
    "VideoCatalogue",
    "choose_videos",
    "code_video_titles",
    "parse_youtube_feed",
    "read_careeronestop",
    "read_video_catalogue",
    "title_for_coding",
]

log = logging.getLogger(__name__)

VIDEO_COLUMNS = [
    "video_id",
    "title",
    "url",
    "poster_url",
    "kind",
    "language",
    "source",
    "source_key",
    "duration_seconds",
]
LINK_COLUMNS = [
    "video_id",
    "occupation_code",
    "isco08",
    "esco_uri",
    "linked_by",
    "link_score",
]
VIDEO_KINDS = ("occupation", "training")

_ATOM = "{http://www.w3.org/2005/Atom}"
_YT = "{http://www.youtube.com/xml/schemas/2015}"
_MEDIA = "{http://search.yahoo.com/mrss/}"
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
# Words video titles add around the occupation they show.
_VIDEO_WORDS = re.compile(
    r"\b(?:beroepsfilm|beroepsbeeld|beroepsvideo|beroepenfilm|vlog|video|film|"
    r"trailer|interview|aflevering|deel\s+\d+|part\s+\d+|episode\s+\d+|"
    r"een\s+dag\s+(?:uit\s+het\s+leven\s+)?(?:van|als)(?:\s+een)?|"
    r"a\s+day\s+in\s+the\s+life\s+of(?:\s+an?)?|werken\s+als(?:\s+een)?|"
    r"wat\s+doet\s+een|zo\s+ziet\s+(?:mijn|de|het)\s+\w+\s+eruit|"
    r"kijkje\s+(?:achter\s+de\s+schermen|in\s+de\s+keuken)|mijn\s+werkdag)\b",
    re.IGNORECASE,
)
_HASHTAGS = re.compile(r"#\w+")
_SEPARATORS = re.compile(r"\s*[|:•–—]\s*|\s+-\s+")


@dataclass
class VideoCatalogue:
    """Videos read from one source, their occupation links and what was dropped."""

    videos: pd.DataFrame
    links: pd.DataFrame
    dropped: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.dropped = +Counter(self.dropped)
        linked = self.videos["video_id"].isin(self.links["video_id"])
        self.videos = self.videos[linked].reset_index(drop=True)
        self.videos["duration_seconds"] = pd.to_numeric(
            self.videos["duration_seconds"]
        ).astype("Int64")

    def __repr__(self) -> str:
        return (
            f"VideoCatalogue(videos={len(self.videos):,}, links={len(self.links):,}, "
            f"dropped={dict(self.dropped)})"
        )


def _is_http_url(url: object) -> TypeGuard[str]:
    if not isinstance(url, str) or not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _links_frame(links: pd.DataFrame) -> pd.DataFrame:
    if links.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    return links.rename(columns={"owner": "video_id"})[LINK_COLUMNS]


def _log_catalogue(source: str, catalogue: VideoCatalogue, started: float) -> None:
    log.info(
        "videos: %s from %s -> %s videos with %s occupation links, dropped %s "
        "in %.1f s",
        f"{len(catalogue.videos) + sum(catalogue.dropped.values()):,}",
        source,
        f"{len(catalogue.videos):,}",
        f"{len(catalogue.links):,}",
        dict(sorted(catalogue.dropped.items())) or "none",
        time.perf_counter() - started,
    )


def read_video_catalogue(
    path: Path, index: OccupationIndex, *, source: str | None = None
) -> VideoCatalogue:
    """Read a video catalogue in the project's CSV or JSON format.

    Parameters
    ----------
    path : pathlib.Path
        The catalogue; columns ``title``, ``url``, ``occupation`` (one or more
        codes), optional ``kind``, ``language``, ``duration``, ``poster_url``.
        ``isco08``, ``esco_uri`` and ``onet_soc`` columns may stand in for or
        add to ``occupation``.
    index : OccupationIndex
        Resolves the occupation codes.
    source : str, optional
        The name the videos are stored under; ``catalogue:<file stem>`` when
        not given.

    Returns
    -------
    VideoCatalogue
        Videos, links and dropped rows by reason (``no_title``, ``bad_url``,
        ``bad_kind``, ``no_occupation``, ``unresolved_occupation``,
        ``duplicate_url``).
    """
    started = time.perf_counter()
    records = read_records(Path(path), list_keys=("videos",), what="video catalogue")
    source = source or f"catalogue:{Path(path).stem}"
    dropped: Counter[str] = Counter()
    videos: list[dict[str, Any]] = []
    codes: list[tuple[str, str]] = []
    seen: set[str] = set()
    for record in records:
        title = first_value(record, "title", "titel")
        url = first_value(record, "url", "video_url")
        kind = (first_value(record, "kind", "soort") or "occupation").lower()
        occupation_codes = [
            code
            for key in ("occupation", "occupations", "isco08", "esco_uri", "onet_soc")
            for code in split_values(record.get(key))
        ]
        if not title:
            dropped["no_title"] += 1
            continue
        if not _is_http_url(url):
            dropped["bad_url"] += 1
            continue
        if kind not in VIDEO_KINDS:
            dropped["bad_kind"] += 1
            continue
        if not occupation_codes:
            dropped["no_occupation"] += 1
            continue
        if url in seen:
            dropped["duplicate_url"] += 1
            continue
        seen.add(url)
        video_id = stable_id("v", url)
        duration = parse_duration_seconds(record.get("duration"))
        language = (first_value(record, "language", "taal") or "nl").lower()[:2]
        videos.append(
            {
                "video_id": video_id,
                "title": title,
                "url": url,
                "poster_url": first_value(record, "poster_url", "thumbnail_url"),
                "kind": kind,
                "language": language,
                "source": source,
                "source_key": first_value(record, "id", "video_key"),
                "duration_seconds": None if duration is None else round(duration),
            }
        )
        codes.extend((video_id, code) for code in occupation_codes)
    links, unresolved = index.resolve_all(codes)
    resolved_owners = set(links["owner"])
    unlinked = [v for v in videos if v["video_id"] not in resolved_owners]
    dropped["unresolved_occupation"] += len(unlinked)
    if unresolved:
        log.info(
            "videos: %s occupation codes of %s did not resolve, such as %s",
            len(unresolved),
            source,
            ", ".join(sorted(set(unresolved))[:5]),
        )
    catalogue = VideoCatalogue(
        videos=pd.DataFrame(videos, columns=VIDEO_COLUMNS),
        links=_links_frame(links),
        dropped=dropped,
    )
    _log_catalogue(source, catalogue, started)
    return catalogue


def read_careeronestop(
    path: Path, index: OccupationIndex, *, source: str = "careeronestop"
) -> VideoCatalogue:
    """Read the CareerOneStop occupation video catalogue, linked through O*NET-SOC.

    Parameters
    ----------
    path : pathlib.Path
        The JSON catalogue: ``{"videos": {"29-1141": {"videoUrl", "posterUrl",
        "title", ...}}}``; a key ``11-1011-03`` stands for O*NET-SOC
        ``11-1011.03``.
    index : OccupationIndex
        Must hold the scored crosswalk (:func:`score_crosswalk`).
    source : str
        The name the videos are stored under.

    Returns
    -------
    VideoCatalogue
        English videos with their scored links; dropped by reason
        (``bad_url``, ``not_in_crosswalk``).

    Raises
    ------
    InputError
        When the file is not the catalogue or ``index`` has no crosswalk.
    """
    started = time.perf_counter()
    if not index.has_crosswalk:
        raise InputError(
            "CareerOneStop videos need the O*NET-SOC crosswalk (--crosswalk)"
        )
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"video catalogue not found: {path}") from None
    except ValueError as error:
        raise InputError(f"{path} is not valid JSON: {error}") from None
    entries = data.get("videos") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise InputError(
            f"{path} is not a CareerOneStop catalogue (no 'videos' object)"
        )
    dropped: Counter[str] = Counter()
    # Several SOC codes often share one video file; the file is named after
    # the code it was made for, whose title the video keeps.
    by_url: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, entry in sorted(entries.items()):
        url = entry.get("videoUrl") if isinstance(entry, dict) else None
        if not _is_http_url(url):
            dropped["bad_url"] += 1
            continue
        by_url.setdefault(str(url), []).append((_careeronestop_code(key), entry))
    videos: list[dict[str, Any]] = []
    codes: list[tuple[str, str]] = []
    for url, shared in by_url.items():
        file_name = urlsplit(url).path.rsplit("/", 1)[-1]
        main, entry = next(
            ((code, e) for code, e in shared if file_name.startswith(code)), shared[0]
        )
        video_id = stable_id("v", url)
        videos.append(
            {
                "video_id": video_id,
                "title": str(entry.get("title") or main),
                "url": url,
                "poster_url": entry.get("posterUrl"),
                "kind": "occupation",
                "language": "en",
                "source": source,
                "source_key": main,
                "duration_seconds": None,
            }
        )
        codes.extend((video_id, code) for code, _ in shared)
    links, _ = index.resolve_all(codes)
    linked = set(links["owner"])
    dropped["not_in_crosswalk"] += sum(1 for v in videos if v["video_id"] not in linked)
    if len(videos) < sum(len(shared) for shared in by_url.values()):
        log.info(
            "videos: %s SOC codes share %s video files",
            sum(len(shared) for shared in by_url.values()),
            len(videos),
        )
    catalogue = VideoCatalogue(
        videos=pd.DataFrame(videos, columns=VIDEO_COLUMNS),
        links=_links_frame(links),
        dropped=dropped,
    )
    _log_catalogue(source, catalogue, started)
    return catalogue


def _careeronestop_code(key: str) -> str:
    parts = key.strip().split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{parts[1]}.{parts[2]}"
    return f"{key.strip()}.00"


def parse_youtube_feed(body: bytes | str) -> pd.DataFrame:
    """Extract the videos of a YouTube channel or playlist Atom feed.

    The XML is parsed with defusedxml, so entity expansion and external
    references are refused.

    Parameters
    ----------
    body : bytes or str
        The feed as fetched from ``/feeds/videos.xml?channel_id=...`` or
        ``?playlist_id=...``.

    Returns
    -------
    pandas.DataFrame
        One row per entry with a video id: ``youtube_id``, ``title``, ``url``,
        ``poster_url``, ``description``, ``published``, ``channel``.

    Raises
    ------
    InputError
        When the body is not XML or not an Atom feed.
    """
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise InputError(f"not a YouTube feed: {error}") from None
    except Exception as error:  # defusedxml refuses entities with its own errors
        raise InputError(f"unsafe XML refused: {type(error).__name__}") from None
    if root.tag != f"{_ATOM}feed":
        raise InputError(f"not an Atom feed (root element {root.tag!r})")
    channel = (root.findtext(f"{_ATOM}title") or "").strip()
    rows = []
    for entry in root.iter(f"{_ATOM}entry"):
        youtube_id = (entry.findtext(f"{_YT}videoId") or "").strip()
        if not _YOUTUBE_ID.match(youtube_id):
            continue
        group = entry.find(f"{_MEDIA}group")
        title = (entry.findtext(f"{_ATOM}title") or "").strip()
        description, poster = "", None
        if group is not None:
            title = title or (group.findtext(f"{_MEDIA}title") or "").strip()
            description = (group.findtext(f"{_MEDIA}description") or "").strip()
            thumbnail = group.find(f"{_MEDIA}thumbnail")
            poster = thumbnail.get("url") if thumbnail is not None else None
        rows.append(
            {
                "youtube_id": youtube_id,
                "title": title,
                "url": f"https://www.youtube.com/watch?v={youtube_id}",
                "poster_url": poster,
                "description": description,
                "published": (entry.findtext(f"{_ATOM}published") or "").strip()
                or None,
                "channel": channel,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "youtube_id",
            "title",
            "url",
            "poster_url",
            "description",
            "published",
            "channel",
        ],
    )


def title_for_coding(title: str) -> str:
    """Return the part of a video title that names the occupation.

    Parameters
    ----------
    title : str
        A title as channels write them.

    Returns
    -------
    str
        The title without hashtags and words about the video itself.

    Examples
    --------
    >>> title_for_coding("Beroepsfilm: Verpleegkundige | Zorgacademie #zorg")
    'Verpleegkundige'
    >>> title_for_coding("Een dag uit het leven van een lasser")
    'lasser'
    """
    text = _HASHTAGS.sub(" ", title)
    text = _VIDEO_WORDS.sub(" ", text)
    parts = [part.strip(" -!?.,'\"") for part in _SEPARATORS.split(text)]
    parts = [part for part in parts if re.search(r"[A-Za-zÀ-ÿ]{3}", part)]
    return parts[0] if parts else ""


def code_video_titles(
    entries: pd.DataFrame,
    coder: Any,
    *,
    min_score: float = 0.6,
    language: str = "nl",
    source: str = "youtube",
) -> VideoCatalogue:
    """Read the occupation of each video from its title with the occupation coder.

    Parameters
    ----------
    entries : pandas.DataFrame
        From :func:`parse_youtube_feed`.
    coder : OccupationCoder
        Anything with ``classify(frame)`` taking ``id`` and ``title`` and
        returning ``id``, ``isco08``, ``esco_uri`` and ``score``.
    min_score : float
        Lowest coder score at which a video is linked; a channel's videos
        include many that show no occupation, so this is stricter than the
        coder's own threshold.
    language : str
        The language of the channel's videos.
    source : str
        The name the videos are stored under.

    Returns
    -------
    VideoCatalogue
        Videos whose title names an occupation, each with one ``title`` link;
        dropped by reason (``no_occupation_in_title``).
    """
    started = time.perf_counter()
    if entries.empty:
        return VideoCatalogue(
            pd.DataFrame(columns=VIDEO_COLUMNS), pd.DataFrame(columns=LINK_COLUMNS)
        )
    frame = pd.DataFrame(
        {"id": entries["youtube_id"], "title": entries["title"].map(title_for_coding)}
    )
    coded = coder.classify(frame).set_index("id")
    video_ids = entries["url"].map(lambda url: stable_id("v", url))
    videos = pd.DataFrame(
        {
            "video_id": video_ids,
            "title": entries["title"],
            "url": entries["url"],
            "poster_url": entries["poster_url"],
            "kind": "occupation",
            "language": language,
            "source": source,
            "source_key": entries["youtube_id"],
            "duration_seconds": None,
        }
    ).drop_duplicates("video_id")
    isco = entries["youtube_id"].map(coded["isco08"]).fillna("")
    uri = entries["youtube_id"].map(coded["esco_uri"]).fillna("")
    score = entries["youtube_id"].map(coded["score"]).fillna(0.0).astype(float)
    linked = (isco != "") & (score >= min_score)
    links = pd.DataFrame(
        {
            "video_id": video_ids,
            "occupation_code": uri.where(uri != "", isco),
            "isco08": isco,
            "esco_uri": uri.replace("", None),
            "linked_by": "title",
            "link_score": score.round(4),
        }
    )[linked.to_numpy()]
    catalogue = VideoCatalogue(
        videos=videos[videos["video_id"].isin(links["video_id"])],
        links=links.drop_duplicates(["video_id", "occupation_code"]),
        dropped=Counter({"no_occupation_in_title": int((~linked).sum())}),
    )
    _log_catalogue(source, catalogue, started)
    return catalogue


def choose_videos(
    vacancies: pd.DataFrame,
    videos: pd.DataFrame,
    links: pd.DataFrame,
    *,
    languages: Sequence[str] = ("nl", "en"),
    levels: Sequence[str] = MATCH_LEVELS,
    min_link_score: float = 0.5,
) -> pd.DataFrame:
    """Pick the closest occupation video for each vacancy.

    Candidates are ranked by match level (ESCO occupation, unit group, minor
    group, sub-major group), then by language in the order of ``languages``,
    then by the strength of the video's link, then videos of a whole group
    before those of one occupation in it, then by id so that the choice is
    the same on every run.

    Parameters
    ----------
    vacancies : pandas.DataFrame
        ``vacancy_id``, ``isco08`` and ``esco_uri``; vacancies without
        ``isco08`` get no video.
    videos : pandas.DataFrame
        ``video_id``, ``kind`` and ``language``; only ``occupation`` videos
        are chosen.
    links : pandas.DataFrame
        ``video_id``, ``isco08``, ``esco_uri``, ``link_score``.
    languages : sequence of str
        Preferred languages, best first; others come after them.
    levels : sequence of str
        Match levels allowed; by default down to the ISCO-08 sub-major group.
    min_link_score : float
        Links weaker than this are not used.

    Returns
    -------
    pandas.DataFrame
        ``vacancy_id``, ``video_id``, ``match_level``, ``link_score`` for the
        vacancies that got a video.

    Examples
    --------
    The unit group's Dutch video beats an English one; a video of another
    major group is never chosen, even when it is the only one:

    >>> vacancies = pd.DataFrame({"vacancy_id": ["a", "b"], "isco08": ["2221", "8332"],
    ...                           "esco_uri": [None, None]})
    >>> videos = pd.DataFrame({"video_id": ["en", "nl", "x"], "kind": "occupation",
    ...                        "language": ["en", "nl", "nl"]})
    >>> links = pd.DataFrame({"video_id": ["en", "nl", "x"],
    ...                       "isco08": ["2221", "2221", "7115"],
    ...                       "esco_uri": None, "link_score": 1.0})
    >>> choose_videos(vacancies, videos, links)[["vacancy_id", "video_id"]].values
    array([['a', 'nl']], dtype=object)
    """
    started = time.perf_counter()
    columns = ["vacancy_id", "video_id", "match_level", "link_score"]
    coded = vacancies.loc[
        vacancies["isco08"].notna(), ["vacancy_id", "isco08", "esco_uri"]
    ]
    usable = videos.loc[videos["kind"] == "occupation", ["video_id", "language"]]
    candidates = links[links["link_score"] >= min_link_score].merge(
        usable, on="video_id"
    )
    if coded.empty or candidates.empty:
        return pd.DataFrame(columns=columns)
    coded = coded.assign(key=_occupation_key(coded))
    keys = coded.drop_duplicates("key")[["key", "isco08", "esco_uri"]]
    pairs = match_occupations(
        keys,
        candidates[["video_id", "isco08", "esco_uri", "link_score", "language"]],
        levels=levels,
    )
    preference = {language: rank for rank, language in enumerate(languages)}
    pairs["language_rank"] = pairs["language"].map(preference).fillna(len(preference))
    # Below the ESCO level, a video of the whole group shows a vacancy's
    # occupation better than a video of one of the group's other occupations.
    pairs["is_specific"] = pairs["esco_uri_right"].notna()
    pairs = pairs.sort_values(
        ["key", "level_rank", "language_rank", "link_score", "is_specific", "video_id"],
        ascending=[True, False, True, False, True, True],
    ).drop_duplicates("key")
    best = pairs.set_index("key")[["video_id", "match_level", "link_score"]]
    chosen = coded.merge(best, left_on="key", right_index=True)
    result = chosen[columns].sort_values("vacancy_id").reset_index(drop=True)
    log.info(
        "videos: %s vacancies, %s coded -> %s with a video (%s) in %.1f s",
        f"{len(vacancies):,}",
        f"{len(coded):,}",
        f"{len(result):,}",
        ", ".join(
            f"{level} {count:,}"
            for level, count in result["match_level"].value_counts().items()
        )
        or "none",
        time.perf_counter() - started,
    )
    return result


def _occupation_key(frame: pd.DataFrame) -> pd.Series:
    """Return one text key per distinct occupation (ISCO-08 code and ESCO URI)."""
    return frame["isco08"].astype(str) + "|" + frame["esco_uri"].fillna("").astype(str)
