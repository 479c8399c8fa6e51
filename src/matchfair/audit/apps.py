from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "matchfair.audit"
    verbose_name = "Audit log"
