"""MkDocs hook: a shallow clone on a CI runner still builds in strict mode.

git-revision-date-localized reads each page's last-updated date from git history. In a
shallow clone (the default checkout of GitHub Actions, GitLab and Azure runners) it can only
see the last commit, so it warns, and `mkdocs build --strict` would then abort. Such a build
is still correct except for the dates, which become the last commit's date: the warning is
kept, as an INFO message. A full clone (`fetch-depth: 0`) gives each page its own date.
"""

import logging

CI_LOGGER = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci"


def _as_info(record: logging.LogRecord) -> bool:
    if record.levelno == logging.WARNING:
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def on_startup(command, dirty):
    logger = logging.getLogger(CI_LOGGER)
    if _as_info not in logger.filters:
        logger.addFilter(_as_info)
