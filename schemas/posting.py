"""The posting contract: what spiders emit and every later step reads.

A posting is one board's advertisement of a job, one JSON object per line. The
field names here are the same in landing files, the staging table and the files
the command line reads and writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

__all__ = [
    "EDUCATION_LEVELS",
    "EMPLOYMENT_TYPES",
    "LANGUAGES",
    "POSTING_FIELDS",
    "SALARY_PERIODS",
    "EducationLevel",
    "EmploymentType",
    "Posting",
    "SalaryPeriod",
    "make_posting_id",
    "quarantine_reason",
]


class EmploymentType(StrEnum):
    """Kinds of contract, after schema.org ``employmentType``."""

    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    CONTRACTOR = "contractor"
    TEMPORARY = "temporary"
    INTERN = "intern"
    VOLUNTEER = "volunteer"
    PER_DIEM = "per_diem"
    OTHER = "other"


class SalaryPeriod(StrEnum):
    """The period a salary amount is paid over."""

    HOUR = "hour"
    MONTH = "month"
    YEAR = "year"


class EducationLevel(StrEnum):
    """Dutch education levels as vacancies ask for them."""

    VMBO = "vmbo"
    HAVO = "havo"
    VWO = "vwo"
    MBO = "mbo"
    MBO_1 = "mbo-1"
    MBO_2 = "mbo-2"
    MBO_3 = "mbo-3"
    MBO_4 = "mbo-4"
    HBO = "hbo"
    WO = "wo"


EMPLOYMENT_TYPES = tuple(e.value for e in EmploymentType)
SALARY_PERIODS = tuple(e.value for e in SalaryPeriod)
EDUCATION_LEVELS = tuple(e.value for e in EducationLevel)
LANGUAGES = ("nl", "en")

_POSTAL_CODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
_MAX_TEXT = 100_000

ShortText = Annotated[str, Field(min_length=1, max_length=500)]
OptionalShortText = Annotated[str | None, Field(default=None, max_length=500)]


class Posting(BaseModel):
    """One board's advertisement of a job, validated.

    Required fields are those every board shows; the rest are optional and
    ``None`` when a board does not give them. Unknown keys are kept aside by the
    caller, not here: the model ignores them.
    """

    model_config = ConfigDict(
        extra="ignore", str_strip_whitespace=True, frozen=True, use_enum_values=True
    )

    posting_id: ShortText
    board: ShortText
    url: Annotated[str, Field(min_length=8, max_length=2000)]
    title: ShortText
    employer: ShortText
    location: ShortText
    description: Annotated[str, Field(min_length=1, max_length=_MAX_TEXT)]
    date_posted: dt.date

    external_id: OptionalShortText = None
    place: OptionalShortText = None
    postal_code: str | None = None
    province: OptionalShortText = None
    employment_type: EmploymentType | None = None
    hours_min: Annotated[float | None, Field(default=None, gt=0, le=80)] = None
    hours_max: Annotated[float | None, Field(default=None, gt=0, le=80)] = None
    salary_min: Annotated[float | None, Field(default=None, gt=0, lt=10_000_000)] = None
    salary_max: Annotated[float | None, Field(default=None, gt=0, lt=10_000_000)] = None
    salary_period: SalaryPeriod | None = None
    education_level: EducationLevel | None = None
    valid_through: dt.date | None = None
    apply_url: Annotated[str | None, Field(default=None, max_length=2000)] = None
    language: str | None = None
    description_html: Annotated[
        str | None, Field(default=None, max_length=_MAX_TEXT)
    ] = None
    fetched_at: dt.datetime | None = None

    @field_validator("url", "apply_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http or https URL")
        return value

    @field_validator("postal_code")
    @classmethod
    def _dutch_postal_code(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not _POSTAL_CODE.match(value.strip()):
            raise ValueError("must be a Dutch postal code such as 1234 AB")
        compact = value.replace(" ", "").upper()
        return f"{compact[:4]} {compact[4:]}"

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        value = value.lower()[:2]
        if value not in LANGUAGES:
            raise ValueError(f"must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("date_posted", "valid_through", mode="before")
    @classmethod
    def _date_part(cls, value: Any) -> Any:
        # Boards give ISO timestamps as often as dates; keep the date part.
        if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
            return value[:10]
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    @model_validator(mode="after")
    def _ranges_in_order(self) -> Posting:
        if (
            self.hours_min is not None
            and self.hours_max is not None
            and self.hours_min > self.hours_max
        ):
            raise ValueError("hours_min is larger than hours_max")
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise ValueError("salary_min is larger than salary_max")
        has_salary = self.salary_min is not None or self.salary_max is not None
        if has_salary and self.salary_period is None:
            raise ValueError("a salary needs a salary_period")
        return self


POSTING_FIELDS: tuple[str, ...] = tuple(Posting.model_fields)


def make_posting_id(board: str, *, external_id: str | None = None, url: str) -> str:
    """Return the stable identifier of a posting on a board.

    The board's own identifier is preferred; without one the canonical URL is
    hashed, so the same page gives the same id on every night.

    Parameters
    ----------
    board : str
        Registry name of the board.
    external_id : str, optional
        The board's own identifier of the posting.
    url : str
        Canonical URL of the posting (tracking parameters already removed).

    Returns
    -------
    str
        ``"<board>:<external_id>"`` or ``"<board>:u<16 hex digits>"``.

    Examples
    --------
    >>> make_posting_id("werkzoeken", external_id="123", url="https://x.nl/1")
    'werkzoeken:123'
    >>> make_posting_id("werkzoeken", url="https://x.nl/1")
    'werkzoeken:ufea808a76dac737f'
    """
    if external_id:
        return f"{board}:{external_id.strip()}"
    digest = hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{board}:u{digest[:16]}"


def quarantine_reason(error: ValidationError) -> str:
    """Summarise a validation error as a short, stable reason code.

    The first failing field and the kind of failure make the reason, for
    instance ``missing:title`` or ``invalid:date_posted``; counts per reason are
    what the run report shows.

    Parameters
    ----------
    error : pydantic.ValidationError
        The error raised while validating one record.

    Returns
    -------
    str
        A reason code of the form ``<kind>:<field>``.
    """
    first = error.errors()[0]
    field = ".".join(str(part) for part in first.get("loc", ())) or "record"
    kind = first.get("type", "invalid")
    value = first.get("input")
    blank = value is None or (isinstance(value, str) and not value.strip())
    if kind == "missing" or (blank and field != "record"):
        return f"missing:{field}"
    if kind == "string_too_long":
        return f"too_long:{field}"
    return f"invalid:{field}"
