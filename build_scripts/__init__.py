"""The Darlington Compact handbook: sources -> load -> check -> render -> publish.

One package a step (`model`, `load`, `check`, `render`, `publish`); a module imports only from its own
step and the steps before it. `pipeline` and `__main__` sit on top. No engine runs code of ours, and
only `publish/incremental.py`, the preview's builder, which runs in a process of its own, imports one.
"""
