"""The examples of every page as pytest parameters, one page's breakage kept to that page.

A page whose examples cannot be read (an include of a missing file, an unclosed fence) becomes
one failing parameter that names the page and the error; the other pages' examples still run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.harness.pages import DOCS, Example, examples, pages


@dataclass(frozen=True)
class UnreadablePage:
    """A page whose examples could not be collected, and why."""

    page: Path
    error: str

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(DOCS).as_posix()}:unreadable"


def read_examples(page: Path) -> list[Example] | UnreadablePage:
    try:
        return examples(page)
    except Exception as error:  # any breakage: reported by the page's own test
        return UnreadablePage(page, f"{type(error).__name__}: {error}")


def example_params() -> list:
    """One parameter per example of every page; one per page whose examples are unreadable."""
    params = []
    for page in pages():
        found = read_examples(page)
        found = [found] if isinstance(found, UnreadablePage) else found
        params += [pytest.param(example, id=example.id) for example in found]
    return params


def readable(example: Example | UnreadablePage) -> Example:
    """The example itself; for an unreadable page, fail this test with the page's error."""
    if isinstance(example, UnreadablePage):
        pytest.fail(
            f"{example.page.relative_to(DOCS.parent)}: its examples cannot be read, so none of them "
            f"ran (the other pages' examples did):\n{example.error}",
            pytrace=False,
        )
    return example
