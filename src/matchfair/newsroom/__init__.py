"""The newsroom: the cluster's news archive, blog, trip reports, case studies and announcements,
in English and Bulgarian.

In the order the layers run:
- `models.py`: Article (its kind, workflow status, links), ArticleTranslation (one language's
  words and state), ArticleRevision (every save), Tag, ArticleImage, ArticleAttachment, Editor,
  DigestSubscription and Digest (the weekly newsletter).
- `transliteration.py`: Bulgarian to Latin by the official Streamlined System, for slugs.
- `markup.py`: Markdown to HTML through the one allow-list of the preview and the page.
- `domain/articles.py`: writing an article, its revisions and their diff.
- `domain/translations.py`: each language's state (missing, draft, in review, published, stale)
  and the translation dashboard.
- `domain/workflow.py`: draft → in review → scheduled → published → archived.
- `domain/media.py`: images (renditions, no EXIF, a pixel cap) and PDF attachments.
- `domain/archive.py`: what readers see: the archive's filters, keyset pages, related articles.
- `domain/search.py`: search in both languages on SQLite and PostgreSQL.
- `domain/trip_reports.py`: a draft trip report from a delegation's places, protected meeting
  counts and publicly shared contacts.
- `domain/newsletter.py`: the weekly digest: subscriptions, what each week covered, the mails
  and their signed unsubscribe links.
- `forms.py`, `views.py`, `digest_views.py`, `feeds.py` (RSS 2.0 and Atom), `urls.py`,
  `templates/newsroom/`.
- `tasks.py`: publishing scheduled articles on time, and the weekly digest (celery beat).
- `privacy.py`: authors, reviewers, editors and digest subscribers in a person's data export
  and erasure.
"""
