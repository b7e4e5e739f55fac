"""Query-count checks for list pages: a page must ask the database the same
number of questions for 1 row as for 50, or it has an N+1 that grows with
the data (see the query budgets in the design's quality notes)."""

from collections import Counter
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def page_queries(client: Client, url: str) -> tuple[list[str], str]:
    """The SQL a GET of url ran, and the page it answered with (a 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in queries.captured_queries], response.content.decode()


def assert_same_queries_for_1_and_50_rows(
    client: Client, url: str, add_row: Callable[[int], str]
) -> tuple[str, str]:
    """Add one row, load url; add 49 more, load it again: the query counts
    must be equal. add_row(i) creates row i and returns a text the page
    shows for it: the first page must show row 0, the second the newest row
    (url orders newest first, as lists may be paginated). The two pages are
    returned for further checks."""
    first = add_row(0)
    client.get(url)  # caches filled once per process (content types, site) are not rows
    one, page_one = page_queries(client, url)
    assert first in page_one
    last = [add_row(i) for i in range(1, 50)][-1]
    fifty, page_fifty = page_queries(client, url)
    assert last in page_fifty
    repeated = Counter(fifty) - Counter(one)
    assert len(fifty) == len(one), (
        f"{url}: {len(one)} queries for 1 row, {len(fifty)} for 50; repeated:\n"
        + "\n".join(sql for sql, _count in repeated.most_common(3))
    )
    return page_one, page_fifty
