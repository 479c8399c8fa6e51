"""`__among`: the same rows as `__in`, on both databases, for keys and foreign keys."""

import pytest
from django.core.exceptions import FieldError

from matchfair.community.models import Organisation, User
from tests import factories

pytestmark = pytest.mark.django_db


def test_among_finds_what_in_finds_for_primary_and_foreign_keys():
    people = [factories.UserFactory() for _ in range(5)]
    wanted = [people[0].pk, people[3].pk, str(people[4].pk), 10**9]
    assert set(User.objects.filter(pk__among=wanted)) == {people[0], people[3], people[4]}
    organisations = {people[1].organisation_id, people[2].organisation_id}
    assert (
        set(User.objects.filter(organisation__among=organisations))
        == set(User.objects.filter(organisation__in=organisations))
        == {people[1], people[2]}
    )


def test_among_nothing_is_nothing_and_combines_with_other_filters():
    person = factories.UserFactory()
    assert list(User.objects.filter(pk__among=[])) == []
    assert list(User.objects.exclude(pk__among=[]).filter(pk=person.pk)) == [person]
    assert list(User.objects.filter(pk__among={person.pk}, email="nobody@example.org")) == []
    assert list(User.objects.filter(pk__among=[None, person.pk])) == [person]
    assert list(User.objects.filter(pk__among=[None])) == []


def test_among_refuses_what_is_not_an_id():
    with pytest.raises((ValueError, FieldError)):
        list(Organisation.objects.filter(pk__among=["not a number"]))
