#!/usr/bin/env python3
# make-fixture.py: writes ferry.json, a hand-made lede.analysis/1 document the
# window tests use, so they do not depend on how far the analysis core has got.
# The article is written for the tests. Run it again after changing the text.
import json, re, os

title = "Harbor council approves new ferry route"
text = f"""{title}

The Portvale Harbor Council voted on Tuesday to approve a ferry route between Portvale and Eastmere, a plan that Mayor Lena Ortiz said would cut commuting times by 40 percent.

Ortiz told reporters that the route would carry at least 3,000 passengers a day. The Eastmere Ferry Union disputed that figure, saying the boats could carry no more than 1,800 people.

“The council ignored every warning,” said union spokesman Tomas Berg. Berg accused the council of rushing the vote.

The council denied the accusation. Ortiz said the council had consulted residents in Portvale for two years, and that Eastmere would gain a pier.

The route is described at https://example.org/ferry-plan.
"""

# sentences: split after . ! ? (and a closing quote) followed by white space
sentences = []
start = 0
for line in re.finditer(r"[^\n]+", text):
    s = line.start()
    for m in re.finditer(r"[.!?][”\"]?(?=\s|$)", line.group()):
        e = line.start() + m.end()
        if not text[s:e].endswith("Mr."):
            sentences.append((s, e))
            s = e + 1
    if s < line.end():
        sentences.append((s, line.end()))

def sentence_of(pos):
    for i, (s, e) in enumerate(sentences):
        if s <= pos < e:
            return i
    raise ValueError(pos)

used = [False] * len(text)
def find_all(surface, skip_inside=True):
    out = []
    for m in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text):
        if any(used[m.start():m.end()]):
            continue
        out.append((m.start(), m.end()))
    return out

actors_spec = [
    ("Portvale Harbor Council", "organization", ["Portvale Harbor Council", "council"], None, 0.9),
    ("Eastmere Ferry Union", "organization", ["Eastmere Ferry Union", "union"], None, 0.6),
    ("Lena Ortiz", "person", ["Lena Ortiz", "Ortiz"], "Mayor", 0.95),
    ("Tomas Berg", "person", ["Tomas Berg", "Berg"], "union spokesman", 0.5),
    ("Portvale", "place", ["Portvale"], None, 0.4),
    ("Eastmere", "place", ["Eastmere"], None, 0.3),
]
# Longer names claim their text first.
claimed = {}
for name, kind, surfaces, role, sal in actors_spec:
    ms = []
    for sf in surfaces:
        for s, e in find_all(sf):
            ms.append((s, e))
            for i in range(s, e):
                used[i] = True
    claimed[name] = sorted(ms)

actors = []
ids = {}
for i, (name, kind, surfaces, role, sal) in enumerate(actors_spec):
    ids[name] = f"a{i+1}"
    actors.append({
        "id": f"a{i+1}", "name": name, "kind": kind, "aliases": surfaces, "role": role,
        "salience": sal,
        "mentions": [{"start": s, "end": e, "text": text[s:e], "sentence": sentence_of(s)} for s, e in claimed[name]],
    })

def span(t, nth=0):
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(t, pos + 1)
    return pos, pos + len(t)

figures = []
for i, (t, kind, value, unit, qual, about, src) in enumerate([
    ("40 percent", "percent", 40, "%", None, "cut in commuting times", "Lena Ortiz"),
    ("at least 3,000 passengers", "count", 3000, "passengers", "at least", "passengers a day on the route", "Lena Ortiz"),
    ("no more than 1,800 people", "count", 1800, "people", "up to", "people the boats can carry", "Eastmere Ferry Union"),
    ("two years", "duration", 2, "years", None, "consultation with residents", "Lena Ortiz"),
]):
    s, e = span(t)
    figures.append({"id": f"f{i+1}", "text": t, "start": s, "end": e, "sentence": sentence_of(s), "kind": kind,
                    "value": value, "unit": unit, "qualifier": qual, "about": about,
                    "source": ids[src] if src else None})

claims = []
for i, (t, claimant, ctext, verb, stance, targets, disputed, by, reason) in enumerate([
    ("would cut commuting times by 40 percent", "Lena Ortiz", "Mayor Lena Ortiz", "said", "prediction", [], False, [], None),
    ("the route would carry at least 3,000 passengers a day", "Lena Ortiz", "Ortiz", "told", "statement", [], True,
     ["Eastmere Ferry Union"], "conflicting-figures"),
    ("Berg accused the council of rushing the vote", "Tomas Berg", "Berg", "accused", "accusation",
     ["Portvale Harbor Council"], True, ["Portvale Harbor Council"], "accusation"),
    ("the council had consulted residents in Portvale for two years", "Lena Ortiz", "Ortiz", "said", "statement", [],
     False, [], None),
]):
    s, e = span(t)
    claims.append({"id": f"c{i+1}", "text": t, "start": s, "end": e, "sentence": sentence_of(s),
                   "claimant": ids[claimant], "claimant_text": ctext, "verb": verb, "stance": stance,
                   "targets": [ids[x] for x in targets], "disputed": disputed,
                   "disputed_by": [ids[x] for x in by], "dispute_reason": reason})

doc = {"schema": "lede.analysis/1", "analyzer": "hand-made fixture", "language": "en", "title": title,
       "text": text, "sentences": [{"start": s, "end": e} for s, e in sentences],
       "actors": actors, "figures": figures, "claims": claims}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ferry.json"), "w") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
for a in actors:
    print(a["id"], a["name"], len(a["mentions"]))
