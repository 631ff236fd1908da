"""Browser tests: the built site as a reader uses it, in headless Chromium (issue 8)."""
