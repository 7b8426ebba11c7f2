import os
import sys

# `python -m govlint` puts the working directory first on sys.path, so a checked folder's
# rich.py or opencc.py would be imported instead of the real ones. Plugins come from
# installed entry points only: drop it (the package itself is already imported).
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from govlint.cli import main

raise SystemExit(main())
