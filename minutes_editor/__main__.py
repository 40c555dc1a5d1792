"""``python -m minutes_editor``: the same as the ``minutes-editor`` command."""

from __future__ import annotations

import sys

from minutes_editor.cli import main

sys.exit(main())
