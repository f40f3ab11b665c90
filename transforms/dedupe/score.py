"""Score candidate pairs: how likely two postings advertise the same vacancy.

The score is a weighted mean of similarities (title, employer, place,
description, hours and salary), less penalties for postings far apart in time
and for discriminating title words only one side has. Some differences decide
on their own, whatever the score (the vetoes):

- the titles name different licence classes, seniorities, ranks or numbers
  ("chauffeur c" and "chauffeur ce", "medewerker" and "teamleider", junior and
  senior): different jobs;
- both municipalities are known and differ: one employer with the same title in
  two places has two vacancies;
- both employers are known and differ;
- the postings lie further apart in time than ``max_date_gap_days`` (a job
  posted again after months is a new vacancy);
- the hours or salaries lie further apart than their tolerance.

A posting that hides its employer ("onze opdrachtgever") loses the employer
term, so the other terms must agree more: it needs ``hidden_employer_threshold``.

Titles are compared as text. A retitled copy (one employer, known on both
sides or hidden with hours and salary both repeated; one municipality; within
the date grace; every known term repeated) is spared the title vetoes
("title": too different; "qualifier": one head, other specialisations) when
its titles name the same job in other words ("Handhaver", "Toezichthouder
openbare ruimte"; see :mod:`transforms.dedupe.occupation`) or when its text is
a copy; it is scored with ``retitled_title_similarity`` for its title.
"""

from __future__ import annotations

import functools
import itertools
import logging
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from transforms.dedupe.config import DedupeConfig
from transforms.dedupe.minhash import estimate_jaccard
from transforms.dedupe.normalise import DISCRIMINATOR_KINDS, abbreviates
from transforms.dedupe.occupation import TitleOccupations

__all__ = ["ScoreContext", "score_context", "score_pairs"]

log = logging.getLogger(__name__)


def _similarity(
    left: np.ndarray, right: np.ndarray, scorer: Any, workers: int
) -> np.ndarray:
    if len(left) == 0:
        return np.empty(0, dtype=np.float32)
    result = process.cpdist(
        list(left), list(right), scorer=scorer, workers=workers, dtype=np.uint8
    )
    return result.astype(np.float32) / 100.0


_CHUNK = 2_000_000
_VETOES = (
    "",
    "terms",
    "date",
    "place",
    "discriminator",
    "employer",
    "title",
    "qualifier",
)


def _qualifier(a: str, b: str) -> float:
    words_a, words_b = set(a.split()), set(b.split())
    only_a, only_b = words_a - words_b, words_b - words_a
    # Without a shared head word there is no qualifier to compare.
    if not only_a or not only_b or not words_a & words_b:
        return 1.0
    x, y = " ".join(sorted(only_a)), " ".join(sorted(only_b))
    # Without spaces, a compound meets its parts ("medewerker bediening"), and
    # a compound contains its head ("vrachtwagenchauffeur", "chauffeur"). The
    # parts are joined in title order: "front end" is "frontend".
    x_words = [w for w in a.split() if w in only_a]
    y_words = [w for w in b.split() if w in only_b]
    x_joined, y_joined = "".join(x_words), "".join(y_words)
    if x_joined in y_joined or y_joined in x_joined:
        return 1.0
    # "beheerder systemen" is "systeembeheerder" turned round.
    x_turned, y_turned = "".join(reversed(x_words)), "".join(reversed(y_words))
    turned = max(fuzz.ratio(x_turned, y_joined), fuzz.ratio(x_joined, y_turned))
    if len(x_words) + len(y_words) == 3 and turned >= 90:
        return 1.0
    # "verzorgende ig" is "verzorgende individuele gezondheidszorg".
    if abbreviates(x_joined, y_words) or abbreviates(y_joined, x_words):
        return 1.0
    return max(fuzz.ratio(x, y), fuzz.ratio(x_joined, y_joined)) / 100.0


def _qualifier_similarity(
    titles: np.ndarray, title_codes: np.ndarray, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Compare the words each title has and the other lacks.

    "docent wiskunde" and "docent scheikunde" share a head and differ in a
    qualifier: different jobs, however similar the whole titles look. A typo
    ("chaffeur") or a compound ("klantenservicemedewerker") stays close.
    Computed once per distinct pair of titles.
    """
    if len(left) == 0:
        return np.empty(0, dtype=np.float32)
    size = int(title_codes.max()) + 2
    keys = (title_codes[left].astype(np.int64) + 1) * size + title_codes[right] + 1
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    values = np.array(
        [_qualifier(titles[left[i]], titles[right[i]]) for i in first],
        dtype=np.float32,
    )
    return values[inverse.ravel()]


#: Words that say what kind of business or branch a name is, not whose.
_EMPLOYER_KINDS = frozenset(
    {
        "supermarkt",
        "supermarkten",
        "winkel",
        "winkels",
        "retail",
        "distributiecentrum",
        "dc",
        "ziekenhuis",
        "ziekenhuizen",
        "zorg",
        "zorggroep",
        "services",
        "service",
        "diensten",
        "dienstverlening",
        "facility",
        "facilitair",
        "schoonmaak",
        "schoonmaakdiensten",
        "logistiek",
        "logistics",
        "transport",
        "bouw",
        "techniek",
        "installatietechniek",
        "international",
        "internationaal",
        "benelux",
        "europe",
        "holland",
        "hoofdkantoor",
        "kantoor",
        "vestiging",
        "company",
        "companies",
        "parcel",
        "ecommerce",
        "express",
        "infra",
        "scholengroep",
        "kinderopvang",
        "en",
    }
)


def _spells(short: str, words: list[str]) -> bool:
    """Tell whether a short name is an acronym of two or more words.

    Each word gives its first letter and may give more of its own letters in
    order: "uwv" (uitvoeringsinstituut werknemersverzekeringen), "gvb"
    (gemeentelijk vervoerbedrijf), "aumc" (amsterdam umc).
    """
    if not 2 <= len(short) <= _ACRONYM_MAX or len(words) < 2 or len(words) > len(short):
        return False

    def rest(at: int, index: int) -> bool:
        if index == len(words):
            return at == len(short)
        word = words[index]
        if at >= len(short) or short[at] != word[0]:
            return False
        at += 1
        inside = 1
        while True:
            if rest(at, index + 1):
                return True
            if at >= len(short):
                return False
            found = word.find(short[at], inside)
            if found < 0:
                return False
            at, inside = at + 1, found + 1

    return rest(0, 0)


_ACRONYM_MAX = 6


@functools.lru_cache(maxsize=1 << 20)
def _employer(a: str, b: str) -> float:
    words_a, words_b = a.split(), b.split()
    # "postnl" and "post nl", "croonwolterendros" and "croonwolter en dros".
    if a.replace(" ", "") == b.replace(" ", ""):
        return 1.0
    only_a = [w for w in words_a if w not in words_b]
    only_b = [w for w in words_b if w not in words_a]
    # Initials stand for the words they abbreviate: "jbz" and "jeroen bosch
    # ziekenhuis", "viecuri mc" and "viecuri medisch centrum", "ah
    # distributiecentrum" and "albert heijn", "gvb" and "gemeentelijk
    # vervoerbedrijf".
    for these, those in ((only_a, only_b), (only_b, only_a)):
        core = [w for w in these if w not in _EMPLOYER_KINDS]
        if len(core) == 1 and (
            _spells(core[0], those)
            or _spells(core[0], [w for w in those if w not in _EMPLOYER_KINDS])
        ):
            return 1.0
    # token_set_ratio: a name that adds a branch ("Jansen Utrecht") agrees.
    similarity = fuzz.token_set_ratio(a, b) / 100.0
    if (
        not only_a
        or not only_b
        or len(only_a) + len(only_b) == len(words_a) + len(words_b)
    ):
        return similarity
    # Each name has words of its own beside the shared ones: those words tell
    # the employers apart ("huisartsenpraktijk de horst", "... de boer") unless
    # one holds the other ("dijkman bouw", "bouwgroep dijkman") or they are
    # spelt alike.
    x, y = "".join(only_a), "".join(only_b)
    if x in y or y in x:
        return max(similarity, 0.9)
    # A brand with the kind of branch or business after it: "jumbo
    # supermarkten", "jumbo distributiecentrum".
    if _EMPLOYER_KINDS.issuperset(only_a) or _EMPLOYER_KINDS.issuperset(only_b):
        return max(similarity, 0.9)
    return min(similarity, fuzz.ratio(x, y) / 100.0)


_NAME_PARTICLES = frozenset({"de", "het", "van", "der", "den", "en", "the", "of"})


def _share_a_name_word(
    employers: np.ndarray, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Tell which pairs of employer names share a word that names someone.

    Names that share one ("albert heijn jansen", "albert heijn de vries";
    "van der valk", "van der veen") and differ are two employers, of one
    brand or family, which may post one text.
    """

    def words(name: str) -> set[str]:
        return set(name.split()) - _EMPLOYER_KINDS

    return np.array(
        [
            bool(words(a) & words(b))
            for a, b in zip(employers[left], employers[right], strict=True)
        ],
        dtype=bool,
    )


def _telling_name(name: str) -> bool:
    """Tell whether an employer name is one no unrelated text would hold.

    Names of two words or more, or one word of eight letters or more, and
    not only words for a kind of business.
    """
    words = name.split()
    return bool(set(words) - _EMPLOYER_KINDS) and (len(words) >= 2 or len(name) >= 8)


def _holds_words(text: str, words: str) -> bool:
    """Tell whether ``text`` holds ``words`` as whole words."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if (start == 0 or text[start - 1] == " ") and (
            end == len(text) or text[end] == " "
        ):
            return True
        start = text.find(words, start + 1)
    return False


def _named_in_text(
    employers: np.ndarray,
    telling: np.ndarray,
    texts: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
) -> np.ndarray:
    """Tell which pairs have the employer of one named in the text of the other.

    A board may give the employer's legal owner ("Stichting Zorgcombinatie
    Ziekenhuis") where the text names the employer as it is known
    ("Bodegravens Ziekenhuis is op zoek naar ..."). Only telling names count
    (``telling``, per posting; see :func:`_telling_name`).
    """
    found = np.zeros(len(left), dtype=bool)
    for this, that in ((left, right), (right, left)):
        ask = np.flatnonzero(telling[this] & ~found)
        found[ask] = [
            _holds_words(text, name)
            for name, text in zip(employers[this[ask]], texts[that[ask]], strict=True)
        ]
    return found


def _text_names_the_other_title(
    titles: np.ndarray, texts: np.ndarray, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Tell which pairs have a text that names the other's title, not its own."""

    def names(text: str, other: str, own: str) -> bool:
        return _holds_words(text, other) and not _holds_words(text, own)

    return np.array(
        [
            names(tb, a, b) or names(ta, b, a)
            for a, b, ta, tb in zip(
                titles[left], titles[right], texts[left], texts[right], strict=True
            )
        ],
        dtype=bool,
    )


@dataclass(frozen=True)
class _EmployerNames:
    """The distinct employer names of a run, read once for every pair.

    ``code`` is the name of each posting as a number (-1: none); ``texts`` and
    ``cores`` (without kinds of business) are per name; ``initials`` holds,
    as ``i * len(texts) + j``, the pairs of names where a short word of name
    ``i`` spells the initials of a run of words of name ``j``.
    """

    code: np.ndarray
    texts: np.ndarray
    cores: np.ndarray
    initials: np.ndarray

    @classmethod
    def of(cls, employer_keys: pd.Series) -> _EmployerNames:
        codes, uniques = pd.factorize(employer_keys)
        texts = np.asarray(uniques, dtype=object)
        codes = np.where(texts[codes] == "", -1, codes) if len(texts) else codes
        words = [str(t).split() for t in texts]
        cores = np.array(
            [
                " ".join(w for w in ws if w not in _EMPLOYER_KINDS) or "-"
                for ws in words
            ],
            dtype=object,
        )
        short_rows, run_rows = [], []
        for index, ws in enumerate(words):
            without_kinds = [w for w in ws if w not in _EMPLOYER_KINDS]
            # An acronym's words give their first letters in its order, so
            # those letters are one of its subsequences that keep its first.
            # Only a name that is one short word ("gvb", "ind") is read so;
            # the short words of longer names, whole, as their initials.
            alone = len(without_kinds) == 1 and len(without_kinds[0]) <= 4
            short_rows += [
                (index, w[0] + "".join(rest))
                for w in ws
                if 1 < len(w) <= _ACRONYM_MAX and w not in _NAME_PARTICLES
                for size in (range(1, len(w)) if alone else (len(w) - 1,))
                for rest in itertools.combinations(w[1:], size)
            ]
            for kept in (ws, without_kinds) if len(without_kinds) < len(ws) else (ws,):
                letters = "".join(w[0] for w in kept)
                run_rows += [
                    (index, letters[start:stop])
                    for start in range(len(letters))
                    for stop in range(start + 2, min(start + 6, len(letters)) + 1)
                ]
        initials = np.empty(0, dtype=np.int64)
        if short_rows and run_rows:
            shorts = pd.DataFrame(short_rows, columns=["s", "token"])
            runs = pd.DataFrame(run_rows, columns=["r", "token"]).drop_duplicates()
            joined = shorts.merge(runs, on="token")
            s_code = joined["s"].to_numpy(np.int64)
            r_code = joined["r"].to_numpy(np.int64)
            n = len(texts)
            initials = np.concatenate([s_code * n + r_code, r_code * n + s_code])
        # Names that differ only in their spaces.
        joined = pd.Series([t.replace(" ", "") for t in texts], dtype=object)
        same = joined.duplicated(keep=False).to_numpy()
        if same.any():
            rows = pd.DataFrame(
                {"j": joined[same].to_numpy(), "i": np.flatnonzero(same)}
            )
            pairs = rows.merge(rows, on="j")
            initials = np.concatenate(
                [
                    initials,
                    pairs["i_x"].to_numpy(np.int64) * len(texts)
                    + pairs["i_y"].to_numpy(np.int64),
                ]
            )
        initials = np.unique(initials)
        return cls(np.asarray(codes), texts, cores, initials)


def _sorted_contains(sorted_values: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Whether each of ``values`` is in the sorted, unique ``sorted_values``."""
    if len(sorted_values) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_values, values)
    return sorted_values[np.minimum(at, len(sorted_values) - 1)] == values


def _employer_similarity(
    names: _EmployerNames, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Compare the names of two known employers, once per distinct pair.

    Names that share words and differ in the rest are compared on the rest;
    initials match the words they abbreviate.
    """
    if len(left) == 0:
        return np.empty(0, dtype=np.float32)
    n = len(names.texts)
    pair_code, pairs = pd.factorize(
        names.code[left].astype(np.int64) * n + names.code[right]
    )
    a, b = pairs // n, pairs % n
    texts, cores = names.texts, names.cores
    values = (
        process.cpdist(
            list(texts[a]), list(texts[b]), scorer=fuzz.token_set_ratio, dtype=np.uint8
        ).astype(np.float32)
        / 100.0
    )
    # The finer reading of _employer can change the answer only where the
    # names read alike already, their words without kinds of business nest,
    # or a word of one may be the initials of words of the other.
    nested = (
        process.cpdist(
            list(cores[a]), list(cores[b]), scorer=fuzz.token_set_ratio, dtype=np.uint8
        )
        >= 88
    )
    maybe = nested | (values >= 0.88) | _sorted_contains(names.initials, pairs)
    for i in np.flatnonzero(maybe):
        values[i] = _employer(texts[a[i]], texts[b[i]])
    return values[pair_code]


def _compound_forms(title: str) -> tuple[str, str]:
    words = title.split()
    joined = "".join(words)
    # The last two words may be a compound written apart in either order
    # ("senior planner transport", "senior transportplanner").
    if len(words) < 2:
        return joined, joined
    return joined, "".join([*words[:-2], words[-1], words[-2]])


def _compound_columns(titles: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return each title's words joined, and its two words turned round."""
    codes, uniques = pd.factorize(titles)
    forms = [_compound_forms(t) for t in uniques]
    joined = np.array([f[0] for f in forms] or [""], dtype=object)
    turned = np.array([f[1] for f in forms] or [""], dtype=object)
    return joined[codes], turned[codes]


def _compound_similarity(
    joined: np.ndarray,
    turned: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    workers: int,
) -> np.ndarray:
    """Compare titles as compounds: words joined, the last two in either order.

    Dutch writes one job as a compound or apart ("productiemedewerker",
    "productie medewerker") and boards turn a compound round ("monteur
    onderhoud", "onderhoudsmonteur", where only the linking s differs). The
    best ratio of the joined forms is the similarity; qualifiers and
    discriminating words are checked apart.
    """
    if len(left) == 0:
        return np.empty(0, dtype=np.float32)
    best = _similarity(joined[left], joined[right], fuzz.ratio, workers)
    for a, b in ((turned[left], joined[right]), (joined[left], turned[right])):
        best = np.maximum(best, _similarity(a, b, fuzz.ratio, workers))
    return best


def _codes(column: pd.Series) -> np.ndarray:
    """Return integer codes of a text column; -1 for an empty value."""
    codes, uniques = pd.factorize(column)
    empty = np.flatnonzero(np.asarray(uniques, dtype=object) == "")
    if len(empty):
        codes = np.where(codes == empty[0], -1, codes)
    return codes


def _description_prefix_similarity(
    prefixes: np.ndarray,
    lengths: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    workers: int,
) -> np.ndarray:
    a = prefixes[left]
    b = prefixes[right]
    shorter = np.minimum(lengths[left], lengths[right])
    cut = np.flatnonzero(shorter < np.maximum(lengths[left], lengths[right]))
    # A truncated copy keeps the start of the text: compare equal lengths.
    if len(cut):
        a = a.copy()
        b = b.copy()
        a[cut] = [t[:n] for t, n in zip(a[cut], shorter[cut], strict=True)]
        b[cut] = [t[:n] for t, n in zip(b[cut], shorter[cut], strict=True)]
    similarity = _similarity(a, b, fuzz.ratio, workers)
    similarity[shorter < 40] = np.nan
    return similarity


def _terms(
    features: pd.DataFrame, left: np.ndarray, right: np.ndarray, config: DedupeConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return agreement of hours and of salary (NaN: unknown) and a conflict flag.

    Copies of one vacancy repeat its numbers, so agreement falls with the
    difference between the ends of the two ranges; ranges that do not even
    overlap within the tolerance are a conflict.
    """
    values = []
    conflict = np.zeros(len(left), dtype=bool)
    period = features["salary_period"].to_numpy()
    same_period = period[left] == period[right]
    for field, tolerance, relative in (
        ("hours", config.hours_tolerance, False),
        ("salary", config.salary_tolerance, True),
    ):
        lo = features[f"{field}_min"].to_numpy(float)
        hi = features[f"{field}_max"].to_numpy(float)
        given = features[f"{field}_ends"].to_numpy()
        given_lo = np.where(given & 1, lo, np.nan)
        given_hi = np.where(given & 2, hi, np.nan)
        # One end given is a range open at the other ("vanaf 28 uur", "tot
        # 3.720"): ranges conflict only when they cannot overlap.
        open_lo = np.where(given & 1, lo, np.where(given & 2, -np.inf, np.nan))
        open_hi = np.where(given & 2, hi, np.where(given & 1, np.inf, np.nan))
        gap = np.maximum(open_lo[left], open_lo[right]) - np.minimum(
            open_hi[left], open_hi[right]
        )
        gap = np.maximum(gap, 0.0)
        # A board that shows one end of a range repeats that end: agreement
        # compares the ends both sides give, and is unknown without one.
        ends = np.fmax(
            np.abs(given_lo[left] - given_lo[right]),
            np.abs(given_hi[left] - given_hi[right]),
        )
        if relative:
            base = np.maximum(np.minimum(hi[left], hi[right]), 1.0)
            gap = gap / base
            ends = ends / np.maximum(np.minimum(lo[left], lo[right]), 1.0)
            # Amounts converted between periods differ by the rounding of the
            # hours in a month; amounts in one period should be equal.
            exact = np.where(same_period, 0.005, 0.06)
            slack = np.where(same_period, config.salary_slack, tolerance)
            agree = 1.0 - (ends - exact) / (slack - exact)
        else:
            agree = 1.0 - ends / config.hours_slack
        known = ~np.isnan(gap)
        values.append(
            np.where(known & ~np.isnan(ends), np.clip(agree, 0.0, 1.0), np.nan)
        )
        conflict |= known & (gap > tolerance)
    return values[0], values[1], conflict


@dataclass(frozen=True)
class ScoreContext:
    """What scoring reads per posting, computed once for a run's features.

    ``codes`` holds one array per posting (fields as numbers, the job of each
    posting and whether one employer posts it in its town); ``names`` the
    run's employer names; ``occupations`` the title occupations in use (None
    when titles are compared as text only).
    """

    codes: dict[str, np.ndarray]
    names: _EmployerNames
    occupations: TitleOccupations | None


def score_context(
    features: pd.DataFrame, occupations: TitleOccupations | None = None
) -> ScoreContext:
    """Read what :func:`score_pairs` needs per posting from ``features``.

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`transforms.dedupe.normalise.normalise_postings`.
    occupations : TitleOccupations, optional
        Title occupations; used only when ``features`` has an ``occupation``
        column.

    Returns
    -------
    ScoreContext
        The per-posting arrays, to pass to every :func:`score_pairs` call on
        the same ``features``.
    """
    codes = {
        column: _codes(features[column])
        for column in (
            "municipality",
            "province",
            "employer_key",
            "title_key",
            *(f"disc_{kind}" for kind in DISCRIMINATOR_KINDS),
        )
    }
    names = _EmployerNames.of(features["employer_key"])
    telling = np.array([_telling_name(str(t)) for t in names.texts] or [False])
    codes["employer_telling"] = (names.code >= 0) & telling[np.maximum(names.code, 0)]
    prefixes = features["description_prefix"].to_numpy()
    codes["prefix_length"] = np.fromiter(
        (len(t) for t in prefixes), dtype=np.int64, count=len(prefixes)
    )
    codes["title_joined"], codes["title_turned"] = _compound_columns(
        features["title_key"]
    )
    codes["title_place_crowd"] = (
        features.groupby(["municipality", "title_key"], sort=False)["title_key"]
        .transform("size")
        .to_numpy(np.int64)
    )
    if occupations is not None and "occupation" in features.columns:
        codes["occupation"] = features["occupation"].to_numpy(np.int32)
    else:
        occupations = None
    codes["job"], codes["sole_employer"] = _jobs_in_place(features, codes)
    # An occupation may have several employers in a town where one title has
    # one ("online marketeer" and "junior online marketeer").
    codes["title_job"], codes["sole_title_employer"] = _jobs_in_place(
        features, codes, by_title=True
    )
    codes["listed_once"] = _listed_once(features, codes, codes["title_key"])
    codes["job_listed_once"] = _listed_once(features, codes, codes["job"])
    return ScoreContext(codes, names, occupations)


def _listed_once(
    features: pd.DataFrame, codes: dict[str, np.ndarray], job: np.ndarray
) -> np.ndarray:
    """Tell which postings' employer, job and municipality no board repeats.

    A chain that posts "vakkenvuller" for each of its stores in one town lists
    that job on a board several times; an employer with one such opening lists
    it once on every board that carries it. ``job`` is a code per posting: its
    title, or its occupation.
    """
    frame = pd.DataFrame(
        {
            "employer": codes["employer_key"],
            "job": job,
            "municipality": codes["municipality"],
            "board": pd.factorize(features["board"])[0],
        }
    )
    per_board = frame.groupby(["employer", "job", "municipality", "board"], sort=False)[
        "board"
    ].transform("size")
    most = (
        per_board.groupby([frame["employer"], frame["job"], frame["municipality"]])
        .transform("max")
        .to_numpy()
    )
    known = (
        (codes["employer_key"] >= 0)
        & (job >= 0)
        & (codes["municipality"] >= 0)
        & ~features["employer_hidden"].to_numpy(bool)
    )
    return known & (most == 1)


def score_pairs(
    features: pd.DataFrame,
    signatures: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    *,
    config: DedupeConfig,
    occupations: TitleOccupations | None = None,
    context: ScoreContext | None = None,
) -> pd.DataFrame:
    """Score pairs of postings and decide which are the same vacancy.

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`transforms.dedupe.normalise.normalise_postings`.
    signatures : numpy.ndarray
        Description signatures, one row per posting.
    left, right : numpy.ndarray
        Row numbers of the pairs.
    config : DedupeConfig
        Weights, thresholds and tolerances.
    occupations : TitleOccupations, optional
        Tells titles that name the same job in other words; needs the
        ``occupation`` column in ``features``. Without it titles are compared
        as text only.
    context : ScoreContext, optional
        :func:`score_context` of the same ``features`` and ``occupations``,
        for callers that score the same postings more than once; computed
        here when not given.

    Returns
    -------
    pandas.DataFrame
        One row per pair: ``left``, ``right``, the similarities ``title``,
        ``employer``, ``place``, ``description``, ``hours`` and ``salary`` (NaN where a
        side lacks the field, or where an earlier veto made the comparison
        pointless), ``synonym`` (the titles name one job in other words),
        ``copied`` (another title over a copied text), ``day_gap``, ``veto``
        (a reason or empty), ``score`` (0 when vetoed) and ``is_match``.
    """
    start = time.perf_counter()
    if context is None:
        context = score_context(features, occupations)
    # Chunks bound the memory of the per-pair arrays at a million postings.
    parts = [
        _score_chunk(
            features,
            context.codes,
            context.names,
            signatures,
            np.asarray(left[i : i + _CHUNK], dtype=np.int64),
            np.asarray(right[i : i + _CHUNK], dtype=np.int64),
            config,
            context.occupations,
        )
        for i in range(0, max(len(left), 1), _CHUNK)
    ]
    scored = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    log.info(
        "score: %s pairs -> %s matches (%s vetoed) in %.1f s",
        f"{len(scored):,}",
        f"{int(scored['is_match'].sum()):,}",
        f"{int((scored['veto'] != '').sum()):,}",
        time.perf_counter() - start,
    )
    return scored


def _jobs_in_place(
    features: pd.DataFrame, codes: dict[str, np.ndarray], *, by_title: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Return a job code per posting and whether one employer names that job.

    The job is the title's occupation where it has one, else its title (its
    title always, with ``by_title``). A posting's job in its municipality has
    a sole employer when exactly one named employer posts it there, whoever
    else hides their name.
    """
    titles = features["title_key"].to_numpy(dtype=object)
    if "occupation" in codes and not by_title:
        occupation = codes["occupation"]
        job_text = np.where(
            occupation >= 0, "o" + occupation.astype(str), "t" + titles.astype(str)
        )
    else:
        job_text = "t" + titles.astype(str)
    job, _ = pd.factorize(job_text)
    municipality = codes["municipality"]
    employer = codes["employer_key"].astype(np.float64)
    named = ~features["employer_hidden"].to_numpy() & (employer >= 0)
    frame = pd.DataFrame(
        {
            "municipality": municipality,
            "job": job,
            "employer": np.where(named, employer, np.nan),
        }
    )
    employers = (
        frame.groupby(["municipality", "job"], sort=False)["employer"]
        .transform("nunique")
        .to_numpy()
    )
    return job.astype(np.int64), (employers == 1) & (municipality >= 0)


def _score_chunk(
    features: pd.DataFrame,
    codes: dict[str, np.ndarray],
    names: _EmployerNames,
    signatures: np.ndarray,
    left: np.ndarray,
    right: np.ndarray,
    config: DedupeConfig,
    occupations: TitleOccupations | None,
) -> pd.DataFrame:
    workers = config.workers
    n = len(left)
    veto = np.full(n, "", dtype=object)

    # Cheap vetoes first, on integer codes; the fuzzy comparisons then run
    # only on the pairs still alive (most candidate pairs die here).
    discriminator_conflict = np.zeros(n, dtype=bool)
    one_sided = np.zeros(n, dtype=np.float32)
    for kind in DISCRIMINATOR_KINDS:
        kind_codes = codes[f"disc_{kind}"]
        a = kind_codes[left]
        b = kind_codes[right]
        discriminator_conflict |= (a >= 0) & (b >= 0) & (a != b)
        one_sided += (a >= 0) != (b >= 0)

    municipality = codes["municipality"]
    known_place = features["place_known"].to_numpy()
    remote = features["is_remote"].to_numpy()
    place = np.full(n, np.nan, dtype=np.float32)
    both_known = known_place[left] & known_place[right]
    place[both_known] = (
        municipality[left[both_known]] == municipality[right[both_known]]
    )
    # "Regio Utrecht" names an area around its town: an agency's posting there
    # may be the job another board places in Amersfoort. Within one province
    # such a pair is judged without the place, across provinces it conflicts.
    regional = features["place_regional"].to_numpy(bool)
    province = codes["province"]
    around = (
        (place == 0)
        & (regional[left] | regional[right])
        & (province[left] >= 0)
        & (province[left] == province[right])
    )
    place[around] = np.nan
    place_conflict = both_known & (place == 0) & ~remote[left] & ~remote[right]

    day = features["day"].to_numpy(float)
    day_gap = np.abs(day[left] - day[right])
    hours, salary, terms_conflict = _terms(features, left, right, config)

    employers = features["employer_key"].to_numpy()
    employer_code = codes["employer_key"]
    known_employer = (employer_code[left] >= 0) & (employer_code[right] >= 0)
    same_employer = known_employer & (employer_code[left] == employer_code[right])

    veto[terms_conflict] = "terms"
    veto[day_gap > config.max_date_gap_days] = "date"
    veto[place_conflict] = "place"
    veto[discriminator_conflict] = "discriminator"

    employer = np.full(n, np.nan, dtype=np.float32)
    employer[same_employer] = 1.0
    fuzzy = np.flatnonzero(known_employer & ~same_employer & (veto == ""))
    employer[fuzzy] = _employer_similarity(names, left[fuzzy], right[fuzzy])
    other_name = (
        (veto == "") & known_employer & (employer < config.min_employer_similarity)
    )
    # One text under two names: a board that names the employer otherwise
    # ("IND", "Immigratie- en Naturalisatiedienst") copies its title, place,
    # date and text. Such a pair is judged without the employer.
    titles = features["title_key"].to_numpy()
    renamed = np.flatnonzero(
        other_name
        & (titles[left] == titles[right])
        & (np.nan_to_num(place) == 1.0)
        & (day_gap <= config.date_grace_days)
    )
    if len(renamed):
        copied_text = (
            estimate_jaccard(signatures, left[renamed], right[renamed])
            >= config.renamed_min_jaccard
        )
        renamed = renamed[copied_text]
        renamed = renamed[~_share_a_name_word(employers, left[renamed], right[renamed])]
        other_name[renamed] = False
        employer[renamed] = np.nan
    # A legal owner's name ("Berg Holding B.V.") stands for whatever brand it
    # trades under: beside another name it is judged without the employer,
    # once the texts agree.
    owner = features["employer_owner"].to_numpy(bool)
    owned = np.flatnonzero(
        other_name
        & (owner[left] | owner[right])
        & (np.nan_to_num(place) == 1.0)
        & (day_gap <= config.date_grace_days)
    )
    owned = owned[
        estimate_jaccard(signatures, left[owned], right[owned])
        >= config.owner_min_jaccard
    ]
    other_name[owned] = False
    employer[owned] = np.nan
    # A text that names the other posting's employer is that employer's.
    # Only for one job by title or occupation: the texts are read per pair.
    one_job = codes["title_key"][left] == codes["title_key"][right]
    if "occupation" in codes:
        occupation = codes["occupation"]
        one_job |= (occupation[left] >= 0) & (occupation[left] == occupation[right])
    named = np.flatnonzero(
        other_name
        & one_job
        & (np.nan_to_num(place) == 1.0)
        & (day_gap <= config.date_grace_days)
    )
    if len(named):
        named = named[
            estimate_jaccard(signatures, left[named], right[named])
            >= config.named_min_jaccard
        ]
        named = named[
            _named_in_text(
                employers,
                codes["employer_telling"],
                features["description_prefix"].to_numpy(),
                left[named],
                right[named],
            )
        ]
        other_name[named] = False
        employer[named] = 1.0
    veto[other_name] = "employer"

    alive = np.flatnonzero(veto == "")
    # Blocks share titles: a title equal to the other is as alike as can be,
    # and only the others are compared.
    title_code = codes["title_key"]
    same_title = (title_code[left] >= 0) & (title_code[left] == title_code[right])
    title = np.full(n, np.nan, dtype=np.float32)
    title[alive] = 1.0
    differ = alive[~same_title[alive]]
    a, b = left[differ], right[differ]
    title[differ] = np.maximum(
        _similarity(titles[a], titles[b], fuzz.token_sort_ratio, workers),
        0.9 * _similarity(titles[a], titles[b], fuzz.token_set_ratio, workers),
    )
    title[differ] = np.maximum(
        title[differ],
        _compound_similarity(
            codes["title_joined"], codes["title_turned"], a, b, workers
        ),
    )
    low_title = np.zeros(n, dtype=bool)
    low_title[alive] = title[alive] < config.min_title_similarity_with_description

    # A retitled copy is one employer's job in one place, posted within the
    # date grace with every known term repeated; its title may then differ
    # when the titles name one occupation in other words (synonym), or when
    # the board copied the text itself (copied).
    agreement = config.retitled_min_agreement
    both_terms = ~np.isnan(hours) & ~np.isnan(salary)
    # A hidden employer cannot agree; both terms repeated must do instead.
    employer_agrees = (np.nan_to_num(employer) >= config.min_employer_similarity) | (
        np.isnan(employer) & both_terms
    )
    retitled_gate = alive[
        employer_agrees[alive]
        & (np.nan_to_num(place[alive]) == 1.0)
        & (day_gap[alive] <= config.date_grace_days)
        & ~(hours[alive] < agreement)
        & ~(salary[alive] < agreement)
    ]
    copied = np.zeros(n, dtype=bool)
    maybe = retitled_gate[low_title[retitled_gate]]
    copied[maybe] = (
        estimate_jaccard(signatures, left[maybe], right[maybe])
        >= config.copy_min_jaccard
    )

    # Equal titles have no words apart to compare.
    compared = alive[(~low_title[alive] | copied[alive]) & ~same_title[alive]]
    odd_qualifier = np.zeros(n, dtype=bool)
    odd_qualifier[compared] = (
        _qualifier_similarity(titles, title_code, left[compared], right[compared])
        < config.min_qualifier_similarity
    )
    synonym = np.zeros(n, dtype=bool)
    if occupations is not None:
        occupation = codes["occupation"]
        a, b = left[retitled_gate], right[retitled_gate]
        asked = retitled_gate[
            (
                (title[retitled_gate] < config.min_title_similarity)
                | odd_qualifier[retitled_gate]
            )
            & (occupation[a] >= 0)
            & (occupation[a] == occupation[b])
        ]
        synonym[asked] = occupations.same_job(titles[left[asked]], titles[right[asked]])
    # Other words in the titles over one copied text that names the other
    # title and not its own: a board retitled the job ("medewerker
    # groenvoorziening" over "als medewerker buitendienst bij ...").
    requalified = np.zeros(n, dtype=bool)
    maybe = retitled_gate[odd_qualifier[retitled_gate] & ~synonym[retitled_gate]]
    maybe = maybe[
        _text_names_the_other_title(
            titles, features["description_prefix"].to_numpy(), left[maybe], right[maybe]
        )
    ]
    requalified[maybe] = (
        estimate_jaccard(signatures, left[maybe], right[maybe])
        >= config.requalified_min_jaccard
    )
    copied &= ~synonym
    veto[low_title & ~synonym & ~copied] = "title"
    veto[odd_qualifier & ~synonym & ~requalified] = "qualifier"
    copied &= veto == ""

    alive = np.flatnonzero(veto == "")
    a, b = left[alive], right[alive]
    place_keys = features["place_key"].to_numpy()
    loose = alive[
        ~both_known[alive]
        & (place_keys[a] != "")
        & (place_keys[b] != "")
        & ~remote[a]
        & ~remote[b]
    ]
    place[loose] = _similarity(
        place_keys[left[loose]], place_keys[right[loose]], fuzz.ratio, workers
    )
    description = np.full(n, np.nan, dtype=np.float32)
    jaccard = estimate_jaccard(signatures, a, b)
    prefix = _description_prefix_similarity(
        features["description_prefix"].to_numpy(),
        codes["prefix_length"],
        a,
        b,
        workers,
    )
    # Unrelated Dutch texts already share half their characters in order.
    floor = config.description_ratio_floor
    prefix = np.clip((prefix - floor) / (1.0 - floor), 0.0, 1.0)
    description[alive] = np.fmax(jaccard, prefix)
    # Without both terms to agree on, the text must.
    # ... or the employer's one opening of the job in the town, on two boards
    # the same days.
    boards = features["board"].to_numpy()
    job_once = codes["job_listed_once"]
    single_job = (
        job_once[left]
        & job_once[right]
        & (boards[left] != boards[right])
        & (day_gap <= config.date_grace_days)
        & (np.nan_to_num(employer) == 1.0)
    )
    unsure = (
        synonym
        & ~both_terms
        & (description < config.description_confirms)
        & ~(single_job & (config.single_job_min_score <= 1.0))
    )
    veto[unsure] = "title"
    synonym &= ~unsure
    retitled = synonym | copied | (requalified & (veto == ""))

    # A board that retitles a copied text keeps the text: with the employer
    # known on both sides, agreeing descriptions lower the bar for the title.
    title_floor = np.where(
        (np.nan_to_num(description) >= config.description_confirms)
        & (np.nan_to_num(employer) >= config.min_employer_similarity),
        config.min_title_similarity_with_description,
        config.min_title_similarity,
    )
    veto[(veto == "") & ~retitled & (title < title_floor)] = "title"
    title[retitled] = np.fmax(title[retitled], config.retitled_title_similarity)

    span = max(config.max_date_gap_days - config.date_grace_days, 1)
    date_penalty = config.date_penalty * np.clip(
        (np.nan_to_num(day_gap) - config.date_grace_days) / span, 0.0, 1.0
    )
    hidden = features["employer_hidden"].to_numpy()
    either_hidden = hidden[left] | hidden[right]
    # An agency writes its own text around a client's job: when the job's
    # terms are repeated and few postings share its title in its municipality,
    # a text that differs says less. Where many do (an agency's hundred
    # "productiemedewerker" ads in one town), the text must still tell them
    # apart.
    agreement = config.retitled_min_agreement
    same_terms = (
        ~(hours < agreement)
        & ~(salary < agreement)
        & ((hours >= agreement) | (salary >= agreement))
    )
    crowd = codes["title_place_crowd"]
    uncrowded = np.maximum(crowd[left], crowd[right]) <= config.hidden_max_crowd
    description_weight = np.where(
        either_hidden & same_terms & uncrowded,
        config.weight_description_hidden,
        config.weight_description,
    )
    similarities = (
        (title, config.weight_title),
        (employer, config.weight_employer),
        (place, config.weight_place),
        (description, description_weight),
        (hours, config.weight_hours),
        (salary, config.weight_salary),
    )
    total = np.zeros(n, dtype=np.float64)
    weight = np.zeros(n, dtype=np.float64)
    for value, w in similarities:
        known = ~np.isnan(value)
        total += np.where(known, value * w, 0.0)
        weight += np.where(known, w, 0.0)
    score = total / np.maximum(weight, 1e-9)
    score -= date_penalty + config.one_sided_discriminator_penalty * one_sided
    vetoed = veto != ""
    score = np.where(vetoed, 0.0, np.clip(score, 0.0, 1.0))
    threshold = np.where(
        either_hidden, config.hidden_employer_threshold, config.match_threshold
    )
    # A board lists a vacancy once, unless it was posted again: the same
    # title, employer, place and text, weeks later ("herplaatst"). A repost
    # that scores the usual threshold is as sure a link as a copy on one
    # board can be (the chain guard holds one board's postings to that).
    same_board = boards[left] == boards[right]
    agreement = config.retitled_min_agreement
    repost = (
        same_board
        & ~vetoed
        & (score >= threshold)
        & ~either_hidden
        & (np.nan_to_num(employer) >= config.min_employer_similarity)
        & (np.nan_to_num(title) >= config.repost_min_title)
        & (np.nan_to_num(place) == 1.0)
        & (np.nan_to_num(description) >= config.repost_min_description)
        & ~(hours < agreement)
        & ~(salary < agreement)
    )
    score = np.where(repost, np.maximum(score, config.same_board_threshold), score)
    threshold = np.where(
        same_board, np.maximum(threshold, config.same_board_threshold), threshold
    )
    # An agency that hides its client in a town where one employer posts
    # that job, the same days, is that employer's copy: nobody else names it.
    # Its hours and pay, where both sides give them, must still agree (an
    # agency's own job next door pays otherwise), its text must keep a few of
    # the employer's words (an agency's job for another client is its own
    # text throughout), and the pair must score something without the
    # employer. Known shortcoming: an agency's job for a client who does not
    # post it, in a town where one other employer posts the same job on the
    # same terms in like words, is joined to that employer; and an agency
    # that rewrites every word of the employer's text is not.
    named_side = np.where(hidden[left], right, left)
    agency_copy = (
        ~vetoed
        & (score >= config.sole_employer_min_score)
        & (hidden[left] != hidden[right])
        & (boards[left] != boards[right])
        & (np.nan_to_num(title) >= config.sole_employer_min_title)
        & (np.nan_to_num(place) == 1.0)
        & (day_gap <= config.agency_max_gap_days)
        & uncrowded
    )
    sole = (
        agency_copy
        & ~(hours < config.sole_employer_min_hours)
        & ~(salary < config.sole_employer_min_salary)
        & ~(description < config.sole_employer_min_description)
        & (
            (
                codes["sole_employer"][named_side]
                & (codes["job"][left] == codes["job"][right])
            )
            | (
                codes["sole_title_employer"][named_side]
                & (codes["title_job"][left] == codes["title_job"][right])
            )
        )
    )
    # One employer's job in one town, which no board lists twice, carried by
    # two boards the same days is one vacancy, however each board words it
    # (a public board writes its own text around the employer's terms). The
    # terms, where both give them, must agree.
    listed_once = codes["listed_once"]
    single = (
        ~vetoed
        & (score >= config.single_job_min_score)
        & same_employer
        & (
            (same_title & listed_once[left] & listed_once[right])
            | (synonym & single_job)
        )
        & (np.nan_to_num(place) == 1.0)
        & (boards[left] != boards[right])
        & (day_gap <= config.date_grace_days)
        & ~(hours < agreement)
        & ~(salary < agreement)
    )
    score = np.where(single, np.maximum(score, threshold), score)
    # Where several employers post the job, the agency repeats the terms of
    # the one it works for: both hours and pay given and agreeing pick it
    # (and only its best links are kept).
    same_terms = (
        agency_copy
        & (hours >= config.agency_terms_agreement)
        & (salary >= config.agency_terms_agreement)
    )
    score = np.where(sole | same_terms, np.maximum(score, threshold), score)
    is_match = ~vetoed & (score >= threshold)
    return pd.DataFrame(
        {
            "left": left,
            "right": right,
            "title": title,
            "employer": employer,
            "place": place,
            "description": description,
            "synonym": synonym,
            "copied": copied,
            "hours": hours.astype(np.float32),
            "salary": salary.astype(np.float32),
            "day_gap": day_gap.astype(np.float32),
            "veto": pd.Categorical(veto, categories=_VETOES),
            "score": score.astype(np.float32),
            "is_match": is_match,
        }
    )
