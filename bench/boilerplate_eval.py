"""Dev evaluation of the boilerplate, spam and quality rules (prints figures).

    PYTHONPATH=. python bench/boilerplate_eval.py [--shared ../shared] [--html-pages 256]
    PYTHONPATH=. python bench/boilerplate_eval.py --lines pages.jsonl   # other labelled pages
    PYTHONPATH=. python bench/boilerplate_eval.py --split dev --fold 0 --model DIR/line_model.npz \
        --skip seeds html bbc speed     # choosing variants: never on the held-out pages
    ... --errors                        # where the plain-text errors are, by kind of line
                                        # (and BPL011's lines amid one-line-a-paragraph prose)

* Line-level boilerplate detection on the held-out WCXB *test* pages (the line model is trained
  on the *dev* pages only): recall of boilerplate lines, share of content lines kept
  (unflagged), balanced accuracy. Three inputs: the whole visible page as plain text
  (``wcxb_lines_fullpage``), trafilatura's extraction (``wcxb_lines_extracted``), and the raw
  HTML read with :func:`scanner.html_text.html_to_lines` (whole page text plus trafilatura's main
  text as evidence). Headline lines are not scored. A line counts as flagged when any
  boilerplate or spam finding of these rules covers it (``--flagged-at warning``: a warning
  or worse, what ``audit --emit-clean`` drops by default).
* Comment threads: of the lines trafilatura appends as comments (in its default extraction,
  not in ``include_comments=False``'s), the share flagged, on the WCXB pages that have any.
* Clean news: share of held-out BBC articles (number divisible by 5) with a warning-or-worse
  finding from these rules, with the title given as metadata and with it as the first line.
* Seeds: every finding of these rules on the five seed articles.
* Speed: mean time of all these rules per article on the throughput corpus (one core; the
  document's shared line views are built beforehand, as the engine does), and the share of
  articles the line model runs on with its CPU time per such article.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from scanner.boilerplate import analysis
from scanner.boilerplate.analysis import analyse
from scanner.boilerplate.features import BULLET_RE
from scanner.boilerplate.model import load_arrays
from scanner.boilerplate.patterns import line_cues
from scanner.checks import boilerplate, quality, spam
from scanner.engine import make_document
from scanner.finding import Category, Severity
from scanner.io.records import InputRecord
from scanner.listings import listing_lines
from scanner.wrapping import ends_sentence

ROOT = Path(__file__).resolve().parents[1]
LINE_CATEGORIES = {Category.BOILERPLATE, Category.SPAM}


def my_rules(options: dict | None = None) -> list:
    """Instances of every rule of this area (Python checks plus the spam pack when loadable).

    ``options`` overrides options of the line-model rule BPL011 (e.g. ``threshold``).
    """
    rules = [cls(**(options or {})) if cls is boilerplate.BoilerplateLine else cls()
             for module in (boilerplate, spam, quality) for cls in module.RULES]
    try:
        from scanner.packs import load_pack
    except ImportError:  # pragma: no cover - the pack loader ships with the core
        return rules
    return rules + load_pack(ROOT / "rules" / "spam.yaml")


def document(text: str, title: str | None = None, **metadata):
    return make_document(InputRecord(id="e", source="e", text=text, title=title, metadata=metadata))


def findings(rules: list, doc, level: Severity = Severity.INFO) -> list:
    """The findings of ``rules`` on ``doc`` of severity ``level`` or worse."""
    return [f for rule in rules for f in rule.check(doc) if f.severity.rank >= level.rank]


def rules_by_line(doc, found: list) -> dict[int, set[str]]:
    """The rules of the boilerplate or spam findings that cover each line, by line index."""
    rules_of: dict[int, set[str]] = defaultdict(set)
    for f in found:
        if f.category in LINE_CATEGORIES and f.start is not None:
            for i in range(doc.line_index(f.start), doc.line_index(max(f.start, f.end - 1)) + 1):
                rules_of[i].add(f.rule)
    return rules_of


def flagged_lines(doc, found: list) -> set[int]:
    """Indices of lines covered by a boilerplate or spam finding."""
    return set(rules_by_line(doc, found))


def load_line_pages(shared: Path, regime: str, split: str = "test",
                    fold: int | None = None) -> list[list[dict]]:
    """Labelled lines of the pages of a WCXB split (optionally one dev fold), page by page.

    A headline line gets ``"headline": True``: one the data marks ``title_like`` (the whole-page
    text marks some) or one that repeats the page's title (the leftovers mark none). Headline
    lines are not scored, as in the issue's evaluation and in :func:`eval_html`."""
    titles = page_titles(shared)
    pages: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(shared / "data" / "boilerplate" / f"wcxb_lines_{regime}.jsonl.gz", "rt") as fh:
        for raw in fh:
            row = json.loads(raw)
            if (row["page_id"].startswith(f"wcxb-{split}/") and row["text"].strip()
                    and (fold is None or int(row["page_id"].rsplit("/", 1)[1]) % 5 == fold)):
                row["headline"] = (row.get("region") == "title_like"
                                   or normalised(row["text"]) == titles.get(row["page_id"]))
                pages[row["page_id"]].append(row)
    return [sorted(rows, key=lambda r: r["line_no"]) for _, rows in sorted(pages.items())]


@cache
def page_titles(shared: Path) -> dict[str, str]:
    """The normalised title of each WCXB page, by page id (pages without a title left out;
    read once for the figures that need it)."""
    with gzip.open(shared / "data" / "boilerplate" / "wcxb_pages.jsonl.gz", "rt") as fh:
        pages = (json.loads(raw) for raw in fh)
        return {page["id"]: normalised(page["title"]) for page in pages if page.get("title")}


def normalised(line: str) -> str:
    """``line`` in lower case with its whitespace collapsed (to compare a line with a title)."""
    return " ".join(line.split()).lower()


def recall_and_kept(labels: list[bool], flags: list[bool]) -> tuple[float, float] | None:
    """Boilerplate recall and the share of content lines kept (None without both kinds of line)."""
    bp = [f for y, f in zip(labels, flags) if y]
    content = [not f for y, f in zip(labels, flags) if not y]
    return (sum(bp) / len(bp), sum(content) / len(content)) if bp and content else None


def balanced_accuracy(labels: list[bool], flags: list[bool]) -> float | None:
    """The mean of boilerplate recall and content kept (None without both kinds of line)."""
    both = recall_and_kept(labels, flags)
    return None if both is None else sum(both) / 2


def report(name: str, labels: list[bool], flags: list[bool]) -> None:
    recall, kept = recall_and_kept(labels, flags)
    print(f"{name:34s} lines={len(labels):6d} boilerplate recall={recall:.3f} "
          f"content kept={kept:.3f} balanced accuracy={(recall + kept) / 2:.3f}")


def eval_plain(rules: list, shared: Path, regime: str, split: str = "test", fold: int | None = None,
               errors: bool = False, level: Severity = Severity.INFO) -> None:
    name = f"plain text, {regime}" + (f" ({split} fold {fold})" if fold is not None else "")
    eval_pages(rules, load_line_pages(shared, regime, split, fold), name, errors, level)


def load_line_file(path: Path) -> list[list[dict]]:
    """Labelled lines of other pages (``--lines``), page by page: JSON lines (gzipped when the
    name ends in .gz) of ``{page_id, line_no, text, is_boilerplate}``, the WCXB line files'
    form, plus an optional ``headline`` (true: not scored)."""
    pages: dict[str, list[dict]] = defaultdict(list)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                row = json.loads(raw)
                row["headline"] = bool(row.get("headline"))
                pages[row["page_id"]].append(row)
            except (ValueError, KeyError, TypeError) as exc:
                raise SystemExit(f"{path}:{number}: not a labelled line ({exc})") from None
    return [sorted(rows, key=lambda r: r["line_no"]) for _, rows in sorted(pages.items())
            if any(r["text"].strip() for r in rows)]


def eval_pages(rules: list, pages: list[list[dict]], name: str, errors: bool = False,
               level: Severity = Severity.INFO) -> None:
    """The line-level figures of ``pages`` (lists of labelled rows) as plain text, pooled over
    their lines and, as the macro mean, page by page (pages with both kinds of line)."""
    labels, flags = [], []
    per_page = []  # balanced accuracy of each page with both content and boilerplate lines
    missed, wrong = Counter(), Counter()  # error kinds (with ``errors``)
    amid = Counter()  # BPL011's lines amid the article's prose, by shape and label (with ``errors``)
    listed = Counter()  # labels of the lines in program listings, and pages with any
    for rows in pages:
        rows = [r for r in rows if r["text"].strip()]
        page_start = len(labels)
        doc = document("\n".join(r["text"].strip() for r in rows))
        found = findings(rules, doc, level)
        rules_of = rules_by_line(doc, found)
        hit = set(rules_of)
        kinds = error_kinds(doc, rules_of, model_threshold(rules)) if errors else {}
        shapes = amid_prose_shapes(doc, rules_of) if errors else {}
        listing = listing_lines(doc)
        listed["pages"] += bool(listing)
        for i, r in enumerate(rows):
            if not r["headline"]:
                labels.append(bool(r["is_boilerplate"]))
                flags.append(i in hit)
                if i in listing:
                    listed["content" if not labels[-1] else "boilerplate"] += 1
                if errors and labels[-1] != flags[-1]:
                    (missed if labels[-1] else wrong)[kinds[i]] += 1
                if i in shapes:
                    amid[shapes[i], labels[-1]] += 1
        per_page.append(balanced_accuracy(labels[page_start:], flags[page_start:]))
    report(name, labels, flags)
    scored = [b for b in per_page if b is not None]
    print(f"  macro mean over {len(scored)} pages with both kinds of line: balanced accuracy "
          f"{sum(scored) / max(1, len(scored)):.3f}")
    print(f"  lines in program listings (article text to the rules): {listed['content']} labelled "
          f"content, {listed['boilerplate']} boilerplate, on {listed['pages']} pages")
    if errors:
        n_bp = sum(labels)
        for what, counts, total in (("missed boilerplate", missed, n_bp),
                                    ("flagged content", wrong, len(labels) - n_bp)):
            print(f"  {what} ({counts.total()} lines; share of all {what.split()[1]} lines):")
            for kind, count in counts.most_common():
                print(f"    {kind:48s} {count:6d} {count / total:.3f}")
        print(f"  BPL011's lines amid the article's prose in one-line-a-paragraph text (runs of at most "
              f"{_AMID_RUN} lines between prose lines nothing flags): content / boilerplate")
        for shape in sorted({shape for shape, _ in amid}):
            print(f"    {shape:48s} {amid[shape, False]:6d} {amid[shape, True]:6d}")


_CODE_RE = re.compile(r"[{};=]|^\s*(?://|#|\$ )|\(\)|:=|->|^(?:if|for|return|def|func|import|var|let|const)\b")
_REFERENCE_RE = re.compile(r"\b(?:19|20)\d\d\b.*(?:\b[A-Z]{1,2}\b[,.]|et al|doi|Retrieved|pp\.)"
                           r"|(?:\b[A-Z]{1,2}\b[,.]|et al|doi|Retrieved|pp\.).*\b(?:19|20)\d\d\b")


def model_threshold(rules: list) -> float:
    """BPL011's plain-text threshold among ``rules``."""
    return next(float(r.options["threshold"]) for r in rules if isinstance(r, boilerplate.BoilerplateLine))


def error_kinds(doc, rules_of: dict[int, set[str]], threshold: float) -> dict[int, str]:
    """A rough kind for each line, to tell where the errors are (``--errors``): the rules that
    flag it (``rules_of``, :func:`rules_by_line`), else what it looks like (the document's first
    line, which is taken for the headline and never flagged; a table row, code or a
    bibliographic reference, which the WCXB annotators often left out of the gold text; prose; a
    short or a longer non-prose line; a line of a text the line model does not run on), with the
    model's side of BPL011's ``threshold`` (not for the headline line). Shape tests are regex
    heuristics."""
    page = analyse(doc)
    position = {i: k for k in range(len(page.texts)) for i in page.lines_of([k])}
    out = {}
    for i, text in enumerate(doc.text.split("\n")):
        k = position.get(i)
        text = text.strip()
        if k is not None and k == page.title_position:
            shape = "headline line (never flagged)"
        elif k is not None and page.kinds[k]:
            shape = f"kind {page.kinds[k]}"
        elif text.startswith("|"):
            shape = "table row"
        elif _CODE_RE.search(text):
            shape = "code-like"
        elif _REFERENCE_RE.search(text):
            shape = "reference-like"
        elif page.probabilities is None:
            shape = "in a text the model does not run on"
        elif k is not None and page.prose[k]:
            shape = "prose"
        else:
            shape = "short non-prose (<= 8 words)" if len(text.split()) <= 8 else "longer non-prose"
        if i in rules_of:
            kind = "flagged by " + "+".join(sorted(rules_of[i])) + ": " + shape
        else:
            kind = shape
            if page.probabilities is not None and k is not None and k != page.title_position:
                kind += f" p>={threshold:g}" if page.probabilities[k] >= threshold else f" p<{threshold:g}"
        out[i] = kind
    return out


_AMID_RUN = 3


def amid_prose_shapes(doc, rules_of: dict[int, set[str]]) -> dict[int, str]:
    """The lines BPL011 alone flags in a text without blank-line paragraphs (a scraper's, one line a
    paragraph) that stand in a run of at most :data:`_AMID_RUN` lines between two prose lines
    nothing flags or explains, by shape: a list item, subhead-like (at most 12 words, no
    terminal punctuation), a short sentence (at most 14 words) or longer (``--errors``: is the
    article's structure between its paragraphs content or furniture?)."""
    page = analyse(doc)
    if page.probabilities is None or boilerplate._paragraphed(page):
        return {}
    flagged = [set().union(*(rules_of.get(i, set()) for i in page.lines_of([k])))
               for k in range(len(page.texts))]
    article = [page.prose[k] and page.kinds[k] is None and not flagged[k] for k in range(len(page.texts))]
    out, k, n = {}, 0, len(article)
    while k < n:
        end = k
        while end < n and not article[end]:
            end += 1
        if 0 < k < end < n and end - k <= _AMID_RUN:
            for j in range(k, end):
                if flagged[j] == {"BPL011"} and page.kinds[j] is None:
                    text = page.texts[j]
                    words = len(text.split())
                    shape = ("list item" if BULLET_RE.match(text)
                             else "subhead-like" if words <= 12 and not ends_sentence(text)
                             else "short sentence" if words <= 14 else "longer")
                    out.update(dict.fromkeys(page.lines_of([j]), shape))
        k = max(end, k + 1)
    return out


def eval_html(rules: list, shared: Path, limit: int, level: Severity = Severity.INFO) -> None:
    try:
        from scanner.html_text import html_to_lines
    except ImportError:
        print("html: scanner.html_text not available")
        return
    pages = {}
    with gzip.open(shared / "data" / "boilerplate" / "wcxb_pages.jsonl.gz", "rt") as fh:
        for raw in fh:
            page = json.loads(raw)
            if page["id"].startswith("wcxb-test/"):
                pages[page["id"]] = page
    labels, flags = [], []
    for page_id, page in sorted(pages.items())[:limit]:
        path = html_path(shared, page_id)
        if not path.exists():
            continue
        with gzip.open(path, "rt", errors="replace") as fh:
            text, main, title = html_to_lines(fh.read())
        doc = document(text, title, **({"main_text": main} if main else {}))
        hit = flagged_lines(doc, findings(rules, doc, level))
        gold = " ".join(page["gold_text"].split())
        title_norm = normalised(page.get("title") or "")
        for i, line in enumerate(text.split("\n")):
            norm = " ".join(line.split())
            if not norm or norm.lower() == title_norm:
                continue
            labels.append(norm not in gold)
            flags.append(i in hit)
    report(f"html, {len(pages)} test pages (max {limit})", labels, flags)


def html_path(shared: Path, page_id: str) -> Path:
    """The raw HTML file of a WCXB page."""
    return shared / "data" / "boilerplate" / "wcxb_html" / (page_id.replace("/", "__") + ".html.gz")


def eval_comments(rules: list, shared: Path, split: str = "test", fold: int | None = None,
                  level: Severity = Severity.INFO) -> None:
    """Recall on the comment threads trafilatura appends to an article (its default keeps
    comments): the leftover lines found only in ``extract(include_comments=True)``'s tail."""
    from scanner.html_text import appended_comments

    labels, flags, pages = [], [], 0
    for rows in load_line_pages(shared, "extracted", split, fold):
        path = html_path(shared, rows[0]["page_id"])
        if not path.exists():
            continue
        with gzip.open(path, "rt", errors="replace") as fh:
            html = fh.read()
        article, comments = appended_comments(html)
        if not comments.strip():
            continue
        pages += 1
        doc = document("\n".join(r["text"].strip() for r in rows))
        hit = flagged_lines(doc, findings(rules, doc, level))
        for i, r in enumerate(rows):
            text = r["text"].strip()
            if len(text) > 3 and text in comments and text not in article:
                labels.append(bool(r["is_boilerplate"]))
                flags.append(i in hit)
    bp = [f for y, f in zip(labels, flags) if y]
    print(f"comment lines trafilatura appends ({split} pages with comments: {pages}): "
          f"{len(labels)} lines, {len(bp)} labelled boilerplate, of which flagged "
          f"{sum(bp) / max(len(bp), 1):.3f}")


def eval_bbc(rules: list, shared: Path) -> None:
    with gzip.open(shared / "data" / "bbc" / "bbc.jsonl.gz", "rt") as fh:
        articles = [json.loads(raw) for raw in fh]
    held_out = [a for a in articles if int(a["id"].rsplit("-", 1)[1]) % 5 == 0]
    for label, make in (("title as metadata", lambda a: document(a["text"], a["title"])),
                        ("title as first line", lambda a: document(a["title"] + "\n\n" + a["text"]))):
        bad = defaultdict(int)
        docs_with_warning = 0
        for a in held_out:
            worse = [f for f in findings(rules, make(a)) if f.severity.rank >= Severity.WARNING.rank]
            docs_with_warning += bool(worse)
            for f in worse:
                bad[f.rule] += 1
        share = docs_with_warning / len(held_out)
        print(f"BBC held-out ({len(held_out)}), {label}: {share:.1%} with a warning or worse "
              f"{dict(bad) if bad else ''}")


def eval_seeds(rules: list) -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = document(path.read_text(encoding="utf-8"))
        print(f"seed {path.name} (title: {doc.title!r})")
        for f in sorted(findings(rules, doc), key=lambda f: (f.start is None, f.start or 0)):
            where = f"line {doc.line_index(f.start) + 1}" if f.start is not None else "document"
            print(f"  {f.rule} {f.severity.value:7s} {where:9s} {(f.excerpt or f.message)[:90]!r}")


def eval_speed(rules: list, shared: Path, n: int = 2000) -> None:
    with gzip.open(shared / "bench" / "news.jsonl.gz", "rt") as fh:
        records = [json.loads(raw) for _, raw in zip(range(n), fh)]
    for doc in [document(r["text"], r.get("title")) for r in records[:300]]:
        for rule in rules:  # warm up lazy models and tables
            list(rule.check(doc))
    docs = [document(r["text"], r.get("title")) for r in records]
    for doc in docs:  # the shared line views are built by the engine, not by these rules
        _ = doc.nonblank_lines, doc.line_starts
    start = time.perf_counter()
    for doc in docs:
        for rule in rules:
            for _ in rule.check(doc):
                pass
    per_doc = (time.perf_counter() - start) / len(docs) * 1000
    print(f"speed: {per_doc:.3f} ms per article for {len(rules)} rules ({len(docs)} articles)")
    # the line model's share of that: how many articles it runs on, and its CPU time on each
    pages = [page for page in map(analyse, docs) if page.probabilities is not None]
    model = analysis.load_model()
    start = time.process_time()
    for page in pages:
        model.probabilities(page.texts, line_cues(page.texts))
    per_page = (time.process_time() - start) / max(len(pages), 1) * 1000
    print(f"line model: runs on {len(pages) / len(docs):.1%} of the articles, "
          f"{per_page:.3f} ms CPU each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--html-pages", type=int, default=256)
    parser.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                        help="override a BPL011 option, e.g. threshold=0.5")
    parser.add_argument("--skip", nargs="*", default=[], help="parts to skip: plain comments html bbc seeds speed")
    parser.add_argument("--split", choices=("test", "dev"), default="test",
                        help="WCXB pages for the plain-text figures (dev: with --fold, to choose variants; "
                             "skips the held-out html and bbc parts)")
    parser.add_argument("--errors", action="store_true",
                        help="with the plain-text figures, count the errors by kind (the rule that "
                             "flags a content line, what a missed boilerplate line looks like)")
    parser.add_argument("--fold", type=int, default=None, help="only this dev fold (page number mod 5)")
    parser.add_argument("--model", type=Path, default=None,
                        help="line model arrays to use instead of the shipped one (e.g. one fitted "
                             "without --fold's pages: scripts/train_boilerplate.py --exclude-fold)")
    parser.add_argument("--flagged-at", choices=("info", "warning"), default="info",
                        help="the least severe finding that flags a line in the line-level figures "
                             "(warning: what audit --emit-clean drops by default)")
    parser.add_argument("--lines", type=Path, nargs="+", default=[], metavar="FILE",
                        help="labelled lines of other pages (JSON lines in the WCXB line files' "
                             "form, see load_line_file): their plain-text figures instead of WCXB's")
    args = parser.parse_args()
    level = Severity.parse(args.flagged_at)
    if args.model is not None:
        model = load_arrays(args.model)
        analysis.load_model = lambda: model  # the analysis looks the model up at call time
    rules = my_rules({k: float(v) for k, v in (o.split("=", 1) for o in args.option)})
    if args.lines:
        for path in args.lines:
            eval_pages(rules, load_line_file(path), f"plain text, {path.name}", args.errors, level)
        return
    if args.split == "dev":  # choosing variants: the held-out HTML pages and BBC stay unseen
        args.skip += ["html", "bbc"]
    if "seeds" not in args.skip:
        eval_seeds(rules)
    if "plain" not in args.skip:
        eval_plain(rules, args.shared, "fullpage", args.split, args.fold, args.errors, level)
        eval_plain(rules, args.shared, "extracted", args.split, args.fold, args.errors, level)
    if "comments" not in args.skip:
        eval_comments(rules, args.shared, args.split, args.fold, level)
    if "html" not in args.skip:
        eval_html(rules, args.shared, args.html_pages, level)
    if "bbc" not in args.skip:
        eval_bbc(rules, args.shared)
    if "speed" not in args.skip:
        eval_speed(rules, args.shared)


if __name__ == "__main__":
    main()
