"""Every page against every role: allowed, refused, or sent to log in, as permissions.py says.

The REST API has its own matrix (tests/api/test_matrix.py). Pages that only take a POST are
posted empty: that shows whether the role gets past the permission check, without a valid form.
A test also fails when a page exists that this matrix does not list, so a new page cannot ship
without its row.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from matchfair.api.domain.tokens import create_feed, create_token
from matchfair.assembly.domain.badges import check_in_token
from matchfair.assembly.domain.candidacies import accept, nominate
from matchfair.assembly.domain.casting import cast_ballot
from matchfair.assembly.domain.counting import close_election, open_election, publish_election
from matchfair.assembly.domain.ideas import propose_idea
from matchfair.assembly.domain.motions import propose_motion
from matchfair.assembly.domain.proxies import give_proxy
from matchfair.assembly.domain.sessions import add_agenda_item, check_in, register_attendee
from matchfair.assembly.domain.workplan import add_item, add_milestone
from matchfair.assembly.models import (
    Candidacy,
    Election,
    Motion,
    Proxy,
    Session,
    SessionDocument,
    Statute,
)
from matchfair.community.models import Cluster, Delegate, Membership, MembershipRequest, Network
from matchfair.community.tokens import email_confirmation
from matchfair.console.models import ImportBatch, PendingRegistration
from matchfair.consortia import Candidate, Request, Rules, request_to_json
from matchfair.contacts.domain.contacts import add_contact
from matchfair.funding.domain.pipeline import link_for as invitation_link
from matchfair.funding.models import (
    ConsortiumInvitation,
    ConsortiumProposal,
    Participation,
    PastProject,
    Subscription,
    Topic,
)
from matchfair.jobs.domain import request_job, run_job
from matchfair.mailings.models import Mailing
from matchfair.meetings.domain.requests import send_request
from matchfair.meetings.models import SolverRun
from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.domain.newsletter import subscribe, unsubscribe_token
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Editor
from matchfair.outcomes.domain.campaigns import link_for
from matchfair.outcomes.domain.stories import link_for as story_link
from matchfair.outcomes.models import CampaignMail, StoryConsent, SuccessStory
from matchfair.visits.models import Invitation
from tests import factories
from tests.browser.helpers import release_meeting
from tests.responses import close_quietly
from tests.visits.rows import one_of_each

ROLES = ("anonymous", "outsider", "ana", "jonas", "lead", "co", "superuser")

# Who is who: Ana is the participant most pages are about, supported by the lead organiser.
# Jonas is another participant, supported by the co-organiser; he asked Ana for a meeting.
# Ana meets Tia in release 1. "outsider" has an account but no registration. Ana is in the
# lead cluster's delegation and has a contact; the lead wrote a mailing and began an import,
# and made the meetings spreadsheet (a job, done: only the lead's scope may follow it).
LOGIN = "login"  # a redirect to the log-in page
REGISTER = "register"  # a redirect to the event's registration: not a participant of it

# A real (tiny) PDF for the assembly's documents.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# url name → (method, statuses in the order of ROLES)
MATRIX = {
    "api_pages:feed": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "api_pages:feed_create": ("POST", (LOGIN, 404, 201, 404, 404, 404, 404)),
    "api_pages:feed_revoke": ("POST", (LOGIN, 404, 302, 404, 404, 404, 404)),
    "api_pages:token_revoke": ("POST", (LOGIN, 404, 302, 404, 404, 404, 404)),
    "api_pages:tokens": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "assembly:agenda": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:agenda_item_edit": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:agenda_item_move": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:agenda_item_remove": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:attendee_remove": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:attendees": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:badge": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:badge_qr": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:ballot": ("GET", (LOGIN, 403, 200, 403, 403, 403, 403)),
    "assembly:candidacy": ("GET", (LOGIN, 403, 200, 403, 403, 403, 403)),
    "assembly:revote": ("GET", (LOGIN, 403, 200, 403, 403, 403, 403)),
    "assembly:check_in": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:close": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:close_motion": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:document": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:document_add": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:document_remove": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:election_new": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:idea": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:idea_accept": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:idea_comment": ("POST", (LOGIN, 403, 302, 403, 302, 403, 302)),
    "assembly:idea_evaluate": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:idea_new": ("GET", (LOGIN, 403, 200, 403, 200, 403, 403)),
    "assembly:idea_refuse": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:idea_support": ("POST", (LOGIN, 403, 302, 403, 302, 403, 403)),
    "assembly:idea_unsupport": ("POST", (LOGIN, 403, 302, 403, 302, 403, 403)),
    "assembly:ideas": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:milestone_add": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:milestone_done": ("POST", (LOGIN, 403, 302, 403, 302, 403, 302)),
    "assembly:minutes": ("GET", (404, 404, 404, 404, 200, 404, 200)),
    "assembly:motion": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:motion_vote": ("POST", (LOGIN, 403, 302, 403, 403, 403, 403)),
    "assembly:nominate": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:open": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:open_motion": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:partnerships": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "assembly:propose": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:proxies": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:publish": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:publish_minutes": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:quorum": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:record": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "assembly:register_delegates": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:result": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "assembly:scan": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:second": ("POST", (LOGIN, 403, 302, 403, 403, 403, 403)),
    "assembly:session": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:session_edit": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:session_new": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:sessions": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:withdraw_motion": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:withdraw_proxy": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:work_item": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:work_item_add": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:work_item_edit": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "assembly:work_item_progress": ("POST", (LOGIN, 403, 302, 403, 302, 403, 302)),
    "assembly:work_plan": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "assembly:work_plan_csv": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "assembly:work_plan_import": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "community:account": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "community:erase": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "community:login": ("GET", (200, 302, 302, 302, 302, 302, 302)),
    "community:logout": ("POST", (302, 302, 302, 302, 302, 302, 302)),
    "community:personal_data": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "community:photo": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "community:photo_remove": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "community:signup": ("GET", (200, 302, 302, 302, 302, 302, 302)),
    "community:confirm": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "community:confirm_resend": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "community:member_remove": ("POST", (LOGIN, 404, 302, 404, 404, 404, 404)),
    "community:logo": ("POST", (LOGIN, 404, 302, 404, 404, 404, 302)),
    "community:logo_remove": ("POST", (LOGIN, 404, 302, 404, 404, 404, 302)),
    "community:membership": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "community:membership_approve": ("POST", (LOGIN, 404, 302, 404, 404, 404, 302)),
    "community:membership_refuse": ("POST", (LOGIN, 404, 302, 404, 404, 404, 302)),
    "community:membership_requests": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "community:membership_withdraw": ("POST", (LOGIN, 302, 404, 404, 404, 404, 404)),
    "community:password_reset": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "community:password_reset_complete": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "community:password_reset_confirm": ("GET", (302, 302, 302, 302, 302, 302, 302)),
    "community:password_reset_done": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "community:signup_sent": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "console:bulk_decide": ("POST", (LOGIN, 403, 403, 403, 302, 302, 302)),
    "console:confirm_registration": ("GET", (LOGIN, 200, 404, 404, 404, 404, 404)),
    "console:decide": ("POST", (LOGIN, 403, 403, 403, 302, 404, 302)),
    "console:export": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "console:import": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "console:import_cancel": ("POST", (LOGIN, 403, 403, 403, 302, 404, 302)),
    "console:import_mapping": ("GET", (LOGIN, 403, 403, 403, 200, 404, 200)),
    "console:import_review": ("GET", (LOGIN, 403, 403, 403, 302, 404, 302)),
    "console:participant": ("GET", (LOGIN, 403, 403, 403, 200, 404, 200)),
    "console:participants": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "console:set_password": ("GET", (302, 302, 302, 302, 302, 302, 302)),
    "console:validation_setting": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "contacts:add": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "contacts:add_participant": ("POST", (LOGIN, REGISTER, 302, 302, REGISTER, REGISTER, REGISTER)),
    "contacts:csv": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "contacts:delete": ("POST", (LOGIN, REGISTER, 302, 404, REGISTER, REGISTER, REGISTER)),
    "contacts:edit": ("GET", (LOGIN, REGISTER, 200, 404, REGISTER, REGISTER, REGISTER)),
    "contacts:list": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "contacts:shared": ("GET", (LOGIN, 404, 404, 404, 200, 200, 404)),
    "contacts:vcard": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "details_viewed": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "funding:build_consortium": ("POST", (LOGIN, 404, 404, 404, 302, 302, 404)),
    "funding:calls": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "funding:consortium": ("GET", (LOGIN, 404, 404, 404, 200, 404, 404)),
    "funding:consortium_edit": ("POST", (LOGIN, 404, 404, 404, 302, 404, 404)),
    "funding:consortium_invitations": ("GET", (LOGIN, 404, 404, 404, 200, 404, 404)),
    "funding:consortium_move": ("POST", (LOGIN, 404, 404, 404, 302, 404, 404)),
    "funding:consortium_post": ("GET", (LOGIN, 404, 404, 404, 200, 404, 404)),
    "funding:decide": ("POST", (LOGIN, 404, 404, 404, 302, 404, 404)),
    "funding:idea_calls": ("GET", (LOGIN, 403, 200, 403, 200, 403, 200)),
    "funding:invitation": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "funding:member_calls": ("GET", (LOGIN, 404, 404, 404, 200, 404, 404)),
    "funding:projects": ("GET", (LOGIN, 404, 404, 404, 200, 404, 404)),
    "funding:subscriptions": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "funding:topic": ("GET", (LOGIN, 404, 404, 404, 200, 200, 404)),
    "funding:unsubscribe": ("POST", (LOGIN, 404, 302, 404, 404, 404, 404)),
    "events:availability": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "events:event_edit": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "event_new": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "events:session_edit": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "events:session_new": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "events:table_edit": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "events:tables_new": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "events:detail": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "events:directory": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "events:opportunities": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "events:opportunity_delete": (
        "POST",
        (LOGIN, REGISTER, 302, 404, REGISTER, REGISTER, REGISTER),
    ),
    "events:opportunity_edit": ("GET", (LOGIN, REGISTER, 200, 404, REGISTER, REGISTER, REGISTER)),
    "events:opportunity_new": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "events:participant": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "events:profile": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "events:register": ("GET", (LOGIN, 200, 302, 302, 200, 200, 200)),
    "dashboard": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "home": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "jobs:detail": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "jobs:download": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "jobs:retry": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "jobs:status": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "mailings:booking": ("POST", (LOGIN, 403, 403, 403, 302, 302, 302)),
    "mailings:compose": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "mailings:detail": ("GET", (LOGIN, 403, 403, 403, 200, 404, 200)),
    "mailings:index": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "matchmaking:participant_suggestions": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "matchmaking:suggestions": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "meetings:accept": ("POST", (LOGIN, REGISTER, 302, 403, REGISTER, REGISTER, REGISTER)),
    "meetings:accept_late": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:agenda": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "meetings:agenda_ics": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "meetings:cancel": ("POST", (LOGIN, REGISTER, 302, 302, REGISTER, REGISTER, REGISTER)),
    "meetings:cancel_meeting": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:console": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:day": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:day_session": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:decline": ("POST", (LOGIN, REGISTER, 302, 403, REGISTER, REGISTER, REGISTER)),
    "meetings:move": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:no_show": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:participant_agenda": ("GET", (LOGIN, 404, 200, 404, 200, 404, 200)),
    "meetings:release": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:remove_session": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:remove_table": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:replan": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:requests": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "meetings:run_status": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "meetings:schedule": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:send": ("POST", (LOGIN, REGISTER, 302, 302, REGISTER, REGISTER, REGISTER)),
    "meetings:unschedule": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "meetings:venue": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "outcomes:campaign_add": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    # Anyone holding the mailed link: it opens that one person's meetings, nothing more.
    "outcomes:campaign_answer": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "outcomes:campaign_change": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "outcomes:campaign_remove": ("POST", (LOGIN, 403, 403, 403, 302, 403, 302)),
    "outcomes:campaigns": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "outcomes:consent": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "outcomes:consent_grant": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "outcomes:consent_withdraw": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "outcomes:consent_renew": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "outcomes:follow_up": ("POST", (LOGIN, REGISTER, 302, 404, REGISTER, REGISTER, REGISTER)),
    "outcomes:impact": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "outcomes:impact_pdf": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "outcomes:impact_xlsx": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "outcomes:introduction": ("POST", (LOGIN, 404, 404, 404, 302, 302, 404)),
    "outcomes:knowledge": ("GET", (LOGIN, 404, 404, 404, 200, 200, 404)),
    "outcomes:meeting": ("GET", (LOGIN, REGISTER, 200, 404, REGISTER, REGISTER, REGISTER)),
    "outcomes:mine": ("GET", (LOGIN, REGISTER, 200, 200, REGISTER, REGISTER, REGISTER)),
    "outcomes:retention": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "outcomes:stories": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "outcomes:story_answer": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "outcomes:story_ask": ("POST", (LOGIN, 403, 403, 403, 302, 302, 302)),
    "outcomes:story_withdraw": ("POST", (LOGIN, 404, 302, 404, 404, 404, 404)),
    "newsroom:add_attachment": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "newsroom:add_image": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "newsroom:archive": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:article": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:article_by_id": ("GET", (301, 301, 301, 301, 301, 301, 301)),
    "newsroom:desk": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "newsroom:digest": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "newsroom:digest_stop": ("POST", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "newsroom:digest_unsubscribe": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:edit": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "newsroom:feed": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:feed_kind": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:feed_kind_tag": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:feed_language": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:feed_tag": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:mark_reviewed": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "newsroom:new": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "newsroom:revisions": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "newsroom:search": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "newsroom:start_trip_report": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "newsroom:step": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "newsroom:translations": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "reports:agendas": ("POST", (LOGIN, 403, 403, 403, 302, 302, 302)),
    "reports:badges": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "reports:dashboard": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "reports:meetings_export": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "reports:meetings_xlsx": ("POST", (LOGIN, 403, 403, 403, 302, 302, 302)),
    "reports:participant_agenda": ("GET", (LOGIN, 404, 200, 404, 200, 404, 200)),
    "reports:participant_badge": ("GET", (LOGIN, 404, 404, 404, 200, 404, 200)),
    "reports:statistics_export": ("GET", (LOGIN, 403, 403, 403, 200, 200, 200)),
    "reports:table_agendas": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "reports:table_signs": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "start": ("GET", (LOGIN, 302, 302, 302, 302, 302, 302)),
    "visits:delegation": ("GET", (LOGIN, 404, 302, 404, 200, 404, 200)),
    "visits:delegations": ("GET", (LOGIN, 200, 200, 200, 200, 200, 200)),
    "visits:import": ("GET", (LOGIN, 403, 403, 403, 200, 403, 200)),
    "visits:joint_new": ("POST", (LOGIN, 404, 404, 404, 400, 404, 400)),
    "visits:joint_remove": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "visits:invitation": ("GET", (LOGIN, 404, 404, 200, 404, 404, 404)),
    "visits:member_day": ("GET", (LOGIN, 404, 200, 404, 200, 404, 200)),
    "visits:member_ics": ("GET", (LOGIN, 404, 200, 404, 200, 404, 200)),
    "visits:member_pdf": ("GET", (LOGIN, 404, 200, 404, 200, 404, 200)),
    "visits:member_route": ("GET", (LOGIN, 404, 200, 404, 200, 404, 200)),
    "visits:members": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "visits:my_day": ("GET", (LOGIN, 200, 302, 200, 200, 200, 200)),
    "visits:pavilion": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "visits:plan": ("POST", (LOGIN, 404, 404, 404, 302, 404, 302)),
    "visits:stand": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "visits:venue": ("GET", (200, 200, 200, 200, 200, 200, 200)),
    "visits:wish_remove": ("POST", (LOGIN, 404, 302, 404, 404, 404, 404)),
    "visits:wishes": ("GET", (LOGIN, 404, 200, 404, 404, 404, 404)),
}


def _assembly(ana, lead):
    """A partnership whose secretariat is the lead's organisation, Ana its member's checked-in
    delegate; an open chair election and a published board election."""
    network = Network.objects.create(name="Smart City Tech Partnership", kind="partnership")
    secretariat = Cluster.objects.create(organisation=lead.organisation)
    member, other = factories.ClusterFactory(), factories.ClusterFactory()
    for cluster in (secretariat, member, other):
        cluster.networks.add(network)
    Statute.objects.create(network=network, secretariat=secretariat, revoting=True)
    session = Session.objects.create(network=network, title="Assembly", date=dt.date(2026, 11, 9))
    check_in(
        register_attendee(session, cluster=member, user=ana, role="delegate", by=lead), by=lead
    )
    register_attendee(
        session, cluster=other, user=factories.UserFactory(), role="delegate", by=lead
    )
    chair = Election.objects.create(session=session, position="chair", method="irv")
    board = Election.objects.create(session=session, position="board", method="plurality")
    for election in (chair, board):
        candidate = factories.UserFactory(organisation=other.organisation)
        accept(
            nominate(election, nominated_by=member, cluster=other, candidate=candidate, by=lead),
            by=candidate,
        )
        open_election(election, by=lead)
    cast_ballot(board, voter=member, choices=[board.candidacies.get().pk], by=ana)
    publish_election(close_election(board, by=lead), by=lead)
    # Ana holds the other member's proxy; the secretariat moved a motion Ana may second.
    give_proxy(session, cluster=other, holder=session.attendees.get(user=ana), by=lead)
    item = add_agenda_item(session, title="Work plan", minutes=20, by=lead)
    propose_motion(session, agenda_item=item, title="Adopt", text="Adopted.", by=lead)
    return chair, board


def _ideas_and_work_plan(chair, ana, lead):
    """Ana is also her member's standing delegate: she proposed an idea (new) and is responsible
    for a work plan item with a milestone."""
    network = chair.session.network
    member = chair.session.attendees.get(user=ana).cluster
    Delegate.objects.create(network=network, cluster=member, user=ana)
    idea = propose_idea(
        network=network, cluster=member, title="Data space", description_en="x", by=ana
    )
    item = add_item(
        network=network,
        title="Pilot",
        owner=member,
        person=ana,
        deadline=dt.date(2027, 6, 30),
        by=lead,
    )
    milestone = add_milestone(item, title="Kick-off", by=lead)
    return {
        "pk": {
            **{name: idea.pk for name in IDEA_PAGES},
            "assembly:work_item": item.pk,
            "assembly:work_item_progress": item.pk,
            "assembly:work_item_edit": item.pk,
            "assembly:milestone_add": item.pk,
            "assembly:milestone_done": milestone.pk,
        },
        "extra": {
            name: {"network": network.pk}
            for name in (
                "assembly:ideas",
                "assembly:idea_new",
                "assembly:work_plan",
                "assembly:work_item_add",
                "assembly:work_plan_csv",
                "assembly:work_plan_import",
            )
        },
    }


def _assembly_setup(chair, ana):
    """The secretariat's set-up pages: a PDF among the session's documents, a draft vice-chair
    election in which Ana's member nominated her (not yet accepted), and Ana's badge token."""
    session = chair.session
    attendee = session.attendees.get(user=ana)
    document = SessionDocument(session=session, title="Budget", size=len(PDF))
    document.file.save("budget.pdf", ContentFile(PDF), save=True)
    vice = Election.objects.create(session=session, position="vice-chair", method="irv")
    candidacy = Candidacy.objects.create(
        election=vice, cluster=attendee.cluster, candidate=ana, nominated_by=attendee.cluster
    )
    item = session.agenda.get()
    on_session = (
        "session_edit",
        "document_add",
        "agenda",
        "attendees",
        "register_delegates",
        "election_new",
    )
    return {
        "pk": {
            **{f"assembly:{name}": session.pk for name in on_session},
            "assembly:document": document.pk,
            "assembly:document_remove": document.pk,
            "assembly:agenda_item_edit": item.pk,
            "assembly:agenda_item_move": item.pk,
            "assembly:agenda_item_remove": item.pk,
            "assembly:attendee_remove": attendee.pk,
            "assembly:badge": attendee.pk,
            "assembly:badge_qr": attendee.pk,
            "assembly:nominate": vice.pk,
            "assembly:candidacy": candidacy.pk,
        },
        "extra": {
            "assembly:scan": {"token": check_in_token(attendee)},
            "assembly:sessions": {"network": session.network_id},
            "assembly:session_new": {"network": session.network_id},
        },
    }


IDEA_PAGES = (
    "assembly:idea",
    "funding:idea_calls",
    "assembly:idea_accept",
    "assembly:idea_comment",
    "assembly:idea_evaluate",
    "assembly:idea_refuse",
    "assembly:idea_support",
    "assembly:idea_unsupport",
)


def _scene():
    event = factories.b2b_event()
    lead = factories.UserFactory(full_name="Lena Lead")
    lead_organiser = event.organisers.get(is_lead=True)
    lead_organiser.staff.add(lead)
    co_organiser = factories.co_organiser(event)
    co = co_organiser.staff.get()
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(
        event=event, user__full_name="Jonas Berg", organiser=co_organiser
    )
    tia = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    opportunity = factories.OpportunityFactory(registration=ana, kind="offer", title="Sensors")
    meeting = release_meeting(event, ana, tia)
    asked = send_request(sender=jonas, recipient=ana, message="Hello", by=jonas.user)
    run = SolverRun.objects.create(event=event, requested_by=lead, status="done")
    job = run_job(
        request_job(
            kind="reports.meetings_xlsx", event=event, by=lead, params={"organisers": None}
        ).pk
    )
    one_of_each(event, ana, tia)
    member = ana.delegation_memberships.get()
    delegation = member.delegation
    invitation = Invitation.objects.create(delegation=delegation, registration=jonas)
    contact = add_contact(owner=ana, by=ana.user, name="Laia Puig")
    mailing = Mailing.objects.create(event=event, subject="Hi", body="x", created_by=lead)
    batch = ImportBatch.objects.create(
        event=event,
        organiser=lead_organiser,
        created_by=lead,
        file_name="people.csv",
        kind="csv",
        headers=["email"],
        rows=[{"number": 2, "cells": ["a@example.org"]}],
    )
    token, _key = create_token(user=ana.user, name="CRM", by=ana.user)
    feed, feed_secret = create_feed(registration=ana, by=ana.user)
    newcomer = factories.UserFactory()
    unconfirmed = factories.UserFactory(email_verified=False)
    # The outsider asked to join Ana's organisation, whose admin Ana is; Cleo is its member.
    outsider = factories.UserFactory(organisation=None)
    pending = PendingRegistration.objects.create(
        batch=batch, event=event, organiser=lead_organiser, user=outsider, row=2
    )
    ana.user.organisation.admins.add(ana.user)
    joining = MembershipRequest.objects.create(user=outsider, organisation=ana.user.organisation)
    colleague = factories.UserFactory(full_name="Cleo", organisation=ana.user.organisation)
    # The lead's staff edit its cluster's newsroom; they wrote and published one article.
    Editor.objects.create(cluster=lead_organiser.cluster, user=lead)
    article = create_article(
        cluster=lead_organiser.cluster,
        kind="news",
        by=lead,
        words={
            "en": {"title": "Expo news", "body": "Text"},
            "bg": {"title": "Новини", "body": "Т"},
        },
        tags=["Expo"],
    )
    submit_for_review(article=article, reviewer=lead, by=lead)
    publish(article=article, by=lead)
    # Ana follows the newsroom's digest; its signed link unsubscribes without a log-in.
    digest_token = unsubscribe_token(subscribe(user=ana.user, kinds=["news"], language="bg"))
    funding, funding_extra = _funding_scene(lead_organiser.cluster, ana.user)
    campaign_link = link_for(
        CampaignMail.objects.create(
            campaign=event.follow_up_campaigns.first(), registration=ana, sent=timezone.now()
        )
    )
    # The lead asked Ana and Tia for a success story of their meeting; Ana has not answered.
    story = SuccessStory.objects.create(
        meeting=meeting, cluster=lead_organiser.cluster, requested_by=lead
    )
    story_answer = StoryConsent.objects.create(story=story, registration=ana)
    StoryConsent.objects.create(story=story, registration=tia)
    users = {
        "anonymous": None,
        "outsider": outsider,
        "ana": ana.user,
        "jonas": jonas.user,
        "lead": lead,
        "co": co,
        "superuser": factories.UserFactory(is_staff=True, is_superuser=True),
    }
    chair, board = _assembly(ana.user, lead)
    plan = _ideas_and_work_plan(chair, ana.user, lead)
    setup = _assembly_setup(chair, ana.user)
    pk = {
        "assembly:ballot": chair.pk,
        "assembly:revote": chair.pk,
        "assembly:check_in": chair.session.attendees.get(checked_in_at__isnull=True).pk,
        "assembly:close": chair.pk,
        "assembly:open": chair.pk,
        "assembly:publish": chair.pk,
        "assembly:quorum": chair.session_id,
        "assembly:record": board.pk,
        "assembly:result": board.pk,
        "assembly:session": chair.session_id,
        "assembly:close_motion": Motion.objects.get().pk,
        "assembly:minutes": chair.session_id,
        "assembly:motion": Motion.objects.get().pk,
        "assembly:motion_vote": Motion.objects.get().pk,
        "assembly:open_motion": Motion.objects.get().pk,
        "assembly:propose": chair.session_id,
        "assembly:proxies": chair.session_id,
        "assembly:publish_minutes": chair.session_id,
        "assembly:second": Motion.objects.get().pk,
        "assembly:withdraw_motion": Motion.objects.get().pk,
        "assembly:withdraw_proxy": Proxy.objects.get().pk,
        "events:participant": ana.pk,
        "events:opportunity_edit": opportunity.pk,
        "events:opportunity_delete": opportunity.pk,
        "meetings:send": ana.pk,
        "meetings:accept": asked.pk,
        "meetings:decline": asked.pk,
        "meetings:cancel": asked.pk,
        "meetings:participant_agenda": ana.pk,
        "meetings:run_status": run.pk,
        "meetings:move": meeting.pk,
        "meetings:day_session": event.sessions.filter(is_b2b=True).first().pk,
        "meetings:unschedule": meeting.pk,
        "meetings:cancel_meeting": meeting.pk,
        "meetings:no_show": meeting.pk,
        "meetings:accept_late": asked.pk,
        "outcomes:meeting": meeting.pk,
        "outcomes:follow_up": meeting.pk,
        "outcomes:introduction": meeting.pk,
        "outcomes:campaign_change": event.follow_up_campaigns.first().pk,
        "outcomes:campaign_remove": event.follow_up_campaigns.last().pk,
        "outcomes:story_ask": meeting.pk,
        "outcomes:story_withdraw": story_answer.pk,
        "outcomes:retention": lead_organiser.cluster_id,
        "meetings:remove_table": event.tables.first().pk,
        "meetings:remove_session": event.sessions.first().pk,
        "events:session_edit": event.sessions.first().pk,
        "events:table_edit": event.tables.first().pk,
        "matchmaking:participant_suggestions": ana.pk,
        "console:participant": ana.pk,
        "console:confirm_registration": pending.pk,
        "console:decide": ana.pk,
        "console:import_mapping": batch.pk,
        "console:import_review": batch.pk,
        "console:import_cancel": batch.pk,
        "reports:participant_agenda": ana.pk,
        "reports:participant_badge": ana.pk,
        "mailings:detail": mailing.pk,
        "contacts:add_participant": tia.pk,
        "contacts:edit": contact.pk,
        "contacts:delete": contact.pk,
        "visits:stand": member.wishes.first().stand_id,
        "visits:pavilion": delegation.joint_visits.first().pavilion_id,
        "visits:delegation": delegation.pk,
        "visits:members": delegation.pk,
        "visits:joint_new": delegation.pk,
        "visits:joint_remove": delegation.pk,
        "visits:plan": delegation.pk,
        "visits:wishes": member.pk,
        "visits:wish_remove": member.pk,
        "visits:member_day": member.pk,
        "visits:invitation": invitation.pk,
        "visits:member_ics": member.pk,
        "visits:member_pdf": member.pk,
        "visits:member_route": member.pk,
        "api_pages:token_revoke": token.pk,
        "api_pages:feed_revoke": feed.pk,
        "jobs:detail": job.pk,
        "jobs:status": job.pk,
        "jobs:download": job.pk,
        "jobs:retry": job.pk,
        "community:membership_approve": joining.pk,
        "community:membership_refuse": joining.pk,
        "community:membership_withdraw": joining.pk,
        "community:member_remove": ana.user.organisation_id,
        "community:logo": ana.user.organisation_id,
        "community:logo_remove": ana.user.organisation_id,
        "newsroom:article": article.pk,
        "newsroom:article_by_id": article.pk,
        "newsroom:edit": article.pk,
        "newsroom:revisions": article.pk,
        "newsroom:add_image": article.pk,
        "newsroom:add_attachment": article.pk,
        "newsroom:mark_reviewed": article.pk,
        "newsroom:step": article.pk,
        **funding,
        **plan["pk"],
        **setup["pk"],
    }
    extra = {
        "visits:joint_remove": {"joint": delegation.joint_visits.first().pk},
        "visits:wish_remove": {"wish": member.wishes.first().pk},
        "visits:member_route": {"day": dt.date(2026, 11, 10).isoformat()},
        "api_pages:feed_create": {"registration": ana.pk},
        "api_pages:feed": {"token": feed_secret},
        "outcomes:campaign_answer": {"token": campaign_link.rsplit("/", 2)[-2]},
        **funding_extra,
        "outcomes:story_answer": {"token": story_link(story_answer).rsplit("/", 2)[-2]},
        "console:set_password": {
            "uidb64": urlsafe_base64_encode(force_bytes(newcomer.pk)),
            "token": default_token_generator.make_token(newcomer),
        },
        "community:confirm": {
            "uidb64": urlsafe_base64_encode(force_bytes(unconfirmed.pk)),
            "token": email_confirmation.make_token(unconfirmed),
        },
        "community:password_reset_confirm": {
            "uidb64": urlsafe_base64_encode(force_bytes(newcomer.pk)),
            "token": default_token_generator.make_token(newcomer),
        },
        "community:member_remove": {"person": colleague.pk},
        "reports:meetings_export": {"fmt": "csv"},
        "reports:statistics_export": {"fmt": "csv"},
        "console:export": {"fmt": "csv"},
        "newsroom:article": {"slug": "expo-news"},
        "newsroom:feed": {"fmt": "rss"},
        "newsroom:feed_language": {"fmt": "atom", "language": "bg"},
        "newsroom:feed_kind": {"fmt": "rss", "language": "en", "kind": "news"},
        "newsroom:feed_tag": {"fmt": "rss", "language": "en", "tag": "expo"},
        "newsroom:feed_kind_tag": {"fmt": "atom", "language": "bg", "kind": "news", "tag": "expo"},
        "newsroom:digest_unsubscribe": {"token": digest_token},
        "newsroom:mark_reviewed": {"language": "bg"},
        "newsroom:step": {"step": "archive"},
        "newsroom:start_trip_report": {"delegation": delegation.pk},
        **plan["extra"],
        **setup["extra"],
    }
    return event, users, pk, extra


def _funding_scene(cluster, person):
    """A member of the lead's cluster with a CORDIS project to confirm, an open topic, and a
    subscription of Ana's."""
    member = factories.OrganisationFactory(name="Volta Mobility")
    Membership.objects.create(cluster=cluster, organisation=member)
    project = PastProject.objects.create(cordis_id="101096001", acronym="SOFIAMOVE", title="Hubs")
    participation = Participation.objects.create(
        project=project,
        cordis_organisation_id="1",
        name="VOLTA MOBILITY OOD",
        organisation=member,
        match="proposed",
    )
    topic = Topic.objects.create(
        identifier="HORIZON-CL5-2027-D5-02", title="Smart charging", status="open"
    )
    subscription = Subscription.objects.create(user=person, programme="LIFE")
    lead_only = Request(
        rules=Rules(call=topic.identifier),
        lead=str(member.pk),
        lead_coordinates=True,
        candidates=(Candidate(str(member.pk), member.name, "BG", "sme", (), 0.5),),
    )
    proposal = ConsortiumProposal.objects.create(
        topic=topic,
        lead=member,
        request=request_to_json(lead_only),
        proposal={"members": [], "summary": "", "unmet": []},
    )
    invitation = ConsortiumInvitation.objects.create(
        proposal=proposal,
        member=str(person.organisation_id),
        organisation=person.organisation,
        invitee=person,
        sent=timezone.now(),
    )
    pages = {
        "funding:build_consortium": topic.pk,
        "funding:consortium": proposal.pk,
        **{
            name: proposal.pk
            for name in (
                "funding:consortium_edit",
                "funding:consortium_move",
                "funding:consortium_post",
                "funding:consortium_invitations",
            )
        },
        "funding:decide": participation.pk,
        "funding:member_calls": member.pk,
        "funding:projects": member.pk,
        "funding:topic": topic.pk,
        "funding:unsubscribe": subscription.pk,
    }
    token = invitation_link(invitation).rsplit("/", 2)[-2]
    return pages, {"funding:invitation": {"token": token}}


def pages():
    """Every page outside the admin and the REST API: its URL name and its URL's arguments."""
    found = {}

    def walk(resolver, namespace, converters):
        for pattern in resolver.url_patterns:
            inner = {**converters, **pattern.pattern.converters}
            if isinstance(pattern, URLResolver):
                walk(pattern, pattern.namespace or namespace, inner)
            elif pattern.name and namespace not in ("admin", "api"):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found[name] = sorted(inner)

    walk(get_resolver(), None, {})
    found.pop("set_language", None)
    return found


def url_of(name, arguments, event, pk, extra):
    kwargs = {}
    for argument in arguments:
        if argument == "event":
            kwargs["event"] = event.slug
        elif argument == "pk":
            kwargs["pk"] = pk[name]
        else:
            kwargs[argument] = extra[name][argument]
    return reverse(name, kwargs=kwargs)


def outcome(response):
    location = response.get("Location", "") if response.status_code in (301, 302) else ""
    if "/accounts/login/" in location:
        return LOGIN
    if location.endswith("/register/"):
        return REGISTER
    return response.status_code


def observe(name, method, arguments):
    """What each role gets from one page; every request is rolled back, so none sees another's."""
    event, users, pk, extra = _scene()
    url = url_of(name, arguments, event, pk, extra)
    seen = []
    for role in ROLES:
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        with transaction.atomic():
            response = client.post(url) if method == "POST" else client.get(url)
            close_quietly(response)
            transaction.set_rollback(True)
        seen.append(outcome(response))
    return tuple(seen)


PAGES = pages()


def test_every_page_has_a_row():
    assert sorted(set(PAGES) - set(MATRIX)) == []
    assert sorted(set(MATRIX) - set(PAGES)) == []


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_page_per_role(db, name):
    method, expected = MATRIX[name]
    assert dict(zip(ROLES, observe(name, method, PAGES[name]), strict=True)) == dict(
        zip(ROLES, expected, strict=True)
    )


def test_the_matrix_in_the_docs_is_this_one():
    shown = {"login": "→ log in", "register": "→ register"}
    docs = (Path(__file__).resolve().parents[2] / "docs" / "permissions.md").read_text()
    rows = [line for line in docs.splitlines() if line.startswith("| `")]
    table = docs[docs.index("## The page matrix") :]
    expected = [
        f"| `{name}` | {method} | " + " | ".join(shown.get(s, str(s)) for s in statuses) + " |"
        for name, (method, statuses) in sorted(MATRIX.items())
    ]
    assert [row for row in rows if row in table] == expected


@pytest.mark.parametrize(
    "name",
    [
        "meetings:participant_agenda",
        "matchmaking:participant_suggestions",
        "reports:participant_agenda",
        "reports:participant_badge",
    ],
)
def test_a_forbidden_person_and_a_missing_one_answer_alike(client, event, ana, jonas, name):
    """A participant probing another's id learns nothing: the same 404 page as for an id that
    does not exist."""
    client.force_login(jonas.user)
    forbidden = client.get(reverse(name, kwargs={"event": event.slug, "pk": ana.pk}))
    missing = client.get(reverse(name, kwargs={"event": event.slug, "pk": 999_999}))
    assert (forbidden.status_code, _page(forbidden, ana.pk)) == (
        missing.status_code,
        _page(missing, 999_999),
    )
    assert forbidden.status_code == 404


def _page(response, pk):
    """The page without what differs on every answer: the masked CSRF token, and its own path."""
    text = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())
    return text.replace(f"/{pk}/", "/ID/")
