"""Forms of the meetings app: asking for a meeting and answering a request."""

from django import forms
from django.utils.translation import gettext_lazy as _


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
    name = forms.CharField(label=_("Name of this release"), max_length=120, required=False)
    notify = forms.BooleanField(
        label=_("Tell participants whose agenda changed"), required=False, initial=True
    )
