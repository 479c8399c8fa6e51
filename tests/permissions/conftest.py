"""The assembly's partnership, session and people, for the assembly's permission rules."""

from tests.assembly.conftest import (  # noqa: F401 (fixtures)
    aarhus_delegate,
    lyon_people,
    members,
    network,
    secretary,
    session,
)
