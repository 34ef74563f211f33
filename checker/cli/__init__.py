"""The command line: the click group (``main.py``), the bodies of the commands
that lint (``commands.py``), ``--show-settings`` and ``init``."""
