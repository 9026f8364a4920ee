"""Entry script of the frozen program (PyInstaller needs a file, not a console_scripts entry point)."""
import sys

from egov_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
