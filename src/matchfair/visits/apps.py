"""The visits app: the venue's halls, pavilions and stands, the delegation and its planned visits."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "matchfair.visits"
    verbose_name = _("Delegation and visits")

    def ready(self) -> None:
        from matchfair.community.domain import privacy
        from matchfair.meetings.signals import plan_released
        from matchfair.visits import privacy as visits_privacy

        privacy.register("visits", collect=visits_privacy.collect, erase=visits_privacy.erase)
        from matchfair.visits.signals import on_plan_released

        plan_released.connect(on_plan_released, dispatch_uid="visits.replan_on_release")

        from matchfair.meetings.domain.instance import TRAVEL_SOURCES
        from matchfair.visits.domain.venue import walking_minutes

        if walking_minutes not in TRAVEL_SOURCES:
            TRAVEL_SOURCES.append(walking_minutes)
