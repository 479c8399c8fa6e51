from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo scenario and its `load_demo` command; it sits at the top of the house."""

    name = "matchfair.demo"
    verbose_name = "Demo"
