"""Occupations of the demo vacancies: titles, tasks, requirements, pay and hours.

Every text here is written for the demo. Titles of one occupation are variants
that boards really use for the same job; tasks and requirements are short
phrases that the description templates turn into bullets.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["OCCUPATIONS", "SECTORS", "Occupation", "SalaryBand", "by_sector"]


@dataclass(frozen=True)
class SalaryBand:
    """The gross pay an occupation is advertised with: lowest and highest."""

    period: str  # hour, month or year
    low: float
    high: float


@dataclass(frozen=True)
class Occupation:
    """One occupation as vacancies advertise it.

    ``titles`` are Dutch variants with the most common first; ``titles_en``
    is set for occupations that are also advertised in English.
    """

    key: str
    sector: str
    titles: tuple[str, ...]
    tasks: tuple[str, ...]
    skills: tuple[str, ...]
    education: tuple[str, ...]
    salary: SalaryBand
    hours: tuple[tuple[int, int], ...]
    titles_en: tuple[str, ...] = ()
    tasks_en: tuple[str, ...] = ()
    skills_en: tuple[str, ...] = ()
    seniority: bool = False
    temporary_share: float = 0.1


_FULL = ((36, 40), (32, 40), (40, 40), (38, 38))
_MIXED = ((24, 32), (32, 36), (16, 24), (28, 36), (36, 36))
_PART = ((12, 24), (16, 32), (8, 16), (20, 28))
_OFFICE = ((32, 40), (36, 40), (24, 32), (32, 36))


def _month(low: float, high: float) -> SalaryBand:
    return SalaryBand("month", low, high)


def _hour(low: float, high: float) -> SalaryBand:
    return SalaryBand("hour", low, high)


def _year(low: float, high: float) -> SalaryBand:
    return SalaryBand("year", low, high)


OCCUPATIONS: tuple[Occupation, ...] = (
    # zorg
    Occupation(
        "verpleegkundige",
        "zorg",
        ("Verpleegkundige", "Verpleegkundige niveau 4", "Mbo-verpleegkundige"),
        (
            "complexe zorg verlenen aan cliënten thuis of op de afdeling",
            "zorgplannen opstellen en bijwerken samen met de cliënt",
            "medicatie klaarzetten en controleren",
            "collega's van niveau 2 en 3 coachen tijdens de dienst",
            "contact onderhouden met huisartsen en familie",
        ),
        (
            "een geldige BIG-registratie",
            "ervaring in de ouderenzorg is een pre",
            "bereidheid om avond- en weekenddiensten te draaien",
        ),
        ("mbo-4", "hbo"),
        _month(3050, 4350),
        _MIXED,
    ),
    Occupation(
        "verzorgende_ig",
        "zorg",
        ("Verzorgende IG", "Verzorgende-IG", "Medewerker zorg IG"),
        (
            "cliënten helpen bij wassen, aankleden en eten",
            "risicovolle handelingen uitvoeren zoals insuline toedienen",
            "observaties vastleggen in het elektronisch dossier",
            "een warme en veilige woonomgeving bieden",
        ),
        (
            "een diploma Verzorgende IG",
            "zelfstandig kunnen werken in een kleine ploeg",
            "geduld en een goed observatievermogen",
        ),
        ("mbo-3",),
        _month(2600, 3500),
        _MIXED,
    ),
    Occupation(
        "helpende_zorg",
        "zorg",
        ("Helpende Zorg en Welzijn", "Helpende plus", "Zorgassistent"),
        (
            "bewoners helpen bij de dagelijkse verzorging",
            "maaltijden en koffierondes verzorgen",
            "activiteiten begeleiden in de huiskamer",
            "kamers van bewoners netjes en huiselijk houden",
        ),
        (
            "een diploma Helpende Zorg en Welzijn niveau 2",
            "affiniteit met ouderen",
            "een zorgzame en vrolijke houding",
        ),
        ("mbo-2",),
        _month(2350, 2900),
        _PART,
        temporary_share=0.2,
    ),
    Occupation(
        "doktersassistent",
        "zorg",
        ("Doktersassistent", "Doktersassistente", "Assistent huisartsenpraktijk"),
        (
            "de telefoon en de balie van de praktijk bemensen",
            "triage doen volgens de NHG-triagewijzer",
            "spreekuren houden voor bloeddruk, wratten en uitstrijkjes",
            "verwijzingen en recepten klaarzetten voor de huisarts",
        ),
        (
            "een afgeronde opleiding tot doktersassistent",
            "ervaring met Medicom of Promedico is een pre",
            "klantvriendelijk en stressbestendig",
        ),
        ("mbo-4",),
        _month(2600, 3600),
        _MIXED,
    ),
    Occupation(
        "fysiotherapeut",
        "zorg",
        ("Fysiotherapeut", "Algemeen fysiotherapeut", "Fysiotherapeut eerstelijn"),
        (
            "patiënten onderzoeken en een behandelplan opstellen",
            "oefentherapie geven aan individuen en groepen",
            "verslagleggen in het patiëntendossier",
            "samenwerken met huisartsen en specialisten",
        ),
        (
            "een afgeronde hbo-opleiding Fysiotherapie",
            "een registratie in het Centraal Kwaliteitsregister",
            "interesse in sportblessures of ouderen",
        ),
        ("hbo",),
        _month(2950, 4400),
        _MIXED,
    ),
    Occupation(
        "apothekersassistent",
        "zorg",
        ("Apothekersassistent", "Apothekersassistente", "Farmaceutisch assistent"),
        (
            "recepten controleren en geneesmiddelen klaarmaken",
            "patiënten adviseren bij de balie",
            "medicatiebewaking uitvoeren in het apotheeksysteem",
            "bestellingen verwerken en de voorraad beheren",
        ),
        (
            "een diploma apothekersassistent",
            "nauwkeurigheid en overzicht",
            "goede communicatieve vaardigheden",
        ),
        ("mbo-4",),
        _month(2550, 3450),
        _MIXED,
    ),
    Occupation(
        "begeleider_gehandicaptenzorg",
        "zorg",
        ("Begeleider gehandicaptenzorg", "Persoonlijk begeleider", "Woonbegeleider"),
        (
            "bewoners begeleiden bij wonen, werk en vrije tijd",
            "ondersteuningsplannen opstellen en evalueren",
            "contact houden met ouders en verwanten",
            "dagprogramma's en uitjes organiseren",
        ),
        (
            "een diploma MMZ niveau 4 of SPW",
            "ervaring met mensen met een beperking",
            "rust en duidelijkheid kunnen bieden",
        ),
        ("mbo-4", "hbo"),
        _month(2700, 3800),
        _MIXED,
    ),
    Occupation(
        "tandartsassistent",
        "zorg",
        ("Tandartsassistent", "Tandartsassistente", "Assistent mondzorg"),
        (
            "assisteren aan de stoel bij behandelingen",
            "instrumenten steriliseren en de behandelkamer klaarmaken",
            "afspraken plannen en patiënten ontvangen",
            "voorlichting geven over mondhygiëne",
        ),
        (
            "een diploma tandartsassistent of ervaring in de mondzorg",
            "oog voor hygiëne",
            "een representatieve uitstraling",
        ),
        ("mbo-4", "mbo-3"),
        _month(2450, 3300),
        _MIXED,
    ),
    # welzijn
    Occupation(
        "maatschappelijk_werker",
        "welzijn",
        ("Maatschappelijk werker", "Sociaal werker", "Medewerker sociaal team"),
        (
            "inwoners ondersteunen bij vragen over geld, wonen en gezin",
            "keukentafelgesprekken voeren en hulp op maat regelen",
            "samenwerken met wijkteams, huisartsen en woningcorporaties",
            "signalen van huiselijk geweld herkennen en opvolgen",
        ),
        (
            "een hbo-diploma Social Work",
            "registratie in het Registerplein",
            "ervaring met schuldhulpverlening is een pre",
        ),
        ("hbo",),
        _month(3150, 4500),
        _OFFICE,
    ),
    Occupation(
        "jongerenwerker",
        "welzijn",
        ("Jongerenwerker", "Jongerenwerker ambulant", "Sociaal werker jeugd"),
        (
            "jongeren opzoeken op straat en in de buurthuizen",
            "activiteiten bedenken en organiseren met jongeren",
            "jongeren doorverwijzen naar school, werk of hulp",
            "samenwerken met politie, scholen en wijkbewoners",
        ),
        (
            "een afgeronde opleiding Social Work of CMV",
            "affiniteit met de doelgroep",
            "flexibel inzetbaar in de avonden",
        ),
        ("hbo", "mbo-4"),
        _month(2900, 4100),
        _MIXED,
    ),
    # logistiek
    Occupation(
        "magazijnmedewerker",
        "logistiek",
        ("Magazijnmedewerker", "Logistiek medewerker", "Medewerker magazijn"),
        (
            "goederen ontvangen, controleren en opslaan",
            "orders verzamelen met een handscanner",
            "zendingen inpakken en klaarzetten voor transport",
            "het magazijn schoon en opgeruimd houden",
        ),
        (
            "een heftruckcertificaat is een pre",
            "fysiek fit en nauwkeurig",
            "bereid om in ploegendienst te werken",
        ),
        ("vmbo", "mbo-2"),
        _hour(14.85, 17.75),
        _FULL,
        temporary_share=0.45,
    ),
    Occupation(
        "orderpicker",
        "logistiek",
        ("Orderpicker", "Orderpicker reachtruck", "Medewerker orderpick"),
        (
            "orders picken met een elektrische pompwagen",
            "producten scannen en pallets stapelen",
            "meewerken aan de inventarisatie",
            "zorgen dat orders op tijd de deur uit gaan",
        ),
        (
            "een geldig reachtruckcertificaat is een pre",
            "tempo kunnen maken zonder fouten",
            "beschikbaar in de vroege dienst",
        ),
        ("vmbo",),
        _hour(14.75, 16.90),
        _FULL,
        temporary_share=0.55,
    ),
    Occupation(
        "heftruckchauffeur",
        "logistiek",
        (
            "Heftruckchauffeur",
            "Heftruckchauffeur reachtruck",
            "Medewerker expeditie heftruck",
        ),
        (
            "vrachtwagens laden en lossen met de heftruck",
            "pallets naar de juiste locatie in het magazijn brengen",
            "zendingen controleren op schade en aantallen",
            "de heftruck dagelijks inspecteren",
        ),
        (
            "een geldig heftruckcertificaat",
            "ervaring met laden en lossen",
            "veiligheidsbewust werken",
        ),
        ("vmbo", "mbo-2"),
        _hour(15.40, 18.60),
        _FULL,
        temporary_share=0.4,
    ),
    Occupation(
        "chauffeur_c",
        "logistiek",
        ("Chauffeur C", "Vrachtwagenchauffeur C", "Chauffeur rijbewijs C"),
        (
            "winkels en bedrijven in de regio beleveren met een bakwagen",
            "de lading zelf lossen met de laadklep",
            "vrachtbrieven en afleverbonnen afhandelen",
            "je vrachtwagen netjes en veilig houden",
        ),
        (
            "rijbewijs C met code 95",
            "een digitale chauffeurskaart",
            "klantvriendelijk en zelfstandig",
        ),
        ("vmbo", "mbo-2"),
        _month(2650, 3300),
        _FULL,
        temporary_share=0.3,
    ),
    Occupation(
        "chauffeur_ce",
        "logistiek",
        ("Chauffeur CE", "Vrachtwagenchauffeur CE", "Chauffeur rijbewijs CE"),
        (
            "met trekker en oplegger distributiecentra beleveren",
            "ritten rijden volgens een vaste planning",
            "rij- en rusttijden bewaken met de tachograaf",
            "de lading zekeren en papieren controleren",
        ),
        (
            "rijbewijs CE met code 95",
            "een digitale chauffeurskaart",
            "ervaring met opleggers en laadvloeren",
        ),
        ("vmbo", "mbo-2"),
        _month(2850, 3650),
        _FULL,
        temporary_share=0.3,
    ),
    Occupation(
        "pakketbezorger",
        "logistiek",
        ("Pakketbezorger", "Bezorger", "Koerier"),
        (
            "pakketten bezorgen bij particulieren en bedrijven",
            "je bus inladen in de juiste rijvolgorde",
            "handtekeningen en foto's vastleggen met de scanner",
            "retourzendingen ophalen en afmelden",
        ),
        ("rijbewijs B", "goed de weg kunnen vinden", "een klantvriendelijke houding"),
        ("vmbo",),
        _hour(14.75, 16.25),
        _MIXED,
        temporary_share=0.5,
    ),
    Occupation(
        "logistiek_planner",
        "logistiek",
        ("Logistiek planner", "Transportplanner", "Planner transport"),
        (
            "ritten plannen voor het eigen wagenpark en charters",
            "chauffeurs aansturen en bijsturen bij vertraging",
            "klanten informeren over leveringen",
            "kosten en bezettingsgraad bewaken",
        ),
        (
            "een mbo 4- of hbo-opleiding in logistiek",
            "ervaring met een TMS zoals Transpas of Cargotrack",
            "het hoofd koel houden als het druk is",
        ),
        ("mbo-4", "hbo"),
        _month(2900, 4200),
        _OFFICE,
        titles_en=("Logistics Planner", "Transport Planner"),
        tasks_en=(
            "plan routes for our own fleet and charter partners",
            "steer drivers when delays occur",
            "keep customers informed about deliveries",
            "monitor costs and fleet utilisation",
        ),
        skills_en=(
            "a degree in logistics or supply chain",
            "experience with a transport management system",
            "a calm head under pressure",
        ),
    ),
    Occupation(
        "teamleider_logistiek",
        "logistiek",
        ("Teamleider logistiek", "Teamleider magazijn", "Shiftleader warehouse"),
        (
            "een ploeg van vijftien medewerkers aansturen",
            "de dagplanning maken en bewaken",
            "verbeteringen in het proces voorstellen en invoeren",
            "nieuwe collega's inwerken",
        ),
        (
            "ervaring als leidinggevende in een magazijn",
            "kennis van lean werken",
            "een natuurlijk overwicht",
        ),
        ("mbo-4",),
        _month(3100, 4000),
        _FULL,
    ),
    # techniek
    Occupation(
        "elektromonteur",
        "techniek",
        ("Elektromonteur", "Monteur elektrotechniek", "Elektrotechnisch monteur"),
        (
            "elektrische installaties aanleggen in nieuwbouw en renovatie",
            "groepenkasten bouwen en aansluiten",
            "storingen opsporen en verhelpen",
            "installaties opleveren en meten volgens de NEN 1010",
        ),
        ("een diploma Elektrotechniek niveau 3 of 4", "VCA basis", "rijbewijs B"),
        ("mbo-3", "mbo-4"),
        _month(2750, 3800),
        _FULL,
    ),
    Occupation(
        "servicemonteur",
        "techniek",
        ("Servicemonteur", "Servicemonteur installatietechniek", "Servicetechnicus"),
        (
            "cv-ketels en warmtepompen onderhouden bij klanten thuis",
            "storingen verhelpen tijdens je eigen route",
            "klanten adviseren over energiebesparing",
            "werkbonnen digitaal afhandelen",
        ),
        (
            "een diploma installatietechniek",
            "ervaring met warmtepompen is een pre",
            "bereid om mee te draaien in de storingsdienst",
        ),
        ("mbo-3", "mbo-4"),
        _month(2800, 3900),
        _FULL,
    ),
    Occupation(
        "onderhoudsmonteur",
        "techniek",
        ("Onderhoudsmonteur", "Technicus onderhoud", "Storingsmonteur"),
        (
            "preventief onderhoud uitvoeren aan productielijnen",
            "mechanische en elektrische storingen verhelpen",
            "verbetervoorstellen doen om stilstand te beperken",
            "onderhoud vastleggen in het onderhoudssysteem",
        ),
        (
            "een mbo-diploma werktuigbouwkunde of mechatronica",
            "kennis van PLC-besturingen",
            "bereid om in drieploegendienst te werken",
        ),
        ("mbo-4",),
        _month(2900, 3950),
        _FULL,
        titles_en=("Maintenance Technician",),
        tasks_en=(
            "carry out preventive maintenance on production lines",
            "solve mechanical and electrical breakdowns",
            "suggest improvements that reduce downtime",
        ),
        skills_en=(
            "a vocational degree in mechanics or mechatronics",
            "knowledge of PLC controls",
            "willingness to work in shifts",
        ),
    ),
    Occupation(
        "lasser",
        "techniek",
        ("Lasser", "Constructielasser", "Lasser MIG/MAG"),
        (
            "staalconstructies lassen volgens tekening",
            "onderdelen hechten, lassen en afbramen",
            "lasnaden visueel controleren",
            "je werkplek veilig en opgeruimd houden",
        ),
        (
            "ervaring met MIG/MAG-lassen",
            "tekening kunnen lezen",
            "een lascertificaat is een pre",
        ),
        ("mbo-2", "mbo-3"),
        _hour(16.50, 21.00),
        _FULL,
        temporary_share=0.35,
    ),
    Occupation(
        "werkvoorbereider",
        "techniek",
        (
            "Werkvoorbereider",
            "Werkvoorbereider installatietechniek",
            "Calculator werkvoorbereider",
        ),
        (
            "projecten technisch en logistiek voorbereiden",
            "materiaal bestellen en de planning opstellen",
            "tekeningen en werkinstructies maken",
            "overleggen met uitvoerders en leveranciers",
        ),
        (
            "een mbo 4- of hbo-diploma in de techniek",
            "ervaring met AutoCAD of Revit",
            "een gestructureerde werkwijze",
        ),
        ("mbo-4", "hbo"),
        _month(3200, 4500),
        _OFFICE,
    ),
    Occupation(
        "automonteur",
        "techniek",
        ("Automonteur", "Autotechnicus", "Allround automonteur"),
        (
            "onderhoudsbeurten en APK-keuringen uitvoeren",
            "storingen uitlezen met diagnoseapparatuur",
            "banden, remmen en uitlaten vervangen",
            "klanten uitleg geven over de reparatie",
        ),
        (
            "een diploma Autotechniek niveau 3",
            "een APK-bevoegdheid is een pre",
            "affiniteit met elektrische auto's",
        ),
        ("mbo-3", "mbo-4"),
        _month(2600, 3500),
        _FULL,
    ),
    Occupation(
        "werktuigbouwkundig_engineer",
        "techniek",
        (
            "Werktuigbouwkundig engineer",
            "Mechanical engineer",
            "Ontwerper werktuigbouw",
        ),
        (
            "machines en onderdelen ontwerpen in 3D-CAD",
            "berekeningen maken aan sterkte en tolerantie",
            "prototypes begeleiden en testen",
            "technische documentatie opstellen",
        ),
        (
            "een hbo- of wo-diploma Werktuigbouwkunde",
            "ervaring met SolidWorks",
            "een analytische en creatieve instelling",
        ),
        ("hbo", "wo"),
        _month(3600, 5600),
        _OFFICE,
        titles_en=("Mechanical Engineer", "Design Engineer"),
        tasks_en=(
            "design machines and parts in 3D CAD",
            "run strength and tolerance calculations",
            "guide prototypes through testing",
        ),
        skills_en=(
            "a degree in mechanical engineering",
            "experience with SolidWorks",
            "an analytical and creative mindset",
        ),
        seniority=True,
    ),
    # productie
    Occupation(
        "productiemedewerker",
        "productie",
        ("Productiemedewerker", "Operator productie", "Medewerker productie"),
        (
            "machines bedienen en bijvullen",
            "producten controleren op kwaliteit",
            "eindproducten inpakken en stapelen",
            "schoonmaken volgens de hygiëneregels",
        ),
        (
            "geen ervaring nodig, je krijgt een goede inwerkperiode",
            "bereid om in ploegen te werken",
            "nauwkeurig en zorgvuldig",
        ),
        ("vmbo", "mbo-1"),
        _hour(14.75, 17.25),
        _FULL,
        temporary_share=0.55,
    ),
    Occupation(
        "procesoperator",
        "productie",
        ("Procesoperator", "Operator A", "Procesoperator B"),
        (
            "het productieproces bewaken vanuit de controlekamer",
            "installaties opstarten, omstellen en afschakelen",
            "monsters nemen en analyseren",
            "storingen signaleren en eerste herstel uitvoeren",
        ),
        (
            "een diploma Procestechniek niveau 3 of 4",
            "VCA basis",
            "bereid om in vijfploegendienst te werken",
        ),
        ("mbo-3", "mbo-4"),
        _month(2900, 4100),
        _FULL,
    ),
    Occupation(
        "cnc_verspaner",
        "productie",
        ("CNC-verspaner", "CNC-draaier", "CNC-frezer"),
        (
            "CNC-machines instellen en programmeren",
            "werkstukken draaien en frezen volgens tekening",
            "maten controleren met meetgereedschap",
            "kleine series en prototypes maken",
        ),
        (
            "ervaring met Heidenhain of Fanuc",
            "technisch tekening lezen",
            "een diploma Verspanen is een pre",
        ),
        ("mbo-2", "mbo-3"),
        _month(2700, 3700),
        _FULL,
    ),
    # ict
    Occupation(
        "software_developer",
        "ict",
        ("Software developer", "Softwareontwikkelaar", "Programmeur"),
        (
            "nieuwe functies bouwen in onze webapplicatie",
            "code reviewen en tests schrijven",
            "samenwerken met product owner en designers",
            "meedenken over architectuur en techniekkeuzes",
        ),
        (
            "ervaring met C#, Java of Python",
            "kennis van Git en CI/CD",
            "zin om van collega's te leren",
        ),
        ("hbo", "wo"),
        _month(3300, 5800),
        _OFFICE,
        titles_en=("Software Developer", "Software Engineer", "Backend Developer"),
        tasks_en=(
            "build new features in our web application",
            "review code and write automated tests",
            "work closely with product owners and designers",
            "help shape our architecture",
        ),
        skills_en=(
            "experience with C#, Java or Python",
            "knowledge of Git and CI/CD",
            "eagerness to learn from your colleagues",
        ),
        seniority=True,
    ),
    Occupation(
        "frontend_developer",
        "ict",
        ("Front-end developer", "Frontend developer", "Front-end ontwikkelaar"),
        (
            "gebruiksvriendelijke schermen bouwen in React of Vue",
            "componenten ontwikkelen voor ons designsysteem",
            "toegankelijkheid en snelheid van de site verbeteren",
            "samenwerken met UX-designers",
        ),
        ("ervaring met TypeScript", "kennis van HTML, CSS en WCAG", "oog voor detail"),
        ("hbo",),
        _month(3100, 5200),
        _OFFICE,
        titles_en=("Front-end Developer", "Frontend Engineer"),
        tasks_en=(
            "build user-friendly screens in React or Vue",
            "develop components for our design system",
            "improve accessibility and performance",
        ),
        skills_en=(
            "experience with TypeScript",
            "knowledge of HTML, CSS and WCAG",
            "an eye for detail",
        ),
        seniority=True,
    ),
    Occupation(
        "data_engineer",
        "ict",
        ("Data engineer", "Data-engineer", "Engineer dataplatform"),
        (
            "datapijplijnen bouwen en onderhouden",
            "bronnen ontsluiten naar het datawarehouse",
            "datakwaliteit bewaken met tests en monitoring",
            "analisten helpen met betrouwbare datasets",
        ),
        (
            "ervaring met SQL en Python",
            "kennis van Airflow of dbt",
            "ervaring met een cloudplatform",
        ),
        ("hbo", "wo"),
        _month(3600, 6200),
        _OFFICE,
        titles_en=("Data Engineer", "Analytics Engineer"),
        tasks_en=(
            "build and maintain data pipelines",
            "bring new sources into the data warehouse",
            "guard data quality with tests and monitoring",
        ),
        skills_en=(
            "solid SQL and Python",
            "experience with Airflow or dbt",
            "experience with a cloud platform",
        ),
        seniority=True,
    ),
    Occupation(
        "data_analist",
        "ict",
        ("Data-analist", "Data analist", "BI-analist"),
        (
            "dashboards bouwen in Power BI",
            "analyses maken voor management en teams",
            "datavragen vertalen naar heldere inzichten",
            "rapportages automatiseren",
        ),
        (
            "ervaring met SQL en Power BI",
            "een analytische blik",
            "inzichten helder kunnen uitleggen",
        ),
        ("hbo", "wo"),
        _month(3200, 5000),
        _OFFICE,
        titles_en=("Data Analyst", "BI Analyst"),
        tasks_en=(
            "build dashboards in Power BI",
            "run analyses for management and teams",
            "turn data questions into clear insights",
        ),
        skills_en=(
            "experience with SQL and Power BI",
            "an analytical mind",
            "the ability to explain findings clearly",
        ),
        seniority=True,
    ),
    Occupation(
        "servicedeskmedewerker",
        "ict",
        ("Servicedeskmedewerker", "ICT-supportmedewerker", "Helpdeskmedewerker ICT"),
        (
            "meldingen van gebruikers aannemen en oplossen",
            "laptops en telefoons uitgeven en inrichten",
            "accounts beheren in Active Directory",
            "kennisartikelen schrijven voor de selfservice",
        ),
        (
            "een mbo 4-diploma ICT",
            "kennis van Windows en Microsoft 365",
            "klantgericht en geduldig",
        ),
        ("mbo-4",),
        _month(2500, 3400),
        _OFFICE,
        titles_en=("IT Support Specialist", "Service Desk Agent"),
        tasks_en=(
            "handle and solve user requests",
            "set up laptops and phones",
            "manage accounts in Active Directory",
        ),
        skills_en=(
            "a vocational IT degree",
            "knowledge of Windows and Microsoft 365",
            "a patient, service-minded attitude",
        ),
    ),
    Occupation(
        "systeembeheerder",
        "ict",
        ("Systeembeheerder", "ICT-beheerder", "Cloud engineer"),
        (
            "servers en netwerken beheren en patchen",
            "de Azure-omgeving inrichten en bewaken",
            "back-ups en herstelprocedures testen",
            "tweedelijns meldingen oplossen",
        ),
        (
            "kennis van Windows Server, Azure en netwerken",
            "een Microsoft-certificering is een pre",
            "een proactieve houding",
        ),
        ("mbo-4", "hbo"),
        _month(3000, 4800),
        _OFFICE,
        titles_en=("System Administrator", "Cloud Engineer"),
        tasks_en=(
            "manage and patch servers and networks",
            "run and monitor our Azure environment",
            "test backups and recovery procedures",
        ),
        skills_en=(
            "knowledge of Windows Server, Azure and networking",
            "a Microsoft certification is a plus",
            "a proactive attitude",
        ),
        seniority=True,
    ),
    Occupation(
        "security_specialist",
        "ict",
        ("Security specialist", "Informatiebeveiliger", "Security officer ICT"),
        (
            "risicoanalyses uitvoeren op systemen en processen",
            "beveiligingsincidenten onderzoeken en opvolgen",
            "beleid opstellen volgens ISO 27001 en BIO",
            "collega's bewust maken van digitale risico's",
        ),
        (
            "kennis van ISO 27001 of BIO",
            "een certificering zoals CISSP is een pre",
            "communicatief sterk",
        ),
        ("hbo", "wo"),
        _month(3900, 6300),
        _OFFICE,
        titles_en=("Security Engineer", "Information Security Officer"),
        tasks_en=(
            "run risk analyses on systems and processes",
            "investigate and follow up security incidents",
            "write policy in line with ISO 27001",
        ),
        skills_en=(
            "knowledge of ISO 27001",
            "a certification such as CISSP is a plus",
            "strong communication skills",
        ),
        seniority=True,
    ),
    Occupation(
        "devops_engineer",
        "ict",
        ("DevOps engineer", "Platform engineer", "DevOps-engineer"),
        (
            "de CI/CD-straat bouwen en verbeteren",
            "infrastructuur beheren als code met Terraform",
            "Kubernetes-clusters bewaken en opschalen",
            "ontwikkelteams helpen sneller te releasen",
        ),
        (
            "ervaring met Kubernetes en Terraform",
            "kennis van Linux",
            "affiniteit met monitoring en automatisering",
        ),
        ("hbo",),
        _month(3800, 6200),
        _OFFICE,
        titles_en=("DevOps Engineer", "Platform Engineer", "Site Reliability Engineer"),
        tasks_en=(
            "build and improve the CI/CD pipeline",
            "manage infrastructure as code with Terraform",
            "monitor and scale Kubernetes clusters",
        ),
        skills_en=(
            "experience with Kubernetes and Terraform",
            "Linux know-how",
            "a passion for monitoring and automation",
        ),
        seniority=True,
    ),
    Occupation(
        "test_engineer",
        "ict",
        ("Test engineer", "Testautomatiseerder", "Software tester"),
        (
            "testplannen opstellen en uitvoeren",
            "geautomatiseerde tests bouwen met Playwright of Selenium",
            "bevindingen vastleggen en bespreken met developers",
            "meedenken over kwaliteit in het hele team",
        ),
        (
            "een ISTQB-certificaat",
            "ervaring met testautomatisering",
            "een kritische blik",
        ),
        ("hbo", "mbo-4"),
        _month(3000, 4700),
        _OFFICE,
        titles_en=("Test Engineer", "QA Engineer", "Test Automation Engineer"),
        tasks_en=(
            "write and run test plans",
            "build automated tests with Playwright or Selenium",
            "discuss findings with developers",
        ),
        skills_en=(
            "an ISTQB certificate",
            "experience with test automation",
            "a critical eye",
        ),
        seniority=True,
    ),
    Occupation(
        "product_owner",
        "ict",
        ("Product owner", "Productowner", "Product owner digitale dienstverlening"),
        (
            "de backlog beheren en prioriteren",
            "wensen van gebruikers ophalen en vertalen naar user stories",
            "sprints plannen met het scrumteam",
            "resultaten meten en de roadmap bijstellen",
        ),
        (
            "ervaring als product owner in een agile team",
            "een PSPO-certificaat is een pre",
            "stevig in gesprekken met stakeholders",
        ),
        ("hbo", "wo"),
        _month(4200, 6400),
        _OFFICE,
        titles_en=("Product Owner", "Product Manager"),
        tasks_en=(
            "own and prioritise the backlog",
            "turn user needs into user stories",
            "plan sprints with the scrum team",
        ),
        skills_en=(
            "experience as a product owner in an agile team",
            "a PSPO certificate is a plus",
            "confidence with stakeholders",
        ),
    ),
    # onderwijs
    Occupation(
        "leerkracht_basisonderwijs",
        "onderwijs",
        ("Leerkracht basisonderwijs", "Leraar basisonderwijs", "Groepsleerkracht"),
        (
            "lesgeven aan een combinatiegroep",
            "de ontwikkeling van leerlingen volgen en bespreken met ouders",
            "samenwerken in een bouwteam",
            "meedenken over de onderwijsvisie van de school",
        ),
        (
            "een pabo-diploma",
            "plezier in lesgeven aan kinderen",
            "een open en reflecterende houding",
        ),
        ("hbo",),
        _month(3500, 5500),
        ((24, 32), (32, 40), (16, 24), (40, 40)),
    ),
    Occupation(
        "docent_wiskunde",
        "onderwijs",
        ("Docent wiskunde", "Leraar wiskunde", "Docent wiskunde tweedegraads"),
        (
            "wiskundelessen geven in de onderbouw en bovenbouw",
            "toetsen maken en nakijken",
            "mentor zijn van een klas",
            "meewerken aan de vaksectie",
        ),
        (
            "een tweedegraads of eerstegraads bevoegdheid wiskunde",
            "of bereid om die te halen",
            "enthousiasme voor pubers",
        ),
        ("hbo", "wo"),
        _month(3600, 6000),
        ((16, 24), (24, 32), (32, 40)),
    ),
    Occupation(
        "docent_nederlands",
        "onderwijs",
        ("Docent Nederlands", "Leraar Nederlands", "Docent Nederlands mbo"),
        (
            "lessen Nederlands geven aan studenten van verschillende niveaus",
            "studenten voorbereiden op de examens",
            "lesmateriaal ontwikkelen",
            "studenten coachen in hun loopbaan",
        ),
        (
            "een lesbevoegdheid Nederlands",
            "affiniteit met de doelgroep",
            "creativiteit in je lessen",
        ),
        ("hbo", "wo"),
        _month(3500, 5800),
        ((16, 24), (24, 32), (32, 40)),
    ),
    Occupation(
        "onderwijsassistent",
        "onderwijs",
        ("Onderwijsassistent", "Klassenassistent", "Onderwijsassistent basisonderwijs"),
        (
            "kleine groepjes leerlingen begeleiden",
            "de leerkracht ondersteunen in de klas",
            "materialen voorbereiden",
            "toezicht houden tijdens pauzes",
        ),
        (
            "een diploma Onderwijsassistent",
            "geduld en creativiteit",
            "goede samenwerking met leerkrachten",
        ),
        ("mbo-4",),
        _month(2450, 3300),
        _PART,
    ),
    Occupation(
        "pedagogisch_medewerker",
        "onderwijs",
        (
            "Pedagogisch medewerker",
            "Pedagogisch professional kinderopvang",
            "Pedagogisch medewerker bso",
        ),
        (
            "kinderen een veilige en leuke dag bezorgen",
            "activiteiten bedenken en begeleiden",
            "de ontwikkeling van kinderen observeren",
            "ouders informeren bij het halen en brengen",
        ),
        (
            "een diploma Pedagogisch werk niveau 3 of 4",
            "inschrijving in het Personenregister Kinderopvang",
            "een vrolijke houding",
        ),
        ("mbo-3", "mbo-4"),
        _month(2550, 3400),
        _PART,
    ),
    # horeca
    Occupation(
        "kok",
        "horeca",
        ("Kok", "Zelfstandig werkend kok", "Kok à la carte"),
        (
            "gerechten bereiden voor lunch en diner",
            "mise-en-place maken voor de service",
            "meedenken over nieuwe kaarten",
            "werken volgens HACCP",
        ),
        (
            "een koksopleiding of vergelijkbare ervaring",
            "beschikbaar in het weekend",
            "passie voor verse producten",
        ),
        ("mbo-2", "mbo-3"),
        _hour(14.90, 18.40),
        _MIXED,
        temporary_share=0.25,
    ),
    Occupation(
        "bediening",
        "horeca",
        ("Medewerker bediening", "Bedieningsmedewerker", "Serveerster"),
        (
            "gasten ontvangen en naar hun tafel brengen",
            "bestellingen opnemen en serveren",
            "drankjes maken achter de bar",
            "afrekenen en de zaak netjes achterlaten",
        ),
        (
            "gastvrijheid en een glimlach",
            "beschikbaar in de avonden en weekenden",
            "ervaring is fijn maar niet nodig",
        ),
        ("vmbo",),
        _hour(14.75, 16.10),
        _PART,
        temporary_share=0.35,
    ),
    Occupation(
        "afwasser",
        "horeca",
        ("Afwasser", "Medewerker spoelkeuken", "Afwasmedewerker"),
        (
            "servies, pannen en bestek afwassen",
            "de keuken schoonhouden",
            "koks helpen met eenvoudige voorbereidingen",
            "goederen aannemen en opruimen",
        ),
        ("doorzettingsvermogen", "beschikbaar in de avonden", "geen ervaring nodig"),
        ("vmbo",),
        _hour(14.75, 15.50),
        _PART,
        temporary_share=0.5,
    ),
    Occupation(
        "barista",
        "horeca",
        ("Barista", "Medewerker koffiebar", "Barista lunchroom"),
        (
            "koffiespecialiteiten zetten",
            "broodjes en taart bereiden",
            "gasten adviseren en afrekenen",
            "de koffiemachine schoonmaken en afstellen",
        ),
        (
            "ervaring met een espressomachine is fijn",
            "een vrolijke uitstraling",
            "beschikbaar in het weekend",
        ),
        ("vmbo", "mbo-2"),
        _hour(14.75, 16.20),
        _PART,
        temporary_share=0.3,
    ),
    Occupation(
        "hotelreceptionist",
        "horeca",
        ("Receptionist hotel", "Hotelreceptionist", "Front office medewerker"),
        (
            "gasten inchecken en uitchecken",
            "reserveringen verwerken in het reserveringssysteem",
            "vragen beantwoorden over de stad en het hotel",
            "klachten gastvrij afhandelen",
        ),
        (
            "goede beheersing van Nederlands en Engels",
            "een representatieve uitstraling",
            "bereid om in diensten te werken",
        ),
        ("mbo-4",),
        _month(2450, 3000),
        _MIXED,
        titles_en=("Hotel Receptionist", "Front Office Agent"),
        tasks_en=(
            "check guests in and out",
            "process bookings in the reservation system",
            "answer questions about the hotel and the city",
        ),
        skills_en=(
            "fluent English; Dutch is a plus",
            "a welcoming appearance",
            "willingness to work shifts",
        ),
    ),
    Occupation(
        "souschef",
        "horeca",
        ("Sous-chef", "Souschef", "Tweede kok"),
        (
            "de chef vervangen bij afwezigheid",
            "het keukenteam aansturen tijdens de service",
            "bestellingen en voorraad beheren",
            "nieuwe gerechten uitwerken",
        ),
        (
            "ervaring als zelfstandig werkend kok",
            "leidinggevende kwaliteiten",
            "kennis van HACCP",
        ),
        ("mbo-3", "mbo-4"),
        _month(2800, 3600),
        _FULL,
    ),
    # retail
    Occupation(
        "verkoopmedewerker",
        "retail",
        ("Verkoopmedewerker", "Winkelmedewerker", "Medewerker winkel"),
        (
            "klanten helpen en adviseren in de winkel",
            "artikelen presenteren en aanvullen",
            "afrekenen aan de kassa",
            "bestellingen voor klanten aannemen",
        ),
        (
            "commercieel en klantvriendelijk",
            "beschikbaar op zaterdag",
            "een vmbo-diploma of hoger",
        ),
        ("vmbo", "mbo-2"),
        _hour(14.75, 16.80),
        _PART,
        temporary_share=0.25,
    ),
    Occupation(
        "kassamedewerker",
        "retail",
        ("Kassamedewerker", "Caissière", "Medewerker kassa"),
        (
            "klanten afrekenen aan de kassa",
            "de zelfscankassa's begeleiden",
            "vragen van klanten beantwoorden",
            "de kassa opmaken aan het eind van de dag",
        ),
        (
            "klantvriendelijk en nauwkeurig",
            "beschikbaar in de avond of het weekend",
            "minimaal 16 jaar",
        ),
        ("vmbo",),
        _hour(14.75, 15.60),
        _PART,
        temporary_share=0.3,
    ),
    Occupation(
        "vakkenvuller",
        "retail",
        ("Vakkenvuller", "Medewerker vulploeg", "Medewerker vers"),
        (
            "schappen vullen en spiegelen",
            "houdbaarheidsdata controleren",
            "rolcontainers uitpakken",
            "klanten de weg wijzen in de winkel",
        ),
        (
            "aanpakken",
            "beschikbaar in de avond of vroege ochtend",
            "geen ervaring nodig",
        ),
        ("vmbo",),
        _hour(14.75, 15.40),
        _PART,
        temporary_share=0.4,
    ),
    Occupation(
        "filiaalmanager",
        "retail",
        ("Filiaalmanager", "Bedrijfsleider winkel", "Storemanager"),
        (
            "het winkelteam leiden en motiveren",
            "omzet, marge en kosten bewaken",
            "roosters maken en sollicitatiegesprekken voeren",
            "de winkel commercieel op orde houden",
        ),
        (
            "ervaring als leidinggevende in de retail",
            "een commerciële instelling",
            "een mbo 4- of hbo-diploma",
        ),
        ("mbo-4", "hbo"),
        _month(3100, 4300),
        _FULL,
        titles_en=("Store Manager",),
        tasks_en=(
            "lead and motivate the store team",
            "manage turnover, margin and costs",
            "plan rosters and hire new colleagues",
        ),
        skills_en=(
            "experience as a manager in retail",
            "a commercial mindset",
            "a relevant degree",
        ),
    ),
    # bouw
    Occupation(
        "timmerman",
        "bouw",
        ("Timmerman", "Allround timmerman", "Bouwtimmerman"),
        (
            "kozijnen, deuren en trappen plaatsen",
            "houtskeletbouw en renovaties uitvoeren",
            "daken en vloeren afwerken",
            "werken volgens tekening en planning",
        ),
        (
            "een diploma Timmeren niveau 2 of 3",
            "VCA basis",
            "een eigen set handgereedschap",
        ),
        ("mbo-2", "mbo-3"),
        _month(2700, 3700),
        _FULL,
    ),
    Occupation(
        "metselaar",
        "bouw",
        ("Metselaar", "Allround metselaar", "Metselaar nieuwbouw"),
        (
            "gevels en binnenmuren metselen",
            "voegwerk en herstelwerk uitvoeren",
            "lijnen en profielen uitzetten",
            "samenwerken met de uitvoerder en andere vakmensen",
        ),
        ("ervaring als metselaar", "VCA basis", "in het bezit van rijbewijs B"),
        ("mbo-2",),
        _hour(17.50, 23.00),
        _FULL,
        temporary_share=0.3,
    ),
    Occupation(
        "uitvoerder",
        "bouw",
        ("Uitvoerder", "Uitvoerder bouw", "Uitvoerder woningbouw"),
        (
            "de bouwplaats dagelijks leiden",
            "vakmensen en onderaannemers aansturen",
            "kwaliteit, veiligheid en planning bewaken",
            "bouwvergaderingen voorbereiden en notuleren",
        ),
        (
            "een mbo 4- of hbo-diploma Bouwkunde",
            "VCA VOL",
            "ervaring als uitvoerder of kaderlid",
        ),
        ("mbo-4", "hbo"),
        _month(3500, 5200),
        _FULL,
    ),
    Occupation(
        "projectleider_bouw",
        "bouw",
        ("Projectleider bouw", "Projectleider", "Projectmanager bouw"),
        (
            "projecten leiden van ontwerp tot oplevering",
            "budget en planning bewaken",
            "contact onderhouden met opdrachtgevers en architecten",
            "het projectteam aansturen",
        ),
        (
            "een hbo-diploma Bouwkunde of Civiele Techniek",
            "minimaal vijf jaar ervaring in de bouw",
            "onderhandelingsvaardigheden",
        ),
        ("hbo", "wo"),
        _month(4200, 6300),
        _FULL,
    ),
    Occupation(
        "schilder",
        "bouw",
        ("Schilder", "Allround schilder", "Onderhoudsschilder"),
        (
            "binnen- en buitenschilderwerk uitvoeren",
            "ondergronden voorbehandelen en herstellen",
            "glas zetten en kitten",
            "klanten netjes te woord staan",
        ),
        (
            "een diploma Schilderen of vergelijkbare ervaring",
            "VCA basis is een pre",
            "netjes en zorgvuldig",
        ),
        ("mbo-2", "mbo-3"),
        _month(2550, 3350),
        _FULL,
        temporary_share=0.25,
    ),
    Occupation(
        "loodgieter",
        "bouw",
        ("Loodgieter", "Installateur sanitair", "Monteur loodgieterswerk"),
        (
            "badkamers en keukens aansluiten",
            "lekkages en verstoppingen verhelpen",
            "leidingwerk aanleggen in nieuwbouwwoningen",
            "klanten adviseren over sanitair",
        ),
        (
            "een diploma installatietechniek",
            "ervaring met leidingwerk",
            "klantvriendelijk",
        ),
        ("mbo-2", "mbo-3"),
        _month(2650, 3600),
        _FULL,
    ),
    # administratie
    Occupation(
        "administratief_medewerker",
        "administratie",
        (
            "Administratief medewerker",
            "Medewerker administratie",
            "Administratief ondersteuner",
        ),
        (
            "facturen en inkooporders verwerken",
            "gegevens invoeren en controleren in het ERP-systeem",
            "post en e-mail afhandelen",
            "collega's ondersteunen met rapportages",
        ),
        (
            "een mbo 4-diploma in een administratieve richting",
            "goede kennis van Excel",
            "nauwkeurig en zelfstandig",
        ),
        ("mbo-4", "mbo-3"),
        _month(2450, 3300),
        _OFFICE,
        temporary_share=0.3,
    ),
    Occupation(
        "office_manager",
        "administratie",
        ("Office manager", "Managementassistent", "Officemanager"),
        (
            "de directie ondersteunen met agenda en correspondentie",
            "vergaderingen en evenementen organiseren",
            "leveranciers en facilitaire zaken regelen",
            "nieuwe collega's ontvangen en wegwijs maken",
        ),
        (
            "een mbo 4- of hbo-diploma secretarieel",
            "ervaring als managementassistent",
            "discreet en servicegericht",
        ),
        ("mbo-4", "hbo"),
        _month(2800, 3900),
        _OFFICE,
        titles_en=("Office Manager", "Executive Assistant"),
        tasks_en=(
            "support the management team with diary and correspondence",
            "organise meetings and events",
            "manage suppliers and facilities",
        ),
        skills_en=(
            "experience as an executive or office assistant",
            "excellent organisational skills",
            "discretion",
        ),
    ),
    Occupation(
        "klantenservicemedewerker",
        "administratie",
        (
            "Klantenservicemedewerker",
            "Medewerker klantcontact",
            "Customer service medewerker",
        ),
        (
            "klanten te woord staan via telefoon, mail en chat",
            "vragen over bestellingen en facturen oplossen",
            "klachten registreren en afhandelen",
            "klanten wijzen op handige producten",
        ),
        (
            "een mbo-diploma",
            "uitstekende beheersing van de Nederlandse taal",
            "beschikbaar op minimaal drie dagen",
        ),
        ("mbo-3", "mbo-4"),
        _hour(14.75, 17.50),
        _MIXED,
        temporary_share=0.45,
        titles_en=("Customer Service Representative", "Customer Support Agent"),
        tasks_en=(
            "help customers by phone, e-mail and chat",
            "solve questions about orders and invoices",
            "log and resolve complaints",
        ),
        skills_en=(
            "excellent English; German or French is a plus",
            "a friendly, patient attitude",
            "availability at least three days a week",
        ),
    ),
    Occupation(
        "salarisadministrateur",
        "administratie",
        (
            "Salarisadministrateur",
            "Payroll medewerker",
            "Medewerker salarisadministratie",
        ),
        (
            "de maandelijkse salarisverwerking uitvoeren",
            "mutaties verwerken in AFAS of Loket",
            "loonaangiftes en pensioenopgaven verzorgen",
            "vragen van medewerkers over hun loonstrook beantwoorden",
        ),
        (
            "een PDL- of SPL-diploma",
            "ervaring met AFAS, Nmbrs of Loket",
            "kennis van wet- en regelgeving",
        ),
        ("mbo-4", "hbo"),
        _month(3000, 4300),
        _OFFICE,
        titles_en=("Payroll Specialist", "Payroll Administrator"),
        tasks_en=(
            "run the monthly payroll",
            "process changes in the payroll system",
            "answer employees' payslip questions",
        ),
        skills_en=(
            "a payroll qualification",
            "experience with Dutch payroll software",
            "knowledge of Dutch payroll legislation",
        ),
    ),
    Occupation(
        "hr_adviseur",
        "administratie",
        ("HR-adviseur", "P&O-adviseur", "HR adviseur"),
        (
            "leidinggevenden adviseren over personeelszaken",
            "verzuim begeleiden samen met de bedrijfsarts",
            "HR-beleid ontwikkelen en invoeren",
            "werving en selectie ondersteunen",
        ),
        (
            "een hbo-diploma HRM",
            "kennis van arbeidsrecht en de Wet verbetering poortwachter",
            "stevig en empathisch",
        ),
        ("hbo",),
        _month(3500, 5200),
        _OFFICE,
        titles_en=("HR Advisor", "HR Business Partner"),
        tasks_en=(
            "advise managers on people matters",
            "guide sickness absence with the occupational doctor",
            "develop and implement HR policy",
        ),
        skills_en=(
            "a degree in HR",
            "knowledge of Dutch employment law",
            "a firm yet empathetic style",
        ),
    ),
    # finance
    Occupation(
        "financieel_administratief_medewerker",
        "finance",
        (
            "Financieel administratief medewerker",
            "Crediteurenadministrateur",
            "Medewerker financiële administratie",
        ),
        (
            "inkoopfacturen boeken en betalingen klaarzetten",
            "debiteuren bewaken en herinneringen sturen",
            "bankmutaties verwerken",
            "meewerken aan de maand- en jaarafsluiting",
        ),
        (
            "een mbo 4-diploma Financiële Administratie",
            "ervaring met Exact of AFAS",
            "een cijfermatige instelling",
        ),
        ("mbo-4",),
        _month(2650, 3600),
        _OFFICE,
        temporary_share=0.3,
        titles_en=("Accounts Payable Specialist", "Finance Administrator"),
        tasks_en=(
            "book purchase invoices and prepare payments",
            "follow up outstanding receivables",
            "support month-end and year-end closing",
        ),
        skills_en=(
            "a vocational degree in finance",
            "experience with Exact or AFAS",
            "a head for numbers",
        ),
    ),
    Occupation(
        "boekhouder",
        "finance",
        ("Boekhouder", "Allround boekhouder", "Medewerker boekhouding"),
        (
            "de boekhouding van klanten bijhouden",
            "btw-aangiftes voorbereiden",
            "jaarrekeningen samenstellen",
            "klanten adviseren over hun administratie",
        ),
        (
            "een diploma MBA of SPD",
            "ervaring in een administratiekantoor",
            "zelfstandig en klantgericht",
        ),
        ("mbo-4", "hbo"),
        _month(2850, 3950),
        _OFFICE,
    ),
    Occupation(
        "controller",
        "finance",
        ("Controller", "Business controller", "Financial controller"),
        (
            "maandrapportages en forecasts opstellen",
            "begrotingen samenstellen met de budgethouders",
            "de administratieve organisatie en interne controle verbeteren",
            "het management adviseren over resultaten",
        ),
        (
            "een hbo- of wo-diploma Bedrijfseconomie of Accountancy",
            "ervaring als controller",
            "stevig in je schoenen",
        ),
        ("hbo", "wo"),
        _year(52000, 88000),
        _OFFICE,
        titles_en=("Financial Controller", "Business Controller"),
        tasks_en=(
            "prepare monthly reports and forecasts",
            "build budgets with budget holders",
            "improve internal control and advise management",
        ),
        skills_en=(
            "a degree in business economics or accountancy",
            "experience as a controller",
            "confidence with senior stakeholders",
        ),
        seniority=True,
    ),
    Occupation(
        "accountant",
        "finance",
        ("Accountant", "Assistent-accountant", "Accountant samenstelpraktijk"),
        (
            "jaarrekeningen samenstellen en controleren",
            "fiscale aangiftes verzorgen",
            "klanten adviseren over financiën en groei",
            "junior collega's begeleiden",
        ),
        (
            "een hbo-diploma Accountancy",
            "ervaring in de samenstelpraktijk",
            "je volgt of hebt de opleiding AA of RA",
        ),
        ("hbo", "wo"),
        _month(3200, 5400),
        _OFFICE,
        titles_en=("Accountant", "Audit Associate"),
        tasks_en=(
            "prepare and review annual accounts",
            "handle tax returns for clients",
            "advise clients on finances and growth",
        ),
        skills_en=(
            "a degree in accountancy",
            "experience at an accounting firm",
            "progress towards a professional qualification",
        ),
        seniority=True,
    ),
    Occupation(
        "financieel_analist",
        "finance",
        ("Financieel analist", "Financial analyst", "Analist financiën"),
        (
            "financiële modellen bouwen en onderhouden",
            "afwijkingen in resultaten analyseren",
            "investeringsvoorstellen doorrekenen",
            "rapportages maken voor de directie",
        ),
        (
            "een wo-diploma Econometrie, Finance of vergelijkbaar",
            "sterke Excel-vaardigheden",
            "kennis van SQL is een pre",
        ),
        ("wo", "hbo"),
        _year(48000, 78000),
        _OFFICE,
        titles_en=("Financial Analyst", "FP&A Analyst"),
        tasks_en=(
            "build and maintain financial models",
            "analyse variances in results",
            "evaluate investment proposals",
        ),
        skills_en=(
            "a degree in econometrics, finance or similar",
            "advanced Excel skills",
            "SQL is a plus",
        ),
        seniority=True,
    ),
    Occupation(
        "risk_analist",
        "finance",
        ("Risk analist", "Risicoanalist", "Analist risicomanagement"),
        (
            "kredietrisico's en operationele risico's analyseren",
            "risicomodellen valideren",
            "rapporteren aan het risicocomité",
            "meewerken aan toezichtseisen van DNB",
        ),
        (
            "een wo-diploma in een kwantitatieve richting",
            "kennis van Python of R",
            "ervaring in de financiële sector",
        ),
        ("wo",),
        _year(55000, 90000),
        _OFFICE,
        titles_en=("Risk Analyst", "Credit Risk Analyst"),
        tasks_en=(
            "analyse credit and operational risks",
            "validate risk models",
            "report to the risk committee",
        ),
        skills_en=(
            "a quantitative university degree",
            "Python or R",
            "experience in financial services",
        ),
        seniority=True,
    ),
    # marketing
    Occupation(
        "marketeer",
        "marketing",
        ("Marketeer", "Marketing medewerker", "Marketingspecialist"),
        (
            "campagnes bedenken en uitvoeren",
            "de website en nieuwsbrief beheren",
            "resultaten meten en rapporteren",
            "samenwerken met bureaus en sales",
        ),
        (
            "een hbo-diploma Marketing of Communicatie",
            "ervaring met een CMS",
            "creatief en resultaatgericht",
        ),
        ("hbo",),
        _month(3000, 4600),
        _OFFICE,
        titles_en=("Marketing Specialist", "Marketing Manager"),
        tasks_en=(
            "design and run campaigns",
            "manage the website and newsletter",
            "measure and report results",
        ),
        skills_en=(
            "a degree in marketing or communication",
            "experience with a CMS",
            "a creative, results-driven mindset",
        ),
        seniority=True,
    ),
    Occupation(
        "online_marketeer",
        "marketing",
        ("Online marketeer", "Digital marketeer", "Performance marketeer"),
        (
            "campagnes opzetten in Google Ads en Meta",
            "SEO en SEA optimaliseren",
            "A/B-tests uitvoeren op landingspagina's",
            "data analyseren in Google Analytics",
        ),
        (
            "ervaring met Google Ads en Analytics",
            "een analytische blik",
            "kennis van marketing automation is een pre",
        ),
        ("hbo", "mbo-4"),
        _month(3000, 4800),
        _OFFICE,
        titles_en=(
            "Digital Marketing Specialist",
            "Performance Marketer",
            "Growth Marketer",
        ),
        tasks_en=(
            "set up campaigns in Google Ads and Meta",
            "optimise SEO and SEA",
            "run A/B tests on landing pages",
        ),
        skills_en=(
            "hands-on experience with Google Ads and Analytics",
            "an analytical mindset",
            "marketing automation experience is a plus",
        ),
        seniority=True,
    ),
    Occupation(
        "contentmarketeer",
        "marketing",
        ("Contentmarketeer", "Contentspecialist", "Copywriter"),
        (
            "teksten schrijven voor website, blog en social media",
            "een contentkalender opstellen en bewaken",
            "video's en podcasts laten maken",
            "de tone of voice van het merk bewaken",
        ),
        ("een vlotte pen", "ervaring met SEO-teksten", "een hbo-diploma Communicatie"),
        ("hbo",),
        _month(2900, 4300),
        _OFFICE,
        titles_en=("Content Marketer", "Content Specialist", "Copywriter"),
        tasks_en=(
            "write copy for our website, blog and social channels",
            "own the content calendar",
            "guard the brand's tone of voice",
        ),
        skills_en=(
            "excellent writing skills in English",
            "SEO writing experience",
            "a degree in communication or journalism",
        ),
    ),
    Occupation(
        "communicatieadviseur",
        "marketing",
        ("Communicatieadviseur", "Adviseur communicatie", "Communicatiemedewerker"),
        (
            "het bestuur en de afdelingen adviseren over communicatie",
            "persberichten en nieuwsberichten schrijven",
            "interne communicatie verzorgen",
            "crisiscommunicatie voorbereiden",
        ),
        (
            "een hbo-diploma Communicatie",
            "uitstekende schrijfvaardigheid",
            "politieke sensitiviteit",
        ),
        ("hbo", "wo"),
        _month(3400, 5100),
        _OFFICE,
    ),
    Occupation(
        "accountmanager",
        "marketing",
        ("Accountmanager", "Accountmanager buitendienst", "Commercieel adviseur"),
        (
            "nieuwe klanten werven in je regio",
            "bestaande klanten bezoeken en uitbouwen",
            "offertes opstellen en onderhandelen",
            "je pipeline bijhouden in het CRM",
        ),
        (
            "commerciële ervaring in de zakelijke markt",
            "rijbewijs B",
            "een hbo-werk- en denkniveau",
        ),
        ("hbo", "mbo-4"),
        _month(3100, 4800),
        _FULL,
        titles_en=("Account Manager", "Business Development Manager"),
        tasks_en=(
            "win new clients in your region",
            "grow relationships with existing clients",
            "prepare proposals and negotiate",
        ),
        skills_en=(
            "B2B sales experience",
            "a driving licence",
            "a bachelor-level mindset",
        ),
        seniority=True,
    ),
    # schoonmaak
    Occupation(
        "schoonmaker",
        "schoonmaak",
        ("Schoonmaker", "Schoonmaakmedewerker", "Medewerker schoonmaak"),
        (
            "kantoren en sanitaire ruimtes schoonmaken",
            "vloeren stofzuigen en dweilen",
            "afval scheiden en afvoeren",
            "schoonmaakmiddelen bijhouden",
        ),
        (
            "zelfstandig en zorgvuldig werken",
            "beschikbaar in de vroege ochtend of avond",
            "geen ervaring nodig",
        ),
        ("vmbo",),
        _hour(14.75, 15.90),
        _PART,
        temporary_share=0.35,
    ),
    Occupation(
        "glazenwasser",
        "schoonmaak",
        ("Glazenwasser", "Glazenwasser hoogwerker", "Medewerker glasbewassing"),
        (
            "ramen en gevels wassen bij bedrijven en particulieren",
            "werken met hoogwerker en telescoopsteel",
            "kozijnen en zonneschermen reinigen",
            "veilig werken op hoogte",
        ),
        ("rijbewijs B", "geen hoogtevrees", "een VCA-certificaat is een pre"),
        ("vmbo",),
        _hour(15.20, 17.80),
        _FULL,
    ),
    # beveiliging
    Occupation(
        "beveiliger",
        "beveiliging",
        ("Beveiliger", "Beveiligingsmedewerker", "Security officer"),
        (
            "toegangscontrole uitvoeren bij de ingang",
            "surveillancerondes lopen over het terrein",
            "alarmopvolging en incidentafhandeling",
            "rapporteren in het digitale dagrapport",
        ),
        (
            "een diploma Beveiliger 2",
            "een geldige beveiligingspas",
            "bereid om onregelmatige diensten te draaien",
        ),
        ("mbo-2",),
        _hour(15.30, 18.20),
        _FULL,
        temporary_share=0.3,
        titles_en=("Security Officer",),
        tasks_en=(
            "carry out access control at the entrance",
            "patrol the premises",
            "respond to alarms and incidents",
        ),
        skills_en=(
            "a Dutch security guard diploma",
            "a valid security pass",
            "willingness to work irregular shifts",
        ),
    ),
    Occupation(
        "centralist_meldkamer",
        "beveiliging",
        ("Centralist meldkamer", "Meldkamermedewerker", "Alarmcentralist"),
        (
            "alarmmeldingen beoordelen en opvolgen",
            "beveiligers en hulpdiensten inzetten",
            "camerabeelden uitkijken",
            "meldingen nauwkeurig registreren",
        ),
        (
            "een diploma Beveiliger 2",
            "ervaring op een meldkamer is een pre",
            "rustig en besluitvaardig",
        ),
        ("mbo-2", "mbo-3"),
        _month(2500, 3200),
        _FULL,
    ),
    # overheid
    Occupation(
        "beleidsmedewerker",
        "overheid",
        ("Beleidsmedewerker", "Beleidsadviseur", "Beleidsmedewerker sociaal domein"),
        (
            "beleid schrijven voor college en raad",
            "in gesprek gaan met inwoners en partners",
            "uitvoering van beleid evalueren",
            "subsidieregelingen opstellen",
        ),
        (
            "een hbo- of wo-diploma",
            "politiek-bestuurlijke sensitiviteit",
            "een vlotte pen",
        ),
        ("hbo", "wo"),
        _month(3600, 5500),
        _OFFICE,
    ),
    Occupation(
        "vergunningverlener",
        "overheid",
        (
            "Vergunningverlener",
            "Medewerker vergunningen",
            "Vergunningverlener Omgevingswet",
        ),
        (
            "aanvragen omgevingsvergunning beoordelen",
            "initiatiefnemers adviseren in het vooroverleg",
            "besluiten opstellen die juridisch kloppen",
            "samenwerken met handhaving en ruimtelijke ordening",
        ),
        (
            "een mbo 4- of hbo-diploma in bouwkunde of ruimtelijke ordening",
            "kennis van de Omgevingswet",
            "klantgericht en zorgvuldig",
        ),
        ("mbo-4", "hbo"),
        _month(3300, 4800),
        _OFFICE,
    ),
    Occupation(
        "handhaver",
        "overheid",
        ("Handhaver", "Boa openbare ruimte", "Toezichthouder openbare ruimte"),
        (
            "surveilleren in wijken en het centrum",
            "overtredingen constateren en bekeuren",
            "inwoners en ondernemers aanspreken",
            "samenwerken met politie en wijkteams",
        ),
        (
            "een boa-certificaat domein I",
            "stevig en communicatief",
            "bereid om avonden en weekenden te werken",
        ),
        ("mbo-3", "mbo-4"),
        _month(2800, 3800),
        _FULL,
    ),
    Occupation(
        "medewerker_burgerzaken",
        "overheid",
        (
            "Medewerker Burgerzaken",
            "Medewerker publiekszaken",
            "Baliemedewerker Burgerzaken",
        ),
        (
            "paspoorten en rijbewijzen aanvragen en uitgeven",
            "verhuizingen en geboortes registreren in de BRP",
            "inwoners aan de balie en telefoon helpen",
            "huwelijken en partnerschappen voorbereiden",
        ),
        (
            "een mbo 4-diploma, bij voorkeur Publiekszaken",
            "kennis van de BRP is een pre",
            "klantvriendelijk en nauwkeurig",
        ),
        ("mbo-4",),
        _month(2700, 3700),
        _MIXED,
    ),
)

SECTORS: tuple[str, ...] = tuple(dict.fromkeys(o.sector for o in OCCUPATIONS))


def by_sector(sector: str) -> tuple[Occupation, ...]:
    """Return the occupations of one sector, in their fixed order.

    Parameters
    ----------
    sector : str
        A sector name from :data:`SECTORS`.

    Returns
    -------
    tuple of Occupation
        Empty when the sector is unknown.
    """
    return tuple(o for o in OCCUPATIONS if o.sector == sector)
