"""Terse catalogue lines, as a product sheet or a tender lot would read: "LoRaWAN parking sensors, IP67"."""

from __future__ import annotations

import random

from .corpus import SUPPLIERS, Corpus, Need, Sketch, Topic, assemble

# key: (family, domain, variants, offer lines, request lines)
_LINES: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "bay-sensor": (
        "parking",
        "mobility",
        ("LoRaWAN", "NB-IoT", "Sigfox"),
        ("In-ground parking bay sensor, IP68", "Surface-mount vehicle detector, 10-yr battery"),
        ("Parking bay sensors, 400 pcs", "On-street occupancy detection, 3 zones"),
    ),
    "car-park-vms": (
        "parking",
        "mobility",
        (),
        ("Car park free-space VMS, full-matrix LED", "Entrance counting loops + display"),
        ("Free-space displays, 6 garages", "Guidance signage to multi-storeys"),
    ),
    "signal-control": (
        "junctions",
        "mobility",
        ("SCATS", "SCOOT", "UTMC"),
        ("Adaptive signal control software", "Traffic controller, NTCIP, 32 groups"),
        ("Adaptive junction control, 12 intersections", "Signal plan optimisation, arterial"),
    ),
    "vehicle-counter": (
        "junctions",
        "mobility",
        ("radar", "video", "inductive loop"),
        ("Vehicle counter-classifier, 8 classes", "Multi-lane traffic census unit"),
        ("Traffic counts, 20 sites, 6 mo.", "Classified vehicle counts, ring road"),
    ),
    "tsp": (
        "transit",
        "mobility",
        (),
        ("Transit signal priority, GNSS-triggered", "Bus gate controller, V2I"),
        ("Bus priority at signals, 3 lines", "Tram pre-emption at crossings"),
    ),
    "stop-display": (
        "transit",
        "mobility",
        ("e-paper", "TFT", "LED"),
        ("Stop display, solar, 4G", "Passenger info panel, GTFS-RT"),
        ("Real-time stop displays, 60 units", "Arrival boards for interchange"),
    ),
    "ev-charger": (
        "charging",
        "mobility",
        ("22 kW AC", "50 kW DC", "150 kW DC"),
        ("EV charge point, OCPP 2.0.1, MID meter", "Pedestal charger, dual socket"),
        ("Public charge points, 30 sites", "Depot chargers for e-buses"),
    ),
    "bike-share": (
        "micromobility",
        "mobility",
        (),
        ("Dock-free e-bike fleet, white label", "Bike-share stations + app"),
        ("Bike-share scheme, 500 bikes", "Operator for e-bike hire"),
    ),
    "smart-meter": (
        "metering",
        "energy",
        ("electricity", "heat", "gas"),
        ("Smart meter, wM-Bus, MID", "AMR head-end + meter supply"),
        ("Meter roll-out, 5,000 homes", "Remote reading for municipal meters"),
    ),
    "luminaire": (
        "lighting",
        "energy",
        ("DALI-2", "Zhaga", "NEMA socket"),
        ("LED street luminaire, 3000 K, 150 lm/W", "Post-top LED lantern, heritage style"),
        ("Street light retrofit, 2,400 pts", "LED lanterns for old town"),
    ),
    "lighting-cms": (
        "lighting",
        "energy",
        (),
        ("Street lighting CMS, node-level dimming", "Lamp controller + web console"),
        ("Remote dimming of street lights", "Fault reporting for lamp posts"),
    ),
    "rooftop-pv": (
        "solar",
        "energy",
        (),
        ("Rooftop PV, EPC, 10-500 kWp", "PV carport, turnkey"),
        ("PV on school roofs, 14 bldgs", "Solar for sports hall"),
    ),
    "bess": (
        "solar",
        "energy",
        ("LFP", "flow battery"),
        ("Containerised BESS, 1 MWh", "Behind-the-meter battery, 100 kWh"),
        ("Battery storage, bus depot", "Storage to firm PV, 500 kWh"),
    ),
    "bms": (
        "automation",
        "buildings",
        ("BACnet", "KNX", "Modbus"),
        ("BMS integration & commissioning", "Room controllers, HVAC + blinds"),
        ("BMS upgrade, town hall", "Central HVAC control, 9 schools"),
    ),
    "energy-audit": (
        "retrofit",
        "buildings",
        (),
        ("Energy audit to EN 16247", "EPC certificates + thermography"),
        ("Energy audits, 30 public bldgs", "Thermographic survey, kindergartens"),
    ),
    "facade-insulation": (
        "retrofit",
        "buildings",
        ("mineral wool", "EPS", "wood fibre"),
        ("ETICS facade system, A2 fire class", "External insulation, design & install"),
        ("Facade insulation, 1970s panel blocks", "Thermal envelope, 4 schools"),
    ),
    "leak-logger": (
        "network",
        "water",
        ("acoustic", "pressure transient"),
        ("Leak noise loggers, 4G", "Correlator + hydrophones"),
        ("Leak detection, DN100-300 mains", "NRW survey, 80 km"),
    ),
    "chlorine-probe": (
        "quality",
        "water",
        (),
        ("Multi-parameter probe: pH, turbidity, free Cl", "Online analyser panel, reservoirs"),
        ("Online chlorine monitoring, 15 tanks", "Turbidity alarms at intake"),
    ),
    "radar-level": (
        "quality",
        "water",
        (),
        ("Radar level gauge, rivers & culverts", "Flood gauge, solar + SMS"),
        ("River level alarms, 8 bridges", "Culvert blockage sensing"),
    ),
    "aq-node": (
        "air",
        "environment",
        ("PM2.5", "NO2", "O3"),
        ("Air quality node, indicative class", "Street-level AQ sensor kit"),
        ("AQ network, 25 points", "Pollution sensors near schools"),
    ),
    "noise-monitor": (
        "air",
        "environment",
        (),
        ("Class 1 noise terminal, outdoor", "Sound level logger, LAeq"),
        ("Noise monitoring, nightlife area", "Construction noise logging"),
    ),
    "tree-survey": (
        "green",
        "environment",
        (),
        ("Tree inventory, LiDAR + GIS", "Arboricultural survey, risk rating"),
        ("Street tree inventory, 12k trees", "Tree risk survey, parks"),
    ),
    "fill-sensor": (
        "waste",
        "circular-economy",
        ("ultrasonic", "radar", "weight"),
        ("Fill-level sensor, bins & banks", "Underground container sensor"),
        ("Fill sensors, 300 glass banks", "Bin monitoring, city centre"),
    ),
    "route-planner": (
        "waste",
        "circular-economy",
        (),
        ("Collection route planning SaaS", "Fleet routing for refuse trucks"),
        ("Optimised collection rounds", "Dynamic routes for bin lorries"),
    ),
    "textile-line": (
        "reuse",
        "circular-economy",
        (),
        ("Textile sorting line, NIR", "Post-consumer textile offtake"),
        ("Used textile collection partner", "Offtake for sorted clothing"),
    ),
    "permit-portal": (
        "e-services",
        "governance",
        (),
        ("Permit portal, eIDAS login", "Case management for licences"),
        ("Online building permits", "e-filing for trade licences"),
    ),
    "pb-platform": (
        "participation",
        "governance",
        (),
        ("Participatory budgeting platform", "Consultation & polling module"),
        ("Citizen budget voting tool", "Online consultation, masterplan"),
    ),
    "ckan": (
        "data",
        "ict",
        (),
        ("Open data portal, CKAN, hosted", "DCAT-AP catalogue + API"),
        ("Open data portal set-up", "Dataset publishing, DCAT-AP"),
    ),
    "twin": (
        "data",
        "ict",
        ("CityGML", "BIM/IFC"),
        ("3D city model / digital twin", "Photogrammetry mesh, 5 cm"),
        ("Digital twin, city centre", "3D model for planning dept."),
    ),
    "lora-net": (
        "connectivity",
        "ict",
        (),
        ("LoRaWAN gateways + network server", "City IoT network, managed"),
        ("City-wide LoRaWAN coverage", "IoT backbone for sensors"),
    ),
    "ot-pentest": (
        "infosec",
        "ict",
        (),
        ("OT/SCADA penetration test", "ISO 27001 gap audit"),
        ("Security audit, municipal IT", "Pen test, water SCADA"),
    ),
    "video-analytics": (
        "video",
        "safety",
        ("edge", "cloud"),
        ("Video analytics, people counting, masking", "ANPR + incident detection"),
        ("CCTV analytics, main square", "Crowd density alerts, stadium"),
    ),
    "cell-broadcast": (
        "alerting",
        "safety",
        (),
        ("Cell broadcast / SMS alerting", "Siren controller, IP"),
        ("Public warning system", "Flood alert messaging"),
    ),
    "telecare": (
        "care",
        "health",
        (),
        ("Fall-detect pendant + 24/7 telecare", "Home sensor kit, ADL monitoring"),
        ("Telecare, 400 elderly residents", "Remote monitoring, care homes"),
    ),
    "ems-cad": (
        "emergency-care",
        "health",
        (),
        ("CAD for EMS dispatch", "AVL + triage protocol module"),
        ("Ambulance dispatch system", "EMS call handling upgrade"),
    ),
    "footfall": (
        "visitors",
        "tourism",
        ("thermal", "Wi-Fi", "stereo video"),
        ("Footfall counter, bi-directional", "Visitor flow sensors, indoor/outdoor"),
        ("Visitor counting, old town", "Museum entry counts"),
    ),
    "city-app": (
        "visitors",
        "tourism",
        (),
        ("City guide app, AR, 6 lang.", "Audio guide platform, white label"),
        ("Tourist app + audio guide", "Heritage trail app"),
    ),
    "seed-ticket": (
        "capital",
        "governance",
        (),
        ("Seed tickets EUR 150k-750k, urban tech", "Pre-seed + follow-on, GovTech"),
        ("Seed round EUR 400k", "Angel / VC funding, pre-seed"),
    ),
    "pilot-cofund": (
        "capital",
        "governance",
        (),
        ("Pilot co-funding, up to 70 %", "Innovation voucher scheme"),
        ("Co-funding for pilot", "Grant match for demo site"),
    ),
}
_CAPITAL_SOURCES = {"seed-ticket": ("investor",), "pilot-cofund": ("investor", "public-body")}

TOPICS = tuple(
    Topic(key, family, domain, variants, _CAPITAL_SOURCES.get(key, SUPPLIERS))
    for key, (family, domain, variants, _, _) in _LINES.items()
)

_COUNTRIES = (
    ("BG", 30),
    ("RO", 10),
    ("GR", 8),
    ("DE", 8),
    ("AT", 5),
    ("NL", 5),
    ("PL", 6),
    ("CZ", 4),
    ("FI", 3),
    ("SE", 3),
    ("IT", 5),
    ("TR", 4),
    ("RS", 4),
    ("MK", 3),
)
_STEMS = (
    "Volt",
    "Grid",
    "Axis",
    "Terra",
    "Nodo",
    "Kvant",
    "Lumo",
    "Metra",
    "Vektor",
    "Strata",
    "Orbis",
    "Pylon",
    "Ferro",
    "Delta",
    "Sigma",
    "Rila",
    "Pirin",
    "Danub",
    "Balkan",
    "Vitosha",
)
_SUFFIXES = ("tec", "line", "sys", "tronic", "works", "lab", "net", "ware", "ix", "on")
_LEGAL = (
    "Ltd",
    "GmbH",
    "OOD",
    "EOOD",
    "S.R.L.",
    "AD",
    "B.V.",
    "s.r.o.",
    "Oy",
    "AB",
    "A.S.",
    "d.o.o.",
)
_TOWNS = (
    "Plovdiv",
    "Varna",
    "Ruse",
    "Burgas",
    "Pleven",
    "Gabrovo",
    "Cluj",
    "Brasov",
    "Patras",
    "Larissa",
    "Graz",
    "Linz",
    "Tampere",
    "Malmo",
    "Brno",
    "Lodz",
    "Nis",
    "Bitola",
    "Izmir",
    "Bari",
    "Eindhoven",
    "Kassel",
)
_UNITS = (
    "Dept. EE",
    "Dept. CS",
    "Fac. Civil Eng.",
    "Transport Lab",
    "Energy Lab",
    "Geomatics",
    "Env. Eng.",
    "IoT Lab",
    "Water Lab",
    "HCI group",
)
_SPEC_NOTES = (
    "Lead time 6 wks.",
    "EXW.",
    "CE, RoHS.",
    "Stock item.",
    "Framework agreement possible.",
    "Datasheet on request.",
    "5-yr warranty.",
    "Install incl.",
    "Reference sites in EU.",
)
_ASK_NOTES = (
    "Tender Q3.",
    "Budget approved.",
    "RFQ by end of month.",
    "Pilot first.",
    "Framework 4 yrs.",
    "Co-funded (ERDF).",
    "Spec attached at stand.",
)
_DESCRIPTIONS = {
    "company": (
        "Manufacturer. {n} staff.",
        "Distributor, SEE region.",
        "System integrator. ISO 9001.",
        "OEM + service.",
    ),
    "startup": ("Start-up, {n} FTE.", "Spin-off, TRL 7.", "Scale-up, 3 markets."),
    "city": ("Municipality, {k}k inhabitants.", "City admin., dept. of works."),
    "public-body": ("Regional agency.", "Utility, publicly owned.", "Ministry unit."),
    "research": ("Applied research institute.", "Test lab, accredited."),
    "university": ("Faculty of engineering.", "Univ. dept., smart systems group."),
    "cluster": ("ICT cluster, {n} members.", "Cleantech cluster."),
    "association": ("Trade association.", "Assoc. of municipalities."),
    "investor": ("VC fund, EUR {k}m.", "Angel network.", "Public innovation fund."),
}


class _Catalogue:
    name = "catalogue"
    countries = _COUNTRIES

    def organisation(self, rng: random.Random, sketch: Sketch) -> str:
        t = sketch.organisation_type
        town = rng.choice(_TOWNS)
        if t == "city":
            return f"Municipality of {town}" if rng.random() < 0.5 else f"{town} City Hall"
        if t == "public-body":
            return rng.choice(
                (
                    f"{town} Water Utility",
                    f"Regional Agency {town}",
                    f"{town} Transport Authority",
                    f"{town} Energy Agency",
                    f"{town} Port Authority",
                    f"{town} Health Insurance Fund",
                )
            )
        if t in ("research", "university"):
            unit = rng.choice(_UNITS)
            return rng.choice(
                (
                    f"{town} Tech Univ., {unit}",
                    f"{town} Applied Research Centre, {unit}",
                    f"Univ. of {town}, {unit}",
                )
            )
        if t == "cluster":
            return f"{rng.choice(_STEMS)} Cluster {town}"
        if t == "association":
            return f"Assoc. {rng.choice(_STEMS)} {town}"
        if t == "investor":
            return f"{rng.choice(_STEMS)} Capital {rng.choice(('I', 'II', 'III', 'Partners'))}"
        if rng.random() < 0.5:
            return f"{rng.choice(_STEMS)}{rng.choice(_SUFFIXES)} {rng.choice(_LEGAL)}"
        return f"{rng.choice(_STEMS)}{rng.choice(_SUFFIXES)} {town} {rng.choice(_LEGAL)}"

    def description(self, rng: random.Random, sketch: Sketch) -> str | None:
        if rng.random() < 0.3:
            return None
        return rng.choice(_DESCRIPTIONS[sketch.organisation_type]).format(
            n=rng.randint(4, 900), k=rng.randint(12, 900)
        )

    def opportunity(self, rng: random.Random, need: Need, sketch: Sketch) -> tuple[str, str | None]:
        _, _, _, offers, requests = _LINES[need.topic.key]
        line = rng.choice(offers if need.kind == "offer" else requests)
        if need.variant:
            line = f"{line}, {need.variant}" if need.kind == "offer" else f"{line} ({need.variant})"
        if rng.random() < 0.5:
            return line, None
        return line, rng.choice(_SPEC_NOTES if need.kind == "offer" else _ASK_NOTES)


def generate(n: int, seed: int) -> Corpus:
    return assemble(n, seed, TOPICS, _Catalogue())
