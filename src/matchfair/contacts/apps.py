"""The contacts app: people met at a stand or a meeting, with notes, follow-ups and consent."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "matchfair.contacts"
    verbose_name = _("Contacts")

    def ready(self) -> None:
        from matchfair.contacts.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
