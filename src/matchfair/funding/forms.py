"""Forms of the funding pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.events.taxonomy import DOMAINS
from matchfair.funding.portal import PROGRAMMES
from matchfair.funding.wording import role_name


class SubscriptionForm(forms.Form):
    programme = forms.ChoiceField(
        label=_("Programme"),
        required=False,
        choices=[("", _("any programme")), *((name, name) for name in PROGRAMMES.values())],
    )
    domain = forms.ChoiceField(
        label=_("Domain"),
        required=False,
        choices=[("", _("any domain")), *((slug, _(name)) for slug, name in DOMAINS)],
    )


class DecisionForm(forms.Form):
    confirm = forms.TypedChoiceField(
        choices=[("1", _("Confirm")), ("0", _("Reject"))], coerce=lambda value: value == "1"
    )


class LeadForm(forms.Form):
    lead: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Lead member"), queryset=None)

    def __init__(self, *args, leads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = leads.order_by("name")


class ConsortiumEditForm(forms.Form):
    """One change of a proposed consortium: which, and the member it is about."""

    action = forms.ChoiceField(
        choices=[
            ("add", _("Add a partner")),
            ("remove", _("Remove a partner")),
            ("coordinator", _("Make coordinator")),
            ("roles", _("Change roles")),
        ]
    )
    member = forms.CharField(label=_("Organisation"), max_length=40)
    roles = forms.MultipleChoiceField(label=_("Roles"), required=False, choices=())

    def __init__(self, *args, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = [(role, role_name(role)) for role in roles]


class ConsortiumMoveForm(forms.Form):
    STEPS = [
        ("invite", _("Invite the partners")),
        ("confirm", _("Confirm the consortium")),
        ("submit", _("Mark as submitted")),
        ("fund", _("Mark as funded")),
        ("reject", _("Mark as not funded")),
        ("withdraw", _("Withdraw")),
    ]
    step = forms.ChoiceField(choices=STEPS)


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
