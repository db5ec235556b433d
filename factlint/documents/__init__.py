"""Documents in: discover input paths, read each format, find publication dates."""

from factlint.documents.load import load_documents
from factlint.documents.model import Anchor, Document

__all__ = ["Anchor", "Document", "load_documents"]
