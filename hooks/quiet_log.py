"""MkDocs hook: keep the build log to what concerns whoever runs it. jieba (Chinese words for
the search index) reports loading its dictionary at DEBUG level on a handler of its own; its
warnings still show."""

import logging

import jieba


def on_startup(command, dirty):
    jieba.setLogLevel(logging.INFO)
