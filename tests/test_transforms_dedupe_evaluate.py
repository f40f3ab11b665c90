from __future__ import annotations

import pandas as pd
import pytest

from transforms.dedupe.evaluate import evaluate_clusters


def frame(labels: str, column: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"posting_id": [f"p{i}" for i in range(len(labels))], column: list(labels)}
    )


def test_evaluate_clusters_on_a_small_partition():
    # Predicted {0,1,2} {3}; true {0,1} {2,3}.
    # Pairs: predicted 01 02 12, true 01 23, both 01: P = 1/3, R = 1/2.
    # B-cubed per posting (precision, recall): 0 and 1 (2/3, 1), 2 (1/3, 1/2),
    # 3 (1, 1/2): P = (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3, R = 3/4.
    quality = evaluate_clusters(
        frame("aaab", "cluster_id"), frame("xxyy", "vacancy_key")
    )
    assert quality.pair_precision == pytest.approx(1 / 3)
    assert quality.pair_recall == pytest.approx(1 / 2)
    assert quality.pair_f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert quality.bcubed_precision == pytest.approx(2 / 3)
    assert quality.bcubed_recall == pytest.approx(3 / 4)
    assert quality.bcubed_f1 == pytest.approx(2 * (2 / 3) * (3 / 4) / (2 / 3 + 3 / 4))
    assert (quality.predicted_vacancies, quality.true_vacancies) == (2, 2)


def test_evaluate_clusters_when_all_is_merged():
    # One predicted cluster of 4 over true {0,1} {2,3}: 6 pairs, 2 right.
    quality = evaluate_clusters(
        frame("aaaa", "cluster_id"), frame("xxyy", "cluster_id")
    )
    assert quality.pair_precision == pytest.approx(2 / 6)
    assert quality.pair_recall == 1.0
    assert quality.bcubed_precision == pytest.approx(1 / 2)
    assert quality.bcubed_recall == 1.0


def test_evaluate_clusters_with_only_singletons_is_perfect():
    quality = evaluate_clusters(frame("abc", "cluster_id"), frame("xyz", "vacancy_key"))
    assert quality.pair_precision == quality.pair_recall == 1.0
    assert quality.bcubed_f1 == 1.0


def test_evaluate_clusters_ignores_label_names_and_order():
    predicted = frame("qqrr", "cluster_id").iloc[::-1]
    quality = evaluate_clusters(predicted, frame("aabb", "vacancy_key"))
    assert quality.pair_f1 == 1.0


def test_evaluate_clusters_rejects_frames_without_shared_postings():
    truth = frame("ab", "vacancy_key").assign(posting_id=["x", "y"])
    with pytest.raises(ValueError, match="share no posting_id"):
        evaluate_clusters(frame("ab", "cluster_id"), truth)


def test_evaluate_clusters_rejects_a_truth_without_labels():
    with pytest.raises(ValueError, match="truth needs"):
        evaluate_clusters(frame("ab", "cluster_id"), frame("ab", "label"))
