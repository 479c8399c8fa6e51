"""A proposed consortium exported as a partner-search post and an invitation list."""

import csv
import io

import pytest
from django.utils import translation

from matchfair.funding.domain import pipeline
from matchfair.funding.domain.exports import invitation_list, partner_search_post
from matchfair.funding.models import ConsortiumInvitation
from matchfair.outcomes.domain.consents import grant

pytestmark = pytest.mark.django_db


def test_the_partner_search_post_and_the_invitation_list(proposal, scene):
    _lead, staff = scene
    pipeline.invite(proposal, by=staff)
    post = partner_search_post(proposal)
    assert post.startswith("# Partner search: ")
    for seat in proposal.proposal["members"]:
        assert f"**{seat['name']}**" in post
    rows = list(csv.DictReader(io.StringIO(invitation_list(proposal, viewer=staff))))
    assert [row["organisation"] for row in rows] == [
        s["name"] for s in proposal.proposal["members"]
    ]
    invited = [row for row in rows if row["status"] == "pending"]
    assert invited and all(row["email"] == "" for row in invited)  # no contact grant yet
    invitee = ConsortiumInvitation.objects.filter(proposal=proposal).first().invitee
    grant(user=invitee, scope="contact", audience="public", by=invitee)
    rows = list(csv.DictReader(io.StringIO(invitation_list(proposal, viewer=staff))))
    assert invitee.email in [row["email"] for row in rows]


def test_the_partner_search_post_names_types_and_roles_in_the_readers_language(proposal):
    with translation.override("bg"):
        post = partner_search_post(proposal)

    section = post.split("## Консорциумът досега\n\n")[1].split("\n\n")[0]
    assert section.splitlines() == [
        "- **Volta Mobility** (BG, МСП): координатор",
        "- **Ajuntament de Barcelona** (ES, град): партньор",
        "- **CAMARA MUNICIPAL DO PORTO** (PT, публична институция): партньор",
    ]


def test_the_partner_search_post_calls_the_call_a_funding_call_in_bulgarian(proposal):
    with translation.override("bg"):
        post = partner_search_post(proposal)

    assert post.splitlines()[2] == "- **Покана:** HORIZON-CL5-2027-D5-02 (HORIZON-CL5-2027-D5)"
