"""Chinese, Japanese and Thai articles: their words are not divided by spaces, so the rules that
count words by spaces (Gopher's and C4's heuristics, the boilerplate line model) leave them
alone, and the headline is found by their letters. English rules still judge English text."""
from __future__ import annotations

import pytest

from scanner import scan_text
from scanner.document import Document
from scanner.language import (
    UNSPACED_SCRIPT_RE,
    beyond_ascii,
    holds_unspaced_letter,
    written_unspaced,
)

ZH_HEADLINE = "市议会批准在市中心修建新的自行车道"
ZH = (f"{ZH_HEADLINE}\n\n"
      "市议会周二投票决定在市中心修建四条新的受保护自行车道，结束了关于如何让街道对骑车人更安全的两年辩论。\n\n"
      "该计划耗资约三千二百万元，以三十一票对十二票获得通过。沿车站路的第一条自行车道将于春季开工，预计需要大约六个月。\n\n"
      "交通委员会主席表示，这些车道将连接火车总站、大学和医院。她说：“人们一次又一次地告诉我们，如果他们感到安全，就会更多地骑车。”\n\n"
      "反对者认为，这些车道将减少两百多个停车位，并损害受影响街道上的小商店。当地商会要求市议会公布一份关于对商业预期影响的详细研究。\n")
JA_HEADLINE = "市議会、市中心部の新しい自転車レーンを承認"
JA = (f"{JA_HEADLINE}\n\n"
      "市議会は火曜日、市中心部に保護された自転車レーンを4本新設することを決定した。これにより、自転車利用者にとって道路をより安全にする方法をめぐる2年間の議論に終止符が打たれた。\n\n"
      "計画の費用は約3億2000万円で、賛成31、反対12で承認された。駅前通り沿いの最初のレーンの工事は春に始まり、約6か月かかる見通しだ。\n\n"
      "反対派は、レーンによって200台以上の駐車スペースがなくなり、影響を受ける通りの小さな商店が打撃を受けると主張した。\n")


@pytest.mark.parametrize("text, unspaced", [
    (ZH, True), (JA, True), ("ข่าววันนี้ รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกร", True),
    ("The council voted on Tuesday “to build” four new lanes.", False),
    ("The council voted. 市议会周二投票决定 " + "More English words follow here in the text. " * 3, False),
    ("", False),
])
def test_a_text_is_unspaced_when_a_third_of_its_letters_are_chinese_japanese_or_thai(text, unspaced):
    assert written_unspaced(text) is unspaced


@pytest.mark.parametrize("text", [
    ZH, JA, "ข่าววันนี้ รัฐบาลประกาศ", "豈 更", "ひらがな", "The council voted on Tuesday “to build” four lanes.",
    "Zürich, Straße, café, naïve — “quoted” … €5", "Привет, мир", "नमस्ते दुनिया", "",
])
def test_the_letters_are_found_among_the_characters_beyond_ascii_and_the_document_agrees(text):
    has_letter = any(map(UNSPACED_SCRIPT_RE.match, text))
    assert holds_unspaced_letter(beyond_ascii(text.encode())) is has_letter
    assert Document(text).holds_unspaced_letters is has_letter
    assert Document(text).unspaced_script is written_unspaced(text)


def test_latin_cyrillic_and_typographic_marks_hold_no_unspaced_letter():
    assert not holds_unspaced_letter(beyond_ascii("Zürich, Straße, café — “quoted” … €5 Привет".encode()))
    assert holds_unspaced_letter(beyond_ascii("ข่าว".encode())) and holds_unspaced_letter("豈")


@pytest.mark.parametrize("text, headline", [(ZH, ZH_HEADLINE), (JA, JA_HEADLINE)])
def test_a_clean_chinese_or_japanese_article_gets_no_finding_and_its_headline(text, headline):
    result = scan_text(text)
    assert result["findings"] == [] and result["title"] == headline


def test_word_count_rules_still_judge_a_short_english_text():
    result = scan_text("Japan and NATO pledge closer ties. Read the full story on our site.")
    assert "RDB010" in {f["rule"] for f in result["findings"]}


def test_a_chinese_line_in_an_english_article_is_still_another_language():
    english = ("The council voted on Tuesday to build four new protected cycle lanes through the "
               "city centre, ending a two-year debate over safer streets. ") * 3
    result = scan_text(f"{english}\n\n{ZH.splitlines()[2]}\n\n{english}\n")
    assert [f["rule"] for f in result["findings"] if f["category"] == "language"] == ["LNG001"]
