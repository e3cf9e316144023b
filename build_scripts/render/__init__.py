"""Rendering: the model -> pages (Markdown for the site engine), PDFs, data and images. Nothing here
reads sources. Imports only from check, load and the model."""
