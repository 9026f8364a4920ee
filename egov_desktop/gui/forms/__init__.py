"""Generated from forms/*.ui by forms/compile.py: do not edit."""
