"""Is this text still in force? Status and relations computed from the documents themselves.

``phrases``   what a text says of itself (施行, 有效期, 废止, 修订, 根据《…》, 转发 …)
``relations`` resolving the texts it names (by 文号 or title) to library documents; 替代
``compute``   the state on a given day, with its evidence and warnings
``index``     the whole library's statuses and relations, cached per library version
Qt-free; the ``Library`` facade hands the results out.
"""
from .records import (AMENDED, EXPIRED, IN_FORCE, NO_LONGER_IN_FORCE, NOT_YET, REPEALED, STATES, UNKNOWN,
                      DocStatus, Evidence, Relation)

__all__ = ["AMENDED", "EXPIRED", "IN_FORCE", "NO_LONGER_IN_FORCE", "NOT_YET", "REPEALED", "STATES", "UNKNOWN",
           "DocStatus", "Evidence", "Relation"]
