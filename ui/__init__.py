"""The Gradio web app (thin: it calls ``assistant`` and ``ingest``)."""
