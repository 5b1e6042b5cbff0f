"""lunarbase: plan and simulate an autonomous lunar resource base from real lunar data.

Stages (each a module of pure functions plus one small result object):
terrain -> sites -> resources -> operations -> economics -> report,
driven by a scenario file (:mod:`lunarbase.scenario`) through :func:`lunarbase.pipeline.run`.
"""

from importlib.metadata import PackageNotFoundError, version

from lunarbase.errors import LunarbaseError

try:
    __version__ = version("lunarbase")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0+unknown"

__all__ = ["LunarbaseError", "__version__"]
