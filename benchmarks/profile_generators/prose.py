"""Long marketing prose: a headline, then paragraphs in which one sentence says what is meant
and the rest is the filler of brochures and mission statements."""

from __future__ import annotations

import random

from .corpus import SUPPLIERS, Corpus, Need, Sketch, Topic, assemble


class _Theme:
    """One thing a brochure can sell or a strategy can ask for, in this generator's words."""

    def __init__(
        self,
        family: str,
        domain: str,
        *,
        sells: tuple[str, ...],
        does: str,
        seeks: tuple[str, ...],
        wants: str,
        variants: tuple[str, ...] = (),
        sources: tuple[str, ...] = SUPPLIERS,
    ) -> None:
        self.family, self.domain, self.variants, self.sources = family, domain, variants, sources
        self.sells, self.does, self.seeks, self.wants = sells, does, seeks, wants


_THEMES: dict[str, _Theme] = {
    "kerbside": _Theme(
        "parking",
        "mobility",
        sells=("Reimagining the kerbside", "Every space, in real time"),
        does="our platform shows, minute by minute, which kerbside spaces are free and steers drivers straight to them",
        seeks=("A calmer old town", "Partners for a fairer use of street space"),
        wants="we want drivers to stop circling the blocks around the market hall while they hunt for somewhere to stop",
        variants=("on public streets", "inside multi-storey garages"),
    ),
    "journeys": _Theme(
        "transit",
        "mobility",
        sells=("One journey, every mode", "Door to door, seamlessly"),
        does="we offer a journey planner that blends buses, trams, shared bikes and walking into a single door-to-door itinerary with one ticket",
        seeks=(
            "Travel made simple for our residents",
            "Towards a connected public transport offer",
        ),
        wants="residents should be able to plan and pay for a trip that combines the bus, the tram and a rental bike in one place",
    ),
    "fleet-charging": _Theme(
        "charging",
        "mobility",
        sells=("Electrify your fleet with confidence", "Powering the zero-emission depot"),
        does="we design, install and operate the charging infrastructure that lets a municipal or commercial fleet go fully electric",
        seeks=("Our road to a zero-emission fleet", "Clean vehicles for public services"),
        wants="we intend to replace the diesel vans and refuse trucks of our public services with electric ones and need the charging behind them",
        variants=("at the depot overnight", "at public hubs during the day"),
    ),
    "last-mile": _Theme(
        "freight",
        "mobility",
        sells=("Last-mile logistics, reinvented", "Quiet deliveries for historic centres"),
        does="we run micro-consolidation hubs and cargo bikes that take delivery vans out of historic centres",
        seeks=("A liveable centre without delivery chaos", "Rethinking urban freight together"),
        wants="we would like parcels and goods to reach the shops of our pedestrian zone without vans parked on every corner",
    ),
    "heat-network": _Theme(
        "heat",
        "energy",
        sells=("Warmth that goes further", "Next-generation heat networks"),
        does="we modernise district heating networks from substation to control room, cutting the losses in the pipes and lowering supply temperatures",
        seeks=("Modern heating for our city", "A heat network fit for 2040"),
        wants="our district heating system was laid decades ago and we are looking for the expertise to make it efficient again",
    ),
    "energy-community": _Theme(
        "community-energy",
        "energy",
        sells=("Power to the neighbourhood", "Energy communities made easy"),
        does="we help citizens, schools and small businesses form renewable energy communities that produce and share their own electricity",
        seeks=("Neighbourhoods that power themselves", "Citizen energy for our municipality"),
        wants="we would love our residents to own the solar panels on their roofs together and share the power they produce",
    ),
    "flexibility": _Theme(
        "flex",
        "energy",
        sells=("Flexibility as a service", "Use energy when it is green"),
        does="our software shifts the consumption of heat pumps, chargers and cold stores to the hours when electricity is cheap and green",
        seeks=("Smarter consumption in public buildings", "Lower energy bills through timing"),
        wants="we want the pumps, chillers and chargers in our public facilities to run when power costs the least",
        variants=("for public buildings", "for industrial sites"),
    ),
    "deep-renovation": _Theme(
        "renovation",
        "buildings",
        sells=("Renovation, guaranteed", "Homes that stay warm"),
        does="we deliver whole-building renovation packages, from envelope and windows to ventilation and heat pumps, with a guaranteed result",
        seeks=("Comfortable homes for every family", "Renewing our housing estates"),
        wants="the apartment blocks we built in the seventies are cold in winter, and their tenants pay far too much to keep them warm",
    ),
    "indoor-air": _Theme(
        "comfort",
        "buildings",
        sells=("Healthy rooms, clear minds", "See the air you breathe indoors"),
        does="our sensors and dashboards watch carbon dioxide, temperature and humidity in classrooms and offices and tell the caretaker when to act",
        seeks=("Better learning environments", "Healthier schools"),
        wants="teachers tell us the classrooms feel stuffy after the second lesson and we want to know how good the air inside our schools really is",
    ),
    "irrigation": _Theme(
        "green",
        "water",
        sells=("Every drop where it matters", "Parks that water themselves"),
        does="our controllers water parks and verges according to soil moisture and the weather forecast",
        seeks=("Green parks, lower bills", "Saving water in our parks"),
        wants="keeping our parks green through the summer costs us a great deal of drinking water",
    ),
    "stormwater": _Theme(
        "drainage",
        "water",
        sells=("Cities that work like sponges", "Designing with rain"),
        does="we design nature-based stormwater solutions: rain gardens, permeable paving and retention basins that hold water where it falls",
        seeks=("A city ready for heavier rain", "Climate-proof streets"),
        wants="after every cloudburst our sewers overflow and underpasses fill, and we want to hold the rain back before it reaches them",
    ),
    "water-model": _Theme(
        "water-ops",
        "water",
        sells=("Know your network", "A living model of your pipes"),
        does="we build a hydraulic model of your water network that predicts pressure and pinpoints where water is being lost",
        seeks=("Every litre accounted for", "Understanding our water network"),
        wants="a third of the water we treat never reaches a tap, and we do not know where it disappears",
    ),
    "heat-islands": _Theme(
        "climate",
        "environment",
        sells=("Mapping the urban heat", "Cooler cities start with data"),
        does="we map urban heat islands from satellites and drones, street by street, and rank where shade and greenery would help most",
        seeks=("A cooler city for everyone", "Adapting to hotter summers"),
        wants="we want to know which of our districts overheat in summer so that we plant trees where they are needed most",
    ),
    "citizen-reports": _Theme(
        "engagement",
        "governance",
        sells=("Your city, listening", "Closing the loop with residents"),
        does="our app lets residents flag potholes, broken lamps and litter with a photo, and follow the repair until it is done",
        seeks=("A more responsive town hall", "Listening to our residents"),
        wants="residents should be able to tell us about problems in public spaces and see what happens next",
    ),
    "paperless": _Theme(
        "back-office",
        "governance",
        sells=("Administration without the paperwork", "AI for the public servant"),
        does="our assistant reads incoming letters and forms, sorts them to the right desk and drafts replies for civil servants to approve",
        seeks=("Modern public administration", "Freeing our staff for citizens"),
        wants="our offices are buried under letters and forms, and answers to residents take weeks",
    ),
    "urban-data": _Theme(
        "data",
        "ict",
        sells=("All your city's data, one platform", "The operating system of the city"),
        does="our urban data platform brings sensor feeds, registers and open data together behind one programming interface",
        seeks=("Breaking down our data silos", "A data-driven municipality"),
        wants="each of our departments keeps its own data and nothing talks to anything else",
        variants=("hosted in the cloud", "installed on premises"),
    ),
    "small-cells": _Theme(
        "connectivity",
        "ict",
        sells=("Invisible connectivity", "Coverage without compromise"),
        does="we deploy small cells on lamp posts and street furniture, and take care of permits and design approvals",
        seeks=("Connectivity for the historic centre", "Better mobile signal in our streets"),
        wants="mobile coverage in the old town is poor, and we want better connectivity without spoiling the facades",
    ),
    "soc": _Theme(
        "infosec",
        "ict",
        sells=("Vigilance, around the clock", "Your security operations centre"),
        does="our analysts watch your networks around the clock, respond to incidents and report in plain language",
        seeks=("Resilient public IT", "Protecting our citizens' data"),
        wants="after a ransomware attack on a neighbouring town we want someone watching our systems day and night",
    ),
    "crowds": _Theme(
        "events",
        "safety",
        sells=("Safer gatherings", "Anticipating the crowd"),
        does="we model crowds at festivals, stadiums and stations to predict crush points before they form and advise the stewards",
        seeks=("Celebrating safely", "Safety for large events"),
        wants="our summer festival draws more visitors every year and we worry about what happens at the gates",
    ),
    "wildfire": _Theme(
        "hazards",
        "safety",
        sells=("Eyes on the forest", "The earliest warning"),
        does="our cameras on towers detect the first smoke of a wildfire and alert the fire service within minutes",
        seeks=("Protecting villages at the forest edge", "Prepared for fire season"),
        wants="forest fires come closer to our villages every summer and we want to hear about them sooner",
    ),
    "remote-care": _Theme(
        "ageing",
        "health",
        sells=("Never alone", "Care that comes home"),
        does="our care platform connects older people who live alone with nurses and family through a simple tablet and a few discreet sensors",
        seeks=("Dignified ageing at home", "Caring for our older residents"),
        wants="many of our older residents live alone, and nobody notices when one of them is unwell",
    ),
    "health-records": _Theme(
        "clinical-data",
        "health",
        sells=("Health data that travels with the patient", "Connected care"),
        does="we connect clinics, laboratories and hospitals through interoperable records, so every doctor sees the whole history",
        seeks=("Joined-up care", "A connected regional health system"),
        wants="our clinics and the regional hospital cannot see each other's patient files",
    ),
    "visitor-insight": _Theme(
        "visitors",
        "tourism",
        sells=("Understand your visitors", "Tourism intelligence"),
        does="we turn anonymised mobile network data into a picture of where visitors come from, how long they stay and what they see",
        seeks=("Tourism that benefits residents", "Knowing our guests better"),
        wants="we do not really know where our visitors come from, how long they stay or what brings them back",
    ),
    "heritage-xr": _Theme(
        "culture",
        "tourism",
        sells=("History, alive again", "Heritage you can walk into"),
        does="our augmented-reality tours bring lost monuments back to life on the visitor's own phone",
        seeks=("Heritage for a new generation", "Telling the story of our ruins"),
        wants="we want the ruins of our ancient fortress to tell their story to younger visitors",
    ),
    "repair-reuse": _Theme(
        "reuse",
        "circular-economy",
        sells=("A second life for everything", "Repair, reuse, rejoice"),
        does="we set up and run repair and reuse centres where furniture, bicycles and appliances are mended and sold again",
        seeks=("Less waste, more value", "Towards zero waste"),
        wants="bulky waste piles up at our collection points, and much of it could be repaired",
    ),
    "reclaimed-materials": _Theme(
        "materials",
        "circular-economy",
        sells=("Building with what we have", "The materials bank"),
        does="our marketplace matches reclaimed bricks, beams and steel from demolition sites with the builders who need them",
        seeks=("Circular construction", "Demolition without landfill"),
        wants="we want the material from the buildings we demolish to be used again rather than buried",
    ),
    "impact-capital": _Theme(
        "capital",
        "governance",
        sells=("Capital with a conscience", "Backing the builders of better cities"),
        does="we invest patient capital, from seed to series A, in companies that make cities cleaner, safer and fairer",
        seeks=("Fuel for our growth", "Scaling across Europe"),
        wants="we are raising our first institutional round to take our solution to cities across Europe",
        sources=("investor",),
    ),
    "grant-writing": _Theme(
        "capital",
        "governance",
        sells=("From idea to funded project", "Your partner for European funding"),
        does="we write, coordinate and manage European research and innovation projects for our members and partners",
        seeks=("Opening doors to European funding", "Growing through collaboration"),
        wants="we would like to apply for Horizon Europe funding but have never led a consortium",
        sources=("cluster", "association", "public-body", "university"),
    ),
}

TOPICS = tuple(Topic(key, t.family, t.domain, t.variants, t.sources) for key, t in _THEMES.items())

_OPENERS = (
    "At {org}, we believe that the cities of tomorrow deserve better.",
    "Founded by passionate engineers, {org} has spent years listening to cities.",
    "{org} is proud to be a trusted partner to forward-thinking communities.",
    "In a rapidly changing world, {org} stands for innovation with purpose.",
    "Our mission at {org} is simple: to put people at the heart of everything we do.",
    "For {org}, sustainability is not a buzzword but a way of working.",
)
_FILLER = (
    "We combine deep domain expertise with a genuinely human-centred approach.",
    "Our award-winning team brings together talent from across Europe.",
    "Every solution is co-created with our clients and tailored to local needs.",
    "We are committed to open standards, transparency and long-term partnerships.",
    "Together, we can unlock the full potential of a greener, more inclusive future.",
    "Innovation is in our DNA, and excellence is our everyday standard.",
    "We measure our success by the impact we create for communities.",
    "Our holistic methodology turns complex challenges into lasting value.",
    "Trusted by leading organisations, we deliver results that speak for themselves.",
    "We are passionate about making a real difference, one project at a time.",
    "Agility, reliability and a relentless focus on quality define our culture.",
    "Through strategic collaboration we create synergies that benefit everyone.",
)
_CLOSERS = (
    "Let's shape the future together.",
    "Come and meet us at our stand; we would love to hear your story.",
    "Join us on this exciting journey.",
    "Discover what we can achieve, together.",
)
_MISSION = (
    "{org} is committed to a sustainable, resilient and inclusive future for all its people.",
    "Guided by our strategy for the decade ahead, {org} embraces bold ideas.",
    "As an ambitious and open community, {org} welcomes innovative partners.",
    "{org} has a long tradition of collaboration and a clear vision for the years to come.",
)
_ASK_LEADS = (
    "As part of our long-term vision, ",
    "In line with our sustainability strategy, ",
    "Looking ahead to the coming years, ",
    "With the support of our partners, ",
    "",
)
_ASK_CLOSERS = (
    "We warmly invite innovative partners to get in touch.",
    "We are open to creative ideas and long-term collaboration.",
    "We look forward to inspiring conversations at the event.",
)
_NAME_HEADS = (
    "Blue",
    "Urban",
    "Civic",
    "Green",
    "Bright",
    "Open",
    "True",
    "Next",
    "Clear",
    "Living",
    "Future",
    "Smart",
    "Happy",
    "Wise",
    "Noble",
    "Silver",
    "Golden",
    "Gentle",
    "Kinetic",
    "Radiant",
    "Serene",
    "Vivid",
)
_NAME_TAILS = (
    "Horizon",
    "Pulse",
    "Fabric",
    "Compass",
    "Harbour",
    "Orchard",
    "Lantern",
    "Bridge",
    "Canvas",
    "Meadow",
    "Summit",
    "Beacon",
    "Thread",
    "Tide",
    "Atlas",
    "Garden",
    "Spark",
    "Current",
    "Arc",
    "Loop",
    "Field",
)
_NAME_FORMS = (
    "{a} {b}",
    "{a}{b}",
    "{a} {b} Solutions",
    "{a} {b} Group",
    "The {a} {b} Company",
    "{a} {b} Labs",
)
_PLACES = (
    "Sofia",
    "Thessaloniki",
    "Lyon",
    "Porto",
    "Leipzig",
    "Aarhus",
    "Ghent",
    "Bologna",
    "Krakow",
    "Tallinn",
    "Ljubljana",
    "Valencia",
    "Utrecht",
    "Turku",
    "Cork",
    "Nantes",
    "Varna",
    "Timisoara",
    "Zagreb",
    "Bratislava",
    "Vilnius",
    "Seville",
)
_COUNTRIES = (
    ("BG", 14),
    ("GR", 6),
    ("FR", 8),
    ("PT", 5),
    ("DE", 8),
    ("DK", 4),
    ("BE", 5),
    ("IT", 7),
    ("PL", 6),
    ("EE", 3),
    ("SI", 3),
    ("ES", 8),
    ("NL", 6),
    ("FI", 3),
    ("IE", 3),
    ("RO", 5),
    ("HR", 3),
    ("SK", 3),
    ("LT", 3),
)


class _Prose:
    name = "prose"
    countries = _COUNTRIES

    def organisation(self, rng: random.Random, sketch: Sketch) -> str:
        t = sketch.organisation_type
        place = rng.choice(_PLACES)
        if t == "city":
            return rng.choice(
                (f"City of {place}", f"{place} City Council", f"Greater {place} Municipality")
            )
        if t == "public-body":
            return rng.choice(
                (
                    f"{place} Metropolitan Agency",
                    f"{place} Public Utilities",
                    f"{place} Regional Development Agency",
                )
            )
        if t == "university":
            return rng.choice(
                (
                    f"University of {place}",
                    f"{place} Institute of Technology",
                    f"{place} Polytechnic",
                )
            )
        if t == "research":
            return f"{rng.choice(_NAME_HEADS)} Cities Research Foundation {place}"
        if t == "cluster":
            return f"{place} {rng.choice(_NAME_TAILS)} Innovation Cluster"
        if t == "association":
            return f"{rng.choice(_NAME_HEADS)} {place} Alliance"
        if t == "investor":
            return f"{rng.choice(_NAME_TAILS)} {rng.choice(('Ventures', 'Impact Partners', 'Capital'))}"
        name = rng.choice(_NAME_FORMS).format(a=rng.choice(_NAME_HEADS), b=rng.choice(_NAME_TAILS))
        return name if rng.random() < 0.6 else f"{name} {place}"

    def description(self, rng: random.Random, sketch: Sketch) -> str | None:
        if rng.random() < 0.1:
            return None
        org = sketch.organisation
        if sketch.organisation_type in ("city", "public-body", "association", "cluster"):
            parts = [rng.choice(_MISSION).format(org=org)]
        else:
            parts = [rng.choice(_OPENERS).format(org=org)]
        parts += rng.sample(_FILLER, rng.randint(2, 5))
        parts.append(rng.choice(_CLOSERS))
        return " ".join(parts)

    def opportunity(self, rng: random.Random, need: Need, sketch: Sketch) -> tuple[str, str | None]:
        theme = _THEMES[need.topic.key]
        if need.kind == "offer":
            title = rng.choice(theme.sells)
            core = theme.does
            if need.variant:
                core = f"{core}, {need.variant}"
            parts = [
                *rng.sample(_FILLER, rng.randint(1, 3)),
                f"In short, {core}.",
                *rng.sample(_FILLER, rng.randint(1, 3)),
            ]
            parts.append(rng.choice(_CLOSERS))
        else:
            title = rng.choice(theme.seeks)
            core = theme.wants
            if need.variant:
                core = f"{core}, {need.variant}"
            ask = f"{rng.choice(_ASK_LEADS)}{core}."
            parts = [rng.choice(_MISSION).format(org=sketch.organisation), ask[0].upper() + ask[1:]]
            parts += rng.sample(_FILLER, rng.randint(1, 3))
            parts.append(rng.choice(_ASK_CLOSERS))
        return title, " ".join(parts)


def generate(n: int, seed: int) -> Corpus:
    return assemble(n, seed, TOPICS, _Prose())
