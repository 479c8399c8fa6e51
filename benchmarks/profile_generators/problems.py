"""Requests told as problems ("our buses run late"), offers told as the fix for them: the two
sides rarely share a noun."""

from __future__ import annotations

import random

from .corpus import SUPPLIERS, Corpus, Need, Sketch, Topic, assemble

# key: (family, domain, sources, complaints, context, fixes, how each fix works)
_Case = tuple[
    str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]
]
# fmt: off
_CASES: dict[str, _Case] = {
    "late-buses": (
        "transit", "mobility", SUPPLIERS,
        ("Our buses run late", "Buses stuck at the same crossings every morning", "Line 7 never keeps to its timetable"),
        ("Passengers tell us the morning buses arrive ten to fifteen minutes behind, always held up at the same four junctions.", "Drivers lose the timetable at red lights on the main avenue."),
        ("Signal priority for public transport", "Green waves for buses and trams"),
        ("An on-board unit asks the traffic lights for an early green when a delayed vehicle approaches.", "Controllers extend the green phase for approaching buses, using their GPS position."),
    ),
    "school-gates": (
        "street-safety", "mobility", SUPPLIERS,
        ("Parents' cars block the school gates", "Children dodge traffic on the way to school"),
        ("At eight in the morning the street outside the primary school is a car park and children squeeze between bumpers.", "Two near misses last term outside our schools."),
        ("School streets with timed access control", "Camera-enforced car-free zones at school times"),
        ("Bollards or cameras close the street to through traffic for thirty minutes at drop-off and pick-up.", "Permits for residents, automatic fines for everyone else during school hours."),
    ),
    "circling-drivers": (
        "parking", "mobility", SUPPLIERS,
        ("Drivers circle for ages looking for a space", "Shoppers say they can't find anywhere to park"),
        ("A third of the traffic in the centre is people looking for somewhere to leave the car.", "Traders blame the lack of spaces for falling sales, yet the garage is half empty."),
        ("Occupancy sensing with guidance to free bays", "Live parking availability in the navigation app"),
        ("Detectors in each bay report whether it is taken; signs and the app send drivers to the nearest free one.", "We publish how many places are free in every street and garage, updated each minute."),
    ),
    "flooded-basements": (
        "drainage", "water", SUPPLIERS,
        ("Residents complain about flooding", "Basements flood after every heavy rain", "The underpass fills with water"),
        ("Each summer storm sends water into cellars in the lower town, and we only hear about it from angry phone calls.", "Last August the railway underpass was closed for two days."),
        ("Sewer level monitoring with overflow forecasting", "Early warning for storm drains"),
        ("Level sensors in manholes and a rain forecast predict where the pipes will surcharge, hours ahead.", "Operators see which catchments will overflow and can open storage or warn residents."),
    ),
    "missing-water": (
        "network", "water", SUPPLIERS,
        ("We lose a third of our water before it reaches the taps", "What we pump and what we bill don't add up"),
        ("Non-revenue water keeps rising and the old pipes are under the streets, out of sight.", "Crews dig where a puddle appears, usually too late."),
        ("Acoustic leak detection", "Pressure management and district metering"),
        ("Loggers listen to the pipes at night and correlate noises to pinpoint leaks within a metre.", "Dividing the network into metered zones and lowering night pressure cuts losses and bursts."),
    ),
    "brown-tap-water": (
        "water-quality", "water", SUPPLIERS,
        ("Residents report discoloured tap water", "Complaints about taste after pipe works"),
        ("Every time a main is repaired the neighbourhood phones in about brown water.", "We test water quality by hand once a month and miss what happens in between."),
        ("Continuous water quality sensors in the network", "Flushing programmes guided by turbidity data"),
        ("Probes in the mains measure turbidity, chlorine and conductivity every few minutes.", "Data shows which pipes collect sediment, so they are flushed before customers notice."),
    ),
    "cold-flats": (
        "renovation", "buildings", SUPPLIERS,
        ("Tenants are cold in winter and their bills are huge", "Mould in our social housing flats"),
        ("The concrete blocks from the seventies leak heat through every wall and window.", "Families keep one room warm and close the rest."),
        ("Deep retrofit of prefabricated apartment blocks", "External wall insulation and new windows"),
        ("We wrap the building, replace windows and add ventilation with heat recovery, with tenants living in.", "A full envelope package that cuts heating demand by around two thirds."),
    ),
    "school-bills": (
        "energy-use", "energy", SUPPLIERS,
        ("Our schools' energy bills doubled", "Nobody knows which buildings waste energy"),
        ("We get one invoice per building and no idea where the money goes.", "Heating runs all weekend in empty gyms."),
        ("Sub-metering and energy dashboards", "Energy management as a service"),
        ("Meters on each circuit and boiler show consumption per hour, with alerts when a building wastes.", "Our engineers watch your portfolio remotely and fix schedules and setpoints."),
    ),
    "dark-streets": (
        "lighting", "energy", SUPPLIERS,
        ("People feel unsafe walking home on dark streets", "We only learn about broken lamps from complaints"),
        ("Whole stretches of the riverside path are dark, and repairs wait for someone to call.", "Half the lamps on the estate were out for a month."),
        ("Connected LED street lighting with fault alerts", "Adaptive lighting that brightens when people pass"),
        ("Every lamp reports failures and energy use, so crews know what to fix before anyone calls.", "Lights dim on empty streets and brighten for pedestrians and cyclists."),
    ),
    "maxed-connection": (
        "flex", "energy", SUPPLIERS,
        ("The grid operator can't connect our new chargers", "Our depot's connection is maxed out"),
        ("We bought electric buses and the network operator wants three years and a fortune for a bigger connection.", "Everything charges at six in the evening and trips the supply."),
        ("Smart load balancing for charging sites", "Battery buffer to avoid a grid upgrade"),
        ("Software spreads charging over the night within the limit of the existing connection.", "A battery fills slowly all day and releases power at peak."),
    ),
    "overflowing-bins": (
        "waste", "circular-economy", SUPPLIERS,
        ("Bins overflow at weekends", "Seagulls and litter around full bins"),
        ("The promenade bins are full by Saturday noon while trucks empty half-empty ones in the suburbs.", "Litter blows onto the beach every Sunday."),
        ("Fill-level sensing for collection on demand", "Solar compacting litter bins"),
        ("Sensors report how full each container is, and routes are planned around the ones that need it.", "Bins compress their contents and hold five times as much."),
    ),
    "fly-tipping": (
        "dumping", "circular-economy", SUPPLIERS,
        ("Fly-tipping at the edge of town", "Mattresses and rubble dumped in the woods"),
        ("Clearing illegal dumps costs us more every year and nobody is ever caught.", "The same lay-bys fill up with builders' waste."),
        ("Camera traps with AI for dumping hotspots", "Bulky waste pickup booked online"),
        ("Solar cameras recognise vehicles unloading at known hotspots and alert enforcement.", "Residents book a free collection slot, so there is no reason to dump."),
    ),
    "heatwaves": (
        "climate", "environment", SUPPLIERS,
        ("Some neighbourhoods get unbearably hot in summer", "Older residents suffer during heatwaves"),
        ("Night temperatures in the estates stay above 25 degrees for weeks.", "Ambulance calls rise sharply every heatwave."),
        ("Heat risk mapping", "Cool corridors with trees and shading"),
        ("Thermal imagery and census data show where heat and vulnerable people coincide.", "We design routes of shade, water and planting through the hottest districts."),
    ),
    "smoky-winters": (
        "air", "environment", SUPPLIERS,
        ("People complain about smoke from home heating in winter", "Asthma cases near the ring road"),
        ("On still winter evenings the valley fills with smoke and the one official station is on a hill.", "Paediatricians report more inhaler prescriptions every year."),
        ("Hyperlocal air quality monitoring", "Pollution source apportionment studies"),
        ("A dense network of calibrated sensors maps particles and gases street by street.", "We identify which share of the pollution comes from traffic, stoves or industry."),
    ),
    "sleepless-residents": (
        "noise", "environment", SUPPLIERS,
        ("Residents can't sleep because of bar noise", "Complaints about night-time deliveries"),
        ("The old town's bars have terraces under bedroom windows.", "Lorries unload at the supermarket at four in the morning."),
        ("Acoustic monitoring with noise cameras", "Sound-level alerts for venues"),
        ("Microphones measure levels continuously and identify loud vehicles.", "Venues see their own levels on a screen and get a warning before limits are broken."),
    ),
    "slow-permits": (
        "e-services", "governance", SUPPLIERS,
        ("Building permits take six months", "Citizens queue for hours at the counter"),
        ("Applications arrive on paper and move between five desks.", "Every Monday the queue goes out of the door."),
        ("Online permit applications with tracking", "Digital one-stop shop for residents"),
        ("Applicants file and sign online and follow each step; staff work from one case file.", "Forms, payments and appointments in a single portal with a national login."),
    ),
    "empty-consultations": (
        "participation", "governance", SUPPLIERS,
        ("Hardly anyone takes part in our consultations", "Young people never come to town hall meetings"),
        ("Twelve people came to the meeting on the new masterplan.", "Decisions are taken by the same few voices."),
        ("Online participation and polling platform", "Playful engagement tools for consultations"),
        ("Residents comment on proposals, vote and see the outcome, on any phone.", "Map-based games let people redesign their square and see what others chose."),
    ),
    "spreadsheet-chaos": (
        "data", "ict", SUPPLIERS,
        ("Every department keeps its own spreadsheets", "We can't answer simple questions about our city"),
        ("To find out how many lamps we own took three weeks and four versions of the truth.", "The mayor's office asks for figures that nobody can produce."),
        ("City data platform with dashboards", "Data integration behind a common API"),
        ("We connect the registers, sensor feeds and files into one governed store with live dashboards.", "Connectors pull data from existing systems and expose it through one documented interface."),
    ),
    "ransomware": (
        "infosec", "ict", SUPPLIERS,
        ("A ransomware attack shut us down for a week", "We don't know if our systems are secure"),
        ("Payroll, permits and email stopped; backups were encrypted too.", "Our IT team is two people and nobody watches the logs."),
        ("Round-the-clock security monitoring", "Security audit and phishing training"),
        ("Analysts watch your network at all hours and isolate infected machines within minutes.", "We test your defences, fix the gaps and train staff to spot fake emails."),
    ),
    "dead-spots": (
        "connectivity", "ict", SUPPLIERS,
        ("Our field sensors keep losing connection", "No signal in the industrial zone"),
        ("Meters in basements and pumps in the hills drop off the mobile network.", "Tenants of the business park threaten to leave."),
        ("City-wide low-power IoT network", "Private LTE for utilities"),
        ("Gateways on rooftops cover the whole city for battery-powered devices that report for ten years.", "A dedicated cellular network for your own assets, with guaranteed coverage."),
    ),
    "crowded-gates": (
        "events", "safety", SUPPLIERS,
        ("Our festival gates get dangerously crowded", "Queues spill into the road at the stadium"),
        ("Forty thousand people arrive in two hours and the stewards can't see the whole picture.", "A crush at the exit last season was narrowly avoided."),
        ("Real-time crowd density monitoring", "Crowd flow simulation and stewarding plans"),
        ("Counting sensors measure people per square metre and warn control rooms before it gets critical.", "We simulate arrivals and exits and plan gates, barriers and staff."),
    ),
    "slow-ambulances": (
        "emergency", "safety", SUPPLIERS,
        ("Ambulances take too long to reach the villages", "Fire engines get stuck in traffic"),
        ("Response times in the rural districts are twice the target.", "Crews lose minutes at red lights on the ring road."),
        ("Emergency vehicle pre-emption at traffic lights", "Dispatch optimisation with live vehicle positions"),
        ("Lights turn green ahead of a vehicle on a blue-light run.", "The nearest free crew is chosen and stations are repositioned as demand moves."),
    ),
    "falls-at-home": (
        "ageing", "health", SUPPLIERS,
        ("Older people living alone fall and lie there for hours", "Nobody notices when elderly residents stop eating"),
        ("Our home care visits are once a day; what happens in between we don't know.", "A neighbour found a man two days after his fall."),
        ("Fall detection with a 24/7 response service", "Activity sensors that alert carers"),
        ("A wearable detects a fall and connects to a call centre that sends help.", "Discreet sensors learn daily routines and alert family when something changes."),
    ),
    "doctor-waits": (
        "primary-care", "health", SUPPLIERS,
        ("Patients wait weeks for a GP appointment", "Rural clinics have no doctor on Fridays"),
        ("Chronic patients come in just to get a prescription renewed.", "Villagers travel forty kilometres to see a doctor."),
        ("Video consultations and e-prescriptions", "Remote monitoring for chronic patients"),
        ("Doctors see patients by video from any clinic and send prescriptions to the pharmacy.", "Blood pressure and glucose readings flow to the practice, which calls only when needed."),
    ),
    "cruise-days": (
        "visitors", "tourism", SUPPLIERS,
        ("Cruise days overwhelm the old town", "Visitors all go to the same three sights"),
        ("Three ships dock at once and ten thousand people walk the same street.", "Residents avoid their own centre in summer."),
        ("Visitor flow forecasting and spreading", "Recommendations that steer visitors to lesser-known places"),
        ("We forecast crowding by the hour and publish quiet times and alternative routes.", "The visitor app suggests less busy attractions nearby in real time."),
    ),
    "bored-visitors": (
        "culture", "tourism", SUPPLIERS,
        ("Our museum is empty outside school trips", "Young people find the castle boring"),
        ("Visitor numbers halved in ten years.", "Teenagers spend ten minutes in the exhibition and leave."),
        ("Augmented-reality storytelling for heritage sites", "Gamified city trails"),
        ("Point a phone at the ruins and watch the fortress rebuilt, with characters telling its story.", "Quests and riddles lead teams through the streets and collections."),
    ),
    "runway": (
        "capital", "governance", ("investor",),
        ("We run out of cash in six months", "Banks won't lend to a hardware start-up"),
        ("Our pilots work, but we need money to build the next hundred units.", "Revenue is coming, just not fast enough."),
        ("Seed investment for urban-tech start-ups", "Venture debt for hardware companies"),
        ("We invest from 200k to 1M euro and sit on the board.", "Loans backed by your contracts with cities, without giving up equity."),
    ),
    "grant-rejections": (
        "capital", "governance",
        ("cluster", "association", "public-body", "university"),
        ("We don't know how to apply for EU grants", "Our proposal was rejected twice"),
        ("We have the idea and the pilot site but not the partners or the paperwork.", "Evaluators said the impact section was weak."),
        ("EU proposal writing and consortium building", "Grant coaching for first-time applicants"),
        ("We find partners, write the proposal with you and run the project office if it is funded.", "Workshops and reviews of your draft by former evaluators."),
    ),
}
# fmt: on

TOPICS = tuple(
    Topic(key, family, domain, (), sources)
    for key, (family, domain, sources, _, _, _, _) in _CASES.items()
)

_FIRST = (
    "Anna",
    "Georgi",
    "Maria",
    "Ivan",
    "Elena",
    "Petar",
    "Sofia",
    "Nikolai",
    "Lena",
    "Marco",
    "Ines",
    "Tomas",
    "Kaja",
    "Jonas",
)
_LAST = (
    "Petrova",
    "Dimitrov",
    "Novak",
    "Rossi",
    "Ferreira",
    "Kowalski",
    "Berg",
    "Horvat",
    "Ionescu",
    "Papadakis",
    "Keller",
    "Costa",
)
_WORDS = (
    "Fix",
    "Mend",
    "Calm",
    "Safe",
    "Kind",
    "Plain",
    "Steady",
    "Simple",
    "Quiet",
    "Handy",
    "Honest",
    "Sturdy",
    "Good",
    "Fair",
    "Able",
    "Ready",
    "Neat",
    "Swift",
    "Warm",
    "Level",
)
_NOUNS = (
    "Streets",
    "Pipes",
    "Lamps",
    "Roads",
    "Homes",
    "Bins",
    "Signals",
    "Care",
    "Squares",
    "Commons",
    "Rivers",
    "Bridges",
    "Yards",
    "Gates",
    "Wells",
    "Paths",
    "Towers",
)
_TOWNS = (
    "Veliko Tarnovo",
    "Blagoevgrad",
    "Kazanlak",
    "Sliven",
    "Haskovo",
    "Kardzhali",
    "Lovech",
    "Vratsa",
    "Kyustendil",
    "Pernik",
    "Yambol",
    "Targovishte",
    "Silistra",
    "Montana",
    "Razgrad",
    "Sandanski",
)
_COUNTRIES = (
    ("BG", 45),
    ("RO", 8),
    ("GR", 8),
    ("RS", 5),
    ("MK", 4),
    ("HR", 4),
    ("SI", 3),
    ("HU", 5),
    ("CY", 2),
    ("AL", 2),
    ("ME", 2),
    ("BA", 3),
    ("UA", 3),
    ("MD", 2),
    ("TR", 4),
)


class _Problems:
    name = "problems"
    countries = _COUNTRIES

    def organisation(self, rng: random.Random, sketch: Sketch) -> str:
        t = sketch.organisation_type
        town = rng.choice(_TOWNS)
        if t == "city":
            return rng.choice(
                (f"{town} Municipality", f"Municipality of {town}", f"{town} Mayor's Office")
            )
        if t == "public-body":
            return rng.choice(
                (
                    f"{town} Hospital",
                    f"{town} Regional Health Inspectorate",
                    f"{town} Roads Agency",
                    f"{town} Water Company",
                )
            )
        if t == "research":
            return f"{rng.choice(_LAST)} Institute {town}"
        if t == "university":
            return f"{town} University, {rng.choice(('Civil Eng.', 'Informatics', 'Public Health', 'Geography', 'Economics'))}"
        if t == "cluster":
            return f"{town} {rng.choice(_NOUNS)} Cluster"
        if t == "association":
            return f"Friends of {town} {rng.choice(_NOUNS)}"
        if t == "investor":
            return f"{rng.choice(_LAST)} & {rng.choice(_LAST)} Ventures"
        if rng.random() < 0.4:
            return f"{rng.choice(_LAST)} & {rng.choice(_FIRST)}"
        if rng.random() < 0.5:
            return f"{rng.choice(_WORDS)}{rng.choice(_NOUNS)}"
        return f"{rng.choice(_WORDS)}{rng.choice(_NOUNS)} {town}"

    def description(self, rng: random.Random, sketch: Sketch) -> str | None:
        if rng.random() < 0.25:
            return None
        first = rng.choice(_FIRST)
        if sketch.organisation_type in ("city", "public-body"):
            return f"{first} from the deputy mayor's team. Ask me about what goes wrong here."
        return f"{first}, business development. We have done this for {rng.randint(2, 25)} towns."

    def opportunity(self, rng: random.Random, need: Need, sketch: Sketch) -> tuple[str, str | None]:
        _, _, _, complaints, context, fixes, how = _CASES[need.topic.key]
        # A fix and its explanation go together; a complaint may come with any of the context.
        if need.kind == "request":
            return rng.choice(complaints), (rng.choice(context) if rng.random() < 0.8 else None)
        i = rng.randrange(len(fixes))
        return fixes[i], (how[i % len(how)] if rng.random() < 0.8 else None)


def generate(n: int, seed: int) -> Corpus:
    return assemble(n, seed, TOPICS, _Problems())
