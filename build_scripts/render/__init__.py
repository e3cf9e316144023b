"""Rendering: the model -> pages (Markdown for the site engine). Nothing here reads sources."""
