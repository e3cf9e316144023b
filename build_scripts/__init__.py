"""The Darlington Compact handbook: sources -> load -> check -> render -> publish.

One package a step (`model`, `load`, `check`, `render`, `publish`); a module imports only from its own
step and the steps before it. `pipeline` and `__main__` sit on top, and `engines.mkdocs_hooks`, the
thin adapter that MkDocs loads, is the only module that imports MkDocs.
"""
