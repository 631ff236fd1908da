"""Briefing archive generator: seeds → Markdown briefing pages for MkDocs Material."""

__version__ = "0.1.0"
