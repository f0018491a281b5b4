"""The web app's look: a Gradio theme and the CSS for sources and highlights."""

from __future__ import annotations

import gradio as gr

CSS = """
#pd-header h1 { margin-bottom: 0; }
#pd-header p { margin-top: 0.2em; color: var(--body-text-color-subdued); }
.pd-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin-bottom: 10px;
  background: var(--background-fill-secondary); }
.pd-source-head { font-size: 0.9em; margin-bottom: 4px; }
.pd-num { font-weight: 700; color: var(--color-accent); }
.pd-doc { font-weight: 600; }
.pd-loc { color: var(--body-text-color-subdued); }
.pd-passage { white-space: pre-wrap; font-size: 0.88em; line-height: 1.35; max-height: 260px; overflow-y: auto; }
.pd-passage mark { background: #ffe58f; color: inherit; padding: 0 2px; border-radius: 2px; }
.pd-refusal { border-left: 4px solid #d97706; background: #fff7ed; color: #7c2d12; padding: 10px 12px; border-radius: 6px; }
.pd-sources-empty { color: var(--body-text-color-subdued); font-style: italic; padding: 8px 0; }
.pd-note { font-size: 0.88em; color: #92400e; margin-top: 4px; }
.pd-status { font-size: 0.95em; }
"""


def theme() -> gr.themes.Base:
    """The default theme with fonts bundled in Gradio (nothing fetched from Google Fonts)."""
    return gr.themes.Default(
        font=[gr.themes.LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=[gr.themes.LocalFont("IBM Plex Mono"), "ui-monospace", "monospace"],
    )
