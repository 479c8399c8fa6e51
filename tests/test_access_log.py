"""The access log of the web processes never holds a calendar feed's secret."""

import datetime as dt
from types import SimpleNamespace

from gunicorn.config import Config

from matchfair.access_log import RedactingLogger, redact


def test_redact_cuts_the_feed_secret_and_keeps_other_paths():
    assert (
        redact("GET /api/feeds/s3cr3t-T0ken_x.ics HTTP/1.1"),
        redact("/e/expo/participants/4/agenda/"),
    ) == ("GET /api/feeds/….ics HTTP/1.1", "/e/expo/participants/4/agenda/")


def test_gunicorn_access_line_has_no_feed_secret():
    logger = RedactingLogger(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/api/feeds/s3cr3t-T0ken_x.ics",
        "PATH_INFO": "/api/feeds/s3cr3t-T0ken_x.ics",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", response_length=10, headers=[], sent=10)
    request = SimpleNamespace(headers=[])
    atoms = logger.atoms(response, request, environ, dt.timedelta(seconds=0.01))
    assert ("s3cr3t" in atoms["r"], "s3cr3t" in atoms["U"]) == (False, False)
