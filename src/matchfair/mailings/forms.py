"""The compose form of a mailing, and announcing that booking opened or closed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.events.models import Organiser
from matchfair.mailings.models import Mailing


class MailingForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    audience = forms.ChoiceField(label=_("Recipients"), choices=Mailing.Audience.choices)
    organiser = forms.ModelChoiceField(
        label=_("Supported by"),
        queryset=Organiser.objects.none(),
        required=False,
        empty_label=_("Any organiser"),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "You may write {name}, {organisation}, {event}, {agenda_url} and {requests_url}; "
            "each recipient sees their own, and the two links in full. Start with your own "
            "greeting (“Dear {name},”) or leave it out: the mail then opens with “Hello <name>,”."
        ),
    )

    def __init__(self, *args, organisers, limited: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organiser"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisers.select_related("cluster__organisation")
        if limited:  # a co-organiser writes to its own participants only
            field.required = True
            field.empty_label = None


class BookingAnnouncementForm(forms.Form):
    moment = forms.ChoiceField(
        label=_("Announce"),
        choices=[
            ("opened", _("Meeting requests are open")),
            ("closed", _("Meeting requests closed")),
        ],
    )
