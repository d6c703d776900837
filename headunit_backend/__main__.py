"""`python -m headunit_backend serve …`, the same as the `headunit-backend` command."""

import sys

from headunit_backend.cli import main

sys.exit(main())
