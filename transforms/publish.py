"""Shape open vacancies for portals: safe HTML and no personal data.

Portals show descriptions as HTML, so the published text is sanitised with an
allow-list, and the e-mail addresses and phone numbers of recruiters that boards
put in descriptions are masked: a portal for job seekers links to the vacancy,
it does not republish a person's contact details.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import time
from functools import lru_cache

import pandas as pd

from transforms.clean import sanitise_html

__all__ = ["mask_personal_data", "published_vacancies", "text_to_html"]

log = logging.getLogger(__name__)

EMAIL_MASK = "[e-mailadres verborgen]"
PHONE_MASK = "[telefoonnummer verborgen]"
_VIDEO_COLUMNS = [
    "video_url",
    "video_title",
    "video_poster_url",
    "video_language",
    "video_match_level",
]

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])", re.UNICODE
)
_MAILTO = re.compile(r'href="mailto:[^"]*"', re.IGNORECASE)
# Addresses written to fool harvesters: "j.jansen [at] bedrijf [dot] nl".
_EMAIL_SPELLED = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s*[\[(]\s*(?:at|@|apenstaartje)\s*[\])]\s*[\w-]+"
    r"(?:\s*(?:\.|[\[(]\s*(?:dot|punt)\s*[\])])\s*[\w-]+)+",
    re.IGNORECASE,
)
# Dutch numbers: a leading 0 and nine more digits, or +31/0031 and nine digits,
# with spaces, dashes, dots or brackets between the digits.
_PHONE = re.compile(
    r"(?<![\w+])\(?(?:(?:\+31|0031)[\s\-.]*(?:\(0\)[\s\-.]*)?|0)"
    r"(?:[\s\-.()]{0,3}\d){9}(?!\d)"
)
# Numbers abroad (Belgium, Germany, ...): a country code and eight to eleven digits.
_PHONE_ABROAD = re.compile(
    r"(?<![\w+])(?:\+|00)(?!31)[1-9]\d{1,2}[\s\-.]*(?:\(0\)[\s\-.]*)?"
    r"(?:[\s\-.()]{0,3}\d){8,11}(?!\d)"
)


@lru_cache(maxsize=65_536)
def mask_personal_data(text: str) -> str:
    """Mask e-mail addresses and phone numbers in text or HTML.

    Parameters
    ----------
    text : str
        Plain text or HTML.

    Returns
    -------
    str
        The text with every address and number replaced by a marker.

    Examples
    --------
    Salaries, postal codes and dates are left alone:

    >>> mask_personal_data("Bel 06-12345678 of mail j.jansen@bedrijf.nl; "
    ...                    "€ 2.800 - € 3.450, 3511 AB, 01-02-2027")
    'Bel [telefoonnummer verborgen] of mail [e-mailadres verborgen]; \
€ 2.800 - € 3.450, 3511 AB, 01-02-2027'
    """
    text = _MAILTO.sub('href="#"', text)
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _EMAIL_SPELLED.sub(EMAIL_MASK, text)
    text = _PHONE_ABROAD.sub(PHONE_MASK, text)
    return _PHONE.sub(PHONE_MASK, text)


def text_to_html(text: str) -> str:
    """Return plain text as escaped HTML paragraphs.

    Parameters
    ----------
    text : str
        Text with blank lines between paragraphs.

    Returns
    -------
    str
        One ``<p>`` per paragraph, line breaks as ``<br>``.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs
    )


def published_vacancies(
    vacancies: pd.DataFrame,
    *,
    published_date: dt.date,
    videos: pd.DataFrame | None = None,
    trainings: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the rows of ``published.vacancies`` for open vacancies.

    Parameters
    ----------
    vacancies : pandas.DataFrame
        Rows of ``core.vacancies``.
    published_date : datetime.date
        The night being published.
    videos : pandas.DataFrame, optional
        Each vacancy's occupation video: ``vacancy_id`` and the ``video_*``
        columns (see :func:`transforms.enrich.store.published_videos`).
    trainings : pandas.DataFrame, optional
        The published trainings per vacancy, counted into ``n_trainings``.

    Returns
    -------
    pandas.DataFrame
        The published columns, descriptions sanitised and masked.
    """
    start = time.perf_counter()
    rows = vacancies.copy()
    from_text = rows["description"].fillna("").map(text_to_html)
    source = rows["description_html"].where(
        rows["description_html"].notna() & (rows["description_html"] != ""), from_text
    )
    rows["description_html"] = source.map(sanitise_html).map(mask_personal_data)
    rows["title"] = rows["title"].map(mask_personal_data)
    rows["published_date"] = published_date
    rows = rows.drop(columns=[c for c in _VIDEO_COLUMNS if c in rows.columns])
    if videos is not None and not videos.empty:
        rows = rows.merge(videos[["vacancy_id", *_VIDEO_COLUMNS]], how="left")
    else:
        rows = rows.assign(**dict.fromkeys(_VIDEO_COLUMNS))
    counts = (
        trainings["vacancy_id"].value_counts()
        if trainings is not None
        else pd.Series(dtype=int)
    )
    rows["n_trainings"] = rows["vacancy_id"].map(counts).fillna(0).astype(int)
    columns = [
        "vacancy_id",
        "title",
        "employer",
        "place",
        "municipality",
        "province",
        "description_html",
        "url",
        "apply_url",
        "employment_type",
        "education_level",
        "language",
        "salary_period",
        "isco08",
        "esco_uri",
        "occupation_label",
        *_VIDEO_COLUMNS,
        "n_boards",
        "n_trainings",
        "hours_min_per_week",
        "hours_max_per_week",
        "salary_min_eur",
        "salary_max_eur",
        "date_posted",
        "valid_through",
        "first_seen_date",
        "published_date",
    ]
    published = rows[columns].sort_values("vacancy_id").reset_index(drop=True)
    log.info(
        "publish: %s vacancies in, %s out in %.1f s",
        f"{len(vacancies):,}",
        f"{len(published):,}",
        time.perf_counter() - start,
    )
    return published
