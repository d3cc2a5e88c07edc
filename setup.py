"""Package layout: the `newsgraph` package is this repository's top-level layer folders.

Every folder at the top with an ``__init__.py`` (but the tests, benchmarks and evaluation
data) is the subpackage ``newsgraph.<folder>``; everything below it, modules, subpackages
and data folders such as ``ingest/data``, is found by walking it: a new module, subpackage or
data folder needs no entry here. The project's metadata is in pyproject.toml.
"""

from setuptools import find_namespace_packages, find_packages, setup

NOT_PACKAGED = ("tests", "bench", "eval", "newsgraph", "build", "notebooks", "examples")
LAYERS = [name for name in find_packages(".", exclude=NOT_PACKAGED) if "." not in name]
PACKAGES = [
    f"newsgraph.{layer}.{name}" if name else f"newsgraph.{layer}"
    for layer in LAYERS
    for name in ["", *find_namespace_packages(layer, exclude=("*__pycache__*",))]
]

setup(
    packages=["newsgraph", *PACKAGES],
    package_dir={"newsgraph": "newsgraph", **{f"newsgraph.{layer}": layer for layer in LAYERS}},
)
