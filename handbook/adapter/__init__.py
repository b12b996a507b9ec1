"""The MkDocs adapter: the only code that imports ``mkdocs`` or ``mkdocs_macros``.

``plugin.py`` is the ``handbook`` plugin (an entry point in pyproject.toml) and holds each
build's state; ``macros.py`` is what mkdocs-macros calls; ``build.py`` runs the strict builds
of every language. Everything they call is plain Python in ``handbook/``.
"""
