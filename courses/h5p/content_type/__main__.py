"""Write an example checkpoint-question package: python -m courses.h5p.content_type out.h5p"""

import sys
from pathlib import Path

from courses.h5p.content_type import example_package

if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "checkpoint-question.h5p")
    target.write_bytes(example_package())
    print(f"{target}: {target.stat().st_size} bytes")
