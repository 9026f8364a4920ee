"""A demo database: the two reference plans with their reports (resources/demo/)."""
from __future__ import annotations

from pathlib import Path

from egov_desktop.core import exchange
from egov_desktop.paths import resource_path
from egov_desktop.store.reading import OFFICER_NAME
from egov_desktop.store.service import Store


def demo_files() -> list[Path]:
    return sorted(resource_path("demo").glob("*.json"))


def create_demo(path: str | Path, officer: str | None = None) -> Store:
    """Open (creating) the database at `path` and import every demo plan not there yet. Returns the open Store.
    `officer`, the name of the person at it, is kept first, so the imports are in their name."""
    store = Store.open(path)
    try:
        if officer:
            store.set_setting(OFFICER_NAME, officer)
        for file in demo_files():
            doc = exchange.load(file)
            if store.find_plan(doc.plan.fiscal_year, doc.plan.kind) is None:
                store.import_document(doc)
    except Exception:
        store.close()
        raise
    return store
