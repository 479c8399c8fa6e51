"""Every rule of matchfair.permissions, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.api.domain.tokens import create_feed, create_token
from matchfair.community.models import Membership, MembershipRequest
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.outcomes.domain import consents
from tests import factories

ROLES = ("anonymous", "ana", "jonas", "met", "lead", "co", "superuser")


@pytest.fixture
def people(event, ana, jonas, lead_staff, co_staff, superuser):
    """Ana is the participant in question; `met` has an accepted meeting with her."""
    met = factories.RegistrationFactory(event=event, user__full_name="Mia Met")
    accept_request(
        send_request(sender=met, recipient=ana, message="Hello", by=met.user), by=ana.user
    )
    return {
        "anonymous": AnonymousUser(),
        "ana": ana.user,
        "jonas": jonas.user,
        "met": met.user,
        "lead": lead_staff,
        "co": co_staff,
        "superuser": superuser,
    }


def by_role(people, rule, *args):
    # Fresh users each time: organiser_roles caches on the user object.
    fresh = {
        name: user if not user.is_authenticated else type(user).objects.get(pk=user.pk)
        for name, user in people.items()
    }
    return {name: rule(fresh[name], *args) for name in ROLES}


def supported_by_co(registration, co_staff):
    registration.organiser = co_staff.organiser_roles.get()
    registration.save()
    return registration


def test_organiser_roles_by_role(people, event):
    lead = event.organisers.get(is_lead=True)
    co = event.organisers.get(is_lead=False)
    assert by_role(people, permissions.organiser_roles, event) == {
        "anonymous": [],
        "ana": [],
        "jonas": [],
        "met": [],
        "lead": [lead],
        "co": [co],
        "superuser": [],
    }


def test_organiser_roles_of_another_event_are_empty(people):
    other = factories.b2b_event()
    assert by_role(people, permissions.organiser_roles, other) == {role: [] for role in ROLES}


def test_is_organiser_by_role(people, event):
    assert by_role(people, permissions.is_organiser, event) == {
        "anonymous": False,
        "ana": False,
        "jonas": False,
        "met": False,
        "lead": True,
        "co": True,
        "superuser": True,
    }


def test_is_lead_organiser_by_role(people, event):
    assert by_role(people, permissions.is_lead_organiser, event) == {
        "anonymous": False,
        "ana": False,
        "jonas": False,
        "met": False,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_is_lead_organiser_of_another_event_is_false_for_its_staff(people):
    other = factories.b2b_event()
    result = by_role(people, permissions.is_lead_organiser, other)
    assert result == {**dict.fromkeys(ROLES, False), "superuser": True}


def test_can_manage_event_by_role(people, event):
    assert by_role(people, permissions.can_manage_event, event) == {
        "anonymous": False,
        "ana": False,
        "jonas": False,
        "met": False,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_supports_a_participant_of_the_lead_by_role(people, ana):
    assert by_role(people, permissions.supports, ana) == {
        "anonymous": False,
        "ana": False,
        "jonas": False,
        "met": False,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_supports_a_participant_of_the_co_organiser_by_role(people, ana, co_staff):
    supported_by_co(ana, co_staff)
    assert by_role(people, permissions.supports, ana) == {
        "anonymous": False,
        "ana": False,
        "jonas": False,
        "met": False,
        "lead": True,
        "co": True,
        "superuser": True,
    }


def test_can_see_contact_by_role(people, ana):
    assert by_role(people, permissions.can_see_contact, ana) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": True,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_can_see_contact_of_a_co_organisers_participant_by_role(people, ana, co_staff):
    supported_by_co(ana, co_staff)
    assert by_role(people, permissions.can_see_contact, ana)["co"] is True


def test_can_see_contact_when_the_participant_consents_by_role(people, ana):
    ana.share_contact = True
    ana.save()
    assert by_role(people, permissions.can_see_contact, ana) == {
        **dict.fromkeys(ROLES, True),
        "anonymous": False,
    }


def test_can_see_contact_granted_to_the_public_is_for_every_signed_in_person(people, ana):
    """A `contact` grant to the public reaches everyone with a confirmed address, even with no
    place at the event; never someone not signed in, whose view would have no name in the log."""
    consents.grant(user=ana.user, scope="contact", audience="public", by=ana.user)
    stranger = factories.UserFactory()
    assert by_role(people, permissions.can_see_contact, ana) == {
        **dict.fromkeys(ROLES, True),
        "anonymous": False,
    }
    assert permissions.can_see_contact(stranger, ana) is True
    assert permissions.can_see_contact(unconfirmed(stranger), ana) is False


def test_can_see_contact_granted_to_cluster_members_reaches_only_them(people, ana, jonas):
    cluster = factories.ClusterFactory()
    for person in (ana, jonas):
        Membership.objects.create(cluster=cluster, organisation=person.user.organisation)
    consents.grant(user=ana.user, scope="contact", audience="cluster_members", by=ana.user)
    assert by_role(people, permissions.can_see_contact, ana) == {
        "anonymous": False,
        "ana": True,
        "jonas": True,
        "met": True,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_can_see_contact_by_grant_ends_with_the_withdrawal_or_the_registration(people, ana):
    consents.grant(user=ana.user, scope="contact", audience="public", by=ana.user)
    consents.withdraw(user=ana.user, scope="contact", audience="public", by=ana.user)
    assert by_role(people, permissions.can_see_contact, ana)["jonas"] is False
    consents.grant(user=ana.user, scope="contact", audience="public", by=ana.user)
    ana.status = ana.Status.WITHDRAWN
    ana.save()
    assert by_role(people, permissions.can_see_contact, ana)["jonas"] is False


def test_can_see_contact_other_grants_do_not_show_contact_details(people, ana):
    for scope in ("met", "stage", "notes"):
        consents.grant(user=ana.user, scope=scope, audience="public", by=ana.user)
    assert by_role(people, permissions.can_see_contact, ana)["jonas"] is False


def test_can_see_contact_when_consented_is_only_for_people_of_the_event(event, ana):
    """Finding 4 of the trust review: "all participants" meant any account that could log in."""
    ana.share_contact = True
    ana.save()
    stranger = factories.UserFactory()
    pending = factories.RegistrationFactory(event=event, status="pending").user
    elsewhere = factories.RegistrationFactory(event=factories.b2b_event()).user
    withdrawn = factories.RegistrationFactory(event=event, status="withdrawn").user
    validated = factories.RegistrationFactory(event=event).user
    viewers = {
        "stranger": stranger,
        "pending": pending,
        "elsewhere": elsewhere,
        "withdrawn": withdrawn,
        "validated": validated,
    }
    assert {name: permissions.can_see_contact(user, ana) for name, user in viewers.items()} == {
        "stranger": False,
        "pending": False,
        "elsewhere": False,
        "withdrawn": False,
        "validated": True,
    }
    assert {
        name: permissions.contact_visible(user, event, [ana]) for name, user in viewers.items()
    } == {
        "stranger": set(),
        "pending": set(),
        "elsewhere": set(),
        "withdrawn": set(),
        "validated": {ana.pk},
    }


def test_can_see_contact_of_a_consenting_participant_not_yet_validated_is_for_organisers(
    people, ana
):
    ana.share_contact = True
    ana.status = "pending"
    ana.save()
    assert by_role(people, permissions.can_see_contact, ana) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": True,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_can_see_contact_after_the_meeting_is_called_off_is_false(people, ana):
    meeting_request = ana.received_requests.get()
    meeting_request.status = "cancelled"
    meeting_request.save()
    assert by_role(people, permissions.can_see_contact, ana)["met"] is False


def test_can_see_contact_works_both_ways_of_the_request(people, ana, event):
    met = event.registrations.get(user=people["met"])
    assert by_role(people, permissions.can_see_contact, met) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": True,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def unconfirmed(user):
    user.email_verified = False
    user.save(update_fields=["email_verified"])
    return user


def test_is_verified_by_role(people):
    unconfirmed(people["jonas"])
    assert by_role(people, permissions.is_verified) == {
        **dict.fromkeys(ROLES, True),
        "anonymous": False,
        "jonas": False,
    }


def test_rules_that_need_a_confirmed_address_refuse_an_unconfirmed_one(people):
    jonas = unconfirmed(people["jonas"])
    assert [
        rule(jonas)
        for rule in (
            permissions.can_request_meetings,
            permissions.can_join_organisation,
            permissions.can_join_delegation,
        )
    ] == [False, False, False]
    assert [
        rule(people["ana"])
        for rule in (
            permissions.can_request_meetings,
            permissions.can_join_organisation,
            permissions.can_join_delegation,
        )
    ] == [True, True, True]


def test_can_see_contact_with_an_unconfirmed_address_is_only_ones_own(people, ana, jonas):
    ana.share_contact = True
    ana.save()
    unconfirmed(people["met"])
    unconfirmed(people["lead"])
    assert by_role(people, permissions.can_see_contact, ana) == {
        **dict.fromkeys(ROLES, True),
        "anonymous": False,
        "met": False,
        "lead": False,
    }
    assert permissions.can_see_contact(unconfirmed(ana.user), ana) is True


def test_clusters_of_an_unconfirmed_address_is_empty(event, lead_staff):
    assert permissions.clusters_of(lead_staff).count() == 1
    assert list(permissions.clusters_of(unconfirmed(lead_staff))) == []


def test_can_decide_membership_by_role(people, event):
    organisation = people["jonas"].organisation
    assert by_role(people, permissions.can_decide_membership, organisation) == {
        **dict.fromkeys(ROLES, False),
        "superuser": True,
    }
    organisation.admins.add(people["jonas"])
    assert by_role(people, permissions.can_decide_membership, organisation)["jonas"] is True
    Membership.objects.create(
        cluster=event.organisers.get(is_lead=True).cluster, organisation=people["ana"].organisation
    )
    assert by_role(people, permissions.can_decide_membership, people["ana"].organisation) == {
        **dict.fromkeys(ROLES, False),
        "lead": True,
        "superuser": True,
    }


def test_can_withdraw_membership_request_by_role(people):
    asked = MembershipRequest.objects.create(
        user=people["ana"], organisation=people["jonas"].organisation
    )
    assert by_role(people, permissions.can_withdraw_membership_request, asked) == {
        **dict.fromkeys(ROLES, False),
        "ana": True,
    }


def test_contact_visible_agrees_with_can_see_contact(event, ana, jonas, lead_staff, co_staff):
    """The page-sized rule must say what can_see_contact says, for every role and person."""
    third = factories.RegistrationFactory(event=event, share_contact=True)
    fourth = factories.RegistrationFactory(event=event, organiser=co_staff.organiser_roles.get())
    fifth = factories.RegistrationFactory(event=event)
    consents.grant(user=fifth.user, scope="contact", audience="public", by=fifth.user)
    sixth = factories.RegistrationFactory(event=event)
    Membership.objects.create(
        cluster=co_staff.organiser_roles.get().cluster, organisation=sixth.user.organisation
    )
    consents.grant(user=sixth.user, scope="contact", audience="cluster_staff", by=sixth.user)
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    people = [ana, jonas, third, fourth, fifth, sixth]
    unconfirmed_lead = unconfirmed(factories.UserFactory())
    event.organisers.get(is_lead=True).staff.add(unconfirmed_lead)
    viewers = [
        AnonymousUser(),
        ana.user,
        jonas.user,
        third.user,
        unconfirmed(fourth.user),
        lead_staff,
        co_staff,
        unconfirmed_lead,
    ]
    for viewer in viewers:
        expected = {row.pk for row in people if permissions.can_see_contact(viewer, row)}
        assert (viewer, permissions.contact_visible(viewer, event, people)) == (viewer, expected)
    assert {fifth.pk, sixth.pk} <= permissions.contact_visible(co_staff, event, people)
    assert fifth.pk in permissions.contact_visible(jonas.user, event, people)
    assert sixth.pk not in permissions.contact_visible(jonas.user, event, people)


def test_can_see_agenda_by_role(people, ana):
    assert by_role(people, permissions.can_see_agenda, ana) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": True,
        "co": False,
        "superuser": True,
    }


def test_can_see_agenda_of_a_co_organisers_participant_by_role(people, ana, co_staff):
    supported_by_co(ana, co_staff)
    assert by_role(people, permissions.can_see_agenda, ana)["co"] is True


def test_can_answer_by_role(people, ana, jonas):
    meeting_request = send_request(sender=jonas, recipient=ana, message="Hi", by=jonas.user)
    assert by_role(people, permissions.can_answer, meeting_request) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_cancel_an_unanswered_request_by_role(people, ana, jonas):
    meeting_request = send_request(sender=jonas, recipient=ana, message="Hi", by=jonas.user)
    assert by_role(people, permissions.can_cancel_request, meeting_request) == {
        "anonymous": False,
        "ana": True,
        "jonas": True,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_cancel_an_accepted_meeting_by_role(people, ana):
    meeting_request = ana.received_requests.get()
    assert by_role(people, permissions.can_cancel_request, meeting_request) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": True,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_withdraw_request_by_role(people, ana, jonas):
    meeting_request = send_request(sender=jonas, recipient=ana, message="Hi", by=jonas.user)
    assert by_role(people, permissions.can_withdraw_request, meeting_request) == {
        "anonymous": False,
        "ana": False,
        "jonas": True,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_edit_account_by_role(people, ana):
    assert by_role(people, permissions.can_edit_account, ana.user) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": True,
    }


def test_can_erase_account_by_role(people, ana):
    assert by_role(people, permissions.can_erase_account, ana.user) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_create_api_token_by_role(people, ana):
    assert by_role(people, permissions.can_create_api_token, ana.user) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_revoke_api_token_by_role(people, ana):
    token, _key = create_token(user=ana.user, name="CRM", by=ana.user)
    assert by_role(people, permissions.can_revoke_api_token, token) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_create_calendar_feed_by_role(people, ana):
    assert by_role(people, permissions.can_create_calendar_feed, ana) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_can_revoke_calendar_feed_by_role(people, ana):
    feed, _secret = create_feed(registration=ana, by=ana.user)
    assert by_role(people, permissions.can_revoke_calendar_feed, feed) == {
        "anonymous": False,
        "ana": True,
        "jonas": False,
        "met": False,
        "lead": False,
        "co": False,
        "superuser": False,
    }


def test_event_clusters_are_the_leads_clusters(event, lead_staff, co_staff, superuser):
    lead_cluster = event.organisers.get(is_lead=True).cluster
    assert list(permissions.event_clusters(lead_staff)) == [lead_cluster]
    assert list(permissions.event_clusters(co_staff)) == []
    assert permissions.event_clusters(superuser).count() == 2
    assert not permissions.can_create_event(factories.UserFactory(), lead_cluster)
    assert not permissions.can_create_event(AnonymousUser(), lead_cluster)


def test_can_see_participant_by_role_and_status(people, event, ana):
    """A validated participant is there for everyone; one pending only for the organisers that
    support them (Ana's organiser is the lead, so the co-organiser does not see her pending)."""
    everyone = {name: True for name in ROLES}
    assert by_role(people, permissions.can_see_participant, ana) == everyone
    ana.status = "pending"
    ana.save()
    assert by_role(people, permissions.can_see_participant, ana) == {
        **{name: False for name in ROLES},
        "lead": True,
        "superuser": True,
    }
