"""Delegations, wishes and joint visits: `visits.domain.delegations`."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.community.models import Membership
from matchfair.visits.domain.delegations import (
    answer_invitation,
    create_delegation,
    eligible_registrations,
    memberships_of,
    propose_joint_visit,
    remove_joint_visit,
    remove_wish,
    set_members,
    set_wish,
)
from matchfair.visits.models import Hall, JointVisit, Stand, Wish
from tests import factories
from tests.visits.helpers import member_of, other_cluster_member


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


def test_create_delegation_refuses_a_name_in_use(delegation, cluster, lead_staff):
    with pytest.raises(ValidationError, match="already a delegation with this name"):
        create_delegation(
            event=delegation.event, cluster=cluster, name="Sofia delegation", by=lead_staff
        )


def test_set_members_adds_and_removes_and_is_audited(event, cluster, ana, jonas, lead_staff):
    delegation = create_delegation(event=event, cluster=cluster, name="Small", by=lead_staff)
    set_members(delegation=delegation, registrations=[ana], by=lead_staff)
    members = set_members(delegation=delegation, registrations=[jonas], by=lead_staff)
    entries = AuditEntry.objects.filter(action="visits.members_set").order_by("pk")
    assert ([m.registration for m in members], [e.details for e in entries]) == (
        [jonas],
        [
            {"added": 1, "asked": 0, "removed": 0, "withdrawn": 0},
            {"added": 1, "asked": 0, "removed": 1, "withdrawn": 0},
        ],
    )


@pytest.fixture
def co_delegation(event, co_staff, ana):
    """A delegation of the co-organiser's cluster, which Ana's organisation is a member of, while
    the lead organiser supports her."""
    cluster = co_staff.organiser_roles.get().cluster
    Membership.objects.create(cluster=cluster, organisation=ana.user.organisation)
    return create_delegation(event=event, cluster=cluster, name="Co delegation", by=co_staff)


def test_set_members_asks_someone_another_organiser_supports(
    co_delegation, co_staff, ana, mailoutbox, django_capture_on_commit_callbacks
):
    """Finding 2 of the trust review: a co-organiser added another organiser's participant to its
    own delegation and read her meetings. Now she is asked, and is no member until she accepts."""
    with django_capture_on_commit_callbacks(execute=True):
        members = set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    invitation = co_delegation.invitations.get()
    assert (members, invitation.registration, invitation.status) == ([], ana, "asked")
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([ana.user.email], "Will you join the delegation “Co delegation”?")
    ]


def test_answer_invitation_accepting_joins_and_is_recorded(co_delegation, co_staff, ana):
    set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    invitation = co_delegation.invitations.get()
    member = answer_invitation(invitation=invitation, accept=True, by=ana.user)
    entry = AuditEntry.objects.get(action="visits.invitation_accepted")
    assert (
        member.registration,
        invitation.status,
        invitation.answered is not None,
        entry.actor,
    ) == (ana, "accepted", True, ana.user)


def test_answer_invitation_declined_is_not_asked_again(co_delegation, co_staff, ana):
    set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    answer_invitation(invitation=co_delegation.invitations.get(), accept=False, by=ana.user)
    members = set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    assert (members, list(co_delegation.invitations.values_list("status", flat=True))) == (
        [],
        ["declined"],
    )


def test_answer_invitation_twice_is_refused(co_delegation, co_staff, ana):
    set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    invitation = co_delegation.invitations.get()
    answer_invitation(invitation=invitation, accept=False, by=ana.user)
    with pytest.raises(ValidationError, match="no longer open"):
        answer_invitation(invitation=invitation, accept=True, by=ana.user)
    assert co_delegation.members.count() == 0


def test_answer_invitation_by_someone_else_is_refused(co_delegation, co_staff, ana):
    set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    with pytest.raises(PermissionDenied):
        answer_invitation(invitation=co_delegation.invitations.get(), accept=True, by=co_staff)
    assert co_delegation.invitations.get().status == "asked"


def test_set_members_leaving_out_someone_asked_withdraws_the_invitation(
    co_delegation, co_staff, ana
):
    set_members(delegation=co_delegation, registrations=[ana], by=co_staff)
    set_members(delegation=co_delegation, registrations=[], by=co_staff)
    invitation = co_delegation.invitations.get()
    assert invitation.status == "withdrawn"
    with pytest.raises(ValidationError, match="no longer open"):
        answer_invitation(invitation=invitation, accept=True, by=ana.user)


def test_set_wish_again_changes_the_priority_of_the_same_stand(delegation, ana, stands):
    member = member_of(delegation, ana)
    wish = set_wish(member=member, stand=stands[0], priority=1, by=ana.user)
    assert (wish.priority, Wish.objects.filter(member=member, stand=stands[0]).count()) == (1, 1)


def test_set_wish_refuses_a_priority_outside_one_to_three(delegation, ana, stands):
    with pytest.raises(ValidationError, match="The priority is 1, 2 or 3"):
        set_wish(member=member_of(delegation, ana), stand=stands[0], priority=4, by=ana.user)


def test_set_wish_needs_exactly_one_stand_or_pavilion(delegation, ana, stands, bavaria):
    member = member_of(delegation, ana)
    with pytest.raises(ValidationError, match="Choose a stand or a pavilion"):
        set_wish(member=member, priority=2, by=ana.user)
    with pytest.raises(ValidationError, match="Choose a stand or a pavilion"):
        set_wish(member=member, stand=stands[0], pavilion=bavaria, priority=2, by=ana.user)


def test_set_wish_refuses_a_stand_of_another_event(delegation, ana):
    other = factories.b2b_event()
    hall = Hall.objects.create(event=other, name="Hall 9", width=50, depth=50)
    stand = Stand.objects.create(event=other, hall=hall, code="9A", exhibitor="Far away")
    with pytest.raises(ValidationError, match="That is not at this event"):
        set_wish(member=member_of(delegation, ana), stand=stand, priority=2, by=ana.user)


def test_remove_wish_deletes_it_and_is_audited(delegation, ana, stands):
    wish = Wish.objects.get(member=member_of(delegation, ana), stand=stands[0])
    pk = wish.pk
    remove_wish(wish=wish, by=ana.user)
    entry = AuditEntry.objects.get(action="visits.wish_removed")
    assert (Wish.objects.filter(pk=pk).exists(), entry.subject_id) == (False, str(pk))


def test_joint_visit_of_the_same_members_to_the_same_place_is_refused(delegation, bavaria):
    with pytest.raises(ValidationError, match="already visit this place together"):
        propose_joint_visit(
            delegation=delegation, members=delegation.members.all(), pavilion=bavaria, by=None
        )


def test_joint_visit_lasts_between_5_and_240_minutes(delegation, stands):
    with pytest.raises(ValidationError, match="Between 5 and 240 minutes"):
        propose_joint_visit(
            delegation=delegation,
            members=delegation.members.all(),
            stand=stands[1],
            minutes=241,
            by=None,
        )


def test_remove_joint_visit_deletes_it_and_is_audited(delegation, lead_staff):
    joint = JointVisit.objects.get(delegation=delegation)
    pk = joint.pk
    remove_joint_visit(joint=joint, by=lead_staff)
    entry = AuditEntry.objects.get(action="visits.joint_visit_removed")
    assert (JointVisit.objects.filter(pk=pk).exists(), entry.subject_id, entry.actor) == (
        False,
        str(pk),
        lead_staff,
    )


def test_memberships_of_a_member_an_organiser_and_a_visitor(delegation, ana, lead_staff):
    from django.contrib.auth.models import AnonymousUser

    event = delegation.event
    assert (
        list(memberships_of(ana.user, event)),
        list(memberships_of(lead_staff, event)),
        list(memberships_of(AnonymousUser(), event)),
    ) == ([member_of(delegation, ana)], [], [])


def test_eligible_leave_out_an_unconfirmed_address(event, cluster, ana, jonas):
    ana.user.email_verified = False
    ana.user.save()
    assert list(eligible_registrations(event, cluster)) == [jonas]
