import json, sys
from collections import Counter
P = '/work/main/data/eval/blind-8/classify.jsonl'
rows = [json.loads(l) for l in open(P, encoding='utf-8')]
KEYS = ["id","text","rating","label","passages","note","lang"]
err = 0
ids, texts = set(), set()
for r in rows:
    if list(r.keys()) != KEYS: print("keys", r["id"]); err += 1
    if r["id"] in ids: print("dup id", r["id"]); err += 1
    if r["text"] in texts: print("dup text", r["id"]); err += 1
    ids.add(r["id"]); texts.add(r["text"])
    if r["label"] not in ("praise","criticism","insult","defamation"): print("label", r["id"]); err += 1
    if r["lang"] not in ("fr","qc","en"): print("lang", r["id"]); err += 1
    if r["rating"] is not None and r["rating"] not in (1,2,3,4,5): print("rating", r["id"]); err += 1
    if r["label"] in ("insult","defamation") and not r["passages"]: print("no passage", r["id"]); err += 1
    if r["label"] == "praise" and r["passages"]: print("praise passage", r["id"]); err += 1
    for p in r["passages"]:
        if not p or r["text"].find(p) < 0: print("passage not found", r["id"], p); err += 1
    if not r["note"].strip(): print("note", r["id"]); err += 1
n = len(rows)
print("total", n, "errors", err)
print("labels", dict(Counter(r["label"] for r in rows)))
lc = Counter(r["lang"] for r in rows)
print("langs", {k: f"{v} ({100*v/n:.1f}%)" for k, v in lc.items()})
print("label x lang", dict(sorted(Counter((r["label"], r["lang"]) for r in rows).items())))
print("rating null", sum(r["rating"] is None for r in rows), "ratings", dict(sorted(Counter(r["rating"] for r in rows if r["rating"]).items())))
print("ids", rows[0]["id"], "…", rows[-1]["id"])
sys.exit(1 if err else 0)
