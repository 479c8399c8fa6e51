"""Account pages: sign up, log in and out."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from matchfair.community.domain.accounts import sign_up
from matchfair.community.forms import SignUpForm


@require_http_methods(["GET", "POST"])
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
            return redirect(request.GET.get("next") or "home")
    return render(request, "community/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    template_name = "community/login.html"
    redirect_authenticated_user = True


logout = auth_views.LogoutView.as_view()
