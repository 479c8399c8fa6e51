"""Public-procurement notices against supplier capability statements.

Requests read like contract notices of cities and agencies: a reference number, a CPV-like
code, long formal sentences of procurement boilerplate around the subject, and a numbered list
of technical requirements. Offers are written by sales people in a commercial register ("Cut
your lighting bill in half"), and name the same thing in other words. Rival suppliers of one
service write near-identical pitches; second delegations of a city offer what it tenders for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.profile_generators.corpus import FORMAT, Corpus

from . import market
from .market import Member, Roles, Service


@dataclass(frozen=True)
class Lot:
    service: Service
    cpv: str
    subjects: tuple[str, ...]  # formal names of the purchase
    requirements: tuple[str, ...]  # technical specification items
    headlines: tuple[str, ...]  # sales titles
    pitches: tuple[str, ...]  # sales sentences


def _lot(key: str, family: str, domain: str, cpv: str, *rest: tuple[str, ...]) -> Lot:
    subjects, requirements, headlines, pitches = rest
    return Lot(Service(key, family, domain), cpv, subjects, requirements, headlines, pitches)


# fmt: off
LOTS = (
    _lot("led-luminaires", "lighting", "energy", "34993000-4 Road lights",
         ("supply and installation of LED road luminaires replacing high-pressure sodium lanterns",
          "replacement of the public lighting stock with light-emitting diode luminaires"),
         ("luminaire efficacy of not less than 140 lm/W at 4000 K",
          "ingress protection IP66 and impact resistance IK08",
          "photometric calculations to EN 13201 for every road class",
          "warranty of ten years on drivers and optical units",
          "removal and lawful disposal of the existing lanterns"),
         ("Streetlights that pay for themselves", "Bright, efficient city streets",
          "Smarter lamps for every street"),
         ("Our retrofit lamp heads slash streetlight electricity use by up to 65%.",
          "We swap old orange bulbs for crisp white light in a single night shift.",
          "Towns get brighter pavements, fewer complaints and a lower power bill.")),
    _lot("lighting-control", "lighting", "energy", "48000000-8 Software package and information "
         "systems",
         ("a central management system for the remote control and monitoring of public lighting",
          "telemanagement of street lighting points including dimming schedules"),
         ("node-level dimming with at least five programmable profiles",
          "open protocols compatible with Zhaga Book 18 sockets",
          "automatic fault reporting per lighting point",
          "hosting within the European Economic Area"),
         ("Dim, schedule and fix every lamp from one dashboard",
          "The app that runs your streetlights"),
         ("Plug our node into any modern lamp and see it on a live map within minutes.",
          "Set night-time dimming, get an alert the moment a lamp fails, save even more energy.")),
    _lot("bin-sensors", "waste", "circular-economy", "38430000-8 Detection and analysis apparatus",
         ("fill-level sensors for underground and surface waste containers",
          "equipment for measuring the filling degree of municipal refuse containers"),
         ("ultrasonic or radar measurement with an accuracy of plus or minus 5 cm",
          "battery life of no less than seven years at four readings per day",
          "transmission over NB-IoT or LoRaWAN networks",
          "mounting kits for containers from 1.1 to 5 cubic metres"),
         ("Know which bins are full before your trucks leave",
          "Stop emptying half-empty bins"),
         ("Our little sensor sits under the lid and tells you how full each bin is.",
          "Customers drive a third fewer kilometres because crews only visit full bins.")),
    _lot("refuse-vehicles", "waste", "circular-economy", "34144511-3 Refuse-collection vehicles",
         ("delivery of refuse-collection vehicles with rear-loading compactor bodies",
          "purchase of electric waste collection trucks"),
         ("gross vehicle weight of 26 tonnes with a body volume of 22 cubic metres",
          "battery-electric drivetrain with a range of at least 180 km",
          "bin lifters compliant with EN 1501-1",
          "driver training and a full-service contract for five years"),
         ("Quiet electric garbage trucks", "Collection trucks built for narrow streets"),
         ("Our zero-emission trucks pick up bins at 6 a.m. without waking the neighbourhood.",
          "We deliver, train your drivers and keep the fleet on the road.")),
    _lot("route-planning", "waste", "circular-economy", "72212000-4 Programming services of "
         "application software",
         ("software for the dynamic planning of waste collection rounds",
          "an optimisation tool for the routing of municipal collection crews"),
         ("daily re-planning of rounds based on container fill data",
          "integration with the existing fleet telematics",
          "reporting of kilometres travelled and tonnages collected per district"),
         ("Shorter rounds, happier crews", "Route planning for collection fleets"),
         ("Our planner redraws every truck's round each morning in under a minute.",
          "Fleets save fuel and overtime from the first week.")),
    _lot("leak-detection", "water", "water", "38420000-5 Instruments for measuring flow, level and "
         "pressure of liquids and gases",
         ("acoustic leak detection on the drinking water distribution network",
          "services for the localisation of water losses in the supply network"),
         ("permanent noise loggers at hydrants and valve chambers",
          "correlation of leak noise to within one metre",
          "reduction of non-revenue water with a guaranteed target",
          "monthly reports of confirmed leaks per district metered area"),
         ("Find the leaks before the street caves in",
          "Listening devices that hear hidden pipe bursts"),
         ("We hang tiny microphones on your pipes and pinpoint where precious water escapes.",
          "Utilities we work with cut lost water by a fifth in the first year.")),
    _lot("water-meters", "water", "water", "38421100-3 Water meters",
         ("supply of static water meters with remote reading",
          "replacement of domestic water meters by smart meters with automatic meter reading"),
         ("ultrasonic measurement, metrological class R400 or better",
          "walk-by and fixed-network radio reading",
          "backflow and tamper alarms",
          "a twelve-year battery"),
         ("Meters that read themselves", "No more estimated water bills"),
         ("Our ultrasonic meters send readings every hour, so every bill is exact.",
          "Customers see their own consumption on their phone.")),
    _lot("wastewater-scada", "water", "water", "48151000-1 Computer control system",
         ("upgrade of the supervisory control and data acquisition system of the wastewater "
          "treatment plant",
          "renewal of the process control system of the sewage works"),
         ("replacement of obsolete programmable logic controllers",
          "redundant servers and operator stations",
          "cybersecurity hardening to IEC 62443",
          "migration of historical process data"),
         ("Modern control rooms for treatment works",
          "Automation that keeps sewage plants running"),
         ("Our engineers replace tired plant controls without shutting the works down.",
          "Operators get clear screens, alarms that matter and remote access they can trust.")),
    _lot("signal-controllers", "traffic", "mobility", "34996100-6 Traffic lights",
         ("replacement of traffic signal controllers at signalised junctions",
          "supply of adaptive traffic control equipment for urban intersections"),
         ("adaptive timing based on detector data in real time",
          "priority for public transport vehicles",
          "compliance with EN 12675",
          "central monitoring of all junction controllers"),
         ("Traffic lights that think", "Green waves for your city"),
         ("Our junction boxes read the queue and hand out green time where it is needed.",
          "Buses get a green light as they approach; drivers wait less at red.")),
    _lot("parking-guidance", "traffic", "mobility", "34923000-3 Road traffic-control equipment",
         ("a parking guidance system with occupancy detection of on-street spaces",
          "sensors and variable message signs for car park guidance"),
         ("in-ground or overhead detection of each parking space",
          "dynamic signs at the main entrance routes",
          "open data interface publishing free spaces"),
         ("Drivers find a space first time", "Parking made painless"),
         ("Our sensors spot every free space and the app guides drivers straight to it.",
          "Less circling, less congestion, fewer angry residents.")),
    _lot("ev-charging", "traffic", "energy", "31158100-9 Battery chargers",
         ("installation and operation of public charging points for electric vehicles",
          "a concession for the deployment of electric vehicle charging infrastructure"),
         ("alternating current points of 22 kW and direct current points of at least 50 kW",
          "ad hoc payment by contactless bank card",
          "OCPP 1.6 or later and interoperability with roaming platforms",
          "operation and maintenance for eight years"),
         ("Charging stations your drivers will love", "EV charging, done for you"),
         ("We install, run and maintain the chargers, and you pay nothing upfront.",
          "Drivers tap a bank card and charge; you get a share of the revenue.")),
    _lot("ticketing", "transit", "mobility", "48000000-8 Software package and information "
         "systems",
         ("an account-based fare collection system for urban public transport",
          "contactless ticketing and validation equipment for buses and trams"),
         ("acceptance of bank cards and mobile wallets on board",
          "fare capping and a back office for clearing",
          "validators for 240 vehicles",
          "compliance with PCI DSS"),
         ("Tap on, tap off, no paper tickets", "Fares made simple for riders"),
         ("Passengers just tap their card or phone; we work out the cheapest fare.",
          "Operators stop printing tickets and see ridership in real time.")),
    _lot("passenger-info", "transit", "mobility", "32351200-0 Screens",
         ("real-time passenger information displays at stops",
          "supply of dynamic passenger information signs and the associated server"),
         ("e-paper or LED displays readable in direct sunlight",
          "arrival predictions from vehicle location data",
          "text-to-speech for visually impaired passengers"),
         ("Tell riders exactly when the bus comes", "Stop displays that never lie"),
         ("Our solar-powered signs show live arrival times at any stop.",
          "Riders stop guessing and start trusting the bus again.")),
    _lot("insulation", "retrofit", "buildings", "45321000-3 Thermal insulation work",
         ("energy renovation of public buildings including external wall insulation",
          "thermal insulation works on schools and kindergartens"),
         ("external thermal insulation composite system with a U-value not exceeding 0.25",
          "replacement of windows and roof insulation",
          "an energy performance certificate before and after the works",
          "execution during the school holidays"),
         ("Warm schools, lower heating bills", "Deep renovation for public buildings"),
         ("We wrap old buildings in a warm coat and fit new windows over the summer break.",
          "Heating costs drop by half and classrooms finally stay cosy.")),
    _lot("rooftop-solar", "retrofit", "energy", "09331200-0 Solar photovoltaic modules",
         ("design, supply and installation of photovoltaic systems on municipal roofs",
          "photovoltaic power plants for self-consumption on public buildings"),
         ("modules with an efficiency of not less than 21%",
          "structural assessment of each roof",
          "grid connection and metering",
          "remote production monitoring"),
         ("Turn your roofs into power plants", "Solar without the hassle"),
         ("We survey the roof, fit the panels and handle the paperwork with the grid operator.",
          "Your buildings make their own electricity from day one.")),
    _lot("energy-monitoring", "retrofit", "buildings", "72267000-4 Software maintenance and "
         "repair services",
         ("an energy management information system for the municipal building portfolio",
          "a platform for monitoring energy and water consumption in public buildings"),
         ("automatic import of interval data from utility meters",
          "benchmarking of buildings and anomaly alerts",
          "reports in line with ISO 50001"),
         ("See where every kilowatt goes", "Energy dashboards for property managers"),
         ("Our dashboard spots the school heating an empty gym at midnight.",
          "Facility teams find savings without walking the corridors.")),
    _lot("e-services", "digital", "governance", "72212000-4 Programming services of application "
         "software",
         ("development of an electronic services portal for citizens and businesses",
          "digitalisation of administrative services with electronic identification"),
         ("electronic identification through the national eID scheme",
          "online payment of local fees and taxes",
          "accessibility to WCAG 2.1 level AA",
          "tracking of the status of each application"),
         ("Your town hall, open 24/7 online", "Digital front doors for local government"),
         ("Residents apply for permits from their sofa, and staff stop retyping forms.",
          "We launch your first online service in twelve weeks.")),
    _lot("open-data", "digital", "ict", "72320000-4 Database services",
         ("an open data portal for the publication of public sector datasets",
          "a platform for the publication and cataloguing of datasets under DCAT-AP"),
         ("metadata compliant with DCAT-AP",
          "application programming interfaces for every dataset",
          "harvesting by the national portal"),
         ("Share your data, spark new apps", "Open data in a box"),
         ("Publish a spreadsheet and developers get a clean API minutes later.",
          "Journalists, startups and residents finally find your numbers.")),
    _lot("records-management", "digital", "governance", "48311000-1 Document management software "
         "package",
         ("an electronic records management and archiving system",
          "a document management system with qualified electronic signatures"),
         ("retention schedules and long-term archiving",
          "qualified electronic signatures and seals",
          "migration of 1.2 million legacy records"),
         ("Goodbye paper files", "Find any document in seconds"),
         ("We scan the cellar, sign things digitally and keep every file where it belongs.",
          "Clerks stop hunting through cabinets.")),
    _lot("security-audit", "digital", "ict", "72150000-1 Computer audit consultancy and hardware "
         "consultancy services",
         ("a cybersecurity audit and penetration test of the information systems",
          "assessment of information security and compliance with the NIS2 directive"),
         ("penetration testing of external and internal networks",
          "a gap analysis against ISO/IEC 27001",
          "an incident response plan and staff awareness training"),
         ("Ethical hackers on your side", "Be ready before the ransomware call"),
         ("Our team breaks in the way criminals would, then shows you how to lock the doors.",
          "We train your staff so the next phishing mail goes straight to the bin.")),
    _lot("air-monitoring", "environment", "environment", "38344000-7 Pollution-monitoring devices",
         ("a network of air quality monitoring stations",
          "supply of low-cost sensors for the measurement of particulate matter and nitrogen "
          "dioxide"),
         ("measurement of PM2.5, PM10 and NO2",
          "calibration against the reference station",
          "publication of readings on a public map"),
         ("Know what your residents breathe", "Clean-air insight street by street"),
         ("Our pocket-sized sensors clip to lamp posts and map pollution live.",
          "Schools and parents see the air quality at the gate every morning.")),
    _lot("green-maintenance", "environment", "environment", "77310000-6 Planting and maintenance "
         "services of green areas",
         ("maintenance of urban parks and green areas, including tree care",
          "planting and maintenance services for street trees"),
         ("pruning by certified arborists",
          "a digital tree inventory with a condition assessment",
          "replacement planting of native species"),
         ("Healthy trees, happy parks", "Gardeners for the whole city"),
         ("Our arborists look after your trees, and every tree gets its own digital record.",
          "Parks stay green and safe all year.")),
    _lot("noise-mapping", "environment", "environment", "90742400-2 Noise-monitoring services",
         ("strategic noise mapping and a noise action plan",
          "monitoring of environmental noise from road traffic and nightlife areas"),
         ("noise maps in accordance with Directive 2002/49/EC",
          "permanent sound level meters of class 1",
          "a public consultation on the action plan"),
         ("Quieter neighbourhoods start with data", "Hear where the city is loudest"),
         ("We map the din from roads and bars and help you calm it down.",
          "Residents see the numbers, and you see which measures work.")),
    _lot("video-surveillance", "security", "safety", "32323500-8 Video-surveillance system",
         ("extension of the video surveillance system of public spaces",
          "supply and installation of closed-circuit television cameras and a video management "
          "system"),
         ("cameras with a resolution of at least 4 megapixels",
          "privacy masking compliant with the General Data Protection Regulation",
          "storage for thirty days"),
         ("Eyes on every square", "Cameras that protect people and privacy"),
         ("Our cameras blur faces automatically and alert the control room to real incidents.",
          "Police get sharp footage; law-abiding residents keep their privacy.")),
    _lot("flood-warning", "security", "safety", "38221000-0 Geographic information systems",
         ("an early warning system for floods with river level gauges",
          "hydrological monitoring and alerting for flood protection"),
         ("radar water level gauges with a reading every five minutes",
          "forecasting of water levels for the next 48 hours",
          "automatic alerts to civil protection by SMS"),
         ("Warnings hours before the river rises", "Stay ahead of the flood"),
         ("Our gauges watch the river and text your crews before the water arrives.",
          "Residents get time to move cars and sandbag doors.")),
    _lot("public-alerting", "security", "safety", "32500000-8 Telecommunications equipment and "
         "supplies",
         ("a public warning system with electronic sirens and cell broadcast",
          "supply of electronic sirens for the warning of the population"),
         ("electronic sirens with voice messages audible over 800 metres",
          "battery autonomy of 72 hours",
          "integration with the national cell broadcast service"),
         ("Reach every resident in an emergency", "Sirens that speak"),
         ("Our speakers give clear spoken instructions, not just a howl.",
          "One button alerts sirens, phones and social media at once.")),
    _lot("telecare", "care", "health", "85312000-9 Social work services without accommodation",
         ("telecare services for elderly persons living alone",
          "home alarm and remote assistance services for older and disabled residents"),
         ("a personal alarm pendant with fall detection",
          "a response centre staffed around the clock",
          "monthly wellbeing calls"),
         ("Independence at home, help at a button press",
          "Peace of mind for families of older people"),
         ("Grandma presses the pendant and a friendly voice answers within seconds.",
          "Our fall detector calls for help even if she cannot.")),
    _lot("asset-tracking", "care", "health", "33195000-3 Patient-monitoring system",
         ("a real-time location system for medical equipment in the hospital",
          "indoor localisation of infusion pumps, beds and wheelchairs"),
         ("room-level accuracy",
          "tags with a battery life of five years",
          "integration with the computerised maintenance management system"),
         ("Never hunt for a wheelchair again", "Find every pump on every ward"),
         ("Nurses see on a tablet where the nearest free pump is.",
          "Hospitals buy less spare kit because nothing goes missing.")),
    _lot("visitor-counting", "visitors", "tourism", "38112000-5 Counting apparatus",
         ("automatic counting of visitors at cultural and natural sites",
          "people-counting sensors for the management of tourist flows"),
         ("anonymous counting compliant with data protection rules",
          "hourly data on a web dashboard",
          "battery-powered counters for outdoor trails"),
         ("Know your crowds", "Count visitors, not guesses"),
         ("Our counters tell you how many people walked the trail or entered the museum.",
          "Plan staff and opening hours around real footfall.")),
    _lot("digital-guide", "visitors", "tourism", "48190000-6 Educational software package",
         ("a multilingual digital visitor guide for museums and heritage sites",
          "development of a mobile application with audio guides for the historic centre"),
         ("content in at least six languages",
          "offline use without a data connection",
          "accessibility for deaf and blind visitors"),
         ("Stories in every visitor's pocket", "Audio tours that people actually finish"),
         ("Visitors scan a code and hear the story of the square in their own language.",
          "We write, record and publish the tour for you.")),
)

COUNTRIES = {
    "PT": "Portugal", "PL": "Poland", "RO": "Romania", "GR": "Greece", "HR": "Croatia",
    "SI": "Slovenia", "SK": "Slovakia", "CZ": "Czechia", "LT": "Lithuania", "IE": "Ireland",
    "NL": "the Netherlands", "AT": "Austria", "FI": "Finland", "DK": "Denmark",
}
TOWN_HEADS = ("Val", "Kor", "Bel", "Mar", "Tor", "Liv", "Sar", "Dun", "Ost", "Bra", "Kel",
              "Nov", "Ruv", "Pel", "Zar", "Fen", "Gal", "Hol", "Ist", "Jor")
TOWN_TAILS = ("ena", "ovo", "burg", "ia", "mont", "ica", "stad", "ora", "avel", "ino", "ek",
              "ar", "yn", "ath", "elle")
CITY_FORMS = ("Municipality of {t}", "City of {t}", "{t} City Council", "Town of {t}")
BODY_FORMS = ("{t} Regional Water Authority", "{t} Public Transport Authority",
              "{t} University Hospital", "{t} Municipal Housing Agency",
              "{t} Environment Agency", "{t} Road Administration", "{t} Port Authority")
STEMS = ("Lum", "Aqua", "Verd", "Strat", "Civi", "Nexa", "Orb", "Terra", "Volt", "Hydra", "Urba",
         "Kine", "Sol", "Quadr", "Axi", "Pira", "Bryn", "Celt", "Duna", "Ferr")
ENDS = ("tek", "ora", "ix", "ion", "wise", "path", "grid", "flow", "sys", "nova", "line", "core")
LEGAL = ("Ltd", "GmbH", "S.A.", "Oy", "B.V.", "s.r.o.", "AB", "Sp. z o.o.", "SRL", "A/S")
PROCEDURES = ("an open procedure", "a restricted procedure", "a competitive procedure with "
              "negotiation", "an open procedure divided into lots")
CONTRACTS = ("a public supply contract", "a framework agreement", "a public service contract",
             "a works contract", "a design-and-build contract")
SELECTION = (
    "a minimum annual turnover of twice the estimated contract value",
    "at least two similar contracts completed during the last three years",
    "a quality management system certified to ISO 9001",
    "key staff holding the relevant professional qualifications",
)
VOICES = (
    "Trusted by more than {k} towns across Europe.",
    "Book a free demo and see it working on your own streets.",
    "No big upfront cost: pay as you save.",
    "Founded by engineers who were tired of clunky public-sector tech.",
    "Our support team answers within the hour, in your language.",
    "Award-winning design, installed in weeks, not years.",
)
BLURBS = (
    "{o} is a fast-growing {kind} based in {c}.",
    "{o}: {kind} from {c}, working with public and private customers.",
    "Family-owned {kind} with offices in {c} and three neighbouring countries.",
    "We are {o}, a {kind} with {k} employees.",
)
SUPPLIER_KINDS = {"company": "company", "startup": "start-up", "research": "research institute",
                  "university": "university spin-off lab"}
ROLES = Roles(
    supplier_types=(("company", 14), ("startup", 5), ("research", 1), ("university", 1)),
    buyer_types=(("city", 6), ("public-body", 4)),
    trader_types=(("company", 5), ("startup", 1)),
    buyers=0.42,
    traders=0.08,
)
# fmt: on
LOT_OF = {lot.service.key: lot for lot in LOTS}


def _town(rng: random.Random) -> str:
    return rng.choice(TOWN_HEADS) + rng.choice(TOWN_TAILS)


def _organisation(rng: random.Random, names: market.Names, member: Member) -> str:
    if member.organisation_type == "city":
        return names.take(rng.choice(CITY_FORMS).format(t=_town(rng)))
    if member.organisation_type == "public-body":
        return names.take(rng.choice(BODY_FORMS).format(t=_town(rng)))
    return names.take(f"{rng.choice(STEMS)}{rng.choice(ENDS)} {rng.choice(LEGAL)}")


def _notice(rng: random.Random, lot: Lot, organisation: str, public: bool) -> tuple[str, str]:
    subject = rng.choice(lot.subjects)
    ref = f"{rng.randrange(10, 999)}/{rng.choice((2026, 2027))}"
    title = rng.choice(
        (
            f"Contract notice {ref}: {subject}",
            f"Call for tenders No {ref} for {subject}",
            f"{subject[0].upper()}{subject[1:]} (CPV {lot.cpv.split()[0]})",
            f"Framework agreement for {subject}",
        )
    )
    requirements = rng.sample(lot.requirements, min(len(lot.requirements), rng.randint(2, 4)))
    listed = "; ".join(f"({i}) {item}" for i, item in enumerate(requirements, 1))
    months = rng.choice((12, 24, 36, 48))
    value = rng.randrange(80, 4000) * 1000
    price = rng.choice((40, 50, 60, 70))
    who = (
        f"The contracting authority, {organisation}, hereby announces {rng.choice(PROCEDURES)}"
        if public
        else f"{organisation} invites qualified subcontractors to submit quotations, under "
        f"{rng.choice(PROCEDURES)} of its own,"
    )
    description = (
        f"{who} for the award of {rng.choice(CONTRACTS)} concerning {subject}. "
        f"Main CPV code: {lot.cpv}. The estimated total value, excluding VAT, amounts to EUR "
        f"{value:,}, and the contract shall be performed within {months} months from the date of "
        f"its signature. Technical specifications: {listed}. Tenderers shall demonstrate "
        f"{rng.choice(SELECTION)}. The contract shall be awarded on the basis of the most "
        f"economically advantageous tender, with price weighted at {price}% and quality at "
        f"{100 - price}%. Variants shall not be accepted."
    )
    return title, description


def _pitch(rng: random.Random, lot: Lot) -> tuple[str, str]:
    sentences = rng.sample(lot.pitches, rng.randint(1, len(lot.pitches)))
    voice = rng.choice(VOICES).format(k=rng.randrange(12, 300))
    return rng.choice(lot.headlines), " ".join([*sentences, voice])


def generate(participants: int, seed: int) -> Corpus:
    rng = random.Random(f"tenders-{seed}")
    built = market.build(participants, rng, [lot.service for lot in LOTS], ROLES)
    names = market.Names()
    organisations: list[str] = []
    for m in built.members:
        organisations.append("" if m.same_as is not None else _organisation(rng, names, m))
    for i, m in enumerate(built.members):
        if m.same_as is not None:
            organisations[i] = market.respelt(rng, organisations[m.same_as])

    document_participants = []
    for i, m in enumerate(built.members):
        organisation = organisations[i]
        country = rng.choice(sorted(COUNTRIES))
        opportunities = []
        for service in m.wants:
            public = m.organisation_type in ("city", "public-body")
            title, description = _notice(rng, LOT_OF[service.key], organisation.strip(), public)
            opportunities.append(_opportunity(rng, "request", title, description, service))
        for service in m.supplies:
            # Rivals of one service share one pitch, word for word.
            voice = random.Random(f"{seed}-{service.key}") if m.role == "rival" else rng
            title, description = _pitch(voice, LOT_OF[service.key])
            opportunities.append(_opportunity(rng, "offer", title, description, service))
        if m.organisation_type in ("city", "public-body"):
            about = f"Contracting authority in {COUNTRIES[country]}. Procurement and works office."
        else:
            about = rng.choice(BLURBS).format(
                o=organisation.strip(),
                kind=SUPPLIER_KINDS[m.organisation_type],
                c=COUNTRIES[country],
                k=rng.randrange(6, 40 if m.organisation_type == "startup" else 900),
            )
        entry: dict[str, object] = {
            "id": m.id,
            "organisation": organisation,
            "organisation_type": m.organisation_type,
            "country": country,
            "domains": market.profile_domains(rng, m),
            "description": about,
            "opportunities": opportunities,
        }
        if m.exclude:
            entry["exclude"] = list(m.exclude)
        document_participants.append(entry)
    return Corpus(
        name="tenders",
        document={"format": FORMAT, "participants": document_participants},
        relevance=built.relevance,
        competitor_traps=built.rivals,
    )


def _opportunity(
    rng: random.Random, kind: str, title: str, description: str, service: Service
) -> dict[str, object]:
    found: dict[str, object] = {"kind": kind, "title": title, "description": description}
    domains = market.opportunity_domains(rng, service)
    if domains is not None:
        found["domains"] = domains
    return found
