"""Employers of the demo vacancies: invented names with Dutch legal forms."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGENCY",
    "EMPLOYERS",
    "EMPLOYER_BOARD_OWNERS",
    "HIRES",
    "MUNICIPALITIES",
    "Employer",
    "split_legal_form",
]


@dataclass(frozen=True)
class Employer:
    """An organisation that hires, with its full registered name and sector."""

    name: str
    sector: str

    @property
    def short_name(self) -> str:
        """The name without its legal form, as people write it."""
        return split_legal_form(self.name)[1]

    @property
    def has_legal_form(self) -> bool:
        """Whether the registered name carries a legal form."""
        return self.short_name != self.name


_PREFIXES = re.compile(r"^(Stichting|Coöperatie|Vereniging)\s+")
_SUFFIXES = re.compile(r"\s+(B\.V\.|N\.V\.|U\.A\.|V\.O\.F\.)$")


def split_legal_form(name: str) -> tuple[str, str, str]:
    """Split a registered name into legal prefix, short name and legal suffix.

    Parameters
    ----------
    name : str
        A name such as ``"Coöperatie Zuivelunie Noord U.A."``.

    Returns
    -------
    tuple of str
        ``(prefix, short name, suffix)``; prefix and suffix may be empty.

    Examples
    --------
    >>> split_legal_form("Coöperatie Zuivelunie Noord U.A.")
    ('Coöperatie', 'Zuivelunie Noord', 'U.A.')
    >>> split_legal_form("Gemeente Zwolle")
    ('', 'Gemeente Zwolle', '')
    """
    prefix = suffix = ""
    match = _PREFIXES.match(name)
    if match:
        prefix = match.group(1)
        name = name[match.end() :]
    match = _SUFFIXES.search(name)
    if match:
        suffix = match.group(1)
        name = name[: match.start()]
    return prefix, name, suffix


#: The staffing agency whose Recruitee board carries its clients' vacancies.
AGENCY = Employer("Flexkracht Uitzendgroep B.V.", "uitzend")

#: Employers that run a career site of their own: ATS kind to employer.
EMPLOYER_BOARD_OWNERS: dict[str, Employer] = {
    "greenhouse": Employer("Kwadraat Betalingen B.V.", "fintech"),
    "lever": Employer("Snelpost Logistiek B.V.", "distributie"),
}

#: Towns with a municipality among the employers (names are the real ones).
MUNICIPALITIES: tuple[str, ...] = (
    "Utrecht",
    "Zwolle",
    "Tilburg",
    "Groningen",
    "Haarlem",
    "Apeldoorn",
    "Leiden",
    "Breda",
    "Enschede",
    "Almere",
    "Nijmegen",
    "Amersfoort",
    "Deventer",
    "Leeuwarden",
)

_NAMED: tuple[tuple[str, str], ...] = (
    # zorg
    ("Stichting Zorggroep Het Baken", "zorg"),
    ("Stichting Woonzorg De Meander", "zorg"),
    ("Stichting Zorgcentrum De Linde", "zorg"),
    ("Stichting Thuiszorg Noordkwartier", "zorg"),
    ("Stichting Zorgcombinatie Rivierenland", "zorg"),
    ("Stichting Ziekenhuis Westerdal", "zorg"),
    ("Stichting Gehandicaptenzorg Het Anker", "zorg"),
    ("Stichting Jeugdzorg Midden", "zorg"),
    ("Stichting Ouderenzorg Heuvelrug", "zorg"),
    ("Huisartsenpraktijk De Brug B.V.", "zorg"),
    ("Fysiotherapie Centrum Oost B.V.", "zorg"),
    ("Apotheek De Vaart B.V.", "zorg"),
    ("Tandartsenpraktijk Glimlach B.V.", "zorg"),
    ("Stichting Revalidatiecentrum De Hoogte", "zorg"),
    ("Wijkzorg Samen B.V.", "zorg"),
    # welzijn
    ("Stichting Welzijn Stad en Ommeland", "welzijn"),
    ("Stichting Buurtwerk Centraal", "welzijn"),
    ("Stichting Sociaal Wijkteam Oost", "welzijn"),
    # logistiek
    ("Van der Linden Transport B.V.", "logistiek"),
    ("Koelvers Logistics B.V.", "logistiek"),
    ("Transportbedrijf Bakker & Zn. B.V.", "logistiek"),
    ("Distributiecentrum Midden-Nederland B.V.", "logistiek"),
    ("Havenlogistiek Waalhaven B.V.", "logistiek"),
    ("Pakketpunt Express B.V.", "logistiek"),
    ("Euro Cargo Services B.V.", "logistiek"),
    ("Groothandel Versland B.V.", "logistiek"),
    ("Koeltransport Noord B.V.", "logistiek"),
    ("Veenstra Warehousing B.V.", "logistiek"),
    # techniek
    ("Installatiebedrijf Dekker B.V.", "techniek"),
    ("Elektrotechniek Vermeulen B.V.", "techniek"),
    ("Warmtetechniek Oost B.V.", "techniek"),
    ("Technisch Bureau De Wit B.V.", "techniek"),
    ("Autobedrijf Jansen B.V.", "techniek"),
    ("Machinefabriek Hendriks B.V.", "techniek"),
    ("Klimaatservice Holland B.V.", "techniek"),
    ("Staalbouw Brabant B.V.", "techniek"),
    ("Energiebedrijf Rijnstroom N.V.", "techniek"),
    ("Liftservice Nederland B.V.", "techniek"),
    # productie
    ("Bakkerij Van Dam B.V.", "productie"),
    ("Zuivelfabriek De Eendracht B.V.", "productie"),
    ("Coöperatie Zuivelunie Noord U.A.", "productie"),
    ("Kunststoffen Twente B.V.", "productie"),
    ("Vleeswaren Smit B.V.", "productie"),
    ("Verpakkingen Midden B.V.", "productie"),
    ("Chemiepark Delfzijl Services B.V.", "productie"),
    ("Coöperatie Groentenveiling Westland U.A.", "productie"),
    ("Precisietechniek Veldhoven B.V.", "productie"),
    # ict
    ("Bitwerk Software B.V.", "ict"),
    ("Datastroom B.V.", "ict"),
    ("Cloudhaven B.V.", "ict"),
    ("Codeknap B.V.", "ict"),
    ("ICT Partners Oost B.V.", "ict"),
    ("Netbeheer Solutions B.V.", "ict"),
    ("Digitaal Dienstencentrum N.V.", "ict"),
    ("Pixelpark Studio B.V.", "ict"),
    ("Veilig Digitaal B.V.", "ict"),
    ("Stichting ICT Samenwerking Onderwijs", "ict"),
    # onderwijs
    ("Stichting Openbaar Primair Onderwijs De Stroom", "onderwijs"),
    ("Stichting Katholiek Onderwijs Brabant", "onderwijs"),
    ("Stichting Christelijk Voortgezet Onderwijs Midden", "onderwijs"),
    ("Stichting ROC Rijn en Vallei", "onderwijs"),
    ("Stichting Kinderopvang Zonnestraal", "onderwijs"),
    ("Kinderopvang Het Speelhuis B.V.", "onderwijs"),
    ("Stichting Montessorischool De Ontdekking", "onderwijs"),
    ("Stichting Scholengroep Noorderlicht", "onderwijs"),
    # horeca
    ("Hotel De Gouden Leeuw B.V.", "horeca"),
    ("Restaurant Het Pakhuis V.O.F.", "horeca"),
    ("Grand Café De Beurs B.V.", "horeca"),
    ("Strandpaviljoen Zeezicht B.V.", "horeca"),
    ("Koffiebranderij Bonenland B.V.", "horeca"),
    ("Hotelgroep Lage Landen N.V.", "horeca"),
    ("Partycentrum De Schouw B.V.", "horeca"),
    ("Brasserie Stadszicht V.O.F.", "horeca"),
    ("Lunchroom Broodnodig V.O.F.", "horeca"),
    # retail
    ("Supermarkt Versplein B.V.", "retail"),
    ("Bouwmarkt Klusgigant B.V.", "retail"),
    ("Modehuis Van Leeuwen B.V.", "retail"),
    ("Drogisterij Gezond & Wel B.V.", "retail"),
    ("Tuincentrum Het Groene Hart B.V.", "retail"),
    ("Elektronicawinkel Stroomlijn B.V.", "retail"),
    ("Boekhandel De Leestafel V.O.F.", "retail"),
    ("Coöperatie Landbouwwinkel Oost U.A.", "retail"),
    ("Sportwinkel Topvorm B.V.", "retail"),
    ("Woonwinkel Thuis & Co B.V.", "retail"),
    # bouw
    ("Bouwbedrijf Mulder B.V.", "bouw"),
    ("Aannemersbedrijf Visser & Zonen B.V.", "bouw"),
    ("Bouwgroep Noordhoek N.V.", "bouw"),
    ("Renovatiebedrijf Nieuw Leven B.V.", "bouw"),
    ("Schildersbedrijf Kleurrijk B.V.", "bouw"),
    ("Woningcorporatie Thuisbest", "bouw"),
    ("Stichting Woonstede Noord", "bouw"),
    ("Infra Werken Zuid B.V.", "bouw"),
    ("Dakdekkersbedrijf Hoog & Droog B.V.", "bouw"),
    # administratie
    ("Administratiekantoor Smits B.V.", "administratie"),
    ("Klantcontact Centrale B.V.", "administratie"),
    ("Salarisbureau Loonwijs B.V.", "administratie"),
    ("Incassobureau Helder B.V.", "administratie"),
    ("Advocatenkantoor Van Vliet & Partners N.V.", "administratie"),
    ("Notariskantoor Bosman B.V.", "administratie"),
    ("Vereniging Eigen Huis en Haard", "administratie"),
    # finance
    ("Spaarbank Rijnmond N.V.", "finance"),
    ("Coöperatie Spaarkring Oost U.A.", "finance"),
    ("Verzekeraar Zekerheid N.V.", "finance"),
    ("Pensioenfonds Bouw en Wonen", "finance"),
    ("Accountantskantoor De Boer & Co B.V.", "finance"),
    ("Hypotheekhuis Nederland B.V.", "finance"),
    ("Beleggingsfonds Noordzee N.V.", "finance"),
    ("Leasemaatschappij Rijklaar B.V.", "finance"),
    # marketing
    ("Reclamebureau Zichtbaar B.V.", "marketing"),
    ("Mediagroep Deltastad B.V.", "marketing"),
    ("Webwinkel Snelbesteld B.V.", "marketing"),
    ("Uitgeverij Papieren Tijger B.V.", "marketing"),
    ("Evenementenbureau Feestelijk B.V.", "marketing"),
    ("Communicatiebureau Helder Verhaal B.V.", "marketing"),
    ("Sportmerk Oranjeloper B.V.", "marketing"),
    # schoonmaak
    ("Schoonmaakbedrijf Glans B.V.", "schoonmaak"),
    ("Facilitair Bedrijf Netjes B.V.", "schoonmaak"),
    ("Glazenwassersbedrijf Helder Zicht V.O.F.", "schoonmaak"),
    ("Schoonmaakgroep Noord-Holland B.V.", "schoonmaak"),
    ("Hygiëne Service Zuid B.V.", "schoonmaak"),
    # beveiliging
    ("Beveiligingsbedrijf Waakzaam B.V.", "beveiliging"),
    ("Securitrust Lage Landen B.V.", "beveiliging"),
    ("Alarmcentrale Nachtwacht B.V.", "beveiliging"),
    ("Beveiliging & Toezicht Oost B.V.", "beveiliging"),
    # overheid
    ("Provincie Gelderland", "overheid"),
    ("Waterschap Rijn en IJssel", "overheid"),
    ("Omgevingsdienst Midden-Holland", "overheid"),
    ("Veiligheidsregio Brabant-Noord", "overheid"),
)

#: Every employer except the agency: named ones, then the municipalities.
EMPLOYERS: tuple[Employer, ...] = (
    tuple(Employer(name, sector) for name, sector in _NAMED)
    + tuple(Employer(f"Gemeente {town}", "overheid") for town in MUNICIPALITIES)
    + tuple(EMPLOYER_BOARD_OWNERS.values())
)

#: Which occupation sectors an employer of a sector hires for, with weights.
HIRES: dict[str, dict[str, float]] = {
    "zorg": {
        "zorg": 0.82,
        "administratie": 0.07,
        "schoonmaak": 0.04,
        "ict": 0.03,
        "horeca": 0.04,
    },
    "welzijn": {"welzijn": 0.75, "administratie": 0.15, "zorg": 0.1},
    "logistiek": {
        "logistiek": 0.82,
        "administratie": 0.08,
        "techniek": 0.06,
        "ict": 0.04,
    },
    "techniek": {"techniek": 0.8, "administratie": 0.08, "bouw": 0.07, "ict": 0.05},
    "productie": {
        "productie": 0.7,
        "logistiek": 0.14,
        "techniek": 0.12,
        "administratie": 0.04,
    },
    "ict": {"ict": 0.85, "marketing": 0.07, "administratie": 0.04, "finance": 0.04},
    "onderwijs": {
        "onderwijs": 0.88,
        "administratie": 0.06,
        "ict": 0.03,
        "schoonmaak": 0.03,
    },
    "horeca": {"horeca": 0.9, "schoonmaak": 0.05, "administratie": 0.05},
    "retail": {
        "retail": 0.82,
        "logistiek": 0.1,
        "marketing": 0.05,
        "administratie": 0.03,
    },
    "bouw": {"bouw": 0.78, "techniek": 0.12, "administratie": 0.1},
    "administratie": {"administratie": 0.85, "finance": 0.1, "ict": 0.05},
    "finance": {"finance": 0.65, "ict": 0.15, "administratie": 0.1, "marketing": 0.1},
    "marketing": {"marketing": 0.75, "ict": 0.15, "administratie": 0.1},
    "schoonmaak": {"schoonmaak": 0.9, "administratie": 0.1},
    "beveiliging": {"beveiliging": 0.9, "administratie": 0.1},
    "overheid": {
        "overheid": 0.6,
        "administratie": 0.12,
        "ict": 0.1,
        "welzijn": 0.1,
        "finance": 0.04,
        "marketing": 0.04,
    },
    "fintech": {"ict": 0.55, "finance": 0.25, "marketing": 0.12, "administratie": 0.08},
    "distributie": {
        "logistiek": 0.7,
        "techniek": 0.1,
        "ict": 0.1,
        "administratie": 0.1,
    },
}
