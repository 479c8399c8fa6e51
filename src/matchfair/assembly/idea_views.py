"""The ideas board's pages: the board with its filters and support counts, proposing an idea,
an idea's page with its comments and supports, and the secretariat's decisions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.assembly.domain import ideas
from matchfair.assembly.forms import DOMAIN_CHOICES, AcceptForm, CommentForm, IdeaForm, RefuseForm
from matchfair.assembly.models import Idea
from matchfair.community.models import Cluster, Network
from matchfair.newsroom import markup
from matchfair.web import report_errors, run_domain_call

PAGE_SIZE = 30


def _network(request, pk):
    network = get_object_or_404(Network.objects.select_related("statute"), pk=pk)
    if not permissions.can_see_ideas(request.user, network):
        raise PermissionDenied(_("Only the partnership's members see its ideas."))
    return network


def _idea(request, pk):
    idea = get_object_or_404(
        Idea.objects.select_related(
            "network__statute__secretariat", "cluster__organisation", "author", "work_item"
        ),
        pk=pk,
    )
    if not permissions.can_see_ideas(request.user, idea.network):
        raise PermissionDenied(_("Only the partnership's members see its ideas."))
    return idea


@login_required
def partnerships(request):
    """The partnerships a person takes part in, with their boards and work plans: the way in."""
    networks = permissions.member_networks(request.user).annotate(
        idea_count=Count("ideas", distinct=True), item_count=Count("work_items", distinct=True)
    )
    return render(request, "assembly/partnerships.html", {"networks": networks.order_by("name")})


@login_required
def board(request, network):
    network = _network(request, network)
    status = request.GET.get("status", "")
    domain = request.GET.get("domain", "")
    found = (
        Idea.objects.filter(network=network)
        .select_related("cluster__organisation")
        .annotate(support_count=Count("supports", distinct=True))
        .annotate(comment_count=Count("comments", distinct=True))
    )
    if status in Idea.Status.values:
        found = found.filter(status=status)
    if domain in dict(DOMAIN_CHOICES):
        found = found.filter(domains__contains=f",{domain},")
    order = request.GET.get("order", "")
    newest = ("-created", "-pk")
    found = found.order_by(*(("-support_count", *newest) if order == "support" else newest))
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = dict(DOMAIN_CHOICES)
    return render(
        request,
        "assembly/ideas.html",
        {
            "network": network,
            "page": page,
            "rows": [
                (idea, [labels[c] for c in idea.domain_codes if c in labels]) for idea in page
            ],
            "statuses": Idea.Status.choices,
            "domains": DOMAIN_CHOICES,
            "filters": {"status": status, "domain": domain, "order": order},
            "may_propose": permissions.can_propose_idea(request.user, network),
        },
    )


@login_required
def propose(request, network):
    network = _network(request, network)
    clusters = list(permissions.member_clusters(request.user, network))
    if not clusters:
        raise PermissionDenied(_("Only people of a member propose ideas."))
    form = IdeaForm(
        request.POST or None,
        clusters=Cluster.objects.filter(pk__in=[c.pk for c in clusters]).select_related(
            "organisation"
        ),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            idea = ideas.propose_idea(
                network=network,
                cluster=data["cluster"],
                title=data["title"],
                description_en=data["description_en"],
                description_bg=data["description_bg"],
                domains=data["domains"],
                partners_sought=data["partners_sought"],
                by=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            return redirect("assembly:idea", pk=idea.pk)
    return render(request, "assembly/idea_new.html", {"network": network, "form": form})


def _descriptions(idea):
    """The idea's descriptions as safe HTML, the reader's language first."""
    found = [
        ("en", _("English"), idea.description_en),
        ("bg", _("Bulgarian"), idea.description_bg),
    ]
    found.sort(key=lambda entry: entry[0] != (get_language() or "en")[:2])
    return [(code, name, markup.render(text)) for code, name, text in found if text]


@login_required
def idea_page(request, pk):
    idea = _idea(request, pk)
    supports = list(idea.supports.select_related("cluster__organisation"))
    supported = {support.cluster_id for support in supports}
    mine = list(permissions.member_clusters(request.user, idea.network))
    labels = dict(DOMAIN_CHOICES)
    return render(
        request,
        "assembly/idea.html",
        {
            "idea": idea,
            "network": idea.network,
            "descriptions": _descriptions(idea),
            "domains": [labels[c] for c in idea.domain_codes if c in labels],
            "comments": idea.comments.select_related("author"),
            "supports": supports,
            "may_support": idea.status in ideas.OPEN_TO_SUPPORT,
            "mine": [(cluster, cluster.pk in supported) for cluster in mine],
            "comment_form": CommentForm(),
            "decides": permissions.can_evaluate_idea(request.user, idea),
            "accept_form": AcceptForm(idea=idea),
            "refuse_form": RefuseForm(),
        },
    )


def _back(idea):
    return redirect("assembly:idea", pk=idea.pk)


@login_required
@require_POST
def comment(request, pk):
    idea = _idea(request, pk)
    form = CommentForm(request.POST)
    return run_domain_call(
        request,
        lambda: ideas.comment_idea(idea, body=form.cleaned_data["body"], by=request.user),
        success=_("Your comment is posted."),
        then=_back(idea),
        form=form,
    )


def _member(request, idea):
    """The member cluster a support is given or withdrawn for: the one posted, among those the
    person acts for; without one, the only member they act for."""
    pk = request.POST.get("cluster", "")
    theirs = permissions.member_clusters(request.user, idea.network)
    if pk.isdigit():
        cluster = theirs.filter(pk=pk).first()
    else:
        only = list(theirs[:2])
        cluster = only[0] if len(only) == 1 else None
    if cluster is None:
        raise PermissionDenied(_("You support an idea only for a member you act for."))
    return cluster


@login_required
@require_POST
def support(request, pk):
    idea = _idea(request, pk)
    cluster = _member(request, idea)
    return run_domain_call(
        request,
        lambda: ideas.support_idea(idea, cluster=cluster, by=request.user),
        success=_("%(member)s supports this idea.") % {"member": cluster},
        then=_back(idea),
    )


@login_required
@require_POST
def unsupport(request, pk):
    idea = _idea(request, pk)
    cluster = _member(request, idea)
    return run_domain_call(
        request,
        lambda: ideas.withdraw_support(idea, cluster=cluster, by=request.user),
        success=_("%(member)s no longer supports this idea.") % {"member": cluster},
        then=_back(idea),
    )


def _secretariat(request, idea):
    if not permissions.can_evaluate_idea(request.user, idea):
        raise PermissionDenied(_("Only the partnership's secretariat decides on ideas."))


@login_required
@require_POST
def evaluate(request, pk):
    idea = _idea(request, pk)
    _secretariat(request, idea)
    return run_domain_call(
        request,
        lambda: ideas.start_evaluation(idea, by=request.user),
        success=_("The idea is under evaluation."),
        then=_back(idea),
    )


@login_required
@require_POST
def accept(request, pk):
    idea = _idea(request, pk)
    _secretariat(request, idea)
    form = AcceptForm(request.POST, idea=idea)
    return run_domain_call(
        request,
        lambda: ideas.accept_idea(
            idea,
            deadline=form.cleaned_data["deadline"],
            work_item=form.cleaned_data["work_item"],
            by=request.user,
        ),
        success=_("The idea is accepted into the work plan."),
        then=_back(idea),
        form=form,
    )


@login_required
@require_POST
def refuse(request, pk):
    idea = _idea(request, pk)
    _secretariat(request, idea)
    form = RefuseForm(request.POST)
    return run_domain_call(
        request,
        lambda: ideas.refuse_idea(idea, reason=form.cleaned_data["reason"], by=request.user),
        success=_("The idea is refused."),
        then=_back(idea),
        form=form,
    )
