"""The funding app: the catalogue of EU funding calls (topics), imported from the Funding &
Tenders Portal's search results, and who subscribes to hear of them.

Map, in the order things run:
- `portal.py` reads the portal's JSON into typed `TopicRecord`s, with errors by JSON path;
- `domain/topics.py` writes them in one transaction, records what changed on a re-import and
  tells subscribers through the outbox;
- `management/commands/import_topics.py` imports a file; `fetch_topics.py` fetches from the
  portal into a cached file (never during a page render);
- `models.py`: `Topic`, `TopicChange`, `Subscription`.
"""
