"""Dates stage: detection over a parse, normalisation against the publication date, TempEval scorer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.dates import find_dates, load_words, resolve
from newsevents.model import Parse

PUBLISHED = "2021-08-17"  # a Tuesday, ISO week 33


def values(parse, text, published=PUBLISHED):
    return {d.text: (d.value, d.precision) for d in find_dates(parse(text), published)}


# --- resolve(): pure text normalisation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("on Monday", "past", ("2021-08-16", "day")),
        ("Tuesday", "past", ("2021-08-17", "day")),
        ("Tuesday", "future", ("2021-08-17", "day")),
        ("Friday", "past", ("2021-08-13", "day")),
        ("Friday", "future", ("2021-08-20", "day")),
        ("Friday", None, ("2021-08-13", "day")),
        ("last Tuesday", None, ("2021-08-10", "day")),
        ("next Monday", None, ("2021-08-23", "day")),
    ],
)
def test_weekdays(text, tense, expected):
    assert resolve(text, PUBLISHED, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", ("2021-W32", "week")),
        ("this week", ("2021-W33", "week")),
        ("next week", ("2021-W34", "week")),
        ("last month", ("2021-07", "month")),
        ("earlier this month", ("2021-08", "month")),
        ("last year", ("2020", "year")),
        ("later this year", ("2021", "year")),
        ("yesterday", ("2021-08-16", "day")),
        ("tomorrow", ("2021-08-18", "day")),
        ("last night", ("2021-08-16TNI", "time")),
        ("three days ago", ("2021-08-14", "day")),
        ("two weeks ago", ("2021-W31", "week")),
        ("six years ago", ("2015", "year")),
        ("last weekend", ("2021-W32-WE", "week")),
        ("last summer", ("2020-SU", "season")),
        ("the 1990s", ("199", "decade")),
        ("the 20th century", ("19", "century")),
        ("the third quarter of 2020", ("2020-Q3", "quarter")),
        ("last quarter", ("2021-Q2", "quarter")),
        ("now", ("PRESENT_REF", "ref")),
        ("every Monday", ("XXXX-WXX-1", "set")),
    ],
)
def test_relative_expressions(text, expected):
    assert resolve(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("March", "past", ("2021-03", "month")),
        ("October", "past", ("2020-10", "month")),
        ("October", "future", ("2021-10", "month")),
        ("March", "future", ("2022-03", "month")),
        ("August", "future", ("2021-08", "month")),
        ("Sept. 3", "future", ("2021-09-03", "day")),
        ("Sept. 3", "past", ("2020-09-03", "day")),
        ("last March", None, ("2021-03", "month")),
        ("next March", None, ("2022-03", "month")),
    ],
)
def test_month_without_year(text, tense, expected):
    assert resolve(text, PUBLISHED, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early December 2019", ("2019-12", "month")),
        ("late 2019", ("2019", "year")),
        ("mid-July 2020", ("2020-07", "month")),
        ("the end of the year", ("2021", "year")),
        ("the early 2000s", ("200", "decade")),
        ("late last November", ("2020-11", "month")),
    ],
)
def test_early_late_keep_the_value(text, expected):
    assert resolve(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 22, 2013", ("2013-03-22", "day")),
        ("22 March 2013", ("2013-03-22", "day")),
        ("the 5th of May 2020", ("2020-05-05", "day")),
        ("2013-03-22", ("2013-03-22", "day")),
        ("03/22/2013", ("2013-03-22", "day")),
        ("22/03/2013", ("2013-03-22", "day")),
        ("May 2010", ("2010-05", "month")),
        ("2010", ("2010", "year")),
        ("8 p.m. Sunday", ("2021-08-15T20:00", "time")),
        ("10.30am", ("2021-08-17T10:30", "time")),
        ("15:00 GMT", ("2021-08-17T15:00", "time")),
        ("Christmas 2019", ("2019-12-25", "day")),
    ],
)
def test_explicit_dates(text, expected):
    assert resolve(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("five years", ("P5Y", "duration")),
        ("90 days", ("P90D", "duration")),
        ("a decade", ("P10Y", "duration")),
        ("several weeks", ("PXW", "duration")),
        ("24 hours", ("PT24H", "duration")),
        ("over the past 20 years", ("P20Y", "range")),
        ("the last three months", ("P3M", "range")),
        ("recent weeks", ("PXW", "range")),
        ("2009-10", ("2009/2010", "range")),
    ],
)
def test_durations_and_ranges(text, expected):
    assert resolve(text, PUBLISHED) == expected


@pytest.mark.parametrize("published", [None, "", "yesterday", "2021-13-45", "17/08/2021"])
def test_unusable_publication_date(published):
    assert resolve("last week", published) == (None, "week")
    assert resolve("March 22, 2013", published) == ("2013-03-22", "day")
    assert resolve("five years", published) == ("P5Y", "duration")


def test_publication_date_with_time_is_accepted():
    assert resolve("yesterday", "2021-08-17T09:30:00Z") == ("2021-08-16", "day")


def test_not_a_date():
    assert resolve("the 99th day", PUBLISHED) == (None, None)
    assert resolve("banana", PUBLISHED) == (None, None)


def test_vocabulary_is_data():
    words = load_words()
    assert words["month"][("september",)] == "9"
    assert words["weekday"][("sunday",)] == "7"


# --- find_dates(): over a real parse -----------------------------------------------------------------


def test_tense_picks_the_weekday(parse):
    assert values(parse, "The ministers met on Friday.")["Friday"] == ("2021-08-13", "day")
    assert values(parse, "The ministers will meet on Friday.")["Friday"] == ("2021-08-20", "day")
    assert values(parse, "Officials said on Monday that talks had failed.")["Monday"] == ("2021-08-16", "day")
    assert values(parse, "The president spoke Tuesday.")["Tuesday"] == ("2021-08-17", "day")
    assert values(parse, "The summit opens Friday.")["Friday"] == ("2021-08-20", "day")
    assert values(parse, "Police say the attack happened Monday.")["Monday"] == ("2021-08-16", "day")
    assert values(parse, "The match has been postponed until Saturday.")["Saturday"] == ("2021-08-21", "day")


def test_tense_picks_the_year_of_a_month(parse):
    assert values(parse, "Prices rose sharply in October.")["October"] == ("2020-10", "month")
    assert values(parse, "The plant will reopen in October.")["October"] == ("2021-10", "month")
    assert values(parse, "The talks are expected to resume in January.")["January"] == ("2022-01", "month")
    assert values(parse, "Since November, prices have risen sharply.")["November"] == ("2020-11", "month")


def test_spans_are_exact_and_in_text_order(parse):
    text = ("Rebels attacked the town last week, three days after talks collapsed on Aug. 2, and the "
            "army said on Monday it would respond over the next two weeks.")
    found = find_dates(parse(text), PUBLISHED)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert text[d.start:d.end] == d.text
    got = {d.text: d.value for d in found}
    assert got["last week"] == "2021-W32"
    assert got["Aug. 2"] == "2021-08-02"
    assert got["Monday"] == "2021-08-16"
    assert got["the next two weeks"] == "P2W"


def test_year_pair_gives_two_years(parse):
    found = find_dates(parse("The pandemic of 2009-10 killed thousands."), PUBLISHED)
    assert [(d.text, d.value) for d in found] == [("2009", "2009"), ("10", "2010")]


def test_ages_and_amounts_are_not_dates(parse):
    found = values(parse, "A 22-year-old man and children ages 6 months and older paid $2010 for 2010 tickets.")
    assert not any("old" in k or "6 months" in k or "2010" in k for k in found), found


def test_calendar_words_in_names_and_verbs(parse):
    found = values(parse, "April Ryan said the deal may collapse if protesters march on the ministry.")
    assert found == {}


def test_the_next_day_counts_from_the_last_date(parse):
    found = values(parse, "The fighting began on March 3, 2020. The next day, rebels took the airport.")
    assert found["The next day"] == ("2020-03-04", "day")


def test_no_publication_date(parse):
    found = values(parse, "Critics said the law, passed in May 2010, was amended last year.", None)
    assert found["May 2010"] == ("2010-05", "month")
    assert found["last year"] == (None, "year")


def test_dateline_anchors_an_undated_article(parse):
    text = "NAIROBI, March 3, 2025 (Wire) - Kenya and Ethiopia agreed on Monday to reopen the border."
    found = values(parse, text, None)
    assert found["March 3, 2025"] == ("2025-03-03", "day")
    assert found["Monday"] == ("2025-03-03", "day")


def test_handmade_parse_without_tokens():
    text = "Talks resumed on 5 March 2021."
    found = find_dates(Parse(text=text, tokens=(), sentences=()), PUBLISHED)
    assert [(d.text, d.value) for d in found] == [("5 March 2021", "2021-03-05")]


def test_empty_text():
    assert find_dates(Parse(text="", tokens=(), sentences=()), PUBLISHED) == ()


# --- the TempEval-3 scorer ----------------------------------------------------------------------------


def test_tempeval_reader_aligns_offsets(shared):
    from newsevents.evaluate.dates import files_for, read_tml

    paths = files_for(shared, "all")
    assert len(files_for(shared, "dev")) + len(files_for(shared, "test")) == len(paths)
    text, published, gold = read_tml(paths[0])
    assert published and len(published) == 10
    assert gold and all(0 <= s < e <= len(text) for s, e, _, _ in gold)
    assert "<" not in text


def test_tempeval_scorer_reports_the_metrics(shared):
    from newsevents.evaluate.dates import score_tempeval3

    errors: list[dict] = []
    n, metrics = score_tempeval3(shared, "dev", 2, errors)
    assert n == 2
    for key in ("detection_f1", "value_accuracy", "value_f1"):
        assert 0.0 <= metrics[key] <= 1.0
    assert metrics["detection_f1"] > 0.5


# --- robustness ------------------------------------------------------------------------------------

DATEISH = ["the", "last", "next", "this", "early", "late", "mid", "-", "of", "on", ",", ".", "a", "two", "31",
           "29", "0", "2020", "1999", "9999", "13/45/2020", "2021-02-30", "31/02/2020", "25:00", "15:00", "GMT",
           "p.m.", "February", "Feb", "May", "Friday", "Fridays", "week", "weeks", "year", "month", "quarter",
           "half", "first", "second", "century", "21st", "1990s", "'90s", "ago", "from", "now", "summer", "Easter",
           "Christmas", "day", "before", "after", "that", "same", "every", "each", "twice", "Q", "4", "Q5",
           "half", "and", "an", "quarter", "1/2", "1.5", "2,000", "\u2013", "fortnight", "weeklong", "monthslong",
           "all", "night", "morning", "to", "through", "until", "later", "ahead", "hours", "plus", "odd", "Monday",
           "June", "2011-12", "winter", "mid", "midyear", "prior", "another"]


@given(st.lists(st.sampled_from(DATEISH), max_size=12), st.sampled_from([PUBLISHED, None, "2020-02-29", "bad"]))
@settings(max_examples=300, deadline=None)
def test_any_word_salad_gives_valid_spans(words, published):
    text = " ".join(words)
    found = find_dates(Parse(text=text, tokens=(), sentences=()), published)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert text[d.start:d.end] == d.text
    value, precision = resolve(text, published)
    assert value is None or isinstance(value, str)
    assert precision is None or isinstance(precision, str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April last year", ("2020-04", "month")),
        ("October last year", ("2020-10", "month")),
        ("June this year", ("2021-06", "month")),
        ("January next year", ("2022-01", "month")),
        ("March 5 next year", ("2022-03-05", "day")),
        ("summer last year", ("2020-SU", "season")),
        ("Tuesday last week", ("2021-08-10", "day")),
        ("Monday next week", ("2021-08-23", "day")),
        ("the rest of the week", ("2021-W33", "week")),
        ("the remainder of the year", ("2021", "year")),
        ("Palm Sunday 2021", ("2021-03-28", "day")),
    ],
)
def test_month_season_and_weekday_with_a_relative_year_or_week(text, expected):
    assert resolve(text, PUBLISHED) == expected


def test_this_season_is_this_years_whether_past_or_to_come():
    assert resolve("this spring", PUBLISHED, "past") == ("2021-SP", "season")
    assert resolve("this fall", "2013-03-22", "future") == ("2013-FA", "season")


def test_year_after_between_is_a_year_even_when_hung_on_a_noun(parse):
    found = values(parse, "Between 2001 and 2005 prices rose.")
    assert found["2001"] == ("2001", "year") and found["2005"] == ("2005", "year")


def test_hyphenated_long_is_a_duration(parse):
    found = values(parse, "The month-long strike ended a decades-long calm.")
    assert found == {"month-long": ("P1M", "duration"), "decades-long": ("PXDE", "duration")}


def test_vague_ago_is_a_past_reference(parse):
    found = values(parse, "Decades ago the river was clean, but a few years ago it was not.")
    assert found == {"Decades ago": ("PAST_REF", "ref"), "a few years ago": ("PAST_REF", "ref")}


def test_holiday_named_by_the_parser_still_counts_but_not_inside_a_longer_name(parse):
    assert values(parse, "The pope will visit on Easter.", "2013-03-22") == {"Easter": ("2013-03-31", "day")}
    assert values(parse, "Christmas Island is remote.") == {}


def test_a_year_earlier_in_a_comparison_is_last_year(parse):
    assert values(parse, "Profits fell from a year earlier.") == {"a year earlier": ("2020", "year")}
    found = values(parse, "The firm, founded in 1998, said profits rose from a year earlier.")
    assert found["a year earlier"] == ("2020", "year")  # compared with the year before publication


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The army took the town on Aug. 3. A day later, rebels shelled it.", "A day later", ("2021-08-04", "day")),
        ("The army took the town on Aug. 3. Two days later the rebels fled.", "Two days later",
         ("2021-08-05", "day")),
        ("The army took the town on Aug. 3, a week after it was surrounded. A week later, it left.",
         "A week later", ("2021-W32", "week")),
        ("Rebels seized the port in March 2019. A year later, they lost it.", "A year later", ("2020", "year")),
        ("The ceasefire began on Aug. 3 after months of fighting. A month earlier, talks had failed.",
         "A month earlier", ("2021-07", "month")),
        ("Two years earlier he had quit.", "Two years earlier", ("2019", "year")),
        ("Officials said the attack on Monday came three days before.", "three days before",
         ("2021-08-13", "day")),
        ("Envoys met on Aug. 3; the talks had been set up a fortnight prior.", "a fortnight prior",
         ("2021-W29", "week")),
    ],
)
def test_a_count_of_units_earlier_or_later_is_a_date_from_the_last_date(parse, text, expression, expected):
    assert values(parse, text)[expression] == expected


def test_a_count_earlier_without_a_named_date_counts_from_publication(parse):
    text = "France expelled 12 diplomats in response to Algeria's expulsion of 12 officials a day earlier."
    assert values(parse, text) == {"a day earlier": ("2021-08-16", "day")}


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The ship was held for a day.", "a day", ("P1D", "duration")),
        ("The season started a month earlier than usual.", "a month", ("P1M", "duration")),
        ("Two years after his arrest, he was freed.", "Two years", ("P2Y", "duration")),
        ("He was freed on Aug. 3, a day after the court ruled.", "a day", ("P1D", "duration")),
        ("The vote was moved a week earlier.", "a week", ("P1W", "duration")),
        ("The summit was brought forward a day earlier.", "a day", ("P1D", "duration")),
        ("The government moved the holiday a week earlier.", "a week", ("P1W", "duration")),
        ("A few days later, the army returned.", "A few days", ("PXD", "duration")),
    ],
)
def test_counts_that_are_lengths_stay_durations(parse, text, expression, expected):
    assert values(parse, text)[expression] == expected


def test_a_count_later_that_would_fall_after_publication_stays_a_length(parse):
    assert values(parse, "The murder still haunts the family 15 years later.") == {
        "15 years later": ("P15Y", "duration")}
    assert values(parse, "The crew will return to Earth 13 days later.") == {
        "13 days later": ("2021-08-30", "day")}


def test_a_count_earlier_followed_by_the_date_itself_stays_a_length(parse):
    found = values(parse, "The ban took hold three years earlier, in the spring of 2015.")
    assert found["three years earlier"] == ("P3Y", "duration") and found["the spring of 2015"][0] == "2015-SP"


def test_a_move_into_a_place_a_day_earlier_is_a_date(parse):
    found = values(parse, "Police arrested the men on Aug. 3. Troops had moved into the town a day earlier.")
    assert found["a day earlier"] == ("2021-08-02", "day")


def test_the_day_before_yesterday_and_after_tomorrow(parse):
    assert values(parse, "The talks ended the day before yesterday.") == {
        "the day before yesterday": ("2021-08-15", "day")}
    assert values(parse, "They resume the day after tomorrow.") == {"the day after tomorrow": ("2021-08-19", "day")}
    assert values(parse, "Sales rose on Aug. 3. The day prior, they fell.")["The day prior"] == ("2021-08-02", "day")


def test_a_year_owned_by_a_possessive_is_a_year_even_before_a_plural_noun(parse):
    assert values(parse, "The company's 2012 results disappointed.") == {"2012": ("2012", "year")}


def test_wire_service_clock_times_before_a_time_zone(parse):
    found = values(parse, "The ceasefire took effect at 0600 GMT.", "2013-03-22")
    assert found == {"0600 GMT": ("2013-03-22T06:00", "time")}
    assert values(parse, "In 1998 prices fell.") == {"1998": ("1998", "year")}


def test_overnight_is_the_night_before_publication_unless_it_describes_a_noun(parse):
    assert values(parse, "Prices fell overnight.") == {"overnight": ("2021-08-16TNI", "time")}
    assert values(parse, "Shares rose in overnight trading.") == {}


def test_year_end_told_in_the_past_before_december_is_last_year(parse):
    assert values(parse, "Sales rose sharply by year-end.") == {"year-end": ("2020", "year")}
    assert values(parse, "Sales will rise by the end of the year.") == {"the end of the year": ("2021", "year")}
    assert values(parse, "Sales rose sharply by year-end.", "2021-12-20") == {"year-end": ("2021", "year")}


def test_part_of_a_named_day_keeps_both(parse):
    found = values(parse, "He was arrested on the morning of August 5 and freed on the evening of Friday.")
    assert found == {"the morning of August 5": ("2021-08-05TMO", "time"),
                     "the evening of Friday": ("2021-08-13TEV", "time")}
    assert values(parse, "He spoke of the night of the long knives.") == {}


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Talks resumed in mid-April.", "mid-April", ("2021-04", "month")),
        ("Profit rose in the first half of 2012.", "the first half of 2012", ("2012-H1", "quarter")),
        ("He said earlier today that it failed.", "earlier today", ("2021-08-17", "day")),
        ("Talks collapsed this past weekend.", "this past weekend", ("2021-W32-WE", "week")),
        ("He left a decade ago.", "a decade ago", ("2011", "year")),
        ("He arrived in the early hours of Sunday.", "the early hours of Sunday", ("2021-08-15", "day")),
        ("Prices rose in recent years.", "recent years", ("PXY", "range")),
        ("Talks will continue in the coming weeks.", "the coming weeks", ("PXW", "range")),
    ],
)
def test_news_time_phrases(parse, text, span, expected):
    assert values(parse, text)[span] == expected


def test_overnight_and_year_end_follow_tense_and_need_an_anchor():
    assert resolve("overnight", "2013-03-22", "future") == ("2013-03-22TNI", "time")
    assert resolve("the end of the year", "2013-03-22", "past") == ("2012", "year")
    assert resolve("year-end", None) == (None, "year")
    assert resolve("the afternoon of March 5, 2013", None) == ("2013-03-05TAF", "time")


# --- issue #7: wider TimeML coverage ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("half a century", ("P50Y", "duration")),
        ("a year and a half", ("P18M", "duration")),
        ("two and a half years", ("P30M", "duration")),
        ("three-and-a-half years", ("P42M", "duration")),
        ("2 1/2 hours", ("PT150M", "duration")),
        ("half an hour", ("PT30M", "duration")),
        ("an hour and a half", ("PT90M", "duration")),
        ("a quarter-century", ("P25Y", "duration")),
        ("a quarter of a century", ("P25Y", "duration")),
        ("1.5 years", ("P1.5Y", "duration")),
        ("a year and a half ago", ("2020-02", "month")),
    ],
)
def test_fractions_of_a_unit(text, expected):
    assert resolve(text, PUBLISHED) == expected


def test_numbers_with_thousands_separators(parse):
    assert resolve("5,000 years", PUBLISHED) == ("P5000Y", "duration")
    assert resolve("2,000 years ago", PUBLISHED) == ("PAST_REF", "ref")  # before any four-digit year
    assert values(parse, "The flood killed 2,000 people in 1999.") == {"1999": ("1999", "year")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hundreds of years", ("PXY", "duration")),
        ("thousands of years ago", ("PAST_REF", "ref")),
        ("a fortnight", ("P2W", "duration")),
        ("the past fortnight", ("P2W", "range")),
        ("20-odd years", ("P20Y", "duration")),
        ("another year", ("P1Y", "duration")),
        ("the prior year", ("2020", "year")),
        ("this financial year", ("2021", "year")),
        ("long ago", ("PAST_REF", "ref")),
        ("mid-year", ("2021", "year")),
        ("midweek", ("2021-W33", "week")),
        ("the winter of 2011-12", ("2011-WI", "season")),
        ("Mothering Sunday 2013", ("2013-03-10", "day")),
    ],
)
def test_more_news_phrases(text, expected):
    assert resolve(text, PUBLISHED) == expected


def test_vague_plural_units_before_later_or_after(parse):
    assert values(parse, "Hours later, police arrived.") == {"Hours": ("PTXH", "duration")}
    assert values(parse, "It struck days before the vote.") == {"days": ("PXD", "duration")}
    found = values(parse, "They waited well into the summer months before leaving.")
    assert "months" not in found


def test_the_weeks_ahead_and_over_the_years(parse):
    assert values(parse, "The court will rule in the weeks ahead.") == {"the weeks ahead": ("PXW", "range")}
    assert values(parse, "Over the years, the town grew.") == {"the years": ("PXY", "duration")}


def test_one_word_and_counted_long_durations(parse):
    assert values(parse, "A weeklong festival followed a monthslong search.") == {
        "weeklong": ("P1W", "duration"), "monthslong": ("PXM", "duration")}
    assert values(parse, "It ended a decade-long war.") == {"a decade-long": ("P10Y", "duration")}


def test_part_of_day_told_against_the_last_date(parse):
    text = "The fighting began on March 3, 2020. That night, rebels fled. The next morning, troops arrived."
    found = values(parse, text)
    assert found["That night"] == ("2020-03-03TNI", "time")
    assert found["The next morning"] == ("2020-03-04TMO", "time")
    found = values(parse, "On Sunday the road closed, but it reopened by early afternoon.")
    assert found["early afternoon"] == ("2021-08-15TAF", "time")


def test_the_unit_before_or_after_counts_from_the_last_date(parse):
    found = values(parse, "Sales rose in 2010. The year before, they fell.")
    assert found["The year before"] == ("2009", "year")


def test_a_year_ago_after_a_unit_word_is_no_rate(parse):
    found = values(parse, "Output rose from the same month a year ago.")
    assert found["a year ago"] == ("2020", "year")
    assert "a week" not in values(parse, "Lessons cost \u00a34.50 a week.")


def test_the_year_to_a_month_is_a_duration_but_not_before_a_verb(parse):
    assert values(parse, "Prices rose 2 percent in the year to February.")["the year"] == ("P1Y", "duration")
    assert "the week" not in values(parse, "Lanes will close through the week to repair a sewer.")


def test_all_week_and_how_long_ago(parse):
    assert values(parse, "The banks were closed all week.") == {"all week": ("P1W", "duration")}
    assert values(parse, "Nobody knows how long ago he died.") == {}


def test_en_dash_year_pair_keeps_the_text_offsets(parse):
    text = "The 1957\u201358 expedition crossed Antarctica."
    found = find_dates(parse(text), PUBLISHED)
    assert [(d.text, d.value) for d in found] == [("1957", "1957"), ("58", "1958")]
    assert all(text[d.start:d.end] == d.text for d in found)


def test_a_clock_time_right_after_a_day_falls_on_that_day(parse):
    found = values(parse, "The launch is set for Wednesday, March 27, at 10 a.m.", "2013-03-22")
    assert found["10 a.m."] == ("2013-03-27T10:00", "time")
    found = values(parse, "The fair runs Saturday, March 28, from noon to 8 p.m.", "2013-03-22")
    assert found["8 p.m."] == ("2013-03-28T20:00", "time")
    found = values(parse, "He left on March 3. At 10 a.m. the next shift began.")
    assert found["10 a.m."][0].startswith("2021-08-17")


def test_a_season_does_not_swallow_of(parse):
    found = find_dates(parse("It was the winter of discontent."), PUBLISHED)
    assert all(not d.text.endswith("of") for d in found)


def test_a_range_of_months_without_a_year_runs_forward(parse):
    found = values(parse, "The storm season runs from June to November.", "2013-03-22")
    assert found == {"June": ("2013-06", "month"), "November": ("2013-11", "month")}
    found = values(parse, "Prices fell in October and rose in March.", "2013-03-22")
    assert found == {"October": ("2012-10", "month"), "March": ("2013-03", "month")}
    found = values(parse, "The program ran from January through June.", "2013-03-22")
    assert found == {"January": ("2012-01", "month"), "June": ("2012-06", "month")}


def test_last_the_verb_stays_out_of_a_duration(parse):
    assert values(parse, "The talks will last two days.") == {"two days": ("P2D", "duration")}
    assert values(parse, "Prices rose over the last six months.") == {"the last six months": ("P6M", "range")}


def test_a_weekday_listed_after_another_follows_it(parse):
    found = values(parse, "The opposition called a strike for next Wednesday and Thursday.", "2013-03-22")
    assert found == {"next Wednesday": ("2013-03-27", "day"), "Thursday": ("2013-03-28", "day")}
    found = values(parse, "Markets were shut Friday and Monday.", "2013-03-22")
    assert found["Monday"] == ("2013-03-18", "day")  # told in the past: not the coming Monday


def test_a_named_day_after_until_in_the_past_tense_is_still_ahead(parse):
    assert values(parse, "The judge adjourned the trial until April 8.", "2013-03-22") == {
        "April 8": ("2013-04-08", "day")}
    assert values(parse, "The trial was adjourned until Monday.", "2013-03-22") == {"Monday": ("2013-03-25", "day")}
    assert values(parse, "He stayed in Paris until April.", "2013-03-22") == {"April": ("2012-04", "month")}
    found = values(parse, "He did not seek help until April 28.", "2013-03-22")
    assert found == {"April 28": ("2012-04-28", "day")}  # negated: it did happen then


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every other week", ("P2W", "set")),
        ("every morning", ("XXXX-XX-XXTMO", "set")),
        ("FY2013", ("2013", "year")),
        ("FY13", ("2013", "year")),
    ],
)
def test_sets_and_fiscal_years(text, expected):
    assert resolve(text, PUBLISHED) == expected


def test_longer_modifiers_keep_the_value(parse):
    found = values(parse, "Sales rose in the first weeks of the year and in the closing days of March.")
    assert found == {"the first weeks of the year": ("2021", "year"), "the closing days of March": ("2021-03", "month")}
