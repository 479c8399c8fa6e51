"""Delegations, wishes and joint visits: `visits.domain.delegations`."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from matchfair.visits.domain.delegations import (
    eligible_registrations,
    propose_joint_visit,
    set_members,
)
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
