"""Forms with which organisers set up an event in the console: the event, its sessions, tables."""

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matchfair.community.models import Cluster
from matchfair.events.domain.setup import SETTINGS
from matchfair.events.domain.venue import MAX_TABLES_AT_ONCE
from matchfair.events.models import Event


class LocalDateTimeInput(forms.DateTimeInput):
    """A browser's date-and-time picker; the view reads it in the event's time zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    """The event's settings; the booking window is read in the time zone chosen on the form."""

    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(name, name) for name in sorted(zoneinfo.available_timezones())],
        initial="Europe/Madrid",
        help_text=_("Where the event takes place: sessions and booking times are read in it."),
    )

    class Meta:
        model = Event
        fields = SETTINGS
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "booking_opens_at": LocalDateTimeInput(),
            "booking_closes_at": LocalDateTimeInput(),
            "lunch_starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "lunch_ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_bg": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for key in ("booking_opens_at", "booking_closes_at"):
                if cleaned.get(key):
                    cleaned[key] = timezone.make_aware(timezone.make_naive(cleaned[key]), zone)
        return cleaned

    def _post_clean(self):
        # The domain function checks and saves; the form only reads the values.
        pass


class NewEventForm(EventForm):
    cluster = forms.ModelChoiceField(
        label=_("Lead organiser"), queryset=Cluster.objects.none(), empty_label=None
    )
    slug = forms.SlugField(
        label=_("Short name"),
        max_length=50,
        help_text=_(
            "In the event's addresses, such as /e/smart-city-expo-2027/; it never changes."
        ),
    )

    class Meta(EventForm.Meta):
        fields = ("cluster", "slug", *SETTINGS)

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters.select_related("organisation")


BULGARIAN_HELP = _("Shown to readers of Bulgarian; empty: they see the English one.")


class SessionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    name_bg = forms.CharField(
        label=_("Name in Bulgarian"), max_length=120, required=False, help_text=BULGARIAN_HELP
    )
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
    name = forms.CharField(
        label=_("Name"),
        max_length=40,
        initial=_("Table"),
        help_text=_("Numbered on from the highest number in use: Table 13, Table 14…"),
    )
    name_bg = forms.CharField(
        label=_("Name in Bulgarian"),
        max_length=40,
        required=False,
        initial="Маса",
        help_text=_("Numbered like the English name: Маса 13, Маса 14…"),
    )
    location = forms.CharField(
        label=_("Hall or area"),
        max_length=120,
        required=False,
        help_text=_("Shown in agendas and used for walking times."),
    )
    location_bg = forms.CharField(
        label=_("Hall or area in Bulgarian"),
        max_length=120,
        required=False,
        help_text=BULGARIAN_HELP,
    )


class TableForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    name_bg = forms.CharField(
        label=_("Name in Bulgarian"), max_length=60, required=False, help_text=BULGARIAN_HELP
    )
    location = forms.CharField(
        label=_("Hall or area"),
        max_length=120,
        required=False,
        help_text=_("Shown in agendas and used for walking times."),
    )
    location_bg = forms.CharField(
        label=_("Hall or area in Bulgarian"),
        max_length=120,
        required=False,
        help_text=BULGARIAN_HELP,
    )
