from django.apps import AppConfig


class LoadtestConfig(AppConfig):
    """The generated load-test event and its `generate_load_event` command."""

    name = "matchfair.loadtest"
    verbose_name = "Load test"
