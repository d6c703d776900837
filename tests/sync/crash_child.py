"""A car process for the crash-point tests: `python -m tests.sync.crash_child URL PROFILE ACTION`.

The parent arms a crash point through the environment; this process is expected to die at it.
"""

import sys

from headunit.sync import SyncClient
from tests.sync.conftest import FAST

url, profile, action = sys.argv[1:4]
client = SyncClient(url, profile, settings=FAST)
if action == "enqueue":
    client.put_item("favourites", "crash", {"n": 1})
elif action == "drain":
    client.drain(10)
elif action == "pull":
    client.pull()
client.close()
