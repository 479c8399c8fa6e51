"""A person's photo and their organisation's logo: upload (POST) and removal, from the account page."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.community.domain import pictures
from matchfair.community.forms import PictureForm
from matchfair.community.models import Organisation
from matchfair.web import run_domain_call


@login_required
@require_POST
def photo(request):
    form = PictureForm(request.POST, request.FILES)
    return run_domain_call(
        request,
        lambda: pictures.set_photo(
            user=request.user, upload=form.cleaned_data["picture"], by=request.user
        ),
        form=form,
        success=_("Your photo is saved."),
        then=redirect("community:account"),
    )


@login_required
@require_POST
def photo_remove(request):
    return run_domain_call(
        request,
        lambda: pictures.remove_photo(user=request.user, by=request.user),
        success=_("Your photo is removed; your initials show instead."),
        then=redirect("community:account"),
    )


def _organisation(request, pk) -> Organisation:
    """The organisation whose logo the visitor may change; 404 otherwise, as for membership."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not permissions.can_change_logo(request.user, organisation):
        raise Http404
    return organisation


@login_required
@require_POST
def logo(request, pk):
    organisation = _organisation(request, pk)
    form = PictureForm(request.POST, request.FILES)
    return run_domain_call(
        request,
        lambda: pictures.set_logo(
            organisation=organisation, upload=form.cleaned_data["picture"], by=request.user
        ),
        form=form,
        success=_("The logo is saved."),
        then=redirect("community:account"),
    )


@login_required
@require_POST
def logo_remove(request, pk):
    organisation = _organisation(request, pk)
    return run_domain_call(
        request,
        lambda: pictures.remove_logo(organisation=organisation, by=request.user),
        success=_("The logo is removed."),
        then=redirect("community:account"),
    )
