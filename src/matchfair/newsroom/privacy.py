"""The newsroom's section of a person's data export and erasure (see community.domain.privacy).

The articles a person wrote or reviewed, the revisions they saved and their editor roles are
exported, with the digest subscription. On erasure the articles and their revisions stay (they
belong to the cluster, and are published under its name): they point to the anonymised
account; the editor roles and the digest subscription go.
"""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.newsroom.models import Article, ArticleRevision, DigestSubscription, Editor


def _article(article: Article) -> dict[str, Any]:
    titles = {item.language: item.title for item in article.translations.all()}
    return {
        "id": article.pk,
        "kind": article.kind,
        "status": article.status,
        "titles": titles,
        "created": moment(article.created),
        "published": moment(article.published_at),
    }


def collect(user: Any) -> dict[str, Any]:
    words = "translations"
    return {
        "written": [
            _article(a) for a in Article.objects.filter(author=user).prefetch_related(words)
        ],
        "reviewed": [
            _article(a) for a in Article.objects.filter(reviewer=user).prefetch_related(words)
        ],
        "revisions": [
            {"article": r.article_id, "number": r.number, "saved": moment(r.created)}
            for r in ArticleRevision.objects.filter(by=user).order_by("article_id", "number")
        ],
        "editor_of": [
            str(role.cluster)
            for role in Editor.objects.filter(user=user).select_related("cluster__organisation")
        ],
        "digest": [
            {
                "kinds": s.kind_codes,
                "language": s.language,
                "subscribed": moment(s.created),
                "changed": moment(s.updated),
            }
            for s in DigestSubscription.objects.filter(user=user)
        ],
    }


def erase(user: Any) -> None:
    Editor.objects.filter(user=user).delete()
    DigestSubscription.objects.filter(user=user).delete()


def register_sections() -> None:
    privacy.register(
        "newsroom",
        collect=collect,
        erase=erase,
        models=[Article, ArticleRevision, Editor, DigestSubscription],
    )
