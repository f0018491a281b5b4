"""The web app's look: a Gradio theme, the CSS for sources, highlights and narrow screens, and
the page script that turns a click on a citation number into "open the viewer there".

Highlights have fixed colours in both themes (dark text on amber), so the quoted words keep a
contrast of at least 4.5:1 whatever the theme's own colours (``tests/system/test_ui_sources``
computes it in the browser).
"""

from __future__ import annotations

import gradio as gr

MARK_LIGHT = ("#fde68a", "#1c1917")  # background, text: contrast 14.5:1
MARK_DARK = ("#fbbf24", "#0c0a09")  # contrast 11.4:1

CSS = f"""
#pd-header h1 {{ margin-bottom: 0; }}
#pd-header p {{ margin-top: 0.2em; color: var(--body-text-color-subdued); }}
.pd-source, .pd-viewer {{ border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px;
  margin-bottom: 10px; background: var(--background-fill-secondary); overflow-wrap: anywhere; }}
.pd-viewer {{ border-color: var(--color-accent); }}
.pd-source-head, .pd-viewer-head {{ font-size: 0.9em; margin-bottom: 4px; }}
.pd-num {{ font-weight: 700; color: var(--color-accent); text-decoration: none; }}
a.pd-num:hover, #pd-chat a[href^="#pd-cite-"]:hover {{ text-decoration: underline; }}
#pd-chat a[href^="#pd-cite-"] {{ font-weight: 700; text-decoration: none; cursor: pointer; }}
.pd-doc {{ font-weight: 600; }}
.pd-loc, .pd-section, .pd-sources-for {{ color: var(--body-text-color-subdued); }}
.pd-section {{ font-size: 0.85em; font-weight: 600; margin: 4px 0; }}
.pd-sources-for {{ font-size: 0.85em; margin-bottom: 6px; }}
.pd-passage {{ white-space: pre-wrap; font-size: 0.88em; line-height: 1.35; max-height: 260px; overflow-y: auto; }}
.pd-viewer-text {{ max-height: 360px; }}
.pd-quote {{ font-size: 0.8em; color: var(--body-text-color-subdued); margin-top: 6px; }}
mark, .pd-passage mark, .pd-table mark {{ background: {MARK_LIGHT[0]}; color: {MARK_LIGHT[1]}; padding: 0 2px;
  border-radius: 2px; }}
.dark mark, .dark .pd-passage mark, .dark .pd-table mark {{ background: {MARK_DARK[0]}; color: {MARK_DARK[1]}; }}
.pd-table-wrap {{ overflow-x: auto; max-width: 100%; overflow-wrap: normal; }}
.pd-table {{ border-collapse: collapse; font-size: 0.82em; width: 100%; }}
.pd-table caption {{ text-align: left; font-weight: 600; padding-bottom: 2px; }}
.pd-table th, .pd-table td {{ border: 1px solid var(--border-color-primary); padding: 3px 5px; vertical-align: top;
  text-align: left; min-width: 5em; word-break: normal; overflow-wrap: normal; }}
.pd-table .pd-cell-label {{ min-width: 14em; }}
.pd-table th {{ background: var(--background-fill-primary); font-weight: 600; }}
.pd-cell-cited {{ outline: 2px solid #d97706; outline-offset: -2px; }}
.pd-page {{ position: relative; width: 100%; margin-top: 6px; border: 1px solid var(--border-color-primary); }}
.pd-page img {{ width: 100%; height: auto; display: block; background: #fff; }}
.pd-hl {{ position: absolute; background: rgba(250, 204, 21, 0.38); outline: 2px solid #d97706;
  border-radius: 2px; pointer-events: none; }}
.pd-refusal {{ border-left: 4px solid #d97706; background: #fff7ed; color: #7c2d12; padding: 10px 12px;
  border-radius: 6px; }}
.pd-sources-empty {{ color: var(--body-text-color-subdued); font-style: italic; padding: 8px 0; }}
.pd-note {{ font-size: 0.88em; color: #92400e; margin-top: 4px; }}
.dark .pd-note {{ color: #fcd34d; }}
.pd-status {{ font-size: 0.95em; }}
.pd-progress-line {{ display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; padding: 3px 0;
  font-size: 0.9em; }}
.pd-progress-line .pd-file {{ font-weight: 600; overflow-wrap: anywhere; min-width: 10em; flex: 1 1 12em; }}
.pd-progress-line progress {{ flex: 1 1 8em; min-width: 6em; }}
.pd-progress-line .pd-state {{ flex: 2 1 12em; }}
.pd-failed .pd-state {{ color: #b91c1c; }}
.dark .pd-failed .pd-state {{ color: #fca5a5; }}
#pd-cite-target, #pd-cite-go {{ display: none !important; }}
.pd-wrap {{ flex-wrap: wrap; }}
@media (max-width: 640px) {{
  .pd-wrap > * {{ min-width: 100% !important; flex-basis: 100% !important; }}
  #pd-ask-row > * {{ min-width: 100% !important; }}
  #pd-header h1 {{ font-size: 1.5em; }}
  .gradio-container {{ padding-left: 6px !important; padding-right: 6px !important; }}
  .tab-container button, button[role="tab"], button.label-wrap, button.label-wrap span {{ white-space: normal; }}
}}
"""

# Clicks on a citation link (chat "[1]" or the sources' numbers) open the viewer: the fragment
# "#pd-cite-<turn>-<n>" goes into a hidden box and a hidden button sends it; the page never
# navigates (a fragment link, nothing leaves the page).
JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#pd-cite-"]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const box = document.querySelector('#pd-cite-target textarea, #pd-cite-target input');
    const go = document.querySelector('#pd-cite-go');
    if (!box || !go) return;
    box.value = link.getAttribute('href').slice('#pd-cite-'.length);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => {
      go.click();
      const viewer = document.querySelector('#pd-viewer');
      if (viewer) viewer.scrollIntoView({ block: 'nearest' });
    }, 30);
  }, true);
}
"""


def theme() -> gr.themes.Base:
    """The default theme with fonts bundled in Gradio (nothing fetched from Google Fonts)."""
    return gr.themes.Default(
        font=[gr.themes.LocalFont("IBM Plex Sans"), "ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=[gr.themes.LocalFont("IBM Plex Mono"), "ui-monospace", "monospace"],
    )
