"""The outcomes app: what came of the meetings, and who may learn it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "matchfair.outcomes"
    verbose_name = _("Outcomes")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415 (app registry)

        from matchfair.outcomes.domain.campaigns import (  # noqa: PLC0415 (app registry)
            on_event_saved,
        )
        from matchfair.outcomes.domain.knowledge import (  # noqa: PLC0415 (app registry)
            people_changed,
        )
        from matchfair.outcomes.domain.summaries import on_saved  # noqa: PLC0415 (app registry)
        from matchfair.outcomes.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
        post_save.connect(
            on_event_saved, sender="events.Event", dispatch_uid="outcomes.default_campaigns"
        )
        for model in ("Outcome", "FollowUpStep"):  # each meeting's summary, in the same transaction
            post_save.connect(
                on_saved, sender=f"outcomes.{model}", dispatch_uid=f"outcomes.summary.{model}"
            )
        # The knowledge page's kept sides: people and organisations as they are now.
        for model in ("community.User", "community.Organisation"):
            for signal in (post_save, post_delete):
                signal.connect(people_changed, sender=model, dispatch_uid=f"knowledge.{model}")
        post_delete.connect(
            people_changed, sender="events.Registration", dispatch_uid="knowledge.registration"
        )
