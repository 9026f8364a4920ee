"""The throwaway PostgreSQL server the server-database tests run on: it starts, keeps Bangla text
exactly (UTF-8, NFC as given) and gives each test its own empty database."""
from __future__ import annotations

import psycopg


def test_server_keeps_bangla_text(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE t (x text)")
        conn.execute("INSERT INTO t VALUES (%s)", ("ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা",))
        assert conn.execute("SELECT x FROM t").fetchone()[0] == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা"


def test_each_test_gets_an_empty_database(pg_url):
    with psycopg.connect(pg_url) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]
    assert tables == 0
