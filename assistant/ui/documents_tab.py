"""Tab „Documente”: what is indexed, uploads ingested with progress, documents removed."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.build import index_status, ingest_files, remove_files
from assistant.errors import IngestLockedError
from assistant.manifest import write_atomic
from assistant.ui.guard import romanian_errors
from assistant.ui.holder import AssistantHolder
from assistant.ui.render import esc

if TYPE_CHECKING:
    from assistant.build import IngestReport

logger = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
COLUMNS = ["Document", "Titlu", "Tip", "Pagini", "Fragmente", "Indexat la"]
LOCK_WAIT_S = 30.0


def safe_name(name: str) -> str:
    """A file name that cannot leave the uploads folder: no folders, no dots in front, plain characters."""
    base = Path(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFC", base)
    base = re.sub(r"[^\w.\-]+", "_", base).lstrip("._")[-120:]
    return base or "document"


def status_rows(holder: AssistantHolder) -> list[list[Any]]:
    status = index_status(holder.read_store())
    return [[d["document"], d["title"], d["kind"], d["pages"], d["chunks"], d["ingested_at"]]
            for d in status["documents"]]


def accepted_type(name: str) -> bool:
    return Path(name).suffix.lower() in UPLOAD_SUFFIXES


def type_refusal(name: str) -> str:
    """The Romanian refusal of a file of another type (the app checks types itself: gradio's own
    `file_types` check refuses in an English toast that no translation key reaches)."""
    return f"{name}: tipul de fișier nu este acceptat (acceptăm PDF, DOCX, TXT, MD)."


def keep_accepted(paths: list[str] | None) -> tuple[list[str], list[str]]:
    """(uploaded paths of an accepted type, Romanian refusals of the others, named as uploaded)."""
    kept = [p for p in paths or [] if accepted_type(Path(p).name)]
    return kept, [type_refusal(Path(p).name) for p in paths or [] if p not in kept]


def stage_uploads(holder: AssistantHolder, paths: list[str]) -> tuple[list[Path], list[str]]:
    """Copy accepted uploads into INDEX/uploads/; (copied files, Romanian refusals)."""
    folder = holder.index / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[Path] = []
    refused: list[str] = []
    limit = holder.settings.max_file_bytes
    owners = _owners(folder)
    for raw in paths:
        src = Path(raw)
        name = safe_name(src.name)
        if not accepted_type(name):
            refused.append(type_refusal(name))
        elif src.stat().st_size > limit:
            refused.append(f"{name}: fișierul depășește dimensiunea maximă permisă ({limit // 1_000_000} MB).")
        else:
            target = _distinct(folder / name, src.name, staged, owners)
            if target.exists():  # a new version of an upload: the indexed one is kept until it is read
                (folder / PREVIOUS).mkdir(exist_ok=True)
                os.replace(target, folder / PREVIOUS / target.name)
            shutil.copyfile(src, target)
            staged.append(target)
            owners[target.name] = unicodedata.normalize("NFC", src.name)
    if staged:
        write_atomic(folder / OWNERS_NAME, json.dumps(owners, ensure_ascii=False, indent=1))
    return staged, refused


OWNERS_NAME = ".names.json"  # stored upload -> the name it was uploaded as
PREVIOUS = ".previous"  # the indexed version of an upload while its new version is read (hidden: not ingested)


def _settle(folder: Path, failed: list[str]) -> None:
    """After an ingest: an upload that could not be read gives way to its earlier version, the
    one the index still holds (or goes, when it had none); the other earlier versions go."""
    for name in failed:
        earlier = folder / PREVIOUS / name
        if earlier.exists():
            os.replace(earlier, folder / name)
        else:
            (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / PREVIOUS, ignore_errors=True)


def _owners(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / OWNERS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _distinct(target: Path, original: str, staged: list[Path], owners: dict[str, str]) -> Path:
    """Uploads whose safe names collide ("Anexa 1.txt", "Anexa_1.txt"), in one batch or in two,
    are two documents: the later one gets a numbered name instead of overwriting the first. A file
    uploaded again under its own name replaces its earlier version."""
    original = unicodedata.normalize("NFC", original)
    n = 2
    candidate = target
    while candidate in staged or _taken(candidate, original, owners):
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
        n += 1
    return candidate


def _taken(candidate: Path, original: str, owners: dict[str, str]) -> bool:
    """The stored file is another upload's (one stored before the names were kept is its own
    name's: the same name uploaded again replaces it)."""
    if not candidate.exists():
        return False
    return owners.get(candidate.name, candidate.name) != original


def ingest_uploads(holder: AssistantHolder, paths: list[str], progress: Any = None) -> str:
    """Ingest uploaded files under the index lock; a Romanian report (Markdown-free HTML)."""
    staged, refused = stage_uploads(holder, paths)
    report = None
    if staged:
        done = [0]

        def on_file(path: Path) -> None:
            if progress is not None:
                progress(done[0] / len(staged), desc=f"Se indexează {path.name}")
            done[0] += 1
        try:
            report = ingest_files(holder.settings, staged, store=holder.open_store(), on_file=on_file,
                                  wait_s=LOCK_WAIT_S)
        except IngestLockedError:  # nothing was read: every upload as it was
            _settle(holder.index / "uploads", [p.name for p in staged])
            raise
        _settle(holder.index / "uploads", [f.file for f in report.failed])
        holder.reload()
    return report_html(report, refused)


def report_html(report: IngestReport | None, refused: list[str]) -> str:
    """The report of one upload as HTML; `report` is None when no file was staged."""
    lines: list[str] = []
    errors = [esc(r) for r in refused]
    if report is not None:
        lines = [f"Adăugat: {esc(n)}" for n in report.added] + [f"Actualizat: {esc(n)}" for n in report.updated]
        lines += [f"Neschimbat (deja indexat): {esc(n)}" for n in report.unchanged]
        lines += [f"Text ascuns ignorat (nu apare la tipărire): {k} fragmente în {esc(n)}"
                  for n, k in report.hidden.items()]
        errors = [esc(f.message_ro) for f in report.failed] + errors
    ok = "".join(f"<li>{x}</li>" for x in lines)
    bad = "".join(f'<li class="st-not_met">Eșuat — {x}</li>' for x in errors)
    return f'<ul id="ingest-report">{ok}{bad}</ul>' if ok or bad else "<p>Niciun fișier încărcat.</p>"


def remove_docs(holder: AssistantHolder, names: list[str]) -> str:
    removed = remove_files(holder.settings, names, store=holder.open_store(), wait_s=LOCK_WAIT_S)
    owners = _owners(holder.index / "uploads")
    for name in removed:
        (holder.index / "uploads" / safe_name(name)).unlink(missing_ok=True)
        owners.pop(safe_name(name), None)
    if removed and (holder.index / "uploads").is_dir():
        write_atomic(holder.index / "uploads" / OWNERS_NAME, json.dumps(owners, ensure_ascii=False, indent=1))
    if removed:
        holder.reload()
    return f"<p>Eliminat: {esc(', '.join(removed))}</p>" if removed else "<p>Niciun document eliminat.</p>"


def build_documents_tab(holder: AssistantHolder, tab: gr.Tab) -> None:
    gr.Markdown("Documentele din care răspunde asistentul. Încărcați PDF, DOCX, TXT sau MD "
                f"(cel mult {holder.settings.max_file_bytes // 1_000_000} MB pe fișier).")
    # Widths that add up to the table's width, so every column shows at 1280 px (long titles wrap).
    table = gr.Dataframe(headers=COLUMNS, interactive=False, wrap=True, elem_id="doc-table",
                         column_widths=["24%", "34%", "8%", "8%", "10%", "16%"])
    with gr.Row():
        files = gr.File(label="Încărcați documente (PDF, DOCX, TXT, MD)", file_count="multiple", type="filepath",
                        elem_id="doc-upload")  # no file_types: the types are checked in on_upload
        with gr.Column():
            ingest_btn = gr.Button("Indexează fișierele încărcate", variant="primary", elem_id="doc-ingest")
            to_remove = gr.Dropdown([], multiselect=True, label="Documente de eliminat", elem_id="doc-remove-pick")
            remove_btn = gr.Button("Elimină din index", variant="stop", elem_id="doc-remove")
    result = gr.HTML(elem_id="doc-result")

    @romanian_errors
    def refresh() -> tuple[Any, Any]:
        import pandas as pd

        rows = status_rows(holder)
        return pd.DataFrame(rows, columns=COLUMNS), gr.Dropdown(choices=[r[0] for r in rows], value=[])

    @romanian_errors
    def on_ingest(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, Any, Any, str]:
        if not paths:
            raise gr.Error("Alegeți mai întâi unul sau mai multe fișiere.")
        html = ingest_uploads(holder, paths, progress)
        return (*refresh(), None, html)

    def on_upload(paths: list[str] | None) -> tuple[Any, str]:
        """Files of another type leave the upload at once, named in the report in Romanian (not in a
        toast: gradio 6 heads every toast with its English type, "Warning", whatever the title)."""
        kept, refused = keep_accepted(paths)
        if not refused:
            return gr.skip(), gr.skip()
        return kept or None, report_html(None, refused)

    @romanian_errors
    def on_remove(names: list[str] | None) -> tuple[Any, Any, str]:
        if not names:
            raise gr.Error("Alegeți documentele de eliminat.")
        html = remove_docs(holder, names)
        return (*refresh(), html)

    tab.select(refresh, None, [table, to_remove], api_visibility="private")
    files.upload(on_upload, [files], [files, result], api_visibility="private")
    ingest_btn.click(on_ingest, [files], [table, to_remove, files, result], api_visibility="private")
    remove_btn.click(on_remove, [to_remove], [table, to_remove, result], api_visibility="private")
