"""Gazette Reader (政府公报阅读器)."""
__version__ = "0.1.0"
APP_NAME = "gazette-reader"
