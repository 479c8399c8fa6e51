"""The visits app: the venue's halls, pavilions and stands, the delegation and its planned visits."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "matchfair.visits"
    verbose_name = _("Delegation and visits")

    def ready(self) -> None:
        from matchfair.meetings.signals import plan_released  # noqa: PLC0415 (app registry)
        from matchfair.visits.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
        from matchfair.visits.signals import on_plan_released  # noqa: PLC0415 (app registry)

        plan_released.connect(on_plan_released, dispatch_uid="visits.replan_on_release")

        from matchfair.meetings.domain.instance import TRAVEL_SOURCES  # noqa: PLC0415 (app registry)
        from matchfair.visits.domain.venue import walking_minutes  # noqa: PLC0415 (app registry)

        if walking_minutes not in TRAVEL_SOURCES:
            TRAVEL_SOURCES.append(walking_minutes)
