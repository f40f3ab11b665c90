"""Occupation codes in catalogues and how close two occupations are.

Catalogues name an occupation in one of four ways: an ISCO-08 group (``2221``),
an ESCO occupation URI, an ESCO occupation code (``2221.1``, whose first four
digits are its ISCO-08 unit group) or an O*NET-SOC code (``29-1141.00``),
which reaches ESCO only through a crosswalk. :class:`OccupationIndex` resolves
each to links of ``isco08`` and, where known, ``esco_uri``.

Two occupations match at the closest of four levels: the same ESCO occupation
(``esco``), the same ISCO-08 unit group (``isco4``), minor group (``isco3``) or
sub-major group (``isco2``). They never match across ISCO-08 major groups.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from vacatures.errors import InputError

__all__ = [
    "LEVEL_RANKS",
    "MATCH_LEVELS",
    "OccupationIndex",
    "OccupationLink",
    "code_kind",
    "match_occupations",
    "read_crosswalk",
    "score_crosswalk",
]

log = logging.getLogger(__name__)

#: How close two occupations are, closest first.
MATCH_LEVELS: tuple[str, ...] = ("esco", "isco4", "isco3", "isco2")

#: A match level's rank: higher is closer.
LEVEL_RANKS: dict[str, int] = {
    level: len(MATCH_LEVELS) - i for i, level in enumerate(MATCH_LEVELS)
}

_ISCO = re.compile(r"^\d{1,4}$")
_ESCO_CODE = re.compile(r"^(\d{4})(?:\.\d+)+$")
_ONET_SOC = re.compile(r"^(\d{2})-(\d{4})(?:[.-](\d{2}))?$")
_URI = re.compile(r"^(?:https?://data\.europa\.eu/esco/occupation/|urn:)\S+$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class OccupationLink:
    """One occupation a catalogue row points at, and how sure that link is."""

    occupation_code: str
    isco08: str
    esco_uri: str | None
    linked_by: str
    link_score: float


def code_kind(code: str) -> str | None:
    """Tell which kind of occupation code ``code`` is.

    Parameters
    ----------
    code : str
        An ISCO-08 group, ESCO URI, ESCO code or O*NET-SOC code.

    Returns
    -------
    str or None
        ``isco``, ``esco_uri``, ``esco_code``, ``onet`` or ``None`` when it is
        none of them.

    Examples
    --------
    A four-digit code is an ISCO-08 unit group, not an ESCO code:

    >>> [code_kind(c) for c in ("2221", "2221.1", "29-1141.00", "nurse")]
    ['isco', 'esco_code', 'onet', None]
    """
    code = code.strip()
    if _ISCO.match(code):
        return "isco"
    if _ESCO_CODE.match(code):
        return "esco_code"
    if _ONET_SOC.match(code):
        return "onet"
    if _URI.match(code):
        return "esco_uri"
    return None


def onet_soc(code: str) -> str | None:
    """Return an O*NET-SOC code in its ``NN-NNNN.NN`` form, or ``None``."""
    match = _ONET_SOC.match(code.strip())
    if match is None:
        return None
    major, detail, suffix = match.groups()
    return f"{major}-{detail}.{suffix or '00'}"


def read_crosswalk(path: Path) -> pd.DataFrame:
    """Read the ESCO to O*NET-SOC crosswalk CSV.

    Parameters
    ----------
    path : pathlib.Path
        A CSV with ``esco_code``, ``esco_title_en``, ``onet_soc_2019_code`` and
        ``onet_soc_2019_title`` columns, as the O*NET Resource Center
        publishes it.

    Returns
    -------
    pandas.DataFrame
        Columns ``esco_code``, ``esco_title``, ``onet_code`` and ``onet_title``.

    Raises
    ------
    InputError
        When the file is missing or lacks a column.
    """
    if not Path(path).is_file():
        raise InputError(f"crosswalk not found: {path}")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    wanted = {
        "esco_code": "esco_code",
        "esco_title_en": "esco_title",
        "onet_soc_2019_code": "onet_code",
        "onet_soc_2019_title": "onet_title",
    }
    missing = set(wanted) - set(frame.columns)
    if missing:
        raise InputError(
            f"{path} is not an ESCO to O*NET-SOC crosswalk "
            f"(missing {', '.join(sorted(missing))})"
        )
    frame = frame.rename(columns=wanted)[list(wanted.values())]
    frame["esco_code"] = frame["esco_code"].str.strip()
    frame["onet_code"] = frame["onet_code"].map(lambda c: onet_soc(c) or c.strip())
    return frame


def _words(text: str) -> str:
    # Plural and singular titles ("Carpenters", "carpenter") should agree.
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") else word
        for word in _WORD.findall(text.lower())
    )


def score_crosswalk(
    crosswalk: pd.DataFrame,
    *,
    title_weight: float = 0.5,
    unit_weight: float = 0.3,
    major_weight: float = 0.2,
    group_evidence: float = 0.9,
    title_evidence: float = 0.85,
) -> pd.DataFrame:
    """Score each link of the many-to-many ESCO to O*NET-SOC crosswalk.

    One O*NET-SOC occupation links to nine ESCO occupations on average, often
    spread over several ISCO-08 major groups ("Nursing Assistants" reaches
    nurses, midwives and care workers). A link is kept only when its major
    group is the one most of the O*NET-SOC occupation's links fall in, or when
    its titles agree (``title_evidence``), or when it names the ISCO-08 unit
    group itself; its score weighs title agreement against how much of the
    O*NET-SOC occupation's links share its unit and major group.

    Parameters
    ----------
    crosswalk : pandas.DataFrame
        As returned by :func:`read_crosswalk`.
    title_weight, unit_weight, major_weight : float
        Weights of the three parts of a link's score; they add up to one.
    group_evidence : float
        The title agreement credited to a link that names an ISCO-08 unit
        group (a four-digit ESCO code) rather than an occupation.
    title_evidence : float
        Title agreement (0 to 1) above which a link is kept whatever its
        major group.

    Returns
    -------
    pandas.DataFrame
        The kept links: ``onet_code``, ``onet_title``, ``esco_code``,
        ``isco08``, ``title_score``, ``link_score``.
    """
    links = crosswalk.copy()
    links["isco08"] = links["esco_code"].str[:4]
    links = links[links["isco08"].str.fullmatch(r"\d{4}")]
    links["major"] = links["isco08"].str[0]
    per_code = links.groupby("onet_code")["esco_code"].transform("size")
    unit_share = links.groupby(["onet_code", "isco08"])["esco_code"].transform("size")
    major_count = links.groupby(["onet_code", "major"])["esco_code"].transform("size")
    dominant = links.assign(n=major_count).groupby("onet_code")["n"].transform("max")
    is_group = ~links["esco_code"].str.contains(".", regex=False)
    # The set ratio alone rates "bus driver" close to "truck driver" for their
    # shared word; the sort ratio penalises the words that differ.
    titles = [
        (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200.0
        for a, b in zip(
            links["esco_title"].map(_words),
            links["onet_title"].map(_words),
            strict=True,
        )
    ]
    links["title_score"] = np.round(titles, 4)
    evidence = np.where(is_group, group_evidence, 0.0)
    evidence = np.maximum(evidence, links["title_score"].to_numpy())
    links["link_score"] = np.round(
        title_weight * evidence
        + unit_weight * (unit_share / per_code).to_numpy()
        + major_weight * (major_count / per_code).to_numpy(),
        4,
    )
    keep = (major_count == dominant) | (links["title_score"] >= title_evidence)
    keep |= is_group
    log.info(
        "crosswalk: %s links of %s O*NET-SOC occupations, %s kept, %s dropped "
        "for leaving the dominant ISCO-08 major group without evidence",
        f"{len(links):,}",
        f"{links['onet_code'].nunique():,}",
        f"{int(keep.sum()):,}",
        f"{int((~keep).sum()):,}",
    )
    columns = [
        "onet_code",
        "onet_title",
        "esco_code",
        "isco08",
        "title_score",
        "link_score",
    ]
    return links.loc[keep, columns].reset_index(drop=True)


class OccupationIndex:
    """Resolve occupation codes of catalogues to ISCO-08 groups and ESCO URIs.

    Parameters
    ----------
    occupations : pandas.DataFrame
        The taxonomy's occupations: ``esco_uri``, ``isco08`` and, for ESCO,
        ``esco_code``.
    crosswalk : pandas.DataFrame, optional
        Scored O*NET-SOC links from :func:`score_crosswalk`; without it
        O*NET-SOC codes do not resolve.

    Examples
    --------
    An ESCO code absent from the taxonomy still gives its ISCO-08 unit group:

    >>> index = OccupationIndex(pd.DataFrame(columns=["esco_uri", "isco08"]))
    >>> index.resolve("5120.1")[0].isco08, index.resolve("5120.1")[0].esco_uri
    ('5120', None)
    """

    def __init__(
        self, occupations: pd.DataFrame, *, crosswalk: pd.DataFrame | None = None
    ) -> None:
        known = occupations.dropna(subset=["esco_uri", "isco08"])
        self._isco_of_uri = dict(
            zip(known["esco_uri"], known["isco08"].astype(str), strict=True)
        )
        self._uri_of_code: dict[str, str] = {}
        if "esco_code" in known.columns:
            coded = known.dropna(subset=["esco_code"])
            self._uri_of_code = dict(
                zip(coded["esco_code"], coded["esco_uri"], strict=True)
            )
        self._onet: dict[str, list[tuple[str, str, float]]] = {}
        if crosswalk is not None:
            for row in crosswalk.itertuples(index=False):
                self._onet.setdefault(row.onet_code, []).append(
                    (row.esco_code, row.isco08, float(row.link_score))
                )

    @property
    def has_crosswalk(self) -> bool:
        """Whether O*NET-SOC codes can be resolved."""
        return bool(self._onet)

    def resolve(
        self, code: str, *, linked_by: str = "catalogue"
    ) -> list[OccupationLink]:
        """Return the links of one occupation code; empty when it does not resolve.

        Parameters
        ----------
        code : str
            An ISCO-08 group, ESCO URI, ESCO code or O*NET-SOC code.
        linked_by : str
            How the link was made, recorded with it.

        Returns
        -------
        list of OccupationLink
            One link for ISCO-08 and ESCO codes (score 1), one per kept
            crosswalk link for O*NET-SOC codes.
        """
        code = code.strip()
        kind = code_kind(code)
        if kind == "isco":
            return [OccupationLink(code, code, None, linked_by, 1.0)]
        if kind == "esco_uri":
            isco = self._isco_of_uri.get(code)
            return (
                []
                if isco is None
                else [OccupationLink(code, isco, code, linked_by, 1.0)]
            )
        if kind == "esco_code":
            uri = self._uri_of_code.get(code)
            return [OccupationLink(uri or code, code[:4], uri, linked_by, 1.0)]
        if kind == "onet":
            links = []
            for esco_code, isco, score in self._onet.get(onet_soc(code) or code, []):
                uri = self._uri_of_code.get(esco_code) if "." in esco_code else None
                links.append(
                    OccupationLink(uri or esco_code, isco, uri, "crosswalk", score)
                )
            return links
        return []

    def resolve_all(
        self, codes: Iterable[tuple[str, str]], *, linked_by: str = "catalogue"
    ) -> tuple[pd.DataFrame, list[str]]:
        """Resolve ``(owner, code)`` pairs into a frame of links.

        Parameters
        ----------
        codes : iterable of (str, str)
            The owner (a video, training or client id) and one of its codes.
        linked_by : str
            How the links were made.

        Returns
        -------
        tuple
            A frame with ``owner``, ``occupation_code``, ``isco08``,
            ``esco_uri``, ``linked_by``, ``link_score`` (the best link per
            owner and occupation) and the codes that did not resolve.
        """
        rows: list[tuple[str, str, str, str | None, str, float]] = []
        unresolved: list[str] = []
        for owner, code in codes:
            links = self.resolve(code, linked_by=linked_by)
            if not links:
                unresolved.append(code)
            rows.extend(
                (
                    owner,
                    link.occupation_code,
                    link.isco08,
                    link.esco_uri,
                    link.linked_by,
                    link.link_score,
                )
                for link in links
            )
        frame = pd.DataFrame(
            rows,
            columns=[
                "owner",
                "occupation_code",
                "isco08",
                "esco_uri",
                "linked_by",
                "link_score",
            ],
        )
        frame = frame.sort_values("link_score", ascending=False, kind="stable")
        frame = frame.drop_duplicates(["owner", "occupation_code"])
        return frame.reset_index(drop=True), unresolved


def match_occupations(
    left: pd.DataFrame,
    right: pd.DataFrame,
    *,
    levels: Sequence[str] = MATCH_LEVELS,
) -> pd.DataFrame:
    """Pair rows of two frames whose occupations match, at their closest level.

    Parameters
    ----------
    left, right : pandas.DataFrame
        Frames with ``isco08`` (an ISCO-08 code of one to four digits) and
        ``esco_uri`` (may be null); other columns are carried along, with
        suffixes ``_left`` and ``_right`` where names clash.
    levels : sequence of str
        The levels allowed, from :data:`MATCH_LEVELS`; leave out ``isco3``
        and ``isco2`` to match unit groups only.

    Returns
    -------
    pandas.DataFrame
        One row per matching pair with ``match_level`` and ``level_rank``.
        A code shorter than a level never matches at it, so a sub-major group
        ``22`` matches ``2221`` at ``isco2`` only.

    Examples
    --------
    Occupations of different major groups never pair:

    >>> a = pd.DataFrame({"isco08": ["2221"], "esco_uri": [None], "a": [1]})
    >>> b = pd.DataFrame({"isco08": ["2222", "3221"], "esco_uri": None, "b": [1, 2]})
    >>> match_occupations(a, b)[["b", "match_level"]].to_dict("records")
    [{'b': 1, 'match_level': 'isco3'}]
    """
    left = left.reset_index(drop=True).assign(_left=lambda f: f.index)
    right = right.reset_index(drop=True).assign(_right=lambda f: f.index)
    left_isco = left["isco08"].fillna("").astype(str)
    right_isco = right["isco08"].fillna("").astype(str)
    pairs = []
    if "esco" in levels:
        lhs = left.loc[left["esco_uri"].notna(), ["_left", "esco_uri"]]
        rhs = right.loc[right["esco_uri"].notna(), ["_right", "esco_uri"]]
        found = lhs.merge(rhs, on="esco_uri")[["_left", "_right"]]
        pairs.append(found.assign(level_rank=LEVEL_RANKS["esco"]))
    for digits in (4, 3, 2):
        level = f"isco{digits}"
        if level not in levels:
            continue
        lhs = pd.DataFrame({"_left": left["_left"], "_key": left_isco.str[:digits]})[
            left_isco.str.len() >= digits
        ]
        rhs = pd.DataFrame(
            {"_right": right["_right"], "_key": right_isco.str[:digits]}
        )[right_isco.str.len() >= digits]
        found = lhs.merge(rhs, on="_key")[["_left", "_right"]]
        pairs.append(found.assign(level_rank=LEVEL_RANKS[level]))
    columns = ["_left", "_right", "level_rank"]
    found = (
        pd.concat(pairs, ignore_index=True) if pairs else pd.DataFrame(columns=columns)
    )
    found = found.sort_values("level_rank", ascending=False, kind="stable")
    found = found.drop_duplicates(["_left", "_right"])
    names = {rank: level for level, rank in LEVEL_RANKS.items()}
    found["match_level"] = found["level_rank"].map(names)
    result = found.merge(left, on="_left").merge(
        right, on="_right", suffixes=("_left", "_right")
    )
    return result.drop(columns=["_left", "_right"]).reset_index(drop=True)
