"""The consortium's pages: edits shown with the checker's findings, exports, the invitee's
answer by link without a login, and calls for an idea of the ideas board."""

import dataclasses
import re

import pytest
from django.urls import reverse

from matchfair.assembly.models import Idea
from matchfair.community.models import Cluster, Network
from matchfair.consortia import RoleRule, build_consortium, proposal_to_json
from matchfair.funding.domain import edits, pipeline
from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.domain.topics import import_topics
from matchfair.funding.models import ConsortiumInvitation, Topic
from matchfair.funding.portal import parse_search_results
from tests.factories import OrganisationFactory, UserFactory
from tests.funding.helpers import fixture_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(scene, barcelona):
    lead, staff = scene
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    return propose_consortium(topic=topic, lead=lead, by=staff)


def test_a_rule_broken_by_an_edit_is_shown_next_to_the_proposal(client, scene, proposal):
    _lead, staff = scene
    client.force_login(staff)
    partner = next(m for m in edits.members_of(proposal) if m != str(proposal.lead_id))
    response = client.post(
        reverse("funding:consortium_edit", args=[proposal.pk]),
        {"action": "remove", "member": partner},
    )
    assert response.status_code == 302
    page = client.get(reverse("funding:consortium", args=[proposal.pk])).content.decode()
    assert "The eligibility checker finds these problems:" in page
    assert "independent legal entities: 2 listed, 3 required" in page
    assert f'<option value="{partner}">' in page


def test_the_summary_names_the_coordinator_in_the_readers_language(client, scene, proposal):
    _lead, staff = scene
    client.force_login(staff)
    members = proposal.proposal["members"]
    coordinator = next(seat for seat in members if seat["role"] == "coordinator")
    page = client.get(reverse("funding:consortium", args=[proposal.pk])).content.decode()
    assert f"{len(members)} members, coordinated by {coordinator['name']}." in page
    assert f"coordinated by {coordinator['id']}," not in page
    client.cookies["django_language"] = "bg"
    page = client.get(
        reverse("funding:consortium", args=[proposal.pk]), HTTP_ACCEPT_LANGUAGE="bg"
    ).content.decode()
    assert f"координирани от {coordinator['name']}." in page


def test_the_exports_download(client, scene, proposal):
    _lead, staff = scene
    client.force_login(staff)
    post = client.get(reverse("funding:consortium_post", args=[proposal.pk]))
    listing = client.get(reverse("funding:consortium_invitations", args=[proposal.pk]))
    assert (post["Content-Type"], post["Content-Disposition"]) == (
        "text/markdown; charset=utf-8",
        'attachment; filename="partner-search-HORIZON-CL5-2027-D5-02.md"',
    )
    assert listing.content.decode().splitlines()[0] == (
        "organisation,country,type,role,found_through,invitee,email,status,answered"
    )


def test_an_invitee_accepts_without_a_login_and_a_tampered_link_changes_nothing(
    client, scene, proposal
):
    _lead, staff = scene
    pipeline.invite(proposal, by=staff)
    invitation = ConsortiumInvitation.objects.get(proposal=proposal)
    url = pipeline.link_for(invitation)
    refused = client.post(url[:-4] + "xyz/", {"answer": "accept"})
    invitation.refresh_from_db()
    assert (refused.status_code, invitation.status) == (403, "pending")
    page = client.get(url)
    assert "Accept" in page.content.decode()
    client.post(url, {"answer": "accept"})
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    again = client.post(url, {"answer": "decline"})
    invitation.refresh_from_db()
    assert (again.status_code, invitation.status) == (403, "accepted")


def test_an_idea_starts_a_call_search(client):
    network = Network.objects.create(name="Green Cities Partnership", kind="partnership")
    cluster = Cluster.objects.create(organisation=OrganisationFactory(kind="cluster"))
    cluster.networks.add(network)
    idea = Idea.objects.create(
        network=network,
        cluster=cluster,
        title="Smart charging hubs for electric vehicles",
        description_en="Charging points for electric buses and cars in city car parks.",
        domains=",mobility,energy,",
    )
    import_topics(parse_search_results(fixture_results()))
    client.force_login(UserFactory(organisation=cluster.organisation))
    assert (
        reverse("funding:idea_calls", args=[idea.pk])
        in client.get(reverse("assembly:idea", args=[idea.pk])).content.decode()
    )
    response = client.get(reverse("funding:idea_calls", args=[idea.pk]))
    rows = response.context["rows"]
    assert rows[0].topic.identifier == "HORIZON-CL5-2027-D5-02"
    assert rows[0].fit.score > rows[-1].fit.score
    client.force_login(UserFactory())
    assert client.get(reverse("funding:idea_calls", args=[idea.pk])).status_code == 403


def _page(client, proposal, language):
    client.cookies["django_language"] = language
    return client.get(
        reverse("funding:consortium", args=[proposal.pk]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()


ENGLISH_REASONS = re.compile(
    r"lead member|independent legal entit|member state|required role|met at the expo"
    r"|past projects? together|no relationship yet|fit \d|relationship \d|in the role"
)


def test_the_reasons_are_in_bulgarian_for_a_bulgarian_reader(client, scene, proposal):
    _lead, staff = scene
    client.force_login(staff)

    page = _page(client, proposal, "bg")

    assert (
        '<td data-label="Правила, които изпълнява">водещ член; координатор; независимо '
        "юридическо лице 1 от 3 (България, държава членка)</td>" in page
    )
    assert (
        '<td data-label="Защо">съответствие 0; връзка 35 (среща на изложението: ценен '
        "контакт)</td>" in page
    )
    assert ENGLISH_REASONS.findall(page) == []


def test_the_reasons_keep_their_english_for_an_english_reader(client, scene, proposal):
    _lead, staff = scene
    client.force_login(staff)

    page = _page(client, proposal, "en")

    assert (
        '<td data-label="Rules it satisfies">lead member; coordinator; independent legal '
        "entity 1 of 3 (Bulgaria, member state)</td>" in page
    )
    assert (
        '<td data-label="Why">fit 0; relationship 35 (met at the expo: valuable contact)</td>'
        in page
    )


def test_the_rules_no_consortium_meets_are_in_bulgarian(client, scene, proposal):
    _lead, staff = scene
    request = edits.stored_request(proposal)
    request = dataclasses.replace(
        request,
        rules=dataclasses.replace(request.rules, required_roles=(RoleRule("ngo", 1),)),
    )
    proposal.proposal = proposal_to_json(build_consortium(request), request)
    proposal.save(update_fields=["proposal"])
    client.force_login(staff)

    page = _page(client, proposal, "bg")

    assert (
        "<li>темата изисква поне 1 в ролята НПО; 0 кандидата на разположение я "
        "изпълняват</li>" in page
    )
    assert "Никой консорциум не може да изпълни това правило." in page
    assert ENGLISH_REASONS.findall(page) == []
