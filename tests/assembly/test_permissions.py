"""The ideas board's and work plan's rules, role by role: the secretariat, a member's people, a
member organisation's employee, a standing delegate, an outsider, an unconfirmed address and
the anonymous visitor."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.assembly.models import Idea, WorkItem
from matchfair.community.models import Delegate, Membership
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ("secretary", "lyon", "employee", "delegate", "outsider", "unconfirmed", "anonymous")


@pytest.fixture
def people(network, members, secretary, member_people):
    company = factories.OrganisationFactory()
    Membership.objects.create(cluster=members[1], organisation=company)
    delegate = factories.UserFactory()
    Delegate.objects.create(network=network, cluster=members[2], user=delegate)
    return {
        "secretary": secretary,
        "lyon": member_people[1],
        "employee": factories.UserFactory(organisation=company),
        "delegate": delegate,
        "outsider": factories.UserFactory(),
        "unconfirmed": factories.UserFactory(
            organisation=members[1].organisation, email_verified=False
        ),
        "anonymous": AnonymousUser(),
    }


def _by_role(people, rule):
    return {role: rule(people[role]) for role in ROLES}


def test_who_reads_the_board_and_the_work_plan(people, network):
    expected = {
        "secretary": True,
        "lyon": True,
        "employee": True,
        "delegate": True,
        "outsider": False,
        "unconfirmed": False,
        "anonymous": False,
    }
    assert _by_role(people, lambda u: permissions.can_see_ideas(u, network)) == expected
    assert _by_role(people, lambda u: permissions.can_see_work_plan(u, network)) == expected


def test_each_acts_for_their_own_member_only(people, network, members):
    acts_for = _by_role(
        people, lambda u: sorted(c.pk for c in permissions.member_clusters(u, network))
    )
    assert acts_for == {
        "secretary": [members[0].pk],
        "lyon": [members[1].pk],
        "employee": [members[1].pk],
        "delegate": [members[2].pk],
        "outsider": [],
        "unconfirmed": [],
        "anonymous": [],
    }


def test_only_the_secretariat_decides_and_runs_the_plan(people, network, members):
    idea = Idea(network=network, cluster=members[1])
    decides = _by_role(people, lambda u: permissions.can_evaluate_idea(u, idea))
    runs = _by_role(people, lambda u: permissions.can_run_work_plan(u, network))
    assert decides == runs == {role: role == "secretary" for role in ROLES}


def test_the_person_responsible_and_the_secretariat_report_progress(people, network, members):
    item = WorkItem(
        network=network, owner=members[1], person=people["employee"], deadline=dt.date(2027, 1, 1)
    )
    reports = _by_role(people, lambda u: permissions.can_report_progress(u, item))
    assert reports == {role: role in ("secretary", "employee") for role in ROLES}
