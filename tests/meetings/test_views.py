import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from matchfair.events.models import Slot
from matchfair.meetings.domain.requests import (
    accept_request,
    cancel_request,
    decline_request,
    send_request,
)
from matchfair.meetings.models import Meeting, MeetingRequest, Plan, SolverRun
from tests import factories


def url(event, path=""):
    return f"/e/{event.slug}/{path}"


def shown_messages(response) -> list[str]:
    return [message.message for message in response.context["messages"]]


def send(sender, recipient, message="Shall we talk about parking?"):
    return send_request(sender=sender, recipient=recipient, message=message, by=sender.user)


# The requests page


def test_requests_page_counts_each_tab(client, event, ana, jonas):
    third = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    fourth = factories.RegistrationFactory(event=event)
    send(jonas, ana)
    send(ana, third)
    accept_request(send(fourth, ana), by=ana.user)
    send(jonas, third)
    client.force_login(ana.user)
    response = client.get(url(event, "requests/"))
    assert (response.status_code, response.context["tabs"]) == (
        200,
        [
            ("waiting", "Waiting for me", 1),
            ("sent", "Sent", 1),
            ("accepted", "Accepted", 1),
            ("declined", "Declined", 0),
        ],
    )


def test_requests_page_shows_the_chosen_tab(client, event, ana, jonas):
    third = factories.RegistrationFactory(event=event)
    send(jonas, ana)
    outgoing = send(ana, third)
    client.force_login(ana.user)
    response = client.get(url(event, "requests/?tab=sent"))
    assert (response.context["current_tab"], response.context["shown"]) == ("sent", [outgoing])
    assert '<a href="?tab=sent" aria-current="page">' in response.content.decode()


def test_requests_page_opens_on_the_first_tab_with_something_in_it(client, event, ana, jonas):
    outgoing = send(ana, jonas)
    client.force_login(ana.user)
    response = client.get(url(event, "requests/?tab=nonsense"))
    assert (response.context["current_tab"], response.context["shown"]) == ("sent", [outgoing])


def test_requests_page_puts_declined_and_withdrawn_in_the_last_tab(client, event, ana, jonas):
    third = factories.RegistrationFactory(event=event)
    declined = send(jonas, ana)
    decline_request(declined, by=ana.user)
    withdrawn = send(ana, third)
    cancel_request(withdrawn, by=ana.user)
    client.force_login(ana.user)
    response = client.get(url(event, "requests/?tab=declined"))
    assert sorted(r.pk for r in response.context["shown"]) == sorted([declined.pk, withdrawn.pk])


def test_requests_page_before_registering_goes_to_register(client, event):
    client.force_login(factories.UserFactory())
    response = client.get(url(event, "requests/"))
    assert (response.status_code, response["Location"]) == (302, url(event, "register/"))


def test_requests_page_anonymously_goes_to_log_in(client, event):
    response = client.get(url(event, "requests/"))
    assert response["Location"] == f"/accounts/login/?next=/e/{event.slug}/requests/"


# Sending a request


def test_send_creates_the_request_and_says_so(client, ana, jonas):
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"participants/{jonas.pk}/request/"), {"message": "Parking?"}, follow=True
    )
    assert response.redirect_chain == [(url(ana.event, f"participants/{jonas.pk}/"), 302)]
    assert shown_messages(response) == ["Your request was sent to Jonas Berg."]
    assert list(MeetingRequest.objects.values_list("sender", "recipient", "message")) == [
        (ana.pk, jonas.pk, "Parking?")
    ]


def test_send_without_a_message_names_the_field(client, ana, jonas):
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"participants/{jonas.pk}/request/"), {"message": ""}, follow=True
    )
    assert shown_messages(response) == ["Message: This field is required."]
    assert MeetingRequest.objects.count() == 0


def test_send_to_yourself_shows_why_not(client, ana):
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"participants/{ana.pk}/request/"), {"message": "Me?"}, follow=True
    )
    assert shown_messages(response) == ["You cannot request a meeting with yourself."]
    assert MeetingRequest.objects.count() == 0


def test_send_twice_shows_why_not(client, ana, jonas):
    send(ana, jonas)
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"participants/{jonas.pk}/request/"), {"message": "Again"}, follow=True
    )
    assert shown_messages(response) == [
        "There is already an open request between you and Jonas Berg."
    ]


def test_send_to_a_participant_of_another_event_is_404(client, ana):
    stranger = factories.RegistrationFactory()
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"participants/{stranger.pk}/request/"), {"message": "Hi"}
    )
    assert (response.status_code, MeetingRequest.objects.count()) == (404, 0)


@pytest.mark.parametrize("status", ["pending", "withdrawn"])
def test_send_to_someone_not_validated_answers_like_a_missing_id(client, ana, status):
    """Someone not (yet) validated is not in the directory: a request to their id answers 404
    like an id that does not exist. Before, it said "<their name> cannot receive requests.",
    so any participant could read the names behind unlisted ids."""
    hidden = factories.RegistrationFactory(
        event=ana.event, status=status, user__full_name="Hidden Person"
    )
    client.force_login(ana.user)
    hidden_answer = client.post(
        url(ana.event, f"participants/{hidden.pk}/request/"), {"message": "Hi"}, follow=True
    )
    missing = client.post(url(ana.event, "participants/999999/request/"), {"message": "Hi"})
    assert (hidden_answer.status_code, missing.status_code) == (404, 404)
    assert "Hidden Person" not in hidden_answer.content.decode()
    assert MeetingRequest.objects.count() == 0


def test_send_by_get_is_not_allowed(client, ana, jonas):
    client.force_login(ana.user)
    assert client.get(url(ana.event, f"participants/{jonas.pk}/request/")).status_code == 405


# Answering and cancelling


def test_accept_by_the_recipient_creates_the_meeting(client, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"requests/{meeting_request.pk}/accept/"), {"reply": "Yes"}, follow=True
    )
    meeting_request.refresh_from_db()
    assert (meeting_request.status, meeting_request.reply) == ("accepted", "Yes")
    assert shown_messages(response) == [
        "Accepted. The meeting will get a time and table when the schedule is released."
    ]
    assert sorted(Meeting.objects.get().participants.values_list("pk", flat=True)) == sorted(
        [ana.pk, jonas.pk]
    )


def test_accept_twice_shows_why_not(client, ana, jonas):
    meeting_request = send(jonas, ana)
    accept_request(meeting_request, by=ana.user)
    client.force_login(ana.user)
    response = client.post(url(ana.event, f"requests/{meeting_request.pk}/accept/"), follow=True)
    assert shown_messages(response) == ["This request was accepted already."]
    assert Meeting.objects.count() == 1


def test_accept_by_the_sender_is_forbidden(client, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(jonas.user)
    response = client.post(url(ana.event, f"requests/{meeting_request.pk}/accept/"))
    meeting_request.refresh_from_db()
    assert (response.status_code, meeting_request.status) == (403, "asked")


def test_accept_by_a_third_participant_is_forbidden(client, event, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(factories.RegistrationFactory(event=event).user)
    response = client.post(url(event, f"requests/{meeting_request.pk}/accept/"))
    meeting_request.refresh_from_db()
    assert (response.status_code, meeting_request.status, Meeting.objects.count()) == (
        403,
        "asked",
        0,
    )


def test_accept_by_get_is_not_allowed(client, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(ana.user)
    assert client.get(url(ana.event, f"requests/{meeting_request.pk}/accept/")).status_code == 405


def test_decline_by_the_recipient_declines(client, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"requests/{meeting_request.pk}/decline/"),
        {"reply": "Not now"},
        follow=True,
    )
    meeting_request.refresh_from_db()
    assert (meeting_request.status, meeting_request.reply, shown_messages(response)) == (
        "declined",
        "Not now",
        ["Declined."],
    )


def test_decline_by_a_third_participant_is_forbidden(client, event, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(factories.RegistrationFactory(event=event).user)
    response = client.post(url(event, f"requests/{meeting_request.pk}/decline/"))
    meeting_request.refresh_from_db()
    assert (response.status_code, meeting_request.status) == (403, "asked")


def test_cancel_by_the_sender_withdraws_it(client, ana, jonas):
    meeting_request = send(ana, jonas)
    client.force_login(ana.user)
    response = client.post(url(ana.event, f"requests/{meeting_request.pk}/cancel/"), follow=True)
    meeting_request.refresh_from_db()
    assert (meeting_request.status, shown_messages(response)) == ("cancelled", ["Cancelled."])


def test_cancel_an_asked_request_by_the_recipient_shows_why_not(client, ana, jonas):
    meeting_request = send(jonas, ana)
    client.force_login(ana.user)
    response = client.post(url(ana.event, f"requests/{meeting_request.pk}/cancel/"), follow=True)
    meeting_request.refresh_from_db()
    assert (meeting_request.status, shown_messages(response)) == (
        "asked",
        ["Decline the request instead of cancelling it."],
    )


def test_cancel_by_a_third_participant_is_forbidden(client, event, ana, jonas):
    meeting_request = send(ana, jonas)
    client.force_login(factories.RegistrationFactory(event=event).user)
    response = client.post(url(event, f"requests/{meeting_request.pk}/cancel/"))
    meeting_request.refresh_from_db()
    assert (response.status_code, meeting_request.status) == (403, "asked")


def test_answer_a_request_of_another_event_is_404(client, ana):
    elsewhere = factories.MeetingRequestFactory()
    client.force_login(ana.user)
    assert client.post(url(ana.event, f"requests/{elsewhere.pk}/accept/")).status_code == 404


# The agenda


def test_agenda_before_any_release_says_it_is_not_released_yet(client, ana, jonas):
    accept_request(send(jonas, ana), by=ana.user)
    client.force_login(ana.user)
    response = client.get(url(ana.event, "agenda/"))
    assert (response.status_code, response.context["release"], response.context["days"]) == (
        200,
        None,
        [],
    )
    assert "have not released the meeting schedule yet" in response.content.decode()


def test_agenda_file_before_any_release_has_no_meetings(client, ana):
    client.force_login(ana.user)
    response = client.get(url(ana.event, "agenda.ics"))
    assert (
        response.status_code,
        response["Content-Type"],
        b"BEGIN:VEVENT" in response.content,
    ) == (
        200,
        "text/calendar; charset=utf-8",
        False,
    )


# The organiser's console


def test_console_is_forbidden_to_participants(client, ana):
    client.force_login(ana.user)
    assert client.get(url(ana.event, "console/")).status_code == 403


def test_console_is_forbidden_to_co_organiser_staff(client, event, co_staff):
    client.force_login(co_staff)
    response = client.get(url(event, "console/"))
    assert response.status_code == 403
    assert "Only the lead organiser&#x27;s staff can run the schedule." in response.content.decode()


def test_console_answers_the_lead_organisers_staff(client, event, lead_staff, ana, jonas):
    accept_request(send(jonas, ana), by=ana.user)
    client.force_login(lead_staff)
    response = client.get(url(event, "console/"))
    assert (response.status_code, response.context["counts"], response.context["draft"]) == (
        200,
        {"participants": 2, "accepted": 1, "asked": 0, "unscheduled": 0},
        None,
    )


def test_console_answers_a_superuser(client, event, superuser):
    client.force_login(superuser)
    assert client.get(url(event, "console/")).status_code == 200


def test_console_anonymously_goes_to_log_in(client, event):
    response = client.get(url(event, "console/"))
    assert response["Location"] == f"/accounts/login/?next=/e/{event.slug}/console/"


def test_console_shows_a_draft_and_its_release_form(client, event, lead_staff):
    Plan.objects.create(event=event, kind="draft", stats={"scheduled": 0})
    client.force_login(lead_staff)
    response = client.get(url(event, "console/"))
    assert (response.context["draft"].kind, response.context["conflicts"]) == ("draft", [])
    assert "Release this draft" in response.content.decode()


def test_console_counts_the_unscheduled_meetings_of_the_draft(
    client, event, lead_staff, ana, jonas
):
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    draft = Plan.objects.create(event=event, kind="draft", stats={"scheduled": 0})
    draft.placements.create(meeting=meeting, reason="Ana and Jonas share no free slot")
    client.force_login(lead_staff)
    response = client.get(url(event, "console/"))
    assert response.context["counts"]["unscheduled"] == 1


def test_schedule_with_a_bad_time_limit_names_the_field(client, event, lead_staff):
    client.force_login(lead_staff)
    response = client.post(url(event, "console/schedule/"), {"time_limit": "0"}, follow=True)
    assert shown_messages(response) == [
        "Time to search for a better schedule (seconds): Ensure this value is greater than or "
        "equal to 1."
    ]
    assert SolverRun.objects.count() == 0


def test_schedule_is_forbidden_to_co_organiser_staff(client, event, co_staff):
    client.force_login(co_staff)
    response = client.post(url(event, "console/schedule/"), {"time_limit": "1"})
    assert (response.status_code, SolverRun.objects.count()) == (403, 0)


def test_the_schedule_form_starts_from_the_last_runs_settings(client, event, lead_staff):
    client.force_login(lead_staff)
    form = client.get(url(event, "console/")).context["schedule_form"]
    assert (form["time_limit"].value(), form["seed"].value()) == (
        settings.SCHEDULE_TIME_LIMIT,
        0,
    )
    SolverRun.objects.create(event=event, status="done", time_limit=45.0, seed=7)
    form = client.get(url(event, "console/")).context["schedule_form"]
    assert (form["time_limit"].value(), form["seed"].value()) == (45.0, 7)


def test_run_status_renders_only_the_partial(client, event, lead_staff):
    run = SolverRun.objects.create(
        event=event, status="done", progress={"scheduled": 7, "seconds": 1.24}
    )
    client.force_login(lead_staff)
    response = client.get(url(event, f"console/runs/{run.pk}/"))
    assert (response.status_code, [t.name for t in response.templates]) == (
        200,
        ["meetings/_run_status.html"],
    )
    assert "7 meetings placed in 1.2 s." in response.content.decode()
    assert "proved optimal" not in response.content.decode()


def test_run_status_says_when_the_schedule_is_proved_optimal(client, event, lead_staff):
    run = SolverRun.objects.create(
        event=event,
        status="done",
        progress={"scheduled": 7, "seconds": 0.1, "proved_optimal": True},
    )
    client.force_login(lead_staff)
    page = client.get(url(event, f"console/runs/{run.pk}/")).content.decode()
    assert "7 meetings placed in 0.1 s." in page
    assert "this one is proved optimal." in page


def test_run_status_of_a_running_run_polls_again(client, event, lead_staff):
    run = SolverRun.objects.create(event=event, status="running", progress={"scheduled": 3})
    client.force_login(lead_staff)
    page = client.get(url(event, f"console/runs/{run.pk}/")).content.decode()
    assert f'hx-get="/e/{event.slug}/console/runs/{run.pk}/"' in page


def test_run_status_of_a_running_run_gives_the_gaps_and_their_bound(client, event, lead_staff):
    progress = {"seconds": 4, "phase": "maxsat", "scheduled": 9, "priority_bound": 9}
    run = SolverRun.objects.create(
        event=event, status="running", progress={**progress, "holes": 5, "holes_bound": 2}
    )
    client.force_login(lead_staff)
    page = client.get(url(event, f"console/runs/{run.pk}/")).content.decode()
    assert "5 holes so far." in page
    assert "A schedule with the most meetings has at least 2." in page
    with translation.override("en"):  # the middleware switches to Bulgarian; switch back after
        page = client.get(
            url(event, f"console/runs/{run.pk}/"), HTTP_ACCEPT_LANGUAGE="bg"
        ).content.decode()
    assert "Засега 5 празнини." in page
    assert "График с най-много срещи има поне 2." in page
    # Before any search has proved a bound, the page claims none.
    run.progress = {**progress, "holes": 1, "holes_bound": None}
    run.save()
    page = client.get(url(event, f"console/runs/{run.pk}/")).content.decode()
    assert "1 hole so far." in page
    assert "has at least" not in page


def test_a_finished_run_not_proved_optimal_gives_its_gaps_bound(client, event, lead_staff):
    run = SolverRun.objects.create(
        event=event,
        status="done",
        progress={"scheduled": 7, "seconds": 2.0, "holes": 3, "holes_lower_bound": 1},
    )
    client.force_login(lead_staff)
    page = client.get(url(event, f"console/runs/{run.pk}/")).content.decode()
    assert "3 holes left; no schedule of as many meetings has fewer than 1." in page
    assert "proved optimal" not in page


def test_run_status_of_another_events_run_is_404(client, event, lead_staff):
    other = SolverRun.objects.create(event=factories.EventFactory())
    client.force_login(lead_staff)
    assert client.get(url(event, f"console/runs/{other.pk}/")).status_code == 404


def test_run_status_is_forbidden_to_participants(client, event, ana):
    run = SolverRun.objects.create(event=event)
    client.force_login(ana.user)
    assert client.get(url(event, f"console/runs/{run.pk}/")).status_code == 403


def test_release_without_a_draft_shows_the_error(client, event, lead_staff):
    client.force_login(lead_staff)
    response = client.post(url(event, "console/release/"), {"name": "First"}, follow=True)
    assert shown_messages(response) == ["There is no draft to release. Run the scheduler first."]
    assert Plan.objects.count() == 0


def test_release_of_a_draft_makes_version_1(client, event, lead_staff):
    Plan.objects.create(event=event, kind="draft", stats={"scheduled": 0})
    client.force_login(lead_staff)
    response = client.post(url(event, "console/release/"), {"name": "First"}, follow=True)
    assert shown_messages(response) == ["Released as version 1."]
    assert list(Plan.objects.filter(kind="release").values_list("version", "name")) == [
        (1, "First")
    ]


def _double_booked_draft(event, ana, jonas):
    """A draft where Ana has two meetings at 09:00, at two tables."""
    carl = factories.RegistrationFactory(event=event, user__full_name="Carl Third")
    meetings = [accept_request(send(ana, other), by=other.user) for other in (jonas, carl)]
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    draft = Plan.objects.create(event=event, kind="draft", stats={"scheduled": 2})
    for meeting, table in zip(meetings, event.tables.order_by("id"), strict=False):
        draft.placements.create(meeting=meeting, slot=slot, table=table)
    return meetings


def test_release_of_a_double_booked_draft_is_refused_with_the_problem(
    client, event, lead_staff, ana, jonas
):
    _double_booked_draft(event, ana, jonas)
    client.force_login(lead_staff)
    response = client.post(
        url(event, "console/release/"), {"name": "First", "confirmed": "on"}, follow=True
    )
    assert shown_messages(response) == [
        "This draft cannot be released until these problems are fixed:",
        "Booked twice: Ana Petrova has 2 meetings in one slot",
    ]
    assert Plan.objects.filter(kind="release").count() == 0


def test_console_release_section_lists_each_problem_with_its_fixes(
    client, event, lead_staff, ana, jonas
):
    first, _second = _double_booked_draft(event, ana, jonas)
    client.force_login(lead_staff)
    response = client.get(url(event, "console/"))
    page = response.content.decode()
    assert [c.kind for c in response.context["blocking"]] == ["double_booked"]
    assert "This draft cannot be released until 1 problem is fixed." in page
    assert f'action="/e/{event.slug}/console/meetings/{first.pk}/unschedule/"' in page
    assert "double_booked" not in page


def test_console_release_section_in_bulgarian_has_no_codes(client, event, lead_staff, ana, jonas):
    _double_booked_draft(event, ana, jonas)
    client.force_login(lead_staff)
    with translation.override("en"):  # the middleware switches to Bulgarian; switch back after
        page = client.get(url(event, "console/"), HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert "Тази чернова не може да се публикува, докато не се оправи 1 проблем." in page
    assert "<td>Две срещи по едно и също време</td>" in page
    assert "Извади срещата от графика" in page


def test_release_with_soft_conflicts_asks_for_the_named_confirmation(
    client, event, lead_staff, ana, jonas
):
    meeting = accept_request(send(ana, jonas), by=jonas.user)
    Plan.objects.create(event=event, kind="draft").placements.create(
        meeting=meeting, reason="No common free slot"
    )
    client.force_login(lead_staff)
    page = client.get(url(event, "console/")).content.decode()
    assert "I have looked at these and release the draft with them: 1 × No slot" in page
    refused = client.post(url(event, "console/release/"), {"name": "First"}, follow=True)
    assert shown_messages(refused) == [
        "Confirm that you release the draft with these: 1 × No slot."
    ]
    done = client.post(
        url(event, "console/release/"), {"name": "First", "confirmed": "on"}, follow=True
    )
    assert shown_messages(done) == ["Released as version 1."]


def test_console_counts_hand_moves_since_the_last_release(client, event, lead_staff, ana, jonas):
    meeting = accept_request(send(ana, jonas), by=jonas.user)
    first_slot, second_slot = Slot.objects.filter(session__event=event).order_by("starts_at")[:2]
    table = event.tables.first()
    release = Plan.objects.create(event=event, kind="release", version=1, stats={"moved_count": 0})
    release.placements.create(meeting=meeting, slot=first_slot, table=table)
    draft = Plan.objects.create(event=event, kind="draft", stats={"moved_count": 0})
    draft.placements.create(meeting=meeting, slot=second_slot, table=table)
    client.force_login(lead_staff)
    response = client.get(url(event, "console/"))
    assert response.context["moved"] == 1


def test_release_is_forbidden_to_co_organiser_staff(client, event, co_staff):
    Plan.objects.create(event=event, kind="draft")
    client.force_login(co_staff)
    response = client.post(url(event, "console/release/"), {"name": "Mine"})
    assert (response.status_code, Plan.objects.filter(kind="release").count()) == (403, 0)


# Query counts: the requests page costs the same for 20 requests as for 200.


def requests_of_ana(ana, count):
    for number in range(count):
        other = factories.RegistrationFactory(event=ana.event)
        if number % 2:
            factories.MeetingRequestFactory(sender=ana, recipient=other)
        else:
            factories.MeetingRequestFactory(sender=other, recipient=ana)


def test_requests_page_costs_the_same_queries_for_20_and_200_requests(
    client, ana, django_assert_num_queries
):
    client.force_login(ana.user)
    requests_of_ana(ana, 20)
    client.get(url(ana.event, "requests/"))  # the first request warms caches
    with CaptureQueriesContext(connection) as for_twenty:
        client.get(url(ana.event, "requests/"))
    requests_of_ana(ana, 180)
    with django_assert_num_queries(len(for_twenty)):
        response = client.get(url(ana.event, "requests/"))
    assert [count for _tab, _label, count in response.context["tabs"]] == [100, 100, 0, 0]


@pytest.mark.parametrize("path", ["agenda/", "requests/"])
def test_participant_pages_of_an_unknown_event_are_404(client, ana, path):
    client.force_login(ana.user)
    assert client.get(f"/e/no-such-event/{path}").status_code == 404


def test_send_after_booking_closes_shows_why_not(client, ana, jonas):
    ana.event.booking_closes_at = timezone.now() - dt.timedelta(minutes=1)
    ana.event.save()
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, f"participants/{jonas.pk}/request/"), {"message": "Late"}, follow=True
    )
    assert (shown_messages(response), MeetingRequest.objects.count()) == (
        ["Meeting requests for this event are closed."],
        0,
    )
