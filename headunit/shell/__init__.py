"""The shell's services: the Python side of what qml/HeadUnit/Shell shows."""
