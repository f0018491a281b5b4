"""A headless Chromium for the browser tests (one per test module)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.system.helpers import ARGS, CHROMIUM, SHOTS


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    assert CHROMIUM.exists(), "Debian's chromium is needed: apt-get install chromium (.ci/run does it)"
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
