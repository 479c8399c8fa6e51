import datetime as dt

import pytest
from django.utils import timezone, translation

from matchfair.events.models import Slot
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan, SolverRun
from tests import factories
from tests.meetings.domain.helpers import meet, result_for


def url(event, path=""):
    return f"/e/{event.slug}/console/{path}"


def _asked(event, sender, recipient):
    """A meeting request still waiting for the recipient's answer."""
    return MeetingRequest.objects.create(
        event=event,
        sender=sender,
        recipient=recipient,
        pair=MeetingRequest.pair_of(sender.pk, recipient.pk),
    )


@pytest.fixture
def meeting(ana, jonas):
    return meet(ana, jonas)


@pytest.fixture
def released(upcoming, meeting, lead_staff):
    event = upcoming
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    write_draft(event=event, result=result_for(meeting, slot, event.tables.first()), by=lead_staff)
    return release_plan(event=event, by=lead_staff, notify=False)


@pytest.fixture
def upcoming(event):
    """The factories' event lies in the past of the real clock; move it to November 2096, so it
    has not begun whenever the suite runs (a shift of two years ran out in November 2028).

    The shift is of whole weeks and made on the event's wall clock, so weekdays and local
    times stay, whatever the clocks do in between.
    """
    shift = dt.timedelta(weeks=3652)
    zone = event.zone

    def later(moment):
        return moment.astimezone(zone) + shift

    event.starts_on += shift
    event.ends_on += shift
    event.save()
    for session in event.sessions.all():
        session.starts_at, session.ends_at = later(session.starts_at), later(session.ends_at)
        session.save()
    for slot in Slot.objects.filter(session__event=event):
        slot.starts_at, slot.ends_at = later(slot.starts_at), later(slot.ends_at)
        slot.save()
    assert event.sessions.order_by("starts_at").first().starts_at > timezone.now()
    return event


def test_day_page_shows_the_draft_by_session(client, event, released, meeting, lead_staff):
    client.force_login(lead_staff)
    response = client.get(url(event, "day/"))
    assert response.status_code == 200
    [(_slot, placements)] = response.context["rows"]
    assert [placement.meeting for placement in placements] == [meeting]


def test_day_page_is_for_the_lead_only(client, event, released, co_staff, ana):
    for user in (co_staff, ana.user):
        client.force_login(user)
        assert client.get(url(event, "day/")).status_code == 403


def test_unschedule_with_htmx_returns_the_board_with_conflicts(
    client, event, released, meeting, lead_staff
):
    client.force_login(lead_staff)
    response = client.post(url(event, f"meetings/{meeting.pk}/unschedule/"), HTTP_HX_REQUEST="true")
    assert response.templates[0].name == "meetings/_day_board.html"
    assert [c.kind for c in response.context["conflicts"]] == ["unscheduled"]
    assert f"Meeting #{meeting.pk} has no slot now." in response.content.decode()


def test_move_into_an_occupied_table_is_refused_by_the_form(
    client, upcoming, released, meeting, lead_staff
):
    event = upcoming
    other = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    first = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    client.force_login(lead_staff)
    response = client.post(
        url(event, f"meetings/{other.pk}/move/"),
        {"slot": first.pk, "table": event.tables.first().pk},
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Table: This table is not free then; choose one of those offered."
    ]
    assert not Placement.objects.filter(plan__kind="draft", meeting=other).exists()


def test_move_page_lists_only_slots_where_everyone_is_free_in_local_time(
    client, upcoming, released, meeting, ana, lead_staff
):
    event = upcoming
    slots = list(Slot.objects.filter(session__event=event).order_by("starts_at"))
    busy = meet(ana, factories.RegistrationFactory(event=event))
    client.force_login(lead_staff)
    response = client.get(url(event, f"meetings/{busy.pk}/move/"))
    # Ana meets Jonas in the first slot (the release), so it is not offered.
    assert [option.slot for option in response.context["options"]] == slots[1:]
    labels = [label for _value, label in response.context["form"].fields["slot"].choices]
    assert labels[0].endswith(" 09:30 · Morning 1")


def test_move_page_for_a_slot_offers_its_free_tables_then_moves(
    client, upcoming, released, meeting, lead_staff
):
    event = upcoming
    second = Slot.objects.filter(session__event=event).order_by("starts_at")[1]
    client.force_login(lead_staff)
    page = client.get(url(event, f"meetings/{meeting.pk}/move/"), {"slot": second.pk})
    choices = [label for _value, label in page.context["form"].fields["table"].choices]
    assert choices == [f"Table {n} · Hall 2" for n in (1, 2, 3, 4)]
    table = event.tables.get(name="Table 3")
    response = client.post(
        url(event, f"meetings/{meeting.pk}/move/"), {"slot": second.pk, "table": table.pk}
    )
    assert response["Location"] == url(event, "day/")
    placed = Placement.objects.get(plan__kind="draft", meeting=meeting)
    assert (placed.slot, placed.table) == (second, table)
    # The day page says it once: its layout shows the messages, the board only after htmx.
    assert (
        client.get(response["Location"]).content.decode().count(f"Meeting #{meeting.pk} moved") == 1
    )


def test_move_page_never_offers_someone_elses_stand(
    client, upcoming, released, meeting, lead_staff
):
    event = upcoming
    stand = event.tables.get(name="Table 2")
    stand.booth_of = factories.RegistrationFactory(event=event)
    stand.save()
    second = Slot.objects.filter(session__event=event).order_by("starts_at")[1]
    client.force_login(lead_staff)
    page = client.get(url(event, f"meetings/{meeting.pk}/move/"), {"slot": second.pk})
    assert [table.name for table in page.context["tables"]] == ["Table 1", "Table 3", "Table 4"]


def test_cancel_no_show_and_late_accept_from_the_day_page(
    client, event, ana, jonas, released, meeting, lead_staff
):
    client.force_login(lead_staff)
    client.post(url(event, f"meetings/{meeting.pk}/no-show/"), {"registration": ana.pk})
    assert NoShow.objects.get().registration == ana
    client.post(url(event, f"meetings/{meeting.pk}/cancel/"))
    assert Meeting.objects.get(pk=meeting.pk).status == "cancelled"
    asked = MeetingRequest.objects.create(
        event=event,
        sender=jonas,
        recipient=ana,
        pair=MeetingRequest.pair_of(jonas.pk, ana.pk),
        message="Again?",
    )
    response = client.post(url(event, f"requests/{asked.pk}/accept/"))
    assert (response.status_code, response["Location"]) == (302, url(event, "day/"))
    asked.refresh_from_db()
    assert asked.status == "accepted"


def test_remove_table_asks_before_it_changes_anything(client, event, released, meeting, lead_staff):
    table = event.tables.first()
    client.force_login(lead_staff)
    page = client.get(url(event, f"venue/tables/{table.pk}/remove/"))
    assert [item.meeting_id for item in page.context["affected"]] == [meeting.pk]
    table.refresh_from_db()
    assert table.is_active is True
    client.post(url(event, f"venue/tables/{table.pk}/remove/"), {"confirm": "yes"})
    table.refresh_from_db()
    assert table.is_active is False


def test_console_links_to_the_day_page(client, event, released, lead_staff):
    client.force_login(lead_staff)
    body = client.get(url(event)).content.decode()
    assert f'href="/e/{event.slug}/console/day/"' in body


def test_replan_from_the_day_page_locks_what_has_started(
    client, event, meeting, lead_staff, django_capture_on_commit_callbacks
):
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    write_draft(event=event, result=result_for(meeting, slot, event.tables.first()), by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(event, "day/replan/"), {"time_limit": 1})
    assert response.status_code == 302
    # The factories' event lies in the past, so its one meeting has started and stays put.
    run = SolverRun.objects.get()
    assert (run.status, run.progress["locked"], run.progress["moved_count"]) == ("done", 1, 0)
    assert run.plan.placements.get().slot == slot


def test_venue_page_lists_sessions_and_tables_in_use(client, event, lead_staff):
    event.tables.filter(pk=event.tables.first().pk).update(is_active=False)
    client.force_login(lead_staff)
    response = client.get(url(event, "venue/"))
    assert (
        response.status_code,
        len(response.context["tables"]),
        len(response.context["sessions"]),
    ) == (200, 3, 2)


def test_remove_session_page_names_the_meetings_then_closes_it(
    client, event, released, meeting, lead_staff
):
    session = event.sessions.order_by("starts_at").first()
    client.force_login(lead_staff)
    page = client.get(url(event, f"venue/sessions/{session.pk}/remove/"))
    assert "Ana Petrova &amp; Jonas Berg" in page.content.decode()
    response = client.post(url(event, f"venue/sessions/{session.pk}/remove/"), {"confirm": "yes"})
    session.refresh_from_db()
    assert (response.status_code, session.is_b2b) == (302, False)


def test_day_page_costs_the_same_queries_for_one_or_many_meetings(
    client, event, released, meeting, lead_staff
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from matchfair.meetings.domain.changes import move_meeting, record_no_show

    client.force_login(lead_staff)
    first = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    # One no-show already, so both pages fetch the same kinds of rows.
    record_no_show(meeting=meeting, registration=meeting.participants.first(), by=lead_staff)
    client.get(url(event, "day/"))  # warm the session and caches
    with CaptureQueriesContext(connection) as one:
        client.get(url(event, "day/"))
    before = first.starts_at - dt.timedelta(days=1)
    for table in list(event.tables.all())[1:]:
        other = meet(
            factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
        )
        move_meeting(meeting=other, slot=first, table=table, by=lead_staff, now=before)
        record_no_show(meeting=other, registration=other.participants.first(), by=lead_staff)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(event, "day/"))
    assert len(response.context["rows"][0][1]) == 4
    assert len(many.captured_queries) == len(one.captured_queries)


def test_day_page_finds_waiting_requests_by_name_and_says_how_many_it_leaves_out(
    client, event, released, lead_staff, ana, jonas, monkeypatch
):
    from matchfair.meetings import views_schedule

    others = [factories.RegistrationFactory(event=event) for _ in range(3)]
    for sender in others:
        _asked(event, sender, ana)
    monkeypatch.setattr(views_schedule, "ASKED_SHOWN", 2)
    client.force_login(lead_staff)
    page = client.get(url(event, "day/"))
    assert len(page.context["asked"]) == 2
    assert "The 2 oldest of 3; search by name to find the others." in page.content.decode()
    with translation.override("en"):  # the middleware switches to Bulgarian; switch back after
        page = client.get(url(event, "day/"), HTTP_ACCEPT_LANGUAGE="bg")
    assert "Най-старите 2 от 3; търсете по име" in page.content.decode()
    wanted = others[2].user.full_name
    page = client.get(url(event, "day/"), {"q": f" {wanted.upper()} "})
    assert [item.sender for item in page.context["asked"]] == [others[2]]
    assert "1 request matches." in page.content.decode()
    assert client.get(url(event, "day/"), {"q": "nobody-by-this-name"}).context["asked_count"] == 0


def test_day_page_finds_meetings_without_a_slot_by_name_and_says_how_many_it_leaves_out(
    client, event, released, lead_staff, ana, monkeypatch
):
    from matchfair.meetings import views_schedule

    # One the plan could not place, with its reason, and two accepted after it was made.
    others = [factories.RegistrationFactory(event=event) for _ in range(3)]
    left_out = meet(ana, others[0])
    plan = views_schedule._working_plan(event)
    Placement.objects.create(plan=plan, meeting=left_out, reason="Ana has no free slot")
    later = [meet(others[1], others[2]), meet(ana, others[2])]
    monkeypatch.setattr(views_schedule, "UNPLACED_SHOWN", 2)
    client.force_login(lead_staff)
    page = client.get(url(event, "day/"))
    assert [p.meeting for p in page.context["waiting"]] == [left_out]
    assert page.context["unplanned"] == [later[0]]
    assert "The first 2 of 3; search by name to find the others." in page.content.decode()
    with translation.override("en"):
        page = client.get(url(event, "day/"), HTTP_ACCEPT_LANGUAGE="bg")
    assert "Първите 2 от 3; търсете по име" in page.content.decode()
    wanted = others[2].user.full_name
    page = client.get(url(event, "day/"), {"find": f" {wanted.lower()} "})
    assert (page.context["waiting"], page.context["unplanned"]) == ([], later)
    assert "2 meetings match." in page.content.decode()
    page = client.get(url(event, "day/"), {"find": others[0].user.full_name})
    assert [p.meeting for p in page.context["waiting"]] == [left_out]
    assert "Ana has no free slot" in page.content.decode()
    page = client.get(url(event, "day/"), {"find": "nobody-by-this-name"})
    assert page.context["unplaced_count"] == 0
    assert "0 meetings match." in page.content.decode()


@pytest.mark.parametrize(
    ("searches", "query"),
    [
        ({"q": "Person"}, "q=Person"),
        ({"find": "Person"}, "find=Person"),
        ({"q": "Ana", "find": "Person"}, "q=Ana&find=Person"),
    ],
)
def test_accepting_a_request_from_the_day_page_keeps_its_searches(
    client, event, released, lead_staff, ana, searches, query
):
    asked = _asked(event, factories.RegistrationFactory(event=event), ana)
    slot = Slot.objects.filter(session__event=event).first()
    client.force_login(lead_staff)
    response = client.post(
        url(event, f"requests/{asked.pk}/accept/"),
        {"session": slot.session_id, "slot": slot.pk, **searches},
    )
    assert response["Location"] == url(
        event, f"day/?session={slot.session_id}&slot={slot.pk}&{query}"
    )


def test_the_day_board_after_a_change_shows_request_times_in_the_event_time_zone(
    client, event, released, meeting, lead_staff, ana
):
    # The board returned to htmx once showed when a request was asked in UTC, the full page
    # in the event's zone.
    asked = _asked(event, factories.RegistrationFactory(event=event), ana)
    asked.created = dt.datetime(2026, 6, 1, 22, 30, tzinfo=dt.UTC)
    asked.save(update_fields=["created"])
    local = asked.created.astimezone(event.zone)
    assert local.utcoffset()  # the test means nothing in a zone at UTC
    shown = f"{local.day} {local:%b %H:%M}"
    client.force_login(lead_staff)
    response = client.post(url(event, f"meetings/{meeting.pk}/unschedule/"), HTTP_HX_REQUEST="true")
    assert response.templates[0].name == "meetings/_day_board.html"
    assert shown in response.content.decode()
    assert shown in client.get(url(event, "day/")).content.decode()


def test_unscheduling_from_the_release_section_returns_to_it(
    client, upcoming, lead_staff, ana, jonas
):
    event = upcoming
    carl = factories.RegistrationFactory(event=event, user__full_name="Carl Third")
    first, second = meet(ana, jonas), meet(ana, carl)
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    draft = Plan.objects.create(event=event, kind="draft")
    draft.placements.create(meeting=first, slot=slot, table=event.tables.order_by("id")[0])
    draft.placements.create(meeting=second, slot=slot, table=event.tables.order_by("id")[1])
    client.force_login(lead_staff)
    response = client.post(url(event, f"meetings/{first.pk}/unschedule/"), {"back": "console"})
    assert response["Location"] == url(event) + "#release"
    assert client.get(url(event)).context["blocking"] == []


@pytest.fixture
def busy_session(upcoming, lead_staff):
    """Three meetings in the first morning: Ana at 09:00 and 10:00, Carl and Dan at 09:30."""
    event = upcoming
    slots = list(Slot.objects.filter(session__event=event).order_by("starts_at"))
    people = {
        name: factories.RegistrationFactory(event=event, user__full_name=name)
        for name in ("Ana Petrova", "Ben Ode", "Carl Third", "Dan Fourth", "Eve Fifth")
    }
    table_10 = event.tables.create(name="Table 10", location="Hall 2")
    draft = Plan.objects.create(event=event, kind="draft")
    for first, second, slot, table in [
        ("Ana Petrova", "Ben Ode", slots[0], table_10),
        ("Carl Third", "Dan Fourth", slots[1], event.tables.get(name="Table 2")),
        ("Ana Petrova", "Eve Fifth", slots[2], event.tables.get(name="Table 1")),
    ]:
        draft.placements.create(meeting=meet(people[first], people[second]), slot=slot, table=table)
    return event, slots


def _board_rows(response):
    return [
        (f"{slot.starts_at.astimezone(slot.session.event.zone):%H:%M}", placement.table.name)
        for slot, placements in response.context["rows"]
        for placement in placements
    ]


def test_day_board_finds_a_persons_meetings_across_the_session(client, busy_session, lead_staff):
    event, _slots = busy_session
    client.force_login(lead_staff)
    response = client.get(url(event, "day/"), {"search": "petrova"})
    assert _board_rows(response) == [("09:00", "Table 10"), ("10:00", "Table 1")]
    assert "2 meetings found in this session." in response.content.decode()


def test_day_board_finds_a_table_and_a_time(client, busy_session, lead_staff):
    event, slots = busy_session
    client.force_login(lead_staff)
    by_table = client.get(url(event, "day/"), {"search": "Table 10"})
    by_time = client.get(url(event, "day/"), {"search": "9:30"})
    assert _board_rows(by_table) == [("09:00", "Table 10")]
    assert (by_time.context["slot"], _board_rows(by_time)) == (slots[1], [("09:30", "Table 2")])


def test_day_board_sorts_tables_naturally(client, busy_session, lead_staff):
    event, slots = busy_session
    others = [factories.RegistrationFactory(event=event) for _ in range(2)]
    table_30 = event.tables.get(name="Table 3")  # made before Table 10: by id it comes first
    table_30.name = "Table 30"
    table_30.save()
    Plan.objects.get(event=event, kind="draft").placements.create(
        meeting=meet(*others), slot=slots[0], table=table_30
    )
    client.force_login(lead_staff)
    response = client.get(url(event, "day/"), {"slot": slots[0].pk})
    assert _board_rows(response) == [("09:00", "Table 10"), ("09:00", "Table 30")]


def test_day_board_has_a_page_per_session_with_its_neighbours(client, busy_session, lead_staff):
    event, _slots = busy_session
    first, second = event.sessions.order_by("starts_at")
    client.force_login(lead_staff)
    page = client.get(url(event, f"day/sessions/{second.pk}/"))
    body = page.content.decode()
    assert (page.context["session"], page.context["previous_session"]) == (second, first)
    assert page.context["next_session"] is None
    assert f'href="/e/{event.slug}/console/day/sessions/{first.pk}/" rel="prev">← Morning 1' in body
    opening = client.get(url(event, f"day/sessions/{first.pk}/"))
    assert [count for _slot, count in opening.context["slot_buttons"]] == [1, 1, 1, 0]
    assert "09:30 <small>1 meeting</small>" in opening.content.decode()
    assert opening.context["next_session"] == second


def test_day_board_session_page_of_another_event_is_not_found(client, busy_session, lead_staff):
    event, _slots = busy_session
    elsewhere = factories.b2b_event().sessions.first()
    client.force_login(lead_staff)
    assert client.get(url(event, f"day/sessions/{elsewhere.pk}/")).status_code == 404
