"""gunicorn's access log without secrets: the calendar feed's secret URL is its only credential,
so the log shows the path with the secret cut out (`--logger-class`, see docs/deploy.md)."""

import re
from typing import Any

from gunicorn.glogging import Logger

SECRET_PATH = re.compile(r"(/api/feeds/)[^/.\s]+(\.ics)")


def redact(text: str) -> str:
    return SECRET_PATH.sub(r"\1…\2", text)


class RedactingLogger(Logger):
    def atoms(self, resp: Any, req: Any, environ: dict, request_time: Any) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        for name in ("r", "U"):
            if isinstance(atoms.get(name), str):
                atoms[name] = redact(atoms[name])
        return atoms
