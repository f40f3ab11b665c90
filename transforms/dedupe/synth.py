"""Labelled benchmark sets: Dutch postings of known vacancies, noisy per board.

Each vacancy is posted on one to five boards. Every board has its own habits:
gender markers or hours in titles, legal forms in employer names, places
written as postal code, village or region, descriptions reworded, shortened or
cut off, dates a few days later, typos. Agencies often hide the employer.
Hard negatives are generated on purpose: the same employer and title in another
place, licence classes (C and CE), junior and senior, medewerker and
teamleider, the same title at another employer in the same place, and the same
job posted again months later. The truth is the vacancy key of each posting.

Run as a script to write a set::

    python -m transforms.dedupe.synth --postings 100000 --output DIR

which writes ``DIR/postings.jsonl`` (the posting contract plus
``source_type``) and ``DIR/truth.csv`` (``posting_id,vacancy_key``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["Noise", "generate_postings", "main", "write_set"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Noise:
    """How strongly boards distort what they copy.

    Parameters
    ----------
    typo_rate : float
        Chance per posting of a typo in the title and in the description.
    reword_rate : float
        Chance per sentence that a board rewords it.
    max_date_shift : int
        Days a board may publish after the first posting.
    hard_negative_rate : float
        Chance per vacancy that a look-alike vacancy is made next to it.
    hide_employer_rate : float
        Chance that an agency hides the employer.
    """

    typo_rate: float = 0.15
    reword_rate: float = 0.3
    max_date_shift: int = 10
    hard_negative_rate: float = 0.35
    hide_employer_rate: float = 0.6


# Occupations: title, variants that mean the same, tasks, requirements, hours,
# monthly salary range; "{lvl}" and "{cls}" are filled per vacancy.
_OCCUPATIONS: list[dict[str, Any]] = [
    {
        "title": "Chauffeur {cls}",
        "same": ["Vrachtwagenchauffeur {cls}", "Chauffeur rijbewijs {cls}"],
        "cls": ["C", "CE"],
        "tasks": [
            "Je vervoert goederen naar klanten door heel Nederland",
            "Je laadt en lost de wagen zorgvuldig",
            "Je controleert de vracht en de papieren voor vertrek",
            "Je rijdt vaste ritten vanaf ons depot",
            "Je onderhoudt contact met de planning",
        ],
        "needs": ["rijbewijs {cls} en code 95", "een digitale tachograafkaart"],
        "hours": (32, 45),
        "salary": (2600, 3400),
        "sector": "transport",
    },
    {
        "title": "{lvl} Accountmanager",
        "same": ["{lvl} Account manager", "{lvl} Accountmanager buitendienst"],
        "lvl": ["Junior", "Senior"],
        "tasks": [
            "Je bouwt relaties op met nieuwe en bestaande klanten",
            "Je stelt offertes op en voert onderhandelingen",
            "Je signaleert kansen in de markt",
            "Je werkt nauw samen met de binnendienst",
            "Je rapporteert aan de commercieel directeur",
        ],
        "needs": ["een afgeronde hbo-opleiding", "commercieel inzicht"],
        "hours": (36, 40),
        "salary": (3000, 5200),
        "sector": "zakelijk",
    },
    {
        "title": "{lvl} klantenservice",
        "same": ["{lvl} customer service", "{lvl} klantcontact"],
        "lvl": ["Medewerker", "Teamleider"],
        "tasks": [
            "Je beantwoordt vragen van klanten via telefoon, mail en chat",
            "Je lost klachten op en denkt mee over verbeteringen",
            "Je registreert gesprekken in ons klantsysteem",
            "Je werkt samen met collega's van de backoffice",
        ],
        "needs": [
            "goede beheersing van de Nederlandse taal",
            "mbo-4 werk- en denkniveau",
        ],
        "hours": (24, 40),
        "salary": (2300, 3300),
        "sector": "dienstverlening",
    },
    {
        "title": "Verpleegkundige",
        "same": ["Verpleegkundige niveau 4", "Allround verpleegkundige"],
        "tasks": [
            "Je verleent zorg aan patienten met complexe zorgvragen",
            "Je stelt zorgplannen op en evalueert ze",
            "Je werkt nauw samen met artsen en paramedici",
            "Je begeleidt leerlingen en stagiaires op de afdeling",
            "Je draait mee in avond-, nacht- en weekenddiensten",
        ],
        "needs": ["een BIG-registratie", "een diploma verpleegkunde"],
        "hours": (24, 36),
        "salary": (2900, 4300),
        "sector": "zorg",
    },
    {
        "title": "Verzorgende IG",
        "same": ["Verzorgende-IG", "Verzorgende individuele gezondheidszorg"],
        "tasks": [
            "Je ondersteunt bewoners bij de dagelijkse verzorging",
            "Je deelt medicatie uit en signaleert veranderingen",
            "Je houdt het zorgdossier bij",
            "Je bent een vertrouwd gezicht voor bewoners en familie",
        ],
        "needs": ["een diploma verzorgende IG niveau 3", "geduld en inlevingsvermogen"],
        "hours": (16, 32),
        "salary": (2400, 3200),
        "sector": "zorg",
    },
    {
        "title": "{lvl} Java developer",
        "same": ["{lvl} Java ontwikkelaar", "{lvl} Software engineer Java"],
        "lvl": ["Junior", "Medior", "Senior"],
        "tasks": [
            "Je ontwikkelt nieuwe functies in onze webapplicaties",
            "Je schrijft onderhoudbare en geteste code",
            "Je werkt in een scrumteam met vier ontwikkelaars",
            "Je denkt mee over de architectuur van ons platform",
            "Je reviewt code van collega's",
        ],
        "needs": ["kennis van Java en Spring", "ervaring met SQL-databases"],
        "hours": (32, 40),
        "salary": (3200, 6000),
        "sector": "ict",
    },
    {
        "title": "Magazijnmedewerker",
        "same": ["Medewerker magazijn", "Logistiek medewerker magazijn"],
        "tasks": [
            "Je verzamelt orders met een handscanner",
            "Je ontvangt en controleert inkomende goederen",
            "Je houdt het magazijn netjes en veilig",
            "Je rijdt op een elektrische pallettruck",
        ],
        "needs": ["een heftruckcertificaat is een pre", "flexibiliteit in werktijden"],
        "hours": (32, 40),
        "salary": (2100, 2700),
        "sector": "logistiek",
    },
    {
        "title": "Orderpicker",
        "same": ["Orderpicker magazijn", "Orderverzamelaar"],
        "tasks": [
            "Je pakt bestellingen in volgens de picklijst",
            "Je werkt in ploegendienst in een modern distributiecentrum",
            "Je zorgt dat orders op tijd klaarstaan voor transport",
        ],
        "needs": ["een goede fysieke conditie", "beschikbaarheid in het weekend"],
        "hours": (24, 40),
        "salary": (2000, 2500),
        "sector": "logistiek",
    },
    {
        "title": "Servicemonteur {lvl}",
        "same": ["Monteur service en onderhoud {lvl}", "Service monteur {lvl}"],
        "lvl": ["Installatietechniek", "Elektrotechniek", "Koeltechniek"],
        "tasks": [
            "Je voert onderhoud uit bij klanten op locatie",
            "Je lost storingen op en adviseert klanten",
            "Je rijdt in een eigen servicebus",
            "Je rapporteert je werk via een tablet",
        ],
        "needs": ["een mbo-diploma techniek", "VCA"],
        "hours": (38, 40),
        "salary": (2700, 3700),
        "sector": "techniek",
    },
    {
        "title": "Leerkracht groep {lvl}",
        "same": ["Leerkracht basisonderwijs groep {lvl}", "Juf/meester groep {lvl}"],
        "lvl": ["3", "4", "5", "6", "7", "8"],
        "tasks": [
            "Je geeft les aan een betrokken groep leerlingen",
            "Je stemt af met je duo-collega en de intern begeleider",
            "Je onderhoudt contact met ouders",
            "Je draagt bij aan de ontwikkeling van ons onderwijs",
        ],
        "needs": ["een pabo-diploma", "plezier in het werken met kinderen"],
        "hours": (16, 40),
        "salary": (3100, 4800),
        "sector": "onderwijs",
    },
    {
        "title": "Kok",
        "same": ["Zelfstandig werkend kok", "Kok keuken"],
        "tasks": [
            "Je bereidt gerechten van de kaart met verse producten",
            "Je bewaakt de hygiene in de keuken",
            "Je denkt mee over nieuwe seizoensgerechten",
            "Je werkt in avonden en weekenden",
        ],
        "needs": ["een koksopleiding", "ervaring in een professionele keuken"],
        "hours": (24, 40),
        "salary": (2300, 3100),
        "sector": "horeca",
    },
    {
        "title": "{lvl} Winkel",
        "same": ["{lvl} winkel", "{lvl} filiaal"],
        "lvl": ["Verkoopmedewerker", "Assistent-filiaalmanager", "Filiaalmanager"],
        "tasks": [
            "Je helpt klanten met advies over ons assortiment",
            "Je zorgt voor een verzorgde winkel en volle schappen",
            "Je werkt aan de kassa en verwerkt retouren",
            "Je helpt bij het ontvangen van de wekelijkse levering",
        ],
        "needs": ["klantvriendelijkheid", "beschikbaarheid op zaterdag"],
        "hours": (12, 38),
        "salary": (1900, 3600),
        "sector": "retail",
    },
    {
        "title": "Administratief medewerker",
        "same": ["Medewerker administratie", "Administratief medewerk(st)er"],
        "tasks": [
            "Je verwerkt inkoop- en verkoopfacturen",
            "Je beheert de debiteurenadministratie",
            "Je bereidt de maandafsluiting voor",
            "Je beantwoordt vragen van leveranciers",
        ],
        "needs": ["een mbo-4 opleiding administratie", "kennis van Exact of AFAS"],
        "hours": (20, 36),
        "salary": (2400, 3200),
        "sector": "zakelijk",
    },
    {
        "title": "Pedagogisch medewerker",
        "same": ["Pedagogisch medewerker kinderopvang", "Pedagogisch professional"],
        "tasks": [
            "Je begeleidt kinderen van nul tot vier jaar",
            "Je biedt een veilige en uitdagende omgeving",
            "Je observeert de ontwikkeling van kinderen",
            "Je bespreekt de dag met ouders bij het ophalen",
        ],
        "needs": ["een passend diploma volgens de cao kinderopvang", "een VOG"],
        "hours": (16, 32),
        "salary": (2400, 3200),
        "sector": "kinderopvang",
    },
    {
        "title": "Productiemedewerker",
        "same": ["Medewerker productie", "Operator productie"],
        "tasks": [
            "Je bedient en bewaakt productielijnen",
            "Je controleert de kwaliteit van het eindproduct",
            "Je werkt in een drieploegendienst",
            "Je houdt je werkplek schoon volgens de voorschriften",
        ],
        "needs": ["technisch inzicht", "ervaring in productie is een pre"],
        "hours": (36, 40),
        "salary": (2200, 2900),
        "sector": "industrie",
    },
    {
        "title": "HR adviseur",
        "same": ["HR-adviseur", "Adviseur HR"],
        "tasks": [
            "Je adviseert leidinggevenden over personeelszaken",
            "Je begeleidt verzuim en re-integratie",
            "Je werkt mee aan het beleid rond werving en opleiding",
            "Je voert gesprekken bij in- en uitstroom",
        ],
        "needs": ["een hbo-opleiding HRM", "drie jaar ervaring"],
        "hours": (32, 36),
        "salary": (3400, 4800),
        "sector": "zakelijk",
    },
    {
        "title": "Schoonmaker",
        "same": ["Schoonmaakmedewerker", "Medewerker schoonmaak"],
        "tasks": [
            "Je maakt kantoren en sanitaire ruimtes schoon",
            "Je werkt zelfstandig in de vroege ochtend of avond",
            "Je meldt bijzonderheden aan je leidinggevende",
        ],
        "needs": ["betrouwbaarheid", "je spreekt Nederlands of Engels"],
        "hours": (10, 30),
        "salary": (2000, 2300),
        "sector": "schoonmaak",
    },
    {
        "title": "Beveiliger",
        "same": ["Beveiligingsmedewerker", "Objectbeveiliger"],
        "tasks": [
            "Je houdt toezicht op het terrein en de gebouwen",
            "Je controleert bezoekers bij de toegang",
            "Je loopt rondes en schrijft rapportages",
            "Je handelt alarmmeldingen af",
        ],
        "needs": ["een diploma beveiliger 2", "een geldige beveiligingspas"],
        "hours": (24, 40),
        "salary": (2300, 2900),
        "sector": "beveiliging",
    },
    {
        "title": "Data analist",
        "same": ["Data-analist", "Data analyst"],
        "tasks": [
            "Je analyseert gegevens en vertaalt ze naar advies",
            "Je bouwt dashboards voor verschillende afdelingen",
            "Je verbetert de kwaliteit van onze data",
            "Je werkt met SQL, Python en Power BI",
        ],
        "needs": ["een afgeronde hbo- of wo-opleiding", "analytisch vermogen"],
        "hours": (32, 40),
        "salary": (3300, 5200),
        "sector": "ict",
    },
    {
        "title": "Timmerman",
        "same": ["Allround timmerman", "Timmerman bouw"],
        "tasks": [
            "Je werkt aan nieuwbouw en renovatie van woningen",
            "Je plaatst kozijnen, deuren en trappen",
            "Je leest bouwtekeningen en werkt nauwkeurig",
        ],
        "needs": ["een vakdiploma timmeren", "VCA basis"],
        "hours": (38, 40),
        "salary": (2700, 3500),
        "sector": "bouw",
    },
]

# Families of jobs told apart by a specialisation: each is its own occupation.
_FAMILIES: list[tuple[str, list[str], str, tuple[int, int], tuple[int, int]]] = [
    (
        "Medewerker {x}",
        [
            "inkoop",
            "planning",
            "debiteuren",
            "crediteuren",
            "salarisadministratie",
            "facilitaire dienst",
            "buitendienst",
            "receptie",
            "postkamer",
            "expeditie",
        ],
        "zakelijk",
        (24, 40),
        (2300, 3300),
    ),
    (
        "Adviseur {x}",
        [
            "duurzaamheid",
            "verzekeringen",
            "hypotheken",
            "arbo",
            "inkoop",
            "informatiebeveiliging",
            "communicatie",
            "subsidies",
        ],
        "zakelijk",
        (32, 40),
        (3200, 5200),
    ),
    (
        "Docent {x}",
        [
            "Nederlands",
            "Engels",
            "wiskunde",
            "geschiedenis",
            "biologie",
            "economie",
            "lichamelijke opvoeding",
            "scheikunde",
        ],
        "onderwijs",
        (16, 40),
        (3300, 5300),
    ),
    (
        "Monteur {x}",
        [
            "zonnepanelen",
            "warmtepompen",
            "liften",
            "glasvezel",
            "rolluiken",
            "keukens",
            "airconditioning",
        ],
        "techniek",
        (38, 40),
        (2600, 3500),
    ),
    (
        "Verkoper {x}",
        ["fietsen", "auto's", "keukens", "tuinartikelen", "elektronica", "meubels"],
        "retail",
        (24, 40),
        (2200, 3200),
    ),
    (
        "Engineer {x}",
        [
            "procestechniek",
            "werktuigbouw",
            "elektrotechniek",
            "besturingstechniek",
            "constructie",
            "kwaliteit",
        ],
        "techniek",
        (36, 40),
        (3400, 5400),
    ),
]
_FAMILY_TASKS = [
    "Je bent verantwoordelijk voor {x} binnen onze organisatie",
    "Je houdt je kennis van {x} actueel",
    "Je werkt samen met collega's van andere afdelingen",
    "Je signaleert verbeteringen en voert ze door",
    "Je rapporteert over de voortgang aan je leidinggevende",
    "Je ondersteunt het team bij drukte",
]
for _template, _specialities, _sector, _hours, _salary in _FAMILIES:
    for _x in _specialities:
        _OCCUPATIONS.append(
            {
                "title": _template.replace("{x}", _x),
                "same": [_template.replace("{x}", _x).lower()],
                "tasks": [t.replace("{x}", _x.lower()) for t in _FAMILY_TASKS],
                "needs": ["een afgeronde opleiding", "enkele jaren ervaring"],
                "hours": _hours,
                "salary": _salary,
                "sector": _sector,
            }
        )

_SECTOR_EMPLOYERS: dict[str, list[str]] = {
    "transport": ["Transport", "Logistics", "Expeditie", "Koeriers", "Vervoer"],
    "zakelijk": ["Groep", "Advies", "Partners", "Solutions", "Services"],
    "dienstverlening": ["Energie", "Verzekeringen", "Telecom", "Service", "Direct"],
    "zorg": ["Zorggroep", "Ziekenhuis", "Thuiszorg", "Zorgcentrum", "Zorg"],
    "ict": ["Software", "IT", "Digital", "Systems", "Data"],
    "logistiek": ["Distributie", "Fulfilment", "Warehousing", "Logistiek", "Supply"],
    "techniek": ["Installatietechniek", "Techniek", "Elektro", "Klimaat", "Service"],
    "onderwijs": ["Basisschool", "Kindcentrum", "Montessorischool", "School"],
    "horeca": ["Restaurant", "Brasserie", "Grand Cafe", "Hotel", "Eethuis"],
    "retail": ["Mode", "Wonen", "Sport", "Bouwmarkt", "Drogisterij"],
    "kinderopvang": ["Kinderopvang", "Kinderdagverblijf", "Kindcentrum"],
    "industrie": ["Foods", "Metaal", "Verpakkingen", "Kunststoffen", "Productie"],
    "schoonmaak": ["Schoonmaak", "Facilitair", "Cleaning", "Glasbewassing"],
    "beveiliging": ["Security", "Beveiliging", "Bewaking"],
    "bouw": ["Bouw", "Aannemersbedrijf", "Bouwbedrijf", "Renovatie"],
}
_NAMES = [
    "De Vries",
    "Jansen",
    "Van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Smits",
    "Kok",
    "Van Dam",
    "Verhoeven",
    "Koster",
    "Prins",
    "Blom",
    "Huisman",
    "Kuipers",
    "Van der Linden",
    "Postma",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Veenstra",
]
_PLACE_NAMES = [
    "De Linde",
    "Het Anker",
    "De Horst",
    "Het Baken",
    "De Wissel",
    "Noorderlicht",
    "Zonnehof",
    "De Hoeve",
    "Rivierenland",
    "De Kempen",
    "Oostergo",
    "Het Veld",
    "Waterland",
    "De Brink",
    "Zuiderpoort",
    "Het Spectrum",
    "De Regenboog",
    "Eikenhorst",
    "De Zeven Provincien",
    "Polderzicht",
    "Duinzicht",
    "De Meent",
]
_LEGAL = ["B.V.", "BV", "N.V.", "V.O.F.", "Holding B.V.", "Nederland B.V.", ""]

# Municipalities with places in them, their province and first postal codes.
_MUNICIPALITIES: list[tuple[str, list[str], str, int, list[str]]] = [
    ("Amsterdam", ["Amsterdam"], "Noord-Holland", 1011, ["Amsterdam-Zuidoost"]),
    ("Rotterdam", ["Rotterdam", "Hoogvliet"], "Zuid-Holland", 3011, []),
    (
        "'s-Gravenhage",
        ["Den Haag", "Scheveningen"],
        "Zuid-Holland",
        2511,
        ["'s-Gravenhage", "The Hague"],
    ),
    ("Utrecht", ["Utrecht", "Vleuten", "De Meern"], "Utrecht", 3511, []),
    ("Eindhoven", ["Eindhoven"], "Noord-Brabant", 5611, []),
    ("Groningen", ["Groningen", "Haren"], "Groningen", 9711, []),
    ("Tilburg", ["Tilburg", "Berkel-Enschot"], "Noord-Brabant", 5011, []),
    ("Almere", ["Almere"], "Flevoland", 1315, ["Almere-Stad"]),
    ("Breda", ["Breda", "Prinsenbeek"], "Noord-Brabant", 4811, []),
    ("Nijmegen", ["Nijmegen", "Lent"], "Gelderland", 6511, []),
    (
        "Haarlemmermeer",
        ["Hoofddorp", "Nieuw-Vennep", "Badhoevedorp"],
        "Noord-Holland",
        2131,
        [],
    ),
    ("Zaanstad", ["Zaandam", "Wormerveer", "Krommenie"], "Noord-Holland", 1501, []),
    ("Apeldoorn", ["Apeldoorn"], "Gelderland", 7311, []),
    ("Arnhem", ["Arnhem"], "Gelderland", 6811, []),
    ("Amersfoort", ["Amersfoort"], "Utrecht", 3811, []),
    ("Enschede", ["Enschede"], "Overijssel", 7511, []),
    ("Zwolle", ["Zwolle"], "Overijssel", 8011, []),
    ("Leeuwarden", ["Leeuwarden"], "Friesland", 8911, ["Ljouwert"]),
    ("Maastricht", ["Maastricht"], "Limburg", 6211, []),
    ("Dordrecht", ["Dordrecht"], "Zuid-Holland", 3311, []),
    ("Leiden", ["Leiden"], "Zuid-Holland", 2311, []),
    (
        "'s-Hertogenbosch",
        ["'s-Hertogenbosch", "Rosmalen"],
        "Noord-Brabant",
        5211,
        ["Den Bosch"],
    ),
    ("Westland", ["Naaldwijk", "Monster", "Wateringen"], "Zuid-Holland", 2671, []),
    ("Súdwest-Fryslân", ["Sneek", "Bolsward"], "Friesland", 8601, []),
    ("Venlo", ["Venlo", "Blerick"], "Limburg", 5911, []),
    ("Deventer", ["Deventer"], "Overijssel", 7411, []),
    ("Delft", ["Delft"], "Zuid-Holland", 2611, []),
    ("Ede", ["Ede", "Bennekom"], "Gelderland", 6711, []),
    (
        "Lansingerland",
        ["Bergschenhoek", "Berkel en Rodenrijs"],
        "Zuid-Holland",
        2661,
        [],
    ),
    ("Houten", ["Houten"], "Utrecht", 3991, []),
    (
        "Alphen aan den Rijn",
        ["Alphen aan den Rijn"],
        "Zuid-Holland",
        2401,
        ["Alphen a/d Rijn"],
    ),
    ("Heerlen", ["Heerlen"], "Limburg", 6411, []),
    ("Hilversum", ["Hilversum"], "Noord-Holland", 1211, []),
    ("Helmond", ["Helmond"], "Noord-Brabant", 5701, []),
    ("Emmen", ["Emmen"], "Drenthe", 7811, []),
    ("Oss", ["Oss"], "Noord-Brabant", 5341, []),
    ("Haarlem", ["Haarlem"], "Noord-Holland", 2011, []),
    ("Zoetermeer", ["Zoetermeer"], "Zuid-Holland", 2711, []),
    ("Alkmaar", ["Alkmaar"], "Noord-Holland", 1811, []),
    ("Gouda", ["Gouda"], "Zuid-Holland", 2801, []),
    ("Roosendaal", ["Roosendaal"], "Noord-Brabant", 4701, []),
    ("Purmerend", ["Purmerend"], "Noord-Holland", 1441, []),
    ("Schiedam", ["Schiedam"], "Zuid-Holland", 3111, []),
    ("Vlaardingen", ["Vlaardingen"], "Zuid-Holland", 3131, []),
    ("Hengelo", ["Hengelo"], "Overijssel", 7551, []),
    ("Almelo", ["Almelo"], "Overijssel", 7601, []),
    ("Assen", ["Assen"], "Drenthe", 9401, []),
    ("Lelystad", ["Lelystad"], "Flevoland", 8211, []),
    ("Middelburg", ["Middelburg"], "Zeeland", 4331, []),
    ("Vlissingen", ["Vlissingen"], "Zeeland", 4381, []),
    ("Goes", ["Goes"], "Zeeland", 4461, []),
    ("Bergen op Zoom", ["Bergen op Zoom"], "Noord-Brabant", 4611, []),
    ("Veenendaal", ["Veenendaal"], "Utrecht", 3901, []),
    ("Nieuwegein", ["Nieuwegein"], "Utrecht", 3431, []),
    ("Zeist", ["Zeist"], "Utrecht", 3701, []),
    ("Harderwijk", ["Harderwijk"], "Gelderland", 3841, []),
    ("Doetinchem", ["Doetinchem"], "Gelderland", 7001, []),
    ("Tiel", ["Tiel"], "Gelderland", 4001, []),
    ("Weert", ["Weert"], "Limburg", 6001, []),
    ("Roermond", ["Roermond"], "Limburg", 6041, []),
    ("Sittard-Geleen", ["Sittard", "Geleen"], "Limburg", 6131, []),
    ("Kampen", ["Kampen"], "Overijssel", 8261, []),
    ("Drachten", ["Drachten"], "Friesland", 9201, []),
    ("Heerenveen", ["Heerenveen"], "Friesland", 8441, []),
    ("Den Helder", ["Den Helder"], "Noord-Holland", 1781, []),
    ("Hoorn", ["Hoorn"], "Noord-Holland", 1621, []),
    ("Katwijk", ["Katwijk"], "Zuid-Holland", 2221, []),
    ("Waalwijk", ["Waalwijk"], "Noord-Brabant", 5141, []),
    ("Uden", ["Uden"], "Noord-Brabant", 5401, []),
    ("Meppel", ["Meppel"], "Drenthe", 7941, []),
]

# Boards: name, source type, habits.
_BOARDS: list[tuple[str, str, dict[str, float]]] = [
    ("werkplein", "board", {"gender": 0.6, "hours": 0.2, "place": 0.3, "fields": 0.9}),
    (
        "vacaturenet",
        "board",
        {"gender": 0.3, "hours": 0.4, "place": 0.5, "fields": 0.7},
    ),
    ("zorgbanen", "board", {"gender": 0.5, "hours": 0.3, "place": 0.2, "fields": 0.8}),
    ("technieknu", "board", {"gender": 0.4, "hours": 0.1, "place": 0.4, "fields": 0.6}),
    ("banenbank", "board", {"gender": 0.2, "hours": 0.5, "place": 0.2, "fields": 0.5}),
    (
        "jobverzamelaar",
        "aggregator",
        {"gender": 0.5, "hours": 0.3, "place": 0.6, "fields": 0.3},
    ),
    (
        "vacaturezoeker",
        "aggregator",
        {"gender": 0.7, "hours": 0.1, "place": 0.3, "fields": 0.2},
    ),
    (
        "werkradar",
        "aggregator",
        {"gender": 0.3, "hours": 0.2, "place": 0.4, "fields": 0.4},
    ),
    ("flexpunt", "agency", {"gender": 0.8, "hours": 0.6, "place": 0.7, "fields": 0.9}),
    (
        "uitzendhuis",
        "agency",
        {"gender": 0.6, "hours": 0.4, "place": 0.5, "fields": 0.8},
    ),
    ("werkbrug", "agency", {"gender": 0.5, "hours": 0.5, "place": 0.6, "fields": 0.7}),
]

_INTROS = [
    "Bij {employer} werken we elke dag aan {mission}.",
    "{employer} is een organisatie waar {mission} centraal staat.",
    "Wil jij bijdragen aan {mission}? Kom dan werken bij {employer}.",
]
_MISSIONS = [
    "goede service voor onze klanten",
    "de beste zorg in de regio",
    "duurzame groei en vakmanschap",
    "een fijne werkplek voor iedereen",
    "innovatie en kwaliteit",
]
_OFFERS = [
    "Wij bieden een salaris tussen {smin} en {smax} euro per maand.",
    "Je verdient tussen de {smin} en {smax} euro bruto per maand.",
]
_EXTRAS = [
    "Je krijgt een reiskostenvergoeding en goede pensioenregeling.",
    "Er is ruimte voor opleiding en persoonlijke ontwikkeling.",
    "Je werkt in een hecht team met korte lijnen.",
    "Je krijgt een jaarcontract met uitzicht op vast.",
    "We bieden flexibele werktijden en een laptop.",
    "Je ontvangt een eindejaarsuitkering en vakantiegeld.",
]
_REWORDS = {
    "Je ": "Jij ",
    "werkt ": "bent werkzaam ",
    "klanten": "afnemers",
    "collega's": "teamgenoten",
    "zorgvuldig": "nauwkeurig",
    "nieuwe": "nieuwe en bestaande",
    "Wij bieden": "Wat wij bieden is",
    "ervaring": "werkervaring",
    "organisatie": "werkgever",
    "team": "afdeling",
    "helpt": "ondersteunt",
    "dagelijkse": "dagelijks",
}
_HIDDEN = [
    "Onze opdrachtgever",
    "Een bekende {sector}organisatie in de regio {place}",
    "Een toonaangevende werkgever",
    "Opdrachtgever van {agency}",
    "Vertrouwelijk",
    "{agency}",
]
_AGENCY_INTROS = [
    "Voor onze opdrachtgever in {place} zoeken wij een {title}.",
    "Ben jij de {title} die wij zoeken voor een mooie klant in {place}?",
    "Wij zijn op zoek naar een enthousiaste {title} voor een opdrachtgever.",
]


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 6:
        return text
    i = rng.randrange(1, len(text) - 2)
    kind = rng.random()
    if kind < 0.4:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind < 0.7:
        return text[:i] + text[i + 1 :]
    return text[:i] + text[i] + text[i:]


_ABOUT_VERBS = [
    "leveren",
    "ontwikkelen",
    "verzorgen",
    "onderhouden",
    "verkopen",
    "bouwen",
    "ondersteunen",
    "beheren",
    "produceren",
    "adviseren over",
]
_ABOUT_OBJECTS = [
    "oplossingen op maat",
    "diensten van hoge kwaliteit",
    "producten met een eerlijk verhaal",
    "zorg dichtbij huis",
    "slimme installaties",
    "verse maaltijden",
    "veilige gebouwen",
    "software voor de zorg",
    "duurzame energie",
    "onderwijs met aandacht",
    "logistieke diensten",
    "woningen en kantoren",
]
_ABOUT_WHO = [
    "particulieren",
    "bedrijven in de regio",
    "gemeenten",
    "scholen",
    "ziekenhuizen",
    "webwinkels",
    "ouderen",
    "gezinnen",
    "boeren",
    "internationale klanten",
]
_TEAMS = [
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Centrum",
    "Service",
    "Projecten",
    "Operations",
    "Support",
    "Binnendienst",
    "Buitendienst",
    "Kwaliteit",
    "Innovatie",
    "Klantzaken",
    "Planning",
    "Beheer",
    "Nachtdienst",
    "Dagdienst",
]
_STARTS = [
    "zo snel mogelijk",
    "per direct",
    "in overleg",
    "na de zomer",
    "begin volgend kwartaal",
    "op korte termijn",
]


@dataclass
class _Employer:
    name: str
    sector: str
    municipalities: list[int]
    about: str


@dataclass
class _Vacancy:
    key: str
    employer: int
    occupation: int
    variant: str
    municipality: int
    place: str
    day: int
    hours: tuple[int, int]
    salary: tuple[int, int]
    sentences: list[str]


class _Generator:
    def __init__(self, seed: int, noise: Noise) -> None:
        self.rng = random.Random(seed)
        self.noise = noise
        self.employers: list[_Employer] = []
        self.vacancies: list[_Vacancy] = []
        self.rows: list[dict[str, object]] = []
        self.truth: list[tuple[str, str]] = []
        self.jobs: set[tuple[int, int, str, int]] = set()
        self.names: set[str] = set()
        self.by_sector: dict[str, list[int]] = {}
        self.start = dt.date(2026, 1, 1).toordinal()

    def employer(self, sector: str) -> _Employer:
        rng = self.rng
        word = rng.choice(_SECTOR_EMPLOYERS[sector])
        style = rng.random()
        if style < 0.4:
            base = f"{rng.choice(_NAMES)} {word}"
        elif style < 0.7:
            base = f"{word} {rng.choice(_PLACE_NAMES)}"
        elif style < 0.85:
            base = f"Stichting {word} {rng.choice(_PLACE_NAMES)}"
        else:
            base = f"{rng.choice(_PLACE_NAMES)} {word}"
        # Real employers rarely share a name; a repeat gets a family name.
        while base.removeprefix("Stichting ") in self.names:
            base = f"{base} {rng.choice(_NAMES)}"
        self.names.add(base.removeprefix("Stichting "))
        if not base.startswith("Stichting") and rng.random() < 0.5:
            base = f"{base} {rng.choice(_LEGAL)}".strip()
        count = 1 if rng.random() < 0.6 else rng.randint(2, 6)
        places = rng.sample(range(len(_MUNICIPALITIES)), count)
        about = (
            f"{{employer}} is opgericht in {rng.randint(1890, 2022)} en heeft "
            f"{rng.randint(5, 4000)} medewerkers. Wij {rng.choice(_ABOUT_VERBS)} "
            f"{rng.choice(_ABOUT_OBJECTS)} voor {rng.choice(_ABOUT_WHO)}."
        )
        self.by_sector.setdefault(sector, []).append(len(self.employers))
        self.employers.append(_Employer(base, sector, places, about))
        return self.employers[-1]

    def vacancy(
        self,
        *,
        employer: int | None = None,
        occupation: int | None = None,
        variant: str | None = None,
        municipality: int | None = None,
        day: int | None = None,
        like: _Vacancy | None = None,
    ) -> _Vacancy:
        rng = self.rng
        if occupation is None:
            occupation = rng.randrange(len(_OCCUPATIONS))
        spec = _OCCUPATIONS[occupation]
        if employer is None:
            sector = str(spec["sector"])
            pool = self.by_sector.setdefault(sector, [])
            if pool and rng.random() < 0.8:
                employer = rng.choice(pool)
            else:
                self.employer(sector)
                employer = len(self.employers) - 1
        if variant is None:
            options = spec.get("lvl") or spec.get("cls") or [""]
            variant = rng.choice(options)
        if municipality is None:
            municipality = rng.choice(self.employers[employer].municipalities)
            # Two unrelated vacancies for one job at one employer in one place
            # would be look-alikes by accident; those are made on purpose only.
            if (employer, occupation, variant, municipality) in self.jobs:
                self.employer(str(spec["sector"]))
                employer = len(self.employers) - 1
                municipality = rng.choice(self.employers[employer].municipalities)
        self.jobs.add((employer, occupation, variant, municipality))
        place = rng.choice(_MUNICIPALITIES[municipality][1])
        if day is None:
            day = self.start + rng.randrange(0, 240)
        low, high = spec["hours"]
        hours_min = rng.randrange(low, high + 1, 2)
        hours = (hours_min, min(high, hours_min + rng.choice([0, 4, 8])))
        smin, smax = spec["salary"]
        salary_low = rng.randrange(smin, smax, 50)
        salary = (salary_low, salary_low + rng.choice([300, 500, 800]))
        if like is not None and rng.random() < 0.7:
            sentences = list(like.sentences)
        else:
            tasks = rng.sample(spec["tasks"], k=min(3, len(spec["tasks"])))
            needs = rng.sample(spec["needs"], k=2)
            sentences = [
                rng.choice(_INTROS).replace("{mission}", rng.choice(_MISSIONS)),
                self.employers[employer].about,
                f"Je komt in team {rng.choice(_TEAMS)} met "
                f"{rng.randint(3, 40)} collega's.",
                *[t + "." for t in tasks],
                f"Je start {rng.choice(_STARTS)}.",
                "Wat vragen wij? " + ", ".join(needs) + ".",
                rng.choice(_OFFERS),
                *rng.sample(_EXTRAS, k=2),
            ]
        key = f"k{len(self.vacancies):07d}"
        vacancy = _Vacancy(
            key,
            employer,
            occupation,
            variant,
            municipality,
            place,
            day,
            hours,
            salary,
            sentences,
        )
        self.vacancies.append(vacancy)
        return vacancy

    def title(self, vacancy: _Vacancy, canonical: bool) -> str:
        spec = _OCCUPATIONS[vacancy.occupation]
        template = str(spec["title"])
        if not canonical:
            template = self.rng.choice(spec["same"])
        title = template.replace("{lvl}", vacancy.variant).replace(
            "{cls}", vacancy.variant
        )
        return " ".join(title.split())

    def location(self, vacancy: _Vacancy, style: float) -> tuple[str, str | None]:
        rng = self.rng
        _, _, province, postal, aliases = _MUNICIPALITIES[vacancy.municipality]
        place = vacancy.place
        if (
            aliases
            and rng.random() < 0.3
            and place == _MUNICIPALITIES[vacancy.municipality][1][0]
        ):
            place = rng.choice(aliases)
        roll = rng.random()
        postal_code = None
        if roll < style * 0.3:
            letters = rng.choice(["AB", "CD", "EK", "LM", "RS"])
            postal_code = f"{postal + rng.randrange(0, 9)} {letters}"
            return f"{postal_code} {place}", postal_code
        if roll < style * 0.55:
            return f"{place}, {province}", None
        if roll < style * 0.75:
            return f"Regio {place}", None
        if roll < style * 0.85:
            return f"{place} ({province})", None
        if roll < style:
            return place.upper() if rng.random() < 0.3 else f"{place}, Nederland", None
        return place, None

    def post(self, vacancy: _Vacancy, board: int, first: bool) -> None:
        rng = self.rng
        noise = self.noise
        name, source, habits = _BOARDS[board] if board >= 0 else ("", "employer", {})
        employer = self.employers[vacancy.employer]
        if board < 0:
            name = (
                "werkenbij-"
                + "".join(c for c in employer.name.lower() if c.isalnum())[:20]
            )
            habits = {"gender": 0.1, "hours": 0.0, "place": 0.0, "fields": 1.0}
        retitle = {"agency": 0.35, "aggregator": 0.05, "board": 0.1, "employer": 0.0}
        title = self.title(vacancy, canonical=first or rng.random() >= retitle[source])
        if rng.random() < habits["gender"]:
            title += " " + rng.choice(
                ["(m/v)", "(m/v/x)", "m/v", "(v/m)", "(h/v)", "(M/V/X)"]
            )
        if rng.random() < habits["hours"]:
            h = vacancy.hours
            hours_text = f"{h[0]}-{h[1]} uur" if h[0] != h[1] else f"{h[0]} uur"
            title += rng.choice(
                [f" | {hours_text}", f" ({hours_text})", f" {hours_text}"]
            )
        if rng.random() < habits["place"] * 0.5:
            title += rng.choice([" - ", " in ", " regio ", ", "]) + vacancy.place
        if source != "employer" and rng.random() < 0.1:
            title = rng.choice(["Vacature: ", "Gezocht: "]) + title
        if rng.random() < 0.1:
            title = title.upper() if rng.random() < 0.3 else title.lower()
        if rng.random() < noise.typo_rate * 0.5:
            title = _typo(rng, title)

        employer_name = employer.name
        hidden = source == "agency" and rng.random() < noise.hide_employer_rate
        if hidden:
            employer_name = (
                rng.choice(_HIDDEN)
                .replace("{sector}", employer.sector)
                .replace("{place}", vacancy.place)
                .replace("{agency}", name.capitalize())
            )
        elif source != "employer":
            roll = rng.random()
            base = employer_name
            for form in (
                "Holding B.V.",
                "Nederland B.V.",
                "B.V.",
                "BV",
                "N.V.",
                "V.O.F.",
            ):
                base = base.removesuffix(" " + form)
            if roll < 0.25:
                employer_name = base
            elif roll < 0.4:
                employer_name = base + " B.V."
            elif roll < 0.5:
                employer_name = employer_name.upper()
            elif roll < 0.55:
                employer_name = base.removeprefix("Stichting ")
        location, postal_code = self.location(vacancy, habits["place"] + 0.2)

        sentences = [
            s.replace("{employer}", employer.name)
            .replace("{smin}", str(vacancy.salary[0]))
            .replace("{smax}", str(vacancy.salary[1]))
            for s in vacancy.sentences
        ]
        sentences.insert(-2, f"Je werkt vanuit onze locatie in {vacancy.place}.")
        sentences.insert(
            -2,
            f"Het gaat om {vacancy.hours[0]} tot {vacancy.hours[1]} uur per week.",
        )
        if not first:
            if source == "agency":
                intro = rng.choice(_AGENCY_INTROS)
                sentences[0] = intro.format(place=vacancy.place, title=title.lower())
                if hidden:
                    sentences = [
                        s.replace(employer.name, "onze opdrachtgever")
                        for s in sentences
                    ]
            if rng.random() < 0.3:
                keep = sentences[1:]
                rng.shuffle(keep)
                sentences = [sentences[0], *keep]
            words = []
            for sentence in sentences:
                if rng.random() < noise.reword_rate:
                    for old, new in rng.sample(list(_REWORDS.items()), 3):
                        sentence = sentence.replace(old, new)
                words.append(sentence)
            sentences = [s for s in words if rng.random() > 0.1]
        description = " ".join(sentences)
        if rng.random() < noise.typo_rate:
            description = _typo(rng, description)
        if source == "aggregator" and rng.random() < 0.6:
            description = description[: rng.randrange(150, 400)].rstrip() + "..."

        shift = 0 if first else rng.randint(0, noise.max_date_shift)
        day = dt.date.fromordinal(vacancy.day + shift)
        external = f"{len(self.rows):08d}"
        posting_id = f"{name}:{external}"
        fields = rng.random() < habits["fields"]
        salary_period = None
        salary: tuple[float | None, ...] = (None, None)
        if fields and rng.random() < 0.8:
            if rng.random() < 0.15:
                salary_period = "hour"
                salary = tuple(round(s / (4.33 * 38), 2) for s in vacancy.salary)
            elif rng.random() < 0.1:
                salary_period = "year"
                salary = tuple(s * 12.96 for s in vacancy.salary)
            else:
                salary_period = "month"
                salary = vacancy.salary
        hours: tuple[int | None, ...] = (None, None)
        if fields and rng.random() < 0.85:
            hours = vacancy.hours
        self.rows.append(
            {
                "posting_id": posting_id,
                "board": name,
                "url": f"https://{name}.example.nl/vacature/{external}",
                "title": title,
                "employer": employer_name,
                "location": location,
                "description": description,
                "date_posted": day.isoformat(),
                "external_id": external,
                "postal_code": postal_code,
                "employment_type": "full_time"
                if vacancy.hours[0] >= 32
                else "part_time",
                "hours_min": hours[0],
                "hours_max": hours[1],
                "salary_min": salary[0],
                "salary_max": salary[1],
                "salary_period": salary_period,
                "language": "nl",
                "source_type": source,
            }
        )
        self.truth.append((posting_id, vacancy.key))

    def publish(self, vacancy: _Vacancy) -> None:
        rng = self.rng
        copies = rng.choices([1, 2, 3, 4, 5], weights=[20, 30, 25, 15, 10])[0]
        boards = rng.sample(range(len(_BOARDS)), k=copies)
        if rng.random() < 0.5:
            boards[0] = -1
        boards.sort(
            key=lambda b: (b >= 0, _BOARDS[b][1] == "aggregator" if b >= 0 else 0)
        )
        for i, board in enumerate(boards):
            self.post(vacancy, board, first=i == 0)

    def look_alike(self, vacancy: _Vacancy) -> _Vacancy:
        rng = self.rng
        spec = _OCCUPATIONS[vacancy.occupation]
        kind = rng.random()
        options = list(spec.get("lvl") or spec.get("cls") or [])
        employer = self.employers[vacancy.employer]
        others = [
            m
            for m in employer.municipalities
            if m != vacancy.municipality
            and (vacancy.employer, vacancy.occupation, vacancy.variant, m)
            not in self.jobs
        ]
        if kind < 0.3 and others:
            other = rng.choice(others)
            return self.vacancy(
                employer=vacancy.employer,
                occupation=vacancy.occupation,
                variant=vacancy.variant,
                municipality=other,
                day=vacancy.day + rng.randint(-5, 5),
                like=vacancy,
            )
        variants = [
            o
            for o in options
            if o != vacancy.variant
            and (vacancy.employer, vacancy.occupation, o, vacancy.municipality)
            not in self.jobs
        ]
        if kind < 0.55 and variants:
            variant = rng.choice(variants)
            return self.vacancy(
                employer=vacancy.employer,
                occupation=vacancy.occupation,
                variant=variant,
                municipality=vacancy.municipality,
                day=vacancy.day + rng.randint(-5, 5),
                like=vacancy,
            )
        if kind < 0.8:
            self.employer(employer.sector)
            return self.vacancy(
                employer=len(self.employers) - 1,
                occupation=vacancy.occupation,
                variant=vacancy.variant,
                municipality=vacancy.municipality,
                day=vacancy.day + rng.randint(-5, 5),
            )
        return self.vacancy(
            employer=vacancy.employer,
            occupation=vacancy.occupation,
            variant=vacancy.variant,
            municipality=vacancy.municipality,
            day=vacancy.day + rng.randint(100, 200),
            like=vacancy,
        )


def generate_postings(
    n_postings: int, *, seed: int = 0, noise: Noise | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Generate about ``n_postings`` labelled postings.

    Parameters
    ----------
    n_postings : int
        Postings wanted; the result stops at the first vacancy that reaches it.
    seed : int
        Seed of the random generator; the same seed gives the same set.
    noise : Noise, optional
        Strength of the board noise; the defaults when not given.

    Returns
    -------
    postings : pandas.DataFrame
        The posting contract's columns plus ``source_type``.
    truth : pandas.DataFrame
        ``posting_id`` and ``vacancy_key``.
    """
    start = time.perf_counter()
    generator = _Generator(seed, noise or Noise())
    while len(generator.rows) < n_postings:
        vacancy = generator.vacancy()
        generator.publish(vacancy)
        if generator.rng.random() < generator.noise.hard_negative_rate:
            generator.publish(generator.look_alike(vacancy))
    postings = pd.DataFrame(generator.rows[:n_postings])
    truth = pd.DataFrame(
        generator.truth[:n_postings], columns=["posting_id", "vacancy_key"]
    )
    log.info(
        "synth: %s postings of %s vacancies in %.1f s",
        f"{len(postings):,}",
        f"{truth['vacancy_key'].nunique():,}",
        time.perf_counter() - start,
    )
    return postings, truth


def write_set(
    directory: Path, n_postings: int, *, seed: int = 0, noise: Noise | None = None
) -> tuple[Path, Path]:
    """Write a labelled set as ``postings.jsonl`` and ``truth.csv``.

    Parameters
    ----------
    directory : pathlib.Path
        Folder to write into; made when missing.
    n_postings : int
        Postings wanted.
    seed : int
        Seed of the random generator.
    noise : Noise, optional
        Strength of the board noise.

    Returns
    -------
    tuple of pathlib.Path
        The postings file and the truth file.
    """
    postings, truth = generate_postings(n_postings, seed=seed, noise=noise)
    directory.mkdir(parents=True, exist_ok=True)
    postings_path = directory / "postings.jsonl"
    truth_path = directory / "truth.csv"
    with postings_path.open("w", encoding="utf-8") as out:
        for record in postings.to_dict(orient="records"):
            clean = {k: v for k, v in record.items() if v is not None and v == v}
            out.write(json.dumps(clean, ensure_ascii=False) + "\n")
    truth.to_csv(truth_path, index=False)
    return postings_path, truth_path


def main(argv: list[str] | None = None) -> None:
    """Write a labelled set from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    write_set(args.output, args.postings, seed=args.seed)


if __name__ == "__main__":
    main()
