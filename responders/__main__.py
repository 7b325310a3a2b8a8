import sys

from responders.cli import main

sys.exit(main())
