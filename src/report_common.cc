#include "report_common.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <numeric>
#include <tuple>

#include <dtl/dtl.hpp>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"

namespace claimdiff::report_internal {

std::string DocLabel(int doc) {
  if (doc >= 0 && doc < 26) return std::string(1, static_cast<char>('A' + doc));
  return absl::StrCat("D", doc + 1);
}

std::string ValidUtf8(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

std::string SpanText(const std::string& text, const Span& span) {
  size_t start = std::min(span.start, text.size());
  size_t end = std::min(std::max(span.end, start), text.size());
  return ValidUtf8(absl::string_view(text).substr(start, end - start));
}

std::string CollapseSpace(absl::string_view s) {
  std::string out;
  bool pending_space = false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

std::string HtmlEscape(absl::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string DocName(const Document& doc) {
  if (!doc.source.empty()) return ValidUtf8(doc.source);
  if (!doc.title.empty()) return ValidUtf8(doc.title);
  return ValidUtf8(doc.id);
}

std::string DayString(const Document& doc) {
  return doc.published ? absl::FormatCivilTime(*doc.published) : std::string();
}

int KindRank(FindingKind kind) {
  for (size_t i = 0; i < std::size(kAllKinds); ++i) {
    if (kAllKinds[i] == kind) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kAllKinds));
}

namespace {

// (doc, start) of the first place a finding points at.
std::pair<int, size_t> FirstPosition(const Finding& f) {
  std::pair<int, size_t> best{INT32_MAX, SIZE_MAX};
  for (const FindingValue& v : f.values) best = std::min(best, std::make_pair(v.doc, v.span.start));
  for (const Evidence& e : f.evidence) best = std::min(best, std::make_pair(e.doc, e.span.start));
  return best;
}

std::vector<std::tuple<int, size_t, std::string, std::string>> ValueKey(const Finding& f) {
  std::vector<std::tuple<int, size_t, std::string, std::string>> key;
  for (const FindingValue& v : f.values) key.emplace_back(v.doc, v.span.start, v.written, v.normalized);
  return key;
}

bool TextOrderLess(const Finding* a, const Finding* b) {
  auto pa = FirstPosition(*a), pb = FirstPosition(*b);
  if (pa != pb) return pa < pb;
  if (a->kind != b->kind) return KindRank(a->kind) < KindRank(b->kind);
  if (a->slot != b->slot) return a->slot < b->slot;
  auto va = ValueKey(*a), vb = ValueKey(*b);
  if (va != vb) return va < vb;
  return a->reason < b->reason;
}

}  // namespace

std::vector<const Finding*> FindingsInTextOrder(const ReportInput& input) {
  std::vector<const Finding*> out;
  if (input.comparison == nullptr) return out;
  for (const Finding& f : input.comparison->findings) out.push_back(&f);
  std::stable_sort(out.begin(), out.end(), TextOrderLess);
  return out;
}

std::vector<const Finding*> FindingsBySeverity(const ReportInput& input) {
  std::vector<const Finding*> out = FindingsInTextOrder(input);
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding* a, const Finding* b) { return KindRank(a->kind) < KindRank(b->kind); });
  return out;
}

std::vector<int> CountKinds(const ReportInput& input) {
  std::vector<int> counts(std::size(kAllKinds), 0);
  if (input.comparison == nullptr) return counts;
  for (const Finding& f : input.comparison->findings) {
    size_t k = static_cast<size_t>(f.kind);
    if (k < counts.size()) ++counts[k];
  }
  return counts;
}

std::string ReportTitle(const ReportInput& input, const ReportOptions& options) {
  if (!options.title.empty()) return ValidUtf8(options.title);
  std::vector<std::string> names;
  for (const AnalyzedDocument& d : input.docs) names.push_back(DocName(d.doc));
  if (names.empty()) return "claimdiff report";
  return absl::StrJoin(names, " vs ");
}

// ---------------------------------------------------------------------------
// Word tokens and word differences.

namespace {

// A word break iterator per thread: creating one loads ICU data, cloning
// the prototype does not.
icu::BreakIterator* WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return breaker.get();
}

bool IsSpaceToken(absl::string_view token) {
  const auto* p = reinterpret_cast<const uint8_t*>(token.data());
  int32_t length = static_cast<int32_t>(token.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
    if (!(u_isUWhiteSpace(c) || c == 0xA0 || c == 0x202F)) return false;
  }
  return true;
}

// Fallback when ICU is unavailable: split at ASCII spaces.
std::vector<Span> SpaceTokens(absl::string_view s) {
  std::vector<Span> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    size_t start = i;
    while (i < s.size() && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    if (i > start) out.push_back({start, i});
  }
  return out;
}

}  // namespace

std::vector<Span> WordTokens(absl::string_view s) {
  icu::BreakIterator* breaker = WordBreaker();
  if (breaker == nullptr) return SpaceTokens(s);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
  if (U_FAILURE(status)) return SpaceTokens(s);
  breaker->setText(ut, status);
  std::vector<Span> out;
  if (U_SUCCESS(status)) {
    int32_t start = breaker->first();
    for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
      Span span{static_cast<size_t>(start), static_cast<size_t>(end)};
      if (!IsSpaceToken(s.substr(span.start, span.size()))) out.push_back(span);
    }
  }
  utext_close(ut);
  if (U_FAILURE(status)) return SpaceTokens(s);
  return out;
}

namespace {

void AddChanged(std::vector<Span>* ranges, const Span& token, bool previous_changed) {
  if (previous_changed && !ranges->empty()) {
    ranges->back().end = token.end;
  } else {
    ranges->push_back(token);
  }
}

}  // namespace

WordDiffResult WordDiff(absl::string_view a, absl::string_view b) {
  std::vector<Span> ta = WordTokens(a), tb = WordTokens(b);
  std::vector<std::string> wa, wb;
  for (const Span& t : ta) wa.emplace_back(a.substr(t.start, t.size()));
  for (const Span& t : tb) wb.emplace_back(b.substr(t.start, t.size()));
  WordDiffResult result;
  result.tokens_a = static_cast<int>(ta.size());
  result.tokens_b = static_cast<int>(tb.size());
  dtl::Diff<std::string, std::vector<std::string>> diff(wa, wb);
  diff.compose();
  // Sequence element indexes are 1-based: beforeIdx into a, afterIdx into b.
  bool prev_a = false, prev_b = false;
  for (const auto& [word, info] : diff.getSes().getSequence()) {
    switch (info.type) {
      case dtl::SES_DELETE: {
        size_t i = static_cast<size_t>(info.beforeIdx - 1);
        if (i < ta.size()) AddChanged(&result.only_a, ta[i], prev_a);
        prev_a = true;
        break;
      }
      case dtl::SES_ADD: {
        size_t i = static_cast<size_t>(info.afterIdx - 1);
        if (i < tb.size()) AddChanged(&result.only_b, tb[i], prev_b);
        prev_b = true;
        break;
      }
      case dtl::SES_COMMON:
        ++result.common;
        prev_a = prev_b = false;
        break;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Rows of the side-by-side view.

namespace {

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

std::vector<Row> BuildRows(const ReportInput& input) {
  const size_t n_docs = input.docs.size();
  // Units of each document in text order.
  std::vector<std::vector<Unit>> units(n_docs);
  std::vector<int> node_base(n_docs + 1, 0);
  for (size_t d = 0; d < n_docs; ++d) {
    const AnalyzedDocument& doc = input.docs[d];
    for (size_t s = 0; s < doc.seg.sentences.size(); ++s) {
      units[d].push_back({static_cast<int>(d), static_cast<int>(s), doc.seg.sentences[s].span, ""});
    }
    for (const Furniture& f : doc.seg.furniture) {
      units[d].push_back({static_cast<int>(d), -1, f.span, f.reason.empty() ? "furniture" : f.reason});
    }
    std::stable_sort(units[d].begin(), units[d].end(),
                     [](const Unit& a, const Unit& b) { return a.span.start < b.span.start; });
    node_base[d + 1] = node_base[d] + static_cast<int>(doc.seg.sentences.size());
  }
  auto node = [&](int doc, int sentence) -> int {
    if (doc < 0 || static_cast<size_t>(doc) >= n_docs || sentence < 0 ||
        sentence >= node_base[doc + 1] - node_base[doc]) {
      return -1;
    }
    return node_base[doc] + sentence;
  };
  // Links join rows strongest first, and only while a row holds at most one
  // sentence per document: merging every link transitively would put half
  // of an article into one row when links fan out.
  UnionFind uf(static_cast<size_t>(node_base[n_docs]));
  std::vector<std::vector<bool>> docs_of(static_cast<size_t>(node_base[n_docs]), std::vector<bool>(n_docs, false));
  for (size_t d = 0; d < n_docs; ++d) {
    for (int x = node_base[d]; x < node_base[d + 1]; ++x) docs_of[x][d] = true;
  }
  if (input.alignment != nullptr) {
    std::vector<const Link*> links;
    for (const Link& l : input.alignment->links) links.push_back(&l);
    std::stable_sort(links.begin(), links.end(), [](const Link* x, const Link* y) {
      if (x->score != y->score) return x->score > y->score;
      return std::tie(x->doc_a, x->sentence_a, x->doc_b, x->sentence_b) <
             std::tie(y->doc_a, y->sentence_a, y->doc_b, y->sentence_b);
    });
    for (const Link* l : links) {
      int a = node(l->doc_a, l->sentence_a), b = node(l->doc_b, l->sentence_b);
      if (a < 0 || b < 0) continue;
      int ra = uf.Find(a), rb = uf.Find(b);
      if (ra == rb) continue;
      bool overlap = false;
      for (size_t d = 0; d < n_docs; ++d) overlap = overlap || (docs_of[ra][d] && docs_of[rb][d]);
      if (overlap) continue;
      uf.Union(ra, rb);
      int root = uf.Find(ra);
      for (size_t d = 0; d < n_docs; ++d) docs_of[root][d] = docs_of[ra][d] || docs_of[rb][d];
    }
  }
  // Members of each component, in (doc, sentence) order.
  std::map<int, std::vector<Unit>> members;
  for (size_t d = 0; d < n_docs; ++d) {
    for (const Unit& u : units[d]) {
      if (u.sentence >= 0) members[uf.Find(node(u.doc, u.sentence))].push_back(u);
    }
  }

  // Rows are kept in `order` (row ids); a new row goes right after the row
  // of the previous unit of the same document.
  std::vector<Row> rows;
  std::vector<int> order;
  std::map<int, int> row_of_component;
  for (size_t d = 0; d < n_docs; ++d) {
    int previous_row = -1;
    for (const Unit& u : units[d]) {
      int component = u.sentence >= 0 ? uf.Find(node(u.doc, u.sentence)) : -1;
      if (component >= 0) {
        auto it = row_of_component.find(component);
        if (it != row_of_component.end()) {
          previous_row = it->second;
          continue;
        }
      }
      int id = static_cast<int>(rows.size());
      Row row;
      row.cells.resize(n_docs);
      if (component >= 0) {
        std::vector<bool> docs_in(n_docs, false);
        for (const Unit& m : members[component]) {
          row.cells[m.doc].push_back(m);
          docs_in[m.doc] = true;
        }
        row.aligned = std::count(docs_in.begin(), docs_in.end(), true) >= 2;
        row_of_component[component] = id;
      } else {
        row.cells[d].push_back(u);
      }
      rows.push_back(std::move(row));
      auto pos = order.begin();
      if (previous_row >= 0) pos = std::find(order.begin(), order.end(), previous_row) + 1;
      order.insert(pos, id);
      previous_row = id;
    }
  }
  std::vector<Row> out;
  out.reserve(rows.size());
  for (int id : order) out.push_back(std::move(rows[id]));
  return out;
}

// ---------------------------------------------------------------------------
// Highlighted parts.

namespace {

std::string FormatNumber(double v) {
  // Range first: converting a double outside int64_t's range is undefined.
  if (v > -1e15 && v < 1e15 && v == std::trunc(v)) {
    return absl::StrCat(static_cast<int64_t>(v));
  }
  return absl::StrFormat("%.6g", v);
}

std::string TimexTip(const Timex& t) {
  std::string tip = absl::StrCat("time: ", t.value.empty() ? "?" : t.value);
  if (!t.mod.empty()) absl::StrAppend(&tip, " (", t.mod, ")");
  if (t.first_day && t.last_day) {
    if (*t.first_day == *t.last_day) {
      absl::StrAppend(&tip, " = ", absl::FormatCivilTime(*t.first_day));
    } else {
      absl::StrAppend(&tip, " = ", absl::FormatCivilTime(*t.first_day), " .. ",
                      absl::FormatCivilTime(*t.last_day));
    }
  }
  return tip;
}

std::string QuantityTip(const Quantity& q) {
  std::string tip = absl::StrCat("number: ", FormatNumber(q.value));
  if (!q.unit.empty()) absl::StrAppend(&tip, " ", q.unit);
  if (!q.counts.empty()) absl::StrAppend(&tip, " ", q.counts);
  if (!q.approx.empty() && q.approx != "exact") absl::StrAppend(&tip, " (", q.approx, ")");
  if (q.ordinal) absl::StrAppend(&tip, " (ordinal)");
  return tip;
}

}  // namespace

std::vector<Annotation> DocAnnotations(const AnalyzedDocument& doc) {
  std::vector<Annotation> all;
  for (const Statement& s : doc.ext.statements) {
    for (int t : s.times) {
      if (t < 0 || static_cast<size_t>(t) >= doc.ext.timex.size()) continue;
      const Timex& timex = doc.ext.timex[t];
      all.push_back({timex.span, "time", TimexTip(timex)});
    }
    for (const Place& p : s.places) {
      std::string tip = absl::StrCat("place: ", p.name.empty() ? p.id : p.name);
      if (!p.kind.empty()) absl::StrAppend(&tip, " (", p.kind, ")");
      if (!p.within.empty()) absl::StrAppend(&tip, " in ", absl::StrJoin(p.within, ", "));
      if (!p.role.empty() && p.role != "event") absl::StrAppend(&tip, "; role: ", p.role);
      all.push_back({p.span, "place", tip});
    }
    for (const Quantity& q : s.quantities) all.push_back({q.span, "quantity", QuantityTip(q)});
    for (const Participant& p : s.participants) {
      std::string tip = absl::StrCat(p.kind.empty() ? "person" : p.kind, ": ", p.key.empty() ? p.name : p.key);
      if (!p.title.empty()) absl::StrAppend(&tip, " (", p.title, ")");
      all.push_back({p.span, "person", tip});
      if (p.title_span) all.push_back({*p.title_span, "person", absl::StrCat("role: ", p.title)});
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Annotation& a, const Annotation& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    return a.span.end > b.span.end;
  });
  std::vector<Annotation> out;
  for (Annotation& a : all) {
    if (a.span.empty() || a.span.end > doc.doc.text.size()) continue;
    if (!out.empty() && a.span.start < out.back().span.end) continue;
    a.tip = ValidUtf8(a.tip);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace claimdiff::report_internal
