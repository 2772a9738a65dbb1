"""Line-level boilerplate detection for plain text: cue patterns, line features, a line model.

Plain text has lost its HTML structure, so a line is judged from what it says (cue patterns
for cookie banners, comment forms, share prompts...), its shape (length, title case, terminal
punctuation) and its neighbourhood (runs of short lines at the head or tail of a page).
:func:`scanner.boilerplate.analysis.analyse` combines them once per document.
"""
