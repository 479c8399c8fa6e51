"""`{% contact_of my_registration participant as contact %}`: whether I added them already."""

from django import template

from matchfair.contacts.domain.queries import contact_of as find_contact

register = template.Library()


@register.simple_tag
def contact_of(owner, registration):
    return find_contact(owner, registration)
