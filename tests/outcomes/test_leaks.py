"""The leak test of consent: random grants over a fixed population of clusters, people and
meetings; every viewer's view through `permissions.visible_items`, `can_see_contact` and
`contact_visible` and through the members' knowledge page is compared with a truth table
written here from the rules of docs/privacy.md ("Consent"), including after a withdrawal and
after grants expire (the Sofia cluster keeps shared items 6 months, the others the default 24)
and one is renewed.

The population: Sofia (S) and Porto (P) share a partnership; X is a cluster outside it.
s1, s2 belong to member organisations of S; s_staff works for the S cluster's own
organisation; p1 to a member of P; x1 to a member of X; loner to no cluster.
"""

import itertools
import os

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair import permissions
from matchfair.community.models import Membership, Network
from matchfair.events.models import Registration
from matchfair.outcomes.domain.consents import grant, renew, withdraw
from matchfair.outcomes.domain.knowledge import knowledge
from matchfair.outcomes.models import Audience, Consent, Retention, Scope
from tests import factories
from tests.outcomes.scene import release_meetings

PEOPLE = ("s1", "s2", "s_staff", "p1", "x1", "loner")
# Each person's clusters, and the clusters whose staff they are.
MEMBER_OF = {"s1": {"S"}, "s2": {"S"}, "s_staff": {"S"}, "p1": {"P"}, "x1": {"X"}, "loner": set()}
STAFF_OF = {"s_staff": {"S"}}
PARTNERS = {"S": {"S", "P"}, "P": {"S", "P"}, "X": {"X"}}
# Months a person's grants count: Sofia set 6, the others keep the default, 24 (the shortest of
# a person's clusters; someone in none, the default).
RETENTION = {"S": 6}


def retention(person):
    return min((RETENTION.get(c, 24) for c in MEMBER_OF[person]), default=24)


VIEWERS = (*PEOPLE, "anonymous")
# A few examples in CI (each checks 7 viewers over 15 meetings); more with the variable.
EXAMPLES = int(os.environ.get("MATCHFAIR_LEAK_EXAMPLES", "6"))


def in_audience(viewer, person, audience):
    """Docs: the public is everyone; the partnership's clusters are the people of the person's
    clusters and of clusters sharing a partnership with them; the cluster's members are the
    people of the person's clusters; the cluster's staff are those who work for it."""
    if audience == Audience.PUBLIC:
        return True
    if viewer == "anonymous":
        return False
    theirs = MEMBER_OF[person]
    if audience == Audience.PARTNERSHIP:
        reach = set().union(*(PARTNERS[c] for c in theirs)) if theirs else set()
        return bool(MEMBER_OF[viewer] & reach)
    if audience == Audience.CLUSTER_MEMBERS:
        return bool(MEMBER_OF[viewer] & theirs)
    return bool(STAFF_OF.get(viewer, set()) & theirs)


def shares(grants, viewer, person, scope):
    return any(in_audience(viewer, person, a) for s, a in grants.get(person, set()) if s == scope)


def expected(grants, viewer, a, b):
    """(meeting, stage, a's note, b's note, a's contact details) as the docs say."""
    parties = {a, b}
    met = viewer in parties or (
        shares(grants, viewer, a, "met") and shares(grants, viewer, b, "met")
    )
    stage = viewer in parties or (
        met and shares(grants, viewer, a, "stage") and shares(grants, viewer, b, "stage")
    )
    note_a = viewer == a or (met and shares(grants, viewer, a, "notes"))
    note_b = viewer == b or (met and shares(grants, viewer, b, "notes"))
    contact_a = viewer == a or shares(grants, viewer, a, "contact")
    return (met, stage, note_a, note_b, contact_a)


@pytest.fixture
def population(event):
    clusters = {name: factories.ClusterFactory() for name in "SPX"}
    partnership = Network.objects.create(name="Smart cities", kind="partnership")
    clusters["S"].networks.add(partnership)
    clusters["P"].networks.add(partnership)
    for name, months in RETENTION.items():
        Retention.objects.create(cluster=clusters[name], months=months)
    users = {}
    for name in PEOPLE:
        if name == "s_staff":
            user = factories.UserFactory(full_name=name, organisation=clusters["S"].organisation)
        else:
            user = factories.UserFactory(full_name=name)
            for cluster in MEMBER_OF[name]:
                Membership.objects.create(cluster=clusters[cluster], organisation=user.organisation)
        users[name] = user
    registrations = {
        name: factories.RegistrationFactory(event=event, user=users[name]) for name in PEOPLE
    }
    pairs = list(itertools.combinations(PEOPLE, 2))
    meetings = release_meetings(event, [(registrations[a], registrations[b]) for a, b in pairs])
    return users, dict(zip(pairs, meetings, strict=True))


GRANTS = st.dictionaries(
    st.sampled_from(PEOPLE),
    st.sets(st.tuples(st.sampled_from(Scope.values), st.sampled_from(Audience.values))),
)


def observed(users, pairs, viewer):
    user = users.get(viewer) or AnonymousUser()
    items = []
    for a, b in pairs:
        people = [users[a].pk, users[b].pk]
        items += [
            permissions.met_item(people),
            permissions.stage_item(people),
            permissions.note_item(people, users[a].pk),
            permissions.note_item(people, users[b].pk),
            permissions.contact_item(users[a].pk),
        ]
    seen = permissions.visible_items(user, items)
    return {pair: tuple(seen[5 * i : 5 * i + 5]) for i, pair in enumerate(pairs)}


def check_every_viewer(event, users, meetings, grants):
    pairs = list(meetings)
    registrations = {
        name: Registration.objects.get(event=event, user=users[name]) for name in PEOPLE
    }
    for viewer in VIEWERS:
        assert observed(users, pairs, viewer) == {
            (a, b): expected(grants, viewer, a, b) for a, b in pairs
        }, viewer
        # Contact details on every page and in the API (`can_see_contact`): here nobody met by
        # request, shares with all participants or is an organiser, so only the `contact` grants
        # count, and only for someone signed in (docs/privacy.md).
        user = users.get(viewer) or AnonymousUser()
        wanted = {
            name
            for name in PEOPLE
            if viewer != "anonymous" and (viewer == name or shares(grants, viewer, name, "contact"))
        }
        assert {
            name for name in PEOPLE if permissions.can_see_contact(user, registrations[name])
        } == wanted, viewer
        assert permissions.contact_visible(user, event, registrations.values()) == {
            registrations[name].pk for name in wanted
        }, viewer
        if viewer in ("anonymous", "loner"):
            continue
        page = knowledge(users[viewer], event)
        own = MEMBER_OF[viewer]
        assert {row.meeting.pk for row in page.shared} == {
            meeting.pk
            for (a, b), meeting in meetings.items()
            if (MEMBER_OF[a] & own or MEMBER_OF[b] & own) and expected(grants, viewer, a, b)[0]
        }, viewer
        for row in page.shared:
            a, b = next(pair for pair, m in meetings.items() if m.pk == row.meeting.pk)
            assert (row.ladder is not None) == expected(grants, viewer, a, b)[1], viewer


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(grants=GRANTS, data=st.data())
def test_no_viewer_sees_more_than_the_consents_allow(event, population, grants, data):
    users, meetings = population
    with transaction.atomic():
        for name, chosen in grants.items():
            for scope, audience in chosen:
                grant(user=users[name], scope=scope, audience=audience, by=users[name])
        check_every_viewer(event, users, meetings, grants)
        given_grants = [(name, g) for name, chosen in grants.items() for g in sorted(chosen)]
        if given_grants:
            name, (scope, audience) = data.draw(st.sampled_from(given_grants))
            withdraw(user=users[name], scope=scope, audience=audience, by=users[name])
            grants = {**grants, name: grants[name] - {(scope, audience)}}
            check_every_viewer(event, users, meetings, grants)
        # Time passes: each remaining grant was given 0, 7 or 25 months ago, and expired when
        # that is more than its person's clusters keep shared items.
        remaining = [(name, g) for name, chosen in grants.items() for g in sorted(chosen)]
        ages = data.draw(
            st.lists(st.sampled_from((0, 7, 25)), min_size=len(remaining), max_size=len(remaining))
        )
        now = timezone.now()
        for (name, (scope, audience)), months in zip(remaining, ages, strict=True):
            Consent.objects.filter(
                user=users[name], scope=scope, audience=audience, withdrawn__isnull=True
            ).update(granted=now - relativedelta(months=months, days=1), renewed=None)
        expired = {
            (name, g)
            for (name, g), months in zip(remaining, ages, strict=True)
            if months >= retention(name)
        }
        live = {
            name: {g for g in chosen if (name, g) not in expired} for name, chosen in grants.items()
        }
        check_every_viewer(event, users, meetings, live)
        if expired:
            name, (scope, audience) = data.draw(st.sampled_from(sorted(expired)))
            renew(user=users[name], scope=scope, audience=audience, by=users[name])
            live[name] = live[name] | {(scope, audience)}
            check_every_viewer(event, users, meetings, live)
        transaction.set_rollback(True)


def test_a_meeting_shared_by_one_side_only_is_hidden(event, population):
    users, meetings = population
    for name in ("s1", "p1"):
        grant(user=users[name], scope="met", audience="partnership", by=users[name])
    grants = {"s1": {("met", "partnership")}, "p1": {("met", "partnership")}}
    assert observed(users, [("s1", "p1"), ("s1", "x1")], "s2") == {
        ("s1", "p1"): (True, False, False, False, False),
        ("s1", "x1"): (False, False, False, False, False),
    }
    check_every_viewer(event, users, meetings, grants)
