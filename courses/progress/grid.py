"""The progress grid as a pure function over already-fetched rows: one row
per enrolled learner, one cell per lesson, totals per learner and per lesson."""


def _status(row) -> str:
    if row["enrolment"].completed_at:
        return "completed"
    return "in_progress" if row["seconds"] or row["cells_started"] else "not_started"


def progress_grid(*, lessons, enrolments, progress, status: str = "", cells=None) -> dict:
    """`cells`: (user id, lesson id) -> attributes to set on that cell's
    progress row (what other packages show in it, such as H5P results)."""
    cells = cells or {}
    rows = {
        enrolment.user_id: {
            "enrolment": enrolment,
            "cells": dict.fromkeys(lesson.pk for lesson in lessons),
            "done": 0,
            "seconds": 0,
            "cells_started": 0,
        }
        for enrolment in enrolments
    }
    for item in progress:
        row = rows.get(item.user_id)
        if row is None or item.lesson_id not in row["cells"]:
            continue
        row["cells"][item.lesson_id] = item
        for name, value in cells.get((item.user_id, item.lesson_id), {}).items():
            setattr(item, name, value)
        row["done"] += item.is_completed
        row["seconds"] += item.effective_seconds
        row["cells_started"] += 1
    table = [
        {**row, "cells": list(row["cells"].values()), "status": _status(row)}
        for row in rows.values()
    ]
    if status:
        table = [row for row in table if row["status"] == status]
    totals = [
        {
            "done": sum(
                1 for row in table if row["cells"][index] and row["cells"][index].is_completed
            ),
            "seconds": sum(
                row["cells"][index].effective_seconds for row in table if row["cells"][index]
            ),
        }
        for index in range(len(lessons))
    ]
    return {"rows": table, "lesson_totals": totals}
