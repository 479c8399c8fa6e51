"""The demo's fair ground and the Sofia cluster's delegation with its visits.

A Fira Gran Via-like layout: eight halls in two rows along a central concourse, so walking from
one end to the other takes about ten minutes. The pavilions and stands the seed article names
are real names; every other exhibitor is invented. `load_expo` is idempotent.
"""

import datetime as dt
import random
import time

from django.db import transaction

from matchfair.community.models import Cluster, User
from matchfair.demo import scenario
from matchfair.events.models import Event, Registration
from matchfair.visits.domain.delegations import (
    create_delegation,
    eligible_registrations,
    propose_joint_visit,
    set_members,
    set_wish,
)
from matchfair.visits.domain.planning import plan_delegation
from matchfair.visits.models import Delegation, DelegationMember, Hall, Pavilion, Stand

DELEGATION_NAME = "Sofia City of Knowledge delegation"
HALL_WIDTH, HALL_DEPTH, HALL_GAP, CONCOURSE = 180.0, 120.0, 40.0, 60.0
PLAN_SECONDS = 6.0

# name, hall, country, (column, row) of the pavilion's corner in the hall, its size in metres
PAVILIONS = (
    ("Bavaria Pavilion", 3, "Germany (Bavaria)", (20, 15), (60, 40)),
    ("Portugal Pavilion", 5, "Portugal", (100, 20), (60, 45)),
    ("Scandinavia Pavilion", 7, "Denmark, Norway, Sweden", (20, 60), (70, 45)),
    ("Catalonia Pavilion", 1, "Spain (Catalonia)", (100, 60), (65, 45)),
    ("Nordic Pavilion", 8, "Finland", (90, 15), (70, 50)),
)
# code, exhibitor, organisation, country, hall, pavilion or "", description
NAMED_STANDS = (
    (
        "1A10",
        "AMEC Urbis",
        "AMEC Urbis",
        "Spain",
        1,
        "",
        "The Spanish association of smart-city and urban technology companies.",
    ),
    (
        "5P12",
        "Ubiwhere",
        "Ubiwhere",
        "Portugal",
        5,
        "Portugal Pavilion",
        "Smart-city platforms, mobility and 5G research and innovation from Aveiro.",
    ),
    (
        "4C20",
        "SCS cluster",
        "SCS",
        "France",
        4,
        "",
        "The Secure Communicating Solutions cluster from Provence-Alpes-Côte d'Azur.",
    ),
    (
        "4C22",
        "Minalogic cluster",
        "Minalogic",
        "France",
        4,
        "",
        "The digital technology cluster of Auvergne-Rhône-Alpes.",
    ),
    (
        "8N01",
        "Business Finland",
        "Business Finland",
        "Finland",
        8,
        "Nordic Pavilion",
        "Finland's agency for trade, innovation and investment.",
    ),
    (
        "8N02",
        "City of Tampere",
        "City of Tampere",
        "Finland",
        8,
        "Nordic Pavilion",
        "Smart Tampere: the city's programme for digital services and urban innovation.",
    ),
    (
        "3B05",
        "Munich Urban Mobility Lab",
        "Munich Urban Mobility Lab",
        "Germany",
        3,
        "Bavaria Pavilion",
        "Mobility data and on-demand transport pilots from Bavaria.",
    ),
    (
        "1K03",
        "Barcelona Urban Sensors",
        "Barcelona Urban Sensors",
        "Spain",
        1,
        "Catalonia Pavilion",
        "Air-quality and noise sensors for streets and schools.",
    ),
    (
        "7S04",
        "Øresund Data Harbour",
        "Øresund Data Harbour",
        "Denmark",
        7,
        "Scandinavia Pavilion",
        "Open urban data platforms for the Øresund region.",
    ),
)
FIRST = ("Urban", "Civic", "Smart", "Green", "Blue", "Open", "Metro", "Grid", "Terra", "Nova")
SECOND = ("Flow", "Sense", "Works", "Mobility", "Energy", "Data", "Light", "Water", "Labs", "Twin")
COUNTRIES = (
    "Spain",
    "France",
    "Germany",
    "Italy",
    "Netherlands",
    "Portugal",
    "Bulgaria",
    "Finland",
    "Austria",
    "Poland",
    "Korea",
    "Japan",
    "United States",
    "Israel",
)
TOPICS = (
    "traffic management",
    "district heating",
    "smart lighting",
    "water networks",
    "digital twins",
    "e-mobility charging",
    "waste collection",
    "public Wi-Fi",
    "citizen apps",
    "building energy",
)


def _hall_origin(number: int) -> tuple[float, float]:
    row, column = divmod(number - 1, 4)
    return column * (HALL_WIDTH + HALL_GAP), row * (HALL_DEPTH + CONCOURSE)


def _venue(event: Event) -> None:
    halls = {}
    for number in range(1, 9):
        x, y = _hall_origin(number)
        halls[number] = Hall(
            event=event,
            name=f"Hall {number}",
            x=x,
            y=y,
            width=HALL_WIDTH,
            depth=HALL_DEPTH,
            opens=dt.time(9, 30),
            closes=dt.time(18, 30),
            has_entrance=number == 1,
        )
    Hall.objects.bulk_create(halls.values())
    pavilions = {}
    for name, number, country, (px, py), (width, depth) in PAVILIONS:
        hall = halls[number]
        pavilions[name] = Pavilion.objects.create(
            event=event,
            hall=hall,
            name=name,
            country=country,
            x=hall.x + px,
            y=hall.y + py,
            width=width,
            depth=depth,
        )
    stands = []
    used: dict[int, int] = {}

    def spot(number: int, pavilion: Pavilion | None) -> tuple[float, float]:
        """The next free 6 × 4 m spot: inside the pavilion, or along the hall's lower aisles."""
        index = used.get(pavilion.pk if pavilion else -number, 0)
        used[pavilion.pk if pavilion else -number] = index + 1
        if pavilion is not None:
            row, column = divmod(index, 5)
            return pavilion.x + 4 + column * 11, pavilion.y + 6 + row * 10
        hall = halls[number]
        row, column = divmod(index, 12)
        return hall.x + 6 + column * 14, hall.y + hall.depth - 14 - row * 10

    for code, exhibitor, organisation, country, number, pavilion_name, text in NAMED_STANDS:
        pavilion = pavilions.get(pavilion_name)
        x, y = spot(number, pavilion)
        stands.append(
            Stand(
                event=event,
                hall=halls[number],
                pavilion=pavilion,
                code=code,
                exhibitor=exhibitor,
                organisation=organisation,
                country=country,
                description=text,
                website=f"https://{code.lower()}.example.demo",
                x=x,
                y=y,
                width=6,
                depth=4,
            )
        )
    rng = random.Random(scenario.SEED)
    names = [f"{a} {b}" for a in FIRST for b in SECOND]
    rng.shuffle(names)
    for index, name in enumerate(names[:42]):
        number = index % 8 + 1
        x, y = spot(number, None)
        closes = dt.time(16, 0) if index % 9 == 4 else None
        stands.append(
            Stand(
                event=event,
                hall=halls[number],
                code=f"{number}F{index + 10:02d}",
                exhibitor=f"{name} {rng.choice(('GmbH', 'SL', 'SAS', 'Oy', 'Ltd', 'BV', 'AD'))}",
                organisation=name,
                country=rng.choice(COUNTRIES),
                description=f"Solutions for {rng.choice(TOPICS)} in mid-sized cities.",
                x=x,
                y=y,
                width=6,
                depth=4,
                opens=dt.time(10, 0) if closes else None,
                closes=closes,
            )
        )
    Stand.objects.bulk_create(stands)


def _delegate_registration(event: Event) -> None:
    """The cluster's delegate comes to the expo with the delegation."""
    delegate = User.objects.filter(email=scenario.DELEGATE.email).first()
    lead = event.organisers.filter(is_lead=True).first()
    if delegate is not None and lead is not None:
        Registration.objects.get_or_create(
            event=event,
            user=delegate,
            defaults={
                "organiser": lead,
                "status": Registration.Status.VALIDATED,
                "headline": "Leads the Sofia cluster's delegation",
            },
        )


def _delegation(event: Event) -> Delegation:
    cluster = Cluster.objects.get(organisation__name=scenario.LEAD.name)
    organiser = User.objects.get(email=scenario.ORGANISER.email)
    delegation = create_delegation(
        event=event,
        cluster=cluster,
        name=DELEGATION_NAME,
        by=organiser,
        first_day=scenario.EXPO_DAYS[0],
        last_day=scenario.EXPO_DAYS[-1],
    )
    members = set_members(
        delegation=delegation,
        registrations=list(eligible_registrations(event, cluster)),
        by=organiser,
    )
    rng = random.Random(scenario.SEED + 6)
    pavilions = {p.name: p for p in Pavilion.objects.filter(event=event)}
    named = {
        s.exhibitor: s
        for s in Stand.objects.filter(event=event, exhibitor__in=[row[1] for row in NAMED_STANDS])
    }
    others = list(Stand.objects.filter(event=event).exclude(pk__in=[s.pk for s in named.values()]))
    for member in members:
        choices = rng.sample(list(named.values()), 2) + rng.sample(others, rng.randint(1, 3))
        for stand in choices:
            set_wish(
                member=member,
                stand=stand,
                priority=rng.choice((1, 2, 2, 3)),
                by=member.registration.user,
            )
        if rng.random() < 0.4:
            set_wish(
                member=member,
                pavilion=rng.choice(list(pavilions.values())),
                priority=2,
                by=member.registration.user,
            )
    fixed = [
        member
        for member in members
        if member.registration.user.email in (scenario.MEMBER.email, scenario.DELEGATE.email)
    ]
    rest = [member for member in members if member not in fixed]
    joint = (
        ("Bavaria Pavilion", 30, 3, scenario.EXPO_DAYS[0]),
        ("Nordic Pavilion", 40, 3, scenario.EXPO_DAYS[1]),
        ("Portugal Pavilion", 30, 2, None),
        ("Catalonia Pavilion", 30, 2, None),
    )
    for index, (name, minutes, priority, day) in enumerate(joint):
        company = fixed + rest[index * 3 : index * 3 + 3]
        propose_joint_visit(
            delegation=delegation,
            members=company,
            pavilion=pavilions[name],
            minutes=minutes,
            priority=priority,
            day=day,
            by=organiser,
        )
    return delegation


def load_venue(event: Event) -> None:
    """Add the halls, pavilions and stands (once). The walking minutes between the halls bind the
    meeting schedule, so the demo loads them before it solves."""
    with transaction.atomic():
        if not Hall.objects.filter(event=event).exists():
            _venue(event)


def load_expo(event: Event, *, seconds: float = PLAN_SECONDS) -> Delegation:
    """Add the venue, the delegation, its wishes and joint visits, and plan them (once)."""
    started = time.perf_counter()
    load_venue(event)
    with transaction.atomic():
        _delegate_registration(event)
        delegation = Delegation.objects.filter(event=event, name=DELEGATION_NAME).first()
        if delegation is None:
            delegation = _delegation(event)
    if (
        delegation.planned is None
        and DelegationMember.objects.filter(delegation=delegation).exists()
    ):
        budget = max(1.0, seconds - (time.perf_counter() - started))
        plan_delegation(delegation=delegation, seconds=budget)
        delegation.refresh_from_db()
    return delegation
