"""Forms of the meetings app: asking for a meeting and answering a request."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from matchfair.bilingual import localised


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


# Plain words for the optimiser's two settings; the console shows them under "Advanced".
SEARCH_TIME = _("Time to search for a better schedule (seconds)")
SEARCH_TIME_HELP = _(
    "The optimiser stops after this long and keeps the best schedule found. Most events need "
    "20 seconds; a very large one may place a few more meetings with more time."
)


class ScheduleForm(forms.Form):
    time_limit = forms.FloatField(
        label=SEARCH_TIME, help_text=SEARCH_TIME_HELP, min_value=1, max_value=600, initial=20
    )
    seed = forms.IntegerField(
        label=_("Variant number"),
        help_text=_(
            "The same number gives the same schedule again. Another number gives another "
            "schedule, as good by the same measures, for when you want to compare."
        ),
        min_value=0,
        initial=0,
        required=False,
    )


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


class MoveForm(forms.Form):
    """Where an organiser moves a meeting by hand: one of the slots where all its people are
    free, and one of the tables free then (`domain.move_options` says which)."""

    slot = forms.TypedChoiceField(
        label=_("Slot"),
        coerce=int,
        error_messages={"invalid_choice": _("Someone of this meeting is not free then.")},
    )
    table = forms.TypedChoiceField(
        label=_("Table"),
        coerce=int,
        error_messages={
            "invalid_choice": _("This table is not free then; choose one of those offered.")
        },
    )

    def __init__(self, *args, slots, tables, zone, tight=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {slot.pk: slot for slot in slots}
        self.tables = {table.pk: table for table in tables}
        self.fields["slot"].choices = [
            (
                slot.pk,
                f"{date_format(slot.starts_at.astimezone(zone), 'D j M H:i')} · {localised(slot.session, 'name')}",
            )
            for slot in slots
        ]
        self.fields["table"].choices = [(table.pk, _table_label(table, tight)) for table in tables]

    def clean_slot(self):
        return self.slots[self.cleaned_data["slot"]]

    def clean_table(self):
        return self.tables[self.cleaned_data["table"]]


def _table_label(table, tight) -> str:
    name = localised(table, "name")
    label = f"{name} · {localised(table, 'location')}" if table.location else name
    if table.booth_of_id is not None:
        label = _("%(table)s (their own stand)") % {"table": label}
    if table.location in tight:
        label = _("%(table)s — walk too tight") % {"table": label}
    return str(label)


class NoShowForm(forms.Form):
    registration = forms.IntegerField(widget=forms.HiddenInput)
    cancel_later = forms.BooleanField(
        label=_("Also cancel their later meetings"), required=False, initial=False
    )


class ReplanForm(forms.Form):
    time_limit = forms.FloatField(
        label=SEARCH_TIME, help_text=SEARCH_TIME_HELP, min_value=1, max_value=600, initial=5
    )
