"""The staff's weekly work: the queue, statuses, copies and reports, each with its audit event."""
