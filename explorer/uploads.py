"""Uploaded files to a folder extract.ingest can read, checked again on the server.

The browser's size and type limits (.streamlit/config.toml, the uploader's `type=`) are a
convenience, not a guarantee: every file is checked here before it is written. A set of
uploads lands in a folder named by its content, so the same upload is the same corpus
(and the same cache entry) however often it is sent.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

from extract.ingest import ARTICLE_SUFFIXES, MAX_FILE_BYTES, METADATA_NAME, InputError

UPLOAD_SUFFIXES = sorted(s.lstrip(".") for s in ARTICLE_SUFFIXES) + ["csv"]
UPLOAD_ROOT = Path(tempfile.gettempdir()) / "claimscope-uploads"
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_name(name: str) -> str:
    """A file name without folders, control characters or anything a shell would read."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("_", base).strip(" .") or "upload"
    return base[:120]


def save_uploads(files: list[tuple[str, bytes]], root: Path = UPLOAD_ROOT) -> tuple[Path | None, list[InputError]]:
    """Write the acceptable files into one folder; return it (None if nothing was kept) and
    one error per refused file. A metadata.csv among them describes the others."""
    errors: list[InputError] = []
    kept: list[tuple[str, bytes]] = []
    used: set[str] = set()
    for name, data in files:
        clean = safe_name(name)
        suffix = Path(clean).suffix.lower()
        if clean.lower() == METADATA_NAME:
            clean = METADATA_NAME
        elif suffix not in ARTICLE_SUFFIXES:
            errors.append(InputError(name, f"unsupported file type '{suffix or 'none'}'; expected one of "
                                           f"{', '.join(sorted(ARTICLE_SUFFIXES))} or {METADATA_NAME}"))
            continue
        if len(data) > MAX_FILE_BYTES:
            errors.append(InputError(name, f"file is {len(data) / 1e6:.0f} MB, over the "
                                           f"{MAX_FILE_BYTES // 2**20} MiB limit for one article"))
            continue
        if not data:
            errors.append(InputError(name, "empty file: no article text"))
            continue
        stem, n = Path(clean).stem, 2
        while clean in used:
            clean = f"{stem}~{n}{suffix}"
            n += 1
        used.add(clean)
        kept.append((clean, data))
    if not kept:
        return None, errors
    digest = hashlib.sha1()
    for name, data in sorted(kept):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha1(data).digest())
    folder = root / digest.hexdigest()[:16]
    if not folder.is_dir():
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        for name, data in kept:
            (partial / name).write_bytes(data)
        try:
            partial.rename(folder)
        except OSError:
            # Another session wrote the same upload first: its folder has the same content.
            pass
    return folder, errors
