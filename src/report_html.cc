// HTML report: one self-contained page (inline CSS and JS, no network) with
// the findings (filter by kind, keyboard next/previous), a claim matrix for
// three or more sources, and the sources side by side with aligned
// statements in one row and their word-level differences marked.
//
// Every byte taken from the input passes through HtmlEscape; no input is
// ever placed inside <script> or <style>.

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimdiff/report.h"
#include "report_common.h"
#include "report_html_assets.h"

namespace claimdiff::report_internal {

namespace {

// A highlighted range inside a sentence.
struct Mark {
  Span span;         // Absolute offsets into the document text.
  std::string cls;   // CSS classes.
  std::string tip;   // Tooltip ("" = none).
};

// HTML of text[span] with `marks` (sorted, disjoint) wrapped in <mark> and
// `changed` (sorted, disjoint) wrapped in <span class="chg">. Changed ranges
// are split at mark boundaries so that the tags nest.
std::string MarkedHtml(const std::string& text, const Span& span, const std::vector<Mark>& marks,
                       const std::vector<Span>& changed) {
  const size_t start = std::min(span.start, text.size());
  const size_t end = std::min(std::max(span.end, start), text.size());
  std::set<size_t> cuts = {start, end};
  auto add_cut = [&](size_t x) {
    if (x > start && x < end) cuts.insert(x);
  };
  for (const Mark& m : marks) {
    add_cut(m.span.start);
    add_cut(m.span.end);
  }
  for (const Span& c : changed) {
    add_cut(c.start);
    add_cut(c.end);
  }
  std::string out;
  const Mark* open_mark = nullptr;
  bool open_change = false;
  size_t mi = 0, ci = 0;
  for (auto it = cuts.begin(); it != cuts.end() && *it < end; ++it) {
    const size_t a = *it;
    const size_t b = *std::next(it);
    while (mi < marks.size() && marks[mi].span.end <= a) ++mi;
    while (ci < changed.size() && changed[ci].end <= a) ++ci;
    const Mark* mark = (mi < marks.size() && marks[mi].span.start <= a) ? &marks[mi] : nullptr;
    const bool change = ci < changed.size() && changed[ci].start <= a;
    if (mark != open_mark || (!change && open_change)) {
      if (open_change) out += "</span>";
      open_change = false;
    }
    if (mark != open_mark) {
      if (open_mark != nullptr) out += "</mark>";
      if (mark != nullptr) {
        absl::StrAppend(&out, "<mark class=\"", mark->cls, "\"");
        if (!mark->tip.empty()) absl::StrAppend(&out, " title=\"", HtmlEscape(mark->tip), "\"");
        out += ">";
      }
      open_mark = mark;
    }
    if (change && !open_change) {
      out += "<span class=\"chg\">";
      open_change = true;
    }
    out += HtmlEscape(ValidUtf8(absl::string_view(text).substr(a, b - a)));
  }
  if (open_change) out += "</span>";
  if (open_mark != nullptr) out += "</mark>";
  return out;
}

// Word differences are marked only when the aligned statements share at
// least this share of the shorter one's tokens.
constexpr int kMinCommonPercent = 40;

std::string KindClass(FindingKind k) { return absl::StrCat("k-", FindingKindName(k)); }

std::string Badge(FindingKind k) {
  return absl::StrCat("<span class=\"badge ", KindClass(k), "\"><span class=\"icon\" aria-hidden=\"true\">",
                      FindingKindIcon(k), "</span> ", FindingKindLabel(k), "</span>");
}

std::string DocChip(int doc) {
  return absl::StrCat("<span class=\"chip d", doc % 6, "\">", DocLabel(doc), "</span>");
}

class HtmlReport {
 public:
  HtmlReport(const ReportInput& input, const ReportOptions& options) : input_(input), options_(options) {
    rows_ = BuildRows(input);
    for (size_t r = 0; r < rows_.size(); ++r) {
      for (const auto& cell : rows_[r].cells) {
        for (const Unit& u : cell) {
          if (u.sentence >= 0) row_of_sentence_[{u.doc, u.sentence}] = static_cast<int>(r);
        }
      }
    }
    for (const AnalyzedDocument& d : input.docs) annotations_.push_back(DocAnnotations(d));
    findings_ = FindingsBySeverity(input);
  }

  std::string Render() {
    const std::string title = ReportTitle(input_, options_);
    absl::StrAppend(&out_,
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"claimdiff\">\n"
                    "<meta name=\"color-scheme\" content=\"light dark\">\n<title>claimdiff: ",
                    HtmlEscape(title), "</title>\n<style>\n", kReportCss, "</style>\n</head>\n<body>\n");
    out_ += "<a class=\"skip\" href=\"#findings\">Skip to findings</a>\n";
    Header(title);
    out_ += "<main>\n";
    Findings();
    if (input_.docs.size() >= 3) Matrix();
    SideBySide();
    out_ += "</main>\n";
    absl::StrAppend(&out_, "<footer class=\"foot\"><p>claimdiff report \u00B7 JSON schema ", kReportJsonSchema,
                    " \u00B7 furniture is shown greyed and never compared</p></footer>\n");
    absl::StrAppend(&out_, "<script>\n", kReportJs, "</script>\n</body>\n</html>\n");
    return std::move(out_);
  }

 private:
  int RowOf(int doc, size_t offset) const {
    if (doc < 0 || static_cast<size_t>(doc) >= input_.docs.size()) return -1;
    const auto& sentences = input_.docs[doc].seg.sentences;
    for (size_t s = 0; s < sentences.size(); ++s) {
      if (sentences[s].span.start <= offset && offset < std::max(sentences[s].span.end, sentences[s].span.start + 1)) {
        auto it = row_of_sentence_.find({doc, static_cast<int>(s)});
        return it == row_of_sentence_.end() ? -1 : it->second;
      }
    }
    return -1;
  }

  void Header(const std::string& title) {
    absl::StrAppend(&out_, "<header class=\"top\">\n<p class=\"brand\">claimdiff</p>\n<h1>", HtmlEscape(title),
                    "</h1>\n");
    std::vector<int> counts = CountKinds(input_);
    int total = 0;
    for (int c : counts) total += c;
    size_t links = input_.alignment ? input_.alignment->links.size() : 0;
    absl::StrAppend(&out_, "<p class=\"meta\">");
    if (!input_.id.empty()) absl::StrAppend(&out_, "Cluster <code>", HtmlEscape(ValidUtf8(input_.id)), "</code> \u00B7 ");
    absl::StrAppend(&out_, input_.docs.size(), input_.docs.size() == 1 ? " source" : " sources", " \u00B7 ", total,
                    total == 1 ? " finding" : " findings", " \u00B7 ", links,
                    links == 1 ? " aligned pair" : " aligned pairs", "</p>\n");
    out_ += "<ul class=\"sources\" aria-label=\"Sources\">\n";
    for (size_t d = 0; d < input_.docs.size(); ++d) {
      const Document& doc = input_.docs[d].doc;
      absl::StrAppend(&out_, "<li>", DocChip(static_cast<int>(d)), " <strong>", HtmlEscape(DocName(doc)),
                      "</strong>");
      std::vector<std::string> parts;
      if (doc.published) parts.push_back(absl::StrCat("<time datetime=\"", DayString(doc), "\">", DayString(doc), "</time>"));
      if (!doc.lang.empty()) parts.push_back(HtmlEscape(doc.lang));
      if (DocName(doc) != ValidUtf8(doc.id) && !doc.id.empty()) parts.push_back(HtmlEscape(ValidUtf8(doc.id)));
      if (!parts.empty()) absl::StrAppend(&out_, " <span class=\"sub\">", absl::StrJoin(parts, " \u00B7 "), "</span>");
      out_ += "</li>\n";
    }
    out_ += "</ul>\n<nav class=\"jump\" aria-label=\"Sections\"><a href=\"#findings\">Findings</a>";
    if (input_.docs.size() >= 3) out_ += "<a href=\"#matrix\">Claim matrix</a>";
    out_ += "<a href=\"#sources\">Sources side by side</a></nav>\n</header>\n";
  }

  void Findings() {
    std::vector<int> counts = CountKinds(input_);
    out_ += "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n";
    out_ += "<div class=\"toolbar\" role=\"group\" aria-label=\"Filter findings by kind\">\n";
    for (FindingKind k : kAllKinds) {
      int n = counts[static_cast<size_t>(k)];
      absl::StrAppend(&out_, "<label class=\"filter ", KindClass(k), n == 0 ? " empty" : "",
                      "\"><input type=\"checkbox\" checked data-kind=\"", FindingKindName(k), "\"> ",
                      "<span class=\"icon\" aria-hidden=\"true\">", FindingKindIcon(k), "</span> ",
                      FindingKindLabel(k), " <span class=\"count\">", n, "</span></label>\n");
    }
    out_ +=
        "<span class=\"nav\"><button type=\"button\" data-step=\"-1\" aria-label=\"Previous finding\">"
        "\u2191 prev</button><button type=\"button\" data-step=\"1\" aria-label=\"Next finding\">\u2193 next"
        "</button> <span class=\"hint\">keys <kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> "
        "previous</span></span>\n";
    out_ += "<p class=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n";
    if (findings_.empty()) {
      out_ += "<p class=\"none\">No findings: the comparison found nothing to report.</p>\n";
    }
    out_ += "<ol class=\"findings\">\n";
    for (size_t i = 0; i < findings_.size(); ++i) Finding(*findings_[i], static_cast<int>(i) + 1);
    out_ += "</ol>\n</section>\n";
  }

  void Finding(const claimdiff::Finding& f, int number) {
    const std::string slot = f.slot.empty() ? "statement" : f.slot;
    absl::StrAppend(&out_, "<li class=\"finding ", KindClass(f.kind), "\" id=\"f", number, "\" data-kind=\"",
                    FindingKindName(f.kind), "\" tabindex=\"-1\" aria-label=\"Finding ", number, ": ",
                    FindingKindLabel(f.kind), ", ", HtmlEscape(slot), "\">\n<div class=\"f-head\">",
                    "<span class=\"num\">", number, "</span>", Badge(f.kind), " <span class=\"slot\">",
                    HtmlEscape(slot), "</span>");
    if (f.update) {
      out_ += " <span class=\"update\" title=\"explained by the dates of the statements\">\u21BB update</span>";
    }
    int row = -1;
    for (const FindingValue& v : f.values) {
      if (row < 0) row = RowOf(v.doc, v.span.start);
    }
    for (const Evidence& e : f.evidence) {
      if (row < 0) row = RowOf(e.doc, e.span.start);
    }
    if (row >= 0) absl::StrAppend(&out_, " <a class=\"ctx\" href=\"#r", row + 1, "\">in context</a>");
    out_ += "</div>\n";
    if (!f.reason.empty()) absl::StrAppend(&out_, "<p class=\"reason\">", HtmlEscape(ValidUtf8(f.reason)), "</p>\n");
    if (f.update) {
      out_ += "<p class=\"update-note\">The difference is explained by when the statements were made: a later "
              "report, not a contradiction.</p>\n";
    }
    std::set<int> doc_set;
    for (const FindingValue& v : f.values) doc_set.insert(v.doc);
    for (const Evidence& e : f.evidence) doc_set.insert(e.doc);
    absl::StrAppend(&out_, "<div class=\"sides n", std::min<size_t>(doc_set.size(), 4), "\">\n");
    for (int d : doc_set) Side(f, d);
    out_ += "</div>\n</li>\n";
  }

  void Side(const claimdiff::Finding& f, int doc) {
    const bool known = doc >= 0 && static_cast<size_t>(doc) < input_.docs.size();
    absl::StrAppend(&out_, "<div class=\"side\">\n<div class=\"side-h\">", DocChip(doc), " ",
                    known ? HtmlEscape(DocName(input_.docs[doc].doc)) : "unknown source", "</div>\n");
    std::vector<Mark> hits;
    std::set<std::pair<size_t, size_t>> seen;
    for (const FindingValue& v : f.values) {
      if (v.doc != doc) continue;
      // A value that is a whole evidence sentence (only_in) is shown once, as the quote.
      const bool is_sentence = std::any_of(f.evidence.begin(), f.evidence.end(), [&](const Evidence& e) {
        return e.doc == doc && e.span == v.span;
      });
      if (is_sentence && v.normalized.empty()) continue;
      absl::StrAppend(&out_, "<p class=\"value\"><span class=\"written\">", HtmlEscape(ValidUtf8(v.written)),
                      "</span>");
      if (!v.normalized.empty()) {
        absl::StrAppend(&out_, " <span class=\"norm\" title=\"normalized value\">", HtmlEscape(ValidUtf8(v.normalized)),
                        "</span>");
      }
      out_ += "</p>\n";
      if (!v.span.empty() && !is_sentence) hits.push_back({v.span, "hit", v.normalized});
    }
    if (!known) {
      out_ += "</div>\n";
      return;
    }
    std::sort(hits.begin(), hits.end(), [](const Mark& a, const Mark& b) { return a.span.start < b.span.start; });
    std::vector<Mark> disjoint;
    for (Mark& m : hits) {
      if (disjoint.empty() || m.span.start >= disjoint.back().span.end) disjoint.push_back(std::move(m));
    }
    for (const Evidence& e : f.evidence) {
      if (e.doc != doc || !seen.insert({e.span.start, e.span.end}).second) continue;
      absl::StrAppend(&out_, "<blockquote class=\"quote\">",
                      MarkedHtml(input_.docs[doc].doc.text, e.span, disjoint, {}), "</blockquote>\n");
    }
    out_ += "</div>\n";
  }

  void Matrix() {
    out_ += "<section id=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">Claim matrix</h2>\n";
    out_ += "<div class=\"scroll\"><table class=\"matrix\">\n<caption>Claims (rows) by sources (columns): the value "
            "each source gives; \u2014 = not mentioned</caption>\n<thead><tr><th scope=\"col\">Claim</th>";
    for (size_t d = 0; d < input_.docs.size(); ++d) {
      absl::StrAppend(&out_, "<th scope=\"col\">", DocChip(static_cast<int>(d)), " ",
                      HtmlEscape(DocName(input_.docs[d].doc)), "</th>");
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < findings_.size(); ++i) {
      const claimdiff::Finding& f = *findings_[i];
      absl::StrAppend(&out_, "<tr data-kind=\"", FindingKindName(f.kind), "\"><th scope=\"row\"><a href=\"#f",
                      i + 1, "\">", i + 1, "</a> ", Badge(f.kind), " <span class=\"slot\">",
                      HtmlEscape(f.slot.empty() ? "statement" : f.slot), "</span></th>");
      for (size_t d = 0; d < input_.docs.size(); ++d) {
        std::vector<std::string> values;
        for (const FindingValue& v : f.values) {
          if (v.doc != static_cast<int>(d)) continue;
          std::string cell = absl::StrCat("<span class=\"written\"");
          if (!v.normalized.empty()) absl::StrAppend(&cell, " title=\"", HtmlEscape(ValidUtf8(v.normalized)), "\"");
          absl::StrAppend(&cell, ">", HtmlEscape(ValidUtf8(v.written)), "</span>");
          values.push_back(std::move(cell));
        }
        bool evidence = std::any_of(f.evidence.begin(), f.evidence.end(),
                                    [&](const Evidence& e) { return e.doc == static_cast<int>(d); });
        if (!values.empty()) {
          absl::StrAppend(&out_, "<td>", absl::StrJoin(values, "<br>"), "</td>");
        } else if (evidence) {
          out_ += "<td class=\"said\">mentioned</td>";
        } else {
          out_ += "<td class=\"absent\"><span aria-label=\"not mentioned\">\u2014</span></td>";
        }
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table></div>\n</section>\n";
  }

  // Changed ranges (absolute offsets) of every cell of `row`: each cell is
  // compared with the first non-empty cell; the first with the second.
  std::vector<std::vector<Span>> RowChanges(const Row& row) const {
    std::vector<std::vector<Span>> changes(row.cells.size());
    if (!row.aligned) return changes;
    struct CellText {
      std::string text;
      std::vector<std::pair<size_t, const Unit*>> parts;  // (offset in text, unit)
    };
    std::vector<CellText> cells(row.cells.size());
    for (size_t d = 0; d < row.cells.size(); ++d) {
      for (const Unit& u : row.cells[d]) {
        if (!cells[d].text.empty()) cells[d].text += ' ';
        cells[d].parts.push_back({cells[d].text.size(), &u});
        cells[d].text += SpanText(input_.docs[d].doc.text, u.span);
      }
    }
    auto to_absolute = [&](size_t d, const std::vector<Span>& ranges) {
      for (const Span& r : ranges) {
        for (const auto& [base, unit] : cells[d].parts) {
          size_t len = unit->span.size();
          size_t a = std::max(r.start, base), b = std::min(r.end, base + len);
          if (a < b) changes[d].push_back({unit->span.start + (a - base), unit->span.start + (b - base)});
        }
      }
    };
    int ref = -1;
    for (size_t d = 0; d < cells.size(); ++d) {
      if (cells[d].text.empty()) continue;
      if (ref < 0) {
        ref = static_cast<int>(d);
        continue;
      }
      WordDiffResult diff = WordDiff(cells[ref].text, cells[d].text);
      // Paraphrases share few words; marking nearly everything tells the
      // reader nothing, so such pairs are shown unmarked.
      if (diff.common * 100 < kMinCommonPercent * std::min(diff.tokens_a, diff.tokens_b)) continue;
      to_absolute(d, diff.only_b);
      if (changes[ref].empty()) to_absolute(ref, diff.only_a);
    }
    for (auto& c : changes) {
      std::sort(c.begin(), c.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    }
    return changes;
  }

  std::vector<Mark> SentenceMarks(int doc, const Span& span) const {
    std::vector<Mark> marks;
    for (const Annotation& a : annotations_[doc]) {
      if (a.span.start >= span.start && a.span.end <= span.end) {
        marks.push_back({a.span, absl::StrCat("ent ent-", a.cls), a.tip});
      }
    }
    return marks;
  }

  void SideBySide() {
    const size_t n = input_.docs.size();
    out_ += "<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources side by side</h2>\n";
    out_ += "<p class=\"legend\">Aligned statements share a row. Marked: <mark class=\"ent ent-time\">time</mark> "
            "<mark class=\"ent ent-place\">place</mark> <mark class=\"ent ent-quantity\">number</mark> "
            "<mark class=\"ent ent-person\">person</mark> (hover for the normalized value); "
            "<span class=\"chg\">words the other source does not have</span>; "
            "<span class=\"furn-tag\">furniture</span> is page furniture, not compared.</p>\n";
    absl::StrAppend(&out_, "<div class=\"scroll\"><table class=\"sbs n", std::min<size_t>(n, 4),
                    "\">\n<thead><tr><th scope=\"col\" class=\"rn\"><span class=\"sr\">Row</span></th>");
    for (size_t d = 0; d < n; ++d) {
      absl::StrAppend(&out_, "<th scope=\"col\">", DocChip(static_cast<int>(d)), " ",
                      HtmlEscape(DocName(input_.docs[d].doc)), "</th>");
    }
    out_ += "</tr></thead>\n<tbody>\n";
    for (size_t r = 0; r < rows_.size(); ++r) {
      const Row& row = rows_[r];
      std::vector<std::vector<Span>> changes = RowChanges(row);
      bool furniture_only = true;
      for (const auto& cell : row.cells) {
        for (const Unit& u : cell) furniture_only = furniture_only && u.sentence < 0;
      }
      absl::StrAppend(&out_, "<tr id=\"r", r + 1, "\" class=\"", row.aligned ? "aligned" : "single",
                      furniture_only ? " furn-row" : "", "\"><td class=\"rn\">",
                      row.aligned ? "<span title=\"aligned statements\">\u21C4</span>" : "", "</td>");
      for (size_t d = 0; d < n; ++d) {
        out_ += "<td>";
        for (const Unit& u : row.cells[d]) {
          const std::string& text = input_.docs[d].doc.text;
          if (u.sentence < 0) {
            absl::StrAppend(&out_, "<p class=\"furn\" title=\"page furniture (", HtmlEscape(u.furniture_reason),
                            "): not compared\"><span class=\"furn-tag\">furniture</span> ",
                            MarkedHtml(text, u.span, {}, {}), "</p>");
            continue;
          }
          absl::StrAppend(&out_, "<p class=\"sent\" id=\"d", d, "s", u.sentence, "\">",
                          MarkedHtml(text, u.span, SentenceMarks(static_cast<int>(d), u.span), changes[d]),
                          "</p>");
        }
        out_ += "</td>";
      }
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table></div>\n</section>\n";
  }

  const ReportInput& input_;
  const ReportOptions& options_;
  std::vector<Row> rows_;
  std::map<std::pair<int, int>, int> row_of_sentence_;
  std::vector<std::vector<Annotation>> annotations_;
  std::vector<const claimdiff::Finding*> findings_;
  std::string out_;
};

}  // namespace

std::string RenderHtml(const ReportInput& input, const ReportOptions& options) {
  return HtmlReport(input, options).Render();
}

}  // namespace claimdiff::report_internal
