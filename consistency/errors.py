"""The tool's own exceptions. Findings are values; only misuse and bad input raise."""

from __future__ import annotations


class ConsistencyError(Exception):
    """Base class: every error the CLI turns into exit code 2."""


class InputError(ConsistencyError):
    """A corpus file cannot be read as a document; names the file and the problem."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class ConfigError(ConsistencyError):
    """A setting or configuration file is invalid."""


class MissingExtraError(ConsistencyError):
    """An optional backend was asked for but its pip extra is not installed."""

    def __init__(self, what: str, extra: str):
        super().__init__(f"{what} needs the optional extra: pip install 'consistency[{extra}]'")
