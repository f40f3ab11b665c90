"""Sentences and formats the demo descriptions are composed from.

Amounts, hours, dates and education levels are written the way Dutch
vacancies write them ("€ 2.800 - € 3.450 bruto per maand", "32-40 uur per
week", "een mbo 4-diploma"), and the English ones the way English ads do.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

__all__ = [
    "Section",
    "date_text",
    "education_text",
    "hours_text",
    "money_text",
    "salary_text",
    "sections_html",
    "sections_text",
]

_MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip

_PERIOD_NL = {"hour": "per uur", "month": "per maand", "year": "per jaar"}
_PERIOD_EN = {"hour": "per hour", "month": "per month", "year": "per year"}


@dataclass(frozen=True)
class Section:
    """A part of a description: an optional heading, paragraphs and bullets.

    ``part`` names what the section is about (``about``, ``work``,
    ``profile``, ``offer``, ``closing``, ``note``), so formats that split a
    description into fields, as the ATS APIs do, can put it in the right one.
    """

    part: str
    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


def _thousands(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


def money_text(amount: float, *, language: str = "nl") -> str:
    """Write an amount in euros the way ads do.

    Parameters
    ----------
    amount : float
        The amount; cents are shown only when there are any.
    language : str
        ``"nl"`` (``€ 2.800``, ``€ 14,50``) or ``"en"`` (``€2,800``).

    Returns
    -------
    str
        The written amount.

    Examples
    --------
    >>> money_text(14.5)
    '€ 14,50'
    >>> money_text(55000, language="en")
    '€55,000'
    """
    whole = int(amount)
    cents = round((amount - whole) * 100)
    if language == "en":
        text = "€" + _thousands(whole, ",")
        return f"{text}.{cents:02d}" if cents else text
    text = "€ " + _thousands(whole, ".")
    return f"{text},{cents:02d}" if cents else text


def salary_text(
    low: float, high: float, period: str, *, language: str = "nl", gross: bool = True
) -> str:
    """Write a salary range, for instance ``€ 2.800 - € 3.450 bruto per maand``.

    Parameters
    ----------
    low, high : float
        The range as advertised (not checked for order).
    period : str
        ``hour``, ``month`` or ``year``.
    language : str
        ``"nl"`` or ``"en"``.
    gross : bool
        Whether to say "bruto" (gross).

    Returns
    -------
    str
        The written range.
    """
    amounts = (
        f"{money_text(low, language=language)} - {money_text(high, language=language)}"
    )
    if language == "en":
        word = " gross" if gross else ""
        return f"{amounts}{word} {_PERIOD_EN[period]}"
    word = " bruto" if gross else ""
    return f"{amounts}{word} {_PERIOD_NL[period]}"


def hours_text(low: int, high: int, *, language: str = "nl") -> str:
    """Write weekly hours, for instance ``32-40 uur per week``.

    Parameters
    ----------
    low, high : int
        Hours per week; equal values give one number.
    language : str
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        The written hours.
    """
    span = f"{low}" if low == high else f"{low}-{high}"
    return f"{span} hours per week" if language == "en" else f"{span} uur per week"


_EDUCATION_NL = {
    "vmbo": "een vmbo-diploma",
    "havo": "een havo-diploma",
    "vwo": "een vwo-diploma",
    "mbo": "een mbo-diploma",
    "mbo-1": "een mbo 1-diploma (entreeopleiding)",
    "mbo-2": "een mbo 2-diploma",
    "mbo-3": "een mbo 3-diploma",
    "mbo-4": "een mbo 4-diploma",
    "hbo": "hbo-werk- en denkniveau",
    "wo": "een afgeronde wo-opleiding",
}
_EDUCATION_EN = {
    "vmbo": "a secondary school diploma",
    "havo": "a secondary school diploma",
    "vwo": "a pre-university diploma",
    "mbo": "a vocational diploma",
    "mbo-1": "a vocational diploma",
    "mbo-2": "a vocational diploma (MBO level 2)",
    "mbo-3": "a vocational diploma (MBO level 3)",
    "mbo-4": "a vocational diploma (MBO level 4)",
    "hbo": "a bachelor's degree",
    "wo": "a master's degree",
}

#: Short labels as boards put them in a field ("MBO 4", "HBO").
EDUCATION_LABELS = {
    "vmbo": "VMBO",
    "havo": "HAVO",
    "vwo": "VWO",
    "mbo": "MBO",
    "mbo-1": "MBO 1",
    "mbo-2": "MBO 2",
    "mbo-3": "MBO 3",
    "mbo-4": "MBO 4",
    "hbo": "HBO",
    "wo": "WO",
}


def education_text(level: str, *, language: str = "nl") -> str:
    """Write an education requirement, for instance ``een mbo 4-diploma``.

    Parameters
    ----------
    level : str
        One of the posting contract's education levels.
    language : str
        ``"nl"`` or ``"en"``.

    Returns
    -------
    str
        A phrase that fits after "je hebt" or "you have".
    """
    table = _EDUCATION_EN if language == "en" else _EDUCATION_NL
    return table[level]


def date_text(day: dt.date, *, language: str = "nl") -> str:
    """Write a date in words, for instance ``1 december 2026``."""
    if language == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sections_html(sections: tuple[Section, ...] | list[Section]) -> str:
    """Render description sections as simple HTML (headings, p, ul)."""
    parts: list[str] = []
    for section in sections:
        if section.heading:
            parts.append(f"<h3>{html.escape(section.heading, quote=False)}</h3>")
        parts.extend(
            f"<p>{html.escape(p, quote=False)}</p>" for p in section.paragraphs
        )
        if section.bullets:
            items = "".join(
                f"<li>{html.escape(_capital(b), quote=False)}</li>"
                for b in section.bullets
            )
            parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def sections_text(sections: tuple[Section, ...] | list[Section]) -> str:
    """Render description sections as plain text with ``- `` bullets."""
    blocks: list[str] = []
    for section in sections:
        lines: list[str] = []
        if section.heading:
            lines.append(section.heading)
        lines.extend(section.paragraphs)
        lines.extend(f"- {_capital(b)}" for b in section.bullets)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


# What an employer of a sector is, what it works on, and how an agency that
# hides the employer's name describes it.
SECTOR_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "zorg": {
        "what": (
            "een zorgorganisatie",
            "een organisatie voor ouderenzorg en thuiszorg",
        ),
        "mission": (
            "goede zorg dicht bij huis",
            "een fijne oude dag voor onze cliënten",
        ),
        "hidden": ("een bekende zorgorganisatie", "een zorginstelling"),
        "what_en": ("a healthcare organisation",),
        "mission_en": ("good care close to home",),
    },
    "welzijn": {
        "what": ("een welzijnsorganisatie", "een organisatie voor sociaal werk"),
        "mission": (
            "sterke wijken waarin iedereen meedoet",
            "hulp voor wie dat nodig heeft",
        ),
        "hidden": ("een welzijnsorganisatie", "een maatschappelijke organisatie"),
        "what_en": ("a social work organisation",),
        "mission_en": ("neighbourhoods where everyone takes part",),
    },
    "logistiek": {
        "what": ("een logistiek dienstverlener", "een transportbedrijf"),
        "mission": ("leveringen die op tijd aankomen", "slimme en schone logistiek"),
        "hidden": ("een logistieke dienstverlener", "een groot distributiecentrum"),
        "what_en": ("a logistics service provider",),
        "mission_en": ("deliveries that arrive on time",),
    },
    "distributie": {
        "what": ("een landelijk bezorg- en distributiebedrijf",),
        "mission": ("pakketten die dezelfde dag bezorgd worden",),
        "hidden": ("een landelijk bezorgbedrijf",),
        "what_en": ("a nationwide delivery company",),
        "mission_en": ("same-day parcel delivery",),
    },
    "techniek": {
        "what": ("een technisch installatiebedrijf", "een technisch dienstverlener"),
        "mission": ("duurzame installaties die het gewoon doen", "de energietransitie"),
        "hidden": ("een technisch bedrijf", "een installatiebedrijf"),
        "what_en": ("a technical services company",),
        "mission_en": ("the energy transition",),
    },
    "productie": {
        "what": ("een productiebedrijf", "een fabriek met een lange traditie"),
        "mission": ("producten van hoge kwaliteit", "efficiënt en veilig produceren"),
        "hidden": ("een productiebedrijf", "een voedingsmiddelenproducent"),
        "what_en": ("a manufacturing company",),
        "mission_en": ("high-quality products",),
    },
    "ict": {
        "what": ("een softwarebedrijf", "een ICT-dienstverlener"),
        "mission": (
            "software die mensen echt verder helpt",
            "digitale dienstverlening",
        ),
        "hidden": ("een ICT-bedrijf", "een softwarebedrijf"),
        "what_en": ("a software company", "an IT services company"),
        "mission_en": ("software that genuinely helps people",),
    },
    "fintech": {
        "what": ("een snelgroeiend betaalbedrijf",),
        "mission": ("betalen zonder gedoe voor ondernemers",),
        "hidden": ("een fintechbedrijf",),
        "what_en": ("a fast-growing payments company",),
        "mission_en": ("hassle-free payments for merchants",),
    },
    "onderwijs": {
        "what": ("een onderwijsorganisatie", "een stichting voor onderwijs en opvang"),
        "mission": ("onderwijs waarin elk kind telt", "leren met plezier"),
        "hidden": ("een onderwijsinstelling", "een kinderopvangorganisatie"),
        "what_en": ("an education organisation",),
        "mission_en": ("education in which every child counts",),
    },
    "horeca": {
        "what": ("een horecabedrijf", "een gastvrij hotel en restaurant"),
        "mission": (
            "gasten een onvergetelijke avond bezorgen",
            "eerlijk eten en drinken",
        ),
        "hidden": ("een gezellig restaurant", "een hotel in de regio"),
        "what_en": ("a hospitality company",),
        "mission_en": ("memorable evenings for our guests",),
    },
    "retail": {
        "what": ("een winkelketen", "een winkelbedrijf met meerdere vestigingen"),
        "mission": (
            "klanten die met een glimlach de winkel uit gaan",
            "service en kwaliteit",
        ),
        "hidden": ("een winkelketen", "een bekende retailer"),
        "what_en": ("a retail chain",),
        "mission_en": ("great service in every store",),
    },
    "bouw": {
        "what": ("een bouwbedrijf", "een aannemer in woningbouw en utiliteit"),
        "mission": ("betaalbare en duurzame woningen", "bouwen aan de regio"),
        "hidden": ("een bouwbedrijf", "een aannemer"),
        "what_en": ("a construction company",),
        "mission_en": ("affordable, sustainable homes",),
    },
    "administratie": {
        "what": ("een zakelijk dienstverlener", "een administratiekantoor"),
        "mission": ("ondernemers ontzorgen", "persoonlijke en zorgvuldige service"),
        "hidden": ("een zakelijk dienstverlener", "een kantoor in de regio"),
        "what_en": ("a business services firm",),
        "mission_en": ("taking work off entrepreneurs' hands",),
    },
    "finance": {
        "what": ("een financiële instelling", "een financieel dienstverlener"),
        "mission": ("financiële zekerheid voor onze klanten", "eerlijk bankieren"),
        "hidden": ("een financiële instelling", "een bank"),
        "what_en": ("a financial institution",),
        "mission_en": ("financial security for our clients",),
    },
    "marketing": {
        "what": ("een creatief bureau", "een mediabedrijf"),
        "mission": ("merken die opvallen", "verhalen die blijven hangen"),
        "hidden": ("een creatief bureau", "een online retailer"),
        "what_en": ("a creative agency", "a media company"),
        "mission_en": ("brands that stand out",),
    },
    "schoonmaak": {
        "what": ("een schoonmaakbedrijf", "een facilitair dienstverlener"),
        "mission": ("schone en gezonde werkplekken", "hygiëne waar je op kunt rekenen"),
        "hidden": ("een schoonmaakbedrijf", "een facilitair bedrijf"),
        "what_en": ("a cleaning company",),
        "mission_en": ("clean and healthy workplaces",),
    },
    "beveiliging": {
        "what": ("een beveiligingsbedrijf",),
        "mission": ("veiligheid voor mensen en gebouwen",),
        "hidden": ("een beveiligingsorganisatie",),
        "what_en": ("a security company",),
        "mission_en": ("safety for people and buildings",),
    },
    "overheid": {
        "what": ("een overheidsorganisatie", "een publieke organisatie"),
        "mission": (
            "een prettige en veilige leefomgeving",
            "dienstverlening aan inwoners",
        ),
        "hidden": ("een overheidsorganisatie", "een gemeente in de regio"),
        "what_en": ("a public sector organisation",),
        "mission_en": ("a pleasant and safe living environment",),
    },
}

CAO: dict[str, str] = {
    "zorg": "de cao VVT",
    "welzijn": "de cao Sociaal Werk",
    "logistiek": "de cao Beroepsgoederenvervoer",
    "distributie": "de cao Beroepsgoederenvervoer",
    "techniek": "de cao Metaal en Techniek",
    "productie": "de cao Levensmiddelenindustrie",
    "onderwijs": "de cao Primair Onderwijs",
    "horeca": "de cao Horeca",
    "retail": "de cao Retail Non-Food",
    "bouw": "de cao Bouw & Infra",
    "schoonmaak": "de cao Schoonmaak- en Glazenwassersbedrijf",
    "beveiliging": "de cao Particuliere Beveiliging",
    "overheid": "de cao Gemeenten",
}

ABOUT_NL: tuple[str, ...] = (
    "{employer} is {what} in {place} en omgeving. Met ongeveer {staff} collega's "
    "werken we elke dag aan {mission}.",
    "Bij {employer} in {place} werken {staff} mensen samen aan {mission}. We zijn "
    "een informele organisatie met korte lijnen en ruimte voor eigen ideeën.",
    "Sinds {year} is {employer} een vertrouwde naam in {province}. Wij zijn "
    "{what} met zo'n {staff} medewerkers.",
    "Wie zijn wij? {employer} is {what}. Vanuit {place} werken we met een hecht "
    "team aan {mission}.",
    "{employer} groeit! Als {what} met vestigingen in {province} zoeken we "
    "versterking voor ons team in {place}.",
    "Werken bij {employer} betekent werken bij {what} waar mensen centraal staan. "
    "Ons doel: {mission}.",
)
ABOUT_EN: tuple[str, ...] = (
    "{employer} is {what} based in {place}. About {staff} colleagues work every "
    "day on {mission}.",
    "At {employer} in {place}, a team of {staff} people works on {mission}. We "
    "keep things informal and give you room for your own ideas.",
    "Since {year}, {employer} has been {what} with a strong presence in "
    "{province}. We are growing and looking for new colleagues in {place}.",
)

WORK_HEADINGS_NL = (
    "Wat ga je doen?",
    "Jouw werkzaamheden",
    "Over de functie",
    "Dit ga je doen",
)
WORK_HEADINGS_EN = ("What you will do", "Your role", "About the job")
WORK_INTRO_NL: tuple[str, ...] = (
    "Als {title} ben je een belangrijke schakel in ons team.",
    "In de functie van {title} kom je terecht in een afwisselende baan.",
    "Als {title} weet je 's ochtends waar je aan begint, maar geen dag is hetzelfde.",
    "Als {title} werk je samen met enthousiaste collega's.",
)
WORK_INTRO_EN: tuple[str, ...] = (
    "As {title} you are a key member of our team.",
    "In this role as {title} no two days are the same.",
)

PROFILE_HEADINGS_NL = (
    "Wat vragen wij?",
    "Wie zoeken wij?",
    "Jouw profiel",
    "Dit breng je mee",
)
PROFILE_HEADINGS_EN = ("What you bring", "Who we are looking for", "Your profile")
SOFT_SKILLS_NL = (
    "je bent betrouwbaar en komt je afspraken na",
    "je werkt graag samen en zegt wat je denkt",
    "je bent flexibel en denkt in oplossingen",
    "je hebt een positieve en proactieve houding",
)
SOFT_SKILLS_EN = (
    "you are reliable and keep your promises",
    "you enjoy working in a team",
    "you think in solutions",
)

OFFER_HEADINGS_NL = (
    "Wat bieden wij?",
    "Ons aanbod",
    "Wat krijg je ervoor terug?",
    "Arbeidsvoorwaarden",
)
OFFER_HEADINGS_EN = ("What we offer", "Our offer", "What's in it for you")
CONTRACT_NL = {
    "permanent": "een vast contract",
    "fixed": "een jaarcontract met uitzicht op een vast dienstverband",
    "temporary": "een tijdelijk contract voor zes maanden",
    "intern": "een stageplaats met stagevergoeding",
}
CONTRACT_EN = {
    "permanent": "a permanent contract",
    "fixed": "a one-year contract with the prospect of a permanent position",
    "temporary": "a temporary contract",
    "intern": "an internship with an allowance",
}
BENEFITS_NL = (
    "8% vakantiegeld en een eindejaarsuitkering",
    "een goede pensioenregeling",
    "reiskostenvergoeding of een leaseauto",
    "volop opleidingsmogelijkheden via onze eigen academie",
    "een fietsplan en korting op sportabonnementen",
    "25 vakantiedagen bij een fulltime dienstverband",
)
#: Benefits only office jobs offer.
OFFICE_BENEFITS_NL = (
    "een laptop en telefoon van de zaak",
    "flexibele werktijden en de mogelijkheid om deels thuis te werken",
)
BENEFITS_EN = (
    "8% holiday allowance",
    "a good pension plan",
    "a travel allowance",
    "a training budget",
    "25 days of paid leave",
)
OFFICE_BENEFITS_EN = ("flexible hours and hybrid working", "a laptop and phone")

CLOSING_NL: tuple[str, ...] = (
    "Herken je jezelf in dit profiel? Solliciteer dan vóór {deadline} via de "
    "knop hieronder.",
    "Enthousiast? Stuur je cv en motivatie vóór {deadline}. Een VOG is onderdeel "
    "van de procedure.",
    "Solliciteren kan tot en met {deadline}. Vragen over de functie? Bel ons "
    "via 0{phone}.",
    "Wil je meer weten? Neem contact op met {contact}, via {email}. We ontvangen "
    "je reactie graag vóór {deadline}.",
)
CLOSING_EN: tuple[str, ...] = (
    "Sounds like you? Apply before {deadline} using the button below.",
    "Questions? Contact our recruitment team at {email}. We look forward to "
    "your application before {deadline}.",
)
CONTACTS = (
    "Sanne de Vries, recruiter",
    "Mark Jansen, teamleider",
    "Fatima El Amrani, HR-adviseur",
    "Joost van Dijk, afdelingsmanager",
    "Lotte Visser, recruiter",
    "Ahmet Yilmaz, vestigingsmanager",
)

AGENCY_INTRO_NL: tuple[str, ...] = (
    "Voor onze opdrachtgever, {hidden} in de regio {place}, zoeken wij een "
    "enthousiaste {title}.",
    "Ben jij de {title} die onze opdrachtgever zoekt? Het gaat om {hidden} in {place}.",
    "Wij zoeken voor {hidden} in {place} een {title}. Via Flexkracht start je "
    "snel en krijg je je loon elke week.",
)
AGENCY_NAMED_NL: tuple[str, ...] = (
    "Voor {employer} in {place} zoeken wij een {title}.",
    "Flexkracht zoekt voor {employer} een {title} in {place}.",
)
AGENCY_OUTRO_NL = (
    "Over Flexkracht: wij zijn een uitzendbureau met vestigingen door heel "
    "Nederland en helpen elke week duizenden flexkrachten aan werk dat bij ze past."
)
AGENCY_INTRO_EN = (
    "On behalf of our client, {hidden_en} in {place}, we are looking for a {title}."
)
HIDDEN_EN = "a well-known organisation"

CHANGE_NOTES_NL = (
    "Update: de startdatum is in overleg en kan per direct.",
    "Let op: we houden de eerste gesprekken al tijdens de sollicitatieperiode.",
    "Nieuw: deze functie is ook geschikt voor herintreders.",
)
CHANGE_NOTES_EN = (
    "Update: the start date is flexible and can be immediate.",
    "Please note: first interviews take place during the application period.",
)
