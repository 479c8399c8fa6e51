"""The NinjaAPI instance: every router, the error handlers, and the docs at /api/docs."""

from ninja import NinjaAPI

from matchfair.api.auth import ApiLimit
from matchfair.api.endpoints import agenda, events, participants, requests, schedule
from matchfair.api.errors import install_handlers

api = NinjaAPI(
    title="Matchfair API",
    version="1",
    description=(
        "Events, participants, opportunities, meeting requests, agendas and schedule jobs. "
        "Authenticate with `Authorization: Bearer <token>`; create tokens at /api/tokens/."
    ),
    docs_url="/docs",
    urls_namespace="api",
    throttle=[ApiLimit()],
)
install_handlers(api)
for module in (events, participants, requests, agenda, schedule):
    api.add_router("", module.router)
