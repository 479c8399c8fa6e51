"""Every kind of mail the system sends, rendered and sent through the real outbox: its links are
whole (a mail client has no page to resolve a path against) and it greets its reader once."""

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import translation

import matchfair
from matchfair.mailings.domain.mailings import send_mailing
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.outbox.domain import queue_message
from tests import factories
from tests.meetings.domain.helpers import result_for

SITE = "https://matchfair.test"
ELSEWHERE = "https://ec.europa.eu/info/funding-tenders/topic/HORIZON-CL5-2027-D4-01"
URL = re.compile(r"https?://[^\s<>\"')]+")
RELATIVE = re.compile(r"(?:^|\s)(/[\w.-][\w./?=&%-]*)")
GREETING = re.compile(r"^(Hello|Dear|Hi|Здравейте|Уважаеми)\b.*,$", re.MULTILINE)

TEMPLATES = sorted(
    str(path.relative_to(path.parents[2])).removesuffix(".txt")
    for path in Path(matchfair.__file__).parent.glob("*/templates/*/*/*.txt")
    if not path.name.endswith("_subject.txt")
)


def problems(body: str) -> list[str]:
    """What would not work in a mail client: a relative link, a link elsewhere, two greetings."""
    found = [f"relative link {path}" for path in RELATIVE.findall(body)]
    found += [
        f"link to another site {url}"
        for url in URL.findall(body)
        if not url.startswith(f"{SITE}/") and url != ELSEWHERE
    ]
    greetings = GREETING.findall(body)
    if len(greetings) != 1:
        found.append(f"{len(greetings)} greetings")
    return found


@pytest.fixture
def world(db):
    event = factories.b2b_event()
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(event=event, user__full_name="Jonas Berg")
    carla = factories.RegistrationFactory(event=event, user__full_name="Carla Duarte")
    meeting_request = factories.MeetingRequestFactory(sender=carla, recipient=ana, reply="Gladly")
    return SimpleNamespace(event=event, ana=ana, jonas=jonas, request=meeting_request)


def contexts(world) -> dict[str, dict]:
    """A context for each template, as its sender gives it: paths where the sender gives paths."""
    event, ana, jonas = world.event, world.ana, world.jonas
    organisation = ana.user.organisation
    path = f"/e/{event.slug}/agenda/"
    topic = SimpleNamespace(
        identifier="HORIZON-CL5-2027-D4-01",
        title="Smart mobility",
        programme="Horizon Europe",
        deadlines=["2027-02-01"],
        url=ELSEWHERE,
    )
    fit = SimpleNamespace(days_left=40, terms=["mobility"], projects=["CIVITAS"])
    delegation = SimpleNamespace(name="Sofia at the expo", cluster="Sofia City of Knowledge")
    return {
        "assembly/mail/tracker": {
            "tracker": "7f3a-91c2",
            "revote_key": "0c1d2e3f",
            "member": organisation,
        },
        "assembly/mail/deadline_reminder": {
            "item": SimpleNamespace(
                title="Data space pilot",
                network="Smart City Tech Partnership",
                owner=organisation,
                deadline=dt.date(2027, 6, 30),
                progress=40,
                get_status_display="in progress",
            ),
            "days": 7,
            "url": "/assembly/work-plan/1/",
        },
        "assembly/mail/idea_status": {
            "idea": "Data space",
            "status": "accepted",
            "reason": "",
            "url": "/assembly/ideas/1/",
        },
        "newsroom/email/digest": {
            "items": [
                SimpleNamespace(
                    words={"title": "Expo news", "summary": "What we saw."},
                    kind="news",
                    other_language=False,
                    url="/news/2026/12/expo-news/",
                )
            ],
            "week": "2026-W49",
            "unsubscribe_url": "/news/digest/unsubscribe/signed/",
            "settings_url": "/news/digest/",
        },
        "community/mail/address_taken": {"login_url": "/login/", "reset_url": "/password/"},
        "community/mail/confirm": {"url": "/account/confirm/abc/"},
        "community/mail/membership_approved": {"organisation": organisation, "url": "/account/"},
        "community/mail/membership_refused": {"organisation": organisation, "url": "/account/"},
        "community/mail/membership_removed": {"organisation": organisation, "url": "/account/"},
        "community/mail/membership_requested": {
            "organisation": organisation,
            "person": jonas.user,
            "url": "/organisations/1/",
        },
        "community/mail/password_reset": {"url": "/password/abc/"},
        "console/mail/confirm_registration": {
            "event": event,
            "organiser": ana.organiser,
            "url": "/welcome/confirm/1/",
        },
        "console/mail/invitation": {"event": event, "url": "/welcome/abc/def/"},
        "console/mail/registration_rejected": {
            "event": event,
            "registration": ana,
            "reason": "Not a company",
        },
        "console/mail/registration_validated": {"event": event, "registration": ana, "url": path},
        "funding/email/digest": {
            "rows": [SimpleNamespace(topic=topic, fit=fit)],
            "organisation": organisation,
        },
        "funding/email/topics_changed": {"topics": [topic], "changes": []},
        "funding/email/invitation": {
            "invitation": SimpleNamespace(organisation=organisation),
            "proposal": SimpleNamespace(
                lead=organisation,
                proposal={"members": [{"name": "Volta", "country": "BG", "role": "coordinator"}]},
            ),
            "topic": topic,
            "url": path,
            "expires": 30,
        },
        "mailings/mail/booking_closed": {"event": event},
        "mailings/mail/booking_opened": {"event": event, "zone": event.zone, "url": path},
        "mailings/mail/mailing": {"event": event, "text": "The floor plan is out.", "greet": True},
        "mailings/mail/request_reminder": {"event": event, "request": world.request, "url": path},
        "meetings/mail/agenda_changed": {
            "plan": SimpleNamespace(version=2),
            "changes": ["New meeting with Jonas Berg: Tue 10 Nov 09:00, Table 1, Hall 2"],
            "url": path,
        },
        "meetings/mail/meeting_cancelled": {
            "others": ["Jonas Berg"],
            "where": "Tue 10 Nov 09:00, Table 1, Hall 2",
            "url": path,
        },
        "meetings/mail/request_answered": {"request": world.request, "url": path},
        "meetings/mail/request_cancelled": {"by": jonas.user, "url": path},
        "meetings/mail/request_received": {"request": world.request, "url": path},
        "outcomes/mail/introduction_asked": {"asker": jonas.user, "event": event, "url": path},
        **{
            f"outcomes/mail/{name}": {
                "event": event,
                "campaign": SimpleNamespace(days_after=91),
                "meetings": ["Jonas Berg (Nordic Mobility)"],
                "url": "/follow-up/signed-token/",
                "expires": 60,
            }
            for name in ("campaign", "campaign_reminder")
        },
        "outcomes/mail/consent_expiry": {
            "grants": [
                ("That I met someone", "The public", dt.datetime(2028, 12, 7, tzinfo=dt.UTC))
            ],
            "url": "/accounts/me/consent/",
        },
        "outcomes/mail/success_story": {
            "event": event,
            "others": "Jonas Berg (Nordic Mobility)",
            "agreement": "Supplier agreement",
            "cluster": "Sofia Smart Cities",
            "url": "/success-story/signed-token/",
            "expires": 60,
        },
        "visits/mail/invitation": {
            "invitation": SimpleNamespace(delegation=delegation),
            "event": event,
            "url": "/e/expo/visits/invitations/1/",
        },
        "visits/mail/itinerary_changed": {
            "member": SimpleNamespace(delegation=delegation),
            "event": event,
            "url": "/e/expo/visits/day/1/",
        },
    }


def test_every_mail_template_has_a_context_here(world):
    assert sorted(contexts(world)) == TEMPLATES


@pytest.mark.parametrize("language", ["en", "bg"])
def test_every_mail_has_whole_links_and_one_greeting(
    world, language, django_capture_on_commit_callbacks
):
    world.ana.user.language = language
    with django_capture_on_commit_callbacks(execute=True):
        for template, context in contexts(world).items():
            queue_message(
                key=f"test:{template}",
                kind=template,
                user=world.ana.user,
                template=template,
                context=context,
            )
    sent = {message.extra_headers["X-Matchfair-Kind"]: message.body for message in mail.outbox}
    assert sorted(sent) == TEMPLATES
    assert {kind: problems(body) for kind, body in sent.items() if problems(body)} == {}


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Dear {name},\n\nThe floor plan is out: {agenda_url}", "Dear Ana Petrova,"),
        ("The floor plan is out: {agenda_url}", "Hello Ana Petrova,"),
        ("Уважаеми колеги,\n\nПланът е готов: {requests_url}", "Уважаеми колеги,"),
    ],
)
def test_a_mailing_greets_once_and_its_placeholders_are_whole_links(
    world, text, greeting, django_capture_on_commit_callbacks
):
    lead = world.event.organisers.get().staff.first() or factories.UserFactory()
    world.event.organisers.get().staff.add(lead)
    with django_capture_on_commit_callbacks(execute=True):
        send_mailing(event=world.event, by=lead, subject="News", body=text, audience_name="all")
    body = next(message.body for message in mail.outbox if message.to == [world.ana.user.email])
    assert (GREETING.findall(body), problems(body)) == ([greeting.split()[0]], [])
    assert f"{SITE}/e/{world.event.slug}/" in body


def test_a_change_mail_says_what_when_where_and_with_whom(
    world, django_capture_on_commit_callbacks
):
    event, ana, jonas = world.event, world.ana, world.jonas
    lead = factories.UserFactory()
    event.organisers.get().staff.add(lead)
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    slot = event.sessions.first().slots.first()
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, slot, table), by=lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release_plan(event=event, by=lead)
    body = next(message.body for message in mail.outbox if message.to == [ana.user.email])
    assert body.splitlines()[4] == (
        f"- New meeting with Jonas Berg ({jonas.user.organisation}):"
        f" Tue 10 Nov 09:00, {table.name}, Hall 2"
    )
    assert problems(body) == []


def test_a_change_mail_is_written_in_its_readers_language(
    world, django_capture_on_commit_callbacks
):
    event, ana, jonas = world.event, world.ana, world.jonas
    ana.user.language = "bg"
    ana.user.save(update_fields=["language"])
    lead = factories.UserFactory()
    event.organisers.get().staff.add(lead)
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    write_draft(
        event=event,
        result=result_for(meeting, event.sessions.first().slots.first(), event.tables.first()),
        by=lead,
    )
    mail.outbox.clear()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        release_plan(event=event, by=lead)
    body = next(message.body for message in mail.outbox if message.to == [ana.user.email])
    assert body.splitlines()[4].startswith("- Нова среща с Jonas Berg")


def test_the_check_finds_what_a_mail_client_cannot_use():
    body = (
        "Hello Ana Petrova,\n\nDear Ana Petrova,\n\n"
        "Your requests: /e/expo/requests/ and http://127.0.0.1:8000/e/expo/agenda/\n"
    )
    assert problems(body) == [
        "relative link /e/expo/requests/",
        "link to another site http://127.0.0.1:8000/e/expo/agenda/",
        "2 greetings",
    ]
