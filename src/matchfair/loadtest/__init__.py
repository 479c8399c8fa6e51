"""A generated event big enough to load-test the site: `matchfair manage generate_load_event`."""
