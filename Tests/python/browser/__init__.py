"""Helpers for the browser test: a throw-away JupyterLab server, headless Chromium driving it,
and the small notebooks the harness proves itself on."""
