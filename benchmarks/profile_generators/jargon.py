"""Acronym soup and mixed languages: English offers thick with standards and abbreviations,
requests in German, Spanish or Bulgarian with the same acronyms dropped in."""

from __future__ import annotations

import random

from .corpus import SUPPLIERS, Corpus, Need, Sketch, Topic, assemble

# key: (family, domain, variants, sources, offers, requests)
_SOUP: dict[
    str, tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
] = {
    "its-centre": (
        "traffic",
        "mobility",
        ("C-ITS", "UTMC"),
        SUPPLIERS,
        ("UTC/ITS platform, DATEX II, NTCIP 1202 ASC", "RSU + C-ITS Day-1 (GLOSA, SPaT/MAP)"),
        (
            "Suchen ITS-Partner: LSA-Steuerung, Verkehrsrechner",
            "Buscamos integrador ITS para semáforos y centro de control",
            "Търсим интегратор за светофарни уредби и ITS център",
        ),
    ),
    "lez-anpr": (
        "enforcement",
        "mobility",
        (),
        SUPPLIERS,
        ("ANPR/LPR for LEZ enforcement, GDPR-by-design", "LEZ back-office + ALPR edge cams"),
        (
            "Umweltzone: Kontrolle per Kennzeichenerkennung",
            "Control de ZBE con cámaras LPR",
            "Контрол на зона с ниски емисии – камери за номера",
        ),
    ),
    "scooter-data": (
        "micromobility",
        "mobility",
        (),
        SUPPLIERS,
        (
            "MDS/GBFS hub for e-scooter fleets, geofencing API",
            "Micromobility ops dashboard, MDS 2.0",
        ),
        (
            "E-Scooter-Verleih: Geofencing und Flottendaten",
            "Регулиране на тротинетки под наем – GBFS/MDS данни",
        ),
    ),
    "maas": (
        "transit",
        "mobility",
        (),
        SUPPLIERS,
        ("MaaS backend, GTFS/NeTEx, ABT ticketing", "MaaS SDK + white-label app, EMV tap"),
        (
            "Plataforma MaaS con billetaje ABT",
            "MaaS-App für den ÖPNV, NeTEx-Import",
            "MaaS приложение за градския транспорт",
        ),
    ),
    "scada-wwtp": (
        "water-ops",
        "water",
        ("Siemens PCS 7", "Schneider EcoStruxure"),
        SUPPLIERS,
        ("SCADA for WWTP/DWTP, OPC UA, IEC 62443", "PLC/RTU retrofit + HMI, Modbus TCP"),
        (
            "Kläranlage: Erneuerung der Prozessleittechnik (PLS)",
            "Модернизация на SCADA за ПСОВ",
            "Telecontrol de EDAR y depósitos",
        ),
    ),
    "ami-water": (
        "metering",
        "water",
        ("LoRaWAN", "NB-IoT", "wM-Bus"),
        SUPPLIERS,
        ("AMI for water: smart meters + MDM", "Ultrasonic meter, IP68, AMR/AMI ready"),
        (
            "Telelectura de contadores de agua",
            "Fernauslesung der Wasserzähler",
            "Дистанционно отчитане на водомери",
        ),
    ),
    "gis-hydraulic": (
        "assets",
        "water",
        (),
        SUPPLIERS,
        ("GIS asset registry (QGIS/ESRI) + EPANET model", "Network DMA design, PRV optimisation"),
        (
            "GIS de la red de abastecimiento + modelo hidráulico",
            "Leitungskataster (GIS) für Wasserversorgung",
        ),
    ),
    "iso50001": (
        "energy-mgmt",
        "energy",
        (),
        SUPPLIERS,
        ("EnMS per ISO 50001, M&V (IPMVP), KPI BI", "Energy monitoring SaaS, sub-metering, EnPI"),
        (
            "Energiemanagementsystem nach ISO 50001 für die Kommune",
            "Система за енергиен мениджмънт по ISO 50001",
        ),
    ),
    "esco": (
        "energy-mgmt",
        "energy",
        (),
        SUPPLIERS,
        ("ESCO: EPC/ESPC, guaranteed savings", "Energy performance contracting, shared savings"),
        (
            "Contrato ESE de rendimiento energético, edificios municipales",
            "Energiespar-Contracting für Schulen",
        ),
    ),
    "v2g": (
        "charging",
        "energy",
        ("ISO 15118-20", "CHAdeMO"),
        SUPPLIERS,
        ("Bidirectional DC chargers (V2G) + CPMS, OCPP 2.0.1", "V2G aggregation for FCR/aFRR"),
        ("Bidirektionales Laden (V2G) – Pilotprojekt", "Piloto V2G para flota municipal"),
    ),
    "heat-pump": (
        "hvac",
        "buildings",
        ("R290", "CO2 (R744)"),
        SUPPLIERS,
        ("A2W HP retrofit, HVAC design, BIM LOD 300", "HP cascade for MFH, DHW + SH"),
        (
            "Wärmepumpen-Nachrüstung im Bestand, Heizlast nach DIN EN 12831",
            "Aerotermia para colegio (bomba de calor)",
            "Термопомпи за детски градини – проект и монтаж",
        ),
    ),
    "bim-cafm": (
        "bim",
        "buildings",
        (),
        SUPPLIERS,
        ("BIM (IFC) to CAFM, COBie handover", "Scan-to-BIM, LOD 400, FM integration"),
        ("BIM-basiertes Facility Management (CAFM)", "BIM модел и CAFM за общински сгради"),
    ),
    "lca-epd": (
        "materials",
        "circular-economy",
        (),
        SUPPLIERS,
        ("LCA & EPD per EN 15804+A2, circularity KPIs", "Material passport (BAMB), LCA tooling"),
        ("Ökobilanz (LCA/EPD) für Recyclingbeton", "ACV y DAP para materiales reciclados"),
    ),
    "mrf-ai": (
        "waste",
        "circular-economy",
        (),
        SUPPLIERS,
        ("AI vision for MRF sorting, NIR + delta robot", "Optical sorter retrofit, PET/HDPE/PP"),
        ("Sortieranlage (MRF) mit KI-Sortierung", "Сепарираща инсталация за отпадъци с AI/NIR"),
    ),
    "payt": (
        "waste",
        "circular-economy",
        ("RFID", "chip card"),
        SUPPLIERS,
        ("PAYT: RFID bins, on-board weighing, billing", "Waste ID + billing integration, EN 14803"),
        ("Sistema PxG (pago por generación)", "Система „плащаш колкото изхвърляш“ (PAYT)"),
    ),
    "aq-lcs": (
        "air",
        "environment",
        ("PM", "NOx"),
        SUPPLIERS,
        ("LCS AQ network, QA/QC per CEN/TS 17660, API", "AQ micro-stations + AQI dashboard"),
        (
            "Red de sensores de calidad del aire (PM10, NO2)",
            "Luftgüte-Messnetz mit Low-Cost-Sensoren",
            "Мрежа от сензори за КАВ (ФПЧ10)",
        ),
    ),
    "end-noise": (
        "acoustics",
        "environment",
        (),
        SUPPLIERS,
        ("END noise mapping, CNOSSOS-EU, NAP", "Noise modelling (SoundPLAN), LDEN/LNIGHT"),
        ("Lärmkartierung nach Umgebungslärmrichtlinie", "Mapa estratégico de ruido (CNOSSOS)"),
    ),
    "eidas": (
        "e-gov",
        "governance",
        (),
        SUPPLIERS,
        ("eIDAS node, SSO/OIDC, QES e-signature", "EUDI wallet RP integration, SAML/OIDC"),
        ("Ventanilla única con Cl@ve / eIDAS", "Електронна идентификация и КЕП за е-услуги"),
    ),
    "public-erp": (
        "back-office",
        "governance",
        (),
        SUPPLIERS,
        ("Public-sector ERP, IPSAS, S/4HANA migration", "Budget & HR suite for LGUs, SaaS"),
        (
            "Haushalts-ERP (Doppik) für die Gemeinde",
            "ERP система за общината – бюджетно счетоводство",
        ),
    ),
    "ngsi-ld": (
        "iot",
        "ict",
        ("FIWARE Orion-LD", "Eclipse Ditto"),
        SUPPLIERS,
        ("IoT platform, NGSI-LD context broker, SDM", "Edge-to-cloud IoT stack, MQTT/CoAP, K8s"),
        ("Plataforma IoT municipal (FIWARE)", "IoT-Plattform (NGSI-LD) für die Smart City"),
    ),
    "mssp": (
        "infosec",
        "ict",
        (),
        SUPPLIERS,
        ("MSSP: SOC/SIEM 24/7, NIS2, ISO 27001", "MDR/XDR + IR retainer, CSIRT liaison"),
        ("NIS2-Umsetzung: SOC-as-a-Service", "SOC 24/7 и съответствие с NIS2"),
    ),
    "ppdr": (
        "comms",
        "safety",
        (),
        SUPPLIERS,
        ("TETRA/MCX mission-critical PTT, LTE-PPDR", "MCPTT app + rugged UE, 3GPP R17"),
        ("Red de emergencias TETRA/MCPTT", "BOS-Digitalfunk: Erweiterung der Netzabdeckung"),
    ),
    "ews": (
        "alerting",
        "safety",
        (),
        SUPPLIERS,
        ("EWS: CAP alerts, sirens, EU-Alert (CB)", "Multi-channel PWS, CAP 1.2 gateway"),
        (
            "Система за ранно предупреждение – сирени и cell broadcast",
            "Sistema de alerta temprana (ES-Alert)",
        ),
    ),
    "fhir": (
        "clinical-data",
        "health",
        (),
        SUPPLIERS,
        (
            "EHR interop: HL7 FHIR R4, IHE XDS, SNOMED CT",
            "FHIR facade for legacy HIS, HL7 v2 mapping",
        ),
        (
            "Interoperabilidad de la HCE con FHIR",
            "Електронно здравно досие – интеграция с HL7 FHIR",
        ),
    ),
    "aal": (
        "ageing",
        "health",
        (),
        SUPPLIERS,
        ("AAL kit: PERS, fall detection, ADL sensing", "AAL platform, ARC integration, SCAIP"),
        ("Hausnotruf + AAL für Senioren-WG", "Teleasistencia domiciliaria con sensores"),
    ),
    "dmo-bi": (
        "visitors",
        "tourism",
        (),
        SUPPLIERS,
        (
            "DMO BI: OTA data, Wi-Fi analytics, footfall KPIs",
            "Tourism data space connector (IDS/Gaia-X)",
        ),
        ("Cuadro de mando turístico para la DMO", "Туристически анализи за ДМО – данни от OTA"),
    ),
    "vc": (
        "capital",
        "governance",
        (),
        ("investor",),
        ("VC: pre-seed/seed, EUR 250k-1M, SaaS/DeepTech", "CVC: follow-on Series A, B2G"),
        ("Seed-Finanzierungsrunde gesucht", "Ronda semilla: buscamos VC", "Търсим VC за seed рунд"),
    ),
    "eu-pmo": (
        "capital",
        "governance",
        (),
        ("cluster", "association", "public-body", "university"),
        (
            "EU funding: HEU, Interreg, CEF – proposal & PMO",
            "Consortium building + grant management",
        ),
        (
            "Socio coordinador para propuesta Horizon Europe",
            "Партньор за проект по Interreg / Хоризонт Европа",
        ),
    ),
}

TOPICS = tuple(
    Topic(key, family, domain, variants, sources)
    for key, (family, domain, variants, sources, _, _) in _SOUP.items()
)

_OFFER_LABELS = ("", "", "", "Angebot: ", "Ofrecemos: ", "Предлагаме: ", "USP: ")
_OFFER_NOTES = (
    "TRL 8-9, CE/UKCA, ISO 9001/27001.",
    "SaaS or on-prem (K8s), SLA 99.9 %, GDPR/DSGVO.",
    "Refs: DE, AT, ES. DACH support 24/7.",
    "Open APIs (REST/MQTT), no vendor lock-in.",
    "PoC in 6-8 wks, TCO -30 %.",
    "BSI C5 / ENS alto certificado.",
)
_ASK_NOTES = (
    "Ausschreibung Q2, Budget ca. EUR 200k.",
    "Licitación en 2027, fondos NextGenEU / PRTR.",
    "Финансиране по ПВУ, срок Q3.",
    "Vergabe nach VgV/UVgO.",
    "Обществена поръчка по ЗОП, 2027.",
    "Pliego técnico disponible en el stand.",
    "KfW-gefördert, Start 2027.",
)
_PLACES = (
    (
        "DE",
        "Stadtwerke {t}",
        "Stadt {t}",
        ("Kassel", "Ulm", "Jena", "Bamberg", "Trier", "Kiel", "Gera", "Görlitz"),
    ),
    ("AT", "Stadtwerke {t}", "Magistrat {t}", ("Graz", "Linz", "Villach", "Wels", "Dornbirn")),
    (
        "ES",
        "Aguas de {t}",
        "Ayuntamiento de {t}",
        ("Zaragoza", "Murcia", "Gijón", "Vigo", "Cáceres", "Logroño", "Huesca"),
    ),
    (
        "BG",
        "ВиК {t}",
        "Община {t}",
        ("Русе", "Стара Загора", "Габрово", "Плевен", "Шумен", "Смолян", "Добрич"),
    ),
    ("CH", "Werke {t}", "Stadt {t}", ("Winterthur", "Luzern", "Biel")),
    ("MX", "Servicios Urbanos {t}", "Municipio de {t}", ("Puebla", "León", "Mérida")),
)
_CO_HEADS = (
    "Data",
    "Netz",
    "Cyber",
    "Geo",
    "Hydro",
    "Telekom",
    "Energie",
    "Umwelt",
    "Info",
    "Sistemas",
    "Redes",
    "Техно",
    "Софт",
    "Енерго",
)
_CO_TAILS = ("X", "Pro", "Sys", "Tec", "Logic", "Werk", "Lab", "Nova", "Plus", "Cloud", "Sense")
_LEGAL = {"DE": "GmbH", "AT": "GmbH", "CH": "AG", "ES": "S.L.", "MX": "S.A. de C.V.", "BG": "ЕООД"}


class _Jargon:
    name = "jargon"
    countries = (("DE", 22), ("AT", 8), ("ES", 20), ("BG", 25), ("CH", 5), ("MX", 4))

    def organisation(self, rng: random.Random, sketch: Sketch) -> str:
        _, utility, city, towns = next(p for p in _PLACES if p[0] == sketch.country)
        town = rng.choice(towns)
        t = sketch.organisation_type
        if t == "city":
            return city.format(t=town)
        if t == "public-body":
            return utility.format(t=town)
        if t in ("research", "university"):
            return (
                rng.choice(
                    (
                        f"Fraunhofer-Projektgruppe {town}",
                        f"TU {town}",
                        f"Universidad de {town}",
                        f"ТУ {town}",
                        f"{town} R&D Centre",
                    )
                )
                + f" {rng.choice(('ITS', 'IoT', 'EE', 'GIS', 'HVAC', 'ICT', 'ENV'))}"
            )
        if t in ("cluster", "association"):
            return f"{rng.choice(('Cluster', 'Verband', 'Asociación', 'Клъстер'))} {rng.choice(_CO_HEADS)}{rng.choice(_CO_TAILS)} {town}"
        if t == "investor":
            return f"{rng.choice(_CO_HEADS)}{rng.choice(_CO_TAILS)} Ventures"
        legal = _LEGAL[sketch.country]
        return f"{rng.choice(_CO_HEADS)}{rng.choice(_CO_TAILS)} {rng.choice(('', town + ' '))}{legal}".replace(
            "  ", " "
        )

    def description(self, rng: random.Random, sketch: Sketch) -> str | None:
        if rng.random() < 0.4:
            return None
        t = sketch.organisation_type
        if t in ("city", "public-body"):
            return rng.choice(
                (
                    "Kommunaler Eigenbetrieb.",
                    "Entidad pública local.",
                    "Общинско предприятие.",
                    "Smart-City-Strategie 2030.",
                )
            )
        return rng.choice(
            (
                "B2G, DACH + Iberia.",
                "KMU, ISO 9001.",
                "Pyme tecnológica.",
                "Стартъп, TRL 7.",
                "R&D + SI, EU H2020 alumni.",
            )
        )

    def opportunity(self, rng: random.Random, need: Need, sketch: Sketch) -> tuple[str, str | None]:
        _, _, _, _, offers, requests = _SOUP[need.topic.key]
        if need.kind == "offer":
            title = rng.choice(_OFFER_LABELS) + rng.choice(offers)
            notes: tuple[str, ...] = _OFFER_NOTES
        else:
            title = rng.choice(requests)
            notes = _ASK_NOTES
        if need.variant:
            title = f"{title} [{need.variant}]"
        return title, (rng.choice(notes) if rng.random() < 0.6 else None)


def generate(n: int, seed: int) -> Corpus:
    return assemble(n, seed, TOPICS, _Jargon())
