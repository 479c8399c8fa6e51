import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from matchfair import permissions
from matchfair.visits.domain.delegations import (
    create_delegation,
    eligible_registrations,
    propose_joint_visit,
    set_members,
)
from matchfair.visits.models import Delegation, JointVisit, Wish
from tests import factories

from .conftest import member_of, other_cluster_member


def test_eligible_are_participants_from_the_cluster_and_its_members(event, cluster, ana, jonas):
    _outsider, _other = other_cluster_member(event)
    staff = factories.RegistrationFactory(event=event, user__organisation=cluster.organisation)
    assert set(eligible_registrations(event, cluster)) == {ana, jonas, staff}


def test_set_members_refuses_someone_from_another_cluster(delegation):
    outsider, _other = other_cluster_member(delegation.event)
    with pytest.raises(ValidationError):
        set_members(delegation=delegation, registrations=[outsider], by=None)


def test_joint_visit_needs_two_members_of_the_delegation(delegation, ana, bavaria):
    with pytest.raises(ValidationError):
        propose_joint_visit(
            delegation=delegation, members=[member_of(delegation, ana)], pavilion=bavaria, by=None
        )


def test_joint_visit_day_must_be_a_delegation_day(delegation, bavaria, stands):
    with pytest.raises(ValidationError):
        propose_joint_visit(
            delegation=delegation,
            members=delegation.members.all(),
            stand=stands[1],
            day=dt.date(2026, 11, 12),
            by=None,
        )


def test_can_manage_delegation_by_role(delegation, lead_staff, co_staff, ana):
    co_cluster = factories.co_organiser(delegation.event)
    theirs = create_delegation(
        event=delegation.event, cluster=co_cluster.cluster, name="Theirs", by=None
    )
    co_cluster_staff = co_cluster.staff.get()
    assert [
        permissions.can_manage_delegation(user, d)
        for user, d in [
            (lead_staff, delegation),
            (lead_staff, theirs),
            (co_cluster_staff, theirs),
            (co_cluster_staff, delegation),
            (co_staff, delegation),
            (ana.user, delegation),
        ]
    ] == [True, True, True, False, False, False]


def test_organiser_forms_a_delegation_in_the_page(client, event, cluster, lead_staff, ana, jonas):
    client.force_login(lead_staff)
    response = client.post(
        f"/e/{event.slug}/delegation/", {"cluster": cluster.pk, "name": "To Barcelona"}
    )
    delegation = Delegation.objects.get(name="To Barcelona")
    assert response["Location"] == f"/e/{event.slug}/delegation/{delegation.pk}/"
    response = client.post(
        f"/e/{event.slug}/delegation/{delegation.pk}/members/", {"members": [ana.pk, jonas.pk]}
    )
    assert (response.status_code, delegation.members.count()) == (302, 2)


def test_co_organiser_cannot_form_a_delegation_of_another_cluster(client, event, cluster, co_staff):
    client.force_login(co_staff)
    response = client.post(f"/e/{event.slug}/delegation/", {"cluster": cluster.pk, "name": "X"})
    assert (response.status_code, Delegation.objects.exists()) == (200, False)
    assert "cluster" in response.context["form"].errors


def test_participant_cannot_open_the_delegation_page(client, delegation):
    outsider, _other = other_cluster_member(delegation.event)
    client.force_login(outsider.user)
    assert client.get(delegation.get_absolute_url()).status_code == 404
    response = client.post(f"{delegation.get_absolute_url()}plan/")
    assert response.status_code == 404


def test_member_opening_the_delegation_goes_to_their_wishes(client, delegation, ana):
    client.force_login(ana.user)
    response = client.get(delegation.get_absolute_url())
    assert response["Location"].endswith(f"/member/{member_of(delegation, ana).pk}/wishes/")


def test_member_marks_a_pavilion_to_visit(client, delegation, ana, bavaria):
    member = member_of(delegation, ana)
    client.force_login(ana.user)
    response = client.post(
        f"/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/",
        {"target": f"pavilion-{bavaria.pk}", "priority": 3},
    )
    assert response.status_code == 302
    assert Wish.objects.get(member=member, pavilion=bavaria).priority == 3


def test_member_cannot_mark_wishes_for_someone_else(client, delegation, ana, jonas, bavaria):
    client.force_login(jonas.user)
    url = f"/e/{delegation.event.slug}/delegation/member/{member_of(delegation, ana).pk}/wishes/"
    response = client.post(url, {"target": f"pavilion-{bavaria.pk}", "priority": 3})
    assert (response.status_code, Wish.objects.filter(pavilion=bavaria).exists()) == (404, False)


def test_wish_form_names_a_bad_target(client, delegation, ana):
    client.force_login(ana.user)
    member = member_of(delegation, ana)
    response = client.post(
        f"/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/",
        {"target": "stand-999999", "priority": 3},
    )
    assert response.status_code == 400 and "target" in response.context["form"].errors


def test_organiser_proposes_a_joint_visit_in_the_page(client, delegation, lead_staff, stands):
    client.force_login(lead_staff)
    members = [m.pk for m in delegation.members.all()]
    response = client.post(
        f"{delegation.get_absolute_url()}joint/",
        {
            "target": f"stand-{stands[1].pk}",
            "priority": 2,
            "minutes": 20,
            "members": members,
            "day": "2026-11-11",
        },
    )
    assert response.status_code == 302
    joint = JointVisit.objects.get(stand=stands[1])
    assert (joint.members.count(), joint.day) == (2, dt.date(2026, 11, 11))


def test_planning_from_the_page_stores_itineraries(
    client, delegation, released, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{delegation.get_absolute_url()}plan/")
    delegation.refresh_from_db()
    assert (response.status_code, delegation.planned is not None, delegation.plan_error) == (
        302,
        True,
        "",
    )
    assert delegation.members.first().itinerary.exists()


def test_member_adds_a_stand_from_its_page(client, delegation, ana, stands):
    member = member_of(delegation, ana)
    client.force_login(ana.user)
    page = client.get(stands[1].get_absolute_url()).content.decode()
    assert f'action="/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/"' in page
    client.post(
        f"/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/",
        {"target": f"stand-{stands[1].pk}", "priority": 3},
    )
    assert Wish.objects.get(member=member, stand=stands[1]).priority == 3


def test_stand_page_offers_no_wish_form_outside_a_delegation(client, delegation, stands):
    outsider, _other = other_cluster_member(delegation.event)
    client.force_login(outsider.user)
    assert "/wishes/" not in client.get(stands[1].get_absolute_url()).content.decode()


def test_can_see_itinerary_by_role(delegation, ana, jonas, lead_staff, co_staff, superuser):
    from django.contrib.auth.models import AnonymousUser

    member = member_of(delegation, ana)
    who = [ana.user, lead_staff, superuser, jonas.user, co_staff, AnonymousUser()]
    assert [permissions.can_see_itinerary(user, member) for user in who] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert [permissions.can_wish(user, member) for user in who] == [
        True,
        False,
        False,
        False,
        False,
        False,
    ]
