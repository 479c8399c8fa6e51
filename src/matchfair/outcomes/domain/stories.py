"""Success stories: a confirmed agreement told as a case study in a cluster's newsroom, only when
every person of the meeting agreed (docs/outcomes.md, "Success stories").

- An organiser's staff or an editor of its cluster's newsroom (`permissions.story_roles`) sees
  the confirmed agreements of its participants' meetings and asks for a story: each person of
  the meeting gets one mail through the outbox with a signed link of their own (`links`, under
  this purpose's salt, expiring after `OUTCOMES_LINK_DAYS`).
- On the link's page the person agrees, optionally with a quote, or declines. A decline stops
  the story; when everyone agreed, a case-study draft is made in the newsroom in both
  languages, in the draft state, with the person who asked as its author.
- A person who agreed may withdraw later (the link's page, or their consent page). The story
  stops; a draft already made is returned to draft and can no longer be submitted, scheduled
  or published (`publication_hold`, which the newsroom's workflow asks).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_countries import countries as country_names

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Organiser, Registration
from matchfair.meetings.models import Meeting
from matchfair.newsroom import feedcache
from matchfair.newsroom.domain.articles import DOMAIN_CODES, create_article
from matchfair.newsroom.models import LANGUAGES, Article, ArticleTranslation, Kind, Status
from matchfair.outbox.domain import queue_message
from matchfair.outcomes.domain.ladder import CONFIRMED, Ladder, ladder_from
from matchfair.outcomes.models import (
    AgreementType,
    FollowUpStep,
    Stage,
    StoryConsent,
    SuccessStory,
    ValueBand,
)
from matchfair.signed_links import sign, unsign

SALT = "matchfair.outcomes.story"
# The draft's title; a language whose catalogue does not translate it gets no words, so the
# newsroom shows that translation as missing instead of English words under its flag.
TITLE = gettext_noop("How %(names)s reached an agreement")
QUOTE_LIMIT = 1000
Answer = StoryConsent.Answer
Story = SuccessStory.Status


@dataclass(frozen=True)
class Agreement:
    """A meeting whose people all reported the same type of agreement, and its story if asked."""

    meeting: Meeting
    people: list[Registration]
    ladder: Ladder
    story: SuccessStory | None

    @property
    def kinds(self) -> str:
        return agreement_label(self.ladder)


def _people() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=Registration.objects.select_related("user__organisation")
        .prefetch_related("domains")
        .order_by("pk"),
    )


def confirmed_agreements(event: Event, role: Organiser) -> list[Agreement]:
    """The event's meetings with a confirmed agreement that the role asks stories about."""
    meetings = Meeting.objects.filter(
        event=event, follow_up_steps__stage=Stage.AGREEMENT_REACHED
    ).distinct()
    scope = permissions.story_scope(role)
    if scope is not None:
        meetings = meetings.filter(participants__organiser__in=scope)
    chosen = list(
        Meeting.objects.filter(pk__in=meetings.values("pk"))
        .prefetch_related(_people(), "follow_up_steps")
        .order_by("pk")
    )
    stories = {
        story.meeting_id: story
        for story in SuccessStory.objects.filter(
            meeting__in=[meeting.pk for meeting in chosen], cluster=role.cluster
        ).prefetch_related("answers__registration__user")
    }
    found = []
    for meeting in chosen:
        people = list(meeting.participants.all())
        ladder = ladder_from([person.pk for person in people], meeting.follow_up_steps.all())
        if ladder.agreement == CONFIRMED:
            found.append(Agreement(meeting, people, ladder, stories.get(meeting.pk)))
    return found


def link_for(answer: StoryConsent) -> str:
    return reverse("outcomes:story_answer", args=[sign(answer.pk, salt=SALT)])


def answer_from_link(token: str) -> StoryConsent:
    """The person's answer row a link names, or a refusal that says why it does not open."""
    pk = unsign(
        token,
        salt=SALT,
        max_age=dt.timedelta(days=settings.OUTCOMES_LINK_DAYS),
        invalid=_("This link is not valid. Copy the whole link from the mail."),
        expired=_(
            "This link has expired. If you agreed, you can still withdraw on your consent page."
        ),
    )
    answer = (
        StoryConsent.objects.select_related(
            "story__meeting__event", "story__cluster__organisation", "registration__user"
        )
        .filter(pk=pk)
        .first()
    )
    if answer is None:
        raise ValidationError(_("This link is not valid any more."))
    return answer


def _label(person: Registration) -> str:
    organisation = person.user.organisation
    return (
        f"{person.user.full_name} ({organisation.name})" if organisation else person.user.full_name
    )


def agreement_label(ladder: Ladder) -> str:
    return ", ".join(str(AgreementType(kind).label) for kind in ladder.agreement_types)


def _role_for(by: Any, event: Event, role_id: int | None) -> Organiser:
    roles = permissions.story_roles(by, event)
    role = next((r for r in roles if role_id is None or r.pk == role_id), None)
    if role is None:
        raise PermissionDenied(_("You do not ask success stories for this organiser."))
    return role


def ask_for_story(*, meeting: Meeting, by: Any, role_id: int | None = None) -> SuccessStory:
    """Ask every person of a meeting with a confirmed agreement for a success story in the
    newsroom of the role's cluster; one mail each. A story whose people all agreed while its
    asker could not write for the newsroom any more gets its draft made by `by` instead."""
    event = meeting.event
    role = _role_for(by, event, role_id)
    agreement = next(
        (found for found in confirmed_agreements(event, role) if found.meeting.pk == meeting.pk),
        None,
    )
    if agreement is None:
        raise ValidationError(
            _(
                "Only a confirmed agreement (every person of the meeting reported it) can be asked for a success story."
            )
        )
    if agreement.story is not None:
        if agreement.story.status == Story.AGREED:
            return make_draft(story=agreement.story, by=by)
        raise ValidationError(_("A success story of this meeting has been asked for already."))
    if any(not person.user.is_active for person in agreement.people):
        raise ValidationError(_("One of the people of this meeting can no longer be asked."))
    try:
        with transaction.atomic():
            story = SuccessStory.objects.create(
                meeting=meeting, cluster=role.cluster, requested_by=by
            )
            answers = StoryConsent.objects.bulk_create(
                [StoryConsent(story=story, registration=person) for person in agreement.people]
            )
            for answer, person in zip(answers, agreement.people, strict=True):
                others = [_label(other) for other in agreement.people if other.pk != person.pk]
                queue_message(
                    key=f"success-story:{answer.pk}",
                    kind="outcomes.success_story",
                    user=person.user,
                    template="outcomes/mail/success_story",
                    context={
                        "event": event,
                        "others": ", ".join(others),
                        "agreement": agreement_label(agreement.ladder),
                        "cluster": str(role.cluster),
                        "url": link_for(answer),
                        "expires": settings.OUTCOMES_LINK_DAYS,
                    },
                    event=event,
                    batch=f"success-story:{story.pk}",
                )
            record(
                action="story.asked",
                actor=by,
                subject=story,
                event=event,
                meeting=meeting.pk,
                cluster=role.cluster_id,
                people=[person.pk for person in agreement.people],
            )
    except IntegrityError as error:
        raise ValidationError(
            _("A success story of this meeting has been asked for already.")
        ) from error
    return story


def _locked(answer: StoryConsent) -> tuple[SuccessStory, StoryConsent]:
    story = SuccessStory.objects.select_for_update().get(pk=answer.story_id)
    return story, StoryConsent.objects.select_for_update().select_related("registration__user").get(
        pk=answer.pk
    )


def answer_story(
    *, answer: StoryConsent, agree: bool, quote: str = "", now: dt.datetime | None = None
) -> SuccessStory:
    """The person's yes (with an optional quote) or no; the last yes makes the draft."""
    quote = (quote or "").strip()
    if len(quote) > QUOTE_LIMIT:
        raise ValidationError({"quote": _("A quote has at most 1000 characters.")})
    with transaction.atomic():
        story, answer = _locked(answer)
        if story.status != Story.ASKED:
            raise ValidationError(
                _("This success story is %(status)s; nothing more can be answered.")
                % {"status": story.get_status_display().lower()}
            )
        if answer.answer != Answer.PENDING:
            raise ValidationError(_("You have answered already."))
        answer.answer = Answer.AGREED if agree else Answer.DECLINED
        answer.quote = quote if agree else ""
        answer.answered = now or timezone.now()
        answer.save(update_fields=["answer", "quote", "answered"])
        event = story.meeting.event
        record(
            action="story.agreed" if agree else "story.declined",
            actor=answer.registration.user,
            subject=story,
            event=event,
            registration=answer.registration_id,
            quote=bool(answer.quote),
        )
        if not agree:
            story.status = Story.DECLINED
            story.save(update_fields=["status"])
        elif not story.answers.exclude(answer=Answer.AGREED).exists():
            requester = story.requested_by
            if requester is not None and permissions.can_propose_article(requester, story.cluster):
                _draft(story, author=requester)
            else:
                story.status = Story.AGREED
                story.save(update_fields=["status"])
    return story


def make_draft(*, story: SuccessStory, by: Any) -> SuccessStory:
    """Make the draft of a story everyone agreed to, with `by` as its author."""
    if not any(
        role.cluster_id == story.cluster_id
        for role in permissions.story_roles(by, story.meeting.event)
    ):
        raise PermissionDenied(_("You do not ask success stories for this organiser."))
    with transaction.atomic():
        story = SuccessStory.objects.select_for_update().get(pk=story.pk)
        if story.status != Story.AGREED:
            raise ValidationError(_("This success story has no draft to make."))
        _draft(story, author=by)
    return story


def _names(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def _words(
    story: SuccessStory, people: list[Registration], steps: list[FollowUpStep], language: str
) -> dict[str, str]:
    """The draft's words in `language`; the quotes stay in the words their authors wrote."""
    ladder = ladder_from([person.pk for person in people], steps)
    quotes = {
        answer.registration_id: answer.quote for answer in story.answers.all() if answer.quote
    }
    agreed = [step for step in steps if step.stage == Stage.AGREEMENT_REACHED]
    with translation.override(language):
        names = [
            person.user.organisation.name if person.user.organisation else person.user.full_name
            for person in people
        ]
        event = story.meeting.event.name
        kinds = ", ".join(str(AgreementType(kind).label) for kind in ladder.agreement_types)
        facts = [f"- {_('Type of agreement')}: {kinds}"]
        calls = sorted({step.call_identifier for step in agreed if step.call_identifier})
        if calls:
            facts.append(f"- {_('Call identifier')}: {', '.join(calls)}")
        bands = sorted({step.value_band for step in agreed if step.value_band})
        if bands:
            facts.append(
                f"- {_('Value')}: {', '.join(str(ValueBand(band).label) for band in bands)}"
            )
        first = min(step.on for step in agreed)
        facts.append(
            "- "
            + _("They met at %(event)s; the first agreement was reported on %(date)s.")
            % {"event": event, "date": formats.date_format(first, "j F Y")}
        )
        for person in people:
            organisation = person.user.organisation
            if organisation is not None:
                country = country_names.name(organisation.country) or organisation.country
                facts.append(f"- {organisation.name}: {organisation.get_kind_display()}, {country}")
        domains = sorted({str(domain) for person in people for domain in person.domains.all()})
        body = [
            _(
                "Write the story here; the facts and the quotes below come from the agreement both sides reported and the answers they gave."
            ),
            "",
            f"## {_('In their words')}",
            "",
        ]
        for person in people:
            if person.pk in quotes:
                quoted = "\n".join(f"> {line}" for line in quotes[person.pk].splitlines())
                body += [quoted, ">", f"> — {_label(person)}", ""]
        if not quotes:
            body += [_("Nobody added a quote."), ""]
        return {
            "title": _(TITLE) % {"names": _names(names)},
            "summary": _("%(names)s met at %(event)s and agreed: %(agreement)s.")
            % {"names": _names(names), "event": event, "agreement": kinds},
            "sector": ", ".join(domains),
            "what_they_did": "\n".join(facts),
            "body": "\n".join(body).strip(),
        }


def has_words(language: str) -> bool:
    """Whether the draft can be written in `language`: English always, another language when
    its catalogue translates the draft's words."""
    with translation.override(language):
        return language == "en" or _(TITLE) != TITLE


def _draft(story: SuccessStory, *, author: Any) -> None:
    meeting = story.meeting
    people = list(
        meeting.participants.select_related("user__organisation")
        .prefetch_related("domains")
        .order_by("pk")
    )
    steps = list(meeting.follow_up_steps.all())
    written = [language for language in LANGUAGES if has_words(language)]
    source = author.language if author.language in written else "en"
    article = create_article(
        cluster=story.cluster,
        kind=Kind.CASE_STUDY,
        by=author,
        words={language: _words(story, people, steps, language) for language in written},
        source_language=source,
        event=meeting.event,
        studied_organisation=" & ".join(
            person.user.organisation.name for person in people if person.user.organisation
        )[:200],
        domains=sorted({d.slug for p in people for d in p.domains.all()} & DOMAIN_CODES),
    )
    story.article, story.status = article, Story.DRAFTED
    story.save(update_fields=["article", "status"])
    record(
        action="story.drafted",
        actor=author,
        subject=story,
        event=meeting.event,
        article=article.pk,
    )


def _hold(article: Article) -> None:
    """A draft whose consent was withdrawn goes back to draft, out of the readers' sight."""
    if article.status != Status.DRAFT:
        Article.objects.filter(pk=article.pk).update(status=Status.DRAFT, publish_at=None)
        record(action="article.returned", subject=article, note="success story consent withdrawn")
    ArticleTranslation.objects.filter(article=article).exclude(
        state=ArticleTranslation.State.DRAFT
    ).update(state=ArticleTranslation.State.DRAFT)
    feedcache.changed()


def stop(story: SuccessStory, *, actor: Any, reason: str) -> None:
    """Stop a story (inside a transaction, its row locked): nothing more is made of it, and a
    draft already made is held back."""
    if story.status in (Story.DECLINED, Story.WITHDRAWN):
        return
    story.status = Story.WITHDRAWN
    story.save(update_fields=["status"])
    if story.article_id is not None:
        _hold(Article.objects.get(pk=story.article_id))
    record(
        action="story.stopped", actor=actor, subject=story, event=story.meeting.event, reason=reason
    )


def withdraw_story_consent(
    *, answer: StoryConsent, by: Any, now: dt.datetime | None = None
) -> SuccessStory:
    """The person takes back their yes: the story stops (a draft made is held back)."""
    with transaction.atomic():
        story, answer = _locked(answer)
        if answer.answer != Answer.AGREED:
            raise ValidationError(_("Only a consent you gave can be withdrawn."))
        answer.answer, answer.quote, answer.answered = Answer.WITHDRAWN, "", now or timezone.now()
        answer.save(update_fields=["answer", "quote", "answered"])
        record(
            action="story.withdrawn",
            actor=by,
            subject=story,
            event=story.meeting.event,
            registration=answer.registration_id,
        )
        stop(story, actor=by, reason="withdrawn")
    return story


def publication_hold(article: Article) -> str:
    """Why the article may not go to readers, or "": a success story whose consent ended."""
    story = SuccessStory.objects.filter(article=article).first()
    if story is not None and story.status != Story.DRAFTED:
        return _(
            "A person of this success story withdrew their consent: it cannot be submitted, scheduled or published."
        )
    return ""


def my_answers(user: Any) -> list[StoryConsent]:
    """The person's answers to success stories, for their consent page."""
    return list(
        StoryConsent.objects.filter(registration__user=user)
        .select_related("story__meeting__event", "story__cluster__organisation")
        .order_by("-story__created", "-pk")
    )
