"""The contacts app: people met at a stand or a meeting, with notes, follow-ups and consent."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "matchfair.contacts"
    verbose_name = _("Contacts")

    def ready(self) -> None:
        from matchfair.community.domain import privacy  # noqa: PLC0415 (app registry)
        from matchfair.contacts import privacy as contacts_privacy  # noqa: PLC0415 (app registry)

        privacy.register("contacts", collect=contacts_privacy.collect, erase=contacts_privacy.erase)
