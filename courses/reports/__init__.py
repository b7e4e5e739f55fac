"""Coordinator reports for the grant settlement: attendance and progress,
remote-participation activity, indicators, and the evidence pack that holds
them all. Each report is a read (scoped querysets) and pure functions that
turn fetched data into rows, totals and documents."""
