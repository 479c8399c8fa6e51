from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "matchfair.jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        from matchfair.jobs.models import Job, delete_result_file  # noqa: PLC0415 (app registry)
        from matchfair.jobs.privacy import register_sections  # noqa: PLC0415 (app registry)

        post_delete.connect(delete_result_file, sender=Job, dispatch_uid="jobs.delete_result_file")
        register_sections()
