"""The newsroom (docs/newsroom.md): who edits a cluster's newsroom, who proposes articles to it,
who starts a delegation's trip report, and who opens, changes and reviews an article. Part of
`matchfair.permissions`, which re-exports every name here."""

from typing import Any

from django.db.models import Q

import matchfair.permissions as rules
from matchfair.community.models import Cluster
from matchfair.newsroom.models import Editor, Status


def editor_clusters(user: Any) -> Any:
    """The clusters whose newsroom the user edits: an `Editor` row (granted by a superuser in the
    admin), and every cluster for a superuser."""
    if not user.is_authenticated:
        return Cluster.objects.none()
    if user.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(pk__in=Editor.objects.filter(user=user).values("cluster_id"))


def is_editor(user: Any, cluster: Any) -> bool:
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or Editor.objects.filter(user=user, cluster=cluster).exists())


def newsroom_clusters(user: Any) -> Any:
    """The clusters the user may propose articles to: those they belong to, those they edit."""
    if not user.is_authenticated:
        return Cluster.objects.none()
    return Cluster.objects.filter(
        Q(pk__in=rules.clusters_of(user).values("pk"))
        | Q(pk__in=editor_clusters(user).values("pk"))
    )


def can_propose_article(user: Any, cluster: Any) -> bool:
    return bool(user.is_authenticated and newsroom_clusters(user).filter(pk=cluster.pk).exists())


def can_start_trip_report(user: Any, delegation: Any) -> bool:
    """Those who manage a delegation and write for its cluster's newsroom start its trip report."""
    return rules.can_manage_delegation(user, delegation) and can_propose_article(
        user, delegation.cluster
    )


def can_edit_article(user: Any, article: Any) -> bool:
    """Editors change an article at any step; its author only while it is a draft."""
    if not user.is_authenticated:
        return False
    if is_editor(user, article.cluster):
        return True
    return bool(article.author_id == user.pk and article.status == Status.DRAFT)


def can_open_article(user: Any, article: Any) -> bool:
    """The editing pages and revisions of an article: its editors and its author."""
    if not user.is_authenticated:
        return False
    return bool(article.author_id == user.pk or is_editor(user, article.cluster))


def can_review_article(user: Any, article: Any) -> bool:
    return is_editor(user, article.cluster)
