"""The Microneedling Patient Handbook's build code.

Plain Python, apart from ``handbook/adapter`` (the MkDocs plugin and what mkdocs-macros
calls); ``macros.py`` at the project root is mkdocs-macros' entry point. ``python -m
handbook`` is the command line that people, CI and pre-commit call.
"""
