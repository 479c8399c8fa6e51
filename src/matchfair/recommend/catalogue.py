"""Smart-city needs and their many wordings, from which the generator writes synthetic profiles.

Each topic names its problem and its remedy in several ways, so an offer and the request it
answers rarely share their words, as happens between real cities and suppliers.
"""

from __future__ import annotations

from typing import NamedTuple


class Topic(NamedTuple):
    domain: str
    problems: tuple[str, ...]  # how someone with the need describes it
    remedies: tuple[str, ...]  # how someone who solves it describes what they sell


TOPICS: tuple[Topic, ...] = (
    Topic(
        "mobility",
        ("traffic congestion", "gridlock at junctions", "rush-hour queues", "slow crossroads"),
        ("adaptive traffic lights", "smart signal timing", "AI intersection control"),
    ),
    Topic(
        "mobility",
        ("scarce parking spaces", "drivers circling for a parking spot", "double parking"),
        ("parking occupancy sensors", "bay availability app", "kerbside guidance system"),
    ),
    Topic(
        "mobility",
        ("low bus ridership", "empty buses off-peak", "poor public transport uptake"),
        ("demand-responsive shuttles", "on-demand minibus service", "flexible transit routing"),
    ),
    Topic(
        "mobility",
        ("unsafe cycling conditions", "bike accidents", "few cyclists on main roads"),
        ("protected bike-lane design", "cycle network planning", "bicycle counting stations"),
    ),
    Topic(
        "energy",
        ("high street-lighting bills", "wasteful lampposts", "outdated public lighting"),
        ("dimmable LED luminaires", "networked streetlight controllers", "smart lamppost retrofit"),
    ),
    Topic(
        "energy",
        ("grid overload at peak hours", "evening demand spikes", "strained substations"),
        ("battery storage systems", "demand-response platform", "peak shaving software"),
    ),
    Topic(
        "energy",
        ("slow uptake of rooftop solar", "unused roof surfaces", "few solar panels on homes"),
        ("community solar cooperatives", "photovoltaic rooftop leasing", "solar potential mapping"),
    ),
    Topic(
        "energy",
        ("too few charging points", "queues at EV chargers", "electric car range anxiety"),
        ("EV charging stations", "smart charger network", "kerbside electric vehicle chargers"),
    ),
    Topic(
        "environment",
        ("poor air quality", "smog episodes", "high particulate pollution"),
        ("low-cost air sensors", "pollution monitoring network", "PM2.5 measurement stations"),
    ),
    Topic(
        "environment",
        ("urban heat islands", "overheated squares in summer", "scorching paved plazas"),
        ("tree canopy planning", "green roofs and cool pavements", "shade and vegetation design"),
    ),
    Topic(
        "environment",
        ("noise complaints from residents", "loud nightlife streets", "traffic noise nuisance"),
        ("acoustic noise sensors", "sound level mapping", "noise barrier engineering"),
    ),
    Topic(
        "governance",
        ("paper-based permit applications", "slow building permits", "queues at city hall"),
        ("digital permit portal", "online licensing workflow", "e-services for citizens"),
    ),
    Topic(
        "governance",
        ("low citizen engagement", "few residents joining consultations", "apathy in votes"),
        ("participatory budgeting platform", "civic consultation app", "online deliberation tool"),
    ),
    Topic(
        "governance",
        ("siloed municipal records", "duplicated registers", "departments not sharing records"),
        ("open data portal", "interoperable city data hub", "master data integration"),
    ),
    Topic(
        "buildings",
        ("inefficient public buildings", "heat loss in schools", "draughty municipal offices"),
        (
            "deep energy retrofits",
            "insulation and heat pump upgrades",
            "building envelope renovation",
        ),
    ),
    Topic(
        "buildings",
        ("unknown building energy use", "no metering in facilities", "opaque utility bills"),
        ("building management systems", "smart meters and dashboards", "facility energy analytics"),
    ),
    Topic(
        "buildings",
        ("shortage of affordable housing", "expensive new homes", "slow housing construction"),
        ("modular timber construction", "prefabricated housing units", "off-site building methods"),
    ),
    Topic(
        "water",
        ("leaking water mains", "non-revenue water losses", "burst pipes"),
        ("acoustic leak detection", "pressure management sensors", "pipe network monitoring"),
    ),
    Topic(
        "water",
        ("flash flooding after storms", "overflowing drains", "streets underwater after rain"),
        (
            "sustainable drainage systems",
            "rain gardens and retention basins",
            "flood early warning",
        ),
    ),
    Topic(
        "water",
        ("drinking water contamination", "uncertain tap water quality", "bacteria in the supply"),
        ("real-time water quality probes", "online contaminant analysers", "smart water testing"),
    ),
    Topic(
        "health",
        ("isolated elderly residents", "seniors living alone", "loneliness among pensioners"),
        ("remote care monitoring", "ambient assisted living kits", "telecare alarms for seniors"),
    ),
    Topic(
        "health",
        ("overcrowded emergency rooms", "long waits at clinics", "hospital queues"),
        ("telemedicine consultations", "virtual triage service", "remote doctor video visits"),
    ),
    Topic(
        "health",
        ("sedentary lifestyles", "rising childhood obesity", "inactive residents"),
        ("active travel programmes", "outdoor fitness trails", "gamified physical activity apps"),
    ),
    Topic(
        "safety",
        ("slow emergency response", "ambulances stuck in traffic", "late fire brigade arrival"),
        (
            "emergency vehicle pre-emption",
            "dispatch routing software",
            "green-wave for first responders",
        ),
    ),
    Topic(
        "safety",
        ("crowd crushes at events", "overcrowded festival gates", "dangerous crowd density"),
        ("crowd flow analytics", "people counting cameras", "crowd density forecasting"),
    ),
    Topic(
        "safety",
        ("cyber attacks on city systems", "ransomware at the municipality", "hacked services"),
        ("security operations centre", "penetration testing", "cyber resilience audits"),
    ),
    Topic(
        "ict",
        ("patchy mobile coverage", "dead zones without signal", "weak connectivity"),
        ("small-cell 5G deployment", "private LTE networks", "public wifi mesh"),
    ),
    Topic(
        "ict",
        ("no overview of city assets", "scattered sensor feeds", "decisions without live figures"),
        ("urban digital twin", "city operations dashboard", "3D city model platform"),
    ),
    Topic(
        "ict",
        ("costly sensor connectivity", "short battery life of IoT devices", "expensive SIM fees"),
        ("LoRaWAN gateways", "low-power wide-area network", "NB-IoT connectivity plans"),
    ),
    Topic(
        "tourism",
        ("overtourism in the centre", "crowded landmarks", "too many visitors at monuments"),
        ("visitor flow management", "tourist dispersal app", "timed-entry ticketing"),
    ),
    Topic(
        "tourism",
        ("empty museums", "declining cultural attendance", "few young visitors to galleries"),
        ("augmented reality tours", "immersive heritage experiences", "interactive museum guides"),
    ),
    Topic(
        "tourism",
        ("short tourist stays", "visitors leaving after one day", "seasonal tourism slump"),
        (
            "destination marketing analytics",
            "itinerary recommendation engine",
            "regional tourism passes",
        ),
    ),
    Topic(
        "circular-economy",
        ("overflowing waste bins", "missed rubbish collections", "litter around containers"),
        ("fill-level bin sensors", "optimised collection routes", "smart waste containers"),
    ),
    Topic(
        "circular-economy",
        ("construction debris going to landfill", "demolition waste", "wasted building materials"),
        ("material passports", "reclaimed materials marketplace", "urban mining services"),
    ),
    Topic(
        "circular-economy",
        ("food waste from canteens", "discarded leftovers", "spoiled produce at markets"),
        ("food surplus redistribution app", "biowaste composting", "anaerobic digestion plants"),
    ),
)


class Context(NamedTuple):
    phrases: tuple[str, ...]


# Where a need arises. Two opportunities answer each other only for the same topic and
# the same context, which makes the hidden ground truth specific.
CONTEXTS: tuple[Context, ...] = (
    Context(("in the historic centre", "in the old town", "across heritage districts")),
    Context(("around the port", "in the harbour area", "near the docks")),
    Context(("in suburban neighbourhoods", "on the outskirts", "in commuter suburbs")),
    Context(("on university campuses", "around student residences", "at college grounds")),
    Context(("in industrial parks", "on business estates", "in logistics zones")),
    Context(("in mountain villages", "in rural municipalities", "in small upland towns")),
    Context(("along the seafront", "on coastal promenades", "in beach resorts")),
    Context(
        ("in new housing districts", "in recently built estates", "in greenfield developments")
    ),
    Context(("around schools", "on routes to primary schools", "near kindergartens")),
    Context(("at large event venues", "around the stadium", "at the exhibition grounds")),
    Context(("in social housing blocks", "in low-income neighbourhoods", "in deprived areas")),
    Context(("in the airport district", "around the rail hub", "at the central station")),
)

REQUEST_TITLES: tuple[str, ...] = (
    "Tackling {problem} {context}",
    "Reduce {problem} {context}",
    "Help with {problem}",
    "Fix {problem} {context}",
    "Partner wanted: {problem}",
)

REQUEST_DESCRIPTIONS: tuple[str, ...] = (
    "We struggle with {problem} {context} and have budget for a pilot next year.",
    "{Context}, residents complain about {problem}. We want to test {remedy}.",
    "Our administration must cut {problem} {context} and is open to new approaches.",
    "{Problem} {context} is a priority in our strategy; we look for a proven provider.",
)

OFFER_TITLES: tuple[str, ...] = (
    "{Remedy}",
    "{Remedy} {context}",
    "Turnkey {remedy}",
    "{Remedy} as a service",
)

OFFER_DESCRIPTIONS: tuple[str, ...] = (
    "We deliver {remedy} and have references {context}.",
    "Our {remedy} reduce {problem}; deployed {context} since 2022.",
    "Field-tested {remedy}, installed {context} with measurable results.",
    "{Remedy} from our team, designed for places like those {context}.",
)

COUNTRIES: tuple[tuple[str, float], ...] = (
    ("ES", 24.0),
    ("BG", 10.0),
    ("DE", 8.0),
    ("PT", 7.0),
    ("FR", 7.0),
    ("IT", 7.0),
    ("FI", 5.0),
    ("NL", 5.0),
    ("SE", 4.0),
    ("PL", 4.0),
    ("GR", 3.0),
    ("RO", 3.0),
    ("AT", 3.0),
    ("BE", 3.0),
    ("DK", 2.0),
    ("IE", 2.0),
    ("GB", 1.0),
    ("US", 1.0),
    ("JP", 0.5),
    ("KR", 0.5),
    ("BR", 0.5),
    ("CL", 0.5),
)

# organisation type: (share of participants, chance an opportunity is a request)
ORGANISATION_MIX: tuple[tuple[str, float, float], ...] = (
    ("city", 15.0, 0.8),
    ("public-body", 5.0, 0.75),
    ("company", 34.0, 0.3),
    ("startup", 20.0, 0.35),
    ("research", 10.0, 0.4),
    ("university", 8.0, 0.45),
    ("cluster", 4.0, 0.5),
    ("association", 2.0, 0.5),
    ("investor", 2.0, 0.3),
)

NAME_START: tuple[str, ...] = (
    "Bril", "Quor", "Vel", "Zan", "Lum", "Nor", "Tes", "Kav", "Mir", "Sol",
    "Dra", "Pel", "Ost", "Tri", "Cal", "Fen", "Gor", "Hal", "Ist", "Jor",
)  # fmt: skip
NAME_END: tuple[str, ...] = (
    "ora", "ex", "ana", "ivo", "uma", "eth", "aris", "ondo", "ella", "ik",
    "ava", "orn", "esta", "ulo", "ine", "ox", "emia", "ard", "una", "is",
)  # fmt: skip
NAME_SUFFIX: dict[str, tuple[str, ...]] = {
    "city": ("City of {name}", "Municipality of {name}", "{name} City Council"),
    "public-body": ("{name} Regional Agency", "{name} Transport Authority", "{name} Utility Board"),
    "company": ("{name} Systems", "{name} Technologies", "{name} Engineering", "{name} Group"),
    "startup": ("{name}ly", "{name} Labs", "{name}.io", "{name} Robotics"),
    "research": ("{name} Institute", "{name} Research Centre", "{name} Applied Lab"),
    "university": ("University of {name}", "{name} Technical University"),
    "cluster": ("{name} Smart City Cluster", "{name} Innovation Cluster"),
    "association": ("{name} Association of Towns", "{name} Civic Network"),
    "investor": ("{name} Ventures", "{name} Capital"),
}
