"""Occupations of titles: when two different titles name the same job.

Boards retitle copies with synonyms ("Handhaver" for "Toezichthouder openbare
ruimte", "Groepsleerkracht" for "Leraar basisonderwijs"), which no string
similarity finds. The occupation coder of :mod:`transforms.occupations` knows
such titles as labels of one occupation. It runs once per distinct title and
once per distinct title word, never per posting.

An occupation groups specialisations that are different jobs ("Docent
wiskunde" and "Docent scheikunde" are one occupation), so the same occupation
is not enough: the words of each title that do not name the occupation
themselves (its qualifiers) must agree as well. "Docent wiskunde" and "Leraar
wiskunde" agree (docent and leraar both name the occupation, wiskunde is on
both sides); "Docent wiskunde" and "Docent scheikunde" do not.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from transforms.dedupe.normalise import abbreviates, title_discriminators

__all__ = ["TitleOccupations", "default_title_occupations"]

log = logging.getLogger(__name__)


class TitleOccupations:
    """Code normalised titles and their words to occupations, with a cache.

    Parameters
    ----------
    coder : object
        An occupation coder with a ``classify(frame)`` method taking ``id``
        and ``title`` columns and returning ``esco_uri`` and ``score``, such
        as :class:`transforms.occupations.OccupationCoder`.
    min_score : float
        Lowest coder score taken as an answer. Titles that are labels of an
        occupation score above 0.9; a title matched only through a longer
        label ("wiskunde" through "docent wiskunde") scores far lower.
    min_qualifier_similarity : float
        How alike the qualifiers of two titles must read (typos, compounds).
    generic_words : iterable of str
        Words that name no particular job ("medewerker", "professional"); they
        qualify nothing, so "Pedagogisch medewerker" and "Pedagogisch
        professional" agree when both code to one occupation.

    Examples
    --------
    >>> from transforms.occupations import OccupationCoder, starter_taxonomy
    >>> occupations = TitleOccupations(OccupationCoder(starter_taxonomy()))
    >>> occupations.same_job(["handhaver", "docent wiskunde"],
    ...                      ["toezichthouder openbare ruimte", "docent scheikunde"])
    array([ True, False])
    """

    def __init__(
        self,
        coder: Any,
        *,
        min_score: float = 0.85,
        min_qualifier_similarity: float = 0.8,
        generic_words: Iterable[str] = (),
    ) -> None:
        self.coder = coder
        self.min_score = min_score
        self.min_qualifier_similarity = min_qualifier_similarity
        self.generic_words = frozenset(generic_words)
        self._codes: dict[str, int] = {}
        self._occupation_ids: dict[str, int] = {}

    def _learn(self, texts: Iterable[str]) -> None:
        todo = [t for t in dict.fromkeys(texts) if t not in self._codes]
        if not todo:
            return
        # codes() logs one line per run; the coder's own line for every batch
        # of title words would drown it.
        coder_log = logging.getLogger("transforms.occupations")
        level = coder_log.level
        coder_log.setLevel(max(level, logging.WARNING))
        try:
            coded = self.coder.classify(
                pd.DataFrame({"id": range(len(todo)), "title": todo})
            )
        finally:
            coder_log.setLevel(level)
        uris = coded["esco_uri"].to_numpy(dtype=object)
        scores = coded["score"].to_numpy(dtype=float)
        for text, uri, score in zip(todo, uris, scores, strict=True):
            if uri and score >= self.min_score:
                code = self._occupation_ids.setdefault(uri, len(self._occupation_ids))
            else:
                code = -1
            self._codes[text] = code

    def codes(self, titles: Sequence[str] | np.ndarray) -> np.ndarray:
        """Return an occupation number per title; -1 where the coder has none.

        Parameters
        ----------
        titles : sequence of str
            Normalised titles, repeated as often as they occur.

        Returns
        -------
        numpy.ndarray
            ``int32`` occupation numbers, the same for the same occupation
            within this object.
        """
        start = time.perf_counter()
        values, uniques = pd.factorize(pd.Series(titles, dtype=object))
        distinct = [str(u) for u in uniques]
        self._learn(t for t in distinct if t)
        uncoded = [t for t in distinct if t and self._codes.get(t, -1) < 0]
        heads = {t: _heads(t) for t in uncoded}
        self._learn(h for options in heads.values() for h in options)
        for title, options in heads.items():
            # A title that names its occupation and more ("cnc operator
            # draaien", "verzorgende ig somatiek") takes the occupation of its
            # longest run of words that names one.
            found = next((self._codes[h] for h in options if self._codes[h] >= 0), -1)
            self._codes[title] = found
        mapped = np.array([self._codes.get(t, -1) for t in distinct], dtype=np.int32)
        result = mapped[values] if len(distinct) else np.empty(0, dtype=np.int32)
        log.info(
            "occupation: %s titles -> %s distinct, %s coded in %.1f s",
            f"{len(result):,}",
            f"{len(distinct):,}",
            f"{int((mapped >= 0).sum()):,}",
            time.perf_counter() - start,
        )
        return result

    def same_job(
        self, left: Sequence[str] | np.ndarray, right: Sequence[str] | np.ndarray
    ) -> np.ndarray:
        """Tell which pairs of titles name the same job in other words.

        Both titles must code to one occupation, and what each title says
        beyond naming that occupation must agree: the words that neither name
        the occupation by themselves nor are generic must be the same, read
        alike (typos, compounds) or be initials of each other; a title with no
        such words of its own is a shorter form of the other.

        Parameters
        ----------
        left, right : sequence of str
            Normalised titles of each pair.

        Returns
        -------
        numpy.ndarray
            One bool per pair.
        """
        if len(left) == 0:
            return np.zeros(0, dtype=bool)
        pairs = pd.DataFrame(
            {"a": np.asarray(left, object), "b": np.asarray(right, object)}
        )
        codes, uniques = pd.factorize(pd.MultiIndex.from_frame(pairs))
        distinct = list(uniques)
        words = {w for a, b in distinct for w in (*a.split(), *b.split())}
        self._learn([t for pair in distinct for t in pair if t])
        self._learn(words)
        answers = np.array([self._same_job(a, b) for a, b in distinct], dtype=bool)
        return answers[codes]

    def _same_job(self, a: str, b: str) -> bool:
        occupation = self._codes.get(a, -1)
        if occupation < 0 or occupation != self._codes.get(b, -1):
            return False
        rest_a = [w for w in a.split() if self._qualifies(w, occupation)]
        rest_b = [w for w in b.split() if self._qualifies(w, occupation)]
        return _qualifiers_agree(rest_a, rest_b, self.min_qualifier_similarity)

    def _qualifies(self, word: str, occupation: int) -> bool:
        return (
            word not in self.generic_words and self._codes.get(word, -1) != occupation
        )


def _heads(title: str) -> list[str]:
    """Return the runs of a title's words with one or two words left off.

    Words that tell jobs apart (a rank, seniority, licence or number, such as
    the "chef" of "chef kok") are never left off.
    """
    words = title.split()
    runs: list[str] = []
    for size in (len(words) - 1, len(words) - 2):
        if size < 1:
            break
        for start in range(len(words) - size + 1):
            dropped = words[:start] + words[start + size :]
            if not any(title_discriminators(" ".join(dropped))):
                runs.append(" ".join(words[start : start + size]))
    return runs


def _qualifiers_agree(a: list[str], b: list[str], floor: float) -> bool:
    only_a = [w for w in a if w not in b]
    only_b = [w for w in b if w not in a]
    # One title saying more than the other ("Handhaver" and "Toezichthouder
    # openbare ruimte") is a fuller title, not another job.
    if not only_a or not only_b:
        return True
    x, y = "".join(only_a), "".join(only_b)
    if x in y or y in x or abbreviates(x, only_b) or abbreviates(y, only_a):
        return True
    return fuzz.ratio(x, y) / 100.0 >= floor


@functools.lru_cache(maxsize=1)
def _starter_coder() -> Any:
    from transforms.occupations import OccupationCoder, starter_taxonomy

    return OccupationCoder(starter_taxonomy())


def default_title_occupations(
    *, min_score: float, min_qualifier_similarity: float
) -> TitleOccupations | None:
    """Return title occupations from the bundled starter taxonomy.

    The coder is built once per process and shared; each call returns a fresh
    cache around it.

    Parameters
    ----------
    min_score : float
        Lowest coder score taken as an answer.
    min_qualifier_similarity : float
        How alike the qualifiers of two titles must read.

    Returns
    -------
    TitleOccupations or None
        None when the occupation coder cannot be loaded; dedupe then compares
        titles as text only.
    """
    try:
        coder = _starter_coder()
        from transforms.occupations.coder import VAGUE_WORDS
    except (ImportError, OSError, ValueError) as error:
        log.warning("dedupe: titles not coded to occupations (%s)", error)
        return None
    return TitleOccupations(
        coder,
        min_score=min_score,
        min_qualifier_similarity=min_qualifier_similarity,
        generic_words=VAGUE_WORDS,
    )
