"""Rebuild scanner/crossdoc/df.tsv.gz: document frequencies of words in clean English news.

Reference texts: the ``counts`` split of scanner.spin.corpora (BBC articles numbered 1-3 mod 5,
even FNC-1 bodies, English WCXB gold texts); never the held-out BBC split. Words seen in fewer
than 2 documents are left out (an absent word gets the highest idf anyway).

    python scripts/build_crossdoc_df.py
"""
from __future__ import annotations

import gzip
from collections import Counter

from scanner.crossdoc.terms import DF_FILE, terms_of
from scanner.spin.corpora import clean_texts

MIN_DF = 2


def main() -> None:
    df: Counter[str] = Counter()
    documents = 0
    for _, text in clean_texts("counts"):
        documents += 1
        df.update(set(terms_of(text)))
    kept = sorted(((t, n) for t, n in df.items() if n >= MIN_DF), key=lambda tn: (-tn[1], tn[0]))
    with gzip.open(DF_FILE, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"#documents\t{documents}\n")
        out.writelines(f"{t}\t{n}\n" for t, n in kept)
    print(f"{documents} documents, {len(kept)} terms -> {DF_FILE} "
          f"({DF_FILE.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
