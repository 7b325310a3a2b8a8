import sys

from responders.cli.handlers import main

sys.exit(main())
