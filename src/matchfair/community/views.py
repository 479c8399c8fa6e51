"""Account pages: sign up, log in and out."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import logout as end_session
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from matchfair.community.domain.accounts import sign_up, update_account
from matchfair.community.domain.privacy import erase_account, export_personal_data
from matchfair.community.forms import AccountForm, SignUpForm
from matchfair.community.models import Cluster, Delegate
from matchfair.limits import limited


@require_http_methods(["GET", "POST"])
@limited("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = sign_up(**form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome, %(name)s. Pick an event to register for.") % {"name": user.full_name},
            )
            target = request.GET.get("next", "")
            safe = url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
            return redirect(target if safe else "home")
    return render(request, "community/signup.html", {"form": form})


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
