"""Align one copy of a story with another, sentence by sentence, and list word substitutions.

Each sentence of the copy is paired with the reference sentence sharing most of its content
words (at least 3 words and 35 % of the copy sentence's). Paired sentences are aligned word
by word (difflib); a short replacement (1-3 words each side) standing between identical words
on both sides is a substitution: "long-range *rockets* to" against "long-range *missiles*
to". Names, numbers and changes of case are not substitutions (wire copies differ in those
for editorial reasons); spinners swap ordinary words for synonyms, so spelling variants (neighbors/neighbours) and swaps of function words only
(the/its) do not count either.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from scanner.document import Document, Span

MIN_SHARED_WORDS = 3
MIN_SHARED_SHARE = 0.35
MAX_SWAP_WORDS = 3  # an uneven replacement longer than this is a rewrite, not a swap
MAX_PARALLEL_WORDS = 6  # an even replacement up to this long is read word for word
SPELLING_SIMILARITY = 0.8  # neighbors/neighbours, affect/affects: variants, not swaps
MIN_IDENTITY = 0.5  # sentence pairs with fewer identical words are paraphrases, not copies
_STOP = frozenset(
    ["the", "and", "for", "with", "that", "this", "from", "have", "has", "had", "was", "were", "are", "but", "not", "you", "your", "our", "his", "her", "its", "their", "they", "them", "who", "what", "when", "where", "which", "how", "will", "would", "can", "could", "should", "into", "over", "after", "about", "more", "than", "been", "also", "said", "says", "say", "its", "it's", "one", "two"]
)


_FUNCTION = _STOP | frozenset(
    ["a", "an", "of", "to", "in", "on", "at", "by", "as", "is", "be", "or", "if", "so", "no", "we", "he", "she", "i", "me", "my", "us", "him", "there", "then", "these", "those", "some", "any", "all", "each", "other", "such", "only", "just", "very", "too", "much", "many", "most", "same", "own", "been", "being", "do", "does", "did", "whether", "while", "because"])


@dataclass
class Sentence:
    """A sentence's word tokens (exact spans) and content words, and its document's id."""

    words: list[Span]
    lower: list[str]
    content: frozenset[str]
    doc_id: str


@dataclass
class Substitution:
    """Copy wording where a reference has other wording: the copy's span and the reference."""

    start: int
    end: int
    copy: str
    original: str
    reference: str

    @property
    def single(self) -> bool:
        """One content word for another: the spinner's signature move."""
        return (" " not in self.copy and " " not in self.original
                and self.copy.lower() not in _FUNCTION and self.original.lower() not in _FUNCTION)


@dataclass
class Alignment:
    """How a copy lines up with its references."""

    copy_words: int  # words in the copy
    aligned_words: int  # copy words in sentences paired with a reference sentence
    shared_words: int  # copy words identical to the paired reference words
    substitutions: list[Substitution]

    @property
    def substituted_words(self) -> int:
        return sum(len(s.copy.split()) for s in self.substitutions)

    @property
    def single_swaps(self) -> int:
        return sum(s.single for s in self.substitutions)

    @property
    def rate(self) -> float:
        """Substituted words per aligned word."""
        return self.substituted_words / self.aligned_words if self.aligned_words else 0.0

    @property
    def shared(self) -> float:
        """Share of the copy's words found verbatim in the references."""
        return self.shared_words / self.copy_words if self.copy_words else 0.0


def sentences_of(doc: Document) -> list[Sentence]:
    """The document's sentences with their words (any text outside sentences is ignored)."""
    starts = [w.start for w in doc.words]
    out = []
    for sentence in doc.sentences:
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        words = doc.words[lo:hi]
        lower = doc.lower_words[lo:hi]
        content = frozenset(w for w in lower if len(w) > 2 and w not in _STOP)
        if len(words) >= 4:
            out.append(Sentence(words, lower, content, doc.id))
    return out


def align(copy: Document, references: list[Document]) -> Alignment:
    """Align ``copy`` with the best-matching sentences of any of ``references``."""
    ref_sentences = [s for ref in references for s in sentences_of(ref)]
    index: dict[str, list[int]] = {}
    for k, sentence in enumerate(ref_sentences):
        for word in sentence.content:
            index.setdefault(word, []).append(k)
    aligned = shared = 0
    substitutions: list[Substitution] = []
    for sentence in sentences_of(copy):
        best = _best_match(sentence, ref_sentences, index)
        if best is None:
            continue
        matcher = SequenceMatcher(None, best.lower, sentence.lower, autojunk=False)
        same = sum(block.size for block in matcher.get_matching_blocks())
        shared += same
        if same < MIN_IDENTITY * len(sentence.words):
            continue
        aligned += len(sentence.words)
        substitutions += _substitutions(matcher.get_opcodes(), sentence, best, copy.text)
    return Alignment(len(copy.words), aligned, shared, substitutions)


def _best_match(sentence: Sentence, candidates: list[Sentence],
                index: dict[str, list[int]]) -> Sentence | None:
    if not sentence.content:
        return None
    counts = Counter(k for word in sentence.content for k in index.get(word, ()))
    if not counts:
        return None
    k, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    if n < MIN_SHARED_WORDS or n < MIN_SHARED_SHARE * len(sentence.content):
        return None
    return candidates[k]


def _substitutions(opcodes, copy: Sentence, ref: Sentence, text: str) -> list[Substitution]:
    found = []
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "replace" or not _between_equals(opcodes, k):
            continue
        if i2 - i1 == j2 - j1 <= MAX_PARALLEL_WORDS:  # word for word
            pieces = [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))]
        elif i2 - i1 <= MAX_SWAP_WORDS and j2 - j1 <= MAX_SWAP_WORDS:
            pieces = [(i1, i2, j1, j2)]
        else:
            continue
        for a1, a2, b1, b2 in pieces:
            copy_words, ref_words = copy.words[b1:b2], ref.words[a1:a2]
            if _is_synonym_swap(copy_words, ref_words, b1 == 0):
                start, end = copy_words[0].start, copy_words[-1].end
                found.append(Substitution(start, end, text[start:end],
                                          " ".join(w.text for w in ref_words), ref.doc_id))
    return found


def _between_equals(opcodes, k: int) -> bool:
    return 0 < k < len(opcodes) - 1 and opcodes[k - 1][0] == opcodes[k + 1][0] == "equal"


def _is_synonym_swap(copy_words: list[Span], ref_words: list[Span], at_start: bool) -> bool:
    """Ordinary words on both sides, at least one a content word: no digits, no names, not
    just a change of case or of function words."""
    for words in (copy_words, ref_words):
        for w in words:
            if any(ch.isdigit() for ch in w.text):
                return False
        if not at_start and any(w.text[:1].isupper() for w in words):
            return False
    copy_lower = [w.text.lower() for w in copy_words]
    ref_lower = [w.text.lower() for w in ref_words]
    if all(w in _FUNCTION for w in copy_lower + ref_lower):
        return False
    if len(copy_lower) == len(ref_lower) == 1 and (copy_lower[0] in _FUNCTION) != (
            ref_lower[0] in _FUNCTION):
        return False  # a function word against a content word: misaligned, not a synonym
    copy_text, ref_text = " ".join(copy_lower), " ".join(ref_lower)
    return SequenceMatcher(None, copy_text, ref_text).ratio() < SPELLING_SIMILARITY
