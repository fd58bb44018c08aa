"""MkDocs hook: keep the build log to what concerns whoever runs it.

- jieba (Chinese words for the search index) reports loading its dictionary at DEBUG level; its warnings still show.
- git-revision-date-localized warns in a shallow clone (CI's default checkout), where it sees only the last
  commit; that would abort `mkdocs build --strict`, yet the build is right but for the dates, so the warning
  becomes an INFO message. A full clone (`fetch-depth: 0`) gives each page its date.
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
    logging.getLogger(CI_LOGGER).addFilter(_as_info)  # once: a filter already there is not added again
