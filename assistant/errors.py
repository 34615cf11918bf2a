"""The assistant's exception tree; translated to user messages only at the edges (CLI, app).

    AssistantError
    ├── IndexNotBuiltError        the index folder holds no usable index
    ├── IndexInconsistentError    Chroma, BM25 and manifest disagree
    ├── EmbeddingMismatchError    the index was built with another embedding
    │   └── IndexOutOfDateError   ... or documents read with another text normalisation
    ├── BackendUnavailableError   a configured server is unreachable or its package is missing
    ├── BackendMisconfiguredError a backend named wrongly or without the model it needs
    ├── IngestLockedError         another ingest holds the index lock
    ├── UnsafePruneError          --prune over inputs that are missing or hold no document
    ├── InvalidQuestionError      a question that cannot be answered as typed
    └── DocumentError             one input file could not be read
        ├── UnsupportedFileError  type not on the allowlist
        ├── FileTooLargeError     over the configured size limit
        ├── EmptyDocumentError    no text at all
        ├── EncryptedDocumentError
        └── CorruptDocumentError
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""

    #: Romanian message for end users; subclasses override it.
    user_message = "A apărut o eroare neașteptată în asistent."

    def ro(self) -> str:
        """The Romanian message shown to end users, with the detail when there is one."""
        detail = str(self)
        return f"{self.user_message} ({detail})" if detail else self.user_message


class IndexNotBuiltError(AssistantError):
    user_message = "Indexul nu a fost încă construit. Rulați: python -m ingest corpus/ --index index/"


class IndexInconsistentError(AssistantError):
    user_message = "Indexul este incomplet; rulați din nou indexarea documentelor."


class EmbeddingMismatchError(AssistantError):
    user_message = "Indexul a fost construit cu alt model de embedding; reindexați documentele."


class IndexOutOfDateError(EmbeddingMismatchError):
    user_message = ("Indexul a fost construit de o versiune anterioară a asistentului; "
                    "reindexați documentele.")


class BackendUnavailableError(AssistantError):
    user_message = "Serviciul configurat nu este disponibil."


class BackendMisconfiguredError(AssistantError):
    """The settings name no such backend, or leave out what it needs (a model name): a mistake to
    fix in the configuration, not a server to wait for."""

    user_message = "Serviciul de răspuns nu este configurat corect; verificați setările ASSISTANT_*."


class IngestLockedError(AssistantError):
    user_message = "O altă indexare este în curs; încercați din nou peste câteva momente."


class UnsafePruneError(AssistantError):
    user_message = ("Curățarea indexului a fost oprită: un fișier sau folder dat lipsește ori nu conține "
                    "documente, iar documentele deja indexate ar fi fost șterse. Nu s-a modificat nimic.")


class InvalidQuestionError(AssistantError):
    user_message = "Întrebarea nu poate fi procesată."


class DocumentError(AssistantError):
    """`DocumentError(detail, file="gol.txt")`: str() is "gol.txt: detail" (English, for logs and
    the CLI), `detail` the reason alone (a report that names the file already), `ro()` the file
    and the Romanian message, without the English detail."""

    user_message = "Fișierul nu a putut fi citit."

    def __init__(self, detail: str = "", file: str | None = None) -> None:
        super().__init__(f"{file}: {detail}" if file else detail)
        self.detail = detail
        self.file = file

    def __reduce__(self) -> tuple[type, tuple[str, str | None]]:  # crosses process boundaries whole
        return type(self), (self.detail, self.file)

    def ro(self) -> str:
        return f"{self.file}: {self.user_message}" if self.file else self.user_message


class UnsupportedFileError(DocumentError):
    user_message = "Tipul de fișier nu este acceptat (acceptăm PDF, DOCX, TXT, MD, HTML, EML)."


class FileTooLargeError(DocumentError):
    user_message = "Fișierul depășește dimensiunea maximă permisă."


class EmptyDocumentError(DocumentError):
    user_message = "Fișierul nu conține text."


class EncryptedDocumentError(DocumentError):
    user_message = "Fișierul PDF este protejat cu parolă."


class CorruptDocumentError(DocumentError):
    user_message = "Fișierul este deteriorat sau nu are formatul indicat de extensie."
