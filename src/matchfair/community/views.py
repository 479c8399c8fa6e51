"""Account pages: sign up and confirm the address, log in and out, reset a forgotten password."""

from django.contrib import messages
from django.contrib.auth import logout as end_session
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from matchfair import permissions
from matchfair.community.domain import memberships
from matchfair.community.domain.accounts import (
    confirm_email,
    send_confirmation,
    sign_up,
    update_account,
)
from matchfair.community.domain.privacy import erase_account, export_personal_data
from matchfair.community.forms import (
    AccountForm,
    PasswordResetForm,
    PictureForm,
    SetPasswordForm,
    SignUpForm,
)
from matchfair.community.models import Cluster, Delegate, MembershipRequest, User
from matchfair.limits import limited
from matchfair.web import report_errors


@require_http_methods(["GET", "POST"])
@limited("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sign_up(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The same answer whether the address was new or had an account already.
            request.session["signed_up_as"] = form.cleaned_data["email"]
            return redirect("community:signup_sent")
    return render(request, "community/signup.html", {"form": form})


def signup_sent(request):
    """After a sign-up: look in your inbox. Says the same for a new and a taken address."""
    return render(
        request, "community/signup_sent.html", {"email": request.session.get("signed_up_as", "")}
    )


def _account_of(uidb64: str) -> User | None:
    try:
        return User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None


@require_http_methods(["GET", "POST"])
def confirm(request, uidb64, token):
    """The link of the confirmation mail: a button confirms (a GET changes nothing, so a mail
    scanner that opens links does not use it up)."""
    if request.method == "POST":
        try:
            confirm_email(user=_account_of(uidb64), token=token)
        except ValidationError as error:
            return render(
                request, "community/confirm.html", {"error": error.messages[0]}, status=400
            )
        messages.success(request, _("Thank you: your e-mail address is confirmed."))
        return redirect("community:account" if request.user.is_authenticated else "community:login")
    return render(request, "community/confirm.html", {})


@login_required
@require_http_methods(["GET", "POST"])
@limited("account_mail")
def confirm_resend(request):
    """Send the confirmation link again."""
    if request.method == "POST":
        try:
            send_confirmation(user=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(
                request,
                _("We sent a new link to %(email)s. It works once.")
                % {"email": request.user.email},
            )
        return redirect("community:confirm_resend")
    return render(request, "community/confirm_resend.html", {})


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; the answer is the same whether or not the address has an account."""

    form_class = PasswordResetForm
    template_name = "community/password_reset.html"
    success_url = reverse_lazy("community:password_reset_done")

    @method_decorator(limited("account_mail"))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "community/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "community/password_reset_confirm.html"
    success_url = reverse_lazy("community:password_reset_complete")

    @method_decorator(limited("password_check"))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "community/password_reset_complete.html"


class LoginView(auth_views.LoginView):
    template_name = "community/login.html"
    redirect_authenticated_user = True

    # Per address, on top of axes's lock-out of one address trying one account.
    @method_decorator(limited("login"))
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


logout = auth_views.LogoutView.as_view()


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """A person's own page: their details, their organisation's clusters, and their roles."""
    user = request.user
    form = AccountForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        try:
            update_account(user=user, by=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your account is saved."))
            return redirect("community:account")
    clusters = (
        Cluster.objects.filter(members=user.organisation_id)
        .select_related("organisation")
        .prefetch_related("networks")
        if user.organisation_id
        else Cluster.objects.none()
    )
    context = {
        "form": form,
        "clusters": clusters,
        "delegations": Delegate.objects.filter(user=user).select_related(
            "network", "cluster__organisation"
        ),
        "registrations": user.registrations.select_related("event").order_by("-event__starts_on"),
        "organiser_roles": user.organiser_roles.select_related("event", "cluster__organisation"),
        "membership_request": MembershipRequest.objects.filter(
            user=user, status=MembershipRequest.Status.PENDING
        )
        .select_related("organisation")
        .first(),
        "decides_memberships": bool(
            memberships.requests_to_decide(user) or memberships.organisations_decided_by(user)
        ),
        "picture_form": PictureForm(auto_id="id_photo_%s"),
        "logo_form": PictureForm(auto_id="id_logo_%s"),
        "logo_organisation": user.organisation
        if user.organisation and permissions.can_change_logo(user, user.organisation)
        else None,
    }
    return render(request, "community/account.html", context)


@login_required
def personal_data(request):
    """All of the person's data, as one JSON download (docs/privacy.md)."""
    response = JsonResponse(
        export_personal_data(user=request.user),
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    response["Content-Disposition"] = 'attachment; filename="matchfair-personal-data.json"'
    return response


@login_required
@require_POST
@limited("password_check")
def erase(request):
    """Erase the account after the password is given again; a refusal says why and changes nothing."""
    try:
        erase_account(user=request.user, by=request.user, password=request.POST.get("password", ""))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for text in error.message_dict.get("password", []):
                messages.error(request, _("Password: %(error)s") % {"error": text})
        else:
            for text in error.messages:
                messages.error(request, text)
        return redirect("community:account")
    end_session(request)
    messages.success(request, _("Your account is erased. Thank you for using Matchfair."))
    return redirect("home")
