"""Other officers' changes, as they happen, on the office's server (LISTEN/NOTIFY).

Every write on a server sends a notice on CHANNEL in its own transaction (`UnitOfWork`, through
`dialect.notify`, which writes the payload read here), so it is delivered when, and only if, the change is committed. Its payload is the
change's summary (`ChangeSummary`: the plans, indicators, reports, entries it touched, the plans it made or
deleted, or that it wrote over the whole database), the tables it wrote, and who sent it: a token of the Store that wrote, so a window can leave its own changes out
(it has shown them already). A `Listener` is a connection of its own, in autocommit, that LISTENs; the
window watches its socket and reads what has come (`changes()`), never waiting on the server.

On SQLite there is nothing to listen to: each PC has its own file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from egov_desktop.core.i18n import Msg
from egov_desktop.store.dialect import CHANNEL, LOST_FOLLOW
from egov_desktop.store.errors import StoreError
from egov_desktop.store.work import ChangeSummary

@dataclass(frozen=True)
class Notice:
    """A change someone else committed: what it touched, and the tables it wrote."""

    sender: str
    summary: ChangeSummary
    tables: frozenset[str]


def notice(text: str) -> Notice | None:
    """The notice in a payload; None for one that is not ours (another program on the channel)."""
    try:
        doc = json.loads(text)
        return Notice(doc["by"], ChangeSummary(
            plans=frozenset(doc["plans"]), indicators=frozenset(doc["indicators"]),
            reports=frozenset(doc["reports"]), entries=frozenset(doc["entries"]), offices=frozenset(doc["offices"]),
            structure=bool(doc["structure"]), settings=bool(doc["settings"]),
            # Not in the notices of a program older than these keys (on the same server, the same schema).
            plans_added=frozenset(doc.get("added", ())), plans_removed=frozenset(doc.get("removed", ())),
            everything=bool(doc.get("all", False))), frozenset(doc["tables"]))
    except (ValueError, KeyError, TypeError):
        return None


class Listener:
    """A connection of its own that LISTENs for the changes committed on the server; `fileno()` is its
    socket, readable when something has come. `changes()` never waits. A lost connection raises
    StoreError (LOST_FOLLOW); a new Listener is made once the server is back."""

    def __init__(self, engine, sender: str):
        import psycopg

        try:
            # The engine's own way to connect (the password given at opening included), out of its pool.
            pooled = engine.raw_connection()
            self._conn = pooled.driver_connection
            pooled.detach()
        except psycopg.Error as exc:  # the pool hands on the driver's own error
            raise StoreError(Msg(LOST_FOLLOW)) from exc
        self._sender = sender
        try:
            self._conn.rollback()  # the pool's ping may have opened a transaction; autocommit needs none
            self._conn.autocommit = True
            self._conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            self.close()
            raise StoreError(Msg(LOST_FOLLOW)) from exc

    def fileno(self) -> int:
        return self._conn.fileno()

    def changes(self) -> list[Notice]:
        """Others' changes received since the last call (own ones left out), oldest first."""
        import psycopg

        try:
            received = list(self._conn.notifies(timeout=0))
        except psycopg.Error as exc:
            raise StoreError(Msg(LOST_FOLLOW)) from exc
        found = (notice(n.payload) for n in received if n.channel == CHANNEL)
        return [n for n in found if n is not None and n.sender != self._sender]

    def close(self) -> None:
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 (a connection the server already dropped)
            pass
