"""Scenario tests, which cross many modules and so mirror none: the B2B flow through the pages
(test_flow), every page as every role (test_page_matrix), and a whole event from the import to the
re-release (test_whole_event). Concurrency and deployment stay in tests/deploy, which CI selects
by path and marker."""
