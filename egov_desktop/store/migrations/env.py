"""Alembic environment, configured in code (no alembic.ini): the store passes its
connection in `config.attributes["connection"]`. Batch mode on SQLite only, whose
ALTER TABLE cannot drop or change columns (PostgreSQL alters in place)."""
from alembic import context

from egov_desktop.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
