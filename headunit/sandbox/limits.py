"""How much a sandboxed plugin process may take."""

#: The memory ceiling of a plugin process: resident memory of its whole process tree, read every second.
DEFAULT_MEMORY_LIMIT = 384 * 1024 * 1024
#: The address space the process may reserve (RLIMIT_AS, set by the process on itself before any plugin code
#: runs, and impossible to raise again). Qt, fonts and the JavaScript engine reserve far more than they touch,
#: so this is the backstop; the resident watch is the limit.
ADDRESS_SPACE_LIMIT = 4 * 1024 * 1024 * 1024
