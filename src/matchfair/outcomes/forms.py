"""Forms of the outcomes app: the quick answer after a meeting, a follow-up step, a consent."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matchfair.outcomes.models import AgreementType, Audience, NextStep, Scope, Stage, ValueBand


class OutcomeForm(forms.Form):
    """Four questions a phone answers in seconds: did it happen, how good, what next, a note."""

    took_place = forms.TypedChoiceField(
        label=_("Did the meeting take place?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    rating = forms.TypedChoiceField(
        label=_("How useful was it? (1–5)"),
        choices=[("", "—"), *((str(n), str(n)) for n in range(1, 6))],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    next_steps = forms.MultipleChoiceField(
        label=_("Next steps"),
        choices=NextStep.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Private note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only you see it, unless you share your notes on your consent page."),
    )


class StepForm(forms.Form):
    stage = forms.TypedChoiceField(label=_("Stage"), choices=Stage.choices, coerce=int)
    on = forms.DateField(
        label=_("Date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    agreement_type = forms.ChoiceField(
        label=_("Type of agreement"),
        choices=[("", "—"), *AgreementType.choices],
        required=False,
    )
    call_identifier = forms.CharField(
        label=_("Call identifier"),
        required=False,
        max_length=120,
        help_text=_("For a joint EU proposal, such as HORIZON-CL5-2026-D4-01."),
    )
    value_band = forms.ChoiceField(
        label=_("Value"), choices=[("", "—"), *ValueBand.choices], required=False
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=500,
        help_text=_("A reference, such as a contract number or a link."),
    )


class CampaignForm(forms.Form):
    days_after = forms.IntegerField(
        label=_("Days after the event"),
        min_value=1,
        max_value=730,
        help_text=_("Counted from the event's last day: 7 is a week, 91 three months."),
    )
    reminder_days = forms.IntegerField(
        label=_("Reminder after (days)"),
        min_value=1,
        max_value=90,
        initial=7,
        help_text=_("Those who have not answered get one reminder this many days later."),
    )


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(choices=Scope.choices)
    audience = forms.ChoiceField(choices=Audience.choices)


class StoryAnswerForm(forms.Form):
    """A person's answer to a success story: agree (with an optional quote) or decline."""

    agree = forms.TypedChoiceField(
        label=_("May the cluster tell this agreement as a success story?"),
        choices=[("yes", _("Yes, I agree")), ("no", _("No, I decline"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    quote = forms.CharField(
        label=_("Your quote (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A sentence or two in your own words; it is printed as you write it."),
    )


class RetentionForm(forms.Form):
    months = forms.IntegerField(
        label=_("Shared items expire after (months)"),
        min_value=1,
        max_value=120,
        help_text=_("Each person renews their consent to keep sharing longer."),
    )
