"""The Smart City Expo demo: a fixed scenario, generated participants, and a loader that solves it.

`matchfair demo` and `manage.py load_demo` (this package's command) both call `matchfair.demo.loader.load_demo`.
"""
