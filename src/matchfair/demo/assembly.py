"""The partnership's assembly in the demo, all through the assembly's domain functions.

Last year's annual meeting is over: its twelve members' delegates were checked in, the chair,
vice-chair and a five-seat board were elected by secret ballot (every ballot cast with
`cast_ballot`), counted and published with their ballot boards, the work plan adopted, and the
minutes published. This year's meeting is the day before the expo, linked to the expo event: an
agenda with time boxes and presenters, each member's voting delegate and a substitute, one
proxy, a chair election (IRV) and a five-seat board election (Scottish STV) open for voting with
accepted candidacies and statements in English and Bulgarian, and the motion to adopt the work
plan, seconded. The statute allows re-voting, so "Edit my vote" shows. Idempotent: a second
call changes nothing. The ideas board and the work plan come from `demo/ideas.py`.
"""

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import close_election, open_election, publish_election
from matchfair.assembly.domain.minutes import publish_minutes
from matchfair.assembly.domain.motions import (
    cast_motion_vote,
    close_motion_vote,
    open_motion_vote,
    propose_motion,
    second_motion,
)
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import (
    add_agenda_item,
    check_in,
    register_attendee,
    register_network_delegates,
)
from matchfair.assembly.models import (
    Attendee,
    Ballot,
    Election,
    Motion,
    Session,
    Statute,
    WorkItem,
)
from matchfair.community.models import Delegate, Network, User
from matchfair.demo import people, scenario
from matchfair.events.models import Event

TITLE = "Smart City Tech Partnership — annual meeting {year}"
SEED = scenario.SEED + 25

# title, minutes, presenter (a member's slug, or "" for the secretariat)
AGENDA = (
    ("Opening, quorum and the agenda", 15, scenario.LEAD.slug),
    ("The year in review and the accounts", 30, "tagus-urban"),
    ("Election of the chair", 30, ""),
    ("Election of the board", 45, ""),
    ("The work plan for the coming year", 60, "lakeland-cleantech"),
    ("The ideas board: new initiatives and projects", 60, "oresund-data"),
    ("Any other business and closing", 15, scenario.LEAD.slug),
)
LAST_YEAR_AGENDA = (
    ("Opening and quorum", 15, scenario.LEAD.slug),
    ("Elections: chair, vice-chair and board", 90, ""),
    ("The work plan", 45, "rhineland-smart"),
    ("Closing", 10, scenario.LEAD.slug),
)

# position, seats, method, candidate members (their delegates stand), with statements EN/BG.
THIS_YEAR = (
    ("chair", 1, "irv", ("tagus-urban", "rhineland-smart", "aegean-smart")),
    (
        "board",
        5,
        "scottish-stv",
        (
            "baltic-smart",
            "vistula-urban",
            "danube-digital",
            "adriatic-urban",
            "lakeland-cleantech",
            "oresund-data",
            "po-valley",
        ),
    ),
)
LAST_YEAR = (
    ("chair", 1, "irv", ("sofia-cluster", "tagus-urban", "lakeland-cleantech")),
    ("vice-chair", 1, "irv", ("rhineland-smart", "danube-digital")),
    (
        "board",
        5,
        "scottish-stv",
        (
            "baltic-smart",
            "vistula-urban",
            "aegean-smart",
            "adriatic-urban",
            "oresund-data",
            "po-valley",
            "ebro-smart",
        ),
    ),
)
STATEMENT_EN = "{name} of {member} will serve the partnership's members for the {position}."
STATEMENT_BG = "{name} от {member} ще служи на членовете на партньорството."
WORK_PLAN_MOTION = (
    "Adopt the work plan",
    "The assembly adopts the work plan for the coming year as presented, with its owners, "
    "deadlines and milestones.",
)
# This year: who is not there (no one checks them in) and who hands its vote on, to whom.
ABSENT = "po-valley"
PROXY = ("ebro-smart", "tagus-urban")


def load_assembly(event: Event) -> None:
    network = Network.objects.filter(name=scenario.PARTNERSHIP_NAME).first()
    if network is None or network.assembly_sessions.exists():
        return
    rng = random.Random(SEED)
    delegates = {
        d.cluster.organisation.website.removeprefix("https://").removesuffix(
            scenario.WEBSITE_SUFFIX
        ): d
        for d in network.delegates.select_related("cluster__organisation", "user")
    }
    statute, _created = Statute.objects.get_or_create(
        network=network, defaults={"secretariat": delegates[scenario.LEAD.slug].cluster}
    )
    # The statutes of the demo partnership let a member change its ballot while voting is open.
    Statute.objects.filter(pk=statute.pk).update(revoting=True)
    secretary = User.objects.get(
        email=f"organiser@{scenario.LEAD.slug}{scenario.EMAIL_DOMAIN_SUFFIX}"
    )
    with transaction.atomic():
        _last_year(network, delegates, secretary, rng)
        _this_year(event, network, delegates, secretary, rng)


def delete_assembly() -> None:
    """The demo's ballots, which point to their box by a random id rather than a foreign key,
    and its motions, which protect their agenda items."""
    elections = Election.objects.filter(session__network__name=scenario.PARTNERSHIP_NAME)
    Ballot.objects.filter(box__in=elections.values("box")).delete()
    Motion.objects.filter(session__network__name=scenario.PARTNERSHIP_NAME).delete()


def _session(network: Network, date: dt.date, **extra: Any) -> Session:
    return Session.objects.create(
        network=network, title=TITLE.format(year=date.year), date=date, **extra
    )


def _agenda(session: Session, items: tuple, delegates: dict[str, Delegate], by: User) -> None:
    for title, minutes, presenter in items:
        add_agenda_item(
            session,
            title=title,
            minutes=minutes,
            presenter=str(delegates[presenter].user) if presenter else "The secretariat",
            by=by,
        )


def _elections(
    session: Session, plan: tuple, delegates: dict[str, Delegate], by: User
) -> list[Election]:
    elections = []
    for position, seats, method, standing in plan:
        election = Election.objects.create(
            session=session, position=position, seats=seats, method=method
        )
        for slug in standing:
            delegate = delegates[slug]
            candidacy = nominate(
                election,
                nominated_by=delegate.cluster,
                cluster=delegate.cluster,
                candidate=delegate.user,
                by=by,
            )
            words = {
                "name": delegate.user.full_name,
                "member": delegate.cluster.organisation.name,
                "position": election.get_position_display(),
            }
            accept(
                candidacy,
                statement_en=STATEMENT_EN.format(**words),
                statement_bg=STATEMENT_BG.format(**words),
                by=delegate.user,
            )
        elections.append(election)
    return elections


def _vote(election: Election, voters: list[Attendee], rng: random.Random) -> None:
    """Each member ranks some of the candidates, its own first when it has one."""
    standing = list(election.candidacies.filter(accepted=True).order_by("pk"))
    for attendee in voters:
        own = [c for c in standing if c.cluster_id == attendee.cluster_id]
        others = [c for c in standing if c.cluster_id != attendee.cluster_id]
        rng.shuffle(others)
        ranking = (own + others)[: rng.randint(1, len(standing))]
        cast_ballot(
            election,
            voter=attendee.cluster,
            choices=[c.pk for c in ranking] if election.ranked else [ranking[0].pk],
            by=attendee.user,
        )


def _last_year(
    network: Network, delegates: dict[str, Delegate], secretary: User, rng: random.Random
) -> None:
    day = scenario.ASSEMBLY_DAY - dt.timedelta(weeks=52)
    session = _session(network, day, place="Fira Gran Via, Barcelona")
    _agenda(session, LAST_YEAR_AGENDA, delegates, secretary)
    register_network_delegates(session, by=secretary)
    attendees = list(session.attendees.select_related("cluster", "user").order_by("pk"))
    for attendee in attendees:
        check_in(attendee, by=secretary)
    for election in _elections(session, LAST_YEAR, delegates, secretary):
        open_election(election, by=secretary)
        _vote(election, attendees, rng)
        publish_election(close_election(election, by=secretary), by=secretary)
    motion = propose_motion(
        session,
        agenda_item=session.agenda.get(position=3),
        title=WORK_PLAN_MOTION[0],
        text=WORK_PLAN_MOTION[1],
        by=secretary,
    )
    second_motion(motion, by=delegates["tagus-urban"].user)
    open_motion_vote(motion, by=secretary)
    for attendee in attendees:
        choice = "abstain" if attendee.cluster_id == delegates["po-valley"].cluster_id else "yes"
        cast_motion_vote(motion, voter=attendee.cluster, choice=choice, by=attendee.user)
    close_motion_vote(motion, by=secretary)
    # The work plan this motion adopted: every item that did not come from an idea since.
    WorkItem.objects.filter(network=network, adopted_by=None, ideas=None).update(adopted_by=motion)
    publish_minutes(session, by=secretary)
    # The domain stamps "now"; last year's meeting happened on its day.
    morning = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 15)))
    session.attendees.update(checked_in_at=morning)
    Motion.objects.filter(pk=motion.pk).update(closed_at=morning + dt.timedelta(hours=5))
    Session.objects.filter(pk=session.pk).update(
        minutes_published_at=morning + dt.timedelta(days=14)
    )


def _substitutes(delegates: dict[str, Delegate], rng: random.Random) -> dict[str, User]:
    """One substitute per member, a colleague of its delegate, with the demo's password."""
    countries = {country.code: country for country in scenario.COUNTRIES}
    facts = {fact.slug: fact for fact in (scenario.LEAD, *scenario.PARTNERSHIP)}
    password = delegates[scenario.LEAD.slug].user.password  # the same hash: no slow hashing
    users = User.objects.bulk_create(
        User(
            email=f"substitute@{slug}{scenario.EMAIL_DOMAIN_SUFFIX}",
            full_name=people.person_name(countries[facts[slug].country], rng),
            job_title="Project manager",
            organisation=delegate.cluster.organisation,
            email_verified=True,
            password=password,
        )
        for slug, delegate in sorted(delegates.items())
    )
    return dict(zip(sorted(delegates), users, strict=True))


def _this_year(
    event: Event,
    network: Network,
    delegates: dict[str, Delegate],
    secretary: User,
    rng: random.Random,
) -> None:
    session = _session(
        network, scenario.ASSEMBLY_DAY, place="Fira Gran Via, Barcelona", event=event
    )
    _agenda(session, AGENDA, delegates, secretary)
    register_network_delegates(session, by=secretary)
    for slug, user in _substitutes(delegates, rng).items():
        register_attendee(
            session,
            cluster=delegates[slug].cluster,
            user=user,
            role=Attendee.Role.SUBSTITUTE,
            by=secretary,
        )
    voting = session.attendees.filter(role=Attendee.Role.DELEGATE).select_related("cluster")
    by_cluster: dict[int, Attendee] = {a.cluster_id: a for a in voting}
    absent = {delegates[slug].cluster_id for slug in (ABSENT, PROXY[0])}
    for cluster_id, attendee in by_cluster.items():
        if cluster_id not in absent:
            check_in(attendee, by=secretary)
    giver, holder = (delegates[slug] for slug in PROXY)
    give_proxy(
        session,
        cluster=giver.cluster,
        holder=by_cluster[holder.cluster_id],
        by=giver.user,
    )
    for election in _elections(session, THIS_YEAR, delegates, secretary):
        open_election(election, by=secretary)
    mover, seconder = delegates["rhineland-smart"], delegates["baltic-smart"]
    motion = propose_motion(
        session,
        agenda_item=session.agenda.get(position=5),
        title=WORK_PLAN_MOTION[0],
        text=WORK_PLAN_MOTION[1],
        threshold=Motion.Threshold.ABSOLUTE,
        by=mover.user,
    )
    second_motion(motion, by=seconder.user)


def assembly_sessions() -> list[Session]:
    """The demo's two sessions, last year's first (for the printed tour)."""
    return list(Session.objects.filter(network__name=scenario.PARTNERSHIP_NAME).order_by("date"))
