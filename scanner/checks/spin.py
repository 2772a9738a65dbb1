"""Spin: word pairs broken by a synonym-swapping spinner (SPN001) and the article classifier's
verdict (SPN002)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import numpy as np

from scanner.document import Document
from scanner.finding import Category, Finding, Severity
from scanner.listings import prose_text
from scanner.rule import Rule, flag, ok
from scanner.spin import analyse, classifier, is_english, spin_probability, spin_score
from scanner.spin.analysis import Analysis, analyse_batch
from scanner.spin.model import THRESHOLD
from scanner.spin.tables import tables
from scanner.spin.tokens import spans_at

SIDE_EVIDENCE = 0.5  # a neighbour joins the excerpt when its pair gains this much
SUGGEST_GAIN = 1.5  # below this gain the best candidate is no credible original (on spun
# training text about half of the suggestions at gain 1-1.5 were the replaced word)
CONTEXT_WORDS = 100  # below this length the article score is no context for single words


def prepare_batch(docs: list[Document]) -> None:
    """Analyse a batch's English documents together (:func:`analyse_batch`), and score their
    sites together: what SPN001 and SPN002 need, memoised in ``doc.cache``."""
    english = [doc for doc in docs if is_english(doc)]
    analyse_batch(english)
    classifier().prepare_sites([analyse(doc) for doc in english])


class _SpinRule(Rule):
    """A spin rule: its batch is analysed and scored together first (:func:`prepare_batch`)."""

    category = Category.SPIN

    def prepare(self, docs: list[Document]) -> None:
        prepare_batch(docs)


class CollocationBreak(_SpinRule):
    id = "SPN001"
    name = "collocation-break"
    severity = Severity.WARNING
    summary = "Improbable word pair whose synonym variant is common English (spun text)"
    docs = """
Article spinners replace words by thesaurus entries without regard to sense or collocation:
"humanitarian aid" becomes "humanitarian help", "carbon emissions" becomes "carbon
discharges", "in connection with" becomes "in link with". For every content word next to a
word pair absent from the collocation table, the rule puts back each candidate original
(WordNet and MyThes relations and Moby thesaurus entries, inflected) and measures how much the
association (log10 PMI against a table of 1.98M word pairs: 668k counted in the symspellpy
bigram list, built from books, and in clean news, 1.31M more attested by pocketsphinx's
English language model; a
British or American spelling has the pairs of its twin, "flavour that" those of "flavor
that"; see models/spin/MODEL_CARD.md) of the two neighbouring pairs improves. Strong gains are
warnings, weaker ones infos. In an article of 100+ tokens that the classifier scores as spun
(`scores.spin` >= 0.5) swaps are expected, so the site model's swap probability flags words
too (a warning also needs a credible original). The suggestion is the likely original
wording, given only when the gain makes it credible. Conversely, in an
article of 100+ tokens that the classifier is confident is not spun (`scores.spin` below
`clean_context_p`), only warnings are reported: a weaker break there is most likely the
writer's own wording or a gap in the table. Options: `info_gain`, `warning_gain` (log10
units), `info_swap_p`, `warning_swap_p` (spun articles), `clean_context_p`.
An isolated info is weak evidence; many findings in one article are strong.
"""
    default_options: ClassVar[dict] = {"info_gain": 3.5, "warning_gain": 6.0,
                                       "info_swap_p": 0.5, "warning_swap_p": 0.75,
                                       "clean_context_p": 0.1}
    examples: ClassVar[list] = [
        flag("The agency offered humanitarian help and other support to the region."),
        flag("Kishida welcomed NATO's deepening interest and engagement in the region."),
        flag("The government will raise taxes on fuel to cut carbon discharges."),
        flag("Authorities apprehended three guys in link with the burglary."),
        ok("The agency offered humanitarian aid and other support to the region."),
        ok("Kishida welcomed NATO's growing interest and engagement in the region."),
        ok("The government will raise taxes on fuel to cut carbon emissions."),
        ok("Police detained three men in connection with the robbery."),
        ok("Browning the butter gives the dough a deep, toasty flavour that plays well with oats."),
        ok("Le gouvernement japonais a publié une nouvelle stratégie de sécurité nationale."),
    ]

    def check(self, doc: Document) -> Iterator[Finding]:
        if not is_english(doc):
            return
        analysis = analyse(doc)
        info, strong = self.site_levels(doc, analysis)
        flagged = np.flatnonzero(info)
        if not len(flagged):
            return
        spans = spans_at(prose_text(doc), _excerpt_tokens(analysis, flagged))
        for group in _groups(analysis, flagged):
            yield self._finding(doc, analysis, spans, group, bool(strong[group].any()))

    def site_levels(self, doc: Document, analysis: Analysis) -> tuple[np.ndarray, np.ndarray]:
        """``(flagged, warning)`` masks over the sites of ``analysis`` (the analysis of
        ``doc``)."""
        options = self.options
        info = analysis.gain >= float(options["info_gain"])
        strong = analysis.gain >= float(options["warning_gain"])
        if len(analysis.ids) < CONTEXT_WORDS:
            return info, strong
        article_p = spin_probability(doc) or 0.0
        if article_p >= THRESHOLD:
            swap_p = classifier().site_probabilities(analysis)
            info |= swap_p >= float(options["info_swap_p"])
            credible = analysis.gain >= SUGGEST_GAIN
            strong |= (swap_p >= float(options["warning_swap_p"])) & credible
        elif article_p < float(options["clean_context_p"]):
            info = strong  # a confidently clean article: a weak break is its own wording
        return info, strong

    def _finding(self, doc: Document, analysis: Analysis, spans: dict[int, tuple[int, int]],
                 group: list[int], strong: bool) -> Finding:
        words = tables().words
        first, last = _extent(analysis, group[0])[0], _extent(analysis, group[-1])[1]
        start, end = whole_words(doc.text, spans[first][0], spans[last][1])
        parts, pos = [], start
        for j in group:
            if analysis.gain[j] < SUGGEST_GAIN:
                continue
            token_start, token_end = spans[analysis.sites[j]]
            written = doc.text[token_start:token_end]
            original = words[analysis.best[j]]
            if written[:1].isupper():
                original = original[:1].upper() + original[1:]
            parts += [doc.text[pos:token_start], original]
            pos = token_end
        parts.append(doc.text[pos:end])
        suggestion = "".join(parts) if pos > start else None
        excerpt = doc.text[start:end]
        gain = float(analysis.gain[group].max())
        message = f"Unidiomatic wording '{excerpt}': looks like a synonym swap"
        if suggestion:
            message += f" (likely original: '{suggestion}')"
        finding = self.finding(doc, start, end, message, suggestion=suggestion,
                               data={"gain": round(gain, 2)}, excerpt=excerpt)
        if not strong:
            finding.severity = Severity.INFO
        return finding


def _excerpt_tokens(analysis: Analysis, flagged: np.ndarray) -> list[int]:
    """Token positions a finding on the ``flagged`` sites may quote: each site and its
    neighbours (see :func:`_extent`), ascending."""
    sites = analysis.sites[flagged]
    around = np.unique(np.concatenate((sites - 1, sites, sites + 1)))
    return around[(around >= 0) & (around < len(analysis.ids))].tolist()


def _extent(analysis: Analysis, j: int) -> tuple[int, int]:
    """Token range ``[first, last]`` of site ``j`` plus the neighbours that carry its evidence."""
    k = int(analysis.sites[j])
    first = k - 1 if analysis.left_gain[j] >= SIDE_EVIDENCE else k
    last = k + 1 if analysis.right_gain[j] >= SIDE_EVIDENCE else k
    return first, last


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` widened to whole hyphenated words: the tokens split "self-regarding",
    an excerpt does not start inside it (QA pass 25)."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 1
        while start and text[start - 1].isalpha():
            start -= 1
    while end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    return start, end


def _groups(analysis: Analysis, flagged: np.ndarray) -> list[list[int]]:
    """Flagged sites whose excerpts touch or overlap, merged into one finding each."""
    groups: list[list[int]] = []
    last_end = -2
    for j in flagged.tolist():
        first, last = _extent(analysis, j)
        if groups and first <= last_end + 1:
            groups[-1].append(j)
            last_end = max(last_end, last)
        else:
            groups.append([j])
            last_end = last
    return groups


_SPUN_EXAMPLE = (
    "The city board authorized a brand-new spending plan on Tuesday that elevates investing on "
    "institutions and public transportation while reducing the expense of roadway fixings. The "
    "mayor stated the strategy would certainly aid households who battle with increasing rates "
    "and would certainly produce hundreds of tasks over the following 2 years. Resistance "
    "participants slammed the choice, saying that the board had actually not sought advice from "
    "locals which the tax obligation boost would certainly harm local business. The spending "
    "plan consists of cash for brand-new bus paths, much longer collection opening hrs and the "
    "fixing of a number of key institutions harmed by floodings last winter season.")
_ORIGINAL_EXAMPLE = (
    "The city council approved a new budget on Tuesday that raises spending on schools and "
    "public transport while cutting the cost of road repairs. The mayor said the plan would "
    "help families who struggle with rising prices and would create hundreds of jobs over the "
    "next two years. Opposition members criticised the decision, arguing that the council had "
    "not consulted residents and that the tax increase would hurt small businesses. The budget "
    "includes money for new bus routes, longer library opening hours and the repair of several "
    "primary schools damaged by floods last winter.")


class SpunArticle(_SpinRule):
    id = "SPN002"
    name = "spun-article"
    severity = Severity.ERROR
    summary = "The article classifier judges the whole text machine rewritten (scores.spin >= 0.5)"
    docs = """
The verdict of the article classifier as a whole-document finding, so that a pre-publication
gate fails on a spun article by default (`--fail-on error`): it fires when `scores.spin` is at
or above `threshold` (0.5, the model's shipped threshold; see models/spin/MODEL_CARD.md for
what it catches and how often it flags clean news). SPN001's findings show where the swaps
are. A text of under 100 tokens in which SPN001 (at its default options) finds no swap to
point at gets the verdict as a warning, not an error (unless `[severity]` sets SPN002's level,
which then holds for every SPN002 finding): on so little text the score alone is
weak evidence (cut to their first 50-100 words, 1.8 % of clean held-out BBC articles score
0.5 or more, 0.9 % with a swap found: `bench/spin_eval.py --parts e` prints both). No finding where
`scores.spin` is null: a text in another language or of fewer than 50 words. Lower its
severity in `[severity]` to report the verdict without failing the gate.
"""
    default_options: ClassVar[dict] = {"threshold": THRESHOLD}
    examples: ClassVar[list] = [flag(_SPUN_EXAMPLE), ok(_ORIGINAL_EXAMPLE),
                                ok("Too short to judge: the board authorized a brand-new plan.")]

    def check(self, doc: Document) -> Iterator[Finding]:
        spin, _ = spin_score(doc)
        threshold = float(self.options["threshold"])
        if spin is None or spin < threshold:
            return
        message = (f"Spun article: the classifier puts the chance that its wording was machine "
                   f"rewritten at {spin:.2f} (threshold {threshold:g})")
        if _unpointed_short_text(doc):
            finding = self.finding(doc, None, None, message + "; no single swap stands out in "
                                   "so short a text, so this is a warning", data={"spin": spin})
            finding.severity = Severity.WARNING  # a configured level replaces it (the engine)
            yield finding
        else:
            yield self.finding(doc, None, None, message, data={"spin": spin})


def _unpointed_short_text(doc: Document) -> bool:
    """Whether ``doc`` is shorter than :data:`CONTEXT_WORDS` tokens and SPN001, at its default
    options, finds no swap in it."""
    analysis = analyse(doc)
    return (len(analysis.ids) < CONTEXT_WORDS
            and not CollocationBreak().site_levels(doc, analysis)[0].any())


RULES = [CollocationBreak, SpunArticle]
