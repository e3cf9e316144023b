"""Checking: the whole model -> problems, every one of them (references, the guide's graph, ids, the
site's configuration). Imports only from load and the model."""
