"""Qt's own strings that its Chinese translation (qtbase_zh_CN) leaves in English or renders
oddly, translated in ours (our translator is asked first). Only marked here; nothing
imports this module."""
from PySide6.QtCore import QT_TRANSLATE_NOOP

OVERRIDES = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),     # qtbase_zh_CN has only "Look in:"
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),     # qtbase_zh_CN: 体积 (volume); a file has a 大小
)
