"""A person's subscriptions to funding calls, by programme and domain."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.community.models import User
from matchfair.funding.models import Subscription
from matchfair.recommend import DOMAINS


def subscribe(*, user: User, programme: str, domain: str, by: User) -> Subscription:
    if by.pk != user.pk:
        raise PermissionDenied
    if domain and domain not in DOMAINS:
        raise ValidationError(_("Choose one of the domains."))
    with transaction.atomic():
        subscription, created = Subscription.objects.get_or_create(
            user=user, programme=programme.strip(), domain=domain
        )
        if created:
            record(action="funding.subscribed", actor=by, subject=subscription)
    return subscription


def unsubscribe(subscription: Subscription, *, by: User) -> None:
    if by.pk != subscription.user_id:
        raise PermissionDenied
    with transaction.atomic():
        record(action="funding.unsubscribed", actor=by, subject=subscription)
        subscription.delete()
