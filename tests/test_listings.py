"""Program listings in plain text are article text: recognised, never flagged as furniture."""
from __future__ import annotations

import pytest

from scanner.checks import boilerplate, repetition, typography
from scanner.checks.spin import CollocationBreak
from scanner.finding import Category
from scanner.listings import (
    _UNSTRIPPED_CODE,
    _UNSTRIPPED_CODE_RE,
    CODE_LINE_RE,
    code_lines,
    listing_lines,
    listing_positions,
    prose_text,
)
from scanner.title import infer_title
from tests.conftest import doc_of

RULES = [cls() for cls in boilerplate.RULES]

_INTRO = ("GraphQL schemas define the contract between your API and the clients that call it, "
          "and a well designed schema makes pagination, errors and permissions easy to follow.")
_LISTING = """type Post {
id: ID!
title: String!
comments(
first: Int
after: String
): CommentConnection!
}
const postsResolver = async (_, args, context) => {
const { first = 10, after } = args;
return context.db.posts.find(after, first);
};"""
_OUTRO = ("The resolver decodes the cursor, reads one page more than it returns and tells the "
          "client whether another page follows, so the client never guesses the page count.")
_PAGE = ("Home\nNews\nTutorials\nAbout\n" + _INTRO + "\nHere is the schema and its resolver:\n"
         + _LISTING + "\n" + _OUTRO + "\nPrivacy Policy\nTerms of Use\nContact us")


# a Kubernetes how-to as a scraper gets it (QA pass 30): its manifest's lines are no headline
# ("maxUnavailable: 0" was taken for one) and no furniture ("labels:" was page navigation)
_K8S_PAGE = """CloudNative Notes
Kubernetes
Terraform
Observability
About
RSS
Zero-Downtime Deploys on Kubernetes: Probes, Surges and PodDisruptionBudgets
Jakob Lindqvist
8 August 2023
A rolling update is supposed to replace pods without dropping traffic, yet many teams still see a burst of 502 errors on every deploy. The cause is nearly always one of three settings, and all three live in the Deployment manifest.
Here is the manifest we ended up with for our checkout service:
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
  labels:
    app: checkout
spec:
  replicas: 4
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    spec:
      containers:
        - name: checkout
          image: registry.example.com/checkout:1.42.0
          readinessProbe:
            httpGet:
              path: /healthz/ready
              port: 8080
            periodSeconds: 5
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "10"]
Setting maxUnavailable to zero means Kubernetes only removes an old pod once a new one reports ready. The readiness probe must therefore check that the service can really take requests, not merely that the process is up.
The preStop hook looks odd but matters: it gives the load balancer ten seconds to stop sending traffic before the container receives SIGTERM.
"""
_SQL = """SELECT date_trunc('day', created_at) AS day, count(*)
FROM orders
WHERE date(created_at) = '2023-11-01'
GROUP BY 1;"""


def _listed(texts: list[str], prose: list[bool]) -> set[int]:
    return listing_positions(texts, prose, code_lines(texts))


def _boilerplate_lines(text: str) -> set[str]:
    doc = doc_of(text)
    found = [f for rule in RULES for f in rule.check(doc)
             if f.category in (Category.BOILERPLATE, Category.SPAM)]
    return {doc.lines[i].text.strip() for f in found
            for i in range(doc.line_index(f.start), doc.line_index(f.end - 1) + 1)}


def test_a_listing_inside_the_article_is_never_flagged_while_the_page_furniture_is():
    flagged = _boilerplate_lines(_PAGE)
    assert flagged.isdisjoint(_LISTING.splitlines())
    assert {"Home", "Privacy Policy"} <= flagged  # the line analysis ran on the page


def test_a_manifest_gives_no_headline_and_no_furniture():
    doc = doc_of(_K8S_PAGE)
    assert infer_title(doc)[0].startswith("Zero-Downtime Deploys on Kubernetes")
    assert {"labels:", "image: registry.example.com/checkout:1.42.0"}.isdisjoint(
        _boilerplate_lines(_K8S_PAGE))


def test_the_spin_analysis_reads_the_prose_without_the_listings():
    text = "\n".join([_INTRO, "Here is the query:", _SQL, _OUTRO])
    doc = doc_of(text)
    blanked = prose_text(doc)
    assert len(blanked) == len(text) and "FROM orders" not in blanked and _OUTRO in blanked
    assert len(listing_lines(doc)) == 4
    assert not list(CollocationBreak().check(doc))  # "FROM orders WHERE" was a break


def test_typography_and_repetition_rules_leave_code_alone_but_not_the_prose_around_it():
    go = """lim := ratelimit.New(10, time.Second)
ctx := context.Background()
func CanCancel(Order order) bool {
if order.Status == Paid {
return true
}"""
    text = "\n".join([_INTRO, "The limiter in Go:", go,
                      "The limiter waits,and the the caller sees no error at all in the logs."])
    doc = doc_of(text)
    rules = [cls() for module in (typography, repetition) for cls in module.RULES]
    found = {doc.text[f.start:f.end] for rule in rules for f in rule.check(doc) if f.start is not None}
    assert found == {"waits,and", "the the"}


def test_listing_positions_cover_the_code_and_the_names_inside_its_braces():
    texts = [_INTRO, "Here is the schema and its resolver:", *_LISTING.splitlines(), _OUTRO]
    prose = [True, False, *[False] * len(_LISTING.splitlines()), True]
    assert _listed(texts, prose) == set(range(2, 2 + len(_LISTING.splitlines())))


@pytest.mark.parametrize("listing", [
    # a JSON document (QA pass 32: only its closing braces were code, and the paragraph after
    # it joined them in a line-model finding)
    ["{", '"apiVersion": "policy/v1",', '"kind": "PodDisruptionBudget",',
     '"metadata": { "name": "checkout-pdb" },', '"spec": {', '"minAvailable": 3,', "}", "}"],
    # a Python function whose body the article leaves out
    ["from tenacity import retry", "@retry(stop=stop_after_attempt(3))",
     "async def fetch_status(session, url):", "..."],
])
def test_a_listing_ends_with_its_last_line_of_code(listing):
    texts = [_INTRO, *listing, _OUTRO]
    assert _listed(texts, [True, *[False] * len(listing), True]) == set(range(1, len(listing) + 1))
    page = "Home\nTutorials\n" + _INTRO + "\n" + "\n".join(listing) + "\n" + _OUTRO + "\nPrivacy Policy"
    assert _OUTRO not in _boilerplate_lines(page)


def test_a_command_a_sentence_introduces_is_a_listing_of_its_own():
    texts = [_INTRO, "To upgrade, fetch the new major version:", "go get example.com/ratelimit/v2",
             _OUTRO, "Then run the tests again", "go test ./..."]
    assert _listed(texts, [True, False, False, True, False, False]) == {2}


@pytest.mark.parametrize("lines", [
    ["const a = 1;", "Home"],  # too few code lines
    ["googletag.cmd.push(function() {", "googletag.display('div-gpt-ad-1');", "});"],  # an ad tag
    ["var disqus_config = function () {", "this.page.url = PAGE_URL;", "};"],  # a widget's
    ["Tags: Politics", "Share this article", "Read more: NATO summit", "Comments (12)"],
])
def test_short_runs_leaked_scripts_and_labels_are_no_listing(lines):
    texts = [_INTRO, *lines, _OUTRO]
    assert not _listed(texts, [True, *[False] * len(lines), True])


def test_a_script_the_page_leaks_ends_the_listing_before_it_and_is_none():
    code = ["const res = await fetch(url);", "results.innerHTML = render(await res.json());", "}));"]
    script = ["googletag.cmd.push(function() {", "googletag.display('div-gpt-ad-1');", "});"]
    texts = [_INTRO, *code, *script, _OUTRO]
    assert _listed(texts, [True, *[False] * 6, True]) == {1, 2, 3}


def test_code_before_the_article_begins_is_no_listing():
    lines = _LISTING.splitlines()
    assert not _listed([*lines, _INTRO], [*[False] * len(lines), True])


@pytest.mark.parametrize("line", [
    "}", "});", "): CommentConnection!", "type User {", "comments(", "// Decode the cursor",
    "const { first = 10, after } = args;", "def fetch(url):", "import numpy as np",
    "from os import path", "return res;", "if (err != nil) {", "for item in items:",
    "id: ID!", "displayName: String", "if err != nil {", "npm install graphql",
    "$ pip install spinscan", "user.profile.load(id)", "std::vector<int> v;", "p->next = q;",
    "->  Index Scan using orders_pkey on orders", "labels:", "image: registry.example.com/app:1.4",
    "SELECT id, total", "FROM orders", "CREATE INDEX idx ON orders (created_at);",
    "lim := ratelimit.New(10)", "BACKUP_DIR=/srv/backups", "set -euo pipefail", "fi",
    "terraform workspace new staging", 'instance_type = "t3.small"', "max_size: 3",
    "{", '"spec": {', '"kind": "PodDisruptionBudget",', '"minAvailable": 3,', "...",
    "{{ user.name }}", "{% endfor %}", "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
])
def test_code_lines(line):
    assert CODE_LINE_RE.search(line)
    text = f"Some prose.\n    {line}  \r\nMore prose."
    assert _UNSTRIPPED_CODE_RE.search(text) and _UNSTRIPPED_CODE.finds_in(text.encode())  # the pre-check


@pytest.mark.parametrize("line", [
    "Tags: Politics", "Source: Reuters", "Photo: Getty Images", "Updated: 10:42 GMT",
    "Comments (12)", "Share this article", "Read more", "Home", "Follow us on Twitter",
    "Posted by Jane Smith", "Prices from £12 (Ticketmaster)", "Q&A: what the vote means",
    "Return to top", "If you go", "For more information:",
    "Kishida said: the security environment is the tensest since the war (Reuters)",
    "Wedding Checklist :: Printable To-do Timeline", "Paris -> London in two hours",
    "backend: redis is the new default", '"Crisis": the word of the year',
    '"We will win," she said: {the crowd cheered}',
])
def test_furniture_and_prose_lines_are_not_code(line):
    assert not CODE_LINE_RE.search(line)
    assert _UNSTRIPPED_CODE.finds_in(line.encode()) == (_UNSTRIPPED_CODE_RE.search(line) is not None)
