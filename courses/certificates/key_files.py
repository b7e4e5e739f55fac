"""Writing the demo seal and the demo credential key: a file readable by its
owner only, never overwritten, since what was signed with the existing key
must keep verifying."""

import os
from collections.abc import Callable
from pathlib import Path


def write_once(path: str, make: Callable[[], bytes]) -> bool:
    """Write what `make` returns to `path` unless a file is there (it is not
    called then); True when written."""
    target = Path(path)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    data = make()
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return True
