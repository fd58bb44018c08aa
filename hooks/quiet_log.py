"""MkDocs hook: keep the build log to what concerns whoever runs it.

- jieba (Chinese words for the search index) reports loading its dictionary at DEBUG level on a
  handler of its own; its warnings still show.
- git-revision-date-localized reads each page's last-updated date from the git history. In a
  shallow clone (the default checkout of CI runners) it sees only the last commit and warns, which
  would abort `mkdocs build --strict`; such a build is right but for the dates (the last commit's),
  so that warning is kept as an INFO message. A full clone (`fetch-depth: 0`) gives each page its date.
"""

import logging

import jieba

CI_LOGGER = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci"


def _as_info(record: logging.LogRecord) -> bool:
    if record.levelno == logging.WARNING:
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def on_startup(command, dirty):
    jieba.setLogLevel(logging.INFO)
    logger = logging.getLogger(CI_LOGGER)
    if _as_info not in logger.filters:
        logger.addFilter(_as_info)
