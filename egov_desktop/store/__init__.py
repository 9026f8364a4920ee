"""The SQLite store: tables, migrations, and the service layer the GUI and CLI call."""
