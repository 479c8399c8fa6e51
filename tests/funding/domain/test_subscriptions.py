import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.funding.domain.subscriptions import subscribe, unsubscribe
from matchfair.funding.models import Subscription
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_subscribe_twice_keeps_one_subscription():
    user = UserFactory()
    subscribe(user=user, programme="LIFE", domain="water", by=user)
    subscribe(user=user, programme="LIFE", domain="water", by=user)
    assert list(Subscription.objects.values_list("programme", "domain")) == [("LIFE", "water")]


def test_subscribe_refuses_an_unknown_domain():
    user = UserFactory()
    with pytest.raises(ValidationError, match="Choose one of the domains"):
        subscribe(user=user, programme="", domain="space", by=user)


def test_nobody_subscribes_or_unsubscribes_someone_else():
    user, other = UserFactory(), UserFactory()
    subscription = subscribe(user=user, programme="", domain="", by=user)
    with pytest.raises(PermissionDenied):
        subscribe(user=user, programme="LIFE", domain="", by=other)
    with pytest.raises(PermissionDenied):
        unsubscribe(subscription, by=other)
    unsubscribe(subscription, by=user)
    assert Subscription.objects.count() == 0
