"""Forms of the meetings app: asking for a meeting and answering a request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.events.models import Slot, Table


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what you would like to discuss, so they can decide quickly."),
    )


class AnswerForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScheduleForm(forms.Form):
    time_limit = forms.FloatField(
        label=_("Seconds the optimiser may take"), min_value=1, max_value=600, initial=20
    )
    seed = forms.IntegerField(label=_("Seed"), min_value=0, initial=0, required=False)


class ReleaseForm(forms.Form):
    """`soft` names the draft's softer conflicts for the confirmation; "" when there are none
    (the box is left out), None when the form only reads a POST."""

    name = forms.CharField(label=_("Name of this release"), max_length=120, required=False)
    notify = forms.BooleanField(
        label=_("Tell participants whose agenda changed"), required=False, initial=True
    )
    confirmed = forms.BooleanField(label=_("Release it with these"), required=False)

    def __init__(self, *args, soft: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if soft == "":
            del self.fields["confirmed"]
        elif soft is not None:
            self.fields["confirmed"].label = _(
                "I have looked at these and release the draft with them: %(what)s"
            ) % {"what": soft}


class SlotChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, zone=None, **kwargs):
        self.zone = zone
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        start = obj.starts_at.astimezone(self.zone) if self.zone else obj.starts_at
        return f"{start:%a %d %b %H:%M} · {obj.session.name}"


class MoveForm(forms.Form):
    """Where an organiser moves a meeting by hand: any B2B slot and table in use of the event."""

    slot = SlotChoiceField(label=_("Slot"), queryset=None)
    table: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Table"), queryset=None)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        slot_field = self.fields["slot"]
        slot_field.queryset = (
            Slot.objects.filter(session__event=event, session__is_b2b=True)
            .select_related("session")
            .order_by("starts_at")
        )
        slot_field.zone = event.zone
        self.fields["table"].queryset = Table.objects.filter(event=event, is_active=True).order_by(
            "id"
        )


class NoShowForm(forms.Form):
    registration = forms.IntegerField(widget=forms.HiddenInput)
    cancel_later = forms.BooleanField(
        label=_("Also cancel their later meetings"), required=False, initial=False
    )


class ReplanForm(forms.Form):
    time_limit = forms.FloatField(
        label=_("Seconds the optimiser may take"), min_value=1, max_value=600, initial=5
    )
