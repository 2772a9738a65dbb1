"""Batch audits of scraped feeds (``spinscan audit``): streamed, resumable, summarised."""
