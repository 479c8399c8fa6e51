"""The view helpers of `matchfair.web`, on their own: a domain call for a POST, and carrying a
refusal or a form's errors to the next page."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory

from matchfair.web import report_errors, run_domain_call


class NameForm(forms.Form):
    name = forms.CharField(label="Name", max_length=5)


def post(data=None):
    request = RequestFactory().post("/", data or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def said(request) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(request)]


def test_a_call_that_succeeds_says_so_from_its_result_and_answers_with_then():
    request = post()
    response = run_domain_call(
        request,
        lambda: 7,
        success=lambda result: f"Meeting #{result} moved.",
        then=HttpResponseRedirect("/day/"),
    )
    assert (response.status_code, response["Location"], said(request)) == (
        302,
        "/day/",
        [("success", "Meeting #7 moved.")],
    )


def test_a_refusal_of_the_domain_becomes_error_messages_and_no_success():
    request = post()

    def refuse():
        raise ValidationError(["Too late.", "Someone is busy."])

    response = run_domain_call(request, refuse, success="Done.", then=HttpResponse("page"))
    assert (response.content, said(request)) == (
        b"page",
        [("error", "Too late."), ("error", "Someone is busy.")],
    )


def test_an_invalid_form_stops_the_call_and_names_its_field():
    request = post({"name": "far too long"})
    calls = []
    run_domain_call(
        request,
        lambda: calls.append("called"),
        form=NameForm(request.POST),
        success="Done.",
        then=HttpResponse(),
    )
    assert (calls, said(request)) == (
        [],
        [("error", "Name: Ensure this value has at most 5 characters (it has 12).")],
    )


def test_a_valid_form_lets_the_call_read_its_data_and_then_is_made_after_the_call():
    request = post({"name": "Ana"})
    form = NameForm(request.POST)
    seen = []
    response = run_domain_call(
        request,
        lambda: seen.append(form.cleaned_data["name"]),
        form=form,
        success="Saved.",
        then=lambda: HttpResponse(",".join(seen)),
    )
    assert (response.content, said(request)) == (b"Ana", [("success", "Saved.")])


def test_report_errors_keeps_a_form_wide_error_without_a_label():
    request = post()
    form = NameForm({"name": "Ana"})
    form.is_valid()
    form.add_error(None, "Pick a slot first.")
    report_errors(request, form)
    assert said(request) == [("error", "Pick a slot first.")]
