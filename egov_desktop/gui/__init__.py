"""The Qt desktop program (PySide6). Only this package imports Qt; it reaches the data through egov_desktop.store.service."""
