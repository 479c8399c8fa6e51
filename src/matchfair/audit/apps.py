from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "matchfair.audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from matchfair.audit.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
