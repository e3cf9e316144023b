"""Publishing: writing what was rendered, the built site swapped in whole, and the passes over the
finished site (the Content-Security-Policy, the link promise). Imports only from the steps below."""
