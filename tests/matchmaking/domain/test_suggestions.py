"""Suggestions: built from the profiles, stored with reasons, and read back without anyone met."""

import datetime as dt

import pytest
from django.utils import timezone

from matchfair.audit.models import AuditEntry
from matchfair.events.domain.registrations import (
    delete_opportunity,
    register,
    save_opportunity,
    update_profile,
)
from matchfair.events.models import Domain, Registration
from matchfair.matchmaking.domain.suggestions import (
    last_refreshed,
    profiles_for,
    refresh_suggestions,
    suggestions_for,
)
from matchfair.matchmaking.models import Suggestion
from matchfair.matchmaking.tasks import refresh_event_suggestions
from matchfair.meetings.models import Meeting
from matchfair.recommend import Opportunity, Profile
from tests import factories

JONAS_REASONS_FOR_PETRA = [
    'Offers "Smart traffic lights for junctions" — answers your request '
    '"Reduce congestion at junctions"',
    "A company offering what you request",
    "Both work in mobility",
]
JONAS_REASONS_FOR_ANA = [
    'Offers "Adaptive traffic lights" — answers your request "Reduce congestion at junctions"',
    "A startup offering what you request",
    "Both work in mobility",
]


def names(registration) -> list[str]:
    return [s.suggested.user.full_name for s in suggestions_for(registration)]


def test_profiles_for_builds_the_engine_profiles_of_validated_participants(event, market):
    factories.RegistrationFactory(event=event, status="pending")
    jonas = market["jonas"]
    factories.MeetingRequestFactory(sender=market["ana"], recipient=jonas, status="declined")
    profiles = {profile.id: profile for profile in profiles_for(event)}
    assert sorted(profiles) == sorted(str(r.pk) for r in market.values())
    assert profiles[str(jonas.pk)] == Profile(
        id=str(jonas.pk),
        organisation="City of Tampere",
        organisation_type="city",
        country="FI",
        domains=("mobility",),
        description="",
        opportunities=(
            Opportunity(
                kind="request",
                title="Reduce congestion at junctions",
                description="Rush-hour queues at junctions in the city centre; "
                "we look for adaptive traffic lights.",
                domains=("mobility",),
            ),
        ),
        exclude=frozenset({str(market["ana"].pk)}),
    )


def test_profiles_for_maps_an_institution_to_a_public_body(event):
    registration = factories.RegistrationFactory(
        event=event, user__organisation__kind="institution", headline="Open data", description="x"
    )
    (profile,) = profiles_for(event)
    assert (profile.id, profile.organisation_type, profile.description) == (
        str(registration.pk),
        "public-body",
        "Open data x",
    )


def test_refresh_suggestions_ranks_partners_with_their_reasons(event, market):
    count = refresh_suggestions(event=event)
    first = suggestions_for(market["jonas"])[0]
    # Two offers to the city and the city to each: the two sellers are competitors, and the
    # others share no more than a domain, so they are no suggestion.
    assert (count, names(market["jonas"])) == (4, ["Petra Klein", "Ana Petrova"])
    assert (first.rank, first.reasons) == (1, JONAS_REASONS_FOR_PETRA)


def test_suggestions_never_include_yourself_or_your_own_organisation(event, market):
    refresh_suggestions(event=event)
    everyone = Suggestion.objects.filter(registration__event=event)
    assert not [s for s in everyone if s.registration_id == s.suggested_id]
    # Mia offers exactly what Jonas requests, but she works for the same city.
    assert "Mia Colleague" not in names(market["jonas"])
    assert "Jonas Berg" not in names(market["mia"])


@pytest.mark.parametrize("status", ["asked", "accepted", "declined"])
def test_suggestions_leave_out_people_in_touch_before_the_refresh(event, market, status):
    factories.MeetingRequestFactory(
        sender=market["petra"], recipient=market["jonas"], status=status
    )
    refresh_suggestions(event=event)
    assert names(market["jonas"]) == ["Ana Petrova"]
    assert "Jonas Berg" not in names(market["petra"])


@pytest.mark.parametrize("status", ["asked", "accepted", "declined"])
def test_suggestions_leave_out_people_in_touch_since_the_refresh(event, market, status):
    refresh_suggestions(event=event)
    factories.MeetingRequestFactory(
        sender=market["jonas"], recipient=market["petra"], status=status
    )
    assert (names(market["jonas"]), "Jonas Berg" in names(market["petra"])) == (
        ["Ana Petrova"],
        False,
    )


def test_suggestions_leave_out_people_met_without_a_request(event, market):
    refresh_suggestions(event=event)
    meeting = Meeting.objects.create(event=event)
    meeting.participants.set([market["jonas"], market["petra"]])
    assert names(market["jonas"]) == ["Ana Petrova"]
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    assert names(market["jonas"]) == ["Petra Klein", "Ana Petrova"]


def test_suggestions_show_again_after_a_request_is_cancelled(event, market):
    factories.MeetingRequestFactory(
        sender=market["jonas"], recipient=market["petra"], status="cancelled"
    )
    refresh_suggestions(event=event)
    assert names(market["jonas"]) == ["Petra Klein", "Ana Petrova"]


def test_suggestions_leave_out_people_no_longer_validated(event, market):
    refresh_suggestions(event=event)
    Registration.objects.filter(pk=market["petra"].pk).update(status="withdrawn")
    assert names(market["jonas"]) == ["Ana Petrova"]


def test_suggestions_for_stops_at_the_limit(event, market):
    refresh_suggestions(event=event)
    assert [s.suggested.user.full_name for s in suggestions_for(market["jonas"], limit=1)] == [
        "Petra Klein"
    ]


def test_refresh_suggestions_replaces_the_stored_rows_and_records_it(event, market):
    refresh_suggestions(event=event)
    first = set(Suggestion.objects.values_list("pk", flat=True))
    refresh_suggestions(event=event)
    entry = AuditEntry.objects.filter(action="suggestions.refreshed").first()
    assert (
        Suggestion.objects.count(),
        first & set(Suggestion.objects.values_list("pk", flat=True)),
    ) == (
        4,
        set(),
    )
    assert (entry.event, entry.details) == (
        event,
        {
            "participants": 4,
            "suggestions": 4,
            "whole_event": True,
            "embedded_texts": 0,
            "semantic": False,
        },
    )


def test_refresh_suggestions_of_some_participants_keeps_the_others(event, market):
    refresh_suggestions(event=event)
    others = set(
        Suggestion.objects.exclude(registration=market["jonas"]).values_list("pk", flat=True)
    )
    count = refresh_suggestions(event=event, registrations=[market["jonas"]])
    assert (count, names(market["jonas"])) == (2, ["Petra Klein", "Ana Petrova"])
    assert (
        set(Suggestion.objects.exclude(registration=market["jonas"]).values_list("pk", flat=True))
        == others
    )


def test_refresh_suggestions_on_an_event_without_participants_stores_nothing(event):
    assert (refresh_suggestions(event=event), last_refreshed(event)) == (0, None)


def test_saving_an_opportunity_refreshes_the_event_after_commit(
    event, market, django_capture_on_commit_callbacks
):
    refresh_suggestions(event=event)
    newcomer = factories.RegistrationFactory(
        event=event,
        user__full_name="Nora Newcomer",
        user__organisation__kind="company",
        user__organisation__country="PT",
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_opportunity(
            registration=newcomer,
            by=newcomer.user,
            kind="offer",
            title="Adaptive traffic lights for congested junctions",
            description="Signal timing that cuts rush-hour queues at junctions.",
            domains=Domain.objects.filter(slug="mobility"),
        )
    assert len(callbacks) == 1
    assert "Nora Newcomer" in names(market["jonas"])


def test_profile_changes_queue_one_refresh_each(event, market, django_capture_on_commit_callbacks):
    ana = market["ana"]
    opportunity = ana.opportunities.get()
    with django_capture_on_commit_callbacks() as callbacks:
        update_profile(registration=ana, by=ana.user, headline="Traffic lights")
        delete_opportunity(opportunity=opportunity, by=ana.user)
        register(event=event, user=factories.UserFactory())
    assert len(callbacks) == 3


def test_deleting_an_opportunity_drops_the_reasons_it_gave(
    event, market, django_capture_on_commit_callbacks
):
    refresh_suggestions(event=event)
    petra = market["petra"]
    with django_capture_on_commit_callbacks(execute=True):
        delete_opportunity(opportunity=petra.opportunities.get(), by=petra.user)
    # A shared domain alone is no reason to meet: Petra leaves the list.
    assert [(s.suggested.user.full_name, s.reasons) for s in suggestions_for(market["jonas"])] == [
        ("Ana Petrova", JONAS_REASONS_FOR_ANA),
    ]


def test_refresh_task_skips_a_change_already_covered(event, market):
    before = timezone.now() - dt.timedelta(seconds=5)
    refresh_suggestions(event=event)
    Suggestion.objects.filter(registration=market["jonas"]).delete()
    assert refresh_event_suggestions(event.pk, changed_at=before.isoformat()) is None
    assert names(market["jonas"]) == []


def test_refresh_task_recomputes_for_a_later_change(event, market):
    refresh_suggestions(event=event)
    later = timezone.now() + dt.timedelta(seconds=1)
    assert refresh_event_suggestions(event.pk, changed_at=later.isoformat()) == 4


def test_refresh_task_without_a_change_time_recomputes(event, market):
    assert refresh_event_suggestions.delay(event.pk).get() == 4


def test_refresh_task_of_a_deleted_event_does_nothing(db):
    assert refresh_event_suggestions(123456) is None


def test_refresh_suggestions_never_overwrites_a_newer_refresh(event, market):
    refresh_suggestions(event=event)
    later = timezone.now() + dt.timedelta(minutes=1)
    Suggestion.objects.update(computed=later)  # as if another worker's refresh landed meanwhile
    assert (refresh_suggestions(event=event), last_refreshed(event)) == (0, later)
