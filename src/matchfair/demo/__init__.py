"""The Smart City Expo demo: a fixed scenario, generated participants, and a loader that solves it.

`matchfair demo` and `manage.py load_demo` both call `matchfair.demo.loader.load_demo`.
"""
