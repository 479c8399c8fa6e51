"""A small hand-written set in Bulgarian and English, as the demo cluster's members write.

Many Bulgarian requests are answered only by English offers and the other way round, and some
competitors say the same thing in two languages. Each opportunity carries a hidden topic;
relevance is 2 for the same topic, 1 for a topic listed in `_PARTLY` with it, 0 otherwise.
"""

from __future__ import annotations

import re
from typing import Any

from .corpus import FORMAT, Corpus

# id, organisation, type, country, domains (None: not filled in), [(kind, title, topic)]
_PEOPLE: list[tuple[str, str, str, str, list[str] | None, list[tuple[str, str, str]]]] = [
    (
        "b1",
        "Община Габрово",
        "city",
        "BG",
        ["mobility", "energy"],
        [
            ("request", "Сензори за паркоместа в центъра на града", "parking"),
            ("request", "Подмяна на уличното осветление с енергоспестяващо", "street-light"),
        ],
    ),
    (
        "b2",
        "Parkwise Ltd",
        "company",
        "IE",
        ["mobility"],
        [
            ("offer", "On-street parking sensors with a driver app", "parking"),
        ],
    ),
    (
        "b3",
        "Kerbsense GmbH",
        "company",
        "DE",
        ["mobility", "ict"],
        [
            ("offer", "On-street parking sensors with a driver app", "parking"),
        ],
    ),
    (
        "b4",
        "Лумен Тех ООД",
        "company",
        "BG",
        None,
        [
            ("offer", "LED улични осветители с дистанционно управление", "street-light"),
        ],
    ),
    (
        "b5",
        "Brightway Lighting B.V.",
        "company",
        "NL",
        ["energy"],
        [
            ("offer", "Connected LED street lighting with remote dimming", "street-light"),
        ],
    ),
    (
        "b6",
        "Община Русе",
        "city",
        "BG",
        ["water", "environment"],
        [
            ("request", "Откриване на течове във водопроводната мрежа", "leak"),
            ("request", "Мрежа за измерване на качеството на въздуха", "air"),
        ],
    ),
    (
        "b7",
        "AquaListen Oy",
        "company",
        "FI",
        ["water"],
        [
            ("offer", "Acoustic leak detection for water mains", "leak"),
        ],
    ),
    (
        "b8",
        "ВиК Плевен ЕООД",
        "public-body",
        "BG",
        None,
        [
            ("request", "Онлайн наблюдение на качеството на питейната вода", "water-quality"),
        ],
    ),
    (
        "b9",
        "ClearFlow Instruments S.A.",
        "company",
        "GR",
        ["water", "health"],
        [
            ("offer", "Online drinking water probes: chlorine, turbidity, pH", "water-quality"),
        ],
    ),
    (
        "b10",
        "Breathe Sensors sp. z o.o.",
        "startup",
        "PL",
        ["environment"],
        [
            ("offer", "Low-cost air quality sensor network with a public map", "air"),
        ],
    ),
    (
        "b11",
        "Столична община",
        "city",
        "BG",
        ["mobility"],
        [
            ("request", "Адаптивно управление на светофарите по булевардите", "signals"),
            ("request", "Публични зарядни станции за електромобили", "ev-charging"),
        ],
    ),
    (
        "b12",
        "GreenWave Traffic S.L.",
        "company",
        "ES",
        ["mobility", "ict"],
        [
            ("offer", "Adaptive traffic signal control for arterial roads", "signals"),
        ],
    ),
    (
        "b13",
        "Волт Чардж АД",
        "company",
        "BG",
        ["mobility", "energy"],
        [
            (
                "offer",
                "Зарядни станции за електромобили – доставка, монтаж и поддръжка",
                "ev-charging",
            ),
        ],
    ),
    (
        "b14",
        "Ampere Road B.V.",
        "company",
        "NL",
        None,
        [
            (
                "offer",
                "Public EV charging stations: supply, installation and maintenance",
                "ev-charging",
            ),
        ],
    ),
    (
        "b15",
        "Технически университет – Габрово",
        "university",
        "BG",
        ["buildings"],
        [
            ("offer", "Енергийни обследвания и термография на сгради", "energy-audit"),
            ("request", "Координатор за проектно предложение по „Хоризонт Европа“", "eu-partner"),
        ],
    ),
    (
        "b16",
        "Balkan Smart Cities Cluster",
        "cluster",
        "BG",
        ["governance"],
        [
            ("offer", "EU proposal writing and consortium building", "eu-partner"),
        ],
    ),
    (
        "b17",
        "Община Бургас",
        "city",
        "BG",
        ["buildings", "tourism"],
        [
            ("request", "Саниране и топлоизолация на общински сгради", "insulation"),
            ("request", "Мобилно приложение за туристи с аудиогид", "tourism-app"),
        ],
    ),
    (
        "b18",
        "ThermoShield S.R.L.",
        "company",
        "RO",
        ["buildings"],
        [
            ("offer", "External wall insulation for apartment blocks and schools", "insulation"),
        ],
    ),
    (
        "b19",
        "GuideMe Apps Lda",
        "startup",
        "PT",
        ["tourism"],
        [
            ("offer", "City guide app with audio tours in eight languages", "tourism-app"),
        ],
    ),
    (
        "b20",
        "Сигнал Софт ЕООД",
        "startup",
        "BG",
        ["tourism", "ict"],
        [
            ("offer", "Туристически мобилни приложения с аудиогид и карти", "tourism-app"),
        ],
    ),
    (
        "b21",
        "Областна администрация Враца",
        "public-body",
        "BG",
        ["health"],
        [
            ("request", "Дистанционно наблюдение на възрастни хора, които живеят сами", "telecare"),
        ],
    ),
    (
        "b22",
        "CareLink Health AB",
        "company",
        "SE",
        None,
        [
            (
                "offer",
                "Telecare alarms and fall detection for older people living alone",
                "telecare",
            ),
        ],
    ),
    (
        "b23",
        "Община Пловдив",
        "city",
        "BG",
        ["circular-economy", "ict"],
        [
            ("request", "Сензори за запълване на контейнерите за отпадъци", "waste-sensors"),
            ("request", "Защита на общинските информационни системи от кибератаки", "cyber"),
        ],
    ),
    (
        "b24",
        "BinSense OÜ",
        "startup",
        "EE",
        ["circular-economy"],
        [
            (
                "offer",
                "Fill-level sensors for waste containers and route planning",
                "waste-sensors",
            ),
        ],
    ),
    (
        "b25",
        "Кибер Щит ООД",
        "company",
        "BG",
        ["ict", "safety"],
        [
            ("offer", "Денонощен мониторинг на киберсигурността (SOC)", "cyber"),
        ],
    ),
    (
        "b26",
        "SecureCity Ltd",
        "company",
        "CY",
        ["ict"],
        [
            ("offer", "24/7 security operations centre (SOC) for municipalities", "cyber"),
        ],
    ),
    (
        "b27",
        "City of Thessaloniki",
        "city",
        "GR",
        ["governance", "ict"],
        [
            (
                "request",
                "Citizen e-services portal with qualified electronic signature",
                "e-services",
            ),
            ("request", "LoRaWAN network for the city's sensors", "lorawan"),
        ],
    ),
    (
        "b28",
        "Е-Общини АД",
        "company",
        "BG",
        ["governance"],
        [
            ("offer", "Портал за електронни административни услуги с КЕП", "e-services"),
        ],
    ),
    (
        "b29",
        "ЛораНет ООД",
        "startup",
        "BG",
        ["ict"],
        [
            ("offer", "Изграждане на LoRaWAN мрежа за целия град", "lorawan"),
            ("request", "Търсим инвеститор за начален (seed) рунд", "funding"),
        ],
    ),
    (
        "b30",
        "Danube Ventures",
        "investor",
        "AT",
        None,
        [
            ("offer", "Seed investment for smart-city start-ups", "funding"),
        ],
    ),
    (
        "b31",
        "Фондация „Отворени данни“",
        "association",
        "BG",
        ["governance"],
        [
            ("offer", "Портали за отворени данни и обучения за общини", "open-data"),
        ],
    ),
    (
        "b32",
        "City of Skopje",
        "city",
        "MK",
        ["governance", "buildings"],
        [
            ("request", "Open data portal for the municipality", "open-data"),
            ("request", "Heat pumps for kindergartens", "heat-pumps"),
        ],
    ),
    (
        "b33",
        "Термотех ЕООД",
        "company",
        "BG",
        ["buildings", "energy"],
        [
            ("offer", "Термопомпи въздух-вода – проектиране и монтаж", "heat-pumps"),
        ],
    ),
    (
        "b34",
        "Община Свиленград",
        "city",
        "BG",
        None,
        [
            ("request", "Ранно предупреждение при наводнения от река Марица", "flood"),
        ],
    ),
    (
        "b35",
        "HydroAlert AG",
        "company",
        "CH",
        ["water", "safety"],
        [
            ("offer", "River level sensors and flood early warning", "flood"),
        ],
    ),
    (
        "b36",
        "  община  габрово",
        "city",
        "BG",
        ["buildings"],
        [
            ("request", "Енергийно обследване на училищата", "energy-audit"),
        ],
    ),
    (
        "b37",
        "Energy Audit Partners Ltd",
        "company",
        "GB",
        ["buildings", "energy"],
        [
            ("offer", "Energy audits and thermal imaging of public buildings", "energy-audit"),
        ],
    ),
    (
        "b38",
        "Енергийна агенция Пловдив",
        "public-body",
        "BG",
        ["energy"],
        [
            ("offer", "Енергийни обследвания и консултации за общини", "energy-audit"),
            ("request", "Наблюдение на качеството на въздуха в училищата", "air"),
        ],
    ),
]

# Topics that partly answer one another.
_PARTLY = {
    frozenset(("insulation", "energy-audit")),
    frozenset(("heat-pumps", "energy-audit")),
    frozenset(("leak", "water-quality")),
}

# Same thing offered, none of the pair asking for what the other offers: never a match.
_COMPETITORS = [("b2", "b3"), ("b4", "b5"), ("b13", "b14"), ("b19", "b20"), ("b25", "b26")]

_CYRILLIC = re.compile("[\u0400-\u04ff]")


def written_in_bulgarian(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _org(name: str) -> str:
    return " ".join(name.lower().split())


def bilingual() -> Corpus:
    participants: list[dict[str, Any]] = []
    for pid, organisation, org_type, country, domains, opportunities in _PEOPLE:
        p: dict[str, Any] = {
            "id": pid,
            "organisation": organisation,
            "organisation_type": org_type,
            "country": country,
            "opportunities": [{"kind": k, "title": t} for k, t, _ in opportunities],
        }
        if domains is not None:
            p["domains"] = domains
        participants.append(p)
    relevance: dict[str, dict[str, int]] = {pid: {} for pid, *_ in _PEOPLE}
    org = {pid: _org(name) for pid, name, *_ in _PEOPLE}
    for a, _, _, _, _, wants in _PEOPLE:
        for b, _, _, _, _, has in _PEOPLE:
            if org[a] == org[b]:
                continue
            for kind, _, topic in wants:
                if kind != "request":
                    continue
                for other_kind, _, other_topic in has:
                    if other_kind != "offer":
                        continue
                    grade = 2 if topic == other_topic else 0
                    if frozenset((topic, other_topic)) in _PARTLY:
                        grade = 1
                    for x, y in ((a, b), (b, a)):
                        if grade > relevance[x].get(y, 0):
                            relevance[x][y] = grade
    return Corpus(
        name="bilingual",
        document={"format": FORMAT, "participants": participants},
        relevance=relevance,
        competitor_traps=list(_COMPETITORS),
    )
