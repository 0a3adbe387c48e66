"""Lighthouse (mobile) on the home page, a guide page and the self-check: accessibility,
best practices and SEO at 100. Performance is measured by `./dev bench`, not here."""

from __future__ import annotations

import pytest

from harness import audit, chrome_path, shortfalls

pytestmark = pytest.mark.browser
CATEGORIES = ["accessibility", "best-practices", "seo"]


@pytest.mark.parametrize("path", ["", "guide/signs/", "self-check/"])
def test_audit_scores_are_perfect(site_url: str, path: str) -> None:
    report = audit(site_url + path, CATEGORIES, chrome_path())
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    missing = {c: shortfalls(report, c) for c in CATEGORIES if scores[c] != 1}
    assert scores == dict.fromkeys(CATEGORIES, 1), missing
