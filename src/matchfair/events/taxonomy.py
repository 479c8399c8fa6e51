"""The smart-city domain taxonomy that profiles and opportunities are tagged with."""

from django.utils.translation import gettext_noop

DOMAINS: list[tuple[str, str]] = [
    ("mobility", gettext_noop("Mobility")),
    ("energy", gettext_noop("Energy")),
    ("environment", gettext_noop("Environment")),
    ("governance", gettext_noop("Governance and e-government")),
    ("buildings", gettext_noop("Buildings")),
    ("water", gettext_noop("Water")),
    ("health", gettext_noop("Health")),
    ("safety", gettext_noop("Safety and security")),
    ("ict", gettext_noop("ICT and data")),
    ("tourism", gettext_noop("Tourism and culture")),
    ("circular-economy", gettext_noop("Circular economy")),
]
