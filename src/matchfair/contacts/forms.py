"""Forms of the contacts app: a business card with where and why, and the list's filters."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from matchfair.contacts.domain.contacts import CARD_FIELDS, NOTE_FIELDS
from matchfair.contacts.models import Contact
from matchfair.meetings.models import Meeting


class MeetingChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, owner=None, **kwargs):
        self.owner = owner
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        others = [r.user.full_name for r in obj.participants.all() if r.pk != self.owner.pk]
        return _("Meeting with %(people)s") % {"people": ", ".join(others) or "—"}


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ContactForm(forms.ModelForm):
    """A typed business card and its notes; for a scanned badge only the notes are asked."""

    class Meta:
        model = Contact
        formfield_callback = _formfield
        fields = [*CARD_FIELDS, *NOTE_FIELDS]
        widgets = {
            "note": forms.Textarea(attrs={"rows": 4}),
            "follow_up_due": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, owner, scanned=False, **kwargs):
        super().__init__(*args, **kwargs)
        if scanned:
            for name in CARD_FIELDS:
                del self.fields[name]
        else:
            self.fields["name"].required = True
        self.fields["meeting"] = MeetingChoiceField(
            label=Contact._meta.get_field("meeting").verbose_name,
            queryset=Meeting.objects.filter(participants=owner, status=Meeting.Status.ACTIVE)
            .prefetch_related("participants__user")
            .order_by("id"),
            owner=owner,
            required=False,
            initial=self.initial.get("meeting"),
        )
        self.order_fields([*CARD_FIELDS, *NOTE_FIELDS])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("meeting") and cleaned.get("place"):
            self.add_error("place", _("Give either the meeting or the stand, not both."))
        return cleaned


class ContactFilterForm(forms.Form):
    follow_up_open = forms.BooleanField(label=_("Follow-up open"), required=False)
    where = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Anywhere")),
            ("meeting", _("At a meeting")),
            ("stand", _("At a stand")),
            ("unknown", _("Not said")),
        ],
    )
    text = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput({"type": "search"}),
    )
