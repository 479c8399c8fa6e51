"""Plain helpers of the visits tests."""

from matchfair.community.models import Membership
from tests import factories

# The columns of an exhibitor list, as the venue import reads them.
HEADER = "code,exhibitor,organisation,country,hall,pavilion,x,y,width,depth,opens,closes\n"


def member_of(delegation, registration):
    return delegation.members.get(registration=registration)


def other_cluster_member(event):
    """A participant of the event whose organisation belongs to a different cluster."""
    outsider = factories.RegistrationFactory(event=event, user__full_name="Otto Outsider")
    other = factories.ClusterFactory()
    Membership.objects.create(cluster=other, organisation=outsider.user.organisation)
    return outsider, other
