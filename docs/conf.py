"""Sphinx configuration of the geep documentation (MyST Markdown, furo theme).

Build: ``sphinx-build -W -b html docs docs/_build/html`` (warnings are errors). Pages that
must not drift from the code and the data (catalogue, CLI and API reference) are generated
by ``_ext/geep_docs.py`` at every build, and the examples of every page are run and their
real output shown (see ``_ext/geep_examples.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import geep  # noqa: E402

project = "geep"
author = "geep contributors"
copyright = "geep contributors; text CC-BY-4.0, code Apache-2.0"
version = release = geep.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "geep_docs",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "_ext"]
templates_path: list[str] = []

# --- MyST ---------------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
myst_dmath_double_inline = True

# --- autodoc / napoleon (numpydoc-style docstrings) ---------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_default_options: dict[str, object] = {}
# geep.plot needs the optional matplotlib; mock it only where it is not installed
autodoc_mock_imports = [] if importlib.util.find_spec("matplotlib") else ["matplotlib"]
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_ivar = True
napoleon_use_rtype = False
napoleon_preprocess_types = False

# --- HTML ---------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"geep {release}"
html_static_path = ["_static"]
html_css_files = ["geep.css"]
html_show_sourcelink = False
html_last_updated_fmt = None

nitpicky = False
suppress_warnings: list[str] = []
