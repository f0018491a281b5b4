"""Who may use the tool, and which documents each caller may see: one layer for every surface.

- ``users``: the users file (``PROJDOCS_AUTH_FILE``) and ``PROJDOCS_AUTH``, password hashes;
- ``throttle``: failed logins per user and per address, with backoff;
- ``keys``: API keys (Bearer tokens) for clients that only send a key;
- ``login``: one ``Authenticator`` that the web app, the HTTP API and the OpenAI endpoint share;
- ``policy``: a ``Caller`` and what it may see, link, upload to and remove.

The web app (``ui``), the HTTP API (``assistant.api``) and the command line all call it; no
surface decides visibility on its own. Nothing is read at import time.
"""
