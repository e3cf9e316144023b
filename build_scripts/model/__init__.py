"""The model: frozen dataclasses of the handbook and its guide, problems, and what follows from ids alone
(addresses, the guide's paths, plain-text views of Markdown). Imports nothing of the other steps."""
