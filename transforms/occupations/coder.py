"""Occupation coding: vacancy titles to ISCO-08 unit groups and ESCO occupations.

The coder runs three named stages on the distinct titles of a frame:

``normalise``
    strip what boards add to a title (:func:`normalise_title`) and turn its
    words into weighted features: known words as they are, compounds split
    into head and modifiers, misspelt words mapped to the nearest known word;
``retrieve``
    find the labels whose features are closest by TF-IDF cosine (a sparse
    matrix product against every label of the taxonomy), with exact label
    matches taken directly;
``rank``
    weigh each candidate by its label type (board vocabulary, preferred,
    alternative, hidden) and by whether it names the same person as the title
    ("monteur" in "Monteur Hoogwerkers", not "glazenwasser hoogwerker"), let
    occupations of the same ISCO unit group back each other up, and abstain
    when the best score is below the threshold. A vague title ("Medewerker",
    "Collega gezocht!") is coded from the occupations its description names
    instead.
"""

from __future__ import annotations

import bisect
import logging
import math
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse

from transforms.occupations.normalise import (
    CompoundSplitter,
    normalise_label,
    normalise_text,
    normalise_title,
    title_words,
    tokenise,
)
from transforms.occupations.taxonomy import Taxonomy, starter_taxonomy

__all__ = [
    "CODED_COLUMNS",
    "DEFAULT_LABEL_WEIGHTS",
    "VAGUE_WORDS",
    "OccupationCoder",
]

log = logging.getLogger(__name__)

#: Columns of :meth:`OccupationCoder.classify`, in order.
CODED_COLUMNS = [
    "id",
    "isco08",
    "esco_uri",
    "occupation_label",
    "score",
    "matched_label",
    "matched_by",
]

#: How much a match on each kind of label counts. ``vocabulary`` labels are the
#: bundled board vocabulary folded into a full taxonomy.
DEFAULT_LABEL_WEIGHTS: Mapping[str, float] = {
    "vocabulary": 1.0,
    "preferred": 0.97,
    "alternative": 0.92,
    "hidden": 0.85,
}

#: Words that alone say nothing about the occupation ("Medewerker").
VAGUE_WORDS = title_words("vague_words")

# A Dutch compound means what its parts say ("klantenservicemedewerker" is a
# "medewerker klantenservice"), so its known parts weigh nearly as much as the
# whole word, the head most. Parts nobody knows only dilute the match.
_WHOLE_WEIGHT = 0.6
_HEAD_WEIGHT = 1.0
_MODIFIER_WEIGHT = 0.8
_UNKNOWN_PART_WEIGHT = 0.3
# Words that decide the unit group whatever else a title says: the school type
# of a teacher ("Docent Engels MBO" teaches vocational education).
_DECISIVE_WORDS = title_words("decisive_words")
_DECISIVE_WEIGHT = 2.0
_LEADING_PARTS = title_words("leading_parts")
# Lowest score at which a title of vague words only is coded.
_VAGUE_FLOOR = 0.8
# An unknown word weighs in a title's length at this share of the rarest word.
_UNKNOWN_WEIGHT = 0.5
_DESCRIPTION_NGRAM = 4
# How alike a vocabulary label and a taxonomy label must read to be one occupation.
_TARGET_SIMILARITY = 85
_PLURAL_ENDINGS = ("en", "s", "n")
# Words with an agent ending that name no person.
_NOT_ROLES = title_words("not_roles")


@dataclass
class _Match:
    label: int
    score: float
    matched_by: str


class OccupationCoder:
    """Code vacancy titles to ISCO-08 unit groups and taxonomy occupations.

    Parameters
    ----------
    taxonomy : Taxonomy
        The occupations to code to: ESCO, or the bundled starter taxonomy.
    threshold : float
        Lowest score (0 to 1) at which the coder answers; below it abstains.
    vocabulary : Taxonomy, optional
        Titles as boards write them, folded into ``taxonomy``: each of its
        occupations lends its labels to the occupation of ``taxonomy`` in the
        same ISCO-08 unit group that matches it best. By default the bundled
        starter taxonomy, unless ``taxonomy`` is the starter taxonomy itself.
    fold_vocabulary : bool
        Set to ``False`` to code with the taxonomy's own labels only.
    label_weights : mapping of str to float, optional
        Weight of a match per label type; see :data:`DEFAULT_LABEL_WEIGHTS`.
    role_penalty : float
        Factor applied to a candidate for each disagreement about the person
        named: the label's person word missing from the title, the title's
        missing from the label; twice when they share only vague words.
    candidates : int
        How many labels the retrieve stage hands to the rank stage.
    group_support : float
        How much other candidates of the same ISCO-08 unit group add to a
        candidate's rank (not to its score).
    fuzzy_cutoff : float
        Lowest similarity (0 to 100) at which an unknown word is read as a
        misspelling of a known one.
    description_chars : int
        How much of a description is read when the title is vague.
    description_below : float
        A title matching with a lower score than this is checked against the
        occupations its description names.
    description_margin : float
        The description's occupation replaces such a title match when it
        scores at most this much lower.

    Examples
    --------
    >>> coder = OccupationCoder(starter_taxonomy())
    >>> frame = pd.DataFrame({"id": [1, 2], "title": ["Wijkverpleegkundige", "xyz"]})
    >>> coder.classify(frame)[["id", "isco08"]].to_dict("records")
    [{'id': 1, 'isco08': '2221'}, {'id': 2, 'isco08': ''}]
    """

    def __init__(
        self,
        taxonomy: Taxonomy,
        *,
        threshold: float = 0.35,
        vocabulary: Taxonomy | None = None,
        fold_vocabulary: bool = True,
        label_weights: Mapping[str, float] | None = None,
        role_penalty: float = 0.75,
        candidates: int = 20,
        group_support: float = 0.05,
        fuzzy_cutoff: float = 88.0,
        description_chars: int = 1500,
        description_below: float = 0.7,
        description_margin: float = 0.15,
    ) -> None:
        started = time.perf_counter()
        self.taxonomy = taxonomy
        self.threshold = threshold
        self.label_weights = dict(label_weights or DEFAULT_LABEL_WEIGHTS)
        self.role_penalty = role_penalty
        self.candidates = candidates
        self.group_support = group_support
        self.fuzzy_cutoff = fuzzy_cutoff
        self.description_chars = description_chars
        self.description_below = description_below
        self.description_margin = description_margin

        labels = _taxonomy_labels(taxonomy)
        if fold_vocabulary:
            if vocabulary is None and not taxonomy.is_starter:
                vocabulary = starter_taxonomy()
            if vocabulary is not None and vocabulary is not taxonomy:
                labels = pd.concat(
                    [labels, _fold_vocabulary(taxonomy, vocabulary, labels)],
                    ignore_index=True,
                )
        labels["weight"] = labels["label_type"].map(self.label_weights).fillna(0.0)
        vague = labels["norm"].map(lambda norm: set(norm.split()) <= VAGUE_WORDS)
        # Labels that read the same once normalised ("student verpleegkundige",
        # "verpleegkundige") are kept once per occupation: the strongest, then
        # the shortest, so that matched_label shows the plainest form.
        labels = (
            labels[~vague]
            .assign(_length=lambda f: f["label"].str.len())
            .sort_values(["weight", "_length"], ascending=[False, True], kind="stable")
            .drop_duplicates(["esco_uri", "norm"])
            .drop(columns="_length")
            .reset_index(drop=True)
        )
        self._labels = labels
        self._label_norm = labels["norm"].to_numpy(dtype=object)
        self._label_weight = labels["weight"].to_numpy(dtype=float)
        self._label_uri = labels["esco_uri"].to_numpy(dtype=object)
        self._label_isco = labels["isco08"].to_numpy(dtype=object)
        self._label_text = labels["label"].to_numpy(dtype=object)
        self._occupation_label = dict(
            zip(
                taxonomy.occupations["esco_uri"],
                taxonomy.occupations["preferred_label"],
                strict=True,
            )
        )
        if vocabulary is not None and fold_vocabulary:
            for uri, label in zip(
                vocabulary.occupations["esco_uri"],
                vocabulary.occupations["preferred_label"],
                strict=True,
            ):
                self._occupation_label.setdefault(uri, label)

        self._vocabulary = sorted(
            {w for norm in self._label_norm for w in norm.split()}
        )
        self._splitter = CompoundSplitter(self._vocabulary)
        self._by_length = sorted(self._vocabulary, key=len)
        self._lengths = [len(word) for word in self._by_length]
        self._word_cache: dict[str, list[tuple[str, float]]] = {}
        self._label_feature_cache: dict[int, dict[str, float]] = {}
        self._build_matrix()
        self._roles = _role_words(labels, self._splitter)
        self._label_roles = [self._head_role(norm) for norm in self._label_norm]
        self._exact: dict[str, list[int]] = defaultdict(list)
        for index, norm in enumerate(self._label_norm):
            self._exact[norm].append(index)
        log.info(
            "coder: %s labels of %s occupations (%s), %s words, ready in %.1f s",
            f"{len(labels):,}",
            f"{labels['esco_uri'].nunique():,}",
            taxonomy.version,
            f"{len(self._vocabulary):,}",
            time.perf_counter() - started,
        )

    # ----------------------------------------------------------------- normalise
    def _word_features(self, word: str) -> list[tuple[str, float]]:
        """Return the weighted features of one word.

        A known word stands for itself and, when it is a compound of known
        words, also for its head and modifiers. An unknown word is split into
        known words if it can be; else read as a misspelling of a known word;
        else split on a known head after an unknown modifier; else kept as an
        unknown feature that only lowers the similarity.
        """
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        features: list[tuple[str, float]] = []
        if word in self._features:
            known = self._compound_features(self._splitter.split_known(word))
            features.append((word, _WHOLE_WEIGHT if known else 1.0))
            features.extend(known)
        else:
            parts = self._splitter.split_known(word)
            similar = None if len(parts) > 1 else self._fuzzy(word)
            if len(parts) > 1:
                features = self._compound_features(parts)
            elif similar is not None:
                features = [
                    (feature, weight * similar[1])
                    for feature, weight in self._word_features(similar[0])
                ]
            else:
                features = self._compound_features(self._splitter.split(word)) or [
                    (word, _UNKNOWN_WEIGHT)
                ]
        self._word_cache[word] = features
        return features

    def _compound_features(self, parts: list[str]) -> list[tuple[str, float]]:
        if len(parts) < 2 or parts[-1] not in self._features:
            return []
        return [(parts[-1], _HEAD_WEIGHT)] + [
            (part, _MODIFIER_WEIGHT if part in self._features else _UNKNOWN_PART_WEIGHT)
            for part in parts[:-1]
        ]

    def _fuzzy(self, word: str) -> tuple[str, float] | None:
        if len(word) < 5:
            return None
        # Only words of about the same length can reach the cutoff.
        share = self.fuzzy_cutoff / 100.0
        shortest = math.ceil(len(word) * share / (2.0 - share))
        longest = math.floor(len(word) * (2.0 - share) / share)
        start = bisect.bisect_left(self._lengths, shortest)
        end = bisect.bisect_right(self._lengths, longest)
        found = process.extractOne(
            word,
            self._by_length[start:end],
            scorer=fuzz.ratio,
            score_cutoff=self.fuzzy_cutoff,
        )
        if found is None:
            return None
        return found[0], found[1] / 100.0

    def _features_of(self, norm: str) -> dict[str, float]:
        features: dict[str, float] = defaultdict(float)
        for word in norm.split():
            for feature, weight in self._word_features(word):
                if feature in _DECISIVE_WORDS:
                    weight *= _DECISIVE_WEIGHT
                features[feature] = max(features[feature], weight)
        return features

    def _head_role(self, norm: str) -> str | None:
        """Return the person word a text is about: its first, or a compound's head.

        Dutch titles name the person first and the domain after ("monteur
        hoogwerkers"), or put the person at the end of a compound
        ("koelmonteur"); leading adjectives name no person.
        """
        for word in norm.split():
            if word in self._roles:
                return word
            for feature, weight in self._word_features(word):
                if weight == _HEAD_WEIGHT and feature in self._roles:
                    return feature
        return None

    def _label_features(self, label: int) -> dict[str, float]:
        cached = self._label_feature_cache.get(label)
        if cached is None:
            cached = self._features_of(self._label_norm[label])
            self._label_feature_cache[label] = cached
        return cached

    def _build_matrix(self) -> None:
        self._features: dict[str, int] = {}
        for word in self._vocabulary:
            self._features[word] = len(self._features)
        rows, cols, values = [], [], []
        for index, norm in enumerate(self._label_norm):
            for feature, weight in self._features_of(norm).items():
                column = self._features.get(feature)
                if column is None:
                    continue
                rows.append(index)
                cols.append(column)
                values.append(weight)
        shape = (len(self._label_norm), len(self._features))
        matrix = sparse.csr_matrix((values, (rows, cols)), shape=shape)
        document_frequency = np.bincount(matrix.indices, minlength=shape[1])
        self._idf = np.log((shape[0] + 1) / (document_frequency + 1)) + 1.0
        self._max_idf = float(self._idf.max()) if len(self._idf) else 1.0
        matrix = matrix @ sparse.diags(self._idf)
        self._matrix_t = _normalise_rows(matrix).T.tocsr()

    def _query(self, norms: list[str]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        norms_sq = np.zeros(len(norms))
        for index, norm in enumerate(norms):
            for feature, weight in self._features_of(norm).items():
                column = self._features.get(feature)
                if column is None:
                    norms_sq[index] += (weight * self._max_idf) ** 2
                    continue
                value = weight * self._idf[column]
                norms_sq[index] += value**2
                rows.append(index)
                cols.append(column)
                values.append(value)
        query = sparse.csr_matrix(
            (values, (rows, cols)), shape=(len(norms), len(self._features))
        )
        lengths = np.sqrt(norms_sq)
        scale = np.divide(1.0, lengths, out=np.zeros_like(lengths), where=lengths > 0)
        return (sparse.diags(scale) @ query).tocsr()

    # ------------------------------------------------------------------ retrieve
    def _retrieve(
        self, norms: list[str], *, chunk: int = 2000
    ) -> list[list[tuple[int, float]]]:
        found: list[list[tuple[int, float]]] = []
        k = self.candidates
        for start in range(0, len(norms), chunk):
            scores = (
                self._query(norms[start : start + chunk]) @ self._matrix_t
            ).tocsr()
            for row in range(scores.shape[0]):
                begin, end = scores.indptr[row], scores.indptr[row + 1]
                data = scores.data[begin:end]
                labels = scores.indices[begin:end]
                if len(data) > k:
                    top = np.argpartition(-data, k)[:k]
                    data, labels = data[top], labels[top]
                found.append(list(zip(labels.tolist(), data.tolist(), strict=True)))
        return found

    # ---------------------------------------------------------------------- rank
    def _rank(
        self,
        norm: str,
        candidates: list[tuple[int, float]],
        matched_by: str,
        *,
        roles: bool = True,
    ) -> _Match | None:
        if not candidates:
            return None
        title_features = self._features_of(norm)
        title_role = self._head_role(norm)
        best_per_occupation: dict[str, tuple[float, int]] = {}
        for label, similarity in candidates:
            score = similarity * self._label_weight[label]
            if roles:
                score *= self._role_agreement(title_features, title_role, label)
            uri = self._label_uri[label]
            if uri not in best_per_occupation or score > best_per_occupation[uri][0]:
                best_per_occupation[uri] = (score, label)
        group_mass: dict[str, float] = defaultdict(float)
        for score, label in best_per_occupation.values():
            group_mass[self._label_isco[label]] += score
        best: tuple[float, float, int] | None = None
        for score, label in best_per_occupation.values():
            support = group_mass[self._label_isco[label]] - score
            key = (score + self.group_support * min(support, 1.0), score, label)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            return None
        return _Match(label=best[2], score=min(1.0, best[1]), matched_by=matched_by)

    def _role_agreement(
        self,
        title_features: Mapping[str, float],
        title_role: str | None,
        label: int,
    ) -> float:
        """Return the factor by which a label's similarity to the title shrinks.

        A label sharing only vague words with the title ("assistent") counts
        twice as a disagreement; a label whose person word the title lacks, and
        a title whose person word the label lacks, count once each.
        """
        label_role = self._label_roles[label]
        label_features = self._label_features(label)
        factor = 1.0
        if not any(
            feature in title_features and feature not in VAGUE_WORDS
            for feature in label_features
        ):
            factor *= self.role_penalty**2
        if label_role is not None and label_role not in title_features:
            factor *= self.role_penalty
        # A vague person word ("medewerker") disagrees with no specific one: the
        # title just does not say which "medewerker".
        vague_title = (
            title_role in VAGUE_WORDS
            and label_role not in VAGUE_WORDS
            and not _leads(label_role)
        )
        if (
            title_role is not None
            and title_role not in label_features
            and not vague_title
        ):
            factor *= self.role_penalty
        return factor

    def _match_titles(self, norms: list[str]) -> list[_Match | None]:
        matches: list[_Match | None] = [None] * len(norms)
        pending: list[int] = []
        for index, norm in enumerate(norms):
            if not norm:
                continue
            exact = self._exact.get(norm)
            found = (
                self._rank(norm, [(i, 1.0) for i in exact], "title") if exact else None
            )
            matches[index] = found
            if found is None or found.score < self._exact_floor:
                pending.append(index)
        if pending:
            retrieved = self._retrieve([norms[i] for i in pending])
            for index, candidates in zip(pending, retrieved, strict=True):
                found = self._rank(norms[index], candidates, "title")
                current = matches[index]
                if found is not None and (
                    current is None or found.score > current.score
                ):
                    matches[index] = found
        # A title of vague words only ("Medewerker", "Manager personeel") is
        # coded when it reads almost exactly as a label, never on a partial match.
        for index, norm in enumerate(norms):
            match = matches[index]
            if match is not None and _is_vague(norm) and match.score < _VAGUE_FLOOR:
                matches[index] = None
        return matches

    @property
    def _exact_floor(self) -> float:
        # An exact match on a hidden label is checked against the near matches.
        return self.label_weights.get("alternative", 0.0)

    def _match_description(self, norm: str, description: str) -> _Match | None:
        words = tokenise(normalise_text(description[: self.description_chars]))
        words = [self._known_form(w) for w in words]
        hits: dict[int, float] = defaultdict(float)
        for start in range(len(words)):
            position_weight = 1.0 / (1.0 + start / 60.0)
            for length in range(1, _DESCRIPTION_NGRAM + 1):
                phrase = " ".join(words[start : start + length])
                for label in self._exact.get(phrase, ()):
                    hits[label] += position_weight
        if not hits:
            return None
        title_words = set(norm.split())
        candidates = []
        for label, weight in hits.items():
            overlap = bool(title_words & set(self._label_norm[label].split()))
            evidence = min(1.0, weight / 2.0)
            candidates.append((label, 0.45 + 0.25 * evidence + 0.15 * overlap))
        return self._rank("", candidates, "description", roles=False)

    def _known_form(self, word: str) -> str:
        if word in self._features:
            return word
        for ending in _PLURAL_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and stem in self._features:
                return stem
        return word

    # ------------------------------------------------------------------ classify
    def classify(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Code each row of ``frame`` to an occupation, or abstain.

        Parameters
        ----------
        frame : pandas.DataFrame
            Columns ``id`` and ``title``; ``company`` and ``description`` are
            used when present.

        Returns
        -------
        pandas.DataFrame
            One row per input row with :data:`CODED_COLUMNS`: ``isco08`` and
            ``esco_uri`` are empty strings where the coder abstains, ``score``
            is the best candidate's score either way, ``matched_label`` the
            label it matched and ``matched_by`` ``title`` or ``description``.
        """
        started = time.perf_counter()
        if frame.empty:
            return pd.DataFrame(columns=CODED_COLUMNS)
        titles = frame["title"].fillna("").astype(str)
        companies = _optional_column(frame, "company")
        descriptions = _optional_column(frame, "description")
        keys = list(zip(titles, companies, strict=True))
        norm_of = {
            key: normalise_title(key[0], company=key[1] or None)
            for key in dict.fromkeys(keys)
        }
        norms = [norm_of[key] for key in keys]
        distinct_norms = list(dict.fromkeys(norms))
        title_match = dict(
            zip(distinct_norms, self._match_titles(distinct_norms), strict=True)
        )

        records = []
        n_description = 0
        for row_id, norm, description in zip(
            frame["id"], norms, descriptions, strict=True
        ):
            match = title_match[norm]
            # A title matched only in part ("Vakman gezocht" as "vakman
            # waterbouw") is weaker evidence than a description that names
            # the occupation ("een ervaren timmerman").
            if (
                match is None or match.score < self.description_below
            ) and description.strip():
                from_description = self._match_description(norm, description)
                if from_description is not None and (
                    match is None
                    or from_description.score > match.score - self.description_margin
                ):
                    match = from_description
                    n_description += 1
            records.append(self._record(row_id, match))
        coded = pd.DataFrame.from_records(records, columns=CODED_COLUMNS)
        answered = int((coded["isco08"] != "").sum())
        log.info(
            "classify: %s titles (%s distinct after normalising) -> %s coded, "
            "%s abstained, %s from descriptions in %.1f s",
            f"{len(frame):,}",
            f"{len(distinct_norms):,}",
            f"{answered:,}",
            f"{len(coded) - answered:,}",
            f"{n_description:,}",
            time.perf_counter() - started,
        )
        return coded

    def _record(self, row_id: object, match: _Match | None) -> tuple:
        if match is None:
            return (row_id, "", "", "", 0.0, "", "")
        score = round(float(match.score), 4)
        if score < self.threshold:
            return (row_id, "", "", "", score, "", "")
        uri = self._label_uri[match.label]
        return (
            row_id,
            self._label_isco[match.label],
            uri,
            self._occupation_label.get(uri, ""),
            score,
            self._label_text[match.label],
            match.matched_by,
        )


def _leads(role: str | None) -> bool:
    return role is not None and any(part in role for part in _LEADING_PARTS)


def _is_vague(norm: str) -> bool:
    return set(norm.split()) <= VAGUE_WORDS


def _optional_column(frame: pd.DataFrame, name: str) -> list[str]:
    if name not in frame.columns:
        return [""] * len(frame)
    return frame[name].fillna("").astype(str).tolist()


# Dutch and English nouns for a person doing something end like this.
_AGENT_ENDINGS = (
    "er",
    "eur",
    "ist",
    "ant",
    "ent",
    "aar",
    "or",
    "ige",
    "man",
    "ende",
    "euse",
    "trice",
    "ice",
    "oog",
    "aris",
    "eut",
    "yst",
    "ier",
    "ster",
    "tect",
)


def _role_words(labels: pd.DataFrame, splitter: CompoundSplitter) -> frozenset[str]:
    """Return the words that name a person.

    A word names a person when it is an occupation label on its own ("kok"),
    one of the vague person words ("medewerker"), or an agent noun that heads
    other labels: ending one-word labels ("koelmonteur") or English labels
    ("software engineer"). The "-er" of "hoogwerker" alone makes no person.
    """
    heads: Counter[str] = Counter()
    single = set()
    for norm, language in zip(labels["norm"], labels["language"], strict=True):
        words = norm.split()
        if len(words) == 1:
            single.add(words[0])
            parts = splitter.split_known(words[0])
            if len(parts) > 1:
                heads[parts[-1]] += 1
        elif language == "en":
            heads[words[-1]] += 1
    agents = {
        word
        for word, count in heads.items()
        if count >= 2 and len(word) > 5 and word.endswith(_AGENT_ENDINGS)
    }
    return frozenset(
        word
        for word in single | agents | VAGUE_WORDS
        if len(word) > 3 and word not in _NOT_ROLES
    )


def _normalise_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    lengths = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, lengths, out=np.zeros_like(lengths), where=lengths > 0)
    return (sparse.diags(scale) @ matrix).tocsr()


def _taxonomy_labels(taxonomy: Taxonomy) -> pd.DataFrame:
    isco = taxonomy.occupations.set_index("esco_uri")["isco08"]
    labels = taxonomy.labels.dropna(subset=["label"]).copy()
    labels["isco08"] = labels["esco_uri"].map(isco)
    labels = labels.dropna(subset=["isco08"])
    labels["norm"] = labels["label"].map(normalise_label)
    return labels.reset_index(drop=True)


def _fold_vocabulary(
    taxonomy: Taxonomy, vocabulary: Taxonomy, labels: pd.DataFrame
) -> pd.DataFrame:
    """Give each vocabulary occupation's labels to its best taxonomy occupation."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for uri, isco in zip(
        taxonomy.occupations["esco_uri"], taxonomy.occupations["isco08"], strict=True
    ):
        by_group[isco].append(uri)
    norms_of: dict[str, list[str]] = defaultdict(list)
    for uri, norm in zip(labels["esco_uri"], labels["norm"], strict=True):
        norms_of[uri].append(norm)
    central = _central_occupations(taxonomy)

    vocabulary_labels = _taxonomy_labels(vocabulary)
    folded = []
    kept_own = 0
    for _, own in vocabulary_labels.groupby("esco_uri", sort=False):
        isco = own["isco08"].iloc[0]
        targets = by_group.get(isco)
        if not targets:
            # The taxonomy has no occupation in this unit group: the vocabulary
            # occupation stands for itself, under its own URI.
            kept_own += 1
            folded.append(own.assign(label_type="vocabulary"))
            continue
        # All labels of a vocabulary occupation go to one taxonomy occupation,
        # so its ESCO URI can be coarser than the title ("verpleegkundige
        # oncologie" gets the general nurse); the ISCO-08 group is exact.
        target = _best_target(list(own["norm"]), targets, norms_of) or central.get(
            isco, targets[0]
        )
        folded.append(own.assign(esco_uri=target, label_type="vocabulary"))
    if kept_own:
        log.info(
            "coder: %s vocabulary occupations have no occupation in their ISCO "
            "unit group in %s and keep their own URI",
            kept_own,
            taxonomy.version,
        )
    if not folded:
        return labels.iloc[0:0]
    return pd.concat(folded, ignore_index=True)


def _best_target(
    own: list[str], targets: list[str], norms_of: Mapping[str, list[str]]
) -> str | None:
    """Pick the occupation whose labels read most like ``own`` (preferred first)."""
    choices: list[str] = []
    owners: list[str] = []
    for uri in targets:
        for norm in norms_of.get(uri, ()):
            choices.append(norm)
            owners.append(uri)
    if not choices:
        return None
    # The preferred label decides when it has a near twin; otherwise any label.
    for queries in (own[:1], own):
        scores = process.cdist(queries, choices, scorer=fuzz.token_sort_ratio)
        best = np.unravel_index(int(np.argmax(scores)), scores.shape)
        if scores[best] >= _TARGET_SIMILARITY:
            return owners[best[1]]
    return None


def _central_occupations(taxonomy: Taxonomy) -> dict[str, str]:
    """Pick per ISCO unit group the occupation most central to it."""
    relations = taxonomy.relations
    top_level = set(relations.loc[relations["broader_type"] == "ISCOGroup", "esco_uri"])
    label_counts = taxonomy.labels.groupby("esco_uri").size()
    occupations = taxonomy.occupations.assign(
        is_top=lambda f: f["esco_uri"].isin(top_level),
        n_labels=lambda f: f["esco_uri"].map(label_counts).fillna(0),
        length=lambda f: f["preferred_label"].str.len(),
    ).sort_values(["is_top", "n_labels", "length"], ascending=[False, False, True])
    return (
        occupations.drop_duplicates("isco08").set_index("isco08")["esco_uri"].to_dict()
    )
