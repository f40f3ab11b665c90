"""Measure a dedupe result against a labelled truth: pairwise and B-cubed scores."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

__all__ = ["DedupeQuality", "evaluate_clusters"]


@dataclass(frozen=True)
class DedupeQuality:
    """Quality of a predicted grouping of postings.

    Pairwise measures count pairs of postings put in one vacancy; B-cubed
    measures average, over postings, the overlap of a posting's predicted and
    true vacancy, so large clusters do not dominate.

    Attributes
    ----------
    postings : int
        Postings in both the prediction and the truth.
    predicted_vacancies, true_vacancies : int
        Distinct vacancies on each side.
    pair_precision, pair_recall, pair_f1 : float
        Pairwise measures; 1.0 when there are no pairs to get wrong.
    bcubed_precision, bcubed_recall, bcubed_f1 : float
        B-cubed measures.
    """

    postings: int
    predicted_vacancies: int
    true_vacancies: int
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float

    def as_dict(self) -> dict[str, float]:
        """Return the measures as a plain dictionary."""
        return asdict(self)


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def _pairs(sizes: np.ndarray) -> int:
    sizes = sizes.astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def evaluate_clusters(predicted: pd.DataFrame, truth: pd.DataFrame) -> DedupeQuality:
    """Compare predicted vacancies with the true ones.

    Parameters
    ----------
    predicted : pandas.DataFrame
        ``posting_id`` and ``cluster_id`` (or ``vacancy_id``).
    truth : pandas.DataFrame
        ``posting_id`` and ``cluster_id`` or ``vacancy_key``.

    Returns
    -------
    DedupeQuality
        Pairwise and B-cubed precision, recall and F1 over the postings both
        frames share.

    Raises
    ------
    ValueError
        When a frame lacks its columns or shares no posting with the other.

    Examples
    --------
    >>> ids = list("abcd")
    >>> predicted = pd.DataFrame({"posting_id": ids, "cluster_id": list("xxxy")})
    >>> truth = pd.DataFrame({"posting_id": ids, "vacancy_key": list("ppqq")})
    >>> quality = evaluate_clusters(predicted, truth)
    >>> quality.pair_precision, quality.pair_recall
    (0.3333333333333333, 0.5)
    """
    predicted = _labels(predicted, ("cluster_id", "vacancy_id"), "predicted")
    truth = _labels(truth, ("cluster_id", "vacancy_key", "vacancy_id"), "truth")
    joined = predicted.merge(truth, on="posting_id", suffixes=("_p", "_t"))
    if joined.empty:
        raise ValueError("predicted and truth share no posting_id")
    p = pd.factorize(joined["label_p"])[0]
    t = pd.factorize(joined["label_t"])[0]
    predicted_sizes = np.bincount(p)
    true_sizes = np.bincount(t)
    overlap = pd.DataFrame({"p": p, "t": t}).value_counts().to_numpy()

    same_both = _pairs(overlap)
    predicted_pairs = _pairs(predicted_sizes)
    true_pairs = _pairs(true_sizes)
    precision = same_both / predicted_pairs if predicted_pairs else 1.0
    recall = same_both / true_pairs if true_pairs else 1.0

    cell = pd.DataFrame({"p": p, "t": t})
    shared = cell.groupby(["p", "t"])["p"].transform("size").to_numpy()
    b_precision = float(np.mean(shared / predicted_sizes[p]))
    b_recall = float(np.mean(shared / true_sizes[t]))
    return DedupeQuality(
        postings=len(joined),
        predicted_vacancies=len(predicted_sizes),
        true_vacancies=len(true_sizes),
        pair_precision=precision,
        pair_recall=recall,
        pair_f1=_f1(precision, recall),
        bcubed_precision=b_precision,
        bcubed_recall=b_recall,
        bcubed_f1=_f1(b_precision, b_recall),
    )


def _labels(frame: pd.DataFrame, names: tuple[str, ...], what: str) -> pd.DataFrame:
    label = next((n for n in names if n in frame.columns), None)
    if "posting_id" not in frame.columns or label is None:
        raise ValueError(f"{what} needs posting_id and one of {', '.join(names)}")
    result = frame[["posting_id", label]].rename(columns={label: "label"})
    result = result.astype({"posting_id": str, "label": str})
    return result.drop_duplicates("posting_id")
