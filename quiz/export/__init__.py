"""Exports of a self-check bank for learning management systems: QTI 2.1, Moodle XML, GIFT.

For the command line (`python -m quiz export`, quiz.cli_export) and the site build's
downloads (walk-away/exports): never imported by quiz.bridge, so browsers never load it.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from ..model import Bank
from . import gift, moodle, qti
from .common import EXPORTABLE, ExportError, check_exportable, site_url, version

FORMATS: dict[str, ModuleType] = {m.FORMAT: m for m in (qti, moodle, gift)}


@dataclass(frozen=True)
class Export:
    format: str
    filename: str
    media_type: str
    content: bytes


def export(bank: Bank, format: str, site: str | None = None) -> Export:
    """`bank` in `format` (a key of FORMATS), its links to the guide at `site` (SITE_URL)."""
    check_exportable(bank)
    module = FORMATS[format]
    content: bytes = module.export(bank, site_url(site))
    return Export(format, module.filename(bank), module.MEDIA_TYPE, content)


__all__ = ["EXPORTABLE", "FORMATS", "Export", "ExportError", "check_exportable", "export",
           "site_url", "version"]
