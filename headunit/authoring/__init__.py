"""Tools for plugin authors: the scaffold behind `headunit plugin new`."""
