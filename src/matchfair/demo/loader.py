"""Loads the Smart City Expo demo into the database, solves its schedule and releases it.

Loading is idempotent: a second call finds the event and only finishes what is missing.
"""

import contextlib
import datetime as dt
import logging
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Q
from django.test.utils import override_settings

from matchfair.audit.models import AuditEntry
from matchfair.community.models import (
    Cluster,
    Delegate,
    Membership,
    MembershipRequest,
    Network,
    Organisation,
    User,
)
from matchfair.demo import matches, people, scenario
from matchfair.demo.assembly import delete_assembly, load_assembly
from matchfair.demo.expo import load_expo, load_venue
from matchfair.demo.funding import delete_funding, load_funding
from matchfair.demo.ideas import load_ideas
from matchfair.demo.newsroom import load_newsroom
from matchfair.demo.outcomes import SLUG as LAST_YEAR_SLUG
from matchfair.demo.outcomes import load_last_year
from matchfair.demo.scenario import ClusterFact, Login, OrganisationFact
from matchfair.demo.sessions import add_sessions_and_tables, prefer_days
from matchfair.demo.stories import load_success_story
from matchfair.events.domain.registrations import set_availability
from matchfair.events.models import (
    Domain,
    Event,
    Opportunity,
    Organiser,
    Registration,
    Table,
)
from matchfair.events.taxonomy import DOMAINS
from matchfair.matchmaking.domain.embeddings import semantic_enabled, semantic_status
from matchfair.matchmaking.domain.suggestions import last_refreshed, refresh_suggestions
from matchfair.matchmaking.models import TextEmbedding
from matchfair.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    send_request,
)
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan, SolverRun
from matchfair.newsroom.models import Tag
from matchfair.outbox.models import Message

logger = logging.getLogger(__name__)

# Mail to hundreds of fictitious addresses must not leave, nor pile up in memory.
QUIET_MAIL = "django.core.mail.backends.dummy.EmailBackend"


@dataclass(frozen=True)
class DemoSummary:
    """What the demo holds, and how to try it."""

    event_name: str
    event_slug: str
    loaded: bool  # loaded by this call, rather than found already there
    seconds: float
    organisations: int
    participants: int
    countries: int
    opportunities: int
    requests: dict[str, int]
    meetings: int
    slots: int
    tables: int
    booths: int
    scheduled: int
    unscheduled: int
    release: str
    schedule_note: str = ""
    logins: tuple[Login, ...] = field(default=scenario.LOGINS)
    password: str = scenario.PASSWORD

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    def describe(self, host: str = "127.0.0.1", port: int = 8000) -> str:
        # A server bound to every interface is still reached on this machine by the loopback address.
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
        url = f"http://{shown}:{port}/"
        how = f"loaded in {self.seconds:.1f} s" if self.loaded else "already loaded"
        states = ", ".join(
            f"{self.requests.get(state, 0)} {state}" for state in scenario.REQUEST_STATES
        )
        if self.release:
            schedule = (
                f"“{self.release}” places {self.scheduled} of {self.meetings} meetings "
                f"in {self.slots} slots at {self.tables} tables and {self.booths} booths"
            )
        else:
            schedule = f"not released yet. {self.schedule_note}".strip()
        width = max(len(login.role) for login in self.logins) + 2
        email_width = max(len(login.email) for login in self.logins) + 2
        rows = [
            f"  {'Role':<{width}}{'E-mail':<{email_width}}Password",
            f"  {'-' * (width - 2):<{width}}{'-' * (email_width - 2):<{email_width}}--------",
            *(
                f"  {login.role:<{width}}{login.email:<{email_width}}{self.password}"
                for login in self.logins
            ),
        ]
        tries = [f"  - {login.email}: {login.try_this}" for login in self.logins]
        return "\n".join(
            [
                f"Matchfair demo: {self.event_name}, Barcelona ({how})",
                f"  {self.participants} participants from {self.countries} countries, "
                f"{self.opportunities} opportunities",
                f"  {self.total_requests} meeting requests: {states}",
                f"  Schedule: {schedule}",
                f"  {semantic_status()}",
                "",
                f"Open {url}  (the event: {url}e/{self.event_slug}/)",
                "",
                *rows,
                "",
                "What to try:",
                *tries,
                "  - everyone: My agenda → download the .ics file (times in Europe/Madrid)",
                f"  - last year's expo, with outcomes: {url}e/{LAST_YEAR_SLUG}/knowledge/ "
                f"(Sofia members), {url}e/{LAST_YEAR_SLUG}/console/impact/ (organisers), "
                f"{url}accounts/me/consent/ (anyone)",
            ]
        )


def load_demo(*, reset: bool = False, time_limit: float = 15.0, solve: bool = True) -> DemoSummary:
    """Load the scenario unless it is there, then solve and release it unless a release exists.

    Refused with production settings: the demo creates accounts whose passwords are published.
    """
    if settings.PRODUCTION:
        raise ImproperlyConfigured(
            "The demo creates accounts with published passwords; it does not run with "
            "MATCHFAIR_PRODUCTION on. Use a separate, non-production data directory or database."
        )
    started = time.perf_counter()
    with _quiet():
        if reset:
            delete_demo()
        event = Event.objects.filter(slug=scenario.EVENT_SLUG).first()
        loaded = event is None
        if event is None:
            event = _load(random.Random(scenario.SEED))
        seconds = time.perf_counter() - started
        note = ""
        if solve and not event.plans.filter(kind=Plan.Kind.RELEASE).exists():
            load_venue(event)  # first: the walking times between the halls bind the schedule
            note = _solve_and_release(event, time_limit=time_limit)
        # The demo participant sees suggestions right away, with embeddings once they are on.
        embeddings_missing = semantic_enabled() and not TextEmbedding.objects.exists()
        if last_refreshed(event) is None or embeddings_missing:
            refresh_suggestions(event=event)
        load_expo(event)  # the fair ground and the Sofia delegation's visits; once
        load_last_year(event)  # last year's edition, with outcomes and consents; once
        load_newsroom()  # the cluster's year in articles, an editor; once
        load_success_story()  # the editor's case study of last year's EU proposal; once
        load_funding(event)  # the funding calls and the members' CORDIS projects; once
        load_ideas()  # the partnership's ideas board and work plan; once
        load_assembly(event)  # last year's and this year's annual meeting; once
    return summarise(event, loaded=loaded, seconds=seconds, schedule_note=note)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """No mail leaves, and the eager tasks' thousands of "succeeded" lines stay out of the log."""
    trace = logging.getLogger("celery.app.trace")
    level = trace.level
    trace.setLevel(logging.WARNING)
    try:
        with override_settings(EMAIL_BACKEND=QUIET_MAIL):
            yield
    finally:
        trace.setLevel(level)


def delete_demo() -> None:
    """Remove the demo event and everything only the demo made: its people, organisations, networks."""
    with transaction.atomic():
        for event in Event.objects.filter(slug__in=[scenario.EVENT_SLUG, LAST_YEAR_SLUG]):
            # Plans protect slots and tables, and registrations their organisers: remove them first.
            Plan.objects.filter(event=event).delete()
            Registration.objects.filter(event=event).delete()
            event.delete()
        demo_users = User.objects.filter(
            Q(email__endswith=scenario.EMAIL_DOMAIN_SUFFIX)
            | Q(email__endswith=scenario.FIXED_EMAIL_DOMAIN)
        )
        # What the demo's people did outside an event (their consents) leaves with them.
        AuditEntry.objects.filter(actor__in=demo_users, event__isnull=True).delete()
        # And the mails they were sent outside an event (the ideas board's news to authors).
        Message.objects.filter(user__in=demo_users, event__isnull=True).delete()
        demo_users.delete()
        delete_funding()
        delete_assembly()  # ballots point to their box by a random id, not a foreign key
        # Networks first: the partnership's statute and work plan protect its member clusters.
        Network.objects.filter(
            name__in=[scenario.ALLIANCE_NAME, scenario.PARTNERSHIP_NAME]
        ).delete()
        Organisation.objects.filter(website__endswith=scenario.WEBSITE_SUFFIX).delete()
        # The newsroom's tags go with the last article that used them.
        Tag.objects.filter(articles__isnull=True).delete()


def _website(slug: str) -> str:
    return f"https://{slug}{scenario.WEBSITE_SUFFIX}"


def _user(
    email: str, full_name: str, job_title: str, organisation: Organisation | None, **extra: Any
) -> User:
    return User(
        email=email,
        full_name=full_name,
        job_title=job_title,
        organisation=organisation,
        email_verified=True,
        **extra,
    )


def _load(rng: random.Random) -> Event:
    # Leftovers of an earlier, partly deleted demo would collide with the unique names below.
    delete_demo()
    facts = people.generate_organisations(rng)
    with transaction.atomic():
        password = make_password(scenario.PASSWORD)  # hashing is slow: once, shared by everyone
        clusters = _clusters(rng, password)
        event = Event.objects.create(
            slug=scenario.EVENT_SLUG,
            name=scenario.EVENT_NAME,
            name_bg=scenario.EVENT_NAME_BG,
            description=scenario.EVENT_DESCRIPTION,
            description_bg=scenario.EVENT_DESCRIPTION_BG,
            venue=scenario.EVENT_VENUE,
            city=scenario.EVENT_CITY,
            time_zone=scenario.EVENT_TIME_ZONE,
            starts_on=scenario.ASSEMBLY_DAY,
            ends_on=scenario.EXPO_DAYS[-1],
            default_max_in_a_row=scenario.MAX_IN_A_ROW,
            default_max_per_day=scenario.MAX_PER_DAY,
            lunch_starts=scenario.LUNCH[0],
            lunch_ends=scenario.LUNCH[1],
        )
        organisers = _organisers(event, clusters)
        organiser_user = User.objects.get(email=scenario.ORGANISER.email)
        b2b_sessions = add_sessions_and_tables(event, organiser_user)
        registrations = _participants(event, facts, organisers, clusters, password, rng)
        _booths(event, facts, registrations, rng)
        for index, session in matches.plan_unavailability(
            len(registrations),
            len(b2b_sessions),
            rng,
            keep=range(len(scenario.FIXED_ORGANISATIONS)),
        ).items():
            registration = registrations[index]
            set_availability(
                registration=registration, by=registration.user, unavailable=[b2b_sessions[session]]
            )
        prefer_days(registrations)
        _requests(registrations, matches.plan_requests(facts, rng))
        _membership_request(password)
    return event


def _membership_request(password: str) -> None:
    """The participant is the admin of their company; a colleague waits for their approval."""
    admin = User.objects.select_related("organisation").get(email=scenario.PARTICIPANT.email)
    organisation = Organisation.objects.get(people=admin)
    organisation.admins.add(admin)
    name, job_title, email = scenario.APPLICANT
    applicant = _user(email, name, job_title, None, password=password)
    applicant.save()
    MembershipRequest.objects.create(user=applicant, organisation=organisation)


def _clusters(rng: random.Random, password: str) -> dict[str, Cluster]:
    """The organising clusters with their staff, the partnership with its delegates."""
    facts: list[ClusterFact] = [scenario.LEAD, *scenario.ALLIANCE, *scenario.PARTNERSHIP]
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=fact.name,
            kind="cluster",
            country=fact.country,
            city=fact.city,
            website=_website(fact.slug),
            description=f"A technology cluster in {fact.city}.",
        )
        for fact in facts
    )
    clusters = Cluster.objects.bulk_create(Cluster(organisation=org) for org in organisations)
    by_slug = {fact.slug: cluster for fact, cluster in zip(facts, clusters, strict=True)}
    alliance = Network.objects.create(
        name=scenario.ALLIANCE_NAME,
        kind=Network.Kind.ALLIANCE,
        website=_website("silicon-europe"),
        description="A European alliance of electronics and ICT clusters.",
    )
    members = [scenario.LEAD, *scenario.PARTNERSHIP]
    partnership = Network.objects.create(
        name=scenario.PARTNERSHIP_NAME,
        kind=Network.Kind.PARTNERSHIP,
        website=_website("smart-city-tech"),
        description="A dozen European clusters working together on smart-city projects.",
    )
    Cluster.networks.through.objects.bulk_create(
        [
            Cluster.networks.through(cluster=by_slug[f.slug], network=alliance)
            for f in scenario.ALLIANCE
        ]
        + [Cluster.networks.through(cluster=by_slug[f.slug], network=partnership) for f in members]
    )
    staff = [
        _user(
            f"organiser@{slug}{scenario.EMAIL_DOMAIN_SUFFIX}",
            name,
            job,
            by_slug[slug].organisation,
            password=password,
            # The lead's organiser is also the site's administrator, so the admin works in the demo.
            is_staff=slug == scenario.LEAD.slug,
            is_superuser=slug == scenario.LEAD.slug,
        )
        for slug, (name, job) in scenario.ORGANISER_PEOPLE.items()
    ]
    countries = {country.code: country for country in scenario.COUNTRIES}
    delegates = [
        _user(
            scenario.DELEGATE.email,
            *scenario.DELEGATE_PERSON,
            by_slug[scenario.LEAD.slug].organisation,
            password=password,
        )
    ] + [
        _user(
            f"delegate@{fact.slug}{scenario.EMAIL_DOMAIN_SUFFIX}",
            people.person_name(countries[fact.country], rng),
            "Cluster manager",
            by_slug[fact.slug].organisation,
            password=password,
        )
        for fact in scenario.PARTNERSHIP
    ]
    User.objects.bulk_create(staff + delegates)
    Delegate.objects.bulk_create(
        Delegate(network=partnership, cluster=by_slug[fact.slug], user=user)
        for fact, user in zip(members, delegates, strict=True)
    )
    return by_slug


def _organisers(event: Event, clusters: dict[str, Cluster]) -> dict[str, Organiser]:
    slugs = [scenario.LEAD.slug, *(fact.slug for fact in scenario.ALLIANCE)]
    organisers = Organiser.objects.bulk_create(
        Organiser(event=event, cluster=clusters[slug], is_lead=slug == scenario.LEAD.slug)
        for slug in slugs
    )
    staff = {
        user.organisation_id: user
        for user in User.objects.filter(
            email__startswith="organiser@", organisation__cluster__in=clusters.values()
        )
    }
    Organiser.staff.through.objects.bulk_create(
        Organiser.staff.through(organiser=organiser, user=staff[organiser.cluster.organisation_id])
        for organiser in organisers
    )
    return dict(zip(slugs, organisers, strict=True))


def _participants(
    event: Event,
    facts: Sequence[OrganisationFact],
    organisers: dict[str, Organiser],
    clusters: dict[str, Cluster],
    password: str,
    rng: random.Random,
) -> list[Registration]:
    """Organisations, their people, registrations, profiles, opportunities and memberships."""
    # The taxonomy's rows come with a migration; a test database flushed since has none.
    for position, (slug, name) in enumerate(DOMAINS):
        Domain.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=fact.name,
            kind=fact.kind,
            country=fact.country,
            city=fact.city,
            website=_website(fact.slug),
            description=fact.description,
        )
        for fact in facts
    )
    users = User.objects.bulk_create(
        _user(
            fact.email, fact.person, fact.job_title, org, password=password, language=fact.language
        )
        for fact, org in zip(facts, organisations, strict=True)
    )
    supporters = people.supporters(facts, rng)
    registrations = Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            organiser=organisers[supporter],
            status=Registration.Status.VALIDATED,
            headline=fact.headline,
            description=fact.description,
            # The fixed logins keep the default, so the contact rule shows in the demo.
            share_contact=index >= len(scenario.FIXED_ORGANISATIONS) and rng.random() < 0.25,
        )
        for index, (fact, user, supporter) in enumerate(zip(facts, users, supporters, strict=True))
    )
    for registration, user in zip(registrations, users, strict=True):
        registration.user = user  # the domain functions read these; spare them a query each
        registration.event = event
    Registration.domains.through.objects.bulk_create(
        Registration.domains.through(registration=registration, domain=domains[slug])
        for fact, registration in zip(facts, registrations, strict=True)
        for slug in fact.domains
    )
    pairs = [
        (opportunity, registration)
        for fact, registration in zip(facts, registrations, strict=True)
        for opportunity in fact.opportunities
    ]
    opportunities = Opportunity.objects.bulk_create(
        Opportunity(
            registration=registration,
            kind=opportunity.kind,
            title=opportunity.title,
            description=opportunity.description,
        )
        for opportunity, registration in pairs
    )
    Opportunity.domains.through.objects.bulk_create(
        Opportunity.domains.through(opportunity=row, domain=domains[slug])
        for row, (opportunity, _registration) in zip(opportunities, pairs, strict=True)
        for slug in opportunity.domains
    )
    _memberships(facts, organisations, supporters, clusters, rng)
    return registrations


def _memberships(
    facts: Sequence[OrganisationFact],
    organisations: Sequence[Organisation],
    supporters: Sequence[str],
    clusters: dict[str, Cluster],
    rng: random.Random,
) -> None:
    """About 25 members for Sofia; the alliance clusters count a few of the firms they bring."""
    members = [(clusters[scenario.LEAD.slug], index) for index in people.sofia_members(facts, rng)]
    for cluster_fact in scenario.ALLIANCE:
        own = [
            index
            for index, fact in enumerate(facts)
            if supporters[index] == cluster_fact.slug
            and fact.country == cluster_fact.country
            and fact.kind in ("company", "startup", "research")
        ]
        members += [(clusters[cluster_fact.slug], index) for index in own[:8]]
    Membership.objects.bulk_create(
        Membership(
            cluster=cluster,
            organisation=organisations[index],
            since=dt.date(rng.randint(2012, 2025), rng.randint(1, 12), 1),
        )
        for cluster, index in members
    )


def _booths(
    event: Event,
    facts: Sequence[OrganisationFact],
    registrations: Sequence[Registration],
    rng: random.Random,
) -> None:
    tables = []
    for number, index in enumerate(people.booth_holders(facts, rng)):
        hall = ("2", "6")[number % 2]
        tables.append(
            Table(
                event=event,
                name=f"Stand {hall}{chr(65 + number)}{rng.randint(10, 99)} — {facts[index].name}"[
                    :60
                ],
                location=f"Hall {hall} — stands",
                booth_of=registrations[index],
            )
        )
    Table.objects.bulk_create(tables)


def _requests(
    registrations: Sequence[Registration], planned: Sequence[matches.PlannedRequest]
) -> None:
    """Every request goes through the domain functions, so the rules and the audit log hold."""
    for plan in planned:
        sender, recipient = registrations[plan.sender], registrations[plan.recipient]
        request = send_request(
            sender=sender, recipient=recipient, message=plan.message, by=sender.user
        )
        if plan.state == "accepted":
            accept_request(request, by=recipient.user, reply=plan.reply)
        elif plan.state == "declined":
            decline_request(request, by=recipient.user, reply=plan.reply)
        elif plan.state == "cancelled" and plan.cancelled_by_recipient:
            accept_request(request, by=recipient.user)
            cancel_request(request, by=recipient.user)
        elif plan.state == "cancelled":
            cancel_request(request, by=sender.user)


def _solve_and_release(event: Event, *, time_limit: float) -> str:
    """Solve into the draft and release it; returns why not when that fails."""
    try:
        from matchfair.meetings.domain.plans import release_plan  # noqa: PLC0415 (optional dependency)
        from matchfair.meetings.domain.solver_runs import (  # noqa: PLC0415 (optional dependency)
            execute_run,
            request_solve,
        )
    except ImportError as error:  # the engine is missing: the demo still works without a schedule
        return f"The scheduling engine could not be loaded: {error}."
    organiser = User.objects.get(email=scenario.ORGANISER.email)
    run = request_solve(event=event, by=organiser, time_limit=time_limit, seed=0)
    run.refresh_from_db()
    if run.status == SolverRun.Status.QUEUED and connection.in_atomic_block:
        # The eager task waits for an outer transaction's commit (as in tests): run it here.
        execute_run(run)
        run.refresh_from_db()
    deadline = time.monotonic() + time_limit + 120
    while run.is_active and time.monotonic() < deadline:  # a Celery worker has it
        time.sleep(0.5)
        run.refresh_from_db()
    if run.status != SolverRun.Status.DONE:
        logger.error("demo solver run %s ended %s: %s", run.pk, run.status, run.error)
        return f"The solver run ended {run.status}: {run.error or 'no result in time'}."
    # The engine leaves some meetings without a slot, with its reasons; the demo releases them so.
    release_plan(
        event=event, by=organiser, name=scenario.RELEASE_NAME, notify=False, confirmed=True
    )
    return ""


def summarise(
    event: Event, *, loaded: bool, seconds: float, schedule_note: str = ""
) -> DemoSummary:
    registrations = Registration.objects.filter(event=event)
    release = event.plans.filter(kind=Plan.Kind.RELEASE).order_by("-version").first()
    placements = Placement.objects.filter(plan=release) if release else Placement.objects.none()
    return DemoSummary(
        event_name=event.name,
        event_slug=event.slug,
        loaded=loaded,
        seconds=seconds,
        organisations=registrations.values("user__organisation").distinct().count(),
        participants=registrations.count(),
        countries=registrations.values("user__organisation__country").distinct().count(),
        opportunities=Opportunity.objects.filter(registration__event=event).count(),
        requests=dict(
            Counter(MeetingRequest.objects.filter(event=event).values_list("status", flat=True))
        ),
        meetings=Meeting.objects.filter(event=event, status=Meeting.Status.ACTIVE).count(),
        slots=event.sessions.filter(is_b2b=True).values("slots").count(),
        tables=event.tables.filter(booth_of__isnull=True).count(),
        booths=event.tables.filter(booth_of__isnull=False).count(),
        scheduled=placements.filter(slot__isnull=False).count(),
        unscheduled=placements.filter(slot__isnull=True).count(),
        release=release.name if release else "",
        schedule_note=schedule_note,
    )
