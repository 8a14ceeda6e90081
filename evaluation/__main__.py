"""``python -m evaluation run|bench``"""

import sys

from .cli import main

sys.exit(main())
