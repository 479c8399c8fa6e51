"""The visits app: the venue's halls, pavilions and stands, the delegation and its planned visits."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "matchfair.visits"
    verbose_name = _("Delegation and visits")
