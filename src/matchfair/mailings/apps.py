"""The mailings app: every message Matchfair sends, recorded once and delivered once."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "matchfair.mailings"
    verbose_name = _("Mailings")

    def ready(self) -> None:
        from matchfair.community.domain import privacy
        from matchfair.mailings import privacy as mailings_privacy

        privacy.register("mailings", collect=mailings_privacy.collect, erase=mailings_privacy.erase)
