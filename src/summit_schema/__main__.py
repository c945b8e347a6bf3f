"""``python -m summit_schema``: the same program as the ``summit-schema`` command."""

from __future__ import annotations

import sys

from summit_schema.cli import main

sys.exit(main())
