"""``python -m cli`` runs the ``oneiroscope`` console script."""

from cli.main import main

raise SystemExit(main())
