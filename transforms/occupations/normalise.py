"""The normalise stage: vacancy titles and occupation labels to comparable tokens.

Boards dress a job title up: gender markers, hours, places, seniority, the
agency that posts it, abbreviations and pay. :func:`normalise_title` strips all
of that and returns the words that name the occupation; :func:`normalise_label`
turns an occupation label into tokens the same way, so both sides meet on the
same spelling. Splitting Dutch compounds needs the taxonomy's vocabulary and is
done by :class:`CompoundSplitter`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "CompoundSplitter",
    "normalise_label",
    "normalise_text",
    "normalise_title",
    "title_words",
    "tokenise",
]


def _load_title_words() -> dict[str, Any]:
    path = resources.files("transforms.occupations") / "data" / "title_words.toml"
    with path.open("rb") as handle:
        return tomllib.load(handle)


_WORDS = _load_title_words()


def title_words(name: str) -> frozenset[str]:
    """Return one list of the bundled title vocabulary as a set.

    Parameters
    ----------
    name : str
        A list in ``data/title_words.toml``, such as ``vague_words``.

    Returns
    -------
    frozenset of str
        Its words.
    """
    return frozenset(_WORDS[name])


_AMBIGUOUS_PLACES = frozenset(_WORDS["ambiguous_places"])
_ABBREVIATIONS: dict[str, str] = _WORDS["abbreviations"]
_WORD_FORMS: dict[str, str] = _WORDS["word_forms"]
_SUFFIX_FORMS = tuple(_WORDS["suffix_forms"].items())
_STOPWORDS = frozenset(_WORDS["stopwords"])
_LEGAL_FORMS = frozenset(_WORDS["legal_forms"])

# Education levels are noise in most titles ("Verpleegkundige HBO") but name the
# school type in a teacher's title ("Docent MBO" teaches vocational education).
_TEACHER = re.compile(
    r"\b(?:docent|docente|leraar|lerares|teacher|lecturer|instructeur)"
)
_VOCATIONAL = re.compile(r"\b(?:mbo|roc)\b")
_HIGHER = re.compile(r"\b(?:hbo|wo|hogeschool|universiteit|university)\b")


def _school_type(text: str) -> str:
    if _TEACHER.search(text):
        text = _VOCATIONAL.sub(" beroepsonderwijs ", text)
        text = _HIGHER.sub(" hoger onderwijs ", text)
    return text


_GENDER = re.compile(
    r"\(?\s*\b[mvxwdhfi](?:\s*/\s*[mvxwdhfi]){1,3}\b\s*\)?|\(\s*[mvx]\s*\)",
    re.IGNORECASE,
)
_HOURS = re.compile(
    r"\b\d{1,2}(?:[.,]\d)?\s*(?:-|–|tot|a|à|/|t/m|en)\s*\d{1,2}(?:[.,]\d)?\s*"
    r"(?:uur|uren|u|hrs?|hours?|hpw|upw)\b(?:\s*(?:per|p/?w|/)\s*(?:week|wk))?"
    r"|\b\d{1,2}(?:[.,]\d)?\s*(?:uur|uren|u|hrs?|hours?|hpw|upw)\b"
    r"(?:\s*(?:per|p/?w|p\.w\.|/)\s*(?:week|wk))?"
    r"|\b\d(?:[.,]\d+)?\s*fte\b|\b\d{1,2}\s*-\s*\d{1,2}\s*$",
    re.IGNORECASE,
)
_SALARY = re.compile(
    r"(?:€|\beur\b|\beuro\b)\s*\d[\d.,]*(?:\s*(?:-|–|tot)\s*(?:€\s*)?\d[\d.,]*)?"
    r"(?:\s*(?:bruto|netto))?(?:\s*(?:per|p/|/)\s*(?:maand|mnd|uur|jaar|month|hour|year)"
    r"|\s*p\.?/?\s*[umj]\b\.?)?",
    re.IGNORECASE,
)
_DRIVING_LICENCE = re.compile(
    r"\b(c1e|c1|ce|be|c|d|b)\s*(?:/|\+|en|of)\s*(?:c1e|c1|ce|be|c|d|b)\b",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"^\s*(?:vacature|vacancy|gezocht|wanted|nieuw|new|urgent|hot|top\s*baan|"
    r"hiring|job)\s*[:!\-–|]\s*",
    re.IGNORECASE,
)
# Elliptic compounds ("Systeem- en netwerkbeheerder") are not expanded: the
# first part stays a bare modifier, so such a title codes to its second
# occupation. Worth doing when boards show many of them.
_SEGMENT_SPLIT = re.compile(r"\s[-–—|•·]\s|[|•·,;:!?()\[\]{}\"“”]|\s/\s|/")
# "Kok te Zwolle", "Monteur regio Den Bosch": a capitalised word after these is
# a place even when the list does not know it.
_PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:te|regio|omgeving|rondom|Regio|Omgeving|Rondom)\s+"
    r"(?!(?:de|het|een|De|Het|Een)\b)(?:'s-)?[A-Z][\w'-]*"
    r"(?:(?:\s+(?:aan|op|bij|den|de|der))+\s+[A-Z][\w'-]*)?"
)
# "Verkoper in Almere" ends in a place, but in "Expert In Vermogenselektronica"
# every word is capitalised and "in" tells nothing.
_PLACE_AFTER_IN = re.compile(
    r"\b[Ii]n\s+(?!(?:de|het|een|De|Het|Een)\b)(?:'s-)?[A-Z][\w'-]*"
    r"(?:(?:\s+(?:aan|op|bij|den|de|der))+\s+[A-Z][\w'-]*)?\s*$"
)


def _strip_places(title: str) -> str:
    title = _PLACE_AFTER_PREPOSITION.sub(" ", title)
    words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) > 3]
    if words and not all(w[0].isupper() for w in words):
        title = _PLACE_AFTER_IN.sub(" ", title)
    return title


# "Verpleegkundige bij Zorggroep Noord": what follows "bij" names the employer.
_EMPLOYER_TAIL = re.compile(r"(?<=\w)\s+bij\s+.*$")
_AGENCY_TAIL = re.compile(r"\b(?:via|at|@)\b.*$|@.*$", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")
_ORDINAL = re.compile(r"^\d+(?:e|de|ste|st|nd|rd|th)?$|^[^a-z]+$")
_SYMBOLS = (
    (re.compile(r"\bp\s*&\s*o\b"), " hr "),
    (re.compile(r"\bhr\s*&\s*o\b"), " hr "),
    (re.compile(r"\bw\s*[&/+]\s*e\b"), " installatie "),
    (re.compile(r"\be\s*[&/+]\s*i\b"), " elektrotechniek instrumentatie "),
    (re.compile(r"\br\s*&\s*d\b"), " research "),
    (re.compile(r"\bf\s*&\s*b\b"), " food beverage "),
    (re.compile(r"\.net\b"), " dotnet "),
    (re.compile(r"\bc#"), " csharp "),
    (re.compile(r"\bc\+\+"), " cpp "),
    (re.compile(r"\b(node|vue|react)\.js\b"), r" \1js "),
    (re.compile(r"\bb\.v\.|\bn\.v\."), " "),
    (re.compile(r"\ba\.i\."), " "),
    (re.compile(r"\bi\.o\."), " "),
    (re.compile(r"\be\.o\."), " "),
    (re.compile(r"\bo\.a\."), " "),
    (re.compile(r"\bt/m\b"), " "),
)


def normalise_text(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping letters, digits and marks.

    Parameters
    ----------
    text : str
        Any title or label.

    Returns
    -------
    str
        The text in lower case without diacritics (``coördinator`` becomes
        ``coordinator``), with Unicode dashes and quotes made plain.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return text.lower()


@lru_cache(maxsize=200_000)
def _word(token: str) -> str:
    token = _WORD_FORMS.get(token, token)
    for suffix, replacement in _SUFFIX_FORMS:
        if token.endswith(suffix) and len(token) > len(suffix) + 2:
            return token[: -len(suffix)] + replacement
    return token


_SYMBOL_MARKS = re.compile(r"[&#+./]")


def _replace_symbols(text: str) -> str:
    if not _SYMBOL_MARKS.search(text):
        return text
    for pattern, replacement in _SYMBOLS:
        text = pattern.sub(replacement, text)
    return text


def tokenise(text: str) -> list[str]:
    """Split normalised text into words, expanding abbreviations.

    Hyphenated words are joined (``chef-kok`` is ``chefkok``), an ``'er``
    ending is folded in (``pm'er`` is ``pmer``), abbreviations are written out
    (``vpk`` is ``verpleegkundige``), female forms take the form labels use
    most, and stop words and bare numbers are dropped.

    Parameters
    ----------
    text : str
        Text already passed through :func:`normalise_text`.

    Returns
    -------
    list of str
        The words in order.
    """
    text = _replace_symbols(text)
    text = re.sub(r"(?<=[a-z0-9])[-'](?=[a-z0-9])", "", text)
    text = re.sub(r"(?<=[a-z])\.(?=[a-z])", "", text)
    words: list[str] = []
    for token in _TOKEN.findall(text):
        if _ORDINAL.match(token) or token in _STOPWORDS:
            continue
        expanded = _ABBREVIATIONS.get(token, token)
        for word in expanded.split():
            words.append(_word(word))
    return words


def _phrase_set(phrases: Iterable[str]) -> dict[int, set[tuple[str, ...]]]:
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(tokenise(normalise_text(phrase.strip())))
        if words:
            by_length.setdefault(len(words), set()).add(words)
    return by_length


_NOISE = _phrase_set(_WORDS["noise_phrases"] + _WORDS["noise_words"])
_PLACE_PHRASES = _phrase_set(p for p in _WORDS["places"] if p not in _AMBIGUOUS_PLACES)
_AGENCY_PHRASES = _phrase_set(_WORDS["agencies"])
_NOISE_TOKENS = frozenset(w for (w,) in _NOISE.get(1, set()))


def _drop_phrases(
    words: list[str], phrase_sets: Iterable[dict[int, set[tuple[str, ...]]]]
) -> list[str]:
    sets = list(phrase_sets)
    longest = max((max(s) for s in sets if s), default=1)
    kept: list[str] = []
    i = 0
    while i < len(words):
        for length in range(min(longest, len(words) - i), 0, -1):
            window = tuple(words[i : i + length])
            if any(window in s.get(length, ()) for s in sets):
                i += length
                break
        else:
            kept.append(words[i])
            i += 1
    return kept


def _segment_words(segment: str, company: tuple[str, ...]) -> list[str]:
    words = tokenise(segment)
    if company:
        words = _drop_sequence(words, company)
    words = _drop_phrases(words, (_AGENCY_PHRASES, _PLACE_PHRASES, _NOISE))
    if len(words) == 1 and words[0] in _AMBIGUOUS_PLACES:
        return []
    return words


def _drop_sequence(words: list[str], sequence: tuple[str, ...]) -> list[str]:
    n = len(sequence)
    for i in range(len(words) - n + 1):
        if tuple(words[i : i + n]) == sequence:
            return words[:i] + words[i + n :]
    return words


@lru_cache(maxsize=50_000)
def _company_words(company: str) -> tuple[str, ...]:
    words = [w for w in tokenise(normalise_text(company)) if w not in _LEGAL_FORMS]
    return tuple(words)


def normalise_title(title: str, *, company: str | None = None) -> str:
    """Return the words of a vacancy title that name the occupation.

    Gender markers, hours, pay, driving licence pairs, places, seniority and
    contract words, recruiting phrases, staffing agencies (and everything after
    ``via``), the employer's own name and tech-stack keywords are removed; the
    rest is tokenised by :func:`tokenise`.

    Parameters
    ----------
    title : str
        The title as the board published it.
    company : str, optional
        The employer; its name is removed from the title.

    Returns
    -------
    str
        The remaining words joined by single spaces; empty when nothing is left.

    Examples
    --------
    >>> normalise_title("Vacature: Senior Verpleegkundige (m/v/x) 32-40 uur Utrecht")
    'verpleegkundige'
    >>> normalise_title("Heftruckchauffeur via Randstad")
    'heftruckchauffeur'
    >>> normalise_title("Mdw. klantenservice - Tempo-Team")
    'medewerker klantenservice'
    """
    text = _strip_places(title)
    text = _school_type(_replace_symbols(normalise_text(text)))
    text = _GENDER.sub(" ", text)
    text = _SALARY.sub(" ", text)
    text = _HOURS.sub(" ", text)
    text = _DRIVING_LICENCE.sub(lambda m: f" {m.group(1)} ", text)
    previous = None
    while previous != text:
        previous = text
        text = _OPENING.sub("", text)
    company_words = _company_words(company) if company else ()
    words: list[str] = []
    for segment in _SEGMENT_SPLIT.split(text):
        segment = _AGENCY_TAIL.sub(" ", segment)
        segment = _EMPLOYER_TAIL.sub(" ", segment)
        words.extend(_segment_words(segment, company_words))
    return " ".join(dict.fromkeys(words))


def normalise_label(label: str) -> str:
    """Return an occupation label as tokens comparable with normalised titles.

    Parameters
    ----------
    label : str
        A preferred, alternative or hidden label.

    Returns
    -------
    str
        The label's words joined by single spaces; noise words such as
        ``senior`` are dropped unless nothing else would remain.
    """
    words = tokenise(_school_type(normalise_text(label)))
    kept = [w for w in words if w not in _NOISE_TOKENS]
    return " ".join(kept or words)


# Shortest head that may follow a modifier nobody knows.
_TRUSTED_HEAD = 5


class CompoundSplitter:
    """Split Dutch compounds into known words, with the head noun last.

    Dutch compounds put their head at the end: a *zuigwagenchauffeur* is a
    *chauffeur*, a *wijkverpleegkundige* a *verpleegkundige*. The splitter
    looks for the longest known word that ends the compound, allows the linking
    ``s``, ``e`` or ``en`` before it, and splits the rest again.

    Parameters
    ----------
    vocabulary : iterable of str
        Known words, such as every word of every occupation label.
    min_head : int
        Shortest head accepted.
    min_modifier : int
        Shortest modifier accepted.

    Examples
    --------
    >>> splitter = CompoundSplitter({"chauffeur", "wagen", "verpleegkundige"})
    >>> splitter.split("zuigwagenchauffeur")
    ['zuig', 'wagen', 'chauffeur']
    >>> splitter.split("chauffeur")
    ['chauffeur']
    """

    def __init__(
        self, vocabulary: Iterable[str], *, min_head: int = 3, min_modifier: int = 2
    ) -> None:
        self.vocabulary = frozenset(vocabulary)
        self.min_head = min_head
        self.min_modifier = min_modifier
        self._cache: dict[tuple[str, bool], list[str]] = {}

    def split(self, word: str) -> list[str]:
        """Return the parts of ``word``, head last; ``[word]`` if it is known.

        An unknown word may keep an unknown modifier (*zuig* in
        *zuigwagenchauffeur*) when its head is long enough to be trusted.

        Parameters
        ----------
        word : str
            One normalised word.

        Returns
        -------
        list of str
            Known parts where found; an unknown modifier is kept whole.
        """
        if word in self.vocabulary:
            return [word]
        return self._cached(word, strict=False)

    def split_known(self, word: str) -> list[str]:
        """Split ``word`` into known words only, even when it is known itself.

        Parameters
        ----------
        word : str
            One normalised word.

        Returns
        -------
        list of str
            The parts, head last; ``[word]`` when it is no compound of known
            words.
        """
        return self._cached(word, strict=True)

    def _cached(self, word: str, *, strict: bool) -> list[str]:
        key = (word, strict)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._split(word, strict=strict)
            self._cache[key] = cached
        return cached

    def _split(self, word: str, *, strict: bool) -> list[str]:
        n = len(word)
        for start in range(self.min_modifier, n - self.min_head + 1):
            head = word[start:]
            if head not in self.vocabulary:
                continue
            modifier = word[:start]
            for link in ("", "s", "en", "e", "n"):
                if link and not modifier.endswith(link):
                    continue
                stem = modifier[: len(modifier) - len(link)] if link else modifier
                shortest = self.min_modifier + (1 if strict else 0)
                if len(stem) >= shortest and stem in self.vocabulary:
                    return [stem, head]
            inner = self._cached(modifier, strict=strict)
            if len(inner) > 1 and (not strict or inner[0] in self.vocabulary):
                return [*inner, head]
            if not strict and len(head) >= _TRUSTED_HEAD:
                return [modifier, head]
        return [word]
