"""The thin adapters to site engines; `mkdocs_hooks` is the only module that imports MkDocs."""
