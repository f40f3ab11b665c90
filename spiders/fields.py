"""Field parsers: pure functions from what boards publish to contract values.

Each parser takes the text as a board shows it (Dutch or English) and returns
the value the posting contract wants, or ``None`` when the text does not say.
They never raise on odd input: a board's typo must not stop a crawl.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import lxml.html
import nh3
from lxml import etree

__all__ = [
    "Salary",
    "clean_text",
    "detect_language",
    "html_to_text",
    "infer_period",
    "parse_amount",
    "parse_date",
    "parse_education",
    "parse_employment_type",
    "parse_hours",
    "parse_postal_code",
    "parse_salary",
    "sanitize_html",
]

# ---------------------------------------------------------------- whitespace, HTML

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


def clean_text(text: str | None) -> str:
    r"""Collapse runs of spaces, trim every line and drop repeated blank lines.

    Parameters
    ----------
    text : str or None
        Text as found, possibly with non-breaking spaces and ragged lines.

    Returns
    -------
    str
        Tidy text; empty when ``text`` is ``None`` or blank.

    Examples
    --------
    >>> clean_text("  Monteur\u00a0 \n\n\n  Utrecht ")
    'Monteur\n\nUtrecht'
    """
    if not text:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    joined = "\n".join(lines)
    return _BLANK_LINES.sub("\n\n", joined).strip()


_DROPPED = ("script", "style", "noscript", "template", "iframe", "object", "svg")
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "hr",
    ]
)


def html_to_text(markup: str | None) -> str:
    """Turn an HTML fragment into plain text, keeping paragraph breaks.

    Scripts, styles and other non-content elements are dropped with their
    contents, so nothing executable reaches the text.

    Parameters
    ----------
    markup : str or None
        HTML (or plain text, which passes through cleaned).

    Returns
    -------
    str
        Plain text with entities decoded.

    Examples
    --------
    >>> html_to_text("<p>Wij zoeken<script>alert(1)</script> een <b>kok</b></p>")
    'Wij zoeken een kok'
    """
    if not markup or not markup.strip():
        return ""
    if not _TAG.search(markup):
        return clean_text(html.unescape(markup))
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return clean_text(_TAG.sub(" ", html.unescape(markup)))
    for element in list(root.iter(*_DROPPED, etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    pieces: list[str] = []
    _collect_text(root, pieces)
    return clean_text("".join(pieces))


def _collect_text(element: etree._Element, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS and tag != "li"
    if block:
        pieces.append("\n")
    if tag == "li":
        pieces.append("\n- ")
    if element.text:
        pieces.append(element.text)
    for child in element:
        _collect_text(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if block:
        pieces.append("\n")


_ALLOWED_TAGS = {
    "a", "b", "br", "em", "h2", "h3", "h4", "h5", "i", "li", "ol", "p", "strong",
    "u", "ul", "table", "thead", "tbody", "tr", "th", "td", "blockquote",
}  # fmt: skip


def sanitize_html(markup: str | None) -> str | None:
    """Reduce HTML to a safe subset fit to show on a portal.

    Only text formatting, lists, tables and links (``http``, ``https``,
    ``mailto``) survive; scripts and styles go with their contents, event
    handlers and other attributes are removed.

    Parameters
    ----------
    markup : str or None
        HTML as the board published it.

    Returns
    -------
    str or None
        Sanitised HTML, or ``None`` when nothing is left.

    Examples
    --------
    >>> sanitize_html('<p onclick="x()">Hoi<script>alert(1)</script></p>')
    '<p>Hoi</p>'
    """
    if not markup or not markup.strip():
        return None
    cleaned = nh3.clean(
        markup,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
        strip_comments=True,
    ).strip()
    return cleaned or None


# ---------------------------------------------------------------- hours

_NUMBER = r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)"
_HOUR_WORD = r"(?:uur|uren|u\b|hours?\b|hrs?\b|h\b)"
_RANGE_SEPARATOR = r"(?:-|–|—|tot\s+en\s+met|tot|t/m|à|a|to|of)"
_HOURS_RANGE = re.compile(
    rf"{_NUMBER}\s*(?:uur\s*)?{_RANGE_SEPARATOR}\s*{_NUMBER}\s*{_HOUR_WORD}",
    re.IGNORECASE,
)
_HOURS_SINGLE = re.compile(
    rf"(?:(?P<bound>minimaal|min\.?|vanaf|ten minste|maximaal|max\.?|tot|"
    rf"at least|up to)\s+)?{_NUMBER}\s*{_HOUR_WORD}(?!\s*(?:per|p/|/)\s*(?:dag|maand|"
    rf"day|month))",
    re.IGNORECASE,
)
_LOWER_BOUNDS = {"minimaal", "min", "min.", "vanaf", "ten minste", "at least"}
_PER_WEEK = re.compile(
    r"\s*(?:per\s+week|p/w|p\.w\.?|pw\b|/\s*week|in\s+de\s+week|a\s+week|"
    r"per\s+wk)",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _hours_ok(value: float) -> bool:
    return 0 < value <= 80


def parse_hours(text: str | None) -> tuple[float | None, float | None]:
    """Read the hours per week from a phrase such as ``"32 tot 40 uur"``.

    Parameters
    ----------
    text : str or None
        Free text: ``"32-40 uur"``, ``"fulltime (40 uur)"``, ``"24 uur"``.

    Returns
    -------
    tuple of (float or None, float or None)
        ``(hours_min, hours_max)``; a single number gives both, ``"minimaal
        24 uur"`` only the minimum, ``"max 32 uur"`` only the maximum.

    Examples
    --------
    >>> parse_hours("32 tot 40 uur per week")
    (32.0, 40.0)
    >>> parse_hours("fulltime (40 uur)")
    (40.0, 40.0)
    >>> parse_hours("minimaal 24 uur")
    (24.0, None)
    >>> parse_hours("8 uur per dag")
    (None, None)
    >>> parse_hours("salaris op basis van 36 uur; een contract voor 40 uur per week")
    (40.0, 40.0)
    """
    if not text:
        return None, None
    match = _HOURS_RANGE.search(text)
    if match:
        low, high = _number(match.group(1)), _number(match.group(2))
        if _hours_ok(low) and _hours_ok(high) and low <= high:
            return low, high
    singles = [
        match
        for match in _HOURS_SINGLE.finditer(text)
        if _hours_ok(_number(match.group(2)))
    ]
    # "36 uur" may be the basis of a salary; "40 uur per week" is the job's.
    weekly = [m for m in singles if _PER_WEEK.match(text, m.end())]
    if not singles:
        return None, None
    chosen = (weekly or singles)[0]
    value = _number(chosen.group(2))
    bound = (chosen.group("bound") or "").lower()
    if bound in _LOWER_BOUNDS:
        return value, None
    if bound:
        return None, value
    return value, value


# ---------------------------------------------------------------- salary


@dataclass(frozen=True)
class Salary:
    """A salary range and the period it is paid over (``hour``, ``month``, ``year``)."""

    min: float | None
    max: float | None
    period: str | None


_AMOUNT = (
    r"(\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
    r"\s*(k\b)?(?:,-|,–)?"
)
_CURRENCY = r"(?:€|eur\b|euro\b|eur\.)"
_SALARY_RANGE = re.compile(
    rf"{_CURRENCY}\s*{_AMOUNT}\s*(?:{_CURRENCY}\s*)?"
    rf"(?:-|–|—|tot\s+en\s+met|tot|t/m|to|en)\s*(?:{_CURRENCY}\s*)?{_AMOUNT}",
    re.IGNORECASE,
)
_SALARY_SINGLE = re.compile(
    rf"(?:(?P<bound>maximaal|max\.?|tot|up to|vanaf|minimaal|min\.?|from|"
    rf"starting at)\s+)?(?:{_CURRENCY}\s*{_AMOUNT}|{_AMOUNT}\s*{_CURRENCY})",
    re.IGNORECASE,
)
_PERIODS = (
    ("hour", re.compile(r"per\s+uur|p/u\b|p\.u\.|/\s*uur|uurloon|uurtarief|per\s+hour|"
                        r"/\s*h(?:ou)?r\b|hourly", re.IGNORECASE)),
    ("month", re.compile(r"per\s+maand|p/m\b|p\.m\.|/\s*maand|/\s*mnd|maandsalaris|"
                         r"maandloon|per\s+month|/\s*month|monthly|bruto\s+p\.?m",
                         re.IGNORECASE)),
    ("year", re.compile(r"per\s+jaar|p/j\b|/\s*jaar|jaarsalaris|jaarinkomen|"
                        r"per\s+year|/\s*year|annual|yearly|per\s+annum|p\.a\.",
                        re.IGNORECASE)),
)  # fmt: skip
_UPPER_BOUNDS = {"maximaal", "max", "max.", "tot", "up to"}


def _amount(digits: str, thousands: str | None) -> float | None:
    digits = digits.replace(" ", "")
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        digits = digits.replace(grouping, "").replace(decimal, ".")
    elif "," in digits or "." in digits:
        sep = "," if "," in digits else "."
        head, _, tail = digits.rpartition(sep)
        if len(tail) == 3 and digits.count(sep) >= 1 and not thousands:
            digits = digits.replace(sep, "")
        else:
            digits = head.replace(sep, "") + "." + tail
    try:
        value = float(digits)
    except ValueError:
        return None
    if thousands:
        value *= 1000
    return value


def parse_amount(value: object) -> float | None:
    """Read an amount given as a number or as text in Dutch or English style.

    Parameters
    ----------
    value : object
        A number, or text such as ``"2.800"``, ``"2,800.50"`` or ``"16,35"``.

    Returns
    -------
    float or None
        The amount; ``None`` for an empty or unreadable value.

    Examples
    --------
    >>> parse_amount("2.800"), parse_amount("16,35"), parse_amount(3100)
    (2800.0, 16.35, 3100.0)
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().lstrip("€").strip()
    if not text:
        return None
    return _amount(text, None)


def _period_of(text: str, low: float | None, high: float | None) -> str | None:
    for period, pattern in _PERIODS:
        if pattern.search(text):
            return period
    return infer_period(low, high)


def infer_period(low: float | None, high: float | None) -> str | None:
    """Return the period a salary is most likely paid over, from its size.

    Parameters
    ----------
    low, high : float or None
        The ends of the range.

    Returns
    -------
    str or None
        ``hour`` below 100, ``month`` below 15,000, else ``year``; ``None``
        without an amount.
    """
    reference = high if high is not None else low
    if reference is None:
        return None
    if reference < 100:
        return "hour"
    if reference < 15_000:
        return "month"
    return "year"


def parse_salary(text: str | None) -> Salary | None:
    """Read a salary range and its period from Dutch or English text.

    Amounts must carry a currency (``€``, ``EUR``, ``euro``) so that hours
    and dates are not mistaken for money. Dutch number formats are read as
    such: ``2.800`` is two thousand eight hundred, ``16,50`` sixteen and a half.

    Parameters
    ----------
    text : str or None
        Free text such as ``"€ 2.800 - € 3.450 bruto per maand"``.

    Returns
    -------
    Salary or None
        The range and period; ``None`` when no amount is found. Without a
        stated period it is guessed from the size of the amount.

    Examples
    --------
    >>> parse_salary("€ 2.800 - € 3.450 bruto per maand")
    Salary(min=2800.0, max=3450.0, period='month')
    >>> parse_salary("€16,50 per uur")
    Salary(min=16.5, max=16.5, period='hour')
    >>> parse_salary("tot € 4.000")
    Salary(min=None, max=4000.0, period='month')
    """
    if not text:
        return None
    match = _SALARY_RANGE.search(text)
    if match:
        low = _amount(match.group(1), match.group(2))
        high = _amount(match.group(3), match.group(4) or match.group(2))
        if low is not None and high is not None and 0 < low <= high:
            return Salary(low, high, _period_of(text, low, high))
    match = _SALARY_SINGLE.search(text)
    if not match:
        return None
    digits, thousands = (
        (match.group(2), match.group(3))
        if match.group(2)
        else (match.group(4), match.group(5))
    )
    value = _amount(digits, thousands)
    if value is None or value <= 0:
        return None
    bound = (match.group("bound") or "").lower()
    if bound in _UPPER_BOUNDS:
        return Salary(None, value, _period_of(text, None, value))
    if bound:
        return Salary(value, None, _period_of(text, value, None))
    return Salary(value, value, _period_of(text, value, value))


# ---------------------------------------------------------------- education

_EDUCATION_RANK = {
    "vmbo": 1, "mbo-1": 2, "mbo-2": 3, "mbo": 4, "havo": 4, "mbo-3": 4,
    "mbo-4": 5, "vwo": 5, "hbo": 6, "wo": 7,
}  # fmt: skip
_EDUCATION_PATTERNS = (
    ("mbo-level", re.compile(r"\bmbo[\s-]*(?:niveau|level|n\.?)?\s*-?\s*([1-4])\b",
                             re.IGNORECASE)),
    ("mbo-level", re.compile(r"\bniveau\s*([1-4])\b(?=[^.]{0,20}\bmbo\b)",
                             re.IGNORECASE)),
    ("vmbo", re.compile(r"\bvmbo\b|\bmavo\b", re.IGNORECASE)),
    ("havo", re.compile(r"\bhavo\b", re.IGNORECASE)),
    ("vwo", re.compile(r"\bvwo\b|\bgymnasium\b|\batheneum\b", re.IGNORECASE)),
    ("mbo", re.compile(r"\bmbo\b|\bvocational\b", re.IGNORECASE)),
    ("hbo", re.compile(r"\bhbo\b|\bbachelor", re.IGNORECASE)),
    ("wo", re.compile(r"\bWO\b|\bwo(?=[\s-]?(?:niveau|opleiding|master|bachelor|"
                      r"diploma|denkniveau|werk))|(?<=hbo/)wo\b|(?<=hbo-)wo\b|"
                      r"\buniversit|\bacademisch|\bpostgraduate|\bmaster(?:'s)?\b|\bdoctora|\bphd\b",
                      re.IGNORECASE)),
)  # fmt: skip


def parse_education(text: str | None) -> str | None:
    """Find the education level a vacancy asks for.

    When several are named (``"mbo 4 of hbo"``) the lowest is taken: it is the
    least the employer accepts.

    Parameters
    ----------
    text : str or None
        Free text, a field value or the whole description.

    Returns
    -------
    str or None
        One of the contract's education levels (``vmbo``, ``havo``, ``vwo``,
        ``mbo``, ``mbo-1`` .. ``mbo-4``, ``hbo``, ``wo``).

    Examples
    --------
    >>> parse_education("Je hebt een afgeronde MBO niveau 4 opleiding")
    'mbo-4'
    >>> parse_education("HBO/WO werk- en denkniveau")
    'hbo'
    """
    if not text:
        return None
    found: list[tuple[int, int, str]] = []
    for name, pattern in _EDUCATION_PATTERNS:
        for match in pattern.finditer(text):
            level = f"mbo-{match.group(1)}" if name == "mbo-level" else name
            found.append((_EDUCATION_RANK[level], match.start(), level))
    if not found:
        return None
    # A bare "mbo" next to "mbo 4" is the same mention; prefer the precise one.
    levels = {level for _, _, level in found}
    if "mbo" in levels and any(level.startswith("mbo-") for level in levels):
        found = [item for item in found if item[2] != "mbo"]
    return min(found)[2]


# ---------------------------------------------------------------- employment type

_EMPLOYMENT_WORDS = (
    ("intern", re.compile(r"\bintern(?:ship)?\b|\bstage|\bstagiair|\bafstudeer|"
                          r"\btrainee", re.IGNORECASE)),
    ("volunteer", re.compile(r"\bvolunteer|\bvrijwillig", re.IGNORECASE)),
    ("contractor", re.compile(r"\bcontractor\b|\bfreelance|\bzzp|\binterim\b|"
                              r"\bopdracht\b|\bcontract\b", re.IGNORECASE)),
    ("per_diem", re.compile(r"\bper[\s_-]?diem\b|\boproep|\bnul[\s-]?uren|"
                            r"\bmin[\s-]?max\b", re.IGNORECASE)),
    ("temporary", re.compile(r"\btemporary\b|\btijdelijk|\bbepaalde\s+tijd|"
                             r"\bfixed[\s-]?term|\buitzend|\bseizoen|\bvakantiewerk|\btemp\b",
                             re.IGNORECASE)),
    ("part_time", re.compile(r"\bpart[\s_-]?time\b|\bdeeltijd", re.IGNORECASE)),
    ("full_time", re.compile(r"\bfull[\s_-]?time\b|\bvoltijd|\bvast\b|\bvaste\b|"
                             r"\bonbepaalde\s+tijd|\bpermanent\b", re.IGNORECASE)),
    ("other", re.compile(r"^\s*other\s*$", re.IGNORECASE)),
)  # fmt: skip


def parse_employment_type(text: str | None) -> str | None:
    """Map a contract description to the contract's employment type.

    schema.org values (``FULL_TIME``, ``PART_TIME``, ...) and Dutch words are
    read alike. When several apply the most specific wins: an internship or a
    temporary job says more than its hours. A permanent contract (``vast``)
    with no hours stated is taken as ``full_time``.

    Parameters
    ----------
    text : str or None
        Such as ``"FULL_TIME"``, ``"Parttime, vast"``, ``"tijdelijk"``.

    Returns
    -------
    str or None
        One of ``full_time``, ``part_time``, ``contractor``, ``temporary``,
        ``intern``, ``volunteer``, ``per_diem``, ``other``.

    Examples
    --------
    >>> parse_employment_type("Parttime (vast)")
    'part_time'
    >>> parse_employment_type("Afstudeerstage")
    'intern'
    """
    if not text:
        return None
    text = text.replace("_", " ")
    for value, pattern in _EMPLOYMENT_WORDS:
        if pattern.search(text):
            return value
    return None


# ---------------------------------------------------------------- language

_DUTCH = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "is",
        "op",
        "te",
        "dat",
        "voor",
        "met",
        "zijn",
        "je",
        "wij",
        "we",
        "jij",
        "ons",
        "onze",
        "bij",
        "als",
        "om",
        "ook",
        "naar",
        "niet",
        "aan",
        "of",
        "door",
        "over",
        "uit",
        "heb",
        "hebt",
        "wordt",
        "worden",
        "wat",
        "deze",
        "bent",
        "kun",
        "kunt",
        "hoe",
        "jouw",
        "jou",
        "werk",
        "functie",
        "ervaring",
        "uur",
        "per",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "is",
        "for",
        "with",
        "you",
        "we",
        "our",
        "are",
        "be",
        "as",
        "on",
        "at",
        "by",
        "this",
        "that",
        "your",
        "will",
        "from",
        "or",
        "have",
        "has",
        "it",
        "work",
        "experience",
        "team",
        "role",
        "about",
        "what",
        "who",
        "skills",
        "join",
        "hours",
    ]
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def detect_language(text: str | None, *, min_words: int = 5) -> str | None:
    """Tell Dutch from English by counting common function words.

    Parameters
    ----------
    text : str or None
        Title and description, or any longer text.
    min_words : int
        Fewer stop-word hits than this give no answer.

    Returns
    -------
    str or None
        ``"nl"``, ``"en"`` or ``None`` when the text is too short to say.

    Examples
    --------
    >>> detect_language("Wij zoeken een ervaren kok voor ons team in Utrecht")
    'nl'
    """
    if not text:
        return None
    words = _WORD.findall(text[:20_000].lower())
    dutch = sum(word in _DUTCH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if dutch + english < min_words:
        return None
    return "nl" if dutch >= english else "en"


# ---------------------------------------------------------------- dates, postal codes

_DUTCH_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "oct": 10,
}  # fmt: skip
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_DAY_MONTH_NAME = re.compile(r"\b(\d{1,2})\s+([a-zA-Z]{3,9})\.?\s+(\d{4})\b")


def parse_date(value: object) -> str | None:
    """Read a date in any of the forms boards publish and give it as ISO.

    Parameters
    ----------
    value : object
        ISO dates and timestamps, RFC 822 dates (``"Fri, 10 Dec 2026
        22:49:39 GMT"``), ``"20-11-2026"``, ``"20 november 2026"``, or epoch
        milliseconds as an ``int``.

    Returns
    -------
    str or None
        ``YYYY-MM-DD``, or ``None`` when no valid date is found. A timestamp
        keeps the date as written (its own time zone), which is the day the
        board shows.

    Examples
    --------
    >>> parse_date("Fri, 20 Nov 2026 22:49:39 GMT")
    '2026-11-20'
    >>> parse_date("3 december 2026")
    '2026-12-03'
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10_000_000_000 else value
        try:
            stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
        return stamp.date().isoformat()
    text = str(value).strip()
    if not text:
        return None
    candidates: list[tuple[int, int, int]] = []
    if match := _ISO_DATE.search(text):
        candidates.append((int(match[1]), int(match[2]), int(match[3])))
    elif match := _DMY.search(text):
        candidates.append((int(match[3]), int(match[2]), int(match[1])))
    elif match := _DAY_MONTH_NAME.search(text):
        month = _DUTCH_MONTHS.get(match[2].lower())
        if month:
            candidates.append((int(match[3]), month, int(match[1])))
    if not candidates:
        try:
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    year, month, day = candidates[0]
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_POSTAL = re.compile(r"\b([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2})\b")


def parse_postal_code(text: str | None) -> str | None:
    """Find a Dutch postal code (``1234 AB``) in text.

    Parameters
    ----------
    text : str or None
        An address or location line.

    Returns
    -------
    str or None
        The code as ``"1234 AB"``.

    Examples
    --------
    >>> parse_postal_code("Oudegracht 1, 3511AB Utrecht")
    '3511 AB'
    """
    if not text:
        return None
    match = _POSTAL.search(text)
    return f"{match[1]} {match[2]}" if match else None
