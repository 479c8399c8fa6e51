"""A leak test that cannot be argued with: random events, every viewer, every channel that shows a
person, compared with one reference written here from `docs/permissions.md`, not from the code.

Hypothesis builds an event with a lead organiser and co-organisers (each a cluster), people with
random supporting organisers, statuses, consent to show their contact details to all
participants and a `contact` grant to an audience, accepted meetings (one released),
organisations that are members of random clusters, a delegation with random members, contacts
shared with clusters, and an account that an import only asked to confirm. For each viewer (every person, every organiser's staff, a stranger, the person asked,
a superuser, anonymous) it reads the participant pages, the directory search, the API list and
detail, the organisers' CSV and XLSX exports, the agenda page, PDF and API, the member's day page, `.ics`
and PDF, and the shared-contacts list, and checks what each shows against the reference.
"""

import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from matchfair.community.models import Membership
from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.contacts.domain.contacts import add_contact
from matchfair.contacts.models import Contact
from matchfair.events.models import Registration
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.outcomes.domain.consents import grant
from matchfair.visits.models import Delegation, DelegationMember
from tests import factories
from tests.api.conftest import ApiClient
from tests.browser.helpers import release_meeting

STATUSES = ("validated", "validated", "validated", "pending", "withdrawn")


@dataclass
class Person:
    registration: Registration
    organiser: int  # index into World.organisers
    clusters: frozenset[int]  # the clusters their organisation is a member of
    share: bool
    email: str
    name: str
    verified: bool  # confirmed their e-mail address
    contact_grant: str | None = None  # the audience they granted their contact details to

    @property
    def validated(self) -> bool:
        return self.registration.status == "validated"


@dataclass
class World:
    event: object
    organisers: list  # the lead first
    staff: list  # staff[i] works for organisers[i]
    people: list[Person]
    met: set[frozenset[int]]  # accepted meetings, by people's indices
    released: tuple[int, int] | None  # the meeting on everyone's agenda
    delegation_cluster: int  # an organiser's index: its cluster runs the delegation
    members: set[int]
    shared: dict[int, str]  # person index -> name on a contact they shared with their clusters
    asked_email: str = ""
    viewers: dict = field(default_factory=dict)


# The reference: who may see what, from docs/permissions.md (and nothing in src/).


def staff_of(world, viewer) -> set[int]:
    return {i for i, user in enumerate(world.staff) if user == viewer}


def registration_of(world, viewer) -> Person | None:
    return next((p for p in world.people if p.registration.user == viewer), None)


def is_lead(world, viewer) -> bool:
    return viewer == world.viewers["superuser"] or 0 in staff_of(world, viewer)


def supports(world, viewer, person: Person) -> bool:
    return is_lead(world, viewer) or person.organiser in staff_of(world, viewer)


def takes_part(world, viewer) -> bool:
    own = registration_of(world, viewer)
    return bool(staff_of(world, viewer)) or is_lead(world, viewer) or bool(own and own.validated)


def verified(world, viewer) -> bool:
    own = registration_of(world, viewer)
    return viewer.is_authenticated and (own is None or own.verified)


def grant_reaches(world, viewer, person: Person) -> bool:
    """docs/privacy.md: a `contact` grant reaches the public (anyone signed in, for contact
    details), the people of the person's clusters, or the staff of those clusters; an
    unconfirmed address belongs to no cluster."""
    theirs = set(person.clusters) if person.verified else set()
    if person.contact_grant == "public":
        return True
    if person.contact_grant == "cluster_members":
        return bool(clusters_of(world, viewer) & theirs)
    if person.contact_grant == "cluster_staff":
        return bool(staff_of(world, viewer) & theirs)
    return False


def may_see_contact(world, viewer, index: int) -> bool:
    person = world.people[index]
    own = registration_of(world, viewer)
    if person.registration.user == viewer:
        return True
    return verified(world, viewer) and (
        supports(world, viewer, person)
        or (own is not None and frozenset({world.people.index(own), index}) in world.met)
        or (person.share and person.validated and takes_part(world, viewer))
        or (person.validated and grant_reaches(world, viewer, person))
    )


def may_see_agenda(world, viewer, index: int) -> bool:
    person = world.people[index]
    return person.registration.user == viewer or supports(world, viewer, person)


def may_manage_delegation(world, viewer) -> bool:
    return is_lead(world, viewer) or world.delegation_cluster in staff_of(world, viewer)


def clusters_of(world, viewer) -> set[int]:
    """An unconfirmed address belongs to no cluster."""
    own = registration_of(world, viewer)
    if not verified(world, viewer):
        return set()
    return set(staff_of(world, viewer)) | (set(own.clusters) if own else set())


# The channels, each read as the viewer.


def text_of(response) -> str:
    if response.status_code != 200:
        return ""
    return b"".join(
        response.streaming_content if response.streaming else [response.content]
    ).decode("utf-8", "replace")


def cells_of(response) -> str:
    if response.status_code != 200:
        return ""
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)


def observe(world, viewer) -> dict[str, set]:
    """What the viewer gets shown: (channel, person index) pairs where a secret appears."""
    client, api = Client(), ApiClient(viewer if viewer.is_authenticated else None)
    if viewer.is_authenticated:
        client.force_login(viewer)
    event = world.event.slug
    seen: dict[str, set] = {}

    everyone = range(len(world.people))

    def mark(channel, text, indices=everyone):
        seen.setdefault(channel, set()).update(i for i in indices if world.people[i].email in text)
        if world.asked_email in text:  # an account an import only asked: never anywhere
            seen.setdefault("asked account", set()).add(channel)

    listing = api.get(f"/events/{event}/participants", page_size=100)
    mark("api list", text_of(listing))
    for index, person in enumerate(world.people):
        pk = person.registration.pk
        url = reverse("events:participant", kwargs={"event": event, "pk": pk})
        mark("profile page", text_of(client.get(url)), [index])
        mark("api detail", text_of(api.get(f"/events/{event}/participants/{pk}")), [index])
        search = reverse("events:directory", kwargs={"event": event})
        mark("directory search", text_of(client.get(search, {"q": person.name})), [index])
    export = client.get(reverse("console:export", kwargs={"event": event, "fmt": "csv"}))
    mark("console export", text_of(export))
    workbook = client.get(reverse("console:export", kwargs={"event": event, "fmt": "xlsx"}))
    mark("console export xlsx", cells_of(workbook))
    shared = client.get(reverse("contacts:shared", kwargs={"event": event}))
    seen["shared contacts"] = {i for i, name in world.shared.items() if name in text_of(shared)}
    if world.released is not None:
        first, second = world.released
        for owner, partner in ((first, second), (second, first)):
            pk = world.people[owner].registration.pk
            secret = world.people[partner].name
            pages = {
                "agenda page": client.get(
                    reverse("meetings:participant_agenda", kwargs={"event": event, "pk": pk})
                ),
                "agenda pdf": client.get(
                    reverse("reports:participant_agenda", kwargs={"event": event, "pk": pk})
                ),
                "agenda api": api.get(f"/events/{event}/participants/{pk}/agenda"),
            }
            member = DelegationMember.objects.filter(registration_id=pk).first()
            if member is not None:
                for suffix in ("day/", "day.ics", "day.pdf"):
                    pages[f"member {suffix}"] = client.get(
                        f"/e/{event}/delegation/member/{member.pk}/{suffix}"
                    )
            for channel, response in pages.items():
                if secret in text_of(response):
                    seen.setdefault(channel, set()).add(owner)
    return seen


def expected(world, viewer) -> dict[str, set]:
    people = range(len(world.people))
    validated = {i for i in people if world.people[i].validated}
    contact = {i for i in people if may_see_contact(world, viewer, i)}
    listed_to_viewer = {
        i for i in people if i in validated or supports(world, viewer, world.people[i])
    }
    exported = (
        {i for i in people if supports(world, viewer, world.people[i])}
        if staff_of(world, viewer) or is_lead(world, viewer)
        else set()
    )
    clusters = clusters_of(world, viewer)
    shows = {
        "api list": contact & validated,
        "profile page": contact & listed_to_viewer,
        "api detail": contact & listed_to_viewer,
        "directory search": set(),  # the directory never shows contact details
        "console export": exported,
        "console export xlsx": exported,
        "shared contacts": {
            i
            for i in world.shared
            if clusters & clusters_of(world, world.people[i].registration.user)
        }
        if viewer.is_authenticated
        else set(),
    }
    if world.released is not None:
        for channel in ("agenda page", "agenda pdf", "agenda api"):
            shows[channel] = {i for i in world.released if may_see_agenda(world, viewer, i)}
        for suffix in ("day/", "day.ics", "day.pdf"):
            shows[f"member {suffix}"] = {
                i
                for i in world.released
                if i in world.members
                and (
                    world.people[i].registration.user == viewer
                    or may_manage_delegation(world, viewer)
                )
                and may_see_agenda(world, viewer, i)
            }
    return shows


def without_known_names(world, viewer, shown: dict[str, set]) -> dict[str, set]:
    """A viewer who is the partner of the released meeting sees their own name on every page
    (the navigation), so the agenda channels prove nothing for them: leave those out."""
    if world.released is None:
        return shown
    own = registration_of(world, viewer)
    if own is None or world.people.index(own) not in world.released:
        return shown
    return {
        channel: found
        for channel, found in shown.items()
        if not (channel.startswith("agenda") or channel.startswith("member"))
    }


# Building a world from what hypothesis draws.

WORLDS = st.fixed_dictionaries(
    {
        "co_organisers": st.integers(1, 2),
        "people": st.lists(
            st.tuples(
                st.integers(0, 2),  # supporting organiser (folded onto those that exist)
                st.sampled_from(STATUSES),
                st.booleans(),  # consents to show contact details to all participants
                st.frozensets(st.integers(0, 2)),  # clusters their organisation is in
                st.booleans(),  # records a contact and shares it with their clusters
                st.sampled_from((True, True, True, False)),  # confirmed their address
                # grants `contact` (their contact details) to an audience, or not
                st.sampled_from((None, None, "cluster_staff", "cluster_members", "public")),
            ),
            min_size=3,
            max_size=5,
        ),
        "meetings": st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=4),
        "release": st.booleans(),
        "delegation": st.integers(0, 2),
        "members": st.frozensets(st.integers(0, 4)),
    }
)


def build(drawn) -> World:
    event = factories.b2b_event()
    lead = event.organisers.get(is_lead=True)
    organisers = [lead] + [factories.co_organiser(event) for _ in range(drawn["co_organisers"])]
    lead.staff.add(factories.UserFactory())
    staff = [organiser.staff.get() for organiser in organisers]
    people = []
    for number, drawn_person in enumerate(drawn["people"]):
        who, status, share, clusters, _shares, confirmed, contact_grant = drawn_person
        organiser = who % len(organisers)
        in_clusters = frozenset(c % len(organisers) for c in clusters)
        email = f"leak{number}@leak.example"
        name = f"Leakname{number} Person"
        registration = factories.RegistrationFactory(
            event=event,
            organiser=organisers[organiser],
            status=status,
            share_contact=share,
            user__email=email,
            user__full_name=name,
            user__email_verified=confirmed,
        )
        for cluster in in_clusters:
            Membership.objects.create(
                cluster=organisers[cluster].cluster, organisation=registration.user.organisation
            )
        if contact_grant is not None:
            grant(
                user=registration.user,
                scope="contact",
                audience=contact_grant,
                by=registration.user,
            )
        people.append(
            Person(
                registration, organiser, in_clusters, share, email, name, confirmed, contact_grant
            )
        )
    validated = [i for i, p in enumerate(people) if p.validated]
    # Only a confirmed address requests meetings or joins a delegation.
    can_meet = [i for i in validated if people[i].verified]
    met: set[frozenset[int]] = set()
    released = None
    if drawn["release"] and len(can_meet) >= 2:
        first, second = can_meet[0], can_meet[1]
        release_meeting(event, people[first].registration, people[second].registration)
        met.add(frozenset({first, second}))
        released = (first, second)
    for a, b in drawn["meetings"]:
        if len(can_meet) < 2:
            break
        first, second = can_meet[a % len(can_meet)], can_meet[b % len(can_meet)]
        pair = frozenset({first, second})
        if first == second or pair in met:
            continue
        sender, recipient = people[first].registration, people[second].registration
        accept_request(
            send_request(sender=sender, recipient=recipient, message="Hi", by=sender.user),
            by=recipient.user,
        )
        met.add(pair)
    delegation_cluster = drawn["delegation"] % len(organisers)
    delegation = Delegation.objects.create(
        event=event, cluster=organisers[delegation_cluster].cluster, name="Leak delegation"
    )
    members = {m % len(people) for m in drawn["members"]} & set(can_meet)
    for index in members:
        DelegationMember.objects.create(
            delegation=delegation, registration=people[index].registration
        )
    shared = {}
    for index, (*_rest, shares, _confirmed, _grant) in enumerate(drawn["people"]):
        if shares and people[index].validated:
            name = f"Sharedcard{index} Contact"
            contact = add_contact(
                owner=people[index].registration, by=people[index].registration.user, name=name
            )
            Contact.objects.filter(pk=contact.pk).update(shared_with_cluster=True)
            shared[index] = name
    asked = factories.UserFactory(email="asked@leak.example", full_name="Askedonly Person")
    batch = ImportBatch.objects.create(event=event, organiser=lead, created_by=staff[0])
    PendingRegistration.objects.create(batch=batch, event=event, organiser=lead, user=asked, row=2)
    world = World(
        event, organisers, staff, people, met, released, delegation_cluster, members, shared
    )
    world.asked_email = asked.email
    world.viewers = {
        "anonymous": AnonymousUser(),
        "stranger": factories.UserFactory(),
        "asked": asked,
        "superuser": factories.UserFactory(is_staff=True, is_superuser=True),
        **{f"staff{i}": user for i, user in enumerate(staff)},
        **{f"person{i}": p.registration.user for i, p in enumerate(people)},
    }
    return world


@pytest.mark.django_db
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=WORLDS)
def test_no_channel_shows_a_person_beyond_the_reference(drawn, settings_reports_uncompressed):
    with transaction.atomic():
        world = build(drawn)
        differences = {}
        for name, viewer in world.viewers.items():
            shown = without_known_names(world, viewer, observe(world, viewer))
            wanted = without_known_names(world, viewer, expected(world, viewer))
            for channel in sorted(set(shown) | set(wanted)):
                if shown.get(channel, set()) != wanted.get(channel, set()):
                    differences[(name, channel)] = (
                        sorted(shown.get(channel, set())),
                        sorted(wanted.get(channel, set())),
                    )
        transaction.set_rollback(True)
    assert differences == {}


@pytest.fixture
def settings_reports_uncompressed(settings):
    """PDFs uncompressed, so a name in them can be searched as text."""
    settings.REPORTS_PDF_COMPRESS = False
    return settings
