"""kiosk: full-screen room signage for conference venues."""

__version__ = "0.1.0"
