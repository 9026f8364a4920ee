"""Child process of test_kill_during_edits: a stream of edits, each acknowledged on stdout once it has returned.

Edit n writes the value n into slot(n); the parent checks every acknowledged value survived a SIGKILL.
"""
from __future__ import annotations

import sys

from egov_desktop.store.service import Store

CODES = ("2.1.1", "5.1.1", "6.1.1", "7.1.1")  # the count indicators of the PIB plan
LEVELS = 5


def slot(n: int) -> tuple:
    """("target", code, level) for odd n, ("entry", code) for even n."""
    code = CODES[(n // 2) % len(CODES)]
    if n % 2:
        return ("target", code, (n // 8) % LEVELS)
    return ("entry", code)


def main(db: str) -> None:
    store = Store.open(db)
    plan = store.find_plan("2023-24", "egov_innovation")
    keys = {i.code: i.key for i in store.get_document(plan).plan.indicators()}
    n = 0
    while True:
        n += 1
        s = slot(n)
        if s[0] == "target":
            store.set_target(keys[s[1]], s[2], n)
        else:
            store.set_entry_field(plan, "Q1", keys[s[1]], "value", n)
        sys.stdout.write(f"ACK {n}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
