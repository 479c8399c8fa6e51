"""Personal data: the JSON export holds the person's data and nobody else's private data; erasure
removes the personal data, keeps the event's meeting statistics, and is all or nothing."""

import json

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone

from matchfair.api.domain.tokens import create_feed, create_token
from matchfair.api.models import ApiToken, CalendarFeed
from matchfair.audit.models import AuditEntry
from matchfair.community.domain import privacy
from matchfair.community.domain.accounts import update_account
from matchfair.community.models import Delegate, Membership, MembershipRequest, Network, User
from matchfair.console.models import ImportBatch
from matchfair.contacts.domain.contacts import add_contact
from matchfair.contacts.models import Contact
from matchfair.events.models import Opportunity
from matchfair.mailings.models import Mailing
from matchfair.matchmaking.models import Suggestion
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan, SolverRun
from tests import factories

EMAIL = "ana.petrova@mobility.example"
NAME = "Ana Petrova"
PASSWORD = factories.PASSWORD


@pytest.fixture
def world(event, ana, jonas):
    """Ana's data at the event, and Jonas's, which must never leak into Ana's export."""
    ana.user.email = EMAIL
    ana.user.save()
    update_account(user=ana.user, by=ana.user, phone="+359 88 123 4567", job_title="Founder")
    jonas.user.phone = "+358 40 765 4321"
    jonas.user.save()
    ana.headline = "Parking sensors for old towns"
    ana.description = "Ana Petrova's start-up counts free parking places."
    ana.max_in_a_row = 3
    ana.save()
    ana.unavailable_sessions.add(event.sessions.last())
    factories.OpportunityFactory(registration=ana, title="Sensor pilot wanted")
    third = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hello Jonas, Ana here", by=ana.user),
        by=jonas.user,
        reply="Glad to meet you, Ana Petrova",
    )
    send_request(sender=third, recipient=ana, message="Dear Ana Petrova, shall we?", by=third.user)
    send_request(sender=jonas, recipient=third, message="Jonas's private plan", by=jonas.user)
    release = Plan.objects.create(event=event, kind="release", version=1, stats={"scheduled": 1})
    Placement.objects.create(
        plan=release,
        meeting=meeting,
        slot=event.sessions.first().slots.first(),
        table=event.tables.first(),
    )
    now = timezone.now()
    Suggestion.objects.create(registration=ana, suggested=jonas, rank=1, score=0.9, computed=now)
    Suggestion.objects.create(registration=jonas, suggested=ana, rank=1, score=0.9, computed=now)
    create_token(user=ana.user, name="CRM sync", by=ana.user)
    create_token(user=jonas.user, name="Jonas's secret tool", by=jonas.user)
    create_feed(registration=ana, by=ana.user)
    add_contact(owner=ana, by=ana.user, name="Laia Puig", email="laia@example.org", note="Pilot")
    add_contact(owner=ana, by=ana.user, registration=jonas, meeting=meeting)
    add_contact(owner=jonas, by=jonas.user, registration=ana, note="Met Ana at B12")
    add_contact(owner=jonas, by=jonas.user, name="Kari Virtanen", email="kari@example.org")
    cluster = event.organisers.get(is_lead=True).cluster
    Membership.objects.create(cluster=cluster, organisation=ana.user.organisation)
    network = Network.objects.create(name="Smart Cities Partnership", kind="partnership")
    Delegate.objects.create(network=network, cluster=cluster, user=ana.user)
    ana.user.refresh_from_db()
    return {"ana": ana, "jonas": jonas, "third": third, "meeting": meeting}


def mentions(needle: str) -> list[str]:
    """Every text or JSON column of every model where `needle` appears."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                hits = model._default_manager.filter(**{f"{field.name}__icontains": needle})
                if hits.exists():
                    found.append(f"{model._meta.label}.{field.name}")
            elif isinstance(field, models.JSONField):
                values = model._default_manager.values_list(field.name, flat=True)
                if any(needle.lower() in json.dumps(value).lower() for value in values):
                    found.append(f"{model._meta.label}.{field.name}")
    return found


def statistics(event):
    return {
        "meetings": Meeting.objects.filter(event=event).count(),
        "placements": Placement.objects.filter(plan__event=event).count(),
        "requests": MeetingRequest.objects.filter(event=event).count(),
        "registrations": event.registrations.count(),
        "participants_in_meetings": Meeting.participants.through.objects.count(),
    }


# Export


def test_the_export_holds_the_persons_data(world):
    data = privacy.export_personal_data(user=world["ana"].user)
    registration = data["registrations"][0]
    assert data["format"] == "matchfair-personal-data/1"
    assert (data["user"]["email"], data["user"]["phone"], data["user"]["job_title"]) == (
        EMAIL,
        "+359 88 123 4567",
        "Founder",
    )
    assert data["organisation"]["name"] == world["ana"].user.organisation.name
    assert [m["cluster"] for m in data["memberships"]["clusters"]] == [
        str(world["ana"].event.organisers.get(is_lead=True).cluster)
    ]
    assert data["memberships"]["delegate_for"][0]["network"] == "Smart Cities Partnership"
    assert (registration["headline"], registration["opportunities"][0]["title"]) == (
        "Parking sensors for old towns",
        "Sensor pilot wanted",
    )
    assert registration["availability"] == {
        "available_sessions": ["Morning 1"],
        "unavailable_sessions": ["Morning 2"],
        "max_in_a_row": 3,
        "max_per_day": None,
        "preferred_days": [],
    }
    assert data["requests"]["sent"][0] | {"created": None, "answered": None} == {
        "event": world["ana"].event.slug,
        "to": "Jonas Berg",
        "status": "accepted",
        "message": "Hello Jonas, Ana here",
        "reply": "Glad to meet you, Ana Petrova",
        "created": None,
        "answered": None,
    }
    assert [r["from"] for r in data["requests"]["received"]] == ["Tia Third"]
    assert [(m["with"], len(m["released_placements"])) for m in data["meetings"]] == [
        (["Jonas Berg"], 1)
    ]
    assert data["meetings"][0]["released_placements"][0]["starts"].endswith("+01:00")
    assert [s["suggested"] for s in data["suggestions"]] == ["Jonas Berg"]
    assert [t["name"] for t in data["api_tokens"]] == ["CRM sync"]
    assert len(data["calendar_feeds"]) == 1
    assert sorted(c["name"] for c in data["contacts"]) == ["Jonas Berg", "Laia Puig"]
    assert {"request.sent", "contact.added", "account.updated"} <= {
        entry["action"] for entry in data["audit"]
    }


def test_the_export_holds_no_other_persons_private_data_or_secrets(world):
    ana, jonas = world["ana"], world["jonas"]
    text = json.dumps(privacy.export_personal_data(user=ana.user))
    token = ApiToken.objects.get(user=ana.user)
    feed = CalendarFeed.objects.get(registration=ana)
    for secret in (
        jonas.user.email,
        jonas.user.phone,
        "Jonas's private plan",
        "Jonas's secret tool",
        "Kari Virtanen",
        "Met Ana at B12",
        token.key_hash,
        token.prefix,
        feed.token_hash,
    ):
        assert secret not in text, secret


def test_the_export_view_downloads_json(client, world):
    client.force_login(world["ana"].user)
    response = client.get("/accounts/me/data.json")
    assert (response.status_code, response["Content-Type"]) == (200, "application/json")
    assert response["Content-Disposition"] == 'attachment; filename="matchfair-personal-data.json"'
    assert json.loads(response.content)["user"]["email"] == EMAIL


def test_the_export_needs_a_login(client, db):
    assert client.get("/accounts/me/data.json")["Location"].startswith("/accounts/login/")


def test_the_account_page_offers_the_download_and_the_erasure(client, world):
    client.force_login(world["ana"].user)
    page = client.get("/accounts/me/").content.decode()
    assert ('href="/accounts/me/data.json"' in page, 'action="/accounts/me/erase/"' in page) == (
        True,
        True,
    )


def test_an_app_adds_its_section_to_the_registry(world):
    # The contacts app registered its section in its AppConfig.ready.
    assert "contacts" in [section.key for section in privacy.sections()]


# Erasure


def test_erasure_removes_every_trace_of_email_and_name(world):
    ana = world["ana"]
    assert mentions(EMAIL) and mentions(NAME)  # the search finds them before
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    assert (mentions(EMAIL), mentions(NAME), mentions("+359 88 123 4567")) == ([], [], [])
    assert mentions("Parking sensors for old towns") == []


def test_erasure_removes_the_personal_data_listed(world):
    ana, jonas = world["ana"], world["jonas"]
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    ana.refresh_from_db()
    jonas_card = Contact.objects.get(owner=jonas, name="Erased participant")
    assert (ana.headline, ana.description, ana.domains.count(), ana.status) == (
        "",
        "",
        0,
        "withdrawn",
    )
    assert Opportunity.objects.filter(registration=ana).count() == 0
    assert Contact.objects.filter(owner=ana).count() == 0
    assert (jonas_card.registration, jonas_card.note) == (None, "Met Ana at B12")
    assert Contact.objects.filter(owner=jonas, name="Kari Virtanen").exists()
    assert ApiToken.objects.filter(user=ana.user).count() == 0
    assert ApiToken.objects.filter(user=jonas.user).count() == 1
    assert CalendarFeed.objects.filter(registration=ana).count() == 0
    assert Suggestion.objects.count() == 0
    assert Delegate.objects.count() == 0
    assert set(MeetingRequest.objects.filter(sender=ana).values_list("message", "reply")) | set(
        MeetingRequest.objects.filter(recipient=ana).values_list("message", "reply")
    ) == {
        ("[erased]", "[erased]"),
        ("[erased]", ""),
    }
    assert MeetingRequest.objects.get(sender=jonas, recipient=world["third"]).message == (
        "Jonas's private plan"
    )


def test_erasure_keeps_the_meeting_statistics(world):
    ana = world["ana"]
    before = statistics(ana.event)
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    assert statistics(ana.event) == before
    assert world["meeting"].participants.filter(pk=ana.pk).exists()


def test_erasure_leaves_an_inactive_placeholder_and_only_actions_in_the_audit(world):
    user = world["ana"].user
    privacy.erase_account(user=user, by=user, password=PASSWORD)
    user.refresh_from_db()
    entries = AuditEntry.objects.filter(actor=user)
    assert (user.email, user.full_name, user.is_active, user.has_usable_password()) == (
        f"erased-{user.pk}@invalid",
        "Erased account",
        False,
        False,
    )
    assert entries.filter(action="account.erased").count() == 1
    kept = entries.exclude(action="account.erased").values_list("details", "subject_id")
    assert kept.count() > 0
    assert {(json.dumps(details), subject) for details, subject in kept} == {("{}", "")}


def test_after_erasure_the_placeholder_is_gone_from_the_directory(client, world):
    ana, jonas = world["ana"], world["jonas"]
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    client.force_login(jonas.user)
    directory = client.get(f"/e/{ana.event.slug}/participants/")
    profile = client.get(f"/e/{ana.event.slug}/participants/{ana.pk}/")
    assert ana not in list(directory.context["page"])
    assert profile.status_code == 404


def test_after_erasure_the_person_cannot_log_in(client, world):
    client.force_login(world["ana"].user)
    response = client.post("/accounts/me/erase/", {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert response.context["user"].is_authenticated is False
    user = User.objects.get(pk=world["ana"].user.pk)
    for email in (EMAIL, user.email):
        answer = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
        assert (answer.status_code, client.session.get("_auth_user_id")) == (200, None)


def test_a_wrong_password_changes_nothing(client, world):
    ana = world["ana"]
    client.force_login(ana.user)
    before = mentions(EMAIL)
    response = client.post("/accounts/me/erase/", {"password": "wrong"}, follow=True)
    messages = [m.message for m in response.context["messages"]]
    ana.user.refresh_from_db()
    assert messages == ["Password: This is not your password."]
    assert (ana.user.email, ana.user.is_active, mentions(EMAIL)) == (EMAIL, True, before)
    assert not AuditEntry.objects.filter(action="account.erased").exists()


def test_nobody_erases_someone_else(world):
    with pytest.raises(PermissionDenied):
        privacy.erase_account(user=world["ana"].user, by=world["jonas"].user, password=PASSWORD)


def test_the_last_staff_member_of_an_organiser_is_refused(client, event, lead_staff):
    client.force_login(lead_staff)
    response = client.post("/accounts/me/erase/", {"password": PASSWORD}, follow=True)
    messages = [m.message for m in response.context["messages"]]
    lead_staff.refresh_from_db()
    assert len(messages) == 1 and "only staff member" in messages[0] and event.name in messages[0]
    assert (lead_staff.is_active, lead_staff.full_name) == (True, "Olga Organiser")
    assert event.organisers.get(is_lead=True).staff.filter(pk=lead_staff.pk).exists()


def test_a_staff_member_with_a_colleague_is_erased_and_leaves_the_staff(event, lead_staff):
    organiser = event.organisers.get(is_lead=True)
    colleague = factories.UserFactory()
    organiser.staff.add(colleague)
    privacy.erase_account(user=lead_staff, by=lead_staff, password=PASSWORD)
    assert list(organiser.staff.all()) == [colleague]


def test_a_superuser_is_refused(superuser):
    with pytest.raises(ValidationError, match="superuser"):
        privacy.erase_account(user=superuser, by=superuser, password=PASSWORD)
    superuser.refresh_from_db()
    assert superuser.is_active is True


def test_a_failure_half_way_changes_nothing(world):
    ana = world["ana"]
    before = (mentions(EMAIL), mentions(NAME), Contact.objects.count(), ApiToken.objects.count())

    def broken(user):
        raise RuntimeError("disk full")

    privacy.register("zz_broken", collect=lambda user: None, erase=broken)
    try:
        with pytest.raises(RuntimeError):
            privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    finally:
        privacy.unregister("zz_broken")
    after = (mentions(EMAIL), mentions(NAME), Contact.objects.count(), ApiToken.objects.count())
    assert after == before
    assert User.objects.get(pk=ana.user.pk).is_active is True


def test_a_delegation_members_visits_are_exported_and_erased(world):
    from matchfair.visits.models import DelegationMember, JointVisit, Wish
    from tests.visits.rows import one_of_each

    ana, other = world["ana"], factories.RegistrationFactory(event=world["ana"].event)
    one_of_each(ana.event, ana, other)
    (section,) = privacy.export_personal_data(user=ana.user)["visits"]
    assert (section["wishes"], [stop["place"] for stop in section["itinerary"]]) == (
        [{"place": "AMEC Urbis (1A10)", "priority": 3}],
        ["AMEC Urbis (1A10)"],
    )
    assert section["joint_visits"] == [{"place": "Bavaria Pavilion", "minutes": 30, "day": None}]
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    assert not DelegationMember.objects.filter(registration=ana).exists()
    assert not Wish.objects.filter(member__registration=ana).exists()
    assert DelegationMember.objects.filter(registration=other).exists()
    # The joint visit stays for the other member.
    assert [m.registration for m in JointVisit.objects.get().members.all()] == [other]


def test_membership_requests_and_admin_roles_are_exported_and_erased(world):
    ana = world["ana"].user
    ana.organisation.admins.add(ana)
    other = factories.OrganisationFactory(name="Zeta Labs")
    MembershipRequest.objects.create(user=ana, organisation=other, status="refused")
    section = privacy.export_personal_data(user=ana)["organisation_requests"]
    assert (
        section["admin_of"],
        [(r["organisation"], r["status"]) for r in section["requests"]],
    ) == (
        [ana.organisation.name],
        [("Zeta Labs", "refused")],
    )
    assert privacy.export_personal_data(user=ana)["user"]["email_verified"] is True
    privacy.erase_account(user=ana, by=ana, password=PASSWORD)
    assert (MembershipRequest.objects.count(), ana.administered_organisations.count()) == (0, 0)


def test_a_booth_is_exported_and_stays_with_the_anonymous_registration(world):
    ana = world["ana"]
    table = ana.event.tables.first()
    table.booth_of = ana
    table.save()
    (registration,) = privacy.export_personal_data(user=ana.user)["registrations"]
    assert registration["booth"] == table.name
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    table.refresh_from_db()
    assert (table.booth_of, table.booth_of.status, table.booth_of.user.full_name) == (
        ana,
        "withdrawn",
        "Erased account",
    )


def test_a_missed_meeting_is_exported_and_kept_for_the_statistics(world, lead_staff):
    ana = world["ana"]
    no_show = NoShow.objects.create(
        meeting=world["meeting"], registration=ana, recorded_by=lead_staff
    )
    (missed,) = privacy.export_personal_data(user=ana.user)["no_shows"]
    assert missed == {
        "event": ana.event.slug,
        "with": ["Jonas Berg"],
        "recorded": no_show.created.isoformat(),
    }
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    no_show.refresh_from_db()
    assert (no_show.registration, no_show.registration.user.full_name) == (ana, "Erased account")


def test_a_participants_export_has_no_organiser_work(world):
    data = privacy.export_personal_data(user=world["ana"].user)
    assert data["organiser_work"] == {
        "plans": [],
        "solver_runs": [],
        "no_shows_recorded": [],
        "mailings": [],
        "imports": [],
    }


@pytest.fixture
def staff_work(event, lead_staff, ana, jonas):
    """What a staff member of the lead organiser made: a draft plan, a solver run, a no-show, a
    mailing and an import. A colleague on the staff lets them be erased."""
    organiser = event.organisers.get(is_lead=True)
    organiser.staff.add(factories.UserFactory())
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hello", by=ana.user), by=jonas.user
    )
    return {
        "plan": Plan.objects.create(
            event=event, kind="draft", name="Olga's first try", created_by=lead_staff
        ),
        "run": SolverRun.objects.create(event=event, requested_by=lead_staff),
        "no_show": NoShow.objects.create(
            meeting=meeting, registration=jonas, recorded_by=lead_staff
        ),
        "mailing": Mailing.objects.create(
            event=event,
            subject="Booking is open",
            body="Book your meetings now. Olga Organiser",
            created_by=lead_staff,
            recipients=2,
        ),
        "batch": ImportBatch.objects.create(
            event=event,
            organiser=organiser,
            created_by=lead_staff,
            file_name="participants.csv",
            kind="csv",
            status="imported",
        ),
    }


def test_a_staff_members_work_is_exported(event, lead_staff, staff_work):
    work = privacy.export_personal_data(user=lead_staff)["organiser_work"]
    assert work == {
        "plans": [
            {
                "event": event.slug,
                "kind": "draft",
                "version": None,
                "name": "Olga's first try",
                "created": staff_work["plan"].created.isoformat(),
            }
        ],
        "solver_runs": [
            {
                "event": event.slug,
                "status": "queued",
                "created": staff_work["run"].created.isoformat(),
            }
        ],
        "no_shows_recorded": [
            {
                "event": event.slug,
                "participant": "Jonas Berg",
                "recorded": staff_work["no_show"].created.isoformat(),
            }
        ],
        "mailings": [
            {
                "event": event.slug,
                "subject": "Booking is open",
                "audience": "all",
                "recipients": 2,
                "created": staff_work["mailing"].created.isoformat(),
            }
        ],
        "imports": [
            {
                "event": event.slug,
                "file": "participants.csv",
                "status": "imported",
                "created": staff_work["batch"].created.isoformat(),
                "finished": None,
            }
        ],
    }


def test_a_staff_members_work_stays_with_the_anonymous_placeholder(event, lead_staff, staff_work):
    email = lead_staff.email
    privacy.erase_account(user=lead_staff, by=lead_staff, password=PASSWORD)
    for row in staff_work.values():
        row.refresh_from_db()
    makers = {
        staff_work["plan"].created_by,
        staff_work["run"].requested_by,
        staff_work["no_show"].recorded_by,
        staff_work["mailing"].created_by,
        staff_work["batch"].created_by,
    }
    assert [(maker.pk, maker.full_name) for maker in makers] == [(lead_staff.pk, "Erased account")]
    assert staff_work["mailing"].body == "Book your meetings now. Erased account"
    assert (mentions(email), mentions("Olga Organiser")) == ([], [])


def test_erasure_takes_the_person_out_of_mailings_and_uploaded_lists(world, lead_staff):
    ana, organiser = world["ana"], world["ana"].event.organisers.get(is_lead=True)
    organiser.staff.add(factories.UserFactory())
    mailing = Mailing.objects.create(
        event=ana.event, subject="Meet Ana Petrova", body="Ana Petrova shows sensors at B12."
    )
    kept = {"number": 3, "cells": ["Kari Virtanen", "kari@example.org"]}
    batch = ImportBatch.objects.create(
        event=ana.event,
        organiser=organiser,
        created_by=lead_staff,
        file_name="participants.csv",
        kind="csv",
        headers=["Name", "E-mail"],
        rows=[{"number": 2, "cells": [NAME, EMAIL.upper()]}, kept],
        status="imported",
    )
    privacy.erase_account(user=ana.user, by=ana.user, password=PASSWORD)
    mailing.refresh_from_db()
    batch.refresh_from_db()
    assert (mailing.subject, mailing.body) == (
        "Meet Erased account",
        "Erased account shows sensors at B12.",
    )
    assert batch.rows == [{"number": 2, "cells": ["[erased]", "[erased]"]}, kept]
    assert (mentions(EMAIL), mentions(NAME)) == ([], [])
