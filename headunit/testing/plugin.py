"""The pytest plugin shipped with the SDK (registered as the `pytest11` entry point `headunit`)."""
