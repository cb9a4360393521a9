"""Print and export to PDF in the GB/T 9704 official-document layout (issue 5).

Entry point for the window: ``open_print_dialog(parent, library, current_key, picked_keys,
notes_provider=None)``; for code and tests: ``export_pdf(library, job, path, progress, cancelled)``.
"""


from reader.core.printjob import PrintJob, PrintNote, parse_page_range

from .render import PrintError, RenderResult, export_pdf, render

__all__ = ["PrintJob", "PrintNote", "parse_page_range", "PrintError", "RenderResult", "export_pdf", "render",
           "open_print_dialog", "PrintDialog", "PrintController"]


def __getattr__(name):
    # The dialog pulls in QtWidgets/QtPrintSupport; load it only when the window asks for it.
    if name in ("open_print_dialog", "PrintDialog"):
        from . import dialog
        return getattr(dialog, name)
    if name == "PrintController":
        from .controller import PrintController
        return PrintController
    raise AttributeError(name)
