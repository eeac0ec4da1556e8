"""`python -m sync.tools.demo PATH [--size small|county] [--seed N]`: demo data in a replica."""

import sys

from sync.tools.demo.replica import main

sys.exit(main())
