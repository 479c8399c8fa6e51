"""The smart-city offers and requests that generated demo participants bring, by domain.

`{n}` in a title or description is filled with a number from the template's range; `{field}` with
the holder's main domain, so one generic template reads right for every domain.
"""

from dataclasses import dataclass

# Who may hold a template: co company, st start-up, ci city, re research, in institution, iv investor.
KIND_CODES = {
    "co": "company",
    "st": "startup",
    "ci": "city",
    "re": "research",
    "in": "institution",
    "iv": "investor",
}


@dataclass(frozen=True)
class Template:
    kind: str
    holders: frozenset[str]
    title: str
    description: str
    domains: tuple[str, ...]
    numbers: tuple[int, int, int] = (1, 1, 1)  # low, high, step for {n}
    # An offer and a request with a topic in common answer each other closely, such as a city's
    # signal-control tender and a signal-control product; a shared domain alone is a weaker match.
    topics: tuple[str, ...] = ()


def _t(
    kind: str,
    holders: str,
    title: str,
    description: str,
    domains: str,
    numbers: tuple[int, int, int] = (1, 1, 1),
    topics: str = "",
) -> Template:
    return Template(
        kind=kind,
        holders=frozenset(KIND_CODES[code] for code in holders.split()),
        title=title,
        description=description,
        domains=tuple(domains.split()),
        numbers=numbers,
        topics=tuple(topics.split()),
    )


# fmt: off
TEMPLATES: tuple[Template, ...] = (
    # Mobility
    _t("offer", "co st", "Adaptive traffic signal control software",
       "Signal timings that follow the traffic in real time; typically 15–25 % less waiting at "
       "junctions. Runs on the controllers a city already has.", "mobility ict", topics="signals"),
    _t("offer", "co st", "Smart parking sensors and guidance app",
       "In-ground magnetometer sensors with a five-year battery, a guidance app for drivers and "
       "an enforcement dashboard for wardens.", "mobility ict", topics="parking"),
    _t("offer", "co st", "Demand-responsive shuttle platform",
       "Booking app, dispatch and routing for on-demand minibuses in low-density areas; live in "
       "{n} towns.", "mobility", (3, 12, 1), topics="drt"),
    _t("offer", "co st", "Fleet management for shared bikes and e-scooters",
       "Geofencing, battery swaps and parking rules for micromobility operators and the cities "
       "that license them.", "mobility", topics="micromobility"),
    _t("offer", "co st", "EV charging point management (OCPP 2.0.1)",
       "Back office for public chargers: roaming, smart charging within the grid limit and "
       "payment by card.", "mobility energy", topics="charging"),
    _t("offer", "co st", "White-label mobility-as-a-service app",
       "One app for buses, trains, bikes and taxis with one ticket; integrates GTFS and the "
       "operator's ticketing.", "mobility ict", topics="maas"),
    _t("offer", "re", "Testbed for connected and automated driving",
       "A {n}-km urban test route with roadside units, HD maps and a control room for pilots.",
       "mobility ict", (4, 20, 2), topics="testbed"),
    _t("request", "ci", "Adaptive traffic signal control for {n} junctions",
       "Our main corridors are congested at peak hours; we want signal optimisation with "
       "before-and-after travel-time measurements.", "mobility", (20, 60, 5), topics="signals"),
    _t("request", "ci", "On-demand public transport for suburban districts",
       "A pilot of twelve months replacing two under-used bus lines with demand-responsive "
       "shuttles.", "mobility", topics="drt"),
    _t("request", "ci in", "Low-emission zone enforcement with number-plate recognition",
       "Cameras, a permits database and GDPR-compliant processing for a zone of {n} km².",
       "mobility environment safety", (2, 12, 1), topics="lez"),
    _t("request", "ci", "Smart parking for {n} on-street spaces",
       "Occupancy detection and an app for the city centre, integrated with our payment system.",
       "mobility", (400, 3000, 100), topics="parking"),
    _t("request", "ci", "Charging network for the municipal fleet and taxis",
       "Planning and operation of {n} fast chargers at depots and taxi ranks.",
       "mobility energy", (10, 60, 5), topics="charging"),
    # Energy
    _t("offer", "co", "LED street lighting retrofit with remote dimming",
       "Turnkey retrofit with a central management system; energy savings of 60–70 % and "
       "financing through energy performance contracts.", "energy safety", topics="lighting"),
    _t("offer", "co st", "Virtual power plant for municipal buildings",
       "Aggregates heat pumps, batteries and PV of public buildings and trades their flexibility "
       "on the balancing market.", "energy ict", topics="esco"),
    _t("offer", "st", "Rooftop solar potential from aerial imagery",
       "A solar cadastre for every roof of a city, with yield, cost and payback, in four weeks.",
       "energy ict", topics="ped"),
    _t("offer", "co", "Battery storage for bus depots",
       "Second-life batteries that cut the peak load of electric bus charging.", "energy mobility",
       topics="charging"),
    _t("offer", "re", "Living lab for renewable energy communities",
       "A neighbourhood of {n} households sharing PV and storage, with metering and a legal "
       "model others can copy.", "energy", (40, 200, 20), topics="ped"),
    _t("request", "ci", "Street lighting retrofit for {n} lamp posts",
       "We look for suppliers and ESCOs for a retrofit financed by savings.",
       "energy safety", (2000, 15000, 500), topics="lighting"),
    _t("request", "ci in", "Energy service company for {n} public buildings",
       "Energy performance contract for schools, kindergartens and sports halls.",
       "energy buildings", (15, 80, 5), topics="esco"),
    _t("request", "ci re in", "Partners for a positive energy district project",
       "Consortium for a Horizon Europe call: a district that produces more energy than it uses. "
       "We seek technology partners and a replicating city.", "energy buildings", topics="ped"),
    # Environment
    _t("offer", "co st", "LoRaWAN air-quality sensor network",
       "Calibrated PM2.5, PM10 and NO₂ sensors on lamp posts, with an open-data dashboard; "
       "deployed in {n} cities.", "environment ict", (3, 25, 1), topics="air"),
    _t("offer", "st", "Urban heat island mapping from satellite data",
       "Street-level heat maps and the places where trees and cool surfaces help most.",
       "environment", topics="heat"),
    _t("offer", "co st", "Noise monitoring with source classification",
       "Stations that tell traffic from construction and nightlife noise, for noise action "
       "plans.", "environment safety", topics="noise"),
    _t("offer", "co", "Green roofs and pocket parks: design and build",
       "Nature-based solutions for retention of rain and for cooling, with maintenance.",
       "environment water buildings", topics="heat trees"),
    _t("request", "ci", "Air-quality monitoring around {n} schools",
       "Parents ask what their children breathe; we want sensors and a public map.",
       "environment health", (10, 40, 5), topics="air"),
    _t("request", "ci", "Tree inventory and canopy planning tool",
       "A digital register of our street trees with health and the benefits they bring.",
       "environment", topics="trees"),
    _t("request", "ci re in", "Partners for an EU LIFE project on urban heat",
       "We prepare a LIFE proposal on heat adaptation and look for SMEs with proven solutions.",
       "environment health", topics="heat"),
    # Governance
    _t("offer", "co st", "Participatory budgeting platform",
       "Open-source platform where residents propose and vote on projects; accessible and "
       "available in {n} languages.", "governance", (4, 24, 2), topics="participation"),
    _t("offer", "co st", "Multilingual chatbot for citizen services",
       "Answers residents' questions on permits, taxes and waste day and night, and hands over "
       "to staff when needed.", "governance ict", topics="participation"),
    _t("offer", "co", "Open data portal (DCAT-AP)",
       "A portal that publishes the city's data sets to the European data portal automatically.",
       "governance ict", topics="data-platform"),
    _t("request", "ci", "E-permits system for building applications",
       "Fully digital building permits, integrated with the cadastre and our document system.",
       "governance buildings", topics="permits"),
    _t("request", "ci", "Citizen engagement app for {n} neighbourhoods",
       "Report problems, take part in consultations and follow what the city did about it.",
       "governance", (6, 30, 2), topics="participation"),
    _t("request", "ci in", "Advice on GDPR for a city data platform",
       "Legal and technical advice on sharing mobility and energy data with third parties.",
       "governance ict", topics="privacy"),
    # Buildings
    _t("offer", "co", "BIM-based facility management for public buildings",
       "From the building model to maintenance plans and energy monitoring in one tool.",
       "buildings ict", topics="renovation"),
    _t("offer", "co st", "IoT retrofit kit for school ventilation",
       "CO₂-controlled ventilation in existing classrooms, installed in one day per room.",
       "buildings health energy", topics="indoor"),
    _t("offer", "st", "Occupancy sensing for offices and libraries",
       "Anonymous people counting that right-sizes heating, cleaning and space.",
       "buildings energy", topics="esco"),
    _t("request", "ci", "Monitoring and controls for the renovation of {n} schools",
       "A deep renovation programme needs metering and smart controls to prove the savings.",
       "buildings energy", (5, 30, 1), topics="renovation"),
    _t("request", "ci in", "Indoor air quality in kindergartens",
       "Sensors and simple advice for staff in {n} kindergartens.",
       "buildings health", (10, 50, 5), topics="indoor"),
    _t("request", "ci re", "Partners for a social housing retrofit pilot",
       "Industrialised facade renovation of prefabricated blocks, with residents staying in.",
       "buildings energy", topics="renovation"),
    # Water
    _t("offer", "co st", "Acoustic leak detection for water mains",
       "Loggers on valves find leaks to within a metre; typical payback under two years.", "water",
       topics="leaks"),
    _t("offer", "co", "Smart water meters with NB-IoT",
       "Hourly readings, leak alarms for households and billing integration.", "water ict",
       topics="leaks"),
    _t("offer", "st re", "Flood forecasting for urban catchments",
       "Rain radar and sewer models give a two-hour warning for streets at risk.",
       "water safety environment", topics="floods"),
    _t("request", "ci", "Reduce non-revenue water in a {n}-km network",
       "We lose a third of our drinking water; we look for leak detection and pressure "
       "management.", "water", (300, 1500, 100), topics="leaks"),
    _t("request", "ci", "Early warning for flash floods in the river district",
       "Sensors, a forecast and warnings to residents' phones.", "water safety", topics="floods"),
    _t("request", "ci re", "Wastewater monitoring for public health",
       "Sampling and lab analysis to follow viruses in wastewater.", "water health",
       topics="wastewater"),
    # Health
    _t("offer", "co st", "Remote monitoring for older people living alone",
       "Unobtrusive sensors and an alert service so people stay at home longer and safely.",
       "health", topics="telecare"),
    _t("offer", "st", "Heat-wave alerts for vulnerable residents",
       "Personal alerts and check-in calls when the heat puts people at risk.",
       "health environment", topics="heat telecare"),
    _t("offer", "co", "Ambulance dispatch optimisation",
       "Positions ambulances where the next call is likely; shorter response times.",
       "health safety", topics="emergency"),
    _t("request", "ci in", "Telecare services for {n} households",
       "Tender for alarm buttons, fall detection and a 24-hour response centre.",
       "health", (500, 5000, 250), topics="telecare"),
    _t("request", "re in", "Partners for an active-ageing living lab",
       "SMEs and cities to test digital services with older residents.", "health",
       topics="telecare"),
    # Safety and security
    _t("offer", "co st", "Privacy-preserving video analytics at the edge",
       "Counts and classifies traffic and crowds on the camera; no images leave the device.",
       "safety ict mobility", topics="lez crowds"),
    _t("offer", "co", "Public warning via cell broadcast",
       "Warnings that reach every phone in an area within seconds, without an app.", "safety",
       topics="emergency floods"),
    _t("offer", "co st", "Crowd monitoring for large events",
       "Density maps and alerts for stewards at festivals, matches and fairs.", "safety tourism",
       topics="crowds"),
    _t("request", "ci in", "Emergency coordination platform for civil protection",
       "One picture for police, fire and health services during floods and fires.",
       "safety governance", topics="emergency"),
    _t("request", "ci", "Cybersecurity audit of municipal operational technology",
       "Water pumps, traffic controllers and building systems must be checked and hardened.",
       "safety ict", topics="cyber"),
    # ICT and data
    _t("offer", "co", "Urban data platform based on FIWARE",
       "Context broker, data models and dashboards that connect sensors and city systems.",
       "ict governance", topics="data-platform"),
    _t("offer", "co st", "City digital twin with a 3D model",
       "A 3D model of the city for planning, noise and solar studies, updated from open data.",
       "ict buildings", topics="permits data-platform"),
    _t("offer", "co", "Private 5G networks for ports and campuses",
       "Design, spectrum and operation of private 5G for industrial and public sites.", "ict",
       topics="5g"),
    _t("offer", "co st", "LoRaWAN network as a service",
       "City-wide coverage with {n} gateways, operated for the city and its utilities.",
       "ict", (20, 150, 10), topics="data-platform"),
    _t("request", "ci", "Integrator for the city's urban data platform",
       "Connect {n} existing data sources and build the first five dashboards.",
       "ict governance", (10, 40, 5), topics="data-platform"),
    _t("request", "ci in", "EU-hosted cloud for city data",
       "Sovereign hosting for our data platform and digital twin.", "ict", topics="data-platform"),
    _t("request", "co st re", "Partners for a data-space project (Digital Europe)",
       "We build a mobility and energy data space and need cities and data users.",
       "ict mobility energy", topics="data-platform"),
    # Tourism and culture
    _t("offer", "st", "Visitor flow analytics from anonymised mobile data",
       "Where visitors come from, where they go and when places get crowded.", "tourism ict",
       topics="crowds"),
    _t("offer", "co st", "Augmented-reality heritage tours",
       "Apps that show how a square or a ruin looked through the centuries.", "tourism",
       topics="heritage"),
    _t("offer", "co", "Smart ticketing for museums and monuments",
       "Timed entry, one pass for the whole city and live visitor numbers.", "tourism",
       topics="heritage"),
    _t("request", "ci", "Managing tourist flows in the old town",
       "Crowding in summer annoys residents; we need data and nudges to spread visitors.",
       "tourism mobility", topics="crowds"),
    _t("request", "ci in", "Digital guide for {n} heritage sites",
       "Multilingual, accessible, and usable offline.", "tourism", (8, 40, 4), topics="heritage"),
    # Circular economy
    _t("offer", "co st", "Fill-level sensors for waste containers",
       "Ultrasonic sensors for glass, paper and general waste; empty only what is full.",
       "circular-economy ict", topics="waste"),
    _t("offer", "co st", "Route optimisation for waste collection",
       "Daily routes from fill levels; 20–30 % fewer kilometres for the trucks.",
       "circular-economy mobility", topics="waste"),
    _t("offer", "st", "Marketplace for reused construction materials",
       "Demolition sites list doors, bricks and steel; builders buy them back.",
       "circular-economy buildings", topics="reuse"),
    _t("offer", "re", "Near-infrared sorting of textile waste",
       "A pilot line that sorts textiles by fibre for recycling.", "circular-economy"),
    _t("request", "ci", "Smart waste collection for {n} containers",
       "Sensors, routing and a resident app for a new collection contract.",
       "circular-economy", (500, 4000, 250), topics="waste"),
    _t("request", "ci in", "Food-waste reduction in school canteens",
       "Measuring and cutting food waste in {n} canteens with children and cooks.",
       "circular-economy health", (10, 60, 5)),
    # Investors and funding
    _t("offer", "iv", "Seed investment for urban-tech start-ups",
       "Tickets of €{n}00,000 for start-ups with a first city customer.",
       "ict mobility energy", (2, 15, 1), topics="funding"),
    _t("offer", "iv", "Growth capital for climate-tech scale-ups",
       "Series A and B rounds for companies that cut city emissions measurably.",
       "energy environment circular-economy", topics="funding"),
    _t("offer", "iv", "Venture-client programme with partner cities",
       "We connect start-ups in our portfolio with cities that buy their first pilots.",
       "governance ict", topics="funding"),
    # Requests and offers that answer ones above
    _t("offer", "co", "Installation and maintenance of traffic controllers",
       "A system integrator: our crews install and maintain signal controllers, detectors and "
       "cabinets for {n} municipalities, and run local deployments for software vendors.",
       "mobility ict",
       (4, 30, 1), topics="integration"),
    _t("offer", "co", "Systems integration for urban mobility projects",
       "A system integrator that tenders, integrates and operates mobility software from several "
       "vendors for cities and road operators, with our own field service.", "mobility ict",
       topics="integration"),
    _t("offer", "co st", "Passenger counting for buses and trams",
       "Boarding and alighting counts from door sensors, with an open API for network planning.",
       "mobility", topics="counting"),
    _t("request", "ci", "Passenger counting on {n} buses",
       "Reliable counts to redesign the bus network and to report to the region.", "mobility",
       (20, 150, 10), topics="counting"),
    _t("request", "ci", "Mobility-as-a-service app for residents and commuters",
       "One app and one ticket for buses, regional trains, bike sharing and taxis.",
       "mobility ict", topics="maas"),
    _t("request", "ci", "Rules and oversight for shared e-scooters",
       "Data sharing with operators (MDS), parking zones and speed limits in the centre.",
       "mobility safety", topics="micromobility"),
    _t("request", "co st", "Urban test route for our automated shuttle",
       "Six months on public roads with roadside connectivity and a safety driver.",
       "mobility", topics="testbed"),
    _t("request", "ci", "Noise monitoring in the night-life district",
       "Residents complain about noise at night; we need measurements before we act.",
       "environment health", topics="noise"),
    _t("request", "ci in", "Private 5G network for the port area",
       "Cranes, trucks and cameras in the port need a reliable private network.", "ict",
       topics="5g"),
    _t("request", "ci", "Reuse of materials from municipal demolitions",
       "Three schools will be demolished; we want their materials back in use.",
       "circular-economy buildings", topics="reuse"),
    _t("offer", "co", "Cybersecurity audits of operational technology",
       "Audits, segmentation and monitoring for water, traffic and building control systems.",
       "safety ict", topics="cyber"),
    _t("offer", "co", "GDPR and data-sharing advice for smart-city projects",
       "Data protection impact assessments and data-sharing agreements that hold up.",
       "governance ict", topics="privacy"),
    _t("offer", "re", "Wastewater-based epidemiology lab",
       "Sampling plans and analyses that follow viruses and drugs in a city's wastewater.",
       "water health", topics="wastewater"),
    _t("request", "st", "Series A investor for our {field} product",
       "We have paying city customers in three countries and want to grow faster.", "",
       topics="funding"),
    # Generic ones that read right in any domain
    _t("request", "iv", "Start-ups in {field} for our next fund",
       "We meet founders with a working product and first revenues.", ""),
    _t("offer", "ci", "Test site in a real city for {field} pilots",
       "Our streets, buildings and open data for pilots of three to twelve months.", "",
       topics="pilot"),
    _t("request", "co st", "Pilot city for our {field} solution",
       "We offer a free pilot of six months to a city that helps us measure the impact.", "",
       topics="pilot"),
    _t("request", "co", "Distribution partners in Southern and Eastern Europe",
       "Integrators or resellers who sell to cities and utilities in their country.", "",
       topics="channels"),
    _t("request", "st", "Corporate partner to scale our {field} product",
       "An established company to bundle our product and open doors to cities.", "",
       topics="channels"),
    _t("offer", "re", "Impact evaluation of {field} pilots",
       "KPIs, surveys and cost-benefit analysis so a pilot can become a procurement.", ""),
    _t("request", "re", "SME partners for a Horizon Europe proposal in {field}",
       "We coordinate a proposal and need SMEs that bring a product to demonstrate.", ""),
    _t("offer", "in", "Access to a network of {n} municipalities in {field}",
       "We bring solution providers and cities together in workshops and study visits.",
       "", (20, 120, 10), topics="channels"),
    _t("request", "in", "Solution providers for a pre-commercial procurement in {field}",
       "A group of cities buys innovation together; we hold an open market consultation.", ""),
)
# fmt: on

# Other titles for the offers that many generated companies bring, so the directory does not
# show dozens of cards with one title. Each holder takes the next title in turn.
TITLE_VARIANTS: dict[str, tuple[str, ...]] = {
    "Seed investment for urban-tech start-ups": (
        "Seed investment for urban-tech start-ups",
        "Pre-seed and seed tickets for govtech founders",
    ),
    "Growth capital for climate-tech scale-ups": (
        "Growth capital for climate-tech scale-ups",
        "Series A and B rounds for climate tech",
    ),
    "Rooftop solar potential from aerial imagery": (
        "Rooftop solar potential from aerial imagery",
        "Solar cadastre for every roof in the city",
    ),
    "Acoustic leak detection for water mains": (
        "Acoustic leak detection for water mains",
        "Finding leaks in water pipes by sound",
    ),
    "Systems integration for urban mobility projects": (
        "Systems integration for urban mobility projects",
        "Multi-vendor integration of city traffic systems",
    ),
    "Participatory budgeting platform": (
        "Participatory budgeting platform",
        "Online voting on neighbourhood projects",
    ),
    "BIM-based facility management for public buildings": (
        "BIM-based facility management for public buildings",
        "Digital building logbooks for municipal property",
    ),
    "Marketplace for reused construction materials": (
        "Marketplace for reused construction materials",
        "Second-hand building materials from demolitions",
    ),
    "IoT retrofit kit for school ventilation": (
        "IoT retrofit kit for school ventilation",
        "CO₂ sensors and ventilation control for classrooms",
        "Indoor-air monitoring for schools and kindergartens",
        "Wireless ventilation control for old school buildings",
    ),
    "Flood forecasting for urban catchments": (
        "Flood forecasting for urban catchments",
        "Early warning of flash floods from rain radar",
        "Stormwater modelling for city drainage",
    ),
    "Multilingual chatbot for citizen services": (
        "Multilingual chatbot for citizen services",
        "Virtual assistant for the city hall website",
        "Citizen helpdesk chatbot in many languages",
    ),
    "Privacy-preserving video analytics at the edge": (
        "Privacy-preserving video analytics at the edge",
        "Anonymised camera analytics for public spaces",
        "Edge AI that counts people without storing images",
    ),
    "Green roofs and pocket parks: design and build": (
        "Green roofs and pocket parks: design and build",
        "Nature-based solutions for hot districts",
        "Urban greening: green walls, roofs and small parks",
    ),
    "Route optimisation for waste collection": (
        "Route optimisation for waste collection",
        "Collection routes planned from fill levels",
        "Fewer kilometres for waste trucks",
    ),
    "Testbed for connected and automated driving": (
        "Testbed for connected and automated driving",
        "Urban test route with roadside units",
    ),
    "Fill-level sensors for waste containers": (
        "Fill-level sensors for waste containers",
        "Ultrasonic sensors for bins and bottle banks",
    ),
    "Battery storage for bus depots": (
        "Battery storage for bus depots",
        "Second-life batteries for e-bus charging peaks",
    ),
    "Cybersecurity audits of operational technology": (
        "Cybersecurity audits of operational technology",
        "OT security for water, traffic and building systems",
    ),
    "LED street lighting retrofit with remote dimming": (
        "LED street lighting retrofit with remote dimming",
        "Street-light retrofit financed by the savings",
    ),
    "Installation and maintenance of traffic controllers": (
        "Installation and maintenance of traffic controllers",
        "Integration and upkeep of traffic signal controllers",
        "Local field service and integration for traffic systems",
    ),
    "Adaptive traffic signal control software": (
        "Adaptive traffic signal control software",
        "Real-time signal timing for congested corridors",
        "Green-wave coordination for arterial roads",
        "Bus and tram priority at traffic lights",
        "Cloud traffic-light optimisation on existing controllers",
        "AI signal control with travel-time reporting",
    ),
    "Smart parking sensors and guidance app": (
        "Smart parking sensors and guidance app",
        "Parking occupancy from street cameras",
        "In-ground parking sensors with a driver app",
        "Parking guidance signs and enforcement dashboard",
    ),
    "Demand-responsive shuttle platform": (
        "Demand-responsive shuttle platform",
        "On-demand minibus booking and dispatch",
        "Ride-pooling software for rural bus lines",
    ),
    "Fleet management for shared bikes and e-scooters": (
        "Fleet management for shared bikes and e-scooters",
        "Micromobility operations and geofencing",
        "Dockless bike-share fleet software",
    ),
    "EV charging point management (OCPP 2.0.1)": (
        "EV charging point management (OCPP 2.0.1)",
        "Public charger back office with roaming",
        "Smart charging within the grid limit",
    ),
    "White-label mobility-as-a-service app": (
        "White-label mobility-as-a-service app",
        "One ticket for bus, train, bike and taxi",
        "Journey planner and ticketing app for operators",
    ),
    "LoRaWAN air-quality sensor network": (
        "LoRaWAN air-quality sensor network",
        "Calibrated low-cost air-quality sensors",
        "Street-level NO₂ and particulate monitoring",
    ),
    "Urban data platform based on FIWARE": (
        "Urban data platform based on FIWARE",
        "Open-source city data platform and dashboards",
        "Context broker and data models for city systems",
    ),
    "City digital twin with a 3D model": (
        "City digital twin with a 3D model",
        "3D city model for planning and solar studies",
    ),
    "Virtual power plant for municipal buildings": (
        "Virtual power plant for municipal buildings",
        "Flexibility trading for public buildings",
    ),
    "Noise monitoring with source classification": (
        "Noise monitoring with source classification",
        "Acoustic sensors that tell traffic from night-life noise",
        "Noise maps from a network of sound sensors",
    ),
    "Passenger counting for buses and trams": (
        "Passenger counting for buses and trams",
        "Automatic boarding counts from door sensors",
    ),
}
