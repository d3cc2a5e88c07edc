"""Data embedded in the page as JSON inside a ``<script type="application/json">`` block.

Article text is untrusted and a script block ends at the first ``</script`` whatever the
JSON around it means, so every ``<``, ``>`` and ``&`` is written as a ``\\u`` escape (no
``</script>``, no ``<!--`` that would change how the block is parsed), and U+2028 and
U+2029 (line ends to older JavaScript) as well. The JSON means the same after all of them:
``JSON.parse`` reads each escape back as the character.
"""

from __future__ import annotations

import json
from typing import Any

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_ESCAPES)


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe between ``<script type="application/json">`` tags."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_TABLE)
