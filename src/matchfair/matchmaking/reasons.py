"""Reasons in the reader's language: the engine writes fixed English patterns, translated here.

The quoted titles are the only free parts; any text that fits no pattern is shown as it is.
"""

import re
from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# "A city", "An investor": the engine's article and organisation-type label.
WHO = {
    "A company": gettext_noop("A company"),
    "A startup": gettext_noop("A startup"),
    "A city": gettext_noop("A city"),
    "A public body": gettext_noop("A public body"),
    "A research organisation": gettext_noop("A research organisation"),
    "A university": gettext_noop("A university"),
    "A cluster": gettext_noop("A cluster"),
    "An association": gettext_noop("An association"),
    "An investor": gettext_noop("An investor"),
}
WHOM = {
    "startups": gettext_noop("startups"),
    "suppliers": gettext_noop("suppliers"),
    "research partners": gettext_noop("research partners"),
    "investors": gettext_noop("investors"),
    "test-beds in cities": gettext_noop("test-beds in cities"),
    "partners": gettext_noop("partners"),
}
# The engine's domain labels (`recommend.DOMAINS`), lower case as they sit inside a sentence.
DOMAIN_LABELS = {
    "mobility": gettext_noop("mobility"),
    "energy": gettext_noop("energy"),
    "environment": gettext_noop("environment"),
    "governance and e-government": gettext_noop("governance and e-government"),
    "buildings": gettext_noop("buildings"),
    "water": gettext_noop("water"),
    "health": gettext_noop("health"),
    "safety and security": gettext_noop("safety and security"),
    "ICT and data": gettext_noop("ICT and data"),
    "tourism and culture": gettext_noop("tourism and culture"),
    "circular economy": gettext_noop("circular economy"),
}


def _domains(text: str) -> str | None:
    labels = text.split(" and in ")
    if not all(label in DOMAIN_LABELS for label in labels):
        return None
    return _(" and in ").join(_(DOMAIN_LABELS[label]) for label in labels)


def _offers(match: re.Match[str]) -> str | None:
    return _('Offers "%(offer)s" — answers your request "%(request)s"') % match.groupdict()


def _requests(match: re.Match[str]) -> str | None:
    return _('Requests "%(request)s" — your offer "%(offer)s" answers it') % match.groupdict()


def _looking(match: re.Match[str]) -> str | None:
    who, whom = WHO.get(match["who"]), WHOM.get(match["whom"])
    if who is None or whom is None:
        return None
    return _("%(who)s looking for %(whom)s") % {"who": _(who), "whom": _(whom)}


def _offering(match: re.Match[str]) -> str | None:
    who = WHO.get(match["who"])
    return None if who is None else _("%(who)s offering what you request") % {"who": _(who)}


def _investor(match: re.Match[str]) -> str | None:
    return _("An investor for what you request")


def _both_request(match: re.Match[str]) -> str | None:
    domains = _domains(match["domains"])
    return (
        None
        if domains is None
        else _("You both look for partners in %(domains)s") % {"domains": domains}
    )


def _both_work(match: re.Match[str]) -> str | None:
    domains = _domains(match["domains"])
    return None if domains is None else _("Both work in %(domains)s") % {"domains": domains}


def _cross_language(match: re.Match[str]) -> str | None:
    return _("Written in Bulgarian and another language: matched on shared domains and terms")


PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = [
    (re.compile(r'^Offers "(?P<offer>.*)" — answers your request "(?P<request>.*)"$'), _offers),
    (
        re.compile(r'^Requests "(?P<request>.*)" — your offer "(?P<offer>.*)" answers it$'),
        _requests,
    ),
    (re.compile(r"^(?P<who>An? [\w ]+?) looking for (?P<whom>[\w -]+)$"), _looking),
    (re.compile(r"^An investor for what you request$"), _investor),
    (re.compile(r"^(?P<who>An? [\w ]+?) offering what you request$"), _offering),
    # "Both request partners in" is how suggestions stored before said it.
    (
        re.compile(r"^(?:You both look for|Both request) partners in (?P<domains>.+)$"),
        _both_request,
    ),
    (re.compile(r"^Both work in (?P<domains>.+)$"), _both_work),
    (
        re.compile(
            r"^Written in Bulgarian and another language: matched on shared domains and terms$"
        ),
        _cross_language,
    ),
]


def translated(reason: str) -> str:
    """The reason in the active language; unknown text comes back unchanged."""
    for pattern, render in PATTERNS:
        match = pattern.match(reason)
        if match is not None:
            return render(match) or reason
    return reason
