"""The date fragments of scanner.dates, compiled as their users compile them."""
from __future__ import annotations

import re

import pytest

from scanner.dates import DATE, DAY_AND_MONTH, DAY_DATE, MONTH


def _whole(fragment: str, text: str) -> bool:
    return re.fullmatch(fragment, text, re.IGNORECASE) is not None


@pytest.mark.parametrize("date", ["March 3, 2011", "3 March 2011", "Tuesday, 3 March 2011",
                                  "Mar. 3rd, 2011", "19 May, 2013", "03/03/2011", "2011-03-03"])
def test_a_date_with_its_day_is_a_day_date(date):
    assert _whole(DAY_DATE, date) and _whole(DATE, date)


@pytest.mark.parametrize("month_and_year", ["March 2011", "Tuesday, March 2011", "Sept. 2011"])
def test_a_month_and_year_is_a_date_but_no_day_date(month_and_year):
    assert _whole(DATE, month_and_year) and not _whole(DAY_DATE, month_and_year)


@pytest.mark.parametrize(("text", "day_and_month"), [
    ("3 March", True), ("Mar. 3rd", True), ("March 3", True), ("March 2011", False),
    ("3 weeks", False),
])
def test_a_day_and_month_needs_both(text, day_and_month):
    assert _whole(DAY_AND_MONTH, text) is day_and_month


@pytest.mark.parametrize(("text", "month"), [("May", True), ("Sept", True), ("Dec", True),
                                             ("March", True), ("Mayor", False), ("Mai", False)])
def test_a_month_is_a_name_or_an_abbreviation(text, month):
    assert _whole(MONTH, text) is month
