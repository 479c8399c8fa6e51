"""The demo's fixed facts (event, clusters, networks, logins) and the word lists people come from.

Only the clusters and networks named in the seed article are real; every other name is invented.
"""

import datetime as dt
from dataclasses import dataclass, field

PASSWORD = "matchfair-demo"
# Every demo account and organisation carries one of these markers, so a reset finds them all.
EMAIL_DOMAIN_SUFFIX = ".demo"
FIXED_EMAIL_DOMAIN = "@demo.matchfair"
WEBSITE_SUFFIX = ".demo"

EVENT_SLUG = "smart-city-expo"
EVENT_NAME = "Smart City Expo World Congress"
EVENT_NAME_BG = "Световен конгрес и изложение Smart City Expo"
EVENT_VENUE = "Fira Gran Via"
EVENT_CITY = "Barcelona"
EVENT_TIME_ZONE = "Europe/Madrid"
EVENT_DESCRIPTION = (
    "Three days of B2B meetings at the largest global event on smart technologies and urban "
    "innovation, co-organised by the Sofia City of Knowledge Cluster and the Silicon Europe "
    "Alliance. On the day before, the Smart City Tech Partnership holds its annual meeting.\n\n"
    "This is Matchfair's demo. Its dates move with the day the demo is loaded, always a few "
    "weeks ahead, so that booking, the schedule and the changes on the day can all be tried. "
    "The real Smart City Expo World Congress takes place at Fira Gran Via in Barcelona each "
    "November; see smartcityexpo.com for its dates."
)
EVENT_DESCRIPTION_BG = (
    "Три дни B2B срещи на най-голямото световно събитие за интелигентни технологии и градски "
    "иновации, организирани съвместно от клъстер „София – град на знанието“ и алианса Silicon "
    "Europe. Предния ден партньорството Smart City Tech провежда годишното си събрание.\n\n"
    "Това е демонстрацията на Matchfair. Датите ѝ се местят с деня, в който е заредена, винаги "
    "няколко седмици напред, за да могат да се изпробват заявките, графикът и промените в деня. "
    "Истинският Smart City Expo World Congress се провежда във Fira Gran Via в Барселона всеки "
    "ноември; датите му са на smartcityexpo.com."
)


def _coming_monday(today: dt.date, *, weeks: int = 3) -> dt.date:
    """The first Monday at least `weeks` weeks away: the demo event is always ahead, so its
    booking, schedule and changes on the day can all be tried, whenever the demo is loaded."""
    start = today + dt.timedelta(weeks=weeks)
    return start + dt.timedelta(days=(7 - start.weekday()) % 7)


# Like the real expo: the partnership meets on Monday, the fair runs Tuesday to Thursday.
ASSEMBLY_DAY = _coming_monday(dt.date.today())
EXPO_DAYS = tuple(ASSEMBLY_DAY + dt.timedelta(days=n) for n in (1, 2, 3))
# (English name, Bulgarian name, start, end)
ASSEMBLY_SESSION = (
    "Smart City Tech Partnership — annual meeting",
    "Партньорство Smart City Tech — годишно събрание",
    dt.time(9, 30),
    dt.time(17, 30),
)
# (English label, Bulgarian label, start, end) of each day's B2B sessions
B2B_SESSIONS = (
    ("morning B2B meetings", "B2B срещи сутрин", dt.time(9, 30), dt.time(13, 30)),
    ("afternoon B2B meetings", "B2B срещи следобед", dt.time(14, 30), dt.time(17, 30)),
)
SLOT_MINUTES = 30
# Humane days: a lunch break nobody is scheduled in (the morning's last slot and the hour
# between the sessions), at most 4 meetings in a row and 6 a day, so agendas spread over the
# three expo days.
LUNCH = (dt.time(13, 0), dt.time(14, 30))
MAX_IN_A_ROW = 4
MAX_PER_DAY = 6
# (hall in English, in Bulgarian, tables)
HALLS = (
    ("Hall 2 — B2B area", "Зала 2 — B2B зона", 24),
    ("Hall 6 — B2B area", "Зала 6 — B2B зона", 16),
)
BOOTH_COUNT = 5
RELEASE_NAME = "Release for the expo"

# How many requests end in each state, out of about 1,000.
REQUEST_STATES = {"accepted": 600, "asked": 200, "declined": 120, "cancelled": 80}
UNAVAILABLE_SHARE = 0.10
SOFIA_MEMBERS = 25
SEED = 2026


@dataclass(frozen=True)
class ClusterFact:
    name: str
    country: str
    city: str
    slug: str  # for the website https://<slug>.demo and staff e-mail addresses


LEAD = ClusterFact("Sofia City of Knowledge Cluster", "BG", "Sofia", "sofia-cluster")
ALLIANCE_NAME = "Silicon Europe Alliance"
ALLIANCE = (
    ClusterFact("SCS", "FR", "Rousset", "scs"),
    ClusterFact("Minalogic", "FR", "Grenoble", "minalogic"),
    ClusterFact("Elbe Microsystems Cluster", "DE", "Dresden", "elbe-microsystems"),
    ClusterFact("Scheldt Embedded Systems Cluster", "BE", "Leuven", "scheldt-embedded"),
)
PARTNERSHIP_NAME = "Smart City Tech Partnership"
PARTNERSHIP = (
    ClusterFact("Tagus Urban Tech Cluster", "PT", "Lisbon", "tagus-urban"),
    ClusterFact("Rhineland Smart Regions Cluster", "DE", "Cologne", "rhineland-smart"),
    ClusterFact("Baltic Smart City Cluster", "LT", "Vilnius", "baltic-smart"),
    ClusterFact("Vistula Urban Innovation Cluster", "PL", "Kraków", "vistula-urban"),
    ClusterFact("Danube Digital Cities Cluster", "RO", "Bucharest", "danube-digital"),
    ClusterFact("Aegean Smart Cities Cluster", "GR", "Thessaloniki", "aegean-smart"),
    ClusterFact("Adriatic Urban Tech Cluster", "HR", "Split", "adriatic-urban"),
    ClusterFact("Lakeland Cleantech Cluster", "FI", "Tampere", "lakeland-cleantech"),
    ClusterFact("Øresund Urban Data Cluster", "DK", "Copenhagen", "oresund-data"),
    ClusterFact("Po Valley Smart Cities Cluster", "IT", "Bologna", "po-valley"),
    ClusterFact("Ebro Smart Territories Cluster", "ES", "Zaragoza", "ebro-smart"),
)


@dataclass(frozen=True)
class Login:
    role: str
    email: str
    try_this: str


ORGANISER = Login(
    "Organiser (lead, admin)",
    "organiser@sofia-cluster.demo",
    "Organiser console → Schedule → Release; Manage participants, Reports (charts, badges, PDFs), Mailings, the day of the event; Delegations → plan the visits; the partnership's meeting (/assembly/partnerships/): check in, open the motion's vote, close and publish the elections; /admin/",
)
CO_ORGANISER = Login(
    "Co-organiser (SCS)",
    "organiser@scs.demo",
    "Organiser console: only the participants SCS supports, validate, export, import; Reports in aggregate; Participants → one of SCS's shows contact details",
)
PARTICIPANT = Login(
    "Participant (Bulgarian mobility company)",
    "participant@demo.matchfair",
    "Participants → find a partner in the directory → request a meeting; My agenda → .ics; My account → Membership requests: a colleague waits to join Iskar Flow",
)
PARTNER = Login(
    "Participant (a city in Portugal)",
    "partner@demo.matchfair",
    "Requests → accept the request waiting from Iskar Flow Mobility; My agenda → .ics",
)
MEMBER = Login(
    "Member of the Sofia cluster",
    "member@sofia-cluster.demo",
    "My day: meetings and joint visits to the pavilions, the route on the floor plan, .ics and PDF; Exhibitors; Contacts",
)
DELEGATE = Login(
    "Delegate of Sofia in the partnership",
    "delegate@sofia-cluster.demo",
    "My partnerships (/assembly/partnerships/): this year's annual meeting: quorum, vote on the motion, rank the board (Scottish STV) and the chair (IRV), keep the tracker, Edit my vote; last year's results, ballot boards and minutes; the ideas board and work plan",
)
EDITOR = Login(
    "Newsroom editor of the Sofia cluster",
    "editor@sofia-cluster.demo",
    "News → Desk: review the member's proposal and publish it; the translation dashboard shows the stale Bulgarian announcement",
)
LOGINS = (ORGANISER, CO_ORGANISER, PARTICIPANT, PARTNER, MEMBER, DELEGATE, EDITOR)
# Last year's expo, which the newsroom's trip report is about.
PAST_EVENT_SLUG = "smart-city-expo-last-year"


@dataclass(frozen=True)
class OpportunityFact:
    kind: str  # "offer" or "request"
    title: str
    description: str
    domains: tuple[str, ...]
    topics: tuple[str, ...] = ()  # see `opportunities.Template.topics`


@dataclass(frozen=True)
class OrganisationFact:
    """A participant organisation and the one person who comes for it."""

    name: str
    kind: str
    country: str
    city: str
    slug: str
    person: str
    job_title: str
    email: str
    headline: str
    description: str
    domains: tuple[str, ...]
    opportunities: tuple[OpportunityFact, ...] = field(default=())
    # The fixed logins keep English, so whoever tries the demo reads the mail it would send.
    language: str = "en"


PARTICIPANT_ORGANISATION = OrganisationFact(
    name="Iskar Flow Mobility OOD",
    kind="company",
    country="BG",
    city="Sofia",
    slug="iskar-flow",
    person="Desislava Marinova",
    job_title="Head of business development",
    email=PARTICIPANT.email,
    headline="Traffic signal optimisation and passenger counting for mid-sized cities",
    description=(
        "Iskar Flow Mobility is a 40-person Sofia company that builds software for traffic "
        "engineers: adaptive signal control that runs on existing controllers, and camera-free "
        "passenger counting for buses and trams. Deployed in four Bulgarian cities; we look for "
        "city pilots and integrators in Southern Europe."
    ),
    domains=("mobility", "ict"),
    opportunities=(
        OpportunityFact(
            "offer",
            "Adaptive traffic signal control software",
            "Cloud-based signal optimisation that cuts waiting time at junctions by 15–25 %. Works "
            "with existing controllers over NTCIP and UTMC, no new hardware at the junction.",
            ("mobility", "ict"),
            ("signals",),
        ),
        OpportunityFact(
            "offer",
            "Real-time passenger counting for buses and trams",
            "Privacy-friendly counting from Wi-Fi and door sensors, with an open API for the "
            "transport operator's planning tools.",
            ("mobility",),
            ("counting",),
        ),
        OpportunityFact(
            "request",
            "System integrator partner in Spain and Portugal",
            "We look for an integrator who maintains traffic controllers and can run our "
            "deployments locally.",
            ("mobility", "ict"),
            ("channels", "data-platform"),
        ),
        OpportunityFact(
            "request",
            "Test site in a city for our signal-control pilot",
            "A free six-month pilot on one congested corridor, with before-and-after travel "
            "times, for a city in Southern Europe that lets us test on its streets and open "
            "traffic data.",
            ("mobility",),
            ("pilot",),
        ),
    ),
)
PARTNER_ORGANISATION = OrganisationFact(
    name="Municipality of Vila Nova do Sargaço",
    kind="city",
    country="PT",
    city="Vila Nova do Sargaço",
    slug="vila-nova-do-sargaco",
    person="Inês Carvalho",
    job_title="Head of urban mobility",
    email=PARTNER.email,
    headline="A coastal town of 120,000 modernising its traffic management and public transport",
    description=(
        "Vila Nova do Sargaço runs its own bus company and 40 signalised junctions. The new "
        "sustainable urban mobility plan asks for less congestion on the coastal road and better "
        "public transport in the low-density districts."
    ),
    domains=("mobility", "environment"),
    opportunities=(
        OpportunityFact(
            "request",
            "Adaptive traffic signal control for 40 junctions",
            "Tender planned for spring: signal optimisation on the coastal road and around the "
            "railway station, with before-and-after travel-time measurements.",
            ("mobility",),
            ("signals",),
        ),
        OpportunityFact(
            "request",
            "Passenger counting on 60 municipal buses",
            "We need reliable boarding and alighting counts to redesign the bus network.",
            ("mobility",),
            ("counting",),
        ),
        OpportunityFact(
            "offer",
            "Test site in a real city for mobility pilots",
            "Our streets, buses and open traffic data for pilots of three to twelve months.",
            ("mobility", "environment"),
            ("pilot",),
        ),
    ),
)
MEMBER_ORGANISATION = OrganisationFact(
    name="Lozenets Data Works AD",
    kind="company",
    country="BG",
    city="Sofia",
    slug="lozenets-data",
    person="Kaloyan Georgiev",
    job_title="CTO",
    email=MEMBER.email,
    headline="Urban data platforms and energy dashboards for municipalities",
    description=(
        "Lozenets Data Works builds open-source urban data platforms on FIWARE and energy "
        "dashboards for public buildings. A member of the Sofia City of Knowledge Cluster."
    ),
    domains=("ict", "energy"),
    opportunities=(
        OpportunityFact(
            "offer",
            "Urban data platform based on FIWARE",
            "Context broker, data models and dashboards; we connect sensors, open data and city "
            "systems and hand over the source code.",
            ("ict",),
            ("data-platform",),
        ),
        OpportunityFact(
            "offer",
            "Energy dashboards for public buildings",
            "Monthly and real-time consumption of schools and offices, with alerts on waste.",
            ("energy", "buildings"),
            ("esco",),
        ),
    ),
)
FIXED_ORGANISATIONS = (PARTICIPANT_ORGANISATION, PARTNER_ORGANISATION, MEMBER_ORGANISATION)

# Staff and delegates of the clusters: name and job title; e-mail addresses follow the cluster slug.
ORGANISER_PEOPLE = {
    "sofia-cluster": ("Boryana Stoyanova", "B2B programme manager"),
    "scs": ("Claire Fontaine", "International projects officer"),
    "minalogic": ("Julien Marchand", "Business development manager"),
    "elbe-microsystems": ("Katrin Vogel", "Network manager"),
    "scheldt-embedded": ("Pieter Claes", "Innovation manager"),
}
DELEGATE_PERSON = ("Nikolay Vasilev", "Executive director")
# A colleague who signed up naming the participant's company and waits for its admin (the
# participant) to approve: the demo's pending membership request.
APPLICANT = ("Petar Iliev", "Sales engineer", f"applicant{FIXED_EMAIL_DOMAIN}")


@dataclass(frozen=True)
class Country:
    code: str
    weight: int  # how many generated organisations come from it
    towns: tuple[str, ...]  # real cities, only as where a fictitious company sits
    places: tuple[str, ...]  # invented municipalities that take part as cities
    forms: tuple[str, ...]  # legal forms of companies
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    female_surnames: tuple[str, ...] = ()  # where surnames change with gender
    language: str = "en"


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split(","))


# fmt: off
COUNTRIES = (
    Country("BG", 53, _w("Sofia,Plovdiv,Varna,Burgas,Ruse,Stara Zagora"),
            _w("Gorna Bistritsa,Novo Yasenovo,Sredno Pole"), _w("OOD,EOOD,AD"),
            _w("Elena,Mariya,Ivana,Teodora,Ralitsa,Gergana,Yoana,Viktoria,Nadezhda,Tsvetelina"),
            _w("Georgi,Dimitar,Ivan,Nikolay,Stoyan,Martin,Aleksandar,Hristo,Todor,Plamen"),
            _w("Petrov,Dimitrov,Ivanov,Georgiev,Nikolov,Kolev,Angelov,Todorov,Hristov"),
            _w("Petrova,Dimitrova,Ivanova,Georgieva,Nikolova,Koleva,Angelova,Todorova,Hristova"),
            "bg"),
    Country("ES", 24, _w("Barcelona,Madrid,Valencia,Bilbao,Málaga,Sevilla"),
            _w("Villaclara del Río,Puerto Alcázar,San Telmo de la Vega"), _w("S.L.,S.A."),
            _w("Laura,Marta,Lucía,Carmen,Núria,Paula,Elena,Sara"),
            _w("Javier,Jordi,Pablo,Carlos,Marc,Álvaro,Sergio,Daniel"),
            _w("García,Martínez,Puig,Serra,López,Ferrer,Navarro,Romero,Vidal,Molina")),
    Country("FR", 20, _w("Lyon,Toulouse,Nantes,Marseille,Lille,Bordeaux"),
            _w("Valbrune,Saint-Aubin-sur-Lorme,Montclair-les-Eaux"), _w("SAS,SA,SARL"),
            _w("Camille,Manon,Léa,Chloé,Sophie,Élodie,Julie,Anaïs"),
            _w("Thomas,Nicolas,Antoine,Mathieu,Olivier,Guillaume,Hugo,Romain"),
            _w("Martin,Bernard,Dubois,Moreau,Laurent,Girard,Bonnet,Lefèvre,Mercier,Rousseau")),
    Country("DE", 18, _w("Munich,Hamburg,Stuttgart,Leipzig,Karlsruhe,Hanover"),
            _w("Erlenstadt,Neuhaven am See,Tannwald"), _w("GmbH,AG,UG"),
            _w("Anna,Julia,Katharina,Lena,Sabine,Miriam,Franziska,Lisa"),
            _w("Lukas,Jonas,Felix,Tobias,Stefan,Matthias,Florian,Jan"),
            _w("Müller,Schmidt,Fischer,Weber,Wagner,Becker,Hoffmann,Schäfer,Koch,Richter")),
    Country("IT", 14, _w("Milan,Turin,Florence,Bologna,Bari,Genoa"),
            _w("Castelrosso,Valbruna Marittima,San Vitale al Lago"), _w("S.r.l.,S.p.A."),
            _w("Giulia,Francesca,Chiara,Martina,Alessia,Silvia,Elisa,Valentina"),
            _w("Marco,Luca,Andrea,Matteo,Davide,Federico,Simone,Paolo"),
            _w("Rossi,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti")),
    Country("PT", 14, _w("Lisbon,Porto,Braga,Aveiro,Coimbra,Faro"),
            _w("Porto Alvor,Santa Luzia da Serra,Vale do Moinho"), _w("Lda.,S.A."),
            _w("Ana,Beatriz,Mariana,Catarina,Rita,Sofia,Joana,Marta"),
            _w("João,Tiago,Pedro,Rui,Miguel,Duarte,Nuno,Francisco"),
            _w("Silva,Santos,Ferreira,Pereira,Oliveira,Costa,Rodrigues,Martins,Sousa,Gomes")),
    Country("NL", 12, _w("Amsterdam,Eindhoven,Utrecht,Rotterdam,Delft,Groningen"),
            _w("Westerhoven,Nieuwdam,Zuidwolde aan Zee"), _w("B.V.,N.V."),
            _w("Sanne,Anouk,Lotte,Femke,Eva,Iris,Marieke,Noor"),
            _w("Daan,Bram,Joris,Sander,Ruben,Thijs,Maarten,Wouter"),
            _w("de Vries,Jansen,Bakker,Visser,Smit,Meijer,de Boer,Mulder,Bos,Vos")),
    Country("BE", 10, _w("Brussels,Ghent,Antwerp,Liège,Leuven,Namur"),
            _w("Hoeveld,Beaumarais,Sint-Amands-Akker"), _w("BV,NV,SRL"),
            _w("Marie,Emma,Louise,Elise,Charlotte,Ines,Hanne,Lien"),
            _w("Wout,Arne,Maxime,Pieter,Kobe,Julien,Thibault,Bert"),
            _w("Peeters,Janssens,Maes,Jacobs,Mertens,Willems,Claes,Dupont,Lambert,Wouters")),
    Country("FI", 12, _w("Helsinki,Espoo,Tampere,Oulu,Turku,Jyväskylä"),
            _w("Koivula,Järvenkylä,Ristisaari"), _w("Oy,Oyj"),
            _w("Aino,Emma,Helmi,Sanna,Laura,Veera,Kaisa,Noora"),
            _w("Mikko,Juha,Antti,Ville,Janne,Lauri,Eero,Tuomas"),
            _w("Korhonen,Virtanen,Mäkinen,Nieminen,Mäkelä,Hämäläinen,Laine,Heikkinen,Koskinen")),
    Country("SE", 10, _w("Stockholm,Gothenburg,Malmö,Uppsala,Linköping,Umeå"),
            _w("Björkhamn,Sjövik,Ängelsby"), _w("AB"),
            _w("Elsa,Maja,Ebba,Sara,Karin,Linnea,Johanna,Frida"),
            _w("Erik,Oskar,Anders,Johan,Gustav,Viktor,Fredrik,Lars"),
            _w("Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Olsson,Persson,Svensson")),
    Country("DK", 8, _w("Copenhagen,Aarhus,Odense,Aalborg"), _w("Egebjerg Havn,Solvig,Nørre Lund"),
            _w("ApS,A/S"), _w("Ida,Freja,Mette,Signe,Louise,Camilla"),
            _w("Mads,Rasmus,Søren,Mikkel,Kasper,Jesper"),
            _w("Nielsen,Jensen,Hansen,Pedersen,Andersen,Christensen,Larsen,Sørensen")),
    Country("NO", 6, _w("Oslo,Bergen,Trondheim,Stavanger"), _w("Fjellvik,Havstad"), _w("AS"),
            _w("Ingrid,Kari,Silje,Marte,Hanne,Tuva"), _w("Ole,Håkon,Eirik,Magnus,Sindre,Even"),
            _w("Hansen,Johansen,Olsen,Larsen,Berg,Haugen,Dahl,Lie")),
    Country("PL", 12, _w("Warsaw,Kraków,Wrocław,Gdańsk,Poznań,Łódź"),
            _w("Nowy Brzeg,Zielone Pole,Jasienica Górna"), _w("sp. z o.o.,S.A."),
            _w("Anna,Katarzyna,Magdalena,Agnieszka,Joanna,Zofia,Aleksandra,Ewa"),
            _w("Piotr,Tomasz,Paweł,Michał,Krzysztof,Jakub,Marcin,Łukasz"),
            _w("Nowak,Kowalski,Wiśniewski,Lewandowski,Kamiński,Zieliński,Wójcik,Mazur"),
            _w("Nowak,Kowalska,Wiśniewska,Lewandowska,Kamińska,Zielińska,Wójcik,Mazur")),
    Country("RO", 12, _w("Bucharest,Cluj-Napoca,Iași,Timișoara,Brașov,Constanța"),
            _w("Valea Teilor,Podu Verde,Dealu Mare de Sus"), _w("S.R.L.,S.A."),
            _w("Ioana,Andreea,Elena,Raluca,Alina,Cristina,Oana,Bianca"),
            _w("Andrei,Mihai,Alexandru,Radu,Bogdan,Vlad,Cătălin,Sorin"),
            _w("Popescu,Ionescu,Popa,Stan,Dumitru,Constantinescu,Marin,Georgescu,Stoica,Munteanu")),
    Country("GR", 12, _w("Athens,Thessaloniki,Patras,Heraklion,Larissa,Volos"),
            _w("Ano Thalassini,Limni Chrysi,Nea Elaiona"), _w("S.A.,IKE"),
            _w("Maria,Eleni,Katerina,Sofia,Dimitra,Georgia,Anna,Christina"),
            _w("Giorgos,Nikos,Kostas,Dimitris,Yannis,Panagiotis,Christos,Alexandros"),
            _w("Papadopoulos,Georgiou,Nikolaidis,Karagiannis,Vlachos,Oikonomou,Makris,Antoniou"),
            _w("Papadopoulou,Georgiou,Nikolaidou,Karagianni,Vlachou,Oikonomou,Makri,Antoniou")),
    Country("AT", 8, _w("Vienna,Graz,Linz,Salzburg,Innsbruck"),
            _w("Sankt Almen,Grünbach am Tauern"), _w("GmbH,AG"),
            _w("Theresa,Magdalena,Verena,Christina,Barbara,Johanna"),
            _w("Florian,Lukas,Markus,Andreas,Bernhard,Philipp"),
            _w("Gruber,Huber,Bauer,Wagner,Pichler,Steiner,Moser,Mayer")),
    Country("CZ", 8, _w("Prague,Brno,Ostrava,Plzeň"), _w("Lipová Hora,Nové Sedlice"),
            _w("s.r.o.,a.s."), _w("Tereza,Kateřina,Lucie,Eva,Petra,Veronika"),
            _w("Jakub,Tomáš,Petr,Martin,Ondřej,Lukáš"),
            _w("Novák,Svoboda,Dvořák,Černý,Procházka,Kučera"),
            _w("Nováková,Svobodová,Dvořáková,Černá,Procházková,Kučerová")),
    Country("EE", 6, _w("Tallinn,Tartu,Pärnu"), _w("Kaasiku,Veskijärve"), _w("OÜ,AS"),
            _w("Kadri,Liis,Triin,Kristiina,Maarja,Helen"),
            _w("Andres,Margus,Priit,Rasmus,Siim,Tõnis"),
            _w("Tamm,Saar,Sepp,Mägi,Kask,Kukk,Rebane,Ilves")),
    Country("IE", 6, _w("Dublin,Cork,Galway,Limerick"), _w("Ardcullen,Kilmarra"), _w("Ltd,DAC"),
            _w("Aoife,Ciara,Niamh,Sinéad,Orla,Siobhán"), _w("Cian,Conor,Darragh,Eoin,Seán,Ronan"),
            _w("Murphy,Kelly,O'Brien,Byrne,Ryan,Walsh,O'Connor,Doyle")),
    Country("SI", 6, _w("Ljubljana,Maribor,Celje,Koper"), _w("Lipje ob Savi,Zelena Dolina"),
            _w("d.o.o."), _w("Nina,Maja,Eva,Tjaša,Urška,Špela"),
            _w("Luka,Matej,Rok,Žiga,Jure,Gregor"),
            _w("Novak,Horvat,Kovačič,Krajnc,Zupančič,Potočnik,Kos,Vidmar")),
    Country("HR", 6, _w("Zagreb,Split,Rijeka,Osijek"), _w("Sveti Lovro na Moru,Zlatna Luka"),
            _w("d.o.o.,d.d."), _w("Ana,Petra,Ivana,Marija,Lucija,Katarina"),
            _w("Ivan,Marko,Luka,Tomislav,Josip,Filip"),
            _w("Horvat,Kovačević,Babić,Marić,Jurić,Novak,Knežević,Vuković")),
    Country("LT", 6, _w("Vilnius,Kaunas,Klaipėda"), _w("Žaliasilis,Naujoji Giria"), _w("UAB,AB"),
            _w("Rūta,Eglė,Ieva,Gabija,Agnė,Greta"), _w("Tomas,Mantas,Lukas,Darius,Paulius,Jonas"),
            _w("Kazlauskas,Jankauskas,Petrauskas,Stankevičius,Vasiliauskas,Žukauskas"),
            _w("Kazlauskienė,Jankauskienė,Petrauskienė,Stankevičienė,Vasiliauskienė,Žukauskienė")),
    Country("CH", 6, _w("Zurich,Geneva,Basel,Lausanne,Bern"), _w("Seewil,Lac-Vert"),
            _w("AG,SA,GmbH"), _w("Noemi,Seraina,Laura,Céline,Corinne,Nadine"),
            _w("Reto,Urs,Luca,Samuel,Fabian,Nicolas"),
            _w("Meier,Keller,Brunner,Baumann,Frei,Zimmermann,Favre,Rochat")),
    Country("GB", 8, _w("London,Manchester,Bristol,Edinburgh,Cambridge,Leeds"),
            _w("Ashbury Vale,Kingsmoor,Wexcombe"), _w("Ltd"),
            _w("Emily,Charlotte,Hannah,Sophie,Rachel,Olivia"),
            _w("James,Oliver,Thomas,Daniel,Harry,Callum"),
            _w("Smith,Jones,Taylor,Brown,Wilson,Evans,Thomas,Roberts,Walker,Wright")),
)
# fmt: on

# Organisation types, with the share of generated organisations of each and their people's jobs.
KIND_SHARES = (
    ("company", 38),
    ("startup", 27),
    ("city", 13),
    ("research", 10),
    ("institution", 6),
    ("investor", 6),
)
JOB_TITLES = {
    "company": _w(
        "CEO,Business development manager,Head of smart city solutions,CTO,"
        "Sales director Europe,Key account manager for the public sector"
    ),
    "startup": _w("Founder and CEO,Co-founder,CTO and co-founder,Head of growth"),
    "city": _w(
        "Head of digital transformation,Smart city officer,Head of urban mobility,"
        "Deputy mayor for innovation,EU projects coordinator,Chief information officer"
    ),
    "research": _w(
        "Senior researcher,Head of the urban systems lab,Technology transfer officer,"
        "Professor of urban engineering"
    ),
    "institution": _w(
        "Director,EU programmes officer,Project manager,Head of international relations"
    ),
    "investor": _w("Partner,Investment manager,Principal,Venture partner"),
}

# Invented brand stems; two halves make a company name such as "Voltgrid".
NAME_HEADS = _w(
    "Urb,Civi,Volt,Aqua,Mobi,Geo,Lumi,Terra,Flux,Nexa,Orbi,Senso,Verdi,Grid,Kine,Poli,"
    "Metri,Helio,Strato,Ciro,Nova,Sola,Vira,Quanta,Pulse,Aero,Hydro,Infra,Omni,Zeno,"
    "Vela,Rivo,Tessa,Kairo,Mira,Alto,Brio,Cora,Duna,Evo"
)
NAME_TAILS = _w(
    "ra,lytics,nova,tek,wise,link,grid,sense,ion,flow,mind,scape,via,works,loop,path,"
    "hub,gen,trix,ware,bit,cast,form,net"
)
SECTOR_WORDS = {
    "mobility": _w("Mobility,Transit,Traffic Systems"),
    "energy": _w("Energy,Power Systems,Cleantech"),
    "environment": _w("Environmental,Climate Tech,Sensing"),
    "governance": _w("GovTech,Civic Software,Digital Services"),
    "buildings": _w("Building Technologies,Smart Buildings,Facility Systems"),
    "water": _w("Water Technologies,Hydro Systems,Water Analytics"),
    "health": _w("Health Tech,Care Systems,Digital Health"),
    "safety": _w("Security Systems,Safety Tech,Resilience"),
    "ict": _w("Systems,Analytics,Data,Networks,Software"),
    "tourism": _w("Heritage Tech,Visitor Analytics,Experience Labs"),
    "circular-economy": _w("Recycling Tech,Circular Systems,Waste Solutions"),
}
FIELD_NAMES = {
    "mobility": "Urban Mobility",
    "energy": "Sustainable Energy",
    "environment": "Urban Environment",
    "governance": "Digital Government",
    "buildings": "Smart Buildings",
    "water": "Water Management",
    "health": "Digital Health",
    "safety": "Urban Safety",
    "ict": "Urban Data",
    "tourism": "Smart Tourism",
    "circular-economy": "Circular Economy",
}
# Lower-case words for running text, such as "a start-up in urban mobility".
DOMAIN_WORDS = {slug: name.lower() for slug, name in FIELD_NAMES.items()}
# How often each domain is someone's main one: mobility, energy and data lead at a smart-city expo.
DOMAIN_WEIGHTS = {
    "mobility": 16,
    "energy": 14,
    "environment": 10,
    "governance": 8,
    "buildings": 8,
    "water": 7,
    "health": 6,
    "safety": 7,
    "ict": 14,
    "tourism": 4,
    "circular-economy": 6,
}
