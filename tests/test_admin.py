"""The Django admin works for every registered model: its list and its add page answer."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from matchfair.api.domain.tokens import create_feed, create_token
from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import close_election, open_election, publish_election
from matchfair.assembly.domain.ideas import (
    accept_idea,
    comment_idea,
    propose_idea,
    start_evaluation,
    support_idea,
)
from matchfair.assembly.domain.motions import (
    cast_motion_vote,
    close_motion_vote,
    open_motion_vote,
    propose_motion,
    second_motion,
)
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item, check_in, register_attendee
from matchfair.assembly.domain.setup import add_document
from matchfair.assembly.domain.workplan import add_milestone
from matchfair.assembly.models import Attendee, Election, Session, Statute
from matchfair.community.models import Delegate, Membership, MembershipRequest, Network
from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.contacts.domain.contacts import add_contact
from matchfair.contacts.models import ContactView
from matchfair.funding.models import (
    ConsortiumInvitation,
    ConsortiumProposal,
    OrganisationIdentifiers,
    Participation,
    PastProject,
    Subscription,
    Topic,
    TopicChange,
)
from matchfair.jobs.models import Job
from matchfair.mailings.models import Mailing
from matchfair.matchmaking.models import Suggestion, TextEmbedding
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import NoShow, Placement, Plan, SolverRun
from matchfair.outcomes.models import (
    CampaignMail,
    Consent,
    FollowUpStep,
    IntroductionRequest,
    Outcome,
    Retention,
    StoryConsent,
    SuccessStory,
)
from tests import factories
from tests.newsroom.rows import newsroom_rows
from tests.visits.rows import one_of_each

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
every_model = pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])


@pytest.fixture
def a_few_of_everything(event, ana, jonas, lead_staff):
    """At least one row of every model, so the lists render real rows."""
    factories.OpportunityFactory(registration=ana)
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    plan = Plan.objects.create(event=event, kind="draft", stats={"scheduled": 1})
    Placement.objects.create(
        plan=plan,
        meeting=meeting,
        slot=event.sessions.first().slots.first(),
        table=event.tables.first(),
    )
    SolverRun.objects.create(event=event, requested_by=lead_staff, plan=plan, status="done")
    Job.objects.create(
        kind="reports.meetings_xlsx",
        event=event,
        requested_by=lead_staff,
        params={"organisers": None},
        key="0" * 64,
        status="failed",
        error="RuntimeError: out of paper",
    )
    cluster = event.organisers.get(is_lead=True).cluster
    network = Network.objects.create(name="European Smart Cities Alliance", kind="alliance")
    cluster.networks.add(network)
    Membership.objects.create(cluster=cluster, organisation=ana.user.organisation)
    Delegate.objects.create(network=network, cluster=cluster, user=lead_staff)
    MembershipRequest.objects.create(user=jonas.user, organisation=ana.user.organisation)
    Suggestion.objects.create(
        registration=ana, suggested=jonas, rank=1, score=1.0, reasons=["Hi"], computed=plan.created
    )
    create_token(user=ana.user, name="CRM sync", by=ana.user)
    create_feed(registration=ana, by=ana.user)
    NoShow.objects.create(meeting=meeting, registration=jonas, recorded_by=lead_staff)
    TextEmbedding.objects.create(model="all-MiniLM-L6-v2", key="0" * 64, vector=b"\0" * 8)
    add_contact(owner=ana, by=ana.user, name="Laia Puig")
    ContactView.objects.create(
        person=ana.user,
        viewer=jonas.user,
        event=event,
        day=dt.date(2026, 11, 10),
        at=timezone.now(),
        where="profile",
    )
    Mailing.objects.create(event=event, subject="Hi", body="x", created_by=lead_staff)
    batch = ImportBatch.objects.create(
        event=event,
        organiser=event.organisers.get(is_lead=True),
        created_by=lead_staff,
        file_name="people.csv",
        kind="csv",
        headers=["email"],
        rows=[{"number": 2, "cells": ["a@example.org"]}],
    )
    PendingRegistration.objects.create(
        batch=batch, event=event, organiser=batch.organiser, user=lead_staff, row=2
    )
    one_of_each(event, ana, jonas)
    newsroom_rows(cluster, lead_staff)
    topic = Topic.objects.create(
        identifier="LIFE-2027-CET-LOCAL", title="Local plans", status="open"
    )
    TopicChange.objects.create(topic=topic, field="status", old="forthcoming", new="open")
    Subscription.objects.create(user=ana.user, programme="LIFE")
    OrganisationIdentifiers.objects.create(organisation=ana.user.organisation, vat_number="BG1")
    project = PastProject.objects.create(cordis_id="101000001", acronym="GREEN", title="Green")
    Participation.objects.create(project=project, cordis_organisation_id="1", name="Ana's")
    proposal = ConsortiumProposal.objects.create(
        topic=topic, lead=ana.user.organisation, proposal={"members": []}
    )
    ConsortiumInvitation.objects.create(
        proposal=proposal,
        member=str(jonas.user.organisation_id),
        organisation=jonas.user.organisation,
        invitee=jonas.user,
        sent=timezone.now(),
    )
    Outcome.objects.create(meeting=meeting, registration=ana, took_place=True, rating=4)
    FollowUpStep.objects.create(
        meeting=meeting, registration=ana, stage=1, on=dt.date(2026, 11, 20)
    )
    Consent.objects.create(
        user=ana.user,
        scope="met",
        audience="cluster_members",
        notice_version="1",
        granted=timezone.now(),
    )
    IntroductionRequest.objects.create(meeting=meeting, asked_by=lead_staff, member=ana)
    # The event has its default campaigns; Ana was mailed by the first.
    CampaignMail.objects.create(
        campaign=event.follow_up_campaigns.first(), registration=ana, sent=timezone.now()
    )
    # The cluster keeps shared items a year; the lead asked for a success story of the meeting.
    Retention.objects.create(cluster=cluster, months=12, changed_by=lead_staff)
    story = SuccessStory.objects.create(meeting=meeting, cluster=cluster, requested_by=lead_staff)
    StoryConsent.objects.create(story=story, registration=ana, answer="agreed", quote="Good")
    _an_assembly(network, cluster, ana.user)
    _ideas_and_work_plan(network, cluster, ana.user)


def _ideas_and_work_plan(network, cluster, member):
    """An idea with a comment and a support, accepted into a work plan item with a milestone."""
    secretary = factories.UserFactory(is_superuser=True)
    idea = propose_idea(
        network=network, cluster=cluster, title="Data space", description_en="x", by=member
    )
    comment_idea(idea, body="Count us in", by=member)
    support_idea(idea, cluster=cluster, by=member)
    start_evaluation(idea, by=secretary)
    item = accept_idea(idea, deadline=dt.date(2027, 6, 30), by=secretary).work_item
    add_milestone(item, title="Kick-off", by=secretary)


def _an_assembly(network, cluster, delegate):
    """A session with an agenda item, a checked-in delegate and a published election."""
    secretary = factories.UserFactory(is_superuser=True)
    Statute.objects.create(network=network, secretariat=cluster)
    session = Session.objects.create(network=network, title="Assembly", date=dt.date(2026, 3, 16))
    item = add_agenda_item(session, title="Opening", minutes=10, by=secretary)
    add_document(session, title="Draft budget", url="https://example.org/b.pdf", by=secretary)
    attendee = register_attendee(
        session, cluster=cluster, user=delegate, role="delegate", by=secretary
    )
    check_in(attendee, by=secretary)
    election = Election.objects.create(session=session, position="chair", method="plurality")
    candidacy = nominate(
        election, nominated_by=cluster, cluster=cluster, candidate=delegate, by=secretary
    )
    accept(candidacy, by=delegate)
    open_election(election, by=secretary)
    cast_ballot(election, voter=cluster, choices=[candidacy.pk], by=delegate)
    publish_election(close_election(election, by=secretary), by=secretary)
    other, third = factories.ClusterFactory(), factories.ClusterFactory()
    other.networks.add(network)
    third.networks.add(network)
    seconder = factories.UserFactory()
    check_in(
        register_attendee(session, cluster=other, user=seconder, role="delegate", by=secretary),
        by=secretary,
    )
    give_proxy(session, cluster=third, holder=Attendee.objects.get(user=delegate), by=secretary)
    motion = propose_motion(
        session, agenda_item=item, title="Adopt the plan", text="Adopted.", by=delegate
    )
    second_motion(motion, by=seconder)
    open_motion_vote(motion, by=secretary)
    cast_motion_vote(motion, voter=cluster, choice="yes", by=delegate)
    close_motion_vote(motion, by=secretary)


@pytest.fixture
def admin_client_of(client, superuser, a_few_of_everything):
    Group.objects.create(name="Editors")
    who = {"user_agent": "curl", "ip_address": "192.0.2.1", "username": "ana@example.org"}
    AccessAttempt.objects.create(
        **who, get_data="", post_data="", failures_since_start=2, path_info="/accounts/login/"
    )
    AccessFailureLog.objects.create(**who, path_info="/accounts/login/")
    AccessLog.objects.create(**who, path_info="/accounts/login/")
    client.force_login(superuser)
    return client


def admin_url(model, page):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}")


@every_model
def test_admin_changelist_answers(admin_client_of, model):
    response = admin_client_of.get(admin_url(model, "changelist"))
    assert (response.status_code, response.context["cl"].result_count) == (
        200,
        model._default_manager.count(),
    )


@every_model
def test_admin_changelist_search_answers(admin_client_of, model):
    response = admin_client_of.get(admin_url(model, "changelist"), {"q": "a"})
    assert response.status_code == 200


# The audit log and axes' records are written by code only; their admins say so.
READ_ONLY = {"audit.AuditEntry", "axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"}
READ_ONLY |= {
    "matchmaking.Suggestion",
    "matchmaking.TextEmbedding",
    "api.ApiToken",
    "api.CalendarFeed",
    "community.MembershipRequest",
    "outcomes.Outcome",
    "outcomes.FollowUpStep",
    "outcomes.MeetingSummary",
    "outcomes.Consent",
    "outcomes.IntroductionRequest",
    "outcomes.Campaign",
    "outcomes.CampaignMail",
    "outcomes.Retention",
    "outcomes.SuccessStory",
    "outcomes.StoryConsent",
    "contacts.ContactView",
    "funding.Topic",
    "funding.TopicChange",
    "funding.PastProject",
    "funding.Participation",
    "funding.ConsortiumProposal",
    "funding.ConsortiumInvitation",
    "assembly.Ballot",
    "assembly.RollEntry",
    "assembly.MotionVote",
}


@every_model
def test_admin_add_page_answers(admin_client_of, model):
    response = admin_client_of.get(admin_url(model, "add"))
    assert response.status_code == (403 if model._meta.label in READ_ONLY else 200)


@every_model
def test_admin_change_page_of_the_first_row_answers(admin_client_of, model):
    first = model._default_manager.order_by("pk").first()
    assert first is not None, f"the fixture makes no {model._meta.label}"
    response = admin_client_of.get(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[first.pk])
    )
    assert response.status_code == 200


def test_admin_registers_every_matchfair_model():
    from django.apps import apps

    ours = {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("matchfair.") and not model._meta.auto_created
    }
    assert ours - {model._meta.label for model in MODELS} == set()


SEALED = {"assembly.Ballot", "assembly.RollEntry", "assembly.MotionVote"}


@every_model
def test_admin_delete_page_is_refused_only_for_sealed_models(admin_client_of, model):
    first = model._default_manager.order_by("pk").first()
    response = admin_client_of.get(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_delete", args=[first.pk])
    )
    assert response.status_code == (403 if model._meta.label in SEALED else 200)
