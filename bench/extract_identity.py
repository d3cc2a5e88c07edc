"""Is `newsgraph extract` the same as before a change? Prints a digest per input folder.

    python bench/extract_identity.py examples /path/to/50-articles > before.txt
    ... change the code ...
    python bench/extract_identity.py examples /path/to/50-articles | diff before.txt -

The digest covers each line of `newsgraph extract` (every key but `extractor`, which names
the code version and so changes with any edit) and the number of lines; a difference names
the first article that differs.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path


def digest(folder: str) -> tuple[str, int]:
    cli = Path(sys.executable).with_name("newsgraph")
    out = subprocess.run([str(cli), "extract", "--workers", "2", folder], capture_output=True, text=True, check=True).stdout
    h = hashlib.sha256()
    lines = out.splitlines()
    for line in lines:
        record = json.loads(line)
        record.pop("extractor", None)
        h.update(json.dumps(record, ensure_ascii=False, sort_keys=False).encode())
    return h.hexdigest(), len(lines)


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        value, count = digest(folder)
        print(f"{folder}\t{count} articles\t{value}")
