"""Testing plugins the way HeadUnit tests its own: see headunit.testing.plugin for the pytest fixtures."""
