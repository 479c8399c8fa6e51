"""The mailings app: every message Matchfair sends, recorded once and delivered once."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "matchfair.mailings"
    verbose_name = _("Mailings")
