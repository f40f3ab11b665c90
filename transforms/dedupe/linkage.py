"""Run the stages in order: normalise, sign, block, score, cluster, name."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from transforms.dedupe.block import BlockStats, block_pairs
from transforms.dedupe.cluster import PairScorer, cluster_pairs, vacancy_ids
from transforms.dedupe.config import DedupeConfig
from transforms.dedupe.minhash import description_signatures
from transforms.dedupe.normalise import normalise_postings
from transforms.dedupe.occupation import default_title_occupations
from transforms.dedupe.score import ScoreContext, score_context, score_pairs

__all__ = ["REQUIRED_COLUMNS", "DedupeReport", "dedupe_postings", "match_postings"]

log = logging.getLogger(__name__)

#: Columns dedupe cannot work without.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "posting_id",
    "board",
    "title",
    "employer",
    "location",
    "description",
    "date_posted",
)


@dataclass
class DedupeReport:
    """What one dedupe run did: seconds per stage and counts.

    Attributes
    ----------
    seconds : dict of str to float
        Wall time per stage.
    postings, pairs, matches, vacancies : int
        Postings in, candidate pairs, matched pairs and vacancies out.
    blocks : BlockStats or None
        Pairs per blocking key and what the cap on block size skipped.
    cluster : dict of str to int
        Components checked and split by the chain guard.
    """

    seconds: dict[str, float] = field(default_factory=dict)
    postings: int = 0
    pairs: int = 0
    matches: int = 0
    vacancies: int = 0
    blocks: BlockStats | None = None
    cluster: dict[str, int] = field(default_factory=dict)


def _check_columns(postings: pd.DataFrame) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in postings.columns]
    if missing:
        raise ValueError(f"postings lack columns: {', '.join(missing)}")
    if postings["posting_id"].duplicated().any():
        raise ValueError("posting_id is not unique")


def _link(
    postings: pd.DataFrame,
    config: DedupeConfig,
    report: DedupeReport,
    pair_filter: np.ndarray | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, PairScorer]:
    """Return features, the scored matching pairs and a scorer of more pairs."""
    clock = time.perf_counter()
    features = normalise_postings(
        postings,
        description_prefix_chars=config.description_prefix_chars,
        monthly_salary_range=config.monthly_salary_range,
    )
    report.seconds["normalise"] = time.perf_counter() - clock

    clock = time.perf_counter()
    occupations = (
        default_title_occupations(
            min_score=config.occupation_min_score,
            min_qualifier_similarity=config.min_qualifier_similarity,
        )
        if config.use_occupations
        else None
    )
    if occupations is not None:
        features["occupation"] = occupations.codes(features["title_key"].to_numpy())
    report.seconds["occupation"] = time.perf_counter() - clock

    clock = time.perf_counter()
    signatures, _ = description_signatures(
        postings["description"].to_numpy(),
        bins=config.minhash_bins,
        shingle_words=config.shingle_words,
        max_words=config.description_words,
    )
    report.seconds["minhash"] = time.perf_counter() - clock
    log.info(
        "minhash: %s descriptions -> %s-bin signatures in %.1f s",
        f"{len(features):,}",
        config.minhash_bins,
        report.seconds["minhash"],
    )

    clock = time.perf_counter()
    left, right, stats = block_pairs(
        features,
        signatures,
        max_block_size=config.max_block_size,
        window=config.block_window,
        lsh_bands=config.lsh_bands,
        neighbourhood_window=config.neighbourhood_window,
        pair_filter=pair_filter,
    )
    report.seconds["block"] = time.perf_counter() - clock
    report.blocks = stats
    report.pairs = len(left)

    clock = time.perf_counter()
    context = score_context(features, occupations)
    scored = score_pairs(
        features, signatures, left, right, config=config, context=context
    )
    report.seconds["score"] = time.perf_counter() - clock
    matches = scored[scored["is_match"].to_numpy()]
    matches = _best_links_of_hidden(
        matches, features["employer_hidden"].to_numpy(), config.hidden_margin
    )
    report.matches = len(matches)
    return features, matches, _scorer(features, signatures, config, context)


def _best_links_of_hidden(
    matches: pd.DataFrame, hidden: np.ndarray, margin: float
) -> pd.DataFrame:
    """Keep only the best links of a posting that hides its employer.

    Such a posting can match the same job at several employers in one town;
    it belongs to one of them, so links to named employers more than
    ``margin`` below its best one are dropped.
    """
    left = matches["left"].to_numpy()
    right = matches["right"].to_numpy()
    score = matches["score"].to_numpy()
    to_named = hidden[left] != hidden[right]
    if not to_named.any():
        return matches
    hidden_end = np.where(hidden[left], left, right)
    frame = pd.DataFrame({"end": hidden_end[to_named], "score": score[to_named]})
    best = frame.groupby("end")["score"].transform("max").to_numpy()
    keep = np.ones(len(matches), dtype=bool)
    keep[np.flatnonzero(to_named)] = score[to_named] >= best - margin
    return matches[keep]


def _scorer(
    features: pd.DataFrame,
    signatures: np.ndarray,
    config: DedupeConfig,
    context: ScoreContext,
) -> PairScorer:

    def score(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # Chain checks score many pairs; keep their logs out of the run's.
        logger = logging.getLogger("transforms.dedupe.score")
        level = logger.level
        logger.setLevel(max(level, logging.WARNING))
        try:
            scored = score_pairs(
                features,
                signatures,
                left,
                right,
                config=config,
                context=context,
            )
        finally:
            logger.setLevel(level)
        return scored["score"].to_numpy(), scored["is_match"].to_numpy()

    return score


def dedupe_postings(
    postings: pd.DataFrame,
    *,
    config: DedupeConfig | None = None,
    report: DedupeReport | None = None,
) -> pd.DataFrame:
    """Group postings of the same job across boards into vacancies.

    Parameters
    ----------
    postings : pandas.DataFrame
        Postings with the contract's columns (at least
        :data:`REQUIRED_COLUMNS`), optionally ``source_type`` (employer, board,
        agency or aggregator; missing means board). ``posting_id`` is unique.
    config : DedupeConfig, optional
        Thresholds and weights; the defaults when not given.
    report : DedupeReport, optional
        Filled with the time per stage and the counts, when given.

    Returns
    -------
    pandas.DataFrame
        ``posting_id`` and ``cluster_id``, one row per input posting in input
        order. A cluster's id is ``"v"`` and 16 hex digits of a hash of its
        smallest posting id, so the same input gives the same ids.

    Raises
    ------
    ValueError
        When a required column is missing or a posting id repeats.

    Examples
    --------
    An empty frame gives an empty assignment:

    >>> dedupe_postings(pd.DataFrame(columns=list(REQUIRED_COLUMNS))).shape
    (0, 2)
    """
    config = config or DedupeConfig()
    report = report if report is not None else DedupeReport()
    _check_columns(postings)
    start = time.perf_counter()
    report.postings = len(postings)
    if len(postings) == 0:
        return pd.DataFrame({"posting_id": [], "cluster_id": []}, dtype=object)
    # Work in posting id order, so the row order of the input changes nothing
    # (ties in capped blocks and in chain splits are broken by row number).
    order = np.argsort(postings["posting_id"].astype(str).to_numpy(), kind="stable")
    features, matches, scorer = _link(postings.iloc[order], config, report)

    clock = time.perf_counter()
    labels, report.cluster = cluster_pairs(
        len(features),
        matches["left"].to_numpy(),
        matches["right"].to_numpy(),
        matches["score"].to_numpy(),
        features["board"].to_numpy(),
        scorer,
        config=config,
    )
    ids = vacancy_ids(features["posting_id"], labels)
    report.seconds["cluster"] = time.perf_counter() - clock
    report.vacancies = int(pd.unique(ids).size)
    report.seconds["total"] = time.perf_counter() - start
    log.info(
        "dedupe: %s postings -> %s vacancies in %.1f s",
        f"{report.postings:,}",
        f"{report.vacancies:,}",
        report.seconds["total"],
    )
    restored = np.empty(len(ids), dtype=object)
    restored[order] = ids
    return pd.DataFrame(
        {
            "posting_id": postings["posting_id"].astype(str).to_numpy(),
            "cluster_id": restored,
        }
    )


def match_postings(
    new: pd.DataFrame,
    existing: pd.DataFrame,
    *,
    config: DedupeConfig | None = None,
    report: DedupeReport | None = None,
) -> pd.DataFrame:
    """Assign a night's new postings to open vacancies or to new ones.

    New postings are compared with each other and with the postings of the
    open vacancies (never old with old). A group of new postings that matches
    an open vacancy takes that vacancy's id (the vacancy it matches best when
    it matches several; open vacancies are never merged, so their ids stay).
    Other groups get a new id made the same way as in :func:`dedupe_postings`.

    Parameters
    ----------
    new : pandas.DataFrame
        Postings first seen tonight, with the contract's columns.
    existing : pandas.DataFrame
        Postings of the open vacancies with a ``vacancy_id`` column.
    config : DedupeConfig, optional
        Thresholds and weights; the defaults when not given.
    report : DedupeReport, optional
        Filled with the time per stage and the counts, when given.

    Returns
    -------
    pandas.DataFrame
        ``posting_id`` and ``vacancy_id`` for every posting in ``new``, in its
        order. A posting already in ``existing`` keeps its vacancy.
    """
    config = config or DedupeConfig()
    report = report if report is not None else DedupeReport()
    _check_columns(new)
    if "vacancy_id" not in existing.columns:
        raise ValueError("existing postings lack column: vacancy_id")
    start = time.perf_counter()
    known = existing.set_index(existing["posting_id"].astype(str))["vacancy_id"]
    new_ids = new["posting_id"].astype(str)
    seen = new_ids.isin(known.index).to_numpy()
    fresh = new[~seen]
    fresh = fresh.iloc[
        np.argsort(fresh["posting_id"].astype(str).to_numpy(), kind="stable")
    ]
    existing = existing.iloc[
        np.argsort(existing["posting_id"].astype(str).to_numpy(), kind="stable")
    ]
    if len(fresh) == 0:
        return pd.DataFrame(
            {
                "posting_id": new_ids.to_numpy(),
                "vacancy_id": known.reindex(new_ids).to_numpy(),
            }
        )
    common = [c for c in fresh.columns if c in existing.columns and c != "vacancy_id"]
    combined = pd.concat([fresh[common], existing[common]], ignore_index=True)
    n_new = len(fresh)
    is_new = np.zeros(len(combined), dtype=bool)
    is_new[:n_new] = True
    report.postings = len(combined)
    features, matches, scorer = _link(combined, config, report, pair_filter=is_new)

    clock = time.perf_counter()
    left = matches["left"].to_numpy()
    right = matches["right"].to_numpy()
    both_new = is_new[left] & is_new[right]
    labels, report.cluster = cluster_pairs(
        n_new,
        left[both_new],
        right[both_new],
        matches["score"].to_numpy()[both_new],
        features["board"].to_numpy()[:n_new],
        scorer,
        config=config,
    )
    # Links to open vacancies: the new row, the vacancy and the score.
    cross = ~both_new
    new_row = np.where(is_new[left[cross]], left[cross], right[cross])
    old_row = np.where(is_new[left[cross]], right[cross], left[cross])
    vacancy_of_row = existing["vacancy_id"].astype(str).to_numpy()
    votes = pd.DataFrame(
        {
            "group": labels[new_row],
            "vacancy_id": vacancy_of_row[old_row - n_new],
            "score": matches["score"].to_numpy()[cross],
        }
    )
    chosen = (
        votes.groupby(["group", "vacancy_id"], sort=True)["score"]
        .agg(["sum", "max"])
        .reset_index()
        .sort_values(
            ["group", "sum", "max", "vacancy_id"], ascending=[True, False, False, True]
        )
        .drop_duplicates("group")
        .set_index("group")["vacancy_id"]
    )
    made = vacancy_ids(features["posting_id"].iloc[:n_new], labels)
    matched = pd.Series(labels).map(chosen).to_numpy()
    assigned = np.where(pd.isna(matched), made, matched)
    report.seconds["cluster"] = time.perf_counter() - clock

    result = known.reindex(new_ids).to_numpy(dtype=object, copy=True)
    by_id = pd.Series(assigned, index=fresh["posting_id"].astype(str).to_numpy())
    result[~seen] = by_id.reindex(new_ids[~seen]).to_numpy()
    report.vacancies = int(pd.unique(result).size)
    report.seconds["total"] = time.perf_counter() - start
    log.info(
        "match: %s new postings -> %s joined open vacancies, %s new vacancies "
        "in %.1f s",
        f"{len(new):,}",
        f"{int((~pd.isna(matched)).sum()) + int(seen.sum()):,}",
        f"{pd.unique(made[pd.isna(matched)]).size:,}",
        report.seconds["total"],
    )
    return pd.DataFrame({"posting_id": new_ids.to_numpy(), "vacancy_id": result})
