"""The occupation taxonomy: ESCO occupations, their labels and ISCO-08 groups.

A :class:`Taxonomy` is a handful of tables held as DataFrames. It comes from the
official ESCO CSV export (:func:`read_esco_export`), from the warehouse
(:func:`transforms.occupations.store.load_taxonomy`) or, for the offline demo,
from the bundled starter list of common Dutch occupations
(:func:`starter_taxonomy`).
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from vacatures.errors import InputError

__all__ = [
    "ISCO_GROUP_COLUMNS",
    "LABEL_COLUMNS",
    "LABEL_TYPES",
    "OCCUPATION_COLUMNS",
    "RELATION_COLUMNS",
    "STARTER_NAMESPACE",
    "STARTER_VERSION",
    "Taxonomy",
    "read_esco_export",
    "starter_taxonomy",
]

log = logging.getLogger(__name__)

OCCUPATION_COLUMNS = [
    "esco_uri",
    "esco_code",
    "isco08",
    "preferred_label",
    "preferred_label_en",
    "description",
    "status",
]
LABEL_COLUMNS = ["esco_uri", "label", "label_type", "language"]
ISCO_GROUP_COLUMNS = ["isco_code", "level", "label", "description", "parent_code"]
RELATION_COLUMNS = ["esco_uri", "broader_uri", "broader_type"]

#: Label types from strongest to weakest evidence of an occupation.
LABEL_TYPES = ("preferred", "alternative", "hidden")

#: URI prefix of starter occupations; they are not ESCO concepts.
STARTER_NAMESPACE = "urn:vacatures:starter:"
STARTER_VERSION = "starter-1"

_VERSION_IN_NAME = re.compile(r"v?(\d+(?:\.\d+)+)", re.IGNORECASE)


@dataclass
class Taxonomy:
    """Occupations with their labels, ISCO-08 groups and broader relations.

    Attributes
    ----------
    occupations : pandas.DataFrame
        One row per occupation: ``esco_uri``, ``esco_code``, ``isco08`` (the
        four-digit ISCO-08 unit group), ``preferred_label`` (Dutch),
        ``preferred_label_en``, ``description``, ``status``.
    labels : pandas.DataFrame
        Every name of an occupation: ``esco_uri``, ``label``, ``label_type``
        (``preferred``, ``alternative`` or ``hidden``) and ``language``
        (``nl`` or ``en``).
    isco_groups : pandas.DataFrame
        ISCO-08 groups at all four levels: ``isco_code`` (1 to 4 digits),
        ``level``, ``label``, ``description``, ``parent_code``.
    relations : pandas.DataFrame
        ``esco_uri`` is narrower than ``broader_uri``; ``broader_type`` is
        ``Occupation`` or ``ISCOGroup``.
    version : str
        The taxonomy's version, such as ``v1.2``.
    source : str
        Where it was read from.
    """

    occupations: pd.DataFrame
    labels: pd.DataFrame
    isco_groups: pd.DataFrame
    relations: pd.DataFrame
    version: str
    source: str = ""

    def __post_init__(self) -> None:
        self.occupations = _with_columns(self.occupations, OCCUPATION_COLUMNS)
        self.labels = _with_columns(self.labels, LABEL_COLUMNS)
        self.isco_groups = _with_columns(self.isco_groups, ISCO_GROUP_COLUMNS)
        self.relations = _with_columns(self.relations, RELATION_COLUMNS)

    def __repr__(self) -> str:
        return (
            f"Taxonomy(version={self.version!r}, "
            f"occupations={len(self.occupations):,}, labels={len(self.labels):,}, "
            f"isco_groups={len(self.isco_groups):,})"
        )

    @property
    def is_starter(self) -> bool:
        """Whether this is the bundled starter taxonomy rather than ESCO."""
        return bool(
            len(self.occupations)
            and self.occupations["esco_uri"].str.startswith(STARTER_NAMESPACE).all()
        )

    def isco_label(self, code: str) -> str | None:
        """Return the label of an ISCO-08 group, or ``None`` when it has none.

        Parameters
        ----------
        code : str
            An ISCO-08 code of 1 to 4 digits.

        Returns
        -------
        str or None
            The group's label in the taxonomy's language.
        """
        match = self.isco_groups.loc[self.isco_groups["isco_code"] == code, "label"]
        if match.empty or pd.isna(match.iloc[0]):
            return None
        return str(match.iloc[0])


def read_esco_export(
    folder: Path,
    *,
    version: str | None = None,
    english_titles: Path | None = None,
) -> Taxonomy:
    """Read the official ESCO CSV export of one language from ``folder``.

    The folder holds ``occupations_<lang>.csv`` and, optionally,
    ``ISCOGroups_<lang>.csv`` and ``broaderRelationsOccPillar_<lang>.csv``.
    Without the ISCO groups file the groups are derived from the occupations'
    codes and have no label.

    Parameters
    ----------
    folder : pathlib.Path
        The unpacked export.
    version : str, optional
        The ESCO version; read from the folder name (``v1.2``) when not given.
    english_titles : pathlib.Path, optional
        A CSV with ``esco_code`` and ``esco_title_en`` columns, such as the
        ESCO to O*NET-SOC crosswalk, giving English preferred labels.

    Returns
    -------
    Taxonomy
        The occupations, labels, ISCO-08 groups and relations.

    Raises
    ------
    InputError
        When the folder or its occupations file is missing or unreadable, or the
        version can be neither read from the name nor was given.

    Examples
    --------
    >>> taxonomy = read_esco_export(Path("esco/v1.1"))  # doctest: +SKIP
    >>> taxonomy.isco_groups["label"].isna().all()  # v1.1 has no groups file
    True
    """
    started = time.perf_counter()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"ESCO export folder not found: {folder}")
    occupations_file = _pick_file(folder, "occupations")
    if occupations_file is None:
        raise InputError(f"no occupations_*.csv in the ESCO export folder {folder}")
    language = occupations_file.stem.rsplit("_", 1)[-1].lower()
    version = version or _version_from_name(folder)

    raw = _read_csv(occupations_file)
    missing = {"conceptUri", "iscoGroup", "preferredLabel"} - set(raw.columns)
    if missing:
        raise InputError(
            f"{occupations_file} is not an ESCO occupations file "
            f"(missing {', '.join(sorted(missing))})"
        )
    raw = raw[raw.get("conceptType", "Occupation").fillna("Occupation") == "Occupation"]
    raw = _latest_rows(raw, occupations_file)
    occupations = pd.DataFrame(
        {
            "esco_uri": raw["conceptUri"].str.strip(),
            "esco_code": _column(raw, "code"),
            "isco08": raw["iscoGroup"].str.strip().str.zfill(4),
            "preferred_label": raw["preferredLabel"].str.strip(),
            "preferred_label_en": None,
            "description": _column(raw, "description"),
            "status": _column(raw, "status"),
        }
    ).reset_index(drop=True)
    labels = _esco_labels(raw, language)

    if english_titles is not None:
        occupations, labels = _add_english_titles(occupations, labels, english_titles)

    groups_file = _pick_file(folder, "ISCOGroups", language)
    isco_groups = (
        _esco_isco_groups(_read_csv(groups_file))
        if groups_file is not None
        else _derive_isco_groups(occupations["isco08"])
    )
    relations_file = _pick_file(folder, "broaderRelationsOccPillar", language)
    relations = (
        _esco_relations(_read_csv(relations_file))
        if relations_file is not None
        else pd.DataFrame(columns=RELATION_COLUMNS)
    )
    taxonomy = Taxonomy(
        occupations=occupations,
        labels=labels,
        isco_groups=isco_groups,
        relations=relations,
        version=version,
        source=f"ESCO {version} ({folder})",
    )
    log.info(
        "taxonomy: read ESCO %s from %s: %s occupations, %s labels, "
        "%s ISCO groups, %s relations in %.1f s",
        version,
        folder,
        f"{len(occupations):,}",
        f"{len(labels):,}",
        f"{len(isco_groups):,}",
        f"{len(relations):,}",
        time.perf_counter() - started,
    )
    return taxonomy


def starter_taxonomy() -> Taxonomy:
    """Return the bundled starter taxonomy of common Dutch occupations.

    About 250 occupations as Dutch boards advertise them, across all sectors,
    with Dutch and English labels and ISCO-08 groups at four levels. It lets
    the pipeline code vacancies with no ESCO download; its URIs are in the
    project's own namespace (:data:`STARTER_NAMESPACE`), not ESCO's.

    Returns
    -------
    Taxonomy
        The starter occupations; ``version`` is :data:`STARTER_VERSION`.
    """
    data = resources.files("transforms.occupations") / "data"
    with (data / "starter_occupations.csv").open(encoding="utf-8") as handle:
        rows = pd.read_csv(handle, dtype=str, keep_default_na=False)
    with (data / "starter_isco_groups.csv").open(encoding="utf-8") as handle:
        groups = pd.read_csv(handle, dtype=str, keep_default_na=False)

    uris = STARTER_NAMESPACE + rows["slug"]
    occupations = pd.DataFrame(
        {
            "esco_uri": uris,
            "esco_code": None,
            "isco08": rows["isco08"],
            "preferred_label": rows["preferred_label"],
            "preferred_label_en": rows["preferred_label_en"].replace("", None),
            "description": rows["description"].replace("", None),
            "status": "released",
        }
    )
    label_rows: list[tuple[str, str, str, str]] = []
    for uri, row in zip(uris, rows.itertuples(index=False), strict=True):
        label_rows.append((uri, row.preferred_label, "preferred", "nl"))
        label_rows += [
            (uri, label, "alternative", "nl") for label in _split_list(row.alt_labels)
        ]
        if row.preferred_label_en:
            label_rows.append((uri, row.preferred_label_en, "preferred", "en"))
        label_rows += [
            (uri, label, "alternative", "en")
            for label in _split_list(row.alt_labels_en)
        ]
    labels = pd.DataFrame(label_rows, columns=LABEL_COLUMNS).drop_duplicates()

    isco_groups = pd.DataFrame(
        {
            "isco_code": groups["isco_code"],
            "level": groups["isco_code"].str.len(),
            "label": groups["label"],
            "description": None,
            "parent_code": groups["isco_code"].map(_parent_code),
        }
    )
    relations = pd.DataFrame(
        {
            "esco_uri": uris,
            "broader_uri": "urn:vacatures:isco:" + rows["isco08"],
            "broader_type": "ISCOGroup",
        }
    )
    return Taxonomy(
        occupations=occupations,
        labels=labels.reset_index(drop=True),
        isco_groups=isco_groups,
        relations=relations,
        version=STARTER_VERSION,
        source="bundled starter taxonomy",
    )


def _split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _with_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        if column not in frame.columns:
            frame[column] = None
    extra = [c for c in frame.columns if c not in columns]
    return frame[columns + extra].reset_index(drop=True)


def _pick_file(folder: Path, stem: str, language: str | None = None) -> Path | None:
    if language is not None:
        exact = folder / f"{stem}_{language}.csv"
        if exact.is_file():
            return exact
    candidates = sorted(folder.glob(f"{stem}_*.csv"))
    if not candidates:
        return None
    preferred = [c for c in candidates if c.stem.lower().endswith("_nl")]
    return (preferred or candidates)[0]


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise InputError(f"cannot read {path}: {error}") from None


def _latest_rows(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    # The official export repeats a few concepts, once per modification date.
    if "modifiedDate" in raw.columns:
        raw = raw.sort_values("modifiedDate", kind="stable", na_position="first")
    latest = raw.drop_duplicates("conceptUri", keep="last")
    if len(latest) < len(raw):
        log.info(
            "taxonomy: %s repeated occupation rows in %s; kept the latest of each",
            len(raw) - len(latest),
            path.name,
        )
    return latest.sort_index()


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name].str.strip()
    return pd.Series(None, index=frame.index, dtype=object)


def _version_from_name(folder: Path) -> str:
    for part in (folder.resolve().name, folder.resolve().parent.name):
        match = _VERSION_IN_NAME.search(part)
        if match:
            return f"v{match.group(1)}"
    raise InputError(
        f"cannot tell the ESCO version from the folder name {folder.name!r}; "
        "give it with --version"
    )


def _esco_labels(raw: pd.DataFrame, language: str) -> pd.DataFrame:
    uris = raw["conceptUri"].str.strip()
    parts = [
        pd.DataFrame({"esco_uri": uris, "label": raw["preferredLabel"]}).assign(
            label_type="preferred"
        )
    ]
    for column, label_type in (
        ("altLabels", "alternative"),
        ("hiddenLabels", "hidden"),
    ):
        if column not in raw.columns:
            continue
        exploded = (
            pd.DataFrame({"esco_uri": uris, "label": raw[column].str.split("\n")})
            .explode("label")
            .dropna(subset=["label"])
        )
        parts.append(exploded.assign(label_type=label_type))
    labels = pd.concat(parts, ignore_index=True)
    labels["label"] = labels["label"].str.strip()
    labels = labels[labels["label"].str.len() > 0]
    labels["language"] = language
    return labels.drop_duplicates(["esco_uri", "label", "label_type"]).reset_index(
        drop=True
    )


def _add_english_titles(
    occupations: pd.DataFrame, labels: pd.DataFrame, path: Path
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if not Path(path).is_file():
        raise InputError(f"English titles file not found: {path}")
    titles = _read_csv(Path(path))
    if not {"esco_code", "esco_title_en"} <= set(titles.columns):
        raise InputError(f"{path} has no esco_code and esco_title_en columns")
    titles = titles.dropna(subset=["esco_code", "esco_title_en"]).drop_duplicates(
        "esco_code"
    )
    english = dict(
        zip(
            titles["esco_code"].str.strip(),
            titles["esco_title_en"].str.strip(),
            strict=True,
        )
    )
    occupations = occupations.assign(
        preferred_label_en=occupations["esco_code"].map(english)
    )
    found = occupations.dropna(subset=["preferred_label_en"])
    english_labels = pd.DataFrame(
        {
            "esco_uri": found["esco_uri"],
            "label": found["preferred_label_en"],
            "label_type": "preferred",
            "language": "en",
        }
    )
    log.info(
        "taxonomy: English titles for %s of %s occupations from %s",
        f"{len(found):,}",
        f"{len(occupations):,}",
        path,
    )
    return occupations, pd.concat([labels, english_labels], ignore_index=True)


def _parent_code(code: str) -> str | None:
    return code[:-1] if len(code) > 1 else None


def _esco_isco_groups(raw: pd.DataFrame) -> pd.DataFrame:
    codes = raw["code"].str.strip()
    return pd.DataFrame(
        {
            "isco_code": codes,
            "level": codes.str.len(),
            "label": raw["preferredLabel"].str.strip(),
            "description": _column(raw, "description"),
            "parent_code": codes.map(_parent_code),
        }
    ).drop_duplicates("isco_code")


def _derive_isco_groups(unit_groups: pd.Series) -> pd.DataFrame:
    codes = sorted(
        {code[:level] for code in unit_groups.dropna() for level in range(1, 5)}
    )
    return pd.DataFrame(
        {
            "isco_code": codes,
            "level": [len(code) for code in codes],
            "label": None,
            "description": None,
            "parent_code": [_parent_code(code) for code in codes],
        }
    )


def _esco_relations(raw: pd.DataFrame) -> pd.DataFrame:
    occupations = raw[raw["conceptType"] == "Occupation"]
    return (
        pd.DataFrame(
            {
                "esco_uri": occupations["conceptUri"].str.strip(),
                "broader_uri": occupations["broaderUri"].str.strip(),
                "broader_type": occupations["broaderType"].str.strip(),
            }
        )
        .drop_duplicates(["esco_uri", "broader_uri"])
        .reset_index(drop=True)
    )
