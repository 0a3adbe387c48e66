"""Helpers for driving a quiz page in Playwright."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Request, Route


def with_load_timeout(ms: int) -> Callable[[Route, Request], None]:
    """A route handler serving a quiz page with a short Python load timeout.

    The page gives up on a Python that never starts after `data-timeout` ms (30 s by
    default); tests of the failure path should not wait that long.
    """
    def handler(route: Route, request: Request) -> None:
        response = route.fetch()
        idle = 'data-state="idle"'
        body = response.text().replace(idle, f'{idle} data-timeout="{ms}"')
        route.fulfill(response=response, body=body)
    return handler
