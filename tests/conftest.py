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
        missing_tool(f"{name} is not installed on this PC")
    return path


def missing_tool(reason: str):
    """Skip with the reason; under CI (EGOV_REQUIRE_TOOLS=1) fail instead, since CI must have every tool."""
    if os.environ.get("EGOV_REQUIRE_TOOLS") == "1":
        pytest.fail(reason + " (EGOV_REQUIRE_TOOLS=1: CI must install it in .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the whole run (tests/pg_cluster.py), stopped at the end."""
    from tests.pg_cluster import Cluster, pg_bin

    bindir = pg_bin()
    if bindir is None:
        missing_tool("PostgreSQL (initdb) is not installed on this PC")
    cluster = Cluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster, request):
    """A new empty database on the throwaway server, dropped after the test: its postgresql:// URL."""
    import re

    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:50]
    pg_cluster.drop(name)
    yield pg_cluster.create(name)
    pg_cluster.drop(name)


@pytest.fixture
def clerk(pg_cluster, pg_url):
    """A role that must give its password (scram), as an officer's login on a real server."""
    pg_cluster.sql("DROP ROLE IF EXISTS clerk")
    pg_cluster.sql("CREATE ROLE clerk LOGIN PASSWORD 'সঠিক-pass'")
    pg_cluster.sql(f'GRANT ALL ON DATABASE "{pg_url.rsplit("/", 1)[1]}" TO clerk')
    pg_cluster.sql("GRANT ALL ON SCHEMA public TO clerk", db=pg_url.rsplit("/", 1)[1])
    hba = pg_cluster.data / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text("host all clerk 127.0.0.1/32 scram-sha-256\n" + original)
    pg_cluster.sql("SELECT pg_reload_conf()")
    yield pg_url.replace(f"{pg_cluster.user}@", "clerk@")
    hba.write_text(original)
    pg_cluster.sql("SELECT pg_reload_conf()")
    pg_cluster.drop(pg_url.rsplit("/", 1)[1])
    pg_cluster.sql("DROP ROLE IF EXISTS clerk")


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
