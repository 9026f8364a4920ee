"""egov-desktop: APA action plans for Bangladesh government offices, offline."""
__version__ = "0.1.0"
