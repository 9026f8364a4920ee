"""Shared test fixtures. Nothing here reads ../shared: fixtures live in tests/fixtures."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MODMR = FIXTURES / "modmr-2021-22.plan.json"
PIB = FIXTURES / "pib-2023-24.plan.json"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def require_tool(name: str) -> str:
    """Path of a system tool; skip with the reason when missing, fail instead under CI (EGOV_REQUIRE_TOOLS=1)."""
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is not installed on this PC"
        if os.environ.get("EGOV_REQUIRE_TOOLS") == "1":
            pytest.fail(reason + " (EGOV_REQUIRE_TOOLS=1: CI must install it in .ci/run)")
        pytest.skip(reason)
    return path


@pytest.fixture(autouse=True)
def _bangla_default():
    """Every test starts in Bangla, the default language."""
    from egov_desktop.core.i18n import set_language

    set_language("bn")
    yield
    set_language("bn")


@pytest.fixture
def modmr_path() -> Path:
    return MODMR


@pytest.fixture
def pib_path() -> Path:
    return PIB
