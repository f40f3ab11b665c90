"""Dutch places the demo vacancies are located in, with postal code ranges."""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["PLACES", "PROVINCES", "STREETS", "Place", "postal_code_in", "street_in"]

#: Province name to its ISO 3166-2 subdivision code (without the ``NL-``).
PROVINCES: dict[str, str] = {
    "Groningen": "GR",
    "Friesland": "FR",
    "Drenthe": "DR",
    "Overijssel": "OV",
    "Flevoland": "FL",
    "Gelderland": "GE",
    "Utrecht": "UT",
    "Noord-Holland": "NH",
    "Zuid-Holland": "ZH",
    "Zeeland": "ZE",
    "Noord-Brabant": "NB",
    "Limburg": "LI",
}


@dataclass(frozen=True)
class Place:
    """A town with the range of four-digit postal code numbers it uses."""

    name: str
    province: str
    first_code: int
    last_code: int

    @property
    def province_code(self) -> str:
        """The two-letter province code, for instance ``UT``."""
        return PROVINCES[self.province]


PLACES: tuple[Place, ...] = (
    Place("Amsterdam", "Noord-Holland", 1011, 1109),
    Place("Rotterdam", "Zuid-Holland", 3011, 3089),
    Place("Den Haag", "Zuid-Holland", 2491, 2597),
    Place("Utrecht", "Utrecht", 3511, 3585),
    Place("Eindhoven", "Noord-Brabant", 5611, 5658),
    Place("Groningen", "Groningen", 9711, 9747),
    Place("Tilburg", "Noord-Brabant", 5011, 5049),
    Place("Almere", "Flevoland", 1311, 1364),
    Place("Breda", "Noord-Brabant", 4811, 4839),
    Place("Nijmegen", "Gelderland", 6511, 6546),
    Place("Apeldoorn", "Gelderland", 7311, 7336),
    Place("Haarlem", "Noord-Holland", 2011, 2037),
    Place("Arnhem", "Gelderland", 6811, 6846),
    Place("Enschede", "Overijssel", 7511, 7548),
    Place("Amersfoort", "Utrecht", 3811, 3829),
    Place("Zaandam", "Noord-Holland", 1501, 1509),
    Place("'s-Hertogenbosch", "Noord-Brabant", 5211, 5249),
    Place("Zwolle", "Overijssel", 8011, 8049),
    Place("Leiden", "Zuid-Holland", 2311, 2334),
    Place("Maastricht", "Limburg", 6211, 6229),
    Place("Dordrecht", "Zuid-Holland", 3311, 3329),
    Place("Zoetermeer", "Zuid-Holland", 2711, 2729),
    Place("Leeuwarden", "Friesland", 8911, 8939),
    Place("Alkmaar", "Noord-Holland", 1811, 1827),
    Place("Delft", "Zuid-Holland", 2611, 2629),
    Place("Deventer", "Overijssel", 7411, 7431),
    Place("Venlo", "Limburg", 5911, 5928),
    Place("Helmond", "Noord-Brabant", 5701, 5709),
    Place("Hilversum", "Noord-Holland", 1211, 1223),
    Place("Heerlen", "Limburg", 6411, 6422),
    Place("Oss", "Noord-Brabant", 5341, 5351),
    Place("Roosendaal", "Noord-Brabant", 4701, 4709),
    Place("Purmerend", "Noord-Holland", 1441, 1448),
    Place("Schiedam", "Zuid-Holland", 3111, 3125),
    Place("Spijkenisse", "Zuid-Holland", 3201, 3208),
    Place("Vlaardingen", "Zuid-Holland", 3131, 3138),
    Place("Almelo", "Overijssel", 7601, 7609),
    Place("Gouda", "Zuid-Holland", 2801, 2809),
    Place("Assen", "Drenthe", 9401, 9409),
    Place("Emmen", "Drenthe", 7811, 7828),
    Place("Hoorn", "Noord-Holland", 1621, 1628),
    Place("Lelystad", "Flevoland", 8211, 8245),
    Place("Veenendaal", "Utrecht", 3901, 3907),
    Place("Ede", "Gelderland", 6711, 6721),
    Place("Den Helder", "Noord-Holland", 1781, 1789),
    Place("Middelburg", "Zeeland", 4331, 4339),
    Place("Vlissingen", "Zeeland", 4381, 4389),
    Place("Goes", "Zeeland", 4461, 4465),
    Place("Terneuzen", "Zeeland", 4531, 4539),
    Place("Heerenveen", "Friesland", 8441, 8449),
    Place("Sneek", "Friesland", 8601, 8608),
    Place("Drachten", "Friesland", 9201, 9204),
    Place("Hoogeveen", "Drenthe", 7901, 7908),
    Place("Meppel", "Drenthe", 7941, 7944),
    Place("Kampen", "Overijssel", 8261, 8266),
    Place("Harderwijk", "Gelderland", 3841, 3849),
    Place("Doetinchem", "Gelderland", 7001, 7009),
    Place("Zutphen", "Gelderland", 7201, 7207),
    Place("Tiel", "Gelderland", 4001, 4007),
    Place("Nieuwegein", "Utrecht", 3431, 3439),
    Place("Houten", "Utrecht", 3991, 3997),
    Place("Zeist", "Utrecht", 3701, 3709),
    Place("Woerden", "Utrecht", 3441, 3449),
    Place("Alphen aan den Rijn", "Zuid-Holland", 2401, 2409),
    Place("Katwijk", "Zuid-Holland", 2221, 2225),
    Place("Rijswijk", "Zuid-Holland", 2281, 2289),
    Place("Capelle aan den IJssel", "Zuid-Holland", 2901, 2909),
    Place("Weert", "Limburg", 6001, 6006),
    Place("Roermond", "Limburg", 6041, 6049),
    Place("Sittard", "Limburg", 6131, 6137),
    Place("Bergen op Zoom", "Noord-Brabant", 4611, 4625),
    Place("Waalwijk", "Noord-Brabant", 5141, 5146),
    Place("Uden", "Noord-Brabant", 5401, 5406),
    Place("Veghel", "Noord-Brabant", 5461, 5468),
    Place("Hoofddorp", "Noord-Holland", 2131, 2135),
    Place("Amstelveen", "Noord-Holland", 1181, 1189),
    Place("Beverwijk", "Noord-Holland", 1941, 1948),
    Place("Heerhugowaard", "Noord-Holland", 1701, 1706),
    Place("Barneveld", "Gelderland", 3771, 3774),
    Place("Wageningen", "Gelderland", 6701, 6709),
    Place("Oosterhout", "Noord-Brabant", 4901, 4909),
    Place("Hengelo", "Overijssel", 7551, 7559),
    Place("Oldenzaal", "Overijssel", 7571, 7577),
    Place("Winterswijk", "Gelderland", 7101, 7107),
)

STREETS: tuple[str, ...] = (
    "Stationsweg",
    "Industrieweg",
    "Kerkstraat",
    "Marktplein",
    "Havenstraat",
    "Dorpsstraat",
    "Nieuwe Gracht",
    "Handelsweg",
    "Energieweg",
    "Laan van Zuid",
    "Parallelweg",
    "Ambachtsweg",
    "Molenstraat",
    "Schoolstraat",
    "Europalaan",
    "Transportweg",
    "Zuiderpark",
    "Boschdijk",
    "Oude Haven",
    "Koningin Julianalaan",
    "Wilhelminastraat",
    "Beatrixlaan",
    "Nijverheidsweg",
    "Stadhuisplein",
    "Zorgpark",
    "Science Park",
    "Hoofdstraat",
    "Spoorlaan",
)

# Letter pairs SA, SD and SS are not issued, and F, I, O, Q, U and Y are
# rarely seen; leaving them out keeps the codes plausible.
_LETTERS = "ABCEGHJKLMNPRSTVWXZ"
_UNUSED_PAIRS = frozenset({"SA", "SD", "SS"})


def postal_code_in(place: Place, rng: random.Random) -> str:
    """Draw a postal code of ``place`` in the ``1234 AB`` form.

    Parameters
    ----------
    place : Place
        The town whose number range is used.
    rng : random.Random
        The seeded source of randomness.

    Returns
    -------
    str
        A code such as ``"3511 AB"``.
    """
    number = rng.randint(place.first_code, place.last_code)
    while True:
        pair = rng.choice(_LETTERS) + rng.choice(_LETTERS)
        if pair not in _UNUSED_PAIRS:
            return f"{number} {pair}"


def street_in(rng: random.Random) -> str:
    """Draw a street address such as ``Handelsweg 12``."""
    return f"{rng.choice(STREETS)} {rng.randint(1, 180)}"
