"""The HTTP API served by ``projdocs serve`` beside the web app (FastAPI).

- ``app.create_api``: the FastAPI application: ``/api/...`` (``routes``) and the
  OpenAI-compatible ``/v1/...`` (``openai_compat``), with OpenAPI docs at ``/api/docs``;
- ``auth``: HTTP Basic (the users file) and Bearer API keys, through ``assistant.access``;
- ``uploads``: saving, size-limiting and ingesting uploads, shared with the web app.
"""
