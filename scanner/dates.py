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

MONTH = rf"(?:{MONTH_NAME}|{MONTH_ABBREVIATION})"
"""A month's name or abbreviation, without a stop."""

MONTH_STEM = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
"""A month's first three letters, which its name and its abbreviation start with."""

WEEKDAY = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
"""A weekday's full name."""

WEEKDAY_STEM = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
"""A weekday's first three letters, which its name and its abbreviation start with."""

DAY = r"\d{1,2}(?:st|nd|rd|th)?"
"""A day of the month in figures: "3", "03", "3rd"."""

NAMED_DATE_BEFORE_YEAR = (
    rf"(?:{WEEKDAY_STEM}\w*,?\s+)?(?:{DAY}\s+)?{MONTH_STEM}\w*\.?,?\s+(?:{DAY},?\s+)?")
"""A date with its month named, up to its year: "March 3, ", "Tuesday, 3 March ", "19 May, ",
"Mar. 3, ", "March " (each pattern using it adds the year it takes)."""

NUMERIC_DATE = r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
"""A date in figures: "03/03/2011", "2011-03-03", "3.3.11"."""

DATE = rf"(?:{NAMED_DATE_BEFORE_YEAR}\d{{4}}|{NUMERIC_DATE})"
"""A calendar date with its year: "March 3, 2011", "3 March 2011", "03/03/2011"."""

DAY_AND_MONTH = rf"(?:{DAY}\s+{MONTH_STEM}\w*\.?|{MONTH_STEM}\w*\.?,?\s+{DAY}\b)"
"""A day and its named month, in either order: "3 March", "Mar. 3rd" (not "March 2011")."""

DAY_DATE = rf"(?:(?:{WEEKDAY_STEM}\w*,?\s+)?{DAY_AND_MONTH},?\s+\d{{4}}|{NUMERIC_DATE})"
"""A :data:`DATE` with its day: "Tuesday, March 3, 2011", "3 March 2011", "03/03/2011" (not a
month and year, "March 2011")."""

CLOCK = r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?"
"""A time of day: "4:15 pm", "16.15"."""
