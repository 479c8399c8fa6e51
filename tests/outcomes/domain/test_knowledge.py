"""The members' knowledge page: shared meetings when both agreed, counts for the rest with
small cells pooled, and introductions that copy nothing about the person met."""

from collections import Counter

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.community.models import Membership
from matchfair.meetings.domain.changes import cancel_meeting
from matchfair.meetings.models import Plan
from matchfair.outbox.models import Message
from matchfair.outcomes.domain.consents import grant, withdraw
from matchfair.outcomes.domain.knowledge import (
    SIDES,
    Cell,
    ask_introduction,
    knowledge,
    protect,
)
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import IntroductionRequest, Stage
from tests import factories
from tests.outcomes.scene import release_meetings


def share(user, *scopes, audience="cluster_members"):
    for scope in scopes:
        grant(user=user, scope=scope, audience=audience, by=user)


def test_protect_shows_big_cells_and_pools_the_small():
    assert protect(Counter(FI=5, DE=4, PT=1, ES=2), others="others") == [
        Cell("FI", 5),
        Cell("DE", 4),
        Cell("others", 3),
    ]


def test_protect_pools_a_lone_small_cell_with_the_smallest_big_one():
    assert protect(Counter(FI=5, DE=4, PT=1), others="others") == [
        Cell("FI", 5),
        Cell("others", 5),
    ]


def test_protect_shows_nothing_under_three_in_all():
    assert protect(Counter(FI=1, DE=1), others="others") == []


def test_protect_never_shows_a_number_under_three():
    counts = Counter(A=1, B=2, C=3, D=2, E=7, F=1)
    assert min(cell.count for cell in protect(counts, others="o")) >= 3


def test_knowledge_lists_a_meeting_both_people_shared(met, ana_in_sofia, tia, mia):
    share(ana_in_sofia.user, "met")
    tia.user.organisation.clusters.add(met.event.organisers.get().cluster)
    share(tia.user, "met")
    page = knowledge(mia, met.event)
    assert [(row.meeting, row.member, row.others, row.ladder) for row in page.shared] == [
        (met, ana_in_sofia, (tia,), None)
    ]
    assert page.unshared == 0


def test_knowledge_counts_a_meeting_only_one_side_shared(met, ana_in_sofia, mia):
    share(ana_in_sofia.user, "met")
    page = knowledge(mia, met.event)
    assert (page.shared, page.unshared, page.by_country) == ([], 1, [])


def test_knowledge_shows_the_stage_when_both_shared_it(met, ana_in_sofia, tia, mia):
    tia.user.organisation.clusters.add(met.event.organisers.get().cluster)
    for person in (ana_in_sofia, tia):
        share(person.user, "met", "stage")
    record_step(
        meeting=met,
        stage=Stage.VALUABLE_CONTACT,
        on=met.event.ends_on,
        by=ana_in_sofia.user,
    )
    assert knowledge(mia, met.event).shared[0].ladder.highest == Stage.VALUABLE_CONTACT


def test_knowledge_hides_a_meeting_after_a_withdrawal(met, ana_in_sofia, tia, mia):
    tia.user.organisation.clusters.add(met.event.organisers.get().cluster)
    share(ana_in_sofia.user, "met")
    share(tia.user, "met")
    withdraw(user=tia.user, scope="met", audience="cluster_members", by=tia.user)
    assert [row.meeting for row in knowledge(mia, met.event).shared] == []


def test_knowledge_counts_the_rest_by_country_and_type(event, ana_in_sofia, mia):
    finns = [
        factories.RegistrationFactory(event=event, user__organisation__country="FI")
        for _ in range(3)
    ]
    spaniard = factories.RegistrationFactory(
        event=event, user__organisation__country="ES", user__organisation__kind="city"
    )
    release_meetings(event, [(ana_in_sofia, other) for other in [*finns, spaniard]])
    page = knowledge(mia, event)
    assert (page.unshared, page.by_country, page.by_type) == (
        4,
        [Cell("Other countries", 4)],
        [Cell("Other types", 4)],
    )


def test_knowledge_of_someone_outside_any_cluster_is_empty(met):
    page = knowledge(factories.UserFactory(), met.event)
    assert (page.shared, page.unshared) == ([], 0)


@pytest.fixture
def shared_meeting(met, ana_in_sofia, tia):
    tia.user.organisation.clusters.add(met.event.organisers.get().cluster)
    share(ana_in_sofia.user, "met")
    share(tia.user, "met")
    return met


def test_ask_introduction_mails_the_member_without_the_person_met(
    shared_meeting, ana_in_sofia, tia, mia
):
    ask_introduction(meeting=shared_meeting, member=ana_in_sofia, by=mia)
    message = Message.objects.get(kind="introduction_asked")
    assert (message.to, message.kind) == (ana_in_sofia.user.email, "introduction_asked")
    assert [
        part
        for part in (tia.user.full_name, tia.user.email, tia.user.organisation.name)
        if part in message.subject + message.body
    ] == []
    assert f"/outcomes/{shared_meeting.pk}/" in message.body


def test_ask_introduction_twice_is_refused(shared_meeting, ana_in_sofia, mia):
    ask_introduction(meeting=shared_meeting, member=ana_in_sofia, by=mia)
    with pytest.raises(ValidationError, match="already asked"):
        ask_introduction(meeting=shared_meeting, member=ana_in_sofia, by=mia)
    assert IntroductionRequest.objects.count() == 1


def test_ask_introduction_about_an_unshared_meeting_is_refused(met, ana_in_sofia, mia):
    with pytest.raises(PermissionDenied, match="cannot ask"):
        ask_introduction(meeting=met, member=ana_in_sofia, by=mia)
    assert Message.objects.filter(kind="introduction_asked").count() == 0


def test_ask_introduction_of_someone_outside_the_cluster_is_refused(shared_meeting, ana_in_sofia):
    with pytest.raises(PermissionDenied, match="cannot ask"):
        ask_introduction(meeting=shared_meeting, member=ana_in_sofia, by=factories.UserFactory())


def _shared_meetings(event, member, count):
    others = [factories.RegistrationFactory(event=event) for _ in range(count)]
    for person in [member, *others]:
        share(person.user, "met", "stage", audience="public")
    return release_meetings(event, [(member, other) for other in others])


def test_knowledge_costs_the_same_queries_for_3_and_12_meetings_and_fewer_once_kept(
    django_assert_num_queries, event, ana_in_sofia, mia
):
    """22 the first time (one reads the clusters' retention, so expired grants share nothing);
    20 while the meetings' sides are kept, as the grants are read every time."""
    _shared_meetings(event, ana_in_sofia, 3)
    with django_assert_num_queries(22) as few:
        assert len(knowledge(mia, event).shared) == 3
    with django_assert_num_queries(20):
        assert len(knowledge(mia, event).shared) == 3
    Plan.objects.filter(event=event).delete()
    _shared_meetings(event, ana_in_sofia, 12)
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(knowledge(mia, event).shared) == 12


@pytest.fixture
def finns(event, ana_in_sofia):
    """Ana met three people from Finnish companies, in release 1."""
    people = [
        factories.RegistrationFactory(event=event, user__organisation__country="FI")
        for _ in range(3)
    ]
    release_meetings(event, [(ana_in_sofia, other) for other in people])
    return people


def test_knowledge_counts_a_meeting_called_off_no_more(
    django_capture_on_commit_callbacks, event, finns, mia, lead_staff
):
    meeting = finns[0].meetings.get()
    assert knowledge(mia, event).unshared == 3
    event.refresh_from_db()
    cancel_meeting(meeting=meeting, by=lead_staff, notify=False)
    event.refresh_from_db()  # the request reads the event afresh, with its agenda version
    assert knowledge(mia, event).unshared == 2


def test_knowledge_counts_an_organisation_by_its_new_country(
    django_capture_on_commit_callbacks, event, finns, mia
):
    assert knowledge(mia, event).by_country == [Cell("Finland", 3)]
    with django_capture_on_commit_callbacks(execute=True):
        for person in finns:
            person.user.organisation.country = "EE"
            person.user.organisation.save()
    assert knowledge(mia, event).by_country == [Cell("Estonia", 3)]


def _counts(viewer, event):
    page = knowledge(viewer, event)
    return page.unshared, page.by_country, page.by_type


def test_knowledge_forgets_a_deleted_registration(
    django_capture_on_commit_callbacks, event, finns, mia
):
    before = _counts(mia, event)
    with django_capture_on_commit_callbacks(execute=True):
        finns[0].delete()
    after = _counts(mia, event)
    cache.clear()
    assert after == _counts(mia, event) != before


def test_knowledge_counts_the_meetings_of_a_new_member(event, finns, mia, sofia):
    assert knowledge(mia, event).unshared == 3
    newcomer = factories.RegistrationFactory(event=event)
    Membership.objects.create(cluster=sofia, organisation=newcomer.user.organisation)
    other = factories.RegistrationFactory(event=event)
    Plan.objects.filter(event=event).delete()
    release_meetings(event, [(newcomer, other)])
    assert knowledge(mia, event).unshared == 1


def test_a_log_in_or_a_newcomer_keeps_the_sides_and_a_new_organisation_does_not(
    django_capture_on_commit_callbacks, finns
):
    person = finns[0].user
    before = SIDES.current()
    with django_capture_on_commit_callbacks(execute=True):
        person.save(update_fields=["last_login"])
    assert SIDES.current() == before
    with django_capture_on_commit_callbacks(execute=True):
        elsewhere = factories.OrganisationFactory()
        factories.UserFactory(organisation=elsewhere)
    assert SIDES.current() == before
    with django_capture_on_commit_callbacks(execute=True):
        person.organisation = elsewhere
        person.save(update_fields=["organisation"])
    assert SIDES.current() == before + 1
