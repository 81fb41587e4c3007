"""qa's command line (`qa = "qa.cli:main"`): one module per command group, put together in qa.cli.app."""

from qa.cli.app import app, main

__all__ = ["app", "main"]
