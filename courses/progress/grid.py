"""The progress grid as a pure function over already-fetched rows: one row
per enrolled learner, one cell per lesson, totals per learner and per lesson."""


def _status(row) -> str:
    if row["enrolment"].completed_at:
        return "completed"
    return "in_progress" if row["seconds"] or row["cells_started"] else "not_started"


def progress_grid(*, lessons, enrolments, progress, status: str = "", h5p_results=()) -> dict:
    """`h5p_results`: rows with user_id, lesson_id, attempts and best (the
    best H5P score in %), shown in the lesson's cell."""
    h5p = {(row["user_id"], row["lesson_id"]): row for row in h5p_results}
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
        result = h5p.get((item.user_id, item.lesson_id))
        item.h5p_attempts = result["attempts"] if result else 0
        item.h5p_best = result["best"] if result else None
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
