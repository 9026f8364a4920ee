"""One module per CLI subcommand (see egov_desktop/cli.py)."""
