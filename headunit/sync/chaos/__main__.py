import sys

from headunit.sync.cli import main

sys.exit(main(["sync", "chaos", *sys.argv[1:]]))
