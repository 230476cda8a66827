#!/usr/bin/python3
"""Validate the knowledge-base test corpus in this folder (see README.md).

    /usr/bin/python3 tests/corpora/kb/check.py

Checks the articles' front matter, the headings and their anchors, the translation groups,
the internal articles and their markers, queries.tsv, synonyms.tsv and leak_queries.tsv.
Prints one line per problem and exits 1 if there is any; prints counts and exits 0 otherwise.
Standard library only.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")

LOCALES = ["da", "sv", "nb", "ru", "zh-Hans", "zh-Hant", "en"]
CHINESE = {"zh-Hans", "zh-Hant"}
KEYS = ["slug", "locale", "translation_group", "title", "category", "tags", "products",
        "visibility", "state", "author"]
CATEGORIES = {"account", "orders", "shipping", "payment", "returns", "privacy", "internal"}
PRODUCTS = {"webshop", "app", "giftcard"}
VISIBILITIES = {"public", "internal"}
STATES = {"draft", "in_review", "published", "archived"}
KINDS = {"plain", "inflected", "other-script", "typo", "synonym"}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LIST_ITEM_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MARKER_RE = re.compile(r"INTERNAL-ONLY-[0-9A-F]{4}")
HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")

MIN_PUBLIC_PER_LOCALE = 10
MIN_QUERIES_PER_LOCALE = 8
MIN_TYPO = 2
MIN_INFLECTED = 2           # not for Chinese, which does not inflect
MIN_OTHER_SCRIPT = 3        # zh-Hans and zh-Hant only
INTERNAL_LOCALES = ["en", "da"]
MIN_INTERNAL_PER_LOCALE = 3
MIN_LEAK_QUERIES = 10

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# ---------------------------------------------------------------------------------------------
# The anchor rule (README.md): Unicode case folding, every run of characters that are not
# letters (general category L*) or decimal digits (Nd) becomes one '-', '-' trimmed at both ends.
def is_word_char(c):
    cat = unicodedata.category(c)
    return cat.startswith("L") or cat == "Nd"


def anchor(text):
    out, gap = [], False
    for c in text.casefold():
        if is_word_char(c):
            if gap and out:
                out.append("-")
            out.append(c)
            gap = False
        else:
            gap = True
    return "".join(out)


# Inline Markdown in a heading is reduced to its text before the rule is applied.
def heading_text(raw):
    t = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", raw)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    return t.replace("`", "").replace("**", "").replace("__", "")


def words(text):
    return [w for w in re.findall(r"\w+", text.casefold()) if "_" not in w]


# ---------------------------------------------------------------------------------------------
# Front matter: the strict subset the importer reads.
def parse_scalar(raw, where, key):
    if raw.startswith('"'):
        out, i = [], 1
        while i < len(raw):
            c = raw[i]
            if c == "\\":
                if i + 1 >= len(raw) or raw[i + 1] not in '"\\':
                    err(where, f"field '{key}': bad escape in quoted value")
                    return None
                out.append(raw[i + 1])
                i += 2
                continue
            if c == '"':
                if raw[i + 1:].strip():
                    err(where, f"field '{key}': text after the closing quote")
                    return None
                return "".join(out)
            out.append(c)
            i += 1
        err(where, f"field '{key}': unterminated quoted value")
        return None
    if raw != raw.strip():
        err(where, f"field '{key}': leading/trailing spaces must be quoted")
        return None
    if ":" in raw or "#" in raw:
        err(where, f"field '{key}': a value with ':' or '#' must be double-quoted")
        return None
    if raw == "":
        err(where, f"field '{key}': empty value")
        return None
    return raw


def parse_list(raw, where, key):
    if not (raw.startswith("[") and raw.endswith("]")):
        err(where, f"field '{key}': expected a list like [a, b]")
        return None
    inner = raw[1:-1].strip()
    items = [x.strip() for x in inner.split(",")] if inner else []
    for x in items:
        if not LIST_ITEM_RE.match(x):
            err(where, f"field '{key}': bad list item {x!r} (use [a-z0-9-])")
            return None
    if len(set(items)) != len(items):
        err(where, f"field '{key}': duplicate item")
    return items


def read_article(path):
    where = os.path.relpath(path, HERE)
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        err(where, "not UTF-8")
        return None
    if text.startswith("\ufeff"):
        err(where, "byte order mark")
    if "\r" in text:
        err(where, "CR line endings")
    if unicodedata.normalize("NFC", text) != text:
        err(where, "not in Unicode NFC")
    lines = text.split("\n")
    if lines[0] != "---":
        err(where, "does not start with '---'")
        return None
    try:
        end = lines.index("---", 1)
    except ValueError:
        err(where, "front matter is not closed with '---'")
        return None
    meta = {}
    for n, line in enumerate(lines[1:end], start=2):
        m = re.match(r"^([a-z_]+): (.*)$", line)
        if not m:
            err(f"{where}:{n}", f"bad front matter line {line!r}")
            continue
        key, raw = m.group(1), m.group(2)
        if key not in KEYS:
            err(f"{where}:{n}", f"unknown field '{key}'")
            continue
        if key in meta:
            err(f"{where}:{n}", f"duplicate field '{key}'")
            continue
        val = parse_list(raw, where, key) if key in ("tags", "products") else \
            parse_scalar(raw, where, key)
        if val is not None:
            meta[key] = val
    for key in KEYS:
        if key not in meta:
            err(where, f"missing field '{key}'")
    body = "\n".join(lines[end + 1:])
    return {"path": path, "where": where, "meta": meta, "body": body}


def headings(body):
    """(level, text, anchor) for every ATX heading outside fenced code."""
    out, fence = [], None
    for line in body.split("\n"):
        s = line.lstrip(" ")
        m = re.match(r"^(`{3,}|~{3,})", s)
        if m:
            if fence is None:
                fence = m.group(1)[0]
            elif s.startswith(fence):
                fence = None
            continue
        if fence:
            continue
        m = HEADING_RE.match(line)
        if m:
            text = heading_text(m.group(2))
            out.append((len(m.group(1)), text, anchor(text)))
    return out


# ---------------------------------------------------------------------------------------------
def load_articles():
    arts = {}  # (locale, slug) -> article
    if not os.path.isdir(ARTICLES):
        err("articles", "missing")
        return arts
    for loc in sorted(os.listdir(ARTICLES)):
        d = os.path.join(ARTICLES, loc)
        if not os.path.isdir(d):
            err(f"articles/{loc}", "not a directory")
            continue
        if loc not in LOCALES:
            err(f"articles/{loc}", "unknown locale directory")
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if not name.endswith(".md"):
                err(os.path.relpath(path, HERE), "not a .md file")
                continue
            a = read_article(path)
            if a is None:
                continue
            check_article(a, loc, name[:-3])
            arts[(loc, name[:-3])] = a
    return arts


def check_article(a, loc, stem):
    m, where, body = a["meta"], a["where"], a["body"]
    if "slug" in m:
        if not SLUG_RE.match(m["slug"]):
            err(where, f"field 'slug': {m['slug']!r} is not [a-z0-9-]")
        if m["slug"] != stem:
            err(where, f"field 'slug': {m['slug']!r} differs from the file name")
    if "translation_group" in m and not SLUG_RE.match(m["translation_group"]):
        err(where, "field 'translation_group': not [a-z0-9-]")
    if m.get("locale") not in (None, loc):
        err(where, f"field 'locale': {m['locale']!r} but the file is under {loc}/")
    if "category" in m and m["category"] not in CATEGORIES:
        err(where, f"field 'category': {m['category']!r} not in {sorted(CATEGORIES)}")
    for p in m.get("products", []):
        if p not in PRODUCTS:
            err(where, f"field 'products': {p!r} not in {sorted(PRODUCTS)}")
    if "products" in m and not m["products"]:
        err(where, "field 'products': empty")
    if "visibility" in m and m["visibility"] not in VISIBILITIES:
        err(where, f"field 'visibility': {m['visibility']!r}")
    if "state" in m and m["state"] not in STATES:
        err(where, f"field 'state': {m['state']!r}")
    if "author" in m and not re.match(r"^[a-z][a-z0-9_.-]*$", m["author"]):
        err(where, f"field 'author': {m['author']!r}")
    if not body.strip():
        err(where, "empty body")
    hs = headings(body)
    if any(level == 1 for level, _, _ in hs):
        err(where, "level-1 heading in the body (the title is the front matter's)")
    sections = [h for h in hs if h[0] == 2]
    if not 3 <= len(sections) <= 6:
        err(where, f"{len(sections)} '##' sections, expected 3-6")
    anchors = [h[2] for h in hs]
    for h in hs:
        if not h[2]:
            err(where, f"heading {h[1]!r} gives an empty anchor")
    dup = {x for x in anchors if anchors.count(x) > 1}
    if dup:
        err(where, f"duplicate heading anchors {sorted(dup)}")
    if "\t" in body:
        err(where, "tab character in body")
    a["anchors"] = set(anchors)
    a["text"] = (m.get("title", "") + "\n" + body).casefold()
    a["words"] = set(words(a["text"]))


def check_collection(arts):
    public = {loc: [] for loc in LOCALES}
    internal = {loc: [] for loc in LOCALES}
    groups = {}
    for (loc, slug), a in arts.items():
        m = a["meta"]
        if loc not in public:
            continue
        if m.get("visibility") == "internal":
            internal[loc].append(a)
            if m.get("category") != "internal":
                err(a["where"], "internal article outside category 'internal'")
            found = MARKER_RE.findall(a["body"])
            if not found:
                err(a["where"], "internal article without an INTERNAL-ONLY-XXXX marker")
            a["markers"] = set(found)
        else:
            public[loc].append(a)
            if m.get("category") == "internal":
                err(a["where"], "public article in category 'internal'")
            if "INTERNAL-ONLY" in a["body"] or "INTERNAL-ONLY" in m.get("title", ""):
                err(a["where"], "public article contains an INTERNAL-ONLY marker")
            groups.setdefault(m.get("translation_group"), set()).add(loc)
            if m.get("state") != "published":
                err(a["where"], "public test articles must be published")
    # markers unique across internal articles
    seen = {}
    for loc in LOCALES:
        for a in internal[loc]:
            for mk in a.get("markers", ()):
                if mk in seen:
                    err(a["where"], f"marker {mk} also in {seen[mk]}")
                seen[mk] = a["where"]
    for loc in LOCALES:
        if len(public[loc]) < MIN_PUBLIC_PER_LOCALE:
            err(f"articles/{loc}", f"{len(public[loc])} public articles, "
                f"expected at least {MIN_PUBLIC_PER_LOCALE}")
    for loc in INTERNAL_LOCALES:
        if len(internal[loc]) < MIN_INTERNAL_PER_LOCALE:
            err(f"articles/{loc}", f"{len(internal[loc])} internal articles, "
                f"expected at least {MIN_INTERNAL_PER_LOCALE}")
    for g, locs in sorted(groups.items()):
        missing = [loc for loc in LOCALES if loc not in locs]
        if missing:
            err(f"translation_group {g}", f"missing in {missing}")
    # translation groups of one article: same category and products in every locale
    by_group = {}
    for a in arts.values():
        m = a["meta"]
        key = m.get("translation_group")
        sig = (m.get("category"), tuple(m.get("products", [])), m.get("visibility"))
        if key in by_group and by_group[key][0] != sig:
            err(a["where"], f"category/products/visibility differ from {by_group[key][1]}")
        by_group.setdefault(key, (sig, a["where"]))
    return public, internal, seen


# ---------------------------------------------------------------------------------------------
def read_tsv(name, header):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        err(name, "missing")
        return []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != "\t".join(header):
        err(f"{name}:1", f"header must be {chr(9).join(header)!r}")
        return []
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != len(header):
            err(f"{name}:{n}", f"{len(cols)} columns, expected {len(header)}")
            continue
        for c in cols:
            if c != c.strip():
                err(f"{name}:{n}", f"leading/trailing space in {c!r}")
        rows.append((n, cols))
    return rows


def load_synonyms():
    syn = {loc: [] for loc in LOCALES}
    for n, (loc, terms) in read_tsv("synonyms.tsv", ["locale", "terms"]):
        where = f"synonyms.tsv:{n}"
        if loc not in syn:
            err(where, f"unknown locale {loc!r}")
            continue
        ts = [t.strip() for t in terms.split(",")]
        if len(ts) < 2 or any(not t or t != t.casefold() for t in ts):
            err(where, "need 2+ non-empty lower-case terms separated by commas")
            continue
        if len(set(ts)) != len(ts):
            err(where, "duplicate term")
        syn[loc].append(ts)
    return syn


def has_term(query, term, chinese):
    q = query.casefold()
    if chinese:
        return term in q
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", q) is not None


def common_prefix(a, b):
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def edit_distance(a, b, limit=2):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def check_queries(arts, synonyms):
    rows = read_tsv("queries.tsv", ["locale", "query", "expected_slug", "expected_anchor", "kind"])
    per = {loc: {k: 0 for k in KINDS} for loc in LOCALES}
    seen = set()
    zh_chars = {loc: set() for loc in CHINESE}
    for (loc, _), a in arts.items():
        if loc in CHINESE:
            zh_chars[loc] |= set(a["text"])
    for n, (loc, query, slug, anc, kind) in rows:
        where = f"queries.tsv:{n}"
        if loc not in per:
            err(where, f"unknown locale {loc!r}")
            continue
        if kind not in KINDS:
            err(where, f"unknown kind {kind!r}")
            continue
        if not query:
            err(where, "empty query")
            continue
        if (loc, query) in seen:
            err(where, "duplicate query")
        seen.add((loc, query))
        a = arts.get((loc, slug))
        if a is None:
            err(where, f"no article {loc}/{slug}")
            continue
        if a["meta"].get("visibility") != "public":
            err(where, f"{loc}/{slug} is not public")
        if anc and anc not in a["anchors"]:
            err(where, f"anchor {anc!r} is not a heading of {loc}/{slug} "
                f"(has {sorted(a['anchors'])})")
        per[loc][kind] += 1
        chinese = loc in CHINESE
        qwords = words(query)
        if kind == "other-script":
            if not chinese:
                err(where, "other-script is for zh-Hans/zh-Hant articles")
                continue
            other = "zh-Hant" if loc == "zh-Hans" else "zh-Hans"
            only_other = (zh_chars[other] - zh_chars[loc])
            if not any(c in only_other for c in query):
                err(where, f"other-script query has no character that only {other} uses")
        elif kind == "typo":
            if chinese:
                if all(c in a["text"] for c in query if is_word_char(c)):
                    err(where, "typo query: every character occurs in the article")
            elif not any(w not in a["words"] and len(w) >= 4 and
                         any(edit_distance(w, v) <= 2 for v in a["words"] if len(v) >= 4)
                         for w in qwords):
                err(where, "typo query: no misspelt word (not in the article, within 2 "
                    "edits of one of its words)")
        elif kind == "inflected":
            if chinese:
                err(where, "inflected is not used for Chinese")
            elif not any(w not in a["words"] and
                         any(common_prefix(w, v) >= max(4, min(len(w), len(v)) - 4)
                             for v in a["words"]) for w in qwords):
                err(where, "inflected query: no word that is another form of an article word")
        elif kind == "synonym":
            ok = False
            for group in synonyms.get(loc, []):
                for t in group:
                    if has_term(query, t, chinese) and t not in a["text"] and \
                            any(u != t and u in a["text"] for u in group):
                        ok = True
            if not ok:
                err(where, "synonym query: no synonyms.tsv term that is in the query, absent "
                    "from the article, with a synonym present in the article")
        elif kind == "plain":
            if chinese:
                if not any(c in a["text"] for c in query if is_word_char(c)):
                    err(where, "plain query shares nothing with the article")
            elif not any(w in a["words"] for w in qwords):
                err(where, "plain query shares no word with the article")
    for loc in LOCALES:
        total = sum(per[loc].values())
        if total < MIN_QUERIES_PER_LOCALE:
            err(f"queries.tsv {loc}", f"{total} queries, expected {MIN_QUERIES_PER_LOCALE}+")
        if per[loc]["typo"] < MIN_TYPO:
            err(f"queries.tsv {loc}", f"{per[loc]['typo']} typo queries, expected {MIN_TYPO}+")
        if loc not in CHINESE and per[loc]["inflected"] < MIN_INFLECTED:
            err(f"queries.tsv {loc}", f"{per[loc]['inflected']} inflected queries, "
                f"expected {MIN_INFLECTED}+")
        if loc in CHINESE and per[loc]["other-script"] < MIN_OTHER_SCRIPT:
            err(f"queries.tsv {loc}", f"{per[loc]['other-script']} other-script queries, "
                f"expected {MIN_OTHER_SCRIPT}+")
    return per


def check_leaks(internal, public):
    rows = read_tsv("leak_queries.tsv", ["query"])
    if len(rows) < MIN_LEAK_QUERIES:
        err("leak_queries.tsv", f"{len(rows)} queries, expected {MIN_LEAK_QUERIES}+")
    internal_words = set()
    for loc in INTERNAL_LOCALES:
        for a in internal[loc]:
            internal_words |= a["words"]
    public_words = set()
    for loc in INTERNAL_LOCALES:
        for a in public[loc]:
            public_words |= a["words"]
    for n, (q,) in rows:
        ws = words(q)
        if not any(w in internal_words for w in ws):
            err(f"leak_queries.tsv:{n}", "shares no word with an internal article")
    # a leak must be detectable: internal titles share words with public articles
    for loc in INTERNAL_LOCALES:
        for a in internal[loc]:
            if not set(words(a["meta"].get("title", ""))) & public_words:
                err(a["where"], "title shares no word with the public articles")
    return len(rows)


def main():
    # self-test of the anchor rule with the README's examples
    for h, want in [("Hvis du ikke modtager e-mailen", "hvis-du-ikke-modtager-e-mailen"),
                    ("如果没有收到邮件", "如果没有收到邮件"),
                    ("If you don't receive the email", "if-you-don-t-receive-the-email"),
                    ("  Что означают  статусы? ", "что-означают-статусы"),
                    ("Told og afgifter i Norge", "told-og-afgifter-i-norge"),
                    ("Når får jeg pengene tilbake", "når-får-jeg-pengene-tilbake"),
                    ("两步验证（2FA）", "两步验证-2fa")]:
        if anchor(h) != want:
            err("anchor rule", f"{h!r} -> {anchor(h)!r}, expected {want!r}")
    arts = load_articles()
    public, internal, markers = check_collection(arts)
    synonyms = load_synonyms()
    per = check_queries(arts, synonyms)
    leaks = check_leaks(internal, public)
    if not os.path.exists(os.path.join(HERE, "README.md")):
        err("README.md", "missing")
    if errors:
        for e in errors:
            print(e)
        print(f"{len(errors)} problem(s)")
        return 1
    print("locale   public internal queries  " + " ".join(f"{k:>12}" for k in sorted(KINDS)))
    for loc in LOCALES:
        q = per[loc]
        print(f"{loc:8} {len(public[loc]):6} {len(internal[loc]):8} {sum(q.values()):7}  " +
              " ".join(f"{q[k]:12}" for k in sorted(KINDS)))
    print(f"markers: {len(markers)}, leak queries: {leaks}, "
          f"synonym groups: {sum(len(v) for v in synonyms.values())}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
