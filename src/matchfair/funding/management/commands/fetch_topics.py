"""Fetch topics from the Funding & Tenders Portal's search API into a cached file, then import it.

Run by an operator or a scheduled job where the machine has a network; pages never fetch. The
cached file is the portal's own search-results shape, so `import_topics` reads it again later.
"""

import json
import urllib.parse
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matchfair.funding.domain.topics import import_topics
from matchfair.funding.portal import PortalError, parse_search_results

SEARCH_URL = "https://api.tech.ec.europa.eu/search-api/prod/rest/search"
# Forthcoming and open topics (type 1 = topic) of the programmes the portal codes name.
QUERY = {
    "bool": {
        "must": [
            {"terms": {"type": ["1", "2", "8"]}},
            {"terms": {"status": ["31094501", "31094502"]}},
        ]
    }
}


class Command(BaseCommand):
    help = "Fetch forthcoming and open topics from the portal, cache them to a file and import it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--cache", type=Path, required=True, help="file to write the results to"
        )
        parser.add_argument("--text", default="***", help="search text (default: everything)")
        parser.add_argument("--pages", type=int, default=20, help="at most this many pages of 100")
        parser.add_argument("--no-import", action="store_true", help="only fetch and cache")

    def fetch(self, text: str, page: int) -> dict:
        params = urllib.parse.urlencode(
            {"apiKey": "SEDIA", "text": text, "pageSize": 100, "pageNumber": page}
        )
        boundary = "matchfair-funding"
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="query"; filename="blob"\r\n'
            f"Content-Type: application/json\r\n\r\n{json.dumps(QUERY)}\r\n--{boundary}--\r\n"
        ).encode()
        request = urllib.request.Request(
            f"{SEARCH_URL}?{params}",
            data=body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def handle(self, *args, cache: Path, text: str, pages: int, no_import: bool, **options):
        results: list[dict] = []
        for page in range(1, pages + 1):
            try:
                answer = self.fetch(text, page)
            except (OSError, ValueError) as error:
                raise CommandError(f"the portal did not answer page {page}: {error}") from None
            batch = answer.get("results") or []
            results += batch
            if len(batch) < 100:
                break
        document = {"totalResults": len(results), "results": results}
        cache.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        self.stdout.write(f"cached {len(results)} results in {cache}")
        if no_import:
            return
        try:
            records = parse_search_results(document)
        except PortalError as error:
            raise CommandError("\n".join(error.errors), returncode=2) from None
        report = import_topics(records, source=str(cache))
        self.stdout.write(
            f"topics: {len(report.created)} new, {len(report.updated)} changed, "
            f"{report.unchanged} unchanged"
        )
