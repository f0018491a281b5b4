#!/usr/bin/env bash
# Create .venv and install projdocs with its test tools, offline-capable, CPU-only torch.
# Idempotent: a second run only checks that everything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
. .venv/bin/activate
if ! python -c "import torch, sys; sys.exit(0 if torch.__version__.startswith('2.13.0') else 1)" 2>/dev/null; then
  # torch first, alone: the CPU build of 2.13.0 is what pip finds here; anything else pulls CUDA
  pip install --quiet --disable-pip-version-check torch==2.13.0 2>&1 | { grep -v "^WARNING: Location" || true; }
fi
# (pip's find-links notices about missing folders are noise here: filtered out)
pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]" 2>&1 | { grep -v "^WARNING: Location" || true; }
python -c "import assistant, chromadb, sentence_transformers, gradio"  # the install really worked
