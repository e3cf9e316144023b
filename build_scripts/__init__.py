"""The Darlington Compact handbook: sources -> load -> validate -> render -> write.

Nothing in this package imports MkDocs except `mkdocs_hooks`, the thin adapter that MkDocs loads.
"""
