"""The doc-test harness: finds every example on the site's pages and checks its output."""
