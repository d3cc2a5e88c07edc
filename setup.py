"""Package layout: this repository's root is the `newsgraph` package.

Its layers are the top-level folders with an ``__init__.py`` (``model``, ``ingest``,
``graph``, ...): each is ``newsgraph.<folder>``, and everything below it, modules,
subpackages and data folders such as ``ingest/data``, is found by walking it, so a new
module, subpackage or data folder needs no entry here. Tests, benchmarks, evaluation data,
examples and notebooks are not packaged. Metadata and dependencies are in pyproject.toml.
"""

from setuptools import find_namespace_packages, find_packages, setup
from setuptools.command.build_py import build_py

NOT_PACKAGED = ("tests", "bench", "eval", "build", "notebooks", "examples")
LAYERS = [name for name in find_packages(".", exclude=NOT_PACKAGED) if "." not in name]



class BuildPy(build_py):
    """The root package's modules, but this script."""

    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [m for m in modules if (m[0], m[1]) != ("newsgraph", "setup")]


setup(
    cmdclass={"build_py": BuildPy},
    package_dir={"newsgraph": "."},
    packages=["newsgraph", *(
        f"newsgraph.{layer}{'.' + name if name else ''}"
        for layer in LAYERS
        for name in ["", *find_namespace_packages(layer, exclude=("*__pycache__*",))]
    )],
)
