"""Forms with which organisers set up an event in the console: the event, its sessions, tables."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.events.domain.venue import MAX_TABLES_AT_ONCE


class LocalDateTimeInput(forms.DateTimeInput):
    """A browser's date-and-time picker; the view reads it in the event's time zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class SessionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=LocalDateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=LocalDateTimeInput())
    slot_minutes = forms.IntegerField(
        label=_("Minutes per meeting"),
        min_value=5,
        max_value=240,
        initial=30,
        help_text=_("The session is cut into slots of this length, one meeting each."),
    )
    is_b2b = forms.BooleanField(
        label=_("B2B meetings"),
        required=False,
        initial=True,
        help_text=_("Off for side events without meetings."),
    )


class TablesForm(forms.Form):
    count = forms.IntegerField(label=_("How many"), min_value=1, max_value=MAX_TABLES_AT_ONCE)
    prefix = forms.CharField(
        label=_("Name"),
        max_length=40,
        initial=_("Table"),
        help_text=_("Numbered on from the highest number in use: Table 13, Table 14…"),
    )
    location = forms.CharField(
        label=_("Hall or area"),
        max_length=120,
        required=False,
        help_text=_("Shown in agendas and used for walking times."),
    )


class TableForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    location = forms.CharField(
        label=_("Hall or area"),
        max_length=120,
        required=False,
        help_text=_("Shown in agendas and used for walking times."),
    )
