"""Quotes stage: quote marks, cues, speakers, media, events; and the quote scorers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents import quotes
from newsevents.evaluate import quotes as scoring
from newsevents.model import Actor, Event, Span


def run(parse, text, actors=(), events=()):
    return quotes.find_quotes(parse(text), "d", actors, events)


def only(found, kind=None):
    chosen = [q for q in found if kind is None or q.kind == kind]
    assert len(chosen) == 1, found
    return chosen[0]


def actor(actor_id, text, *words):
    spans = []
    for word in words:
        start = text.index(word)
        spans.append(Span(start, start + len(word), word))
    return Actor(id=actor_id, name=words[0], kind="person", mentions=tuple(spans))


# --- quote marks ----------------------------------------------------------------------------


def test_find_quoted_pairs_straight_and_curly_marks():
    text = 'He said "one two" and “three four”.'
    spans = [text[s:e] for s, e, _, _ in quotes.find_quoted(text)]
    assert spans == ["one two", "three four"]


def test_find_quoted_keeps_nested_and_apostrophes_inside():
    text = "“We don’t accept ‘red lines’ from anyone,” she said. It's the officials' view."
    spans = [text[s:e] for s, e, _, _ in quotes.find_quoted(text)]
    assert spans == ["We don’t accept ‘red lines’ from anyone,"]


def test_find_quoted_single_marks_at_top_level():
    text = "Minister calls deal ‘a disgrace’ as talks stall"
    assert [text[s:e] for s, e, _, _ in quotes.find_quoted(text)] == ["a disgrace"]


def test_unclosed_quote_stops_at_paragraph_end():
    text = 'He said "this never closes\n\nThe next paragraph is plain text.'
    found = quotes.find_quoted(text)
    assert [text[s:e] for s, e, _, _ in found] == ["this never closes"]
    assert found[0][3] is False


def test_multi_paragraph_quote_is_one_run():
    text = '"First part of the speech.\n\n"Second part," he said.'
    found = quotes.find_quoted(text)
    assert len(found) == 2
    assert found[0][2] == found[1][2]


# --- direct quotes --------------------------------------------------------------------------


def test_direct_quote_with_trailing_cue(parse):
    text = '"We congratulate the Afghan people on the end of the occupation," Haniyeh said.'
    q = only(run(parse, text))
    assert (q.kind, q.speaker_text, q.cue) == ("direct", "Haniyeh", "said")
    assert q.text == "We congratulate the Afghan people on the end of the occupation"
    assert text[q.start:q.end] == q.text


def test_quote_split_around_cue_keeps_the_speaker(parse):
    found = run(parse, '"We will win," he said, "and nobody will stop us now."')
    assert [q.text for q in found] == ["We will win", "and nobody will stop us now"]
    assert {q.speaker_text for q in found} == {"he"}
    assert [q.id for q in found] == ["d:q1", "d:q2"]


def test_short_parts_of_a_split_quote_stay_direct(parse):
    found = run(parse, '"Every hour of delay," he added, "costs lives."')
    assert [(q.kind, q.text) for q in found] == [("direct", "Every hour of delay"), ("direct", "costs lives")]


def test_that_before_a_quotation_makes_it_mixed(parse):
    q = only(run(parse, 'The minister said that "we will never give up this land".'))
    assert (q.kind, q.text) == ("mixed", 'that "we will never give up this land"')


def test_colon_introduction(parse):
    q = only(run(parse, 'Baradar said: "We want good relations with all countries."'))
    assert (q.kind, q.speaker_text, q.text) == ("direct", "Baradar", "We want good relations with all countries")


def test_speaker_in_previous_sentence_of_the_paragraph(parse):
    text = ('"Our forces rescued more than 80 guests," police spokesman Abdifatah Hassan said on Friday. '
            '"The terrorists wanted a massacre, and they failed."')
    found = run(parse, text)
    assert len(found) == 2
    assert all(q.kind == "direct" and "Hassan" in q.speaker_text for q in found)


def test_quote_paragraph_continues_the_previous_speaker(parse):
    text = ('The minister said the border would stay closed until further notice.\n\n'
            '"We will not reopen it while the shelling goes on and our people are in danger."')
    direct = only(run(parse, text), "direct")
    assert direct.speaker_text == "The minister"


def test_multi_paragraph_quote_shares_speaker(parse):
    text = ('"The first part of my statement is about the economy and the jobs we lost.\n\n'
            '"The second part is about security," the president said.')
    found = run(parse, text)
    assert [q.speaker_text for q in found] == ["the president", "the president"]


def test_dash_attribution(parse):
    q = only(run(parse, '"It is over and we are all going home now." -- John Smith'))
    assert (q.speaker_text, q.cue) == ("John Smith", "--")


def test_scare_quotes_without_cue_are_dropped(parse):
    assert run(parse, 'The so-called "peace plan" was published on Monday.') == ()


def test_unbalanced_mark_never_swallows_the_article(parse):
    text = ('He said "the talks would resume on Monday.\n\n'
            'Fighting continued in the north, where rebels shelled a market.\n\n'
            'The ministry said 12 people were killed.')
    found = run(parse, text)
    for q in found:
        assert "\n" not in q.text
        assert text[q.start:q.end] == q.text


# --- mixed and indirect ----------------------------------------------------------------------


def test_mixed_quote(parse):
    text = 'Haniyeh congratulated the Taliban on "the liberation of Afghanistan from the occupiers".'
    q = only(run(parse, text))
    assert q.kind == "mixed"
    assert "the liberation of Afghanistan" in q.text
    assert q.speaker_text == "Haniyeh"


def test_content_before_cue(parse):
    q = only(run(parse, "The talks failed, officials said."))
    assert (q.kind, q.text, q.speaker_text, q.cue) == ("indirect", "The talks failed", "officials", "said")


def test_that_clause(parse):
    q = only(run(parse, "The ministry said that 12 people were killed in the attack."))
    assert q.text == "that 12 people were killed in the attack"


def test_according_to(parse):
    q = only(run(parse, "At least 12 people died in the flooding, according to the health ministry."))
    assert (q.text, q.speaker_text, q.cue) == ("At least 12 people died in the flooding", "the health ministry",
                                             "according to")


def test_appeal_with_infinitive(parse):
    q = only(run(parse, "He urged the government to release the prisoners."))
    assert q.kind == "indirect"
    assert q.text.endswith("to release the prisoners")


def test_accusation_content_is_the_accused_and_the_charge(parse):
    q = only(run(parse, "Kinshasa accused Kigali of arming the rebels in the east."))
    assert q.text == "Kigali of arming the rebels in the east"


def test_cue_interrupting_its_content_gives_two_parts(parse):
    found = run(parse, "But to prevent problems, he said, local officials should be vigilant.")
    assert [q.text for q in found] == ["to prevent problems", "local officials should be vigilant"]
    assert {q.cue for q in found} == {"said"}


def test_dateline_is_not_part_of_the_content(parse):
    text = ("Rebels seize town\n\nGOMA, May 2 (Wire) - Rebels seized the town of Rubaya on Thursday, "
            "killing at least 12 people, local officials said.")
    q = only(run(parse, text))
    assert q.text.startswith("Rebels seized the town of Rubaya")
    assert q.speaker_text == "local officials"


def test_naming_and_document_sources(parse):
    assert only(run(parse, "Clinton called her vote for the war a mistake.")).text == "her vote for the war a mistake"
    q = only(run(parse, "A new poll shows the president with a narrow lead."))
    assert (q.speaker_text, q.text) == ("A new poll", "the president with a narrow lead")
    assert run(parse, "The farmers found a hidden weapons cache.") == ()


def test_transcript_labels(parse):
    q = only(run(parse, "WALLACE: Do you really see those two as equivalent, governor?"))
    assert (q.speaker_text, q.cue) == ("WALLACE", ":")
    assert run(parse, "Update: This story has been changed to add a photo.") == ()


def test_signed_paragraph(parse):
    text = "Readers wrote in.\n\nI am truly afraid for my country and for my children now. ― Maria Lopez"
    q = only(run(parse, text))
    assert (q.speaker_text, q.text) == ("Maria Lopez", "I am truly afraid for my country and for my children now")


def test_belief_verbs_need_a_clause(parse):
    assert run(parse, "Analysts expect a long war.") == ()


# --- speaker, medium, event -------------------------------------------------------------------


def test_speaker_resolves_through_actor_mentions(parse):
    text = "Ismail Haniyeh arrived in Doha. He said the movement wanted calm."
    haniyeh = actor("d:a1", text, "Ismail Haniyeh", "He")
    q = only(run(parse, text, actors=(haniyeh,)))
    assert (q.speaker, q.speaker_text) == ("d:a1", "He")


def test_unresolved_speaker_keeps_its_text(parse):
    q = only(run(parse, "Residents said the strike hit a school.", actors=()))
    assert (q.speaker, q.speaker_text) == (None, "Residents")


def test_event_linked_through_the_cue(parse):
    text = "The president warned that sanctions would follow."
    start = text.index("warned")
    event = Event(id="d:e1", source=None, target=None, cameo="138", cameo_root="13", goldstein=-7.0, quad_class=3,
                  plover="THREATEN", trigger=Span(start, start + 6, "warned"), sentence=Span(0, len(text), text))
    q = only(run(parse, text, events=(event,)))
    assert q.event == "d:e1"


@pytest.mark.parametrize(("text", "medium"), [
    ("The ministry said in a statement that the border was closed.", "in a statement"),
    ("The spokesman told Reuters that the talks had stalled.", "told Reuters"),
    ("The senator said on Twitter that she would vote against the bill.", "on Twitter"),
    ("Haniyeh said in a telephone conversation with Baradar that he welcomed the victory.",
     "in a telephone conversation"),
])
def test_medium(parse, text, medium):
    assert only(run(parse, text)).medium == medium


def test_user_cue_file_adds_a_verb(tmp_path, parse):
    extra = tmp_path / "my_cues.tsv"
    extra.write_text("# lemma<TAB>frames\nmutter\tsay\n", encoding="utf-8")
    lexicon = quotes.load_lexicon((str(extra),))
    text = "The colonel muttered that the convoy was late."
    assert quotes.attributions(parse(text), "d") == ()
    found = quotes.attributions(parse(text), "d", lexicon=lexicon)
    assert found[0].quote.text == "that the convoy was late"
    assert found[0].cue_span.text == "muttered"
    assert found[0].speaker_span.text == "The colonel"


def test_empty_text(parse):
    assert run(parse, " ") == ()


# --- robustness ---------------------------------------------------------------------------------

BASE = ('"We will not accept this," the minister said on Monday. Officials said the talks failed.\n\n'
        'He added: "Our forces are ready." The plan, critics said, was "a disgrace".')
MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(BASE)), st.booleans(), MARKS), max_size=6))
def test_random_quote_marks_never_raise(parse, edits):
    text = BASE
    for position, insert, mark in edits:
        position = min(position, len(text))
        if insert:
            text = text[:position] + mark + text[position:]
        elif position < len(text) and text[position] in "\"“”‘’'«»":
            text = text[:position] + text[position + 1:]
    for q in run(parse, text):
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "indirect", "mixed")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n.,\"“”‘’'")), max_size=80))
def test_find_quoted_never_crosses_a_paragraph(text):
    for start, end, _, _ in quotes.find_quoted(text):
        assert 0 <= start <= end <= len(text)
        assert "\n" not in text[start:end]


# --- scorers --------------------------------------------------------------------------------------

ANN = ("T1\tSource 0 8\tOfficials\nT2\tCue 9 13\tsaid\nT3\tContent 14 30;35 40\tx\n"
       "T4\tAttribution 9 13\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")


def test_read_ann_links_spans_per_attribution():
    (attribution,) = scoring.read_ann(ANN)
    assert attribution.source == ((0, 8),)
    assert attribution.cue == ((9, 13),)
    assert attribution.content == ((14, 30), (35, 40))


def test_polnear_scores_exact_and_overlap():
    text = "Officials said the talks failed badly."
    gold = scoring.GoldAttribution(content=((15, 37),), cue=((10, 14),), source=((0, 9),))
    doc = scoring.PolnearDoc("x", text, (gold,))
    exact = scoring.Predicted(content=((15, 38),), cue=(10, 14), source=(0, 9))
    metrics = scoring.score_polnear_docs([doc], [[exact]], [])
    assert metrics["content_f1_exact"] == metrics["source_f1_exact"] == metrics["speaker_accuracy"] == 1.0
    partial = scoring.Predicted(content=((19, 30),), cue=(10, 14), source=(20, 25))
    metrics = scoring.score_polnear_docs([doc], [[partial]], [])
    assert metrics["content_f1_exact"] == 0.0
    assert metrics["content_f1_overlap"] == 1.0
    assert metrics["speaker_accuracy"] == 0.0


def test_aligner_maps_cleaned_offsets_back():
    original = "Title\r\n\r\n\r\n\r\nBody text here.\nShare on Twitter\nMore."
    from newsevents import ingest

    cleaned = ingest.read_text(original).text
    to_original = scoring.aligner(original, cleaned)
    start = cleaned.index("Body")
    assert original[to_original(start):to_original(start) + 4] == "Body"


def test_polnear_loader_reads_shared_gold(shared):
    docs = scoring.load_polnear(shared, "dev")
    assert len(docs) > 50
    first = docs[0].attributions[0]
    assert all(0 <= s < e <= len(docs[0].text) for s, e in first.content)


# --- round 2: cues, contents and sources learned from PolNeAR dev -------------------------------


def test_find_quoted_reads_doubled_apostrophes_as_double_marks():
    text = "He replied, ''Of course, I pay federal taxes.'' It's the dogs' bone."
    spans = [text[s:e].strip("'") for s, e, _, _ in quotes.find_quoted(text)]
    assert spans == ["Of course, I pay federal taxes."]


def test_dash_glued_to_the_closing_mark(parse):
    q = only(run(parse, "“I am so ashamed of what this campaign has done to our country.”― Jacklyn Ashley"))
    assert q.speaker_text == "Jacklyn Ashley"


def test_transcript_inside_a_multi_paragraph_quotation(parse):
    text = ('"WALLACE: Do you really see those two as equivalent, governor?\n\n'
            '"PENCE: Well, look, that man has been saying some pretty tough stuff about my running mate.\n\n'
            '"But the truth is that he has a unique way of talking to the American people."')
    found = run(parse, text)
    assert [q.speaker_text for q in found] == ["WALLACE", "PENCE", "PENCE"]
    assert found[1].text.startswith("Well, look")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("He suggested that profiting off the housing collapse was good business.", "He",
     "that profiting off the housing collapse was good business"),
    ("He recently pitched himself to voters by telling them that their lives could not get any worse.", "He",
     "that their lives could not get any worse"),
    ("In Honolulu last week, he told a meeting of island leaders that few people understood the stakes.", "he",
     "that few people understood the stakes"),
    ("In a March meeting with the editorial board Trump said that the alliance may need to shrink.", "Trump",
     "that the alliance may need to shrink"),
    ("The president said so in a post on X. She called on other countries to close loopholes.", "She",
     "other countries to close loopholes"),
    ("Trump blasted the media for being dishonest.", "Trump", "the media for being dishonest"),
    ("Flight attendants' union endorses Clinton", "Flight attendants' union", "Clinton"),
    ("The Lebanese prime minister appealed to the U.N. Security Council to intervene.",
     "The Lebanese prime minister", "the U.N. Security Council to intervene"),
    (("The electoral council declared President Nicolas Maduro the winner with 51% of the vote but has not"
      " published a breakdown."),
     "The electoral council", "President Nicolas Maduro the winner with 51% of the vote"),
])
def test_reported_speech_forms(parse, text, speaker, content):
    found = run(parse, text)
    assert (found[-1].speaker_text, found[-1].text) == (speaker, content), found


def test_subject_nearest_the_cue_not_the_dateline(parse):
    text = 'QUITO, Jan 10 (Pacific Post) - Ecuadorean President Daniel Noboa called the gangs "terrorist groups".'
    q = only(run(parse, text))
    assert q.speaker_text == "Ecuadorean President Daniel Noboa"


def test_phrase_contents_that_only_react_or_deny_are_dropped(parse):
    assert run(parse, "The government did not comment on the arrests.") == ()
    assert run(parse, "The president condemned the attack.") == ()


def test_medium_is_cut_from_a_phrase_content(parse):
    q = only(run(parse, "The group claimed responsibility for the bombing in a statement on its radio station."))
    assert (q.text, q.medium) == ("responsibility for the bombing", "in a statement")


def test_phrase_cue_inside_a_reported_clause_is_not_a_second_quote(parse):
    q = only(run(parse, "The minister said that the army condemned the brutal attack on the market."))
    assert q.text == "that the army condemned the brutal attack on the market"


@pytest.mark.parametrize(("text", "speaker", "content"), [
    (("A jet bombed a village on Thursday, killing at least 17 people, among them nine children, residents and a"
      " local resistance group said."), "residents and a local resistance group",
     "A jet bombed a village on Thursday, killing at least 17 people, among them nine children"),
    (("Opposition leader Levan Khabeishvili was beaten by police and taken to hospital with facial injuries, his"
      " party, the United National Movement, said."), "his party, the United National Movement",
     "Opposition leader Levan Khabeishvili was beaten by police and taken to hospital with facial injuries"),
])
def test_source_the_parse_glued_onto_the_content(parse, text, speaker, content):
    q = only(run(parse, text))
    assert (q.speaker_text, q.text) == (speaker, content)


def test_gerund_object_and_nominal_cue(parse):
    found = run(parse, "Iran denies seeking nuclear weapons.")
    assert [q.text for q in found] == ["seeking nuclear weapons"]
    q = only(run(parse, "Fact-checkers examined the senator's claim that the program saved money."))
    assert (q.speaker_text, q.cue, q.text) == ("the senator's", "claim", "that the program saved money")


def test_dash_and_no_break_space_before_the_name(parse):
    q = only(run(parse, "“Maybe we can build a wall around the whole campaign and its staff.” ―\u00a0Steve Quinlan."))
    assert q.speaker_text == "Steve Quinlan"


def test_document_named_as_the_setting_is_the_source(parse):
    q = only(run(parse, "In the latest national poll, Clinton led Trump by five points among likely voters."))
    assert (q.speaker_text, q.cue, q.text) == (
        "the latest national poll", "In", "Clinton led Trump by five points among likely voters")
    assert run(parse, "In the morning, the convoy left the city.") == ()


def test_subject_from_another_paragraph_is_not_the_source(parse):
    text = ("WASHINGTON (AP) — The Latest on the U.S. presidential race (all times EDT):\n\n7 p.m.\n\n"
            "Donald Trump is once again criticizing the integrity of the U.S. voting system.")
    q = only(run(parse, text))
    assert (q.speaker_text, q.text) == ("Donald Trump", "the integrity of the U.S. voting system")


# --- signs, formal acts, appeals with intervening phrases, pronoun fallback ---------------------


@pytest.mark.parametrize(("text", "cue", "speaker", "content"), [
    ('The protesters, many carrying banners reading "Your hands are bloody", stood in silence.',
     "reading", "The protesters", "Your hands are bloody"),
    ('Supporters waved banners with the words "Free all political prisoners" outside the court.',
     "with the words", "Supporters", "Free all political prisoners"),
    ('One woman wore a T-shirt saying "I am not afraid".', "saying", "One woman", "I am not afraid"),
    ('Students carried signs reading: "Education is not a crime".', "reading", "Students",
     "Education is not a crime"),
])
def test_slogan_on_a_sign_is_said_by_its_bearer(parse, text, cue, speaker, content):
    q = only(run(parse, text))
    assert (q.kind, q.cue, q.speaker_text, q.text) == ("direct", cue, speaker, content)


def test_sign_without_a_bearer_keeps_the_quote_without_speaker(parse):
    q = only(run(parse, 'A banner reading "Go home" hung from the bridge.'))
    assert (q.kind, q.cue, q.speaker_text, q.text) == ("direct", "reading", None, "Go home")


@pytest.mark.parametrize("text", [
    "The government declared a state of emergency in three provinces.",
    "The rebels declared a unilateral ceasefire on Sunday.",
    "The council announced a curfew from 8 p.m.",
    'Ecuador declares \'internal armed conflict\' after gunmen storm TV studio',
    'President Daniel Noboa declared an "internal armed conflict" on Tuesday.',
])
def test_formal_acts_done_by_saying_them_are_not_quotes(parse, text):
    assert run(parse, text) == ()


def test_declared_result_and_declared_clause_stay_quotes(parse):
    assert only(run(parse, "The court declared the election void.")).text == "the election void"
    assert only(run(parse, "The ministry announced that the border would reopen.")).speaker_text == "The ministry"


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Hamas threatened in a statement to retaliate against any incursion.", "threatened",
     "to retaliate against any incursion"),
    ("Cherizier threatened in a video posted on social media to fight any foreign force.", "threatened",
     "to fight any foreign force"),
    ("The army vowed on Tuesday to crush the rebellion.", "vowed", "to crush the rebellion"),
    ("The envoy on Thursday urged the rebels to stop their assault on the city.", "urged",
     "the rebels to stop their assault on the city"),
    ("In a joint declaration, the three governments pledged to deepen cooperation on trade.", "pledged",
     "to deepen cooperation on trade"),
    ("Moscow offered to mediate between the two sides.", "offered", "to mediate between the two sides"),
    ("The UN called on both sides to respect the truce.", "called", "both sides to respect the truce"),
])
def test_appeal_content_skips_time_and_medium_phrases(parse, text, cue, content):
    q = only(run(parse, text))
    assert (q.cue, q.text) == (cue, content)


def test_offer_of_things_is_not_a_quote(parse):
    assert run(parse, "The company offered condolences to the families.") == ()


def test_charge_hung_on_the_accused_and_notification(parse):
    q = only(run(parse, "Prosecutors accused the former minister of taking bribes from a construction firm."))
    assert q.text == "the former minister of taking bribes from a construction firm"
    q = only(run(parse, "The ministry notified the embassy that its diplomats had 48 hours to leave."))
    assert (q.cue, q.speaker_text) == ("notified", "The ministry")
    assert q.text.endswith("its diplomats had 48 hours to leave")


def test_relative_pronoun_object_of_a_naming_cue(parse):
    q = only(run(parse, "He met the Dalai Lama, whom Beijing calls a dangerous separatist."))
    assert (q.cue, q.speaker_text, q.text) == ("calls", "Beijing", "a dangerous separatist")


def _org(actor_id, text, word, kind="organization"):
    start = text.index(word)
    return Actor(id=actor_id, name=word, kind=kind, mentions=(Span(start, start + len(word), word),))


@pytest.mark.parametrize("text, pronoun, speaker_name", [
    ('The army shelled the town in what it described as a "counter-terrorism operation".', "it", "army"),
    ('The rebels attacked the base, in what they called "revenge for the massacre".', "they", "rebels"),
])
def test_in_what_it_called_speaker_is_the_host_clause_subject_through_the_pipeline(text, pronoun, speaker_name):
    article = newsevents.extract(text)
    quote = only(article.quotes)
    actors = {a.id: a for a in article.actors}
    assert (quote.kind, quote.speaker_text) == ("mixed", pronoun)
    assert actors[quote.speaker].name == speaker_name


def test_belief_inside_a_reported_clause_is_part_of_that_report(parse):
    found = run(parse, "The minister said the deal was good and that the country expected its neighbour to comply.")
    assert [q.cue for q in found] == ["said"]
