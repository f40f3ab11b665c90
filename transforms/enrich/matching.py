"""Client profiles and the open vacancies that suit each client, with reasons.

A werkcoach records what a client wants and brings: the occupations they look
for (ESCO or ISCO-08 codes), competences, where they live and which other
places or provinces they would work in, the hours a week they want and their
education level. :func:`read_client_profiles` reads that from a CSV or JSON
file (see ``docs/enrichment.md``); :func:`rank_vacancies` scores each open
vacancy whose occupation is close to one the client wants and keeps the best
ones per client, each with the reasons for its score in plain Dutch, the
language werkcoaches and clients read.

The Netherlands' places have no coordinates in the project's reference data,
so distance is judged by administrative area: same place or municipality,
a region the client named, the same province, or elsewhere.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from schemas.posting import EDUCATION_LEVELS
from transforms.enrich.catalogue import first_value, read_records, split_values
from transforms.enrich.occupations import OccupationIndex

__all__ = [
    "DEFAULT_WEIGHTS",
    "EDUCATION_RANKS",
    "ClientProfiles",
    "parse_education_level",
    "rank_vacancies",
    "read_client_profiles",
]

log = logging.getLogger(__name__)

#: How much each part weighs in a match's score; they add up to one.
DEFAULT_WEIGHTS: Mapping[str, float] = {
    "occupation": 0.40,
    "region": 0.25,
    "hours": 0.10,
    "education": 0.10,
    "contacts": 0.15,
}

#: Education levels from lowest to highest; unspecified mbo counts as level 3.
EDUCATION_RANKS: Mapping[str, int] = {
    "vmbo": 1,
    "mbo-1": 1,
    "mbo-2": 2,
    "mbo": 3,
    "havo": 3,
    "mbo-3": 3,
    "mbo-4": 4,
    "vwo": 4,
    "hbo": 5,
    "wo": 6,
}

_OCCUPATION_SCORES = {4: 1.0, 3: 0.8, 2: 0.5, 1: 0.25}
_OCCUPATION_LEVELS = {4: "esco", 3: "isco4", 2: "isco3", 1: "isco2"}
# Part scores when the client or the vacancy does not say.
_UNKNOWN = 0.5
_REGION_SCORES = {
    "municipality": 1.0,
    "region": 0.8,
    "remote": 0.8,
    "province": 0.6,
    "elsewhere": 0.0,
}
_HOURS_TOLERANCE = 8.0


@dataclass
class ClientProfiles:
    """Clients, their profiles and wanted occupations, as read from a file."""

    clients: pd.DataFrame
    profiles: pd.DataFrame
    occupations: pd.DataFrame
    dropped: Counter[str] = field(default_factory=Counter)


def parse_education_level(text: str | None) -> str | None:
    """Read an education level as werkcoaches write it.

    Parameters
    ----------
    text : str or None
        Such as ``"MBO 4"``, ``"mbo niveau 2"``, ``"HBO"``, ``"havo"``.

    Returns
    -------
    str or None
        One of the posting contract's education levels, or ``None``.

    Examples
    --------
    >>> [parse_education_level(t) for t in ("MBO 4", "mbo", "HBO bachelor", "?")]
    ['mbo-4', 'mbo', 'hbo', None]
    """
    from transforms.enrich.trainings import parse_level

    if not text:
        return None
    lowered = text.strip().lower()
    if lowered in EDUCATION_LEVELS:
        return lowered
    level = parse_level(lowered)
    if level in EDUCATION_LEVELS:
        return level
    for name in ("vmbo", "havo", "vwo", "mbo"):
        if name in lowered.replace("-", " ").split():
            return name
    return None


def _hours(record: Mapping[str, object]) -> tuple[float | None, float | None]:
    low = first_value(record, "hours_min", "uren_min")
    high = first_value(record, "hours_max", "uren_max")
    both = first_value(record, "hours", "uren")
    if both and not (low or high):
        parts = both.replace("–", "-").split("-")
        low, high = parts[0], parts[-1]

    def number(text: str | None) -> float | None:
        try:
            return float(text.replace(",", ".")) if text else None
        except ValueError:
            return None

    return number(low), number(high)


def read_client_profiles(
    path: Path, index: OccupationIndex, *, source: str = "import"
) -> ClientProfiles:
    """Read client profiles from the project's CSV or JSON format.

    Parameters
    ----------
    path : pathlib.Path
        Columns ``client_id``, ``occupations`` and optionally ``name``,
        ``competences``, ``place``, ``regions``, ``hours_min``,
        ``hours_max`` (or ``hours`` as ``24-32``) and ``education_level``.
    index : OccupationIndex
        Resolves the occupation codes.
    source : str
        Recorded with each client.

    Returns
    -------
    ClientProfiles
        Clients, profiles and occupations; dropped rows by reason
        (``no_client_id``, ``duplicate``). A client whose occupations do not
        resolve is kept, matched on nothing until they are corrected.
    """
    from transforms.geo import parse_location

    started = time.perf_counter()
    records = read_records(Path(path), list_keys=("clients",), what="client profiles")
    dropped: Counter[str] = Counter()
    clients: list[dict[str, object]] = []
    profiles: list[dict[str, object]] = []
    codes: list[tuple[str, str]] = []
    seen: set[str] = set()
    for record in records:
        client_id = first_value(record, "client_id", "id", "klantnummer")
        if client_id is None:
            dropped["no_client_id"] += 1
            continue
        if client_id in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(client_id)
        place = first_value(record, "place", "woonplaats")
        location = parse_location(place) if place else None
        hours_min, hours_max = _hours(record)
        clients.append(
            {
                "client_id": client_id,
                "display_name": first_value(record, "name", "display_name", "naam"),
                "source": source,
            }
        )
        profiles.append(
            {
                "client_id": client_id,
                "competences": "|".join(split_values(record.get("competences")))
                or None,
                "place": location.place if location else None,
                "municipality": location.municipality if location else None,
                "province": location.province if location else None,
                "regions": "|".join(split_values(record.get("regions"))) or None,
                "education_level": parse_education_level(
                    first_value(record, "education_level", "opleidingsniveau")
                ),
                "hours_min_per_week": hours_min,
                "hours_max_per_week": hours_max,
            }
        )
        codes.extend(
            (client_id, code)
            for key in ("occupations", "occupation", "isco08", "esco_uri")
            for code in split_values(record.get(key))
        )
    occupations, unresolved = index.resolve_all(codes, linked_by="client")
    occupations = occupations.rename(columns={"owner": "client_id"})[
        ["client_id", "occupation_code", "isco08", "esco_uri"]
    ]
    if unresolved:
        log.info(
            "clients: %s occupation codes did not resolve: %s",
            len(unresolved),
            ", ".join(sorted(set(unresolved))[:5]),
        )
    log.info(
        "clients: %s records -> %s clients wanting %s occupations, dropped %s "
        "in %.1f s",
        f"{len(records):,}",
        f"{len(clients):,}",
        f"{len(occupations):,}",
        dict(sorted(dropped.items())) or "none",
        time.perf_counter() - started,
    )
    return ClientProfiles(
        clients=pd.DataFrame(clients, columns=["client_id", "display_name", "source"]),
        profiles=pd.DataFrame(profiles),
        occupations=occupations.reset_index(drop=True),
        dropped=dropped,
    )


# --- ranking ---------------------------------------------------------------------


class _Vacancies:
    """Open vacancies as integer-coded arrays, grouped by ISCO-08 sub-major group."""

    def __init__(self, vacancies: pd.DataFrame) -> None:
        frame = vacancies[vacancies["isco08"].notna()].reset_index(drop=True)
        self.frame = frame
        isco = frame["isco08"].astype(str)
        self.codes: dict[str, dict[str, int]] = {}
        self.isco4 = self._encode("isco4", isco)
        self.isco3 = self._encode("isco3", isco.str[:3])
        self.isco2 = self._encode("isco2", isco.str[:2])
        self.uri = self._encode("uri", frame["esco_uri"])
        self.place = self._encode("place", frame["place"].str.casefold())
        self.municipality = self._encode(
            "municipality", frame["municipality"].str.casefold()
        )
        self.province = self._encode("province", frame["province"].str.casefold())
        self.is_remote = frame["is_remote"].fillna(False).astype(bool).to_numpy()
        self.hours_min = frame["hours_min_per_week"].astype(float).to_numpy()
        self.hours_max = frame["hours_max_per_week"].astype(float).to_numpy()
        self.education = (
            frame["education_level"].map(EDUCATION_RANKS).astype(float).to_numpy()
        )
        self.row_of = {v: i for i, v in enumerate(frame["vacancy_id"])}
        order = np.argsort(self.isco2, kind="stable")
        bounds = np.flatnonzero(np.diff(self.isco2[order])) + 1
        self.by_group = {
            int(self.isco2[rows[0]]): rows
            for rows in np.split(order, bounds)
            if len(rows)
        }

    def _encode(self, name: str, values: pd.Series) -> np.ndarray:
        """Return integer codes of ``values``; missing values get -1."""
        codes, uniques = pd.factorize(values)
        self.codes[name] = {str(u): i for i, u in enumerate(uniques)}
        return codes

    def code(self, name: str, value: object) -> int:
        """Return the code of one value, -2 when no vacancy has it."""
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return -2
        text = str(value)
        return self.codes[name].get(text.casefold() if name in _FOLDED else text, -2)


_FOLDED = frozenset({"place", "municipality", "province"})


def _occupation_levels(
    data: _Vacancies, wanted: pd.DataFrame
) -> tuple[np.ndarray, np.ndarray]:
    """Return candidate rows and the best level at which the client wants each."""
    wanted_isco = [str(code) for code in wanted["isco08"]]
    groups = {data.code("isco2", code[:2]) for code in wanted_isco if len(code) >= 2}
    parts = [data.by_group[g] for g in groups if g in data.by_group]
    if not parts:
        return np.empty(0, dtype=int), np.empty(0, dtype=int)
    # Sub-major groups do not overlap, so the rows are distinct.
    rows = np.sort(np.concatenate(parts))
    levels = np.zeros(len(rows), dtype=np.int8)
    isco2, isco3 = data.isco2[rows], data.isco3[rows]
    isco4, uris = data.isco4[rows], data.uri[rows]
    for isco, uri in zip(wanted_isco, wanted["esco_uri"], strict=True):
        if len(isco) < 2:
            continue
        np.maximum(levels, isco2 == data.code("isco2", isco[:2]), out=levels)
        if len(isco) >= 3:
            np.maximum(levels, 2 * (isco3 == data.code("isco3", isco[:3])), out=levels)
        if len(isco) == 4:
            np.maximum(levels, 3 * (isco4 == data.code("isco4", isco)), out=levels)
        if isinstance(uri, str):
            np.maximum(levels, 4 * (uris == data.code("uri", uri)), out=levels)
    keep = levels > 0
    return rows[keep], levels[keep]


_REGION_NAMES = np.array(
    ["elsewhere", "province", "region", "municipality", "remote", None], dtype=object
)
_REGION_VALUES = np.array(
    [
        _REGION_SCORES["elsewhere"],
        _REGION_SCORES["province"],
        _REGION_SCORES["region"],
        _REGION_SCORES["municipality"],
        _REGION_SCORES["remote"],
        _UNKNOWN,
    ]
)


def _region(
    data: _Vacancies, rows: np.ndarray, profile: Mapping[str, object]
) -> tuple[np.ndarray, np.ndarray]:
    regions = split_values(profile.get("regions"))
    if not any(profile.get(k) for k in ("place", "municipality", "province")) and (
        not regions
    ):
        return np.full(len(rows), None, dtype=object), np.full(len(rows), _UNKNOWN)
    kind = np.zeros(len(rows), dtype=int)
    province = data.province[rows]
    municipality = data.municipality[rows]
    place = data.place[rows]
    kind[province == data.code("province", profile.get("province"))] = 1
    if regions:
        named = [data.code(n, r) for r in regions for n in ("municipality", "province")]
        places = [data.code("place", r) for r in regions]
        in_region = np.isin(municipality, named[0::2]) | np.isin(province, named[1::2])
        kind[in_region | np.isin(place, places)] = 2
    kind[municipality == data.code("municipality", profile.get("municipality"))] = 3
    kind[place == data.code("place", profile.get("place"))] = 3
    remote = data.is_remote[rows]
    kind[remote] = 4
    kind[(province == -1) & (municipality == -1) & ~remote] = 5
    return _REGION_NAMES[kind], _REGION_VALUES[kind]


def _number(value: object) -> float | None:
    """Return a number as float, or ``None`` for missing values."""
    if value is None or isinstance(value, str) or pd.isna(value):  # type: ignore[call-overload]
        return None
    return float(value)  # type: ignore[arg-type]


def _hours_fit(
    data: _Vacancies, rows: np.ndarray, profile: Mapping[str, object]
) -> np.ndarray:
    low = _number(profile.get("hours_min_per_week"))
    high = _number(profile.get("hours_max_per_week"))
    if low is None and high is None:
        return np.full(len(rows), np.nan)
    low = low if low is not None else high
    high = high if high is not None else low
    vacancy_low = np.where(
        np.isnan(data.hours_min[rows]), data.hours_max[rows], data.hours_min[rows]
    )
    vacancy_high = np.where(
        np.isnan(data.hours_max[rows]), data.hours_min[rows], data.hours_max[rows]
    )
    gap = np.maximum(vacancy_low - high, low - vacancy_high)
    return np.clip(1.0 - np.maximum(gap, 0.0) / _HOURS_TOLERANCE, 0.0, 1.0)


def _education_fit(
    data: _Vacancies, rows: np.ndarray, profile: Mapping[str, object]
) -> np.ndarray:
    rank = EDUCATION_RANKS.get(str(profile.get("education_level") or ""))
    if rank is None:
        return np.full(len(rows), np.nan)
    asked = data.education[rows]
    return np.where(asked <= rank, 1.0, np.where(asked == rank + 1, 0.5, 0.0))


def _reasons(row: Mapping[str, object], contacts: list[str]) -> str:
    parts = []
    level = row["occupation_match"]
    isco = str(row["isco08"])
    if level == "esco":
        parts.append(f"zelfde beroep ({row['occupation_label'] or isco})")
    elif level == "isco4":
        parts.append(f"zelfde beroepsgroep (ISCO {isco})")
    elif level == "isco3":
        parts.append(f"verwant beroep (ISCO {isco[:3]})")
    else:
        parts.append(f"zelfde beroepsveld (ISCO {isco[:2]})")
    where = row["municipality"] or row["place"] or row["province"] or "onbekende plaats"
    region = row["region_match"]
    if region == "municipality":
        parts.append(f"in de eigen woonplaats ({where})")
    elif region == "region":
        parts.append(f"in een gewenste regio ({where})")
    elif region == "province":
        parts.append(f"in de eigen provincie ({where})")
    elif region == "remote":
        parts.append("thuiswerken mogelijk")
    elif region == "elsewhere":
        parts.append(f"buiten de regio ({where})")
    hours = _number(row["hours_fit"])
    if hours is not None:
        parts.append("uren passen" if hours >= 1.0 else "uren wijken af")
    education = _number(row["education_fit"])
    if education is not None:
        asked = row["education_level"]
        parts.append(
            f"opleiding past ({asked})"
            if education >= 1.0
            else f"vraagt een hoger niveau ({asked})"
        )
    if contacts:
        names = sorted(set(contacts))
        known = ", ".join(names[:2]) + (
            f" en {len(names) - 2} anderen" if len(names) > 2 else ""
        )
        parts.append(f"kent {known} bij {row['employer']}")
    return "; ".join(parts)


def rank_vacancies(
    profiles: pd.DataFrame,
    occupations: pd.DataFrame,
    vacancies: pd.DataFrame,
    contacts: pd.DataFrame,
    *,
    per_client: int = 50,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> pd.DataFrame:
    """Rank the open vacancies that suit each client, with reasons.

    A vacancy is a candidate when its occupation matches one the client wants
    at least at the ISCO-08 sub-major group. Its score is the weighted sum of
    the occupation match (1 for the same ESCO occupation down to 0.25 for the
    sub-major group), the region (same municipality 1, a named region or
    remote work 0.8, same province 0.6, elsewhere 0), the hours (1 when the
    ranges overlap, less the further apart), the education level (1 when the
    client has the level asked, 0.5 one below) and whether the client knows
    someone at the employer. A part neither side says anything about scores
    0.5.

    Parameters
    ----------
    profiles : pandas.DataFrame
        ``private.client_profiles`` rows.
    occupations : pandas.DataFrame
        ``client_id``, ``isco08``, ``esco_uri``: what each client wants.
    vacancies : pandas.DataFrame
        Open vacancies: ``vacancy_id``, ``isco08``, ``esco_uri``,
        ``occupation_label``, ``employer``, ``place``, ``municipality``,
        ``province``, ``is_remote``, ``hours_min_per_week``,
        ``hours_max_per_week``, ``education_level``.
    contacts : pandas.DataFrame
        From :func:`transforms.enrich.contacts.vacancy_contacts`.
    per_client : int
        How many vacancies to keep per client.
    weights : mapping
        Weights of the parts; see :data:`DEFAULT_WEIGHTS`.

    Returns
    -------
    pandas.DataFrame
        ``client_id``, ``vacancy_id``, ``match_rank`` (from 1),
        ``occupation_match``, ``region_match``, ``reasons``, ``score``,
        ``hours_fit``, ``education_fit``, ``n_contacts``.
    """
    started = time.perf_counter()
    columns = [
        "client_id",
        "vacancy_id",
        "match_rank",
        "occupation_match",
        "region_match",
        "reasons",
        "score",
        "hours_fit",
        "education_fit",
        "n_contacts",
    ]
    if profiles.empty or occupations.empty or vacancies.empty:
        return pd.DataFrame(columns=columns)
    data = _Vacancies(vacancies)
    vacancy_ids = data.frame["vacancy_id"].to_numpy(dtype=object)
    known_rows = pd.Index(data.frame["vacancy_id"]).get_indexer(contacts["vacancy_id"])
    known = pd.DataFrame(
        {"client_id": contacts["client_id"].to_numpy(dtype=object), "row": known_rows}
    )
    known = known[known["row"] >= 0]
    counts_by_client = {
        client: (group["row"].to_numpy(), group["n"].to_numpy())
        for client, group in known.groupby(["client_id", "row"])
        .size()
        .rename("n")
        .reset_index()
        .groupby("client_id")
    }
    wanted_by_client = dict(tuple(occupations.groupby("client_id")))
    occupation_scores = np.array([0.0, *(_OCCUPATION_SCORES[k] for k in (1, 2, 3, 4))])
    contact_count = np.zeros(len(data.frame), dtype=int)
    chosen = []
    for profile in profiles.to_dict("records"):
        client = profile["client_id"]
        wanted = wanted_by_client.get(client)
        if wanted is None:
            continue
        rows, levels = _occupation_levels(data, wanted)
        if len(rows) == 0:
            continue
        region_names, region_scores = _region(data, rows, profile)
        hours = _hours_fit(data, rows, profile)
        education = _education_fit(data, rows, profile)
        known_at, n_known = counts_by_client.get(client, (np.empty(0, int), 0))
        contact_count[known_at] = n_known
        n_contacts = contact_count[rows]
        contact_count[known_at] = 0
        score = (
            weights["occupation"] * occupation_scores[levels]
            + weights["region"] * region_scores
            + weights["hours"] * np.nan_to_num(hours, nan=_UNKNOWN)
            + weights["education"] * np.nan_to_num(education, nan=_UNKNOWN)
            + weights["contacts"] * (n_contacts > 0)
        )
        if len(rows) > per_client:
            # Rows are sorted, so ties resolve by vacancy id, as on every run.
            top = np.argpartition(-score, per_client - 1)[:per_client]
            cut = score[top].min()
            top = np.flatnonzero(score >= cut)
        else:
            top = np.arange(len(rows))
        order = top[np.lexsort((vacancy_ids[rows[top]], -score[top]))][:per_client]
        chosen.append(
            pd.DataFrame(
                {
                    "client_id": client,
                    "row": rows[order],
                    "match_rank": np.arange(1, len(order) + 1),
                    "occupation_match": [_OCCUPATION_LEVELS[x] for x in levels[order]],
                    "region_match": region_names[order],
                    "score": np.round(score[order], 4),
                    "hours_fit": np.round(hours[order], 4),
                    "education_fit": education[order],
                    "n_contacts": n_contacts[order],
                }
            )
        )
    if not chosen:
        return pd.DataFrame(columns=columns)
    ranked = pd.concat(chosen, ignore_index=True)
    details = data.frame.iloc[ranked["row"]].reset_index(drop=True)
    ranked = pd.concat([ranked, details.drop(columns=["vacancy_id"])], axis=1)
    ranked["vacancy_id"] = details["vacancy_id"]
    names = (
        contacts.merge(
            ranked[["client_id", "vacancy_id"]], on=["client_id", "vacancy_id"]
        )
        .groupby(["client_id", "vacancy_id"])["contact_name"]
        .agg(list)
        .to_dict()
    )
    ranked["reasons"] = [
        _reasons(row, names.get((row["client_id"], row["vacancy_id"]), []))
        for row in ranked.to_dict("records")
    ]
    log.info(
        "matching: %s clients x %s open vacancies -> %s matches in %.1f s",
        f"{len(profiles):,}",
        f"{len(vacancies):,}",
        f"{len(ranked):,}",
        time.perf_counter() - started,
    )
    return ranked[columns]
