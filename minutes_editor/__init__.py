"""Minutes Editor: write meeting minutes in structured fields, export a Word draft report."""

from __future__ import annotations

__version__ = "0.1.0"
