// HTML through gumbo. The text is the page body as a reader sees it: block
// elements end in a paragraph break ("\n\n"), <br> in a line break, white
// space collapsed, entities decoded, script and style dropped. The article
// body (the <article> with the most text, else <main>, else <body>) is
// prose; everything else on the page (menus, footers, asides, captions,
// teasers) stays in the text but is marked as furniture, so that nothing is
// lost silently. `source_map` maps the text back to file offsets.
//
// The tree is walked with an explicit stack, and nesting beyond
// kMaxNesting is flattened before parsing (gumbo's tree building is
// quadratic in the depth), so hostile nesting neither overflows the stack
// nor hangs.

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "claimdiff/ingest.h"
#include "ingest_internal.h"
#include "nlohmann/json.hpp"

namespace claimdiff::ingest_internal {

namespace {

// Deeper element nesting than this is flattened (tags replaced by spaces).
constexpr size_t kMaxNesting = 1000;

// ---- Nesting limit (a small tokenizer, good enough to count depth) ----

bool IsVoidElement(absl::string_view name) {
  static constexpr absl::string_view kVoid[] = {"area", "base", "br",    "col",   "embed", "hr",    "img",
                                                "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

// Elements whose end tag is optional do not nest in practice (a new <p>
// closes the open one), so they do not count towards the depth.
bool HasOptionalEnd(absl::string_view name) {
  static constexpr absl::string_view kOptional[] = {"p",  "li", "dt", "dd", "option", "optgroup", "tr", "td",
                                                    "th", "thead", "tbody", "tfoot", "rt", "rp", "colgroup"};
  return std::find(std::begin(kOptional), std::end(kOptional), name) != std::end(kOptional);
}

// Replaces start and end tags nested deeper than `max_depth` by spaces
// (offsets stay the same). Returns the offset of the first one, or npos.
size_t FlattenDeepNesting(std::string* html, size_t max_depth) {
  std::string& s = *html;
  size_t depth = 0, first = std::string::npos;
  absl::flat_hash_map<std::string, size_t> suppressed;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string::npos || lt + 1 >= n) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      size_t end = s.find("-->", lt + 4);
      i = end == std::string::npos ? n : end + 3;
      continue;
    }
    const bool closing = s[lt + 1] == '/';
    size_t p = lt + (closing ? 2 : 1);
    if (p >= n || !absl::ascii_isalpha(static_cast<unsigned char>(s[p]))) {
      i = lt + 1;
      continue;
    }
    size_t name_end = p;
    while (name_end < n && (absl::ascii_isalnum(static_cast<unsigned char>(s[name_end])) || s[name_end] == '-' ||
                            s[name_end] == ':')) {
      ++name_end;
    }
    std::string name = absl::AsciiStrToLower(absl::string_view(s).substr(p, name_end - p));
    // End of the tag, skipping quoted attribute values.
    size_t q = name_end;
    char quote = 0;
    while (q < n) {
      char c = s[q];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++q;
    }
    if (q >= n) break;
    const bool self_closing = s[q - 1] == '/';
    const size_t tag_end = q + 1;
    if (!closing && (name == "script" || name == "style" || name == "textarea" || name == "title")) {
      // Raw text: skip to the end tag.
      size_t close = s.find("</", tag_end);
      while (close != std::string::npos &&
             !absl::EqualsIgnoreCase(absl::string_view(s).substr(close + 2, name.size()), name)) {
        close = s.find("</", close + 2);
      }
      i = close == std::string::npos ? n : close;
      continue;
    }
    if (IsVoidElement(name) || HasOptionalEnd(name) || self_closing) {
      i = tag_end;
      continue;
    }
    if (!closing) {
      if (depth >= max_depth) {
        std::fill(s.begin() + lt, s.begin() + tag_end, ' ');
        ++suppressed[name];
        if (first == std::string::npos) first = lt;
      } else {
        ++depth;
      }
    } else {
      auto it = suppressed.find(name);
      if (it != suppressed.end() && it->second > 0) {
        --it->second;
        std::fill(s.begin() + lt, s.begin() + tag_end, ' ');
      } else if (depth > 0) {
        --depth;
      }
    }
    i = tag_end;
  }
  return first;
}

// ---- Gumbo helpers ----

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

GumboTag Tag(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE ? node->v.element.tag
                                                                               : GUMBO_TAG_UNKNOWN;
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

bool IsTextNode(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA;
}

// Content that is never text.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_MENU: case GUMBO_TAG_HGROUP:
      return true;
    default:
      return false;
  }
}

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Furniture reason of an element by its kind or ARIA role, or nullptr.
const char* FurnitureReason(const GumboNode* node) {
  switch (Tag(node)) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_MENU: return "nav";
    case GUMBO_TAG_FOOTER: return "footer";
    case GUMBO_TAG_ASIDE: return "aside";
    case GUMBO_TAG_FIGCAPTION: return "caption";
    case GUMBO_TAG_FORM: return "form";
    default: break;
  }
  const char* role = Attr(node, "role");
  if (role == nullptr) return nullptr;
  if (absl::EqualsIgnoreCase(role, "navigation") || absl::EqualsIgnoreCase(role, "menu") ||
      absl::EqualsIgnoreCase(role, "menubar")) {
    return "nav";
  }
  if (absl::EqualsIgnoreCase(role, "contentinfo")) return "footer";
  if (absl::EqualsIgnoreCase(role, "complementary")) return "aside";
  return nullptr;
}

// Pre-order visit of every node under `root` without recursion. `visit`
// returns false to skip a node's children.
template <typename Visit>
void Walk(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!visit(node)) continue;
    const GumboVector* kids = Children(node);
    if (kids == nullptr) continue;
    for (unsigned i = kids->length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids->data[i - 1]));
  }
}

// Characters of text under `node`, outside skipped content and furniture.
size_t ProseLength(const GumboNode* node) {
  size_t n = 0;
  Walk(node, [&](const GumboNode* x) {
    if (IsTextNode(x)) {
      n += std::strlen(x->v.text.text);
      return false;
    }
    return !(IsSkipped(Tag(x)) || FurnitureReason(x) != nullptr);
  });
  return n;
}

bool Contains(const GumboNode* ancestor, const GumboNode* node) {
  for (const GumboNode* p = node; p != nullptr; p = p->parent) {
    if (p == ancestor) return true;
  }
  return false;
}

std::string CollapseSpace(absl::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsHtmlSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  Walk(node, [&](const GumboNode* x) {
    if (IsTextNode(x)) {
      out.append(x->v.text.text);
      return false;
    }
    return true;
  });
  return CollapseSpace(out);
}

std::string PrimaryLanguage(absl::string_view tag) {
  tag = absl::StripAsciiWhitespace(tag);
  return absl::AsciiStrToLower(tag.substr(0, tag.find_first_of("-_")));
}

// First "datePublished" (and publisher name) in a JSON-LD value, searched
// without recursion.
void ScanJsonLd(const nlohmann::json& root, std::optional<absl::CivilDay>* date, std::string* publisher) {
  std::vector<const nlohmann::json*> stack{&root};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      auto it = j->find("datePublished");
      if (!*date && it != j->end() && it->is_string()) *date = ParseIsoDate(it->get<std::string>());
      auto pub = j->find("publisher");
      if (publisher->empty() && pub != j->end() && pub->is_object()) {
        auto name = pub->find("name");
        if (name != pub->end() && name->is_string()) *publisher = name->get<std::string>();
      }
      std::vector<const nlohmann::json*> kids;
      for (const auto& item : j->items()) kids.push_back(&item.value());
      for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.push_back(*k);
    } else if (j->is_array()) {
      for (size_t k = j->size(); k > 0; --k) stack.push_back(&(*j)[k - 1]);
    }
  }
}

// ---- Text output with a source map ----

class Emitter {
 public:
  std::string text;
  std::vector<SourceRun> runs;

  // Appends decoded bytes that came from source [src, src + src_len).
  void Append(absl::string_view bytes, size_t src, size_t src_len) {
    if (bytes.empty()) return;
    if (pending_space_ && !text.empty() && text.back() != '\n') AppendRaw(" ", pending_space_src_, 1);
    pending_space_ = false;
    AppendRaw(bytes, src, src_len);
  }

  // Collapsible white space at source offset `src`.
  void Space(size_t src) {
    if (pending_space_) return;
    pending_space_ = true;
    pending_space_src_ = src;
  }

  // Ends a line (<br>: 1) or a paragraph (blocks: 2). Never more than two
  // newlines in a row, none at the start.
  void Break(int newlines) {
    pending_space_ = false;
    if (text.empty()) return;
    size_t trailing = 0;
    while (trailing < text.size() && text[text.size() - 1 - trailing] == '\n') ++trailing;
    if (newlines == 1) {
      if (trailing < 2) text.push_back('\n');
    } else {
      while (trailing < 2) {
        text.push_back('\n');
        ++trailing;
      }
    }
  }

 private:
  void AppendRaw(absl::string_view bytes, size_t src, size_t src_len) {
    const bool identity = bytes.size() == src_len;
    if (identity && !runs.empty()) {
      SourceRun& last = runs.back();
      if (last.length == last.source_length && last.text_start + last.length == text.size() &&
          last.source_start + last.source_length == src) {
        last.length += bytes.size();
        last.source_length += src_len;
        text.append(bytes.data(), bytes.size());
        return;
      }
    }
    runs.push_back({text.size(), src, bytes.size(), src_len});
    text.append(bytes.data(), bytes.size());
  }

  bool pending_space_ = false;
  size_t pending_space_src_ = 0;
};

// Walks the decoded text of a text node against its source and emits it in
// atoms: single bytes that are the same in both, or decoded entities and
// line ends with the source they came from.
void EmitTextNode(const GumboNode* node, absl::string_view html, bool preformatted, Emitter* out) {
  const absl::string_view dec = node->v.text.text;
  const GumboStringPiece& piece = node->v.text.original_text;
  const size_t base = node->v.text.start_pos.offset;
  absl::string_view raw;
  if (piece.data != nullptr && piece.data >= html.data() && piece.data + piece.length <= html.data() + html.size()) {
    raw = absl::string_view(piece.data, piece.length);
  }
  auto atom = [&](absl::string_view bytes, size_t src, size_t src_len) {
    if (!preformatted && bytes.size() == 1 && IsHtmlSpace(bytes[0])) {
      out->Space(src);
    } else {
      out->Append(bytes, src, src_len);
    }
  };
  size_t r = 0, d = 0;
  while (d < dec.size()) {
    if (r >= raw.size()) {
      // Source exhausted or unknown: map the rest to the node's end.
      const size_t src = base + raw.size();
      for (; d < dec.size(); ++d) atom(dec.substr(d, 1), src, 0);
      break;
    }
    const char rc = raw[r];
    if (rc == '&') {
      size_t e = r + 1;
      while (e < raw.size() && e - r < 40 && (absl::ascii_isalnum(static_cast<unsigned char>(raw[e])) || raw[e] == '#')) ++e;
      const size_t ent_end = e < raw.size() && raw[e] == ';' ? e + 1 : e;
      const size_t ent_len = ent_end - r;
      if (ent_len > 1 && dec.substr(d, ent_len) != raw.substr(r, ent_len)) {
        size_t dl = Utf8Length(static_cast<unsigned char>(dec[d]));
        // Entities of two code points: take the second when the source goes on differently.
        if (ent_end < raw.size() && d + dl < dec.size() && dec[d + dl] != raw[ent_end]) {
          dl += Utf8Length(static_cast<unsigned char>(dec[d + dl]));
        }
        dl = std::min(dl, dec.size() - d);
        atom(dec.substr(d, dl), base + r, ent_len);
        d += dl;
        r = ent_end;
        continue;
      }
    }
    if (rc == '\r' && dec[d] == '\n') {
      const size_t len = r + 1 < raw.size() && raw[r + 1] == '\n' ? 2 : 1;
      atom(dec.substr(d, 1), base + r, len);
      ++d;
      r += len;
      continue;
    }
    if (rc == dec[d]) {
      atom(dec.substr(d, 1), base + r, 1);
      ++d;
      ++r;
      continue;
    }
    // Out of step (a NUL replaced, text moved by the tree builder): map the
    // rest of the node coarsely to the rest of its source.
    const size_t src = base + r;
    const size_t src_len = raw.size() - r;
    bool first = true;
    for (; d < dec.size(); ++d) {
      atom(dec.substr(d, 1), src, first ? src_len : 0);
      first = false;
    }
    break;
  }
}

struct PageInfo {
  const GumboNode* html = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* title = nullptr;
  std::vector<const GumboNode*> articles;
  const GumboNode* main = nullptr;
  const GumboNode* first_h1 = nullptr;
  std::vector<const GumboNode*> times;
  std::optional<absl::CivilDay> meta_published;        // article:published_time
  std::optional<absl::CivilDay> meta_other_published;  // Other date metadata.
  std::optional<absl::CivilDay> json_ld_published;
  std::string site_name;
  std::string json_ld_publisher;
};

bool InsideFurniture(const GumboNode* node) {
  for (const GumboNode* p = node->parent; p != nullptr; p = p->parent) {
    if (FurnitureReason(p) != nullptr) return true;
  }
  return false;
}

PageInfo Survey(const GumboNode* root) {
  PageInfo info;
  Walk(root, [&](const GumboNode* node) {
    const GumboTag tag = Tag(node);
    switch (tag) {
      case GUMBO_TAG_HTML: if (info.html == nullptr) info.html = node; break;
      case GUMBO_TAG_BODY: if (info.body == nullptr) info.body = node; break;
      case GUMBO_TAG_TITLE: if (info.title == nullptr) info.title = node; return false;
      case GUMBO_TAG_ARTICLE: info.articles.push_back(node); break;
      case GUMBO_TAG_MAIN: if (info.main == nullptr) info.main = node; break;
      case GUMBO_TAG_H1: if (info.first_h1 == nullptr && !InsideFurniture(node)) info.first_h1 = node; break;
      case GUMBO_TAG_TIME: if (Attr(node, "datetime") != nullptr) info.times.push_back(node); break;
      case GUMBO_TAG_META: {
        const char* key = Attr(node, "property");
        if (key == nullptr) key = Attr(node, "name");
        if (key == nullptr) key = Attr(node, "itemprop");
        const char* content = Attr(node, "content");
        if (key == nullptr || content == nullptr) break;
        if (absl::EqualsIgnoreCase(key, "article:published_time")) {
          if (!info.meta_published) info.meta_published = ParseIsoDate(content);
        } else if (absl::EqualsIgnoreCase(key, "og:site_name")) {
          if (info.site_name.empty()) info.site_name = CollapseSpace(content);
        } else if (absl::EqualsIgnoreCase(key, "datePublished") || absl::EqualsIgnoreCase(key, "date") ||
                   absl::EqualsIgnoreCase(key, "pubdate") || absl::EqualsIgnoreCase(key, "publish-date") ||
                   absl::EqualsIgnoreCase(key, "dc.date.issued") || absl::EqualsIgnoreCase(key, "dcterms.date") ||
                   absl::EqualsIgnoreCase(key, "og:published_time")) {
          if (!info.meta_other_published) info.meta_other_published = ParseIsoDate(content);
        }
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(node, "type");
        if (type != nullptr && absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(type), "application/ld+json")) {
          std::string json;
          const GumboVector* kids = Children(node);
          for (unsigned i = 0; i < kids->length; ++i) {
            const auto* kid = static_cast<const GumboNode*>(kids->data[i]);
            if (IsTextNode(kid)) json.append(kid->v.text.text);
          }
          nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
          if (!parsed.is_discarded()) ScanJsonLd(parsed, &info.json_ld_published, &info.json_ld_publisher);
        }
        return false;
      }
      default:
        break;
    }
    return true;
  });
  return info;
}

}  // namespace

absl::Status ParseHtml(absl::string_view name, absl::string_view utf8, size_t source_base, Document* doc) {
  std::string html(utf8);
  if (size_t deep = FlattenDeepNesting(&html, kMaxNesting); deep != std::string::npos) {
    doc->warnings.push_back(absl::StrCat("HTML nested deeper than ", kMaxNesting,
                                         " elements; tags from byte offset ", deep + source_base,
                                         " on were ignored (their text is kept)"));
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // We do not report parse errors; don't collect them.
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (output == nullptr) return absl::InvalidArgumentError(absl::StrCat(name, ": cannot parse HTML"));

  const PageInfo info = Survey(output->document);
  if (info.title != nullptr) doc->title = TextOf(info.title);
  if (const char* lang = info.html == nullptr ? nullptr : Attr(info.html, "lang"); lang != nullptr && *lang) {
    doc->lang = PrimaryLanguage(lang);
  }
  doc->source = !info.site_name.empty() ? info.site_name : info.json_ld_publisher;

  // The content root: the article with the most prose, else <main>, else <body>.
  const GumboNode* root = nullptr;
  size_t best = 0;
  for (const GumboNode* a : info.articles) {
    if (InsideFurniture(a)) continue;
    size_t len = ProseLength(a);
    if (root == nullptr || len > best) root = a, best = len;
  }
  if (root == nullptr || best == 0) root = info.main;
  if (root == nullptr) root = info.body;
  if (root == nullptr) root = output->root;
  // A headline just outside the article (in its page header) is content too.
  const GumboNode* headline = info.first_h1 != nullptr && !Contains(root, info.first_h1) ? info.first_h1 : nullptr;

  // Publication date: article:published_time, JSON-LD, other metadata, <time datetime>.
  if (info.meta_published) {
    doc->published = info.meta_published, doc->published_from = "meta";
  } else if (info.json_ld_published) {
    doc->published = info.json_ld_published, doc->published_from = "json_ld";
  } else if (info.meta_other_published) {
    doc->published = info.meta_other_published, doc->published_from = "meta";
  } else {
    // Candidates in order: <time pubdate> or itemprop=datePublished, then
    // those in the article, then any; the first that parses wins.
    std::vector<const GumboNode*> order;
    for (const GumboNode* t : info.times) {
      const char* prop = Attr(t, "itemprop");
      if (Attr(t, "pubdate") != nullptr || (prop != nullptr && absl::EqualsIgnoreCase(prop, "datePublished"))) {
        order.push_back(t);
      }
    }
    for (const GumboNode* t : info.times) {
      if (Contains(root, t) && !InsideFurniture(t)) order.push_back(t);
    }
    order.insert(order.end(), info.times.begin(), info.times.end());
    for (const GumboNode* t : order) {
      if (auto day = ParseIsoDate(Attr(t, "datetime")); day) {
        doc->published = day;
        doc->published_from = "time";
        break;
      }
    }
  }

  // Emit the body.
  Emitter out;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool furniture_start;  // This element opened a furniture span.
    const char* reason;
    size_t furniture_begin;
  };
  const GumboNode* start = info.body != nullptr ? info.body : output->root;
  std::vector<Frame> stack;
  int in_root = 0;       // > 0 inside the content root (or the outside headline).
  int furniture = 0;     // > 0 inside a furniture span.
  int preformatted = 0;  // > 0 inside <pre>.
  auto enter = [&](const GumboNode* node) -> bool {
    if (IsTextNode(node)) {
      EmitTextNode(node, html, preformatted > 0, &out);
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = Tag(node);
    if (IsSkipped(tag)) return false;
    if (tag == GUMBO_TAG_BR) {
      out.Break(1);
      return false;
    }
    if (IsBlock(tag)) out.Break(2);
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.Space(node->v.element.start_pos.offset);
    Frame frame{node, 0, false, nullptr, 0};
    if (node == root || node == headline) ++in_root;
    if (tag == GUMBO_TAG_PRE) ++preformatted;
    if (furniture == 0) {
      const char* reason = FurnitureReason(node);
      if (reason == nullptr && in_root == 0) {
        // Outside the article: everything is furniture; name it by the
        // element when it says what it is.
        const bool has_root_inside = Contains(node, root) || (headline != nullptr && Contains(node, headline));
        if (!has_root_inside) reason = tag == GUMBO_TAG_HEADER ? "header" : "outside_article";
      }
      if (reason != nullptr) {
        frame.furniture_start = true;
        frame.reason = reason;
        frame.furniture_begin = out.text.size();
        ++furniture;
      }
    }
    stack.push_back(frame);
    return true;
  };
  auto leave = [&](const Frame& frame) {
    const GumboTag tag = Tag(frame.node);
    if (IsBlock(tag)) out.Break(2);
    if (tag == GUMBO_TAG_PRE) --preformatted;
    if (frame.node == root || frame.node == headline) --in_root;
    if (frame.furniture_start) {
      --furniture;
      size_t b = frame.furniture_begin, e = out.text.size();
      while (b < e && absl::ascii_isspace(static_cast<unsigned char>(out.text[b]))) ++b;
      while (e > b && absl::ascii_isspace(static_cast<unsigned char>(out.text[e - 1]))) --e;
      if (b < e) {
        // Merge with a touching span of the same reason (sibling menu items).
        if (!doc->furniture.empty() && doc->furniture.back().reason == frame.reason &&
            absl::StripAsciiWhitespace(absl::string_view(out.text).substr(
                doc->furniture.back().span.end, b - doc->furniture.back().span.end)).empty()) {
          doc->furniture.back().span.end = e;
        } else {
          doc->furniture.push_back({{b, e}, frame.reason});
        }
      }
    }
  };
  if (enter(start)) {
    while (!stack.empty()) {
      Frame& top = stack.back();
      const GumboVector* kids = Children(top.node);
      if (kids != nullptr && top.next_child < kids->length) {
        const auto* child = static_cast<const GumboNode*>(kids->data[top.next_child++]);
        enter(child);  // May push; `top` is not used after this.
        continue;
      }
      Frame done = top;
      stack.pop_back();
      leave(done);
    }
  }
  // No trailing white space.
  size_t end = out.text.size();
  while (end > 0 && absl::ascii_isspace(static_cast<unsigned char>(out.text[end - 1]))) --end;
  out.text.resize(end);
  while (!out.runs.empty() && out.runs.back().text_start >= end) out.runs.pop_back();
  if (!out.runs.empty() && out.runs.back().text_start + out.runs.back().length > end) {
    SourceRun& last = out.runs.back();
    last.length = end - last.text_start;
    if (last.source_length > last.length) last.source_length = last.length;
  }
  for (Furniture& f : doc->furniture) f.span.end = std::min(f.span.end, end);
  doc->furniture.erase(std::remove_if(doc->furniture.begin(), doc->furniture.end(),
                                      [](const Furniture& f) { return f.span.empty(); }),
                       doc->furniture.end());
  for (SourceRun& run : out.runs) run.source_start += source_base;
  doc->text = std::move(out.text);
  doc->source_map = std::move(out.runs);
  return absl::OkStatus();
}

}  // namespace claimdiff::ingest_internal
