"""Plugin packages: the format, signatures, and installing, updating and rolling back plugins."""
