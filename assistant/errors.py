"""Exceptions whose message is shown to the user, in Danish, with what to do about it."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: ``str(error)`` is a complete Danish sentence a user can act on."""


class DocumentError(AssistantError):
    """A source file could not be read (corrupt, encrypted, empty, no text layer …)."""

    def __init__(self, source_file: str, message: str):
        self.source_file = source_file
        self.detail = message
        super().__init__(f"»{source_file}«: {message}")


class LexiconMissingError(AssistantError):
    """The Danish word list the OCR repair needs is not installed."""


class IndexMissingError(AssistantError):
    """No usable index exists and it could not be built."""


class IndexCorruptError(AssistantError):
    """An index folder exists but fails its manifest or checksum checks."""


class ModelUnavailableError(AssistantError):
    """The configured embedding model cannot be loaded on this machine."""


class QuestionError(AssistantError):
    """The question cannot be answered as typed (e.g. it is empty)."""


class GoalDataError(AssistantError):
    """Goal data or an imported measurement file is invalid; lists one message per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class UploadError(AssistantError):
    """An uploaded document was rejected; nothing in the corpus or index changed."""
