"""Template helpers of the funding app."""

from django import template

from matchfair.funding.domain.topics import describe_change
from matchfair.funding.models import TopicChange

register = template.Library()


@register.filter
def change_text(change: TopicChange) -> str:
    return describe_change(change)


@register.filter
def flag_texts(flags, texts):
    return [texts.get(flag, flag) for flag in flags]
