import pytest
from django.template import Context, Template

from matchfair.outbox.domain.links import absolute_url, site_host, site_url


@pytest.mark.parametrize("configured", ["https://matchfair.example", "https://matchfair.example/"])
def test_absolute_url_puts_a_path_on_the_site_whatever_its_slashes(settings, configured):
    settings.SITE_URL = configured
    assert [absolute_url("/e/expo/agenda/"), absolute_url("e/expo/")] == [
        "https://matchfair.example/e/expo/agenda/",
        "https://matchfair.example/e/expo/",
    ]


def test_absolute_url_keeps_a_full_url(settings):
    settings.SITE_URL = "https://matchfair.example"
    assert absolute_url("https://ec.europa.eu/topic/1") == "https://ec.europa.eu/topic/1"


def test_site_host_drops_scheme_port_and_path(settings):
    settings.SITE_URL = "https://matchfair.example:8443/cluster/"
    assert (site_url(), site_host()) == (
        "https://matchfair.example:8443/cluster",
        "matchfair.example",
    )


def test_absolute_filter_leaves_a_query_string_unescaped(settings):
    settings.SITE_URL = "https://matchfair.example"
    rendered = Template("{% load mail %}{{ url|absolute }}").render(
        Context({"url": "/e/expo/?a=1&b=2"})
    )
    assert rendered == "https://matchfair.example/e/expo/?a=1&b=2"
