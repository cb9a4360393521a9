"""Qt's own strings that its Chinese translation renders oddly, translated again in ours
(our translator is asked first). Only marked here; nothing imports this module."""
from PySide6.QtCore import QT_TRANSLATE_NOOP

OVERRIDES = (
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),     # qtbase_zh_CN: 体积 (volume); a file has a 大小
)
