"""The Microneedling Patient Handbook's build code.

``macros.py`` (the mkdocs-macros entry point) and ``handbook/hooks.py`` (MkDocs
hooks) are thin layers over these modules; ``python -m handbook`` is the command
line that people, CI and pre-commit call.
"""
