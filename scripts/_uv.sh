# Sourced by the scripts: finds uv, or installs it into .tools/ with nothing but python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if command -v uv >/dev/null 2>&1; then
  UV=uv
else
  if [ ! -x .tools/bin/uv ]; then
    echo "installing uv (the Python package manager kefu uses) into .tools/ ..."
    python3 -m venv .tools
    .tools/bin/pip install --quiet 'uv>=0.9,<1'
  fi
  UV=.tools/bin/uv
fi
export UV_PYTHON_DOWNLOADS=never  # use the machine's Python 3.11+, never fetch one
