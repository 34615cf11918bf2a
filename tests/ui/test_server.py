"""Starting safely: loopback unless authenticated; uploads cannot leave their folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.ui.documents_tab import keep_accepted, safe_name, stage_uploads
from assistant.ui.holder import AssistantHolder
from assistant.ui.server import StartupRefused, is_loopback, launch_auth

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                                ("0.0.0.0", False), ("192.168.1.5", False), ("", False)])
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_open_address_without_auth_is_refused() -> None:
    with pytest.raises(StartupRefused, match="ASSISTANT_AUTH"):
        launch_auth(Settings(host="0.0.0.0", auth=None))


def test_open_address_with_auth_passes_it_to_launch() -> None:
    assert launch_auth(Settings(host="0.0.0.0", auth="birou:parola-lunga")) == ("birou", "parola-lunga")
    assert launch_auth(Settings()) is None


@pytest.mark.slow  # a subprocess: in the full suite, not the quick run
def test_app_py_refuses_to_start_open_without_auth(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_HOST": "0.0.0.0", "ASSISTANT_INDEX": str(tmp_path / "index")}
    env.pop("ASSISTANT_AUTH", None)
    done = subprocess.run([sys.executable, str(ROOT / "app.py")], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert "without authentication" in done.stderr
    assert not (tmp_path / "index" / "manifest.json").exists()


@pytest.mark.parametrize(("raw", "safe"), [
    ("../../etc/passwd.txt", "passwd.txt"), ("..\\..\\win.ini.md", "win.ini.md"), (".hidden.pdf", "hidden.pdf"),
    ("ghid apel 2025 (final).docx", "ghid_apel_2025_final_.docx"), ("ghidul-ședinței.pdf", "ghidul-ședinței.pdf"),
    ("/", "document"),
])
def test_upload_names_are_sanitised(raw: str, safe: str) -> None:
    assert safe_name(raw) == safe


def test_uploads_outside_the_allowlist_or_too_large_are_refused(tmp_path: Path) -> None:
    holder = AssistantHolder(Settings(index=tmp_path / "index", max_file_bytes=100))
    ok = tmp_path / "ok.md"
    ok.write_text("# Apel\nText scurt.", encoding="utf-8")
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    big = tmp_path / "mare.txt"
    big.write_text("x" * 500, encoding="utf-8")
    staged, refused = stage_uploads(holder, [str(ok), str(exe), str(big)])
    assert staged == [tmp_path / "index" / "uploads" / "ok.md"]
    assert any("tool.exe" in r and "nu este acceptat" in r for r in refused)
    assert any("mare.txt" in r and "depășește" in r for r in refused)


def test_an_upload_of_another_type_leaves_the_upload_with_a_romanian_reason() -> None:
    """The app checks types itself (gradio's own file_types check refuses in English)."""
    kept, refused = keep_accepted(["/tmp/g/a/schita.PNG", "/tmp/g/b/nota.TXT", "/tmp/g/c/ghid.pdf"])
    assert kept == ["/tmp/g/b/nota.TXT", "/tmp/g/c/ghid.pdf"]
    assert refused == ["schita.PNG: tipul de fișier nu este acceptat (acceptăm PDF, DOCX, TXT, MD)."]
    assert keep_accepted(None) == ([], [])


def test_the_reply_desk_refuses_a_file_that_is_not_a_mail_in_romanian(tmp_path: Path) -> None:
    import gradio as gr

    from assistant.ui.reply_tab import read_upload

    sheet = tmp_path / "buget.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    with pytest.raises(gr.Error, match=r"buget\.xlsx: încărcați un e-mail salvat ca \.eml"):
        read_upload(str(sheet))
    mail = tmp_path / "intrebare.eml"
    mail.write_text("Subject: Termen\n\nPână când se depun cererile?\n", encoding="utf-8")
    assert "Până când" in read_upload(str(mail))
