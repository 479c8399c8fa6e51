import pytest
from django.urls import reverse

from matchfair.visits import models

from .rows import one_of_each

MODELS = [
    models.Hall,
    models.Pavilion,
    models.Stand,
    models.Delegation,
    models.DelegationMember,
    models.Wish,
    models.JointVisit,
    models.ItineraryStop,
    models.SkippedStop,
]


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_admin_pages_of_every_visits_model_answer(client, event, ana, jonas, superuser, model):
    one_of_each(event, ana, jonas)
    client.force_login(superuser)
    name = f"admin:visits_{model._meta.model_name}"
    first = model.objects.order_by("pk").first()
    answers = [
        client.get(reverse(f"{name}_changelist")).status_code,
        client.get(reverse(f"{name}_changelist"), {"q": "a"}).status_code,
        client.get(reverse(f"{name}_add")).status_code,
        client.get(reverse(f"{name}_change", args=[first.pk])).status_code,
    ]
    assert answers == [200, 200, 200, 200]
