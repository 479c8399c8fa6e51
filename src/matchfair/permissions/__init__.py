"""Who may see and do what: the one place where Matchfair's permission rules are written down.

| rule | who |
|---|---|
| manage an event (console, schedule, release, see all participants) | staff of the event's lead organiser, superusers |
| support participants (see their contact data, validate) | staff of the organiser that supports them, and the lead |
| a confirmed address (`is_verified`) | the person opened the link mailed to their address; until then they edit their own account only |
| see a participant's contact details (`can_see_contact`; for a page of them, `contact_visible`) | the person; with a confirmed address: anyone with an accepted meeting with them, their organisers; when they consented to show them to all participants, also the event's other validated participants and its organisers' staff (`takes_part`); and anyone in an audience the person granted `contact` to (`contact_item`, docs/privacy.md). Never someone not signed in, so every view has a name in the access log |
| request a meeting (`can_request_meetings`) | a validated participant of the event with a confirmed address, while booking is open |
| ask to join an organisation, be added to a delegation (`can_join_organisation`, `can_join_delegation`) | a person with a confirmed address |
| approve or refuse a membership request, remove a member (`can_decide_membership`) | the organisation's admins; while it has none, staff of an organiser that is one of its clusters; superusers |
| withdraw one's request to join an organisation (`can_withdraw_membership_request`) | the person who asked only |
| answer a request (`can_answer`) | the person it was sent to |
| cancel a request or an accepted meeting (`can_cancel_request`) | either side; a request not yet answered only its sender (`can_withdraw_request`), the person asked declines it |
| see a personal agenda | the person, and their organisers |
| the organiser console, reports, exports and mailings (`is_organiser`, `organiser_scope`) | staff of any organiser of the event: event-wide figures in aggregate; names, exports, mailings and the participant console only for its own participants (`organiser_scope`: everyone for the lead) |
| create an event for a cluster (`event_clusters`, `can_create_event`) | staff of that cluster's lead organiser role at any of its events, superusers; the creator becomes staff of the new event's lead organiser |
| edit an event's settings, add and edit its sessions and tables (`can_manage_event`) | as "manage an event" |
| change the schedule by hand and on the day, print table agendas and signs, edit the venue and import exhibitors (`can_manage_event`) | as "manage an event" |
| print an agenda PDF (`can_see_agenda`) or a badge (`supports`) | as "see a personal agenda"; badges only for their organisers |
| validate or reject a participant (`supports`) | as "support participants" |
| import participants (`import_organisers`) | the lead into any organiser's tenant, a co-organiser only into its own |
| continue an import (`can_open_import`) | staff of the organiser it imports into, and the lead |
| confirm or decline a registration imported for one's existing account (`can_confirm_registration`) | the owner of the account only; until then there is no registration to see |
| keep contacts at an event, edit or delete one (`can_keep_contacts`, `can_edit_contact`) | the participant who recorded them, nobody else (a private notebook: not organisers, not superusers) |
| see the contacts shared with a cluster (`clusters_of`, `can_see_shared_contacts`, `can_see_shared_contact`) | people of the cluster: its member organisations' people, its own organisation's people and its organiser staff; only contacts marked as consented |
| change one's account (`can_edit_account`) | the person, superusers |
| export one's personal data, erase one's account (`can_erase_account`) | the person only |
| create or revoke an API token (`can_create_api_token`, `can_revoke_api_token`) | the person only |
| create or revoke a calendar feed (`can_create_calendar_feed`, `can_revoke_calendar_feed`) | the participant only |
| form a delegation, propose joint visits, plan visits (`can_manage_delegation`) | as "manage an event", and staff of the organiser that is the delegation's cluster |
| see a member's day and itinerary (`can_see_itinerary`) | the member, and as `can_manage_delegation`; the B2B meetings in it only as "see a personal agenda" (`can_see_agenda`), to the others as "busy" |
| join a delegation when another organiser supports you (`can_answer_invitation`) | the person asked, by accepting the invitation; the answer is their recorded consent |
| mark the stands and pavilions one wants to visit (`can_wish`) | the member only |
| record an outcome and follow-up steps of a meeting (`can_report_outcome`) | the participants of that meeting only |
| see who met whom, the stage reached, a note, a person's contact details when shared by consent (`visible_items`, `can_see_item`) | the people concerned; others only as their consents allow: every person of a meeting must grant `met` (and `stage` for the stage) to an audience the viewer is in; a note also needs its author's `notes` grant; a grant counts for its person's clusters' retention months from when it was given or renewed (`retention_months`, `grant_expires`); see docs/outcomes.md |
| grant or withdraw one's consent (`can_edit_consent`) | the person only |
| the members' knowledge page, ask for an introduction (`can_see_knowledge`, `can_ask_introduction`) | people of a cluster (as `clusters_of`); an introduction only about a meeting they may see, to the cluster's own member who met |
| the impact report and the no-show questions (`can_see_impact`, `organiser_scope`) | staff of any organiser of the event, over its own participants' meetings (the lead: all) |
| set when the follow-up campaigns go out (`can_run_campaigns`) | the lead organiser's staff; a campaign's link opens its one person's open meetings without a login |
| see an event's confirmed agreements and ask their people for a success story (`story_roles`, `can_ask_success_story`, `story_scope`) | staff of an organiser of the event and the editors of its cluster's newsroom, for that cluster's newsroom and its participants' meetings (the lead's: all); superusers. Each person of the meeting answers through a signed link of their own, and may withdraw on their consent page |
| set how long a cluster's people's shared items count (`can_set_retention`) | the cluster's staff (as `funding_staff_clusters`), superusers |
| read the newsroom (archive, articles, feeds, search) | everyone, without a login; drafts and articles in review or scheduled only as below |
| edit and publish a cluster's articles, review them, see its translation dashboard (`is_editor`, `can_review_article`) | the cluster's newsroom editors (an `Editor` row, granted by a superuser in the admin), superusers |
| propose an article to a cluster (`can_propose_article`, `newsroom_clusters`) | people of the cluster as in `clusters_of` (its member organisations' staff), and its editors |
| change an article, submit it for review (`can_edit_article`) | its editors at any step; its author while it is a draft |
| open an article's editing pages and revisions (`can_open_article`) | its editors, its author |
| see the funding calls ranked for an organisation, confirm or reject its CORDIS projects (`can_act_for_member`) | the organisation's people, and staff of a cluster it is a member of (`funding_staff_clusters`) |
| propose a consortium for a funding call around a member, see it, edit it, export it, invite its partners and move it from draft to funded (`can_build_consortium`) | staff of a cluster the member belongs to (`funding_staff_clusters`); the domain guards each move (docs/funding.md) |
| answer an invitation to a consortium (no rule: the link is the permission) | whoever holds the invitation's signed link (mailed to the invitee), without a login, once, before it expires |
| see the funding calls ranked for an idea of the ideas board (`can_search_calls_for_idea`) | those who see the idea (`can_see_ideas`: the network's members) |
| see a funding call's members ranked (`can_rank_members`) | staff of a cluster (`funding_staff_clusters`): its own organisation's people and its organiser staff; only its member organisations are ranked |
| run a partnership's assembly: check-in (by button or by scanning a badge), open, close, publish (`is_secretariat`, `can_run_assembly`) | people of the lead cluster the network's statute names, superusers |
| set an assembly up: sessions, documents, agenda, registered delegates and substitutes, elections (`can_set_up_assembly`) | the secretariat |
| see one's assembly badge with its check-in QR (`can_see_badge`) | the attendee; the secretariat |
| see an assembly session, its agenda and quorum (`is_network_member`, `can_see_session`) | the network's members: people of a member cluster, its delegates, the session's attendees; the secretariat |
| nominate for a member (`can_nominate`, `nominating_for`), accept a candidacy (`can_accept_candidacy`) | the member's registered delegate or substitute, the secretariat; the candidate alone accepts |
| cast a member's ballot or motion vote (`voting_for`, `voting_members`, `can_vote_for`) | the member's checked-in delegate or substitute, or the checked-in holder of its proxy; once per member (the roll) |
| hand a member's vote to another member's delegate, withdraw it (`can_give_proxy`) | the member's registered voting delegate; the secretariat (a proxy handed in on paper) |
| propose a motion or amendment (`moving_for`), second it (`seconding_for`), withdraw it (`can_withdraw_motion`) | a checked-in delegate or substitute, for their member; the secretariat; a seconder is of another member than the mover; the mover or the secretariat withdraws |
| open and close a motion's vote, publish the minutes (`can_run_assembly`) | the secretariat |
| download the minutes PDF (`can_see_minutes`) | the secretariat; everyone once published |
| see a result and the ballot board (`can_see_ballot_board`) | everyone once published; the members once counted |
| read the ideas board and an idea's page, comment (`can_see_ideas`, `can_comment_idea`); one's partnerships (`member_networks`) | the network's members, as `is_network_member` |
| propose an idea, support one for a member (`member_clusters`, `can_propose_idea`, `can_support_idea`) | people of a member cluster (as `clusters_of`) and its standing delegate, for that member; one support per member |
| take an idea into evaluation, accept it into the work plan or refuse it (`can_evaluate_idea`) | the secretariat |
| read the work plan and its progress page (`can_see_work_plan`) | the network's members |
| add and change work plan items and milestones, import and export the plan (`can_run_work_plan`) | the secretariat |
| report an item's status and progress, tick its milestones (`can_report_progress`) | the item's person responsible, the secretariat |
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from matchfair.community.models import Cluster
from matchfair.events.models import Event, Organiser, Registration
from matchfair.meetings.models import MeetingRequest
from matchfair.permissions.assembly import (
    can_accept_candidacy as can_accept_candidacy,
)
from matchfair.permissions.assembly import (
    can_nominate as can_nominate,
)
from matchfair.permissions.assembly import (
    can_run_assembly as can_run_assembly,
)
from matchfair.permissions.assembly import (
    can_see_badge as can_see_badge,
)
from matchfair.permissions.assembly import (
    can_see_ballot_board as can_see_ballot_board,
)
from matchfair.permissions.assembly import (
    can_see_session as can_see_session,
)
from matchfair.permissions.assembly import (
    can_set_up_assembly as can_set_up_assembly,
)
from matchfair.permissions.assembly import (
    is_network_member as is_network_member,
)

# Cluster membership, the consent rule, and the assembly's rules on proxies, motions, minutes,
# ideas and the work plan live in their own modules; they are re-exported so every caller asks
# here.
from matchfair.permissions.assembly import (
    is_secretariat as is_secretariat,
)
from matchfair.permissions.assembly import (
    nominating_for as nominating_for,
)
from matchfair.permissions.assembly import (
    voting_for as voting_for,
)
from matchfair.permissions.clusters import (
    cluster_users as cluster_users,
)
from matchfair.permissions.clusters import (
    clusters_by_user as clusters_by_user,
)
from matchfair.permissions.clusters import (
    clusters_of as clusters_of,
)
from matchfair.permissions.clusters import (
    in_clusters as in_clusters,
)
from matchfair.permissions.clusters import (
    is_verified as is_verified,
)
from matchfair.permissions.consent import (
    SharedItem as SharedItem,
)
from matchfair.permissions.consent import (
    audiences_for as audiences_for,
)
from matchfair.permissions.consent import (
    can_ask_introduction as can_ask_introduction,
)
from matchfair.permissions.consent import (
    can_see_item as can_see_item,
)
from matchfair.permissions.consent import (
    contact_item as contact_item,
)
from matchfair.permissions.consent import (
    grant_expires as grant_expires,
)
from matchfair.permissions.consent import (
    met_item as met_item,
)
from matchfair.permissions.consent import (
    note_item as note_item,
)
from matchfair.permissions.consent import (
    retention_months as retention_months,
)
from matchfair.permissions.consent import (
    stage_item as stage_item,
)
from matchfair.permissions.consent import (
    visible_items as visible_items,
)

# The funding rules live in their own module, re-exported likewise.
from matchfair.permissions.funding import (
    can_act_for_member as can_act_for_member,
)
from matchfair.permissions.funding import (
    can_build_consortium as can_build_consortium,
)
from matchfair.permissions.funding import (
    can_rank_members as can_rank_members,
)
from matchfair.permissions.funding import (
    can_search_calls_for_idea as can_search_calls_for_idea,
)
from matchfair.permissions.funding import (
    funding_staff_clusters as funding_staff_clusters,
)
from matchfair.permissions.motions import (
    can_give_proxy as can_give_proxy,
)
from matchfair.permissions.motions import (
    can_see_minutes as can_see_minutes,
)
from matchfair.permissions.motions import (
    can_vote_for as can_vote_for,
)
from matchfair.permissions.motions import (
    can_withdraw_motion as can_withdraw_motion,
)
from matchfair.permissions.motions import (
    moving_for as moving_for,
)
from matchfair.permissions.motions import (
    seconding_for as seconding_for,
)
from matchfair.permissions.motions import (
    vote_right_sql as vote_right_sql,
)
from matchfair.permissions.motions import (
    voting_members as voting_members,
)
from matchfair.permissions.newsroom import (
    can_edit_article as can_edit_article,
)
from matchfair.permissions.newsroom import (
    can_open_article as can_open_article,
)
from matchfair.permissions.newsroom import (
    can_propose_article as can_propose_article,
)
from matchfair.permissions.newsroom import (
    can_review_article as can_review_article,
)
from matchfair.permissions.newsroom import (
    can_start_trip_report as can_start_trip_report,
)
from matchfair.permissions.newsroom import (
    editor_clusters as editor_clusters,
)
from matchfair.permissions.newsroom import (
    is_editor as is_editor,
)
from matchfair.permissions.newsroom import (
    newsroom_clusters as newsroom_clusters,
)
from matchfair.permissions.organisations import (
    can_change_logo as can_change_logo,
)
from matchfair.permissions.organisations import (
    can_decide_membership as can_decide_membership,
)
from matchfair.permissions.organisations import (
    can_withdraw_membership_request as can_withdraw_membership_request,
)
from matchfair.permissions.organisations import (
    membership_deciders as membership_deciders,
)
from matchfair.permissions.stories import (
    can_ask_success_story as can_ask_success_story,
)
from matchfair.permissions.stories import (
    can_set_retention as can_set_retention,
)
from matchfair.permissions.stories import (
    story_roles as story_roles,
)
from matchfair.permissions.stories import (
    story_scope as story_scope,
)

# The ideas board and the work plan live in their own module, re-exported likewise.
from matchfair.permissions.workplan import (
    can_comment_idea as can_comment_idea,
)
from matchfair.permissions.workplan import (
    can_evaluate_idea as can_evaluate_idea,
)
from matchfair.permissions.workplan import (
    can_propose_idea as can_propose_idea,
)
from matchfair.permissions.workplan import (
    can_report_progress as can_report_progress,
)
from matchfair.permissions.workplan import (
    can_run_work_plan as can_run_work_plan,
)
from matchfair.permissions.workplan import (
    can_see_ideas as can_see_ideas,
)
from matchfair.permissions.workplan import (
    can_see_work_plan as can_see_work_plan,
)
from matchfair.permissions.workplan import (
    can_support_idea as can_support_idea,
)
from matchfair.permissions.workplan import (
    member_clusters as member_clusters,
)
from matchfair.permissions.workplan import (
    member_networks as member_networks,
)


def organiser_roles(user: Any, event: Event) -> list[Organiser]:
    if not user.is_authenticated:
        return []
    cache = getattr(user, "_organiser_roles", None)
    if cache is None:
        cache = user._organiser_roles = {}
    if event.pk not in cache:
        cache[event.pk] = list(Organiser.objects.filter(event=event, staff=user))
    return cache[event.pk]


def is_organiser(user: Any, event: Event) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or organiser_roles(user, event)))


def is_lead_organiser(user: Any, event: Event) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(role.is_lead for role in organiser_roles(user, event))


def can_manage_event(user: Any, event: Event) -> bool:
    return is_lead_organiser(user, event)


def organises_any_event(user: Any) -> bool:
    """Staff of an organiser of some event, or a superuser: after logging in they land where
    organisers always have (the front page, with their events), not on the attendee home."""
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or Organiser.objects.filter(staff=user).exists())


def event_clusters(user: Any) -> Any:
    """The clusters `user` may create an event for: those whose lead organiser role, at any of
    their events, has the user as staff; every cluster for a superuser."""
    if not user.is_authenticated:
        return Cluster.objects.none()
    if user.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(
        organised_events__staff=user, organised_events__is_lead=True
    ).distinct()


def can_create_event(user: Any, cluster: Any) -> bool:
    return event_clusters(user).filter(pk=cluster.pk).exists()


def organiser_scope(user: Any, event: Event) -> list[Organiser] | None:
    """Whose participants an organiser's console, reports, exports and mailings cover: None
    means everyone's (the lead), otherwise those of the user's own organisers (a co-organiser's).
    """
    if is_lead_organiser(user, event):
        return None
    return organiser_roles(user, event)


def takes_part(user: Any, event: Event) -> bool:
    """ "All participants" of an event: its validated participants and its organisers' staff,
    not any account that can log in."""
    if not user.is_authenticated:
        return False
    if is_organiser(user, event):
        return True
    cache = getattr(user, "_takes_part", None)
    if cache is None:
        cache = user._takes_part = {}
    if event.pk not in cache:
        cache[event.pk] = Registration.objects.filter(
            event=event, user=user, status=Registration.Status.VALIDATED
        ).exists()
    return cache[event.pk]


def _shown_to_all(user: Any, registration: Registration) -> bool:
    return (
        registration.share_contact
        and registration.is_active
        and takes_part(user, registration.event)
    )


def supports(user: Any, registration: Registration) -> bool:
    """The user is staff of the organiser that supports this participant, or of the lead."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        role.is_lead or role.pk == registration.organiser_id
        for role in organiser_roles(user, registration.event)
    )


def can_see_participant(user: Any, registration: Registration) -> bool:
    """The person's profile exists for this user: a validated participant for everyone, one not
    (yet) validated only for the organisers that support them."""
    return registration.is_active or supports(user, registration)


def can_request_meetings(user: Any) -> bool:
    return is_verified(user)


def can_join_organisation(user: Any) -> bool:
    return is_verified(user)


def can_join_delegation(user: Any) -> bool:
    """Whether `user` may be made a member of a delegation (by its organiser)."""
    return is_verified(user)


def can_see_contact(user: Any, registration: Registration) -> bool:
    if not user.is_authenticated:
        return False
    if registration.user_id == user.pk:
        return True
    if not is_verified(user):
        return False
    if supports(user, registration) or _shown_to_all(user, registration):
        return True
    if MeetingRequest.objects.filter(
        Q(sender=registration, recipient__user=user) | Q(recipient=registration, sender__user=user),
        status=MeetingRequest.Status.ACCEPTED,
    ).exists():
        return True
    return registration.is_active and can_see_item(user, contact_item(registration.user_id))


def contact_visible(user: Any, event: Event, registrations: Iterable[Registration]) -> set[int]:
    """The ids, among `registrations`, whose contact details `user` may see: the rule of
    `can_see_contact` for a whole page of participants in a fixed number of queries (the API's
    lists; the `contact` grants of the rest are read at once by `visible_items`), where
    `can_see_contact` asks a few queries per person. Tests check that both agree."""
    rows = list(registrations)
    if not user.is_authenticated or not rows:
        return set()
    if not is_verified(user):
        return {row.pk for row in rows if row.user_id == user.pk}
    if is_lead_organiser(user, event):
        return {row.pk for row in rows}
    supported = {role.pk for role in organiser_roles(user, event)}
    to_all = takes_part(user, event)
    met: set[int] = set()
    for sender_id, recipient_id in MeetingRequest.objects.filter(
        Q(sender__user=user) | Q(recipient__user=user),
        event=event,
        status=MeetingRequest.Status.ACCEPTED,
    ).values_list("sender_id", "recipient_id"):
        met.update((sender_id, recipient_id))
    seen = {
        row.pk
        for row in rows
        if row.user_id == user.pk
        or (to_all and row.share_contact and row.is_active)
        or row.organiser_id in supported
        or row.pk in met
    }
    by_grant = [row for row in rows if row.pk not in seen and row.is_active]
    granted = visible_items(user, [contact_item(row.user_id) for row in by_grant])
    return seen | {row.pk for row, shown in zip(by_grant, granted, strict=True) if shown}


def can_see_agenda(user: Any, registration: Registration) -> bool:
    return user.is_authenticated and (
        registration.user_id == user.pk or supports(user, registration)
    )


def can_answer(user: Any, meeting_request: MeetingRequest) -> bool:
    return user.is_authenticated and meeting_request.recipient.user_id == user.pk


def can_cancel_request(user: Any, meeting_request: MeetingRequest) -> bool:
    """Either side: the sender withdraws an open request, either calls off an accepted meeting."""
    return user.is_authenticated and user.pk in (
        meeting_request.sender.user_id,
        meeting_request.recipient.user_id,
    )


def can_withdraw_request(user: Any, meeting_request: MeetingRequest) -> bool:
    """Only the sender takes back a request not yet answered; the person asked declines it."""
    return user.is_authenticated and meeting_request.sender.user_id == user.pk


def import_organisers(user: Any, event: Event) -> list[Organiser]:
    """The organisers into whose tenant the user may import participants: the lead into any of
    the event's organisers, a co-organiser only into its own."""
    if is_lead_organiser(user, event):
        return list(event.organisers.select_related("cluster__organisation"))
    return organiser_roles(user, event)


def can_form_delegation(user: Any, event: Event, cluster_id: int) -> bool:
    """Lead organiser staff for any cluster; staff of an organiser for its own cluster."""
    if can_manage_event(user, event):
        return True
    return any(role.cluster_id == cluster_id for role in organiser_roles(user, event))


def can_manage_delegation(user: Any, delegation: Any) -> bool:
    return can_form_delegation(user, delegation.event, delegation.cluster_id)


def can_see_itinerary(user: Any, member: Any) -> bool:
    if not user.is_authenticated:
        return False
    return member.registration.user_id == user.pk or can_manage_delegation(user, member.delegation)


def can_answer_invitation(user: Any, invitation: Any) -> bool:
    """Only the person asked to join a delegation answers for themselves."""
    return bool(user.is_authenticated and invitation.registration.user_id == user.pk)


def can_wish(user: Any, member: Any) -> bool:
    return user.is_authenticated and member.registration.user_id == user.pk


def can_keep_contacts(user: Any, registration: Registration) -> bool:
    return bool(user.is_authenticated and registration.user_id == user.pk)


def can_edit_contact(user: Any, contact: Any) -> bool:
    return bool(user.is_authenticated and contact.owner.user_id == user.pk)


def can_see_shared_contacts(user: Any) -> bool:
    return bool(user.is_authenticated and clusters_of(user).exists())


def can_see_shared_contact(user: Any, contact: Any) -> bool:
    """A consented contact, seen by someone who shares a cluster with the person who recorded it."""
    if not (user.is_authenticated and contact.shared_with_cluster):
        return False
    return clusters_of(user).filter(pk__in=clusters_of(contact.owner.user).values("pk")).exists()


def can_edit_account(user: Any, account: Any) -> bool:
    return bool(user.is_authenticated and (user.pk == account.pk or user.is_superuser))


def can_erase_account(user: Any, account: Any) -> bool:
    return bool(user.is_authenticated and user.pk == account.pk)


def can_create_api_token(user: Any, account: Any) -> bool:
    """A token acts as its person, so nobody, not even a superuser, makes one for someone else."""
    return bool(user.is_authenticated and user.pk == account.pk)


def can_revoke_api_token(user: Any, token: Any) -> bool:
    return bool(user.is_authenticated and user.pk == token.user_id)


def can_create_calendar_feed(user: Any, registration: Registration) -> bool:
    """The feed's secret URL opens the agenda without a login: only its participant makes one."""
    return bool(user.is_authenticated and registration.user_id == user.pk)


def can_revoke_calendar_feed(user: Any, feed: Any) -> bool:
    return bool(user.is_authenticated and feed.registration.user_id == user.pk)


def can_confirm_registration(user: Any, pending: Any) -> bool:
    """A registration imported for an existing account is confirmed or declined by its owner
    alone: an import never enrols somebody else's account."""
    return bool(user.is_authenticated and pending.user_id == user.pk)


def can_open_import(user: Any, batch: Any) -> bool:
    """`batch` is a console ImportBatch: its organiser's staff and the lead may continue it."""
    if not user.is_authenticated:
        return False
    if is_lead_organiser(user, batch.event):
        return True
    return any(role.pk == batch.organiser_id for role in organiser_roles(user, batch.event))


def can_report_outcome(user: Any, meeting: Any) -> bool:
    """Only the people of a meeting say how it went; not organisers, not superusers."""
    return bool(user.is_authenticated and meeting.participants.filter(user_id=user.pk).exists())


def can_edit_consent(user: Any, account: Any) -> bool:
    return bool(user.is_authenticated and user.pk == account.pk)


def can_see_knowledge(user: Any) -> bool:
    return can_see_shared_contacts(user)


def can_see_impact(user: Any, event: Event) -> bool:
    return is_organiser(user, event)


def can_run_campaigns(user: Any, event: Event) -> bool:
    """The follow-up campaigns mail every participant: the lead organiser sets them."""
    return is_lead_organiser(user, event)
