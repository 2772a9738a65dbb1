"""Header-less comment threads at the end of a text (scanner.boilerplate.readers): comment bodies
a scraper appended to a post without their headers are flagged; an article's own last
paragraphs that address readers, quote, ask or answer are not."""
from __future__ import annotations

import math
import re
import sys

import numpy as np
import pytest

from scanner.boilerplate.comment_lines import (
    _WORD_RE,
    STYLE_NAMES,
    _lowers_by_line,
    _words,
    line_tokens,
    load_comment_model,
    style_features,
)
from scanner.boilerplate.patterns import COMMENT_PHRASE_RE
from scanner.boilerplate.readers import (
    _ThreadCues,
    addresses_by_name,
    any_reaction,
    closes_post,
    comment_cue,
    is_reaction,
    may_react,
)
from scanner.re2_prefilter import LinePrefilter
from tests.test_boilerplate import _lines, _warned_lines

# a first-person post (its prose in the writer's voice throughout, as the comments are)
DOG_POST = (
    "Saying goodbye to Biscuit\n"
    "Biscuit died on Tuesday morning, curled up in the basket by the Aga where she had slept for "
    "fourteen years. The vet came to the house, which I will always be grateful for.\n"
    "We got her from the rescue centre in 2006, a skinny terrier cross who bit my husband on the "
    "first day and then followed him everywhere for the rest of her life.\n"
    "She walked with us up the fell every Sunday until last spring, when her legs went. After "
    "that she sat at the gate and barked at the walkers instead.\n"
    "The house is very quiet. I keep stepping over the place where her bowl used to be.\n")
BYPASS_POST = (
    "Why the bypass is the wrong answer\n"
    "The county council will vote next month on a new bypass to the east of the town. I have "
    "lived here for twenty years and I think it would be a mistake.\n"
    "The traffic on the high street is bad, but most of it is local. A survey in 2016 found that "
    "three in four cars were going somewhere in the town, not through it.\n"
    "A bypass would cost £48 million and take six years to build. For a fraction of that we "
    "could have a proper bus service and a safe route for children to cycle to school.\n"
    "I know many of my neighbours disagree. I would rather we argued about it now than regretted "
    "it later.\n")
CHAIR_POST = (
    "Re-caning a bentwood chair\n"
    "I found this chair in a skip in 2011 with the seat punched through. It has taken me three "
    "weekends to re-cane it, mostly because I kept getting the weaving wrong.\n"
    "First I cut out the old cane and cleaned the holes with a bradawl. Some of them were full of "
    "old glue and took ages.\n"
    "I used medium cane, soaked for twenty minutes in warm water, and followed the standard "
    "seven-step pattern. Step five, the first diagonal, is where I went wrong twice.\n"
    "The finished seat is tight and even, and everybody now sits on it to take their boots off.\n")

# a news report: third person, attributed quotes, figures (its register is no reader's)
LIBRARY_REPORT = (
    "County to close two branch libraries in budget cut\n"
    "The Harlow County Board of Supervisors voted 4-1 on Monday to close the Elm Park and "
    "Westgate branch libraries at the end of June, saving an estimated $610,000 a year.\n"
    "Library director Anne Coyle told the board that the two branches together lend fewer books "
    "than the main library does in a single month.\n"
    "\"Nobody on this staff wanted to bring this recommendation,\" Coyle said. \"But the numbers "
    "have not worked for five years.\"\n"
    "Supervisor Dale Minter cast the only vote against the closures. He said the county should "
    "first look at cutting the hours of all its branches.\n"
    "The Elm Park building will be offered for sale. The county has not decided what to do with "
    "the Westgate branch, which shares a building with a senior centre.\n")


def _warned_on_thread_only(post: str, comments: str, between: str = "") -> bool:
    """Whether the boilerplate rules warn on every line of ``comments`` and on none of ``post``
    in ``post + between + comments``."""
    flagged = _warned_lines(post + between + comments)
    return _lines(comments) <= flagged and not flagged & _lines(post)


@pytest.mark.parametrize("post, comments", [
    # condolences, a reply by name at a reaction's end, none of them "Great post!"
    (DOG_POST,
     "Thinking of you both. Fourteen years is a good long life for a terrier.\n"
     "Oh, I'm so sorry, Ruth. Our Jack went last year and I still look for him at the door.\n"
     "We had a terrier cross from the same rescue. She bit everybody too.\n"
     "Sending love to you and your husband. She had the best home.\n"
     "Ruth, the bit about her barking at the walkers made me smile. That was so like her.\n"),
    # an argument: a verdict, a reply by bare name, agreement with the post
    (BYPASS_POST,
     "Total nonsense. Try getting to the hospital at half eight on a weekday.\n"
     "Derek, the hospital traffic is exactly the local traffic he is talking about.\n"
     "The buses here have been cut three times since 2010. I'll believe in a proper service when I see one.\n"
     "I agree with most of this. My kids would cycle if there was anywhere safe to do it.\n"
     "Spot on. The survey is the bit nobody on the council ever mentions.\n"),
    # questions to the author with the reader's own "I", and an answer by name
    (CHAIR_POST,
     "Did you buy the cane online or from a shop? I can never find medium in the shops near me.\n"
     "I re-caned one of these years ago and never managed the diagonals either. I ended up paying someone.\n"
     "How long did the whole thing take you, roughly? I have four chairs to do.\n"
     "Anna, I got mine from a basket-making supplier in Somerset, they post it.\n"),
    # the post's words quoted back, "@Name I ..." replies, a reader who says so
    (CHAIR_POST,
     "\"Everybody now sits on it to take their boots off.\" Ours is the same, it is the boot chair.\n"
     "My grandmother had four of these and they all went to the tip in the nineties.\n"
     "@Jo I know, it hurts to think about.\n"
     "Long-time reader, first time commenting. This is lovely work.\n"),
])
def test_a_thread_of_comment_bodies_after_a_post_is_a_comment_section(post, comments):
    assert _warned_on_thread_only(post, comments)


def test_comments_between_the_posts_closing_question_and_the_first_cue_join_the_thread():
    # they answer the post's question without any cue; the question itself is the post's
    post = DOG_POST + "Did your dogs have a favourite spot? I would love to know.\n"
    answers = ("Ours slept on the stairs for twelve years and nowhere else.\n"
               "Mine always chose the warmest car seat in the drive.\n")
    cued = ("Thinking of you, Ruth. Fourteen years is a good innings.\n"
            "So sorry for your loss. She sounds like she was a character.\n")
    flagged = _warned_lines(post + answers + cued)
    assert _lines(answers + cued) <= flagged and not flagged & _lines(post)


LENTIL_SOUP = (
    "Weeknight lentil soup\n"
    "This is the soup I make on Mondays when there is nothing in the fridge. It takes forty "
    "minutes and most of that is simmering.\n"
    "Warm two tablespoons of olive oil in a large pan and add the onion, carrot and celery. Cook "
    "them gently for ten minutes, until you can smell them and they are soft.\n"
    "Stir in the garlic and cumin and give it a minute. You want the spices to smell toasty, not "
    "burnt, so keep the heat low.\n"
    "Add the lentils, tomatoes and stock, bring it to the boil, then let it bubble for "
    "twenty-five minutes. Your lentils should be soft but not mushy.\n"
    "Season well. If you like it smooth, blend half of it and stir it back in. I like it chunky.\n")


@pytest.mark.parametrize("ending", [
    # a post that ends by asking its readers
    "I do miss the smell of the old car, though, and the way the radio only found one station.\n"
    "What would you do? Would you have paid for the gearbox? Let me know in the comments.\n",
    # an advice column: the reader's letter, then the answer to "you"
    "Dear Helen,\nFor two years my neighbour has parked his van across the end of my drive. I have "
    "asked him politely three times. What can I do?\nBoxed In, Ipswich\nDear Boxed In,\nYou have "
    "been more patient than most people would be. Did you write down the dates? Start a log now.\n"
    "Then write to him, briefly and without anger. Could you also talk to the other neighbours? "
    "You may find you are not the only one.\n",
    # an interview's questions and answers
    "What time does your day start?\nHalf past three, six days a week. I have tried four o'clock "
    "and it never works.\nDid you always want to be a baker?\nNo, I was an accountant for twenty "
    "years. I baked at weekends.\nWhat would you tell someone thinking of opening a bakery?\nDo "
    "the sums twice. I know, that is the accountant in me.\n",
    # a method and a how-to written to "you"
    "Serve it with a squeeze of lemon. Did you make it? Your bread should be crusty, I think.\n"
    "Put the key on the valve and turn it a quarter turn. You will hear a hiss as the air escapes.\n"
    "Check the pressure gauge on your boiler and top it up following your boiler's manual.\n",
    # a first-person essay's last paragraphs, one opening with a name that is its subject
    "Pat, I realise now, was the best teacher I ever had. She never once told me to relax.\n"
    "Honestly, I still do not love deep water. But last week I swam a length without stopping.\n"
    "Thank you, Pat. I owe you a coffee, and possibly a holiday.\n",
    # the writer's thanks to those who helped
    "Congratulations to Sarah, who won last week's giveaway!\nThank you to everyone who has "
    "followed along this year, I read every message.\nWell done to everyone who ran on Sunday!\n",
    # an FAQ whose answers open with "Yes," under their questions
    "Can I freeze the soup?\nYes, for up to three months in a sealed tub.\nCan I use red lentils?\n"
    "Yes, but they cook faster, so check them after fifteen minutes.\n",
    # embedded social posts with their authors' lines, and a hashtag
    "Fans were quick to react:\nThis made me cry, I have waited ten years for it\n"
    "— Sam (@sam_b) May 3, 2015\nThank you @bakeryteam, best news all week #breadlovers\n",
])
def test_an_articles_own_closing_lines_are_no_thread(ending):
    assert not _warned_lines(LENTIL_SOUP + ending) & _lines(LENTIL_SOUP + ending)


@pytest.mark.parametrize("line, named", [
    ("Mags, it's a right cross, hold the stitches at the back.", True),
    ("realist99, he's literally defending you.", True),
    ("Anonymous, I believe it is in a private collection.", True),
    ("I'm so sorry, Tom.", True),
    ("Oh, I'm so sorry, Ruth.", True),  # the name at the end, not the interjection
    ("Finally, I decided to sell it.", False),  # adverbs open sentences so
    ("Honestly, it was the best decision.", False),
    ("Yesterday, I went back to the plot.", False),
    ("Pat, I realise now, was the best teacher.", False),  # the name as the subject
    ("I grew up in Leeds, England.", False),
    # a bare name, then any clause (issue 5, QA pass 42: most replies by name were missed)
    ("Sandy, old paprika is the usual culprit, it loses its taste.", True),
    ("Mossy, tell him he has the moves of a younger man.", True),
    ("Sue, on some machines it's under Advanced instead.", True),
    ("HydeLad, enjoy it mate. It'll be the highlight of your season.", True),  # a user name
    ("Glad it worked for you, Karen.", True),
    # a subject with an aside, a list, a reference, an appositive, a reported statement
    ("Tom, my husband, eats three bowls.", False),
    ("Kendal, in Cumbria, was flooded in 2009.", False),
    ("Cumin, coriander and turmeric go in next.", False),
    ("Smaller, efficient cars ideal for city driving.", False),  # no person spoken of
    ("Orlando, United States", False),
    ("McDonald, Dani. \"Local man finds spider.\" NT News.", False),
    ("Starwood, Blackstone", False),
    ("Blackstone, through its office unit, has holdings in the area.", False),
    ("Obama, speaking on Monday, urged calm.", False),
    ("Smith, chief executive of the firm, said the deal was done.", False),
    ("Love you, Dad.", False),  # the writer's family
])
def test_replies_by_name(line, named):
    assert addresses_by_name(line) is named


@pytest.mark.parametrize("line, cue", [
    ("Did this on Sunday, following your steps. No more drip.", True),
    ("So sorry for your loss. She sounds lovely.", True),
    ("I've been reading quietly since 2009 and never commented.", True),
    ("Did you use an app or a spreadsheet? I've tried YNAB.", True),
    ("Is it worth the money?", False),  # a lone question: an FAQ's, a heading's
    ("Did you know you can wet-sand porcelain? I do it every time.", False),  # the post's formula
    ("Thanks to the rain, the fete was moved indoors.", False),
    ("Yes, for up to three months in a sealed tub.", False),  # an answer alone
    ('She said: "So sorry for your loss," and left.', False),  # quoted words
    # what a commenter opens with: a point granted, the post's advice tried without a subject,
    # a user name's reply, the commenter's own "said"
    ("Fair point Ray, though I've never had an issue in Norfolk.", True),
    ("Made this tonight with what I had. Still delicious.", True),
    ("Worked perfectly on 16.04 as well.", True),
    ("Love the stock bag idea. I do the same.", True),
    ("Spot on about the subs. I turned to my lad and said we'll draw this now.", True),
    ("Good point Oliver, I should have said the guide assumes one partition.", True),
    ("Thoughts with everyone affected. Heartbreaking pictures.", True),
    # ... and the article's own lines that open so
    ("Did it work? Mostly.", False),
    ("Love the idea of slow travel? Start with one city.", False),
    ("Good timing is everything with cane.", False),
    ("Spot on, the minister said.", False),
])


def test_comment_cues_of_a_line(line, cue):
    texts = ["A line of the article above it.", line]
    assert comment_cue(texts, 1, _ThreadCues(texts, set())) is cue


def test_a_line_quoting_the_posts_words_is_a_comment_one_quoting_other_words_is_not():
    post = "We stopped being scared of the hallway at night once the lamp was in."
    for line, cue in (('"Stopped being scared of the hallway." I’m not crying, you’re crying.', True),
                      ('"Stopped being scared of the basement." I’m not crying, you’re crying.', False)):
        texts = [post, line]
        assert comment_cue(texts, 1, _ThreadCues(texts, set())) is cue


def test_a_reply_by_name_that_asks_to_hear_back_is_no_posts_closing():
    assert closes_post("Let me know how it goes in the comments!")
    assert not closes_post("Amanda, hang in there! Let me know how it goes.")
    assert not closes_post("Hi Gaz, yes, the driver is on the support site. Let me know.")
    texts = ["A line of the article above it.", "Hi Gaz, yes, the driver is on the support site. Let me know."]
    assert comment_cue(texts, 1, _ThreadCues(texts, set()))


def test_the_answer_under_a_commenters_question_is_a_comment_the_answer_under_an_faqs_is_not():
    commenter = "Small correction, number 4 was Jonathan Thomas, wasn't it?"
    faq = "Can I freeze the soup?"
    answer = "Thanks Neath boy, you're right, will get that fixed."
    for question, cue in ((commenter, True), (faq, False)):
        texts = ["A line of the article above it.", question, answer]
        assert comment_cue(texts, 2, _ThreadCues(texts, set())) is cue


def test_the_cue_prefilter_finds_lines_by_their_start_or_anywhere():
    prefilter = LinePrefilter(re.compile(r"yes\b", re.IGNORECASE), COMMENT_PHRASE_RE)
    lines = ["Yes, it works.", "Did this on Sunday, following your steps.", "The tap still drips."]
    assert prefilter.candidates(lines) == {0, 1}


# the furniture that ends a post, under which an extractor appends the comments it kept
POST_ENDS = ["Share this:", "Posted by Ruth at 8:47 PM | Permalink", "Filed under: Dogs, Family",
             "Categories: Dogs | Tags: terrier, rescue"]


@pytest.mark.parametrize("post_end", POST_ENDS)
def test_a_thread_under_the_furniture_that_ends_a_post_needs_fewer_cues(post_end):
    # a first-person post: no change of voice, and two comments of five read as comments
    comments = ("We lost our collie in March and the house still feels wrong without her.\n"
                "Fourteen is a grand age for a terrier. They are tough little dogs.\n"
                "Mags, the basket by the Aga will be the hardest thing to move.\n"
                "Ours was a rescue too and bit the postman on her first day.\n"
                "Sending love to you all.\n")
    assert _warned_on_thread_only(DOG_POST, comments, between=post_end + "\n")


@pytest.mark.parametrize("post, below", [(DOG_POST, below) for below in (
    # the writer's bio and thanks
    "Ruth Evans writes about dogs and the fells. She lives in Kendal with two cats.\n"
    "Thank you so much for reading. I read every comment.\n",
    # the post going on under a link to another (share buttons or a "Read more:" link amid it)
    "The vet said she had a good innings. I know she did, but it does not help much.\n"
    "Her lead is still on the hook by the door. I cannot bring myself to move it.\n"
    "Thank you, Biscuit. Good girl.\n",
    # an interview's questions and answers, an FAQ
    "How long did you have her?\nFourteen years. She came from the rescue centre in 2006.\n"
    "Would you get another terrier?\nYes, in time. I think so.\n",
    "Can I bury a dog in the garden?\nYes, if you own the house and it is not near water.\n"
    "Do I need to tell the council?\nNo, but check with your vet first.\n",
    # readers' letters under a letters page's share buttons
    "Sir, the bypass is a disgrace. I have lived here for forty years.\nJohn Smith, Bath\n"
    "Sir, your correspondent is wrong. I agree with the council on this.\nMary Jones, Frome\n",
)] + [(LIBRARY_REPORT, below) for below in (
    # a report going on under a link amid it, its quotes in the speakers' first person (no
    # thread by register either)
    "\"I grew up in that library and I am heartbroken,\" said Elm Park resident Joy Barnes. \"My "
    "children learned to read there.\"\n"
    "\"We will look at every option for the Westgate building,\" Minter said. \"I hope we can "
    "keep it open for the seniors.\"\n"
    "The closures take effect on June 30.\n",
    # an FAQ under the report's share buttons
    "What happens to the books I have borrowed from Elm Park?\n"
    "You can return them to any county library or to the drop box at the main library.\n"
    "Will my library card still work?\n"
    "Yes. Cards work at every branch of the county system.\n",
)])
@pytest.mark.parametrize("post_end", ["Share this:", "Read more: Ten years of fell walks"])
def test_what_follows_the_furniture_that_ends_a_post_is_no_thread_without_comments(post, below, post_end):
    text = post + post_end + "\n" + below
    assert not _warned_lines(text) & _lines(post + below)


def test_a_list_of_other_posts_under_a_heading_is_no_thread():
    below = ("20 Free Sewing Patterns for a Road Trip\n10 Quilt Panel Patterns to Make This Weekend\n"
             "Disclosure: some links are affiliate links. Thank you for supporting the blog.\n")
    text = CHAIR_POST + "More from Sew Simple:\n" + below
    assert not _warned_lines(text) & _lines(below)


def test_one_comment_under_the_furniture_that_ends_a_post_is_a_thread():
    comment = "Sending love to you both. She had the best home.\n"
    assert _warned_on_thread_only(DOG_POST, comment, between="Share this:\n")


# readers' comments with no cue a rule can list: a verdict, a memory, a complaint, a question
UNCUED_COMMENTS = (
    "Typical. Cut the libraries and keep the consultants.\n"
    "Westgate was the only place my kids could walk to after school. Now what?\n"
    "Every year they find money for the stadium parking lot but never for this.\n"
    "Good. Nobody uses those buildings anymore, everything is online.\n"
    "Does anyone know if the book club at Elm Park is moving to the main library?\n"
    "Shame on the four who voted for this. Remember them next fall.\n")


def test_uncued_readers_under_a_reports_contact_line_are_a_thread_by_their_register():
    contact = "Contact Jim Ortega at 555-0186 or jortega@harlowcourier.com.\n"
    assert _warned_on_thread_only(LIBRARY_REPORT, UNCUED_COMMENTS, between=contact)


def test_a_thread_whose_last_lines_have_no_cue_ends_a_report_by_its_register():
    # two replies by name, then comments with no cue to the end
    comments = ("@Marcy Hale the consultants were paid from a state grant, not the library budget.\n"
                "@Tom K then why did the board approve them in March?\n"
                "Westgate was the only place my kids could walk to after school. Now what?\n"
                "I used to take my mom to Westgate every Thursday. She won't go downtown.\n"
                "I'm done voting for any of them.\n")
    assert _warned_on_thread_only(LIBRARY_REPORT, comments)


@pytest.mark.parametrize("line, emoticons", [
    ("Great post, thanks for sharing.", 0),
    ("No way — “really”, she said… €5?", 0),  # typographic marks, no emoji
    ("Great post :) thanks ;-)", 2),
    ("Love it 😀", 1), ("Sunny ☀ all week", 1), ("Great <3", 1),
    ("Ratio 3:2 and a=b", 0),  # the marks without a face
])
def test_emoticons_of_a_comment_line(line, emoticons):
    assert style_features(line)[STYLE_NAMES.index("emoticons")] == emoticons


@pytest.mark.parametrize("line, feature, value", [
    ("Every summer. EVERY summer", "log_sentences", math.log1p(2)),  # a sentence's end
    ("Every summer, every summer", "log_sentences", math.log1p(1)),  # none: one sentence
    ("   ", "log_sentences", math.log1p(1)),  # (a blank line too)
    ("Tax 2024 now", "digits", 1 / 3), ("Tax ²⁰ now", "digits", 1 / 3),  # superscripts beyond ASCII
    ("Tax twenty now", "digits", 0.0),
    ("Sandy, you are right", "name_opening", 1.0), ("@Paul right", "name_opening", 1.0),
    ("Sandy you are right", "name_opening", 0.0),
])
def test_style_features_a_line_may_lack(line, feature, value):
    """The style features read only where the line holds what they count (a sentence's end, an
    ASCII digit, a comma or an "@"): both ways."""
    assert style_features(line)[STYLE_NAMES.index(feature)] == value


@pytest.mark.parametrize("line", [
    "So the fee is a tax. Just be honest about it, 2024-style!", "snake_case x2 3d A.B.C (ok)",
    "".join(map(chr, range(128))),  # ASCII, no apostrophe: split by the byte table
    "Don't 'quote' me", "It’s Ünïcode, naïve café", "İstanbul’s ſtreets",  # the regex, in chunks
    "rock'n'roll ’90s 3's “quoted”—dash a_b'c x\u00a0y\u2009z ½² \u0661\u0662 'x' \ud800é",
])
def test_a_lines_words_are_what_the_word_regex_finds(line):
    words = _WORD_RE.findall(line)
    assert _words(line) == (words, [word.lower() for word in words])


def test_a_lines_words_lower_cased_are_its_lower_cased_words_but_for_two_characters():
    """CommentLineModel.log_odds takes a line's words' lower case for the words of the line
    lower-cased unless _lowers_by_line: "İ" and a capital sigma make them differ; no other
    character of Unicode does (each lower-cases alone to one character of its own kind)."""
    for line in ("İstanbul", "ΟΔΟΣ.Α"):
        assert _lowers_by_line(line)
        assert _WORD_RE.findall(line.lower()) != [word.lower() for word in _WORD_RE.findall(line)]
    for char in map(chr, range(sys.maxunicode + 1)):
        line = f"A{char}b.{char}’s {char}"
        if char.lower() != char and not _lowers_by_line(line):  # (a character lower() keeps changes nothing)
            assert _WORD_RE.findall(line.lower()) == [word.lower() for word in _WORD_RE.findall(line)], line


def test_a_lines_lexical_score_sums_the_weights_of_its_tokens_once_each():
    model = load_comment_model()
    if model is None:
        pytest.skip("no comment-line model shipped")
    weights = model.stage.token_weights
    for line in ("So the 'fee' is a tax. Just be honest about it.", "Every summer. EVERY summer.",
                 "I don't think so, I don't think so at all, Tom!", "Well said.", "..."):
        expected = sum(weights.get(token, 0.0) for token in line_tokens(line))
        assert model._lexical(_WORD_RE.findall(line.lower())) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("line, reports", [
    ('"We will appeal," she said.', True), ("‘Not yet’, he wrote", True),  # quotation marks
    ("The minister SAID no.", True), ("According to the council, it is done.", True),  # RE2 asked
    ("The aforesaid plan stands.", False), ("Toldova Street", False),  # RE2 asked, no word
    ("The minister ſaid no.", False),  # RE2 asked (a long s), no word (\b is ASCII's)
    ("Every summer. EVERY summer.", False), ("", False),  # no word: RE2 not asked
])
def test_a_line_reports_words_as_the_regex_finds(line, reports):
    from scanner.boilerplate.comment_lines import _REPORTED_RE, reports_words

    assert reports_words(line) is reports
    assert (_REPORTED_RE.search(line) is not None) is reports


@pytest.mark.parametrize("end, voiced", [
    (["I think so.", "We went too.", "Did you go? I did.", "My mum loved it."], True),
    (['"I think so," he said.', "We went too.", "Did you go? I did.", "My mum loved it."], False),  # a quote
    (["‘I think so’, he wrote.", "We went too.", "Did you go? I did.", "My mum loved it."], False),
    (["I think so.", "We went too.", "The vote is on Monday.", "My mum loved it."], False),
])
def test_a_quoted_line_shows_no_readers_voice_at_a_texts_end(end, voiced):
    from scanner.boilerplate.comment_lines import _voiced_end

    assert _voiced_end(end) is voiced


def test_only_a_long_s_case_folds_to_an_ascii_letter_that_lower_case_does_not_give():
    """reports_words looks for _REPORTED_RE's words, which RE2 matches case-insensitively, in a
    line's lower case: every character RE2 takes for an ASCII letter lower-cases to one, but for
    the long s, which it checks for."""
    import re2

    from scanner.boilerplate.comment_lines import _LONG_S

    letter = re2.compile("(?i)[a-z]")
    odd = [char for char in map(chr, range(sys.maxunicode + 1)) if not 0xD800 <= ord(char) <= 0xDFFF
           and letter.fullmatch(char) and not (char.lower().isascii() and char.lower().isalpha())]
    assert odd == [_LONG_S]


@pytest.mark.parametrize("prose, searched", [
    ([True, True, True, False, False], True),  # a post of three paragraphs, two comments
    ([False, True, True, True, True, True], True),
    ([True, True, False, True, True], False),  # only two paragraphs above the last two lines
    ([False, True, True], False),
    ([], False),
])
def test_comments_under_an_article_are_looked_for_below_its_prose(prose, searched):
    """Every search for readers' comments under an article needs MIN_ARTICLE_PROSE prose lines
    above the text's last two lines (a thread's first comment has another under it), so a text
    without them is not searched."""
    from scanner.boilerplate.analysis import _article_above_end

    assert _article_above_end(prose) is searched


@pytest.mark.parametrize("line, personal", [
    ("I walked up the fell on Sunday.", True),  # the first person
    ("Thanks, that was lovely to read.", True),  # a reply's opening (replies is asked)
    ("Great post, as always.", True),  # a reaction
    ("Thanks to the rain, the reservoir is full.", True),  # (replies' own look decides)
    ("The council will vote next month.", False),  # neither: replies is not asked
    ("@BakeOffFan: Queue round the block #WonkyIsFine", False),  # a quoted social post
])
def test_a_line_speaks_personally_in_the_first_person_or_as_a_reply(line, personal):
    from scanner.boilerplate.readers import speaks_personally

    assert speaks_personally(line) is personal


@pytest.mark.parametrize("line, voiced", [
    ("I walked up the fell on Sunday.", True),
    ('"I will appeal," she said.', False), ("“My family has lived here for years”", False),  # quoted
    ('@Gwen I saw the "closed" sign too.', True),  # a reply by handle, whatever it cites
    ('Does anyone know if the "new" bus runs on Sundays?', True),  # a question to the readers
    ("The council will vote next month.", False),
])
def test_a_quoted_line_is_no_readers_voice_unless_it_replies_or_asks_the_readers(line, voiced):
    from scanner.boilerplate.readers import in_reader_voice

    assert in_reader_voice(line) is voiced


def test_a_mean_is_numpys_bit_for_bit():
    from scanner.boilerplate.comment_lines import _mean

    rng = np.random.default_rng(0)
    for size in (*range(1, 40), 60, 128, 129, 200):
        values = rng.normal(size=size) * 10.0 ** rng.uniform(-3, 3)
        assert _mean(values) == float(np.mean(values))
        assert _mean(values[size // 2:]) == float(np.mean(values[size // 2:]))  # (a view)


class _KnownScores:
    """Log-odds and quiet lines given in advance, in LineScores.of_voiced's shape."""

    def __init__(self, log_odds: list[float], quiet: list[bool]):
        self.texts, self._log_odds, self._quiet = [""] * len(log_odds), log_odds, quiet
        self.asked: list[int] = []

    def of_voiced(self, positions: range):
        self.asked += positions
        return (np.array([0.0 if self._quiet[k] else self._log_odds[k] for k in positions]),
                np.array([self._quiet[k] for k in positions], dtype=bool))


@pytest.mark.parametrize("seed", range(40))
def test_the_contrasts_best_suffix_is_the_largest_cumulative_sum_the_shortest_of_equal_ones(seed):
    """_best_suffix adds up the suffixes' sums line by line: within one block of scored lines it
    finds what the cumulative sum's first maximum over the allowed suffixes finds (ties come
    from lines that add nothing or the same)."""
    from scanner.boilerplate.comment_lines import (
        CONTRAST_OFFSET,
        MIN_CONTRAST_LINES,
        SCORE_BLOCK,
        _best_suffix,
    )

    rng = np.random.default_rng(seed)
    n = int(rng.integers(MIN_CONTRAST_LINES, SCORE_BLOCK + 1))
    log_odds = rng.choice([-3.0, CONTRAST_OFFSET, 0.15, 1.0, 2.5], n).tolist()
    quiet = (rng.random(n) < 0.3).tolist()
    prose = (rng.random(n) < 0.7).tolist()
    min_prose = int(rng.integers(0, 3))
    values = np.where(quiet, 0.0, np.array(log_odds) - CONTRAST_OFFSET)
    sums = np.cumsum(values[::-1])  # each suffix's, shortest first
    above = np.cumsum([0, *prose])[:n][::-1]
    allowed = (np.arange(n - 1, -1, -1) <= n - MIN_CONTRAST_LINES) & (above >= min_prose)
    scores = _KnownScores(log_odds, quiet)
    thread, found_log_odds, found_quiet = _best_suffix(scores, prose, 0, min_prose)
    # (no line under fewer than min_prose prose lines is scored: it starts no allowed suffix)
    assert all(sum(prose[:k]) >= min_prose for k in scores.asked)
    if not allowed.any():
        assert not thread and not len(found_log_odds)
        return
    assert n - 1 in scores.asked
    start = n - 1 - int(np.argmax(np.where(allowed, sums, -np.inf)))
    assert thread == range(start, n)
    assert found_quiet.tolist() == quiet[start:]
    assert found_log_odds.tolist() == [0.0 if q else lo for lo, q in zip(log_odds[start:], quiet[start:])]


@pytest.mark.parametrize("texts", [
    ["The council met on Tuesday.", "Great article!"],
    ["Rates rose again.", "thanks for sharing", "A café opened."],
    ["@Paul: I agree", "Prices fell."],
    ["Hi Lori,"],
])
def test_may_react_finds_every_text_with_a_reaction(texts):
    """The one search of a text's lines for a reaction misses none (:func:`may_react`)."""
    assert any(map(is_reaction, texts)) and may_react(texts) and any_reaction(texts)


@pytest.mark.parametrize("texts", [
    [],
    ["The council met on Tuesday.", "Rates rose again by 0.5%."],
    ["Über 20 Häuser", "Read more", "The great article of faith."],
])
def test_may_react_rules_out_texts_without_one(texts):
    """A text without a line that opens as a reaction needs no line's regex."""
    assert not may_react(texts) and not any(map(is_reaction, texts)) and not any_reaction(texts)


def test_any_reaction_is_no_line_that_only_may_be_one():
    """A line the search lets through is a reaction only by the regex (an attributed one is not)."""
    texts = ["The council met on Tuesday.", "Great article, one reader wrote."]
    assert may_react(texts) and not any_reaction(texts)
