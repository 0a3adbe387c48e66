"""`python -m quiz`: see cli.py."""

from .cli import main

raise SystemExit(main())
