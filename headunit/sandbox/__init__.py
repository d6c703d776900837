"""Running third-party plugins in their own processes, confined by bubblewrap and composited by the shell."""
