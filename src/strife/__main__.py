import sys

from strife.cli import main

sys.exit(main())
