"""Normalise postings into the keys and features the later stages compare.

Boards write the same job differently: gender markers and hours in titles,
legal forms in employer names, a village instead of its municipality, agencies
hiding the employer. This stage removes that noise once per distinct value and
returns one row of features per posting.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import process

__all__ = [
    "DISCRIMINATOR_KINDS",
    "KNOWN_AGENCIES",
    "SOURCE_TYPE_RANKS",
    "TITLE_SYNONYMS",
    "abbreviates",
    "agency_name",
    "is_hidden_employer",
    "normalise_description",
    "normalise_employer",
    "normalise_postings",
    "normalise_title",
    "title_discriminators",
]

log = logging.getLogger(__name__)

#: Preference of source types for the golden record, best first.
SOURCE_TYPE_RANKS: dict[str, int] = {
    "employer": 0,
    "board": 1,
    "agency": 2,
    "aggregator": 3,
}

#: Kinds of title words that tell two otherwise equal jobs apart.
DISCRIMINATOR_KINDS: tuple[str, ...] = ("licence", "seniority", "rank", "number")

_LICENCES = frozenset(
    {"a", "b", "be", "c", "c1", "c1e", "ce", "d", "d1", "d1e", "code95"}
)
_SENIORITY = {
    "junior": "junior",
    "jr": "junior",
    "medior": "medior",
    "senior": "senior",
    "sr": "senior",
    "trainee": "trainee",
    "stagiair": "stage",
    "stagiaire": "stage",
    "stage": "stage",
    "afstudeerstage": "stage",
    "leerling": "leerling",
    "bbl": "leerling",
    "werkstudent": "student",
    "student": "student",
    "bijbaan": "student",
}
_RANKS = {
    "medewerker": "medewerker",
    "medewerkster": "medewerker",
    "mdw": "medewerker",
    "assistent": "assistent",
    "assistente": "assistent",
    "teamleider": "leider",
    "teamleidster": "leider",
    "leidinggevende": "leider",
    "ploegleider": "leider",
    "voorman": "leider",
    "supervisor": "leider",
    "coordinator": "coordinator",
    "manager": "manager",
    "hoofd": "hoofd",
    "directeur": "directeur",
    "chef": "chef",
}
_ARTICLES = frozenset({"a"})
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
_ORDINAL = re.compile(r"^(\d+)e$")

_GENDER = re.compile(
    r"\(\s*(?:[mvhfwxd]|all genders?|alle genders?)"
    r"(?:\s*[/|,]\s*(?:[mvhfwxd]|all genders?))*\s*\)"
    r"|(?<![\w/])[mvhf]\s*/\s*[mvhfwx](?:\s*/\s*[mvhfwxd])?(?![\w/])",
    re.IGNORECASE,
)
_HOURS = re.compile(
    r"\(?\s*(?:\d{1,2}(?:[.,]5)?\s*(?:-|–|/|tot|t/m|a)\s*)?\d{1,2}(?:[.,]5)?\s*"
    r"(?:uur|uren|u|hours|hrs|h)\b(?:\s*(?:per week|p/w|p\.w\.?|pw|/week|p/wk))?\s*\)?"
    r"|\(?\s*\d(?:[.,]\d+)?\s*(?:-\s*\d(?:[.,]\d+)?\s*)?fte\b\s*\)?"
    r"|\b(?:full|part)[\s-]?time\b|\b(?:fulltime|parttime)\b",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^\s*(?:vacature|vacancy|gezocht|wij zoeken|we zoeken|per direct|nieuw|"
    r"urgent|direct starten|job)\s*[:!\-–|]\s*",
    re.IGNORECASE,
)
# The same words without punctuation, where another word follows them; and
# "gezocht" after the title.
_BARE_PREFIX = re.compile(
    r"^\s*(?:vacature|vacancy|gezocht|(?:wij|we) zoeken(?: een)?)\s+(?=\w)",
    re.IGNORECASE,
)
_WANTED_SUFFIX = re.compile(r"\s+(?:gezocht|gevraagd)\s*[!.]*\s*$", re.IGNORECASE)
# Calls to apply and pay that boards set apart in a title: "Orderpicker -
# Direct starten!", "Chauffeur C | € 15,29 p/u", "Kok (uitzicht op vast)".
_NOISE_SEGMENT = re.compile(
    r"\s*(?:[-–|,/]\s*|\(\s*)"
    r"(?:uitzicht op (?:een )?vast(?:e baan| contract| dienstverband)?"
    r"|kans op (?:een )?vast(?: contract)?|per direct|met spoed|spoed|urgent"
    r"|direct (?:aan de slag|starten|beginnen|beschikbaar|aan het werk)"
    r"|(?:start|begin) (?:deze|volgende) week|snel (?:starten|aan de slag)"
    r"|week(?:betaling|loon|uitbetaling)|startersfunctie|nieuw|herplaatst"
    r"|(?:goed|hoog|top|uitstekend) ?salaris|bijbaan|met doorgroeimogelijkheden"
    r"|€\s*\d+(?:[.,]\d+)?(?:\s*-\s*€?\s*\d+(?:[.,]\d+)?)?"
    r"(?:\s*(?:bruto|p/u|p\.u\.|per uur|/uur|p/m|per maand|/maand))*)"
    r"\s*[!.]*\s*\)?(?=\s*(?:[-–|,/(]|$))",
    re.IGNORECASE,
)
_PLACE_TAIL = re.compile(
    r"(?:\s+|\s*[,|/(\-–]\s*)(?:in|te|regio|omgeving|in de regio|"
    r"in de omgeving van|vestiging|locatie)\s+[^,|()]+\)?\s*$",
    re.IGNORECASE,
)
_SEPARATED_TAIL = re.compile(r"\s*(?:\s[-–|]\s|,|\(|\|)\s*([^,|()\-–]+?)\)?\s*$")
_LICENCE_JOINED = re.compile(r"\b([bcd]1?)\s*[+/&]\s*e\b")
_CODE95 = re.compile(r"\bcode\s*95\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")

_LEGAL_FORMS = frozenset(
    {
        "bv",
        "nv",
        "vof",
        "cv",
        "ua",
        "wa",
        "ba",
        "stichting",
        "stg",
        "cooperatie",
        "coop",
        "holding",
        "holdings",
        "nederland",
        "netherlands",
        "nl",
        "the",
        "vereniging",
        "gmbh",
        "ltd",
        "inc",
        "bvba",
        "group",
        "groep",
    }
)
# Initials with dots, the last dot sometimes left out: "B.V.", "B.V", "N. V.".
_LEGAL_DOTTED = re.compile(r"\b([a-z])\.\s?(?=[a-z]\b)|(?<=\b[a-z])\.(?=\s|$)")
#: Abbreviated words of employer names, written out.
_EMPLOYER_ABBREVIATIONS = {"kon": "koninklijke", "gem": "gemeente"}
_HIDDEN_EMPLOYER = re.compile(
    r"opdrachtgever|onze klant|\bklant van\b|vertrouwelijk|confidential|anoniem|"
    r"\bour client\b|\bclient of\b|"
    r"niet (?:bekend|vermeld|genoemd)|onbekend|\bnvt\b|\bn\.v\.t\b|"
    # A name does not open with "een": "Een pannenkoekenrestaurant in Woerden".
    r"^\s*een\s+\w|"
    r"^\s*(?:a|an)\s+(?:\w+\s+){0,4}?"
    r"(?:bekende|toonaangevende|gerenommeerde|grote|middelgrote|kleine|"
    r"internationale|landelijke|regionale|succesvolle|groeiende|mooie|leading|"
    r"well[- ]known|ambitieuze|innovatieve|dynamische|familiebedrijf)"
    r"|\bin de regio\b|\bwerkgever\b|\bemployer\b"
    r"|uitzend|detacher|recruitment|staffing|werving en selectie|personeelsdienst",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    # Decomposed accents fall away with the ASCII encoding; so do symbols
    # such as the euro sign, which no comparison needs.
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _words(text: str) -> str:
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


@functools.lru_cache(maxsize=262_144)
def _without_noise(title: str) -> str:
    text = _PREFIX.sub("", title)
    text = _WANTED_SUFFIX.sub("", _BARE_PREFIX.sub("", text))
    text = _NOISE_SEGMENT.sub("", text)
    text = _GENDER.sub(" ", text)
    text = _HOURS.sub(" ", text)
    previous = None
    while previous != text:
        previous = text
        text = _PLACE_TAIL.sub("", text).strip(" -–|,/")
        text = _NOISE_SEGMENT.sub("", text)
    return text


@functools.lru_cache(maxsize=262_144)
def _title_words(text: str) -> str:
    text = _LICENCE_JOINED.sub(r"\1e", _fold(text))
    return _words(_CODE95.sub("code95", text))


#: Words and phrases that boards use for one job, each written one way. They
#: apply to whole words of a normalised title, longest first; a compound ending
#: in "bestuurder" (heftruckbestuurder) is the "chauffeur" compound.
TITLE_SYNONYMS: dict[str, str] = {
    "customer service": "klantenservice",
    "customer support": "klantenservice",
    "klantcontact": "klantenservice",
    "docent": "leraar",
    "leerkracht": "leraar",
    "teacher": "leraar",
    "ontwikkelaar": "developer",
    "programmeur": "developer",
    "software engineer": "software developer",
    "store manager": "filiaalmanager",
    "storemanager": "filiaalmanager",
    "winkelmanager": "filiaalmanager",
    "bartender": "barmedewerker",
    "spoelkeukenmedewerker": "afwasser",
    "medewerker spoelkeuken": "afwasser",
    "vulploegmedewerker": "vakkenvuller",
    "medewerker vulploeg": "vakkenvuller",
    "assistent huisartsenpraktijk": "doktersassistent",
    "huisartsassistent": "doktersassistent",
    "huisartsenassistent": "doktersassistent",
    "medewerker orderpicking": "orderpicker",
    "inpakmedewerker": "inpakker",
    "medewerker inpak": "inpakker",
    "logistiek medewerker": "magazijnmedewerker",
    "medewerker logistiek": "magazijnmedewerker",
    "teamleider logistiek": "teamleider magazijn",
    "bezorger pakketten": "pakketbezorger",
    "pakketkoerier": "pakketbezorger",
    "payroll medewerker": "salarisadministrateur",
    "payrollmedewerker": "salarisadministrateur",
    "chauffeur personenvervoer": "taxichauffeur",
    "beheerder systemen": "systeembeheerder",
    "system administrator": "systeembeheerder",
    "systems administrator": "systeembeheerder",
    "helpende z w": "helpende zorg en welzijn",
    "helpende zw": "helpende zorg en welzijn",
    "winkelmedewerker": "verkoopmedewerker",
    "primair onderwijs": "basisonderwijs",
    "medewerker huishouding": "huishoudelijk medewerker",
    "medewerker huishoudelijke dienst": "huishoudelijk medewerker",
    "kcc": "klantenservice",
    "klantcontactcentrum": "klantenservice",
    "medisch secretariaatsmedewerker": "medisch secretaresse",
    "functioneel applicatiebeheerder": "applicatiebeheerder",
    "functioneel beheerder": "applicatiebeheerder",
    "administratief ondersteuner": "administratief medewerker",
    "beveiligingsmedewerker": "beveiliger",
    "caissiere": "kassamedewerker",
    "medewerker kassa": "kassamedewerker",
    "medewerker boekhouding": "boekhouder",
    "ib er": "intern begeleider",
    "projectmanager": "projectleider",
    "servicetechnicus": "servicemonteur",
    "schoonmaakmedewerker": "schoonmaker",
    "medewerker schoonmaak": "schoonmaker",
    "softwareontwikkelaar": "software developer",
    "chauffeur rijbewijs": "chauffeur",
    "vrachtwagenchauffeur c": "chauffeur c",
    "vrachtwagenchauffeur ce": "chauffeur ce",
    "medewerker winkel": "verkoopmedewerker",
    "medewerker verkoop": "verkoopmedewerker",
    "medewerker huishoudelijke ondersteuning": "huishoudelijke hulp",
    "huishoudelijke ondersteuning": "huishoudelijke hulp",
    "frontend engineer": "frontend developer",
    "front end engineer": "front end developer",
    "backend engineer": "backend developer",
    "back end engineer": "back end developer",
    "fullstack engineer": "fullstack developer",
    "full stack engineer": "full stack developer",
    # English titles of international employers, in the words Dutch boards use.
    "customer service representative": "klantenservice medewerker",
    "customer service agent": "klantenservice medewerker",
    "customer service employee": "klantenservice medewerker",
    "functional administrator": "applicatiebeheerder",
    "application administrator": "applicatiebeheerder",
    "executive assistant": "managementassistent",
    "management assistant": "managementassistent",
    "warehouse associate": "magazijnmedewerker",
    "warehouse worker": "magazijnmedewerker",
    "warehouse employee": "magazijnmedewerker",
    "production worker": "productiemedewerker",
    "production employee": "productiemedewerker",
    "kitchen porter": "afwasser",
    "dishwasher": "afwasser",
}
# Shortened words, written out before the synonyms are read ("mdw vulploeg"
# is "medewerker vulploeg", which is "vakkenvuller").
_TITLE_ABBREVIATIONS = {
    "jr": "junior",
    "sr": "senior",
    "mdw": "medewerker",
    "medew": "medewerker",
}
_ABBREVIATION = re.compile(r"\b(?:" + "|".join(_TITLE_ABBREVIATIONS) + r")\b")
_SYNONYM = re.compile(
    r"\b(?:"
    + "|".join(re.escape(k) for k in sorted(TITLE_SYNONYMS, key=len, reverse=True))
    + r")\b"
)
_DRIVER_COMPOUND = re.compile(r"\b(\w{3,})bestuurder\b")


def _synonyms(words: str) -> str:
    words = _ABBREVIATION.sub(lambda found: _TITLE_ABBREVIATIONS[found.group(0)], words)
    words = _SYNONYM.sub(lambda found: TITLE_SYNONYMS[found.group(0)], words)
    return _DRIVER_COMPOUND.sub(r"\1chauffeur", words)


def _without_place_tail(text: str) -> str:
    # "Docent wiskunde | Almere Buiten": a tail set apart that names a known
    # place is a place, whatever the posting's own location says.
    tail = _SEPARATED_TAIL.search(text)
    if tail is None or tail.start() == 0:
        return text
    from transforms.geo import municipality_of

    return text[: tail.start()] if municipality_of(tail.group(1)) else text


def normalise_title(title: str, place: str = "") -> str:
    """Return a job title without the noise boards add around it.

    Gender markers, hours, prefixes such as "Vacature:", trailing places ("- Utrecht",
    "in Utrecht", "regio Utrecht"), punctuation, casing and diacritics are
    removed; licence classes written "C+E" become "ce", and words boards use
    for one job are written one way (:data:`TITLE_SYNONYMS`).

    Parameters
    ----------
    title : str
        The title as published.
    place : str
        Place key of the posting (see :func:`transforms.geo.normalise_place_key`);
        when the title ends with it, the place is removed too.

    Returns
    -------
    str
        Lowercase ASCII words separated by single spaces.

    Examples
    --------
    >>> normalise_title("Vacature: Chauffeur C+E (m/v/x) | 40 uur - Utrecht", "utrecht")
    'chauffeur ce'
    >>> normalise_title("Verpleegkundige in Amsterdam-Zuidoost")
    'verpleegkundige'
    >>> normalise_title("Monteur Tiel", place="tiel")
    'monteur'
    >>> normalise_title("Customer Service Medewerker | Almere Buiten")
    'klantenservice medewerker'
    """
    text = _without_place_tail(_without_noise(title))
    words = _title_words(text)
    if not place or place not in words:
        return _synonyms(words)
    previous = None
    while previous != text:
        previous = text
        text = _PLACE_TAIL.sub("", text).strip(" -–|,/")
        tail = _SEPARATED_TAIL.search(text)
        if tail and _words(_fold(tail.group(1))) == place:
            text = text[: tail.start()]
    words = _title_words(text)
    if words.endswith(" " + place):
        words = words[: -len(place) - 1]
    return _synonyms(words)


@functools.lru_cache(maxsize=262_144)
def title_discriminators(normalised_title: str) -> tuple[str, str, str, str]:
    """Return the words of a title that tell otherwise equal jobs apart.

    Two titles that both name, say, a licence class but different ones ("chauffeur
    c" and "chauffeur ce") are different vacancies, however close the rest is.

    Parameters
    ----------
    normalised_title : str
        A title from :func:`normalise_title`.

    Returns
    -------
    tuple of str
        One entry per kind in :data:`DISCRIMINATOR_KINDS` (licence class,
        seniority, rank such as medewerker or teamleider, numbers and levels);
        each is the sorted words of that kind joined by spaces, empty when the
        title has none.

    Examples
    --------
    >>> title_discriminators("senior teamleider magazijn niveau 4")
    ('', 'senior', 'leider', '4')
    """
    found: tuple[set[str], ...] = (set(), set(), set(), set())
    tokens = normalised_title.split()
    for i, word in enumerate(tokens):
        # A leading "a" is an English article, not a licence class.
        if word in _LICENCES and (i > 0 or len(tokens) == 1 or word not in _ARTICLES):
            found[0].add(word)
        elif word in _SENIORITY:
            found[1].add(_SENIORITY[word])
        elif word in _RANKS:
            found[2].add(_RANKS[word])
        elif word.isdigit():
            found[3].add(str(int(word)))
        elif word in _ROMAN and i > 0:
            found[3].add(_ROMAN[word])
        elif (ordinal := _ORDINAL.match(word)) is not None:
            found[3].add(ordinal.group(1))
        else:
            for suffix, rank in _RANKS.items():
                if len(word) > len(suffix) + 3 and word.endswith(suffix):
                    found[2].add(rank)
                    break
    licence, seniority, rank, number = (" ".join(sorted(kind)) for kind in found)
    return licence, seniority, rank, number


def abbreviates(short: str, words: Sequence[str]) -> bool:
    """Tell whether a word is made of the initials of several words.

    Parameters
    ----------
    short : str
        One normalised word.
    words : sequence of str
        Normalised words, in title order.

    Returns
    -------
    bool
        True when ``short`` spells the first letters of two or more ``words``.

    Examples
    --------
    >>> abbreviates("ig", ["individuele", "gezondheidszorg"])
    True
    >>> abbreviates("ig", ["gezondheidszorg"])
    False
    """
    return (
        len(words) >= 2
        and len(short) == len(words)
        and short == "".join(word[:1] for word in words)
    )


@functools.lru_cache(maxsize=262_144)
def normalise_employer(employer: str) -> str:
    """Return an employer's name without legal forms, casing or diacritics.

    Parameters
    ----------
    employer : str
        The employer as published.

    Returns
    -------
    str
        Lowercase ASCII words; empty when nothing but legal forms is left.

    Examples
    --------
    >>> normalise_employer("Coöperatie Zuivelhoeve U.A.")
    'zuivelhoeve'
    >>> normalise_employer("Bakkerij Jansen B.V.") == normalise_employer(
    ...     "BAKKERIJ JANSEN BV"
    ... )
    True
    >>> normalise_employer("Kon. Brouwer B.V")
    'koninklijke brouwer'
    >>> normalise_employer("Gemeente Den Haag") == normalise_employer(
    ...     "gemeente 's-Gravenhage"
    ... )
    True
    """
    text = _fold(employer)
    text = _LEGAL_DOTTED.sub(r"\1", text).replace("&", " en ")
    words = [
        _EMPLOYER_ABBREVIATIONS.get(w, w)
        for w in _words(text).split()
        if w not in _LEGAL_FORMS
    ]
    if len(words) > 1 and words[0] == "gemeente":
        # A municipality goes by more than one name (Den Haag, 's-Gravenhage);
        # only a whole name of a place is read so ("Gemeente Groningen-Noord"
        # is not the municipality of Groningen).
        from transforms.geo import parse_location

        rest = " ".join(words[1:])
        where = parse_location(employer.split(maxsplit=1)[1])
        if where.municipality and _words(_fold(where.written or "")) == rest:
            words = ["gemeente", *_words(_fold(where.municipality)).split()]
    return " ".join(words)


#: Staffing agencies that post their clients' jobs under their own name.
KNOWN_AGENCIES: frozenset[str] = frozenset(
    {
        "randstad",
        "tempo team",
        "adecco",
        "manpower",
        "manpowergroup",
        "olympia",
        "youngcapital",
        "start people",
        "luba",
        "covebo",
        "otto work force",
        "brunel",
        "yacht",
        "hays",
        "michael page",
        "page personnel",
        "robert half",
        "synergie",
        "timing",
        "maandag",
        "hobij",
        "dactylo",
        "unique",
        "tempo team uitzendbureau",
        "asa talent",
        "jobs in",
        "kelly services",
    }
)
_AGENCY_WORDS = re.compile(
    r"\b(?:uitzend\w*|detacher\w*|werving en selectie|personeelsdienst\w*|"
    r"staffing|recruitment|recruiting|payroll\w*|intercedent\w*)\b"
)


def agency_name(employer: str) -> str:
    """Return the name an agency also posts under, or an empty string.

    "Flexpoint Uitzendgroep B.V." posts as "Flexpoint" too, and "WerkVast
    Personeelsdiensten" as "WerkVast": without the words that make it an
    agency, the name is the agency's brand.

    Parameters
    ----------
    employer : str
        The employer as published.

    Returns
    -------
    str
        The normalised brand; empty when the name is not an agency's or
        nothing but agency words is left.

    Examples
    --------
    >>> agency_name("Flexpoint Uitzendgroep B.V.")
    'flexpoint'
    >>> agency_name("Bakkerij Jansen B.V.")
    ''
    """
    key = normalise_employer(employer)
    if not _AGENCY_WORDS.search(key):
        return ""
    brand = _SPACES.sub(" ", _AGENCY_WORDS.sub(" ", key)).strip()
    return brand if len(brand) >= 3 else ""


@functools.lru_cache(maxsize=65_536)
def is_hidden_employer(employer: str) -> bool:
    """Tell whether an employer field hides the real employer.

    Agencies write "onze opdrachtgever" or "een bekende zorginstelling in de
    regio" instead of a name; such a posting can still be a duplicate, but its
    employer cannot be compared.

    Parameters
    ----------
    employer : str
        The employer as published.

    Returns
    -------
    bool
        True for a phrase that hides the employer or an empty field.

    Examples
    --------
    >>> is_hidden_employer("Een bekende zorginstelling in de regio Utrecht")
    True
    >>> is_hidden_employer("Zorggroep De Linde")
    False
    """
    if not employer or not employer.strip():
        return True
    return _HIDDEN_EMPLOYER.search(_fold(employer)) is not None


def normalise_description(text: str, *, max_chars: int) -> str:
    """Return the start of a description as lowercase ASCII words.

    Parameters
    ----------
    text : str
        The plain-text description.
    max_chars : int
        Characters kept after normalising.

    Returns
    -------
    str
        At most ``max_chars`` characters of single-spaced words.
    """
    return _words(_fold(text[: max_chars * 2]))[:max_chars]


_RECORD_SEPARATOR = "\x1e"
_ASCII_NON_WORD = str.maketrans(
    {chr(c): " " for c in range(128) if not chr(c).isalnum() and c != 0x1E}
)


def _description_prefixes(texts: np.ndarray, *, max_chars: int) -> np.ndarray:
    """Apply :func:`normalise_description` to many texts at once, in chunks."""
    result = np.empty(len(texts), dtype=object)
    step = 50_000
    # Normalising mostly removes punctuation, so a quarter more is enough.
    cut = max_chars + max_chars // 4
    for start in range(0, len(texts), step):
        chunk = [
            t[:cut].replace(_RECORD_SEPARATOR, " ") if isinstance(t, str) else ""
            for t in texts[start : start + step]
        ]
        joined = _fold(_RECORD_SEPARATOR.join(chunk)).translate(_ASCII_NON_WORD)
        result[start : start + len(chunk)] = [
            " ".join(part.split())[:max_chars]
            for part in joined.split(_RECORD_SEPARATOR)
        ]
    return result


def _places(postings: pd.DataFrame) -> pd.DataFrame:
    """Return place keys and municipalities, through ``transforms.geo``.

    The ``place`` column wins over ``location`` where a board gives it.
    """
    location = postings["location"].astype(object)
    if "place" in postings.columns:
        place = postings["place"].astype(object)
        location = place.where(place.notna() & (place != ""), location)
    try:
        from transforms import geo

        parsed = geo.parse_locations(location)
        key_of = geo.normalise_place_key
    except (ImportError, OSError) as error:
        # Without the gazetteer a village and its municipality do not meet, and
        # place conflicts are only seen between identical spellings.
        log.warning("dedupe: places not resolved to municipalities (%s)", error)
        parsed = pd.DataFrame(
            {
                "place": location.map(_bare_place),
                "municipality": None,
                "province": None,
                "is_remote": False,
            },
            index=postings.index,
        )
        key_of = _words
    name = parsed["municipality"].where(parsed["municipality"].notna(), None)
    province = parsed["province"].fillna("").astype(str)
    regional = _map_distinct(location.fillna(""), _is_regional).astype(bool)
    if "title" in postings.columns and key_of is not _words:
        # An agency writes the town in its title and a region as the location
        # ("Productiemedewerker | Tilburg", "Midden-Brabant"): the title's
        # town is the more exact.
        vague = (name.isna().to_numpy() | regional) & postings[
            "title"
        ].notna().to_numpy()
        if vague.any():
            towns = _map_distinct(postings["title"][vague], _title_town)
            found = np.array([t is not None for t in towns], dtype=bool)
            rows = np.flatnonzero(vague)[found]
            if len(rows):
                name = name.copy()
                name.iloc[rows] = [t[0] for t in towns[found]]
                province = province.copy()
                province.iloc[rows] = [t[1] for t in towns[found]]
                regional = regional.copy()
                regional[rows] = False
    known = name.notna().to_numpy()
    fallback = parsed["place"].where(parsed["place"].notna(), "")
    text = np.where(known, name.fillna("").to_numpy(), fallback.to_numpy())
    codes, uniques = pd.factorize(pd.Series(text, dtype=object))
    keys = np.array([key_of(_fold(str(u))) for u in uniques], dtype=object)
    place_keys = np.array(
        [key_of(_fold(str(u))) for u in pd.unique(fallback.to_numpy())], dtype=object
    )
    place_key_of = dict(zip(pd.unique(fallback.to_numpy()), place_keys, strict=True))
    return pd.DataFrame(
        {
            "municipality": keys[codes] if len(uniques) else np.array([], object),
            "place_known": known,
            "place_key": fallback.map(place_key_of).to_numpy(),
            "place_regional": regional,
            "province": province.to_numpy(object),
            "is_remote": parsed["is_remote"].astype(bool).to_numpy(),
        },
        index=postings.index,
    )


_TITLE_TOWN = re.compile(r"\s(?:in|te)\s+([^,|()]+?)\s*$", re.IGNORECASE)


def _title_town(title: str) -> tuple[str, str] | None:
    """Return the municipality and province a title's tail names, if any."""
    from transforms.geo import parse_location

    text = _without_noise(title)
    for pattern in (_SEPARATED_TAIL, _TITLE_TOWN):
        tail = pattern.search(text)
        if tail is None or tail.start() == 0:
            continue
        where = parse_location(tail.group(1))
        if where.municipality and not _is_regional(tail.group(1)):
            return where.municipality, where.province or ""
    return None


_POSTAL = re.compile(r"\b[1-9]\d{3}\s?[a-zA-Z]{2}\b")
# Words of a location that names an area around a place rather than the place.
_REGIONAL = re.compile(
    r"(?<!\w)(?:regio|region|(?:en\s+)?(?:omgeving|omstreken)|e\.\s?o\.?|eo|area)"
    r"(?!\w)",
    re.I,
)


def _is_regional(text: str) -> bool:
    return _REGIONAL.search(text) is not None


def _bare_place(text: object) -> str:
    if not isinstance(text, str):
        return ""
    text = _REGIONAL.sub(" ", _POSTAL.sub(" ", text))
    return re.split(r"[,(/|]", text)[0].strip()


_PER_MONTH = {"month": 1.0, "hour": 4.33 * 38.0, "year": 1.0 / 12.96}


def _monthly_salaries(
    postings: pd.DataFrame, *, monthly_range: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the salary range per month and the period each amount is in.

    A board that labels a yearly amount as monthly (41,000 a month) makes a
    copy of the job look like another job; an amount that is implausible in
    its stated period is read in the first period where it is plausible.
    """
    n = len(postings)
    if "salary_period" not in postings.columns:
        return np.full(n, np.nan), np.full(n, np.nan), np.full(n, "", dtype=object)
    amounts = [_numeric(postings, column) for column in ("salary_min", "salary_max")]
    period = postings["salary_period"].astype(object).fillna("").to_numpy()
    stated = np.select(
        [period == name for name in _PER_MONTH], list(_PER_MONTH.values()), np.nan
    )
    largest = np.fmax(amounts[0], amounts[1])
    low, high = monthly_range
    implausible = ~np.isnan(stated) & ~(
        (largest * stated >= low) & (largest * stated <= high)
    )
    period = period.copy()
    factor = stated.copy()
    for name, per_month in _PER_MONTH.items():
        fits = (
            implausible & (largest * per_month >= low) & (largest * per_month <= high)
        )
        factor[fits] = per_month
        period[fits] = name
        implausible &= ~fits
    return amounts[0] * factor, amounts[1] * factor, period


def _numeric(postings: pd.DataFrame, column: str) -> np.ndarray:
    if column not in postings.columns:
        return np.full(len(postings), np.nan)
    return pd.to_numeric(postings[column], errors="coerce").to_numpy(float, copy=True)


_TITLE_HOURS = re.compile(
    r"\b(\d{1,2})(?:\s*(?:-|–|tot|t/m)\s*(\d{1,2}))?\s*(?:uur|uren|u|hours|hrs)\b",
    re.IGNORECASE,
)


def _title_hours(title: str) -> tuple[float, float]:
    found = _TITLE_HOURS.search(title)
    if found is None:
        return (np.nan, np.nan)
    low = float(found.group(1))
    high = float(found.group(2) or low)
    if not 0 < low <= high <= 80:
        return (np.nan, np.nan)
    return (low, high)


def _names_board(board: str, employer_key: str) -> bool:
    words = employer_key.split()
    return any(len(w) >= 5 and w in words for w in _words(_fold(board)).split())


def _without_employer_tail(title: str, employer: str) -> str:
    """Return a title without a tail set apart that names its employer.

    "Backend developer - Brunel", "BI analist | Gemeente Den Haag": the name
    is the board's addition, not the job's.
    """
    tail = _SEPARATED_TAIL.search(title)
    if tail is None or tail.start() == 0:
        return title
    named = normalise_employer(tail.group(1))
    if named and (named == normalise_employer(employer) or named in KNOWN_AGENCIES):
        return title[: tail.start()]
    return title


#: Shortest word checked for a typo, and the most edits (adjacent letters
#: swapped count as one) a word of up to / over nine letters may be from the
#: spelling most postings use.
_TYPO_MIN_LENGTH = 5
_TYPO_RARE = 2
_TYPO_COMMON = 5


def _spelled_as_most(title_keys: np.ndarray, titles: np.ndarray) -> np.ndarray:
    """Return title keys with rare misspelt words written as most boards write them.

    A word used in at most two postings that lies one edit from a word used in
    at least five ("orderpikcer", "orderpicker"; two edits for words over nine
    letters: "vrachtwagenchauffuer") is that word. The common words are
    counted in the titles as written, before synonyms, so a corrected word
    then takes its synonym ("doecnt", "docent", "leraar").
    """
    from rapidfuzz.distance import OSA

    counts: dict[str, int] = {}
    for title, times in pd.Series(titles, dtype=object).value_counts().items():
        for word in _title_words(_without_noise(str(title))).split():
            counts[word] = counts.get(word, 0) + int(times)
    for word in " ".join(TITLE_SYNONYMS).split():
        counts[word] = max(counts.get(word, 0), _TYPO_COMMON)
    # Common words by first letter and length: a word two edits away at most
    # is at most two letters longer or shorter.
    common: dict[tuple[str, int], list[str]] = {}
    for word, count in counts.items():
        if count >= _TYPO_COMMON and len(word) >= _TYPO_MIN_LENGTH - 2:
            common.setdefault((word[0], len(word)), []).append(word)
    rare: dict[tuple[str, int], list[str]] = {}
    for word, count in counts.items():
        if count <= _TYPO_RARE and len(word) >= _TYPO_MIN_LENGTH and not word.isdigit():
            rare.setdefault((word[0], len(word)), []).append(word)
    corrected: dict[str, str] = {}
    for (first, length), words in rare.items():
        limit = 2 if length > 9 else 1
        choices = [
            w
            for size in range(length - limit, length + limit + 1)
            for w in common.get((first, size), ())
        ]
        if not choices:
            continue
        distances = process.cdist(
            words, choices, scorer=OSA.distance, score_cutoff=limit, dtype=np.int32
        )
        best = distances.argmin(axis=1)
        for row, word in enumerate(words):
            if distances[row, best[row]] <= limit:
                corrected[word] = choices[best[row]]
    if not corrected:
        return title_keys

    def respell(key: str) -> str:
        words = key.split()
        if not any(w in corrected for w in words):
            return key
        return _synonyms(" ".join(corrected.get(w, w) for w in words))

    return _map_distinct(pd.Series(title_keys, dtype=object), respell)


def _map_distinct(values: pd.Series, function: Callable[[str], object]) -> np.ndarray:
    codes, uniques = pd.factorize(values.fillna("").astype(str))
    mapped = np.array([function(u) for u in uniques], dtype=object)
    return mapped[codes] if len(uniques) else np.array([], dtype=object)


# Words of a legal owner's name: a board that shows the registered name
# ("Berg Holding B.V.") names whoever trades under a brand of its own.
_OWNER_NAME = re.compile(
    r"\b(?:holding|holdings|beheer|participaties|houdstermaatschappij)\b", re.I
)


def _is_owner_name(employer: str) -> bool:
    return _OWNER_NAME.search(employer) is not None


def _ends_given(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Which ends of a range a posting gives: 1 the lower, 2 the upper, 3 both."""
    return (~np.isnan(low) * 1 + ~np.isnan(high) * 2).astype(np.int8)


def normalise_postings(
    postings: pd.DataFrame,
    *,
    description_prefix_chars: int = 300,
    monthly_salary_range: tuple[float, float] = (500.0, 20_000.0),
) -> pd.DataFrame:
    """Return the comparison features of each posting.

    Parameters
    ----------
    postings : pandas.DataFrame
        Postings with the contract's columns and optionally ``source_type``.
    description_prefix_chars : int
        Characters of the normalised description kept for fuzzy comparison.
    monthly_salary_range : tuple of float
        Plausible gross pay per month; a salary outside it in its stated period
        is read in the first period (month, hour, year) that brings it inside.

    Returns
    -------
    pandas.DataFrame
        One row per posting, in input order, on a fresh ``RangeIndex``:
        ``posting_id``, ``board``, ``source_rank``, ``title_key``, the
        discriminator columns ``disc_<kind>``, ``employer_key``,
        ``employer_hidden``, ``employer_owner`` (a legal owner's name such
        as "Berg Holding B.V."), ``municipality``, ``place_known``, ``place_key``,
        ``place_regional`` (the location names an area around the place:
        "regio Utrecht", "Zwolle e.o."), ``province``, ``is_remote``,
        ``hours_min``, ``hours_max``, ``salary_min``,
        ``salary_max`` (per month; one end given fills the other),
        ``salary_period`` (as read), ``hours_ends`` and ``salary_ends`` (1: only
        the lower end given, 2: only the upper, 3: both, 0: none),
        ``day`` (days since 1970) and
        ``description_prefix``.
    """
    start = time.perf_counter()
    postings = postings.reset_index(drop=True)
    places = _places(postings)
    source = (
        postings["source_type"].astype(object).fillna("board")
        if "source_type" in postings.columns
        else pd.Series("board", index=postings.index, dtype=object)
    )
    rank = source.map(SOURCE_TYPE_RANKS).fillna(SOURCE_TYPE_RANKS["board"])

    employer = postings["employer"].fillna("").astype(str)
    titles = _map_distinct(
        postings["title"].fillna("").astype(str) + "\x1f" + employer,
        lambda v: _without_employer_tail(*v.split("\x1f")),
    )
    pairs = pd.Series(titles + "\x1f" + places["place_key"].to_numpy(), dtype=object)
    title_key = _map_distinct(pairs, lambda v: normalise_title(*v.split("\x1f")))
    title_key = _spelled_as_most(title_key, titles)
    codes, uniques = pd.factorize(pd.Series(title_key, dtype=object))
    discriminators = [title_discriminators(u) for u in uniques]

    employer_key = _map_distinct(employer, normalise_employer)
    hidden = _map_distinct(employer, is_hidden_employer).astype(bool)
    owner = _map_distinct(employer, _is_owner_name).astype(bool)
    if "source_type" in postings.columns:
        # An agency naming itself as the employer hides the real one, on its
        # own board and wherever else it posts under that name.
        is_agency = source.to_numpy() == "agency"
        board = postings["board"].astype(str).to_numpy()
        pairs = pd.DataFrame(
            {"board": board[is_agency], "key": employer_key[is_agency]}
        )
        agency_names = {
            key
            for board_name, key in pairs.drop_duplicates().itertuples(index=False)
            if _names_board(board_name, key)
        }
        hidden |= pd.Series(employer_key).isin(agency_names).to_numpy()
    # An agency hides its client under its brand as well as under its full
    # name: "Flexpoint" wherever "Flexpoint Uitzendgroep B.V." also posts.
    brands = {agency_name(str(e)) for e in pd.unique(employer)} - {""}
    hidden |= pd.Series(employer_key).isin(brands | KNOWN_AGENCIES).to_numpy()
    employer_key = np.where(hidden | (employer_key == ""), "", employer_key)

    hours_min = _numeric(postings, "hours_min")
    hours_max = _numeric(postings, "hours_max")
    # Boards that leave the hours fields empty, or fill one end, often put
    # the hours in the title ("(40-48 uur)").
    missing = np.isnan(hours_min) | np.isnan(hours_max)
    if missing.any():
        in_title = _map_distinct(postings["title"][missing], _title_hours)
        low = np.array([h[0] for h in in_title], dtype=float)
        high = np.array([h[1] for h in in_title], dtype=float)
        own_low, own_high = hours_min[missing], hours_max[missing]
        # The title's range stands where it holds the end the fields give.
        holds = (np.isnan(own_low) | ((low <= own_low) & (own_low <= high))) & (
            np.isnan(own_high) | ((low <= own_high) & (own_high <= high))
        )
        hours_min[missing] = np.where(holds & ~np.isnan(low), low, own_low)
        hours_max[missing] = np.where(holds & ~np.isnan(high), high, own_high)
    salary_min, salary_max, salary_period = _monthly_salaries(
        postings, monthly_range=monthly_salary_range
    )
    dates = pd.to_datetime(postings["date_posted"], errors="coerce")
    day = (dates - pd.Timestamp("1970-01-01")).dt.days.to_numpy(float)

    prefix = _description_prefixes(
        postings["description"].to_numpy(), max_chars=description_prefix_chars
    )
    features = pd.DataFrame(
        {
            "posting_id": postings["posting_id"].astype(str).to_numpy(),
            "board": postings["board"].astype(str).to_numpy(),
            "source_rank": rank.to_numpy(np.int8),
            "title_key": title_key,
            **{
                f"disc_{kind}": np.array([d[i] for d in discriminators], dtype=object)[
                    codes
                ]
                if len(uniques)
                else np.array([], dtype=object)
                for i, kind in enumerate(DISCRIMINATOR_KINDS)
            },
            "employer_key": employer_key,
            "employer_hidden": hidden,
            "employer_owner": owner & ~hidden,
            "municipality": places["municipality"].to_numpy(),
            "place_known": places["place_known"].to_numpy(),
            "place_key": places["place_key"].to_numpy(),
            "place_regional": places["place_regional"].to_numpy(),
            "province": places["province"].to_numpy(),
            "is_remote": places["is_remote"].to_numpy(),
            "hours_min": np.fmin(hours_min, hours_max),
            "hours_max": np.fmax(hours_min, hours_max),
            "salary_min": np.fmin(salary_min, salary_max),
            "salary_max": np.fmax(salary_min, salary_max),
            "salary_period": salary_period,
            "hours_ends": _ends_given(hours_min, hours_max),
            "salary_ends": _ends_given(salary_min, salary_max),
            "day": day,
            "description_prefix": prefix,
        }
    )
    log.info(
        "normalise: %s postings -> %s distinct titles, %s distinct employers, "
        "%s hidden employers in %.1f s",
        f"{len(features):,}",
        f"{len(uniques):,}",
        f"{pd.unique(employer_key).size:,}",
        f"{int(hidden.sum()):,}",
        time.perf_counter() - start,
    )
    return features
