"""Month and weekday names, dates and a time of day as regex fragments, shared by the date
patterns of the typography rules, the boilerplate cues and the headline inference.

They are written capitalised, as a date writes them; a pattern compiled with
``re.IGNORECASE`` matches them in any case.
"""
from __future__ import annotations

MONTH_NAME = ("(?:January|February|March|April|May|June|July|August|September|October"
              "|November|December)")
"""A month's full name."""

MONTH_ABBREVIATION = "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
"""A month's abbreviation, without its stop ("May" has none: it is a full name)."""

MONTH_STEM = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
"""A month's first three letters, which its name and its abbreviation start with."""

WEEKDAY = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
"""A weekday's full name."""

WEEKDAY_STEM = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
"""A weekday's first three letters, which its name and its abbreviation start with."""

NAMED_DATE_BEFORE_YEAR = (
    rf"(?:{WEEKDAY_STEM}\w*,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_STEM}\w*\.?,?"
    r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?")
"""A date with its month named, up to its year: "March 3, ", "Tuesday, 3 March ", "19 May, ",
"Mar. 3, ", "March " (each pattern using it adds the year it takes)."""

DATE = rf"(?:{NAMED_DATE_BEFORE_YEAR}\d{{4}}|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}})"
"""A calendar date with its year: "March 3, 2011", "3 March 2011", "03/03/2011"."""

CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?"
"""A time of day: "4:15 pm", "16.15"."""
