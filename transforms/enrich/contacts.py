"""The client's network: read contacts and find them at the employers of vacancies.

Contacts come from a LinkedIn connections export (``Connections.csv``, which
starts with a few lines of notes above its header row) or from a plain CSV of
name, employer and position. E-mail addresses in an export are not read: the
werkcoach needs to know whom a client knows, not how to mail them.

People write employers differently from boards: without the legal form, in
other case, abbreviated ("Gem. Utrecht", "Bakker & Zn."), or by acronym
("UMCU"). :class:`EmployerMatcher` compares names as sets of words after
normalising those away, and accepts a pair only on one of four rules:

``same_name``
    the same letters once spaces are removed ("Zorg Groep" and "Zorggroep");
``same_words``
    the same words in any order, ignoring a few words that only wrap a name
    ("bank", "international");
``acronym``
    a name written in capitals is the initials of the other's words;
``typo``
    one misspelt word, and only in a word many employer names share
    ("Zorgroep Het Baken"), never in the word that tells employers apart.

So "Albert Heijn" does not match "Albert Heijn Franchising" (franchisees
employ their own staff), "Gemeente Utrecht" does not match "Gemeente
Utrechtse Heuvelrug", "ING" does not match "INGKA" and "Rabobank" does not
match "Robobank": a missed contact costs a client less than a wrong one.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from transforms.dedupe.normalise import is_hidden_employer, normalise_employer
from transforms.enrich.catalogue import first_value, parse_date, stable_id
from vacatures.errors import InputError

__all__ = [
    "CONTACT_COLUMNS",
    "LINKEDIN_HEADER",
    "EmployerMatcher",
    "employer_words",
    "read_contacts",
    "read_contacts_csv",
    "read_linkedin_connections",
    "vacancy_contacts",
]

log = logging.getLogger(__name__)

#: The header row of a LinkedIn ``Connections.csv`` export.
LINKEDIN_HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
CONTACT_COLUMNS = [
    "client_id",
    "contact_id",
    "contact_name",
    "employer",
    "employer_key",
    "position",
    "profile_url",
    "source",
    "connected_date",
]

_ABBREVIATIONS = {
    "gem": "gemeente",
    "zn": "zonen",
    "zkh": "ziekenhuis",
    "univ": "universiteit",
    "mij": "maatschappij",
    "mpij": "maatschappij",
    "st": "sint",
    "t": "het",
    "vd": "van der",
    "v": "van",
}
_MORE_LEGAL_FORMS = frozenset({"cooperatieve", "cooperatief", "ua", "bv", "nv"})
_WRAPPERS = frozenset({"bank", "international", "internationaal", "benelux", "europe"})
_PARTICLES = frozenset({"de", "het", "van", "der", "den", "en", "voor", "of", "the"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LOCATION_TAIL = re.compile(r"\s*[,-]\s*(?:locatie|vestiging|afdeling)\b.*$", re.I)
_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")
_NOT_AN_EMPLOYER = re.compile(
    r"^\s*(?:zelfstandig(?:e)?|zzp(?:'?er)?|freelancer?|self[- ]employed|"
    r"eigen bedrijf|werkzoekend|student|gepensioneerd|retired|n\.?v\.?t\.?|-)\s*$",
    re.IGNORECASE,
)


def employer_words(name: str) -> tuple[str, ...]:
    """Return the words of an employer's name as the matcher compares them.

    Legal forms, case, diacritics, brackets and location tails are removed and
    common abbreviations written out.

    Parameters
    ----------
    name : str
        An employer as a person or board writes it.

    Returns
    -------
    tuple of str
        Lowercase ASCII words.

    Examples
    --------
    >>> employer_words("Gem. Utrecht"), employer_words("Bakker & Zn. B.V.")
    (('gemeente', 'utrecht'), ('bakker', 'en', 'zonen'))
    >>> employer_words("Coöperatieve Rabobank U.A. (kantoor Zeist)")
    ('rabobank',)
    """
    text = _LOCATION_TAIL.sub("", _BRACKETS.sub(" ", name))
    words = []
    for word in normalise_employer(text).split():
        if word in _MORE_LEGAL_FORMS:
            continue
        words.extend(_ABBREVIATIONS.get(word, word).split())
    return tuple(words)


def _capitalised(name: str) -> set[str]:
    return {word.lower() for word in _CAPITALS.findall(name)}


def _initials(words: Sequence[str]) -> str:
    return "".join(word[0] for word in words if word not in _PARTICLES)


@dataclass(frozen=True)
class _Name:
    words: tuple[str, ...]
    core: frozenset[str]
    joined: str
    capitals: frozenset[str]


def _name(text: str) -> _Name:
    words = employer_words(text)
    core = frozenset(w for w in words if w not in _WRAPPERS) or frozenset(words)
    return _Name(words, core, "".join(words), frozenset(_capitalised(text)))


class EmployerMatcher:
    """Find the employers of vacancies that a contact's employer names.

    Parameters
    ----------
    employers : sequence of str
        The employers of vacancies, as published.
    common_after : int
        A word in at least this many employer names is common: only a common
        word may be misspelt in a match.
    min_typo_length : int
        Shortest word a misspelling is accepted in.

    Examples
    --------
    >>> matcher = EmployerMatcher(["Stichting Zorggroep Het Baken", "Gemeente Utrecht",
    ...                            "Albert Heijn B.V.", "ING Bank N.V."])
    >>> found = matcher.match(["zorggroep het baken", "Gem. Utrecht", "INGKA",
    ...                        "Albert Heijn Franchising",
    ...                        "Gemeente Utrechtse Heuvelrug"])
    >>> found[["name", "rule"]].values.tolist()
    [['zorggroep het baken', 'same_name'], ['Gem. Utrecht', 'same_name']]
    """

    def __init__(
        self,
        employers: Sequence[str],
        *,
        common_after: int = 5,
        min_typo_length: int = 6,
    ) -> None:
        self.employers = sorted({e for e in employers if isinstance(e, str) and e})
        self.min_typo_length = min_typo_length
        self._names = [_name(e) for e in self.employers]
        self._frequency: Counter[str] = Counter(
            word for name in self._names for word in name.core
        )
        self._common = frozenset(
            w for w, n in self._frequency.items() if n >= common_after
        )
        self._by_joined: dict[str, list[int]] = defaultdict(list)
        self._by_core: dict[frozenset[str], list[int]] = defaultdict(list)
        self._by_initials: dict[str, list[int]] = defaultdict(list)
        self._by_capitals: dict[str, list[int]] = defaultdict(list)
        self._by_distinctive: dict[frozenset[str], list[int]] = defaultdict(list)
        for i, name in enumerate(self._names):
            if not name.words:
                continue
            self._by_joined[name.joined].append(i)
            self._by_core[name.core].append(i)
            if len(name.words) >= 2:
                self._by_initials[_initials(name.words)].append(i)
            if len(name.words) == 1 and name.words[0] in name.capitals:
                self._by_capitals[name.words[0]].append(i)
            distinctive = name.core - self._common
            if distinctive:
                self._by_distinctive[distinctive].append(i)

    def _candidates(self, text: str) -> dict[int, str]:
        name = _name(text)
        found: dict[int, str] = {}
        if not name.words:
            return found

        def add(indices: Iterable[int], rule: str) -> None:
            for index in indices:
                found.setdefault(index, rule)

        add(self._by_joined.get(name.joined, ()), "same_name")
        add(self._by_core.get(name.core, ()), "same_words")
        # Only whole names are read as acronyms: "UMC Utrecht" does not yet
        # match "Universitair Medisch Centrum Utrecht".
        if len(name.words) == 1 and name.words[0] in name.capitals:
            add(self._by_initials.get(name.words[0], ()), "acronym")
        if len(name.words) >= 2:
            add(self._by_capitals.get(_initials(name.words), ()), "acronym")
        add(self._typo_candidates(name), "typo")
        return found

    def _typo_candidates(self, name: _Name) -> list[int]:
        unknown = [w for w in name.core if w not in self._frequency]
        distinctive = frozenset(
            w for w in name.core if w in self._frequency and w not in self._common
        )
        if (
            len(unknown) != 1
            or not distinctive
            or len(unknown[0]) < self.min_typo_length
        ):
            return []
        misspelt = unknown[0]
        common = name.core - distinctive - {misspelt}
        found = []
        for index in self._by_distinctive.get(distinctive, ()):
            rest = self._names[index].core - distinctive
            extra = rest - common
            if len(extra) != 1 or not common <= rest:
                continue
            (word,) = extra
            if Levenshtein.distance(misspelt, word, score_cutoff=1) <= 1:
                found.append(index)
        return found

    def match(self, names: Iterable[str]) -> pd.DataFrame:
        """Return, for each name, the employers it names and by which rule.

        Parameters
        ----------
        names : iterable of str
            Employers as contacts wrote them.

        Returns
        -------
        pandas.DataFrame
            ``name``, ``employer``, ``rule`` and ``score`` (word-order-free
            similarity of the normalised names, 0 to 1) per matching pair.
        """
        rows = []
        for text in dict.fromkeys(n for n in names if isinstance(n, str) and n):
            if _NOT_AN_EMPLOYER.match(text) or is_hidden_employer(text):
                continue
            normalised = " ".join(employer_words(text))
            for index, rule in sorted(self._candidates(text).items()):
                employer = self.employers[index]
                score = fuzz.token_sort_ratio(
                    normalised, " ".join(self._names[index].words)
                )
                rows.append((text, employer, rule, round(score / 100.0, 4)))
        return pd.DataFrame(rows, columns=["name", "employer", "rule", "score"])


# --- reading contacts --------------------------------------------------------------


def _contact_rows(
    records: Iterable[dict[str, str | None]],
    *,
    client_id: str | None,
    source: str,
    dropped: Counter[str],
) -> pd.DataFrame:
    rows = []
    for record in records:
        owner = first_value(record, "client_id", "client") or client_id
        name = first_value(record, "name", "naam", "contact_name")
        if name is None:
            first = first_value(record, "first name", "first_name", "voornaam") or ""
            last = first_value(record, "last name", "last_name", "achternaam") or ""
            name = f"{first} {last}".strip() or None
        employer = first_value(
            record, "employer", "werkgever", "company", "bedrijf", "organisatie"
        )
        if owner is None:
            dropped["no_client"] += 1
            continue
        if name is None:
            dropped["no_name"] += 1
            continue
        if employer is None or _NOT_AN_EMPLOYER.match(employer):
            dropped["no_employer"] += 1
            continue
        url = first_value(record, "url", "profile_url", "linkedin")
        if url and urlsplit(url).scheme not in ("http", "https"):
            url = None
        rows.append(
            {
                "client_id": owner,
                "contact_id": stable_id(
                    "c", owner, name.casefold(), employer.casefold(), url or ""
                ),
                "contact_name": name,
                "employer": employer,
                "employer_key": " ".join(employer_words(employer)),
                "position": first_value(record, "position", "functie", "title"),
                "profile_url": url,
                "source": source,
                "connected_date": parse_date(
                    first_value(record, "connected on", "connected_date", "sinds")
                ),
            }
        )
    frame = pd.DataFrame(rows, columns=CONTACT_COLUMNS)
    duplicated = frame.duplicated(["client_id", "contact_id"])
    dropped["duplicate"] += int(duplicated.sum())
    return frame[~duplicated].reset_index(drop=True)


def _read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"contacts file not found: {path}") from None
    except UnicodeDecodeError:
        return Path(path).read_text(encoding="cp1252")


def _is_linkedin_header(line: str) -> bool:
    cells = [
        cell.strip().strip('"').lower() for cell in line.lstrip("\ufeff").split(",")
    ]
    return cells[:2] == ["first name", "last name"] and "company" in cells


def read_linkedin_connections(
    path: Path, *, client_id: str
) -> tuple[pd.DataFrame, Counter[str]]:
    """Read a LinkedIn ``Connections.csv`` export.

    The export opens with a few lines of notes, then a blank line, then the
    header row ``First Name,Last Name,URL,Email Address,Company,Position,
    Connected On``; the reader looks for that row rather than counting lines.

    Parameters
    ----------
    path : pathlib.Path
        The export.
    client_id : str
        The client whose connections these are.

    Returns
    -------
    tuple
        The contacts (:data:`CONTACT_COLUMNS`; e-mail addresses are not
        read) and dropped rows by reason (``no_name``, ``no_employer``,
        ``duplicate``).

    Raises
    ------
    InputError
        When the file has no LinkedIn header row.
    """
    lines = _read_text(path).splitlines()
    start = next((i for i, line in enumerate(lines) if _is_linkedin_header(line)), None)
    if start is None:
        raise InputError(
            f"{path} is not a LinkedIn connections export "
            f"(no header row {','.join(LINKEDIN_HEADER)!r})"
        )
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:])))
    records = (
        {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        for row in reader
    )
    dropped: Counter[str] = Counter()
    contacts = _contact_rows(
        records, client_id=client_id, source="linkedin", dropped=dropped
    )
    return contacts, +dropped


def read_contacts_csv(
    path: Path, *, client_id: str | None = None
) -> tuple[pd.DataFrame, Counter[str]]:
    """Read contacts from a plain CSV: name, employer, position.

    Parameters
    ----------
    path : pathlib.Path
        A CSV with columns ``name`` (or ``naam``), ``employer`` (or
        ``werkgever``, ``company``) and optionally ``position`` (``functie``)
        and ``client_id``, which lets one file hold several clients.
    client_id : str, optional
        The client of rows without a ``client_id``.

    Returns
    -------
    tuple
        The contacts and dropped rows by reason (``no_client``, ``no_name``,
        ``no_employer``, ``duplicate``).
    """
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError(f"{path} has no header row")
    records = (
        {
            str(k).strip().lower(): (v.strip() if isinstance(v, str) else v)
            for k, v in row.items()
            if k is not None
        }
        for row in reader
    )
    dropped: Counter[str] = Counter()
    contacts = _contact_rows(
        records, client_id=client_id, source="csv", dropped=dropped
    )
    return contacts, +dropped


def read_contacts(
    path: Path, *, client_id: str | None = None, kind: str = "auto"
) -> tuple[pd.DataFrame, Counter[str]]:
    """Read a contacts file, telling a LinkedIn export from a plain CSV.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    client_id : str, optional
        The client; required for a LinkedIn export.
    kind : str
        ``auto``, ``linkedin`` or ``csv``.

    Returns
    -------
    tuple
        The contacts and dropped rows by reason.
    """
    if kind == "auto":
        head = _read_text(path).splitlines()[:20]
        kind = "linkedin" if any(_is_linkedin_header(line) for line in head) else "csv"
    if kind == "linkedin":
        if client_id is None:
            raise InputError("a LinkedIn export belongs to one client: pass --client")
        return read_linkedin_connections(path, client_id=client_id)
    if kind == "csv":
        return read_contacts_csv(path, client_id=client_id)
    raise InputError(f"unknown contacts format {kind!r}: use auto, linkedin or csv")


# --- contacts at vacancies -----------------------------------------------------------


def vacancy_contacts(
    contacts: pd.DataFrame,
    vacancies: pd.DataFrame,
    *,
    matcher: EmployerMatcher | None = None,
) -> pd.DataFrame:
    """List, per client, the vacancies at employers where they know someone.

    Parameters
    ----------
    contacts : pandas.DataFrame
        ``client_id``, ``contact_id``, ``contact_name``, ``employer``,
        ``position``.
    vacancies : pandas.DataFrame
        ``vacancy_id`` and ``employer``.
    matcher : EmployerMatcher, optional
        Built from the vacancies' employers when not given.

    Returns
    -------
    pandas.DataFrame
        ``client_id``, ``vacancy_id``, ``contact_id``, ``contact_name``,
        ``contact_position``, ``contact_employer``, ``employer``,
        ``match_rule``, ``match_score``.
    """
    started = time.perf_counter()
    columns = [
        "client_id",
        "vacancy_id",
        "contact_id",
        "contact_name",
        "contact_position",
        "contact_employer",
        "employer",
        "match_rule",
        "match_score",
    ]
    if contacts.empty or vacancies.empty:
        return pd.DataFrame(columns=columns)
    matcher = matcher or EmployerMatcher(vacancies["employer"].dropna().unique())
    pairs = matcher.match(contacts["employer"].unique())
    found = (
        contacts.rename(
            columns={"employer": "contact_employer", "position": "contact_position"}
        )
        .merge(pairs, left_on="contact_employer", right_on="name")
        .merge(vacancies[["vacancy_id", "employer"]], on="employer")
        .rename(columns={"rule": "match_rule", "score": "match_score"})
    )
    # Each contact's employer name pairs once with each employer, and each
    # vacancy has one employer, so every row is one client, vacancy and contact.
    result = found[columns]
    log.info(
        "contacts: %s contacts of %s clients at %s employers -> %s matched to %s "
        "employers of vacancies, %s client-vacancy pairs in %.1f s",
        f"{len(contacts):,}",
        f"{contacts['client_id'].nunique():,}",
        f"{contacts['employer'].nunique():,}",
        f"{pairs['name'].nunique():,}",
        f"{pairs['employer'].nunique():,}",
        f"{result[['client_id', 'vacancy_id']].drop_duplicates().shape[0]:,}",
        time.perf_counter() - started,
    )
    return result.reset_index(drop=True)
