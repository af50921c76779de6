// Text report for the terminal: findings grouped by kind (most serious
// first), each with the values of every source side by side, fitted to the
// terminal width. Colour is an addition; every kind is also named and has
// an icon.

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include <unicode/utf8.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "claimdiff/report.h"
#include "report_common.h"

namespace claimdiff::report_internal {

namespace {

constexpr int kMinWidth = 40;
constexpr int kMaxQuoteLines = 4;
constexpr int kMinColumn = 24;
constexpr char kEllipsis[] = "\u2026";

struct Style {
  bool on = false;
  std::string Wrap(absl::string_view code, absl::string_view s) const {
    if (!on || s.empty()) return std::string(s);
    return absl::StrCat("\x1b[", code, "m", s, "\x1b[0m");
  }
};

const char* KindColor(FindingKind kind) {
  switch (kind) {
    case FindingKind::kContradict: return "1;31";
    case FindingKind::kCertaintyDiffers: return "1;33";
    case FindingKind::kAttributionDiffers: return "1;35";
    case FindingKind::kRefine: return "1;36";
    case FindingKind::kOnlyIn: return "1;34";
    case FindingKind::kAgree: return "1;32";
  }
  return "1";
}

// Splits `s` into pieces no wider than `width` columns, cutting inside a
// code point sequence only when a single word is too wide.
void HardBreak(absl::string_view word, int width, std::vector<std::string>* lines) {
  std::string current;
  int current_width = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  int32_t length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    absl::string_view piece = word.substr(static_cast<size_t>(start), static_cast<size_t>(i - start));
    int w = DisplayWidth(piece);
    if (current_width + w > width && !current.empty()) {
      lines->push_back(current);
      current.clear();
      current_width = 0;
    }
    absl::StrAppend(&current, piece);
    current_width += w;
  }
  if (!current.empty()) lines->push_back(current);
}

// Greedy word wrap at spaces. `s` has no newlines (CollapseSpace).
std::vector<std::string> Wrap(absl::string_view s, int width) {
  std::vector<std::string> lines;
  std::string line;
  int line_width = 0;
  size_t i = 0;
  while (i <= s.size()) {
    size_t space = s.find(' ', i);
    if (space == absl::string_view::npos) space = s.size();
    absl::string_view word = s.substr(i, space - i);
    i = space + 1;
    if (word.empty()) continue;
    int w = DisplayWidth(word);
    if (line_width > 0 && line_width + 1 + w <= width) {
      absl::StrAppend(&line, " ", word);
      line_width += 1 + w;
      continue;
    }
    if (line_width > 0) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    if (w <= width) {
      line = std::string(word);
      line_width = w;
    } else {
      std::vector<std::string> pieces;
      HardBreak(word, width, &pieces);
      for (size_t k = 0; k + 1 < pieces.size(); ++k) lines.push_back(pieces[k]);
      line = pieces.empty() ? "" : pieces.back();
      line_width = DisplayWidth(line);
    }
  }
  if (line_width > 0) lines.push_back(line);
  if (lines.empty()) lines.push_back("");
  return lines;
}

// At most `max_lines` lines; the last one ends in "…" when text was cut.
std::vector<std::string> WrapLimited(absl::string_view s, int width, int max_lines) {
  std::vector<std::string> lines = Wrap(s, width);
  if (static_cast<int>(lines.size()) <= max_lines) return lines;
  lines.resize(static_cast<size_t>(max_lines));
  std::string& last = lines.back();
  while (!last.empty() && DisplayWidth(last) + 1 > width) {
    // Drop the last code point.
    size_t k = last.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(last[k]) & 0xC0) == 0x80) --k;
    last.resize(k);
  }
  absl::StrAppend(&last, kEllipsis);
  return lines;
}

// Wraps `text` after `prefix`; continuation lines are indented by the
// prefix's width.
std::vector<std::string> WrapHanging(absl::string_view prefix, absl::string_view text, int width) {
  const int indent = DisplayWidth(prefix);
  std::vector<std::string> lines = Wrap(text, std::max(8, width - indent));
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i] = absl::StrCat(i == 0 ? std::string(prefix) : std::string(static_cast<size_t>(indent), ' '), lines[i]);
  }
  return lines;
}

std::string Pad(const std::string& s, int width) {
  int w = DisplayWidth(s);
  return w >= width ? s : s + std::string(static_cast<size_t>(width - w), ' ');
}

// A line of a column, with the style it is printed in.
struct Line {
  std::string text;
  const char* code = "";  // ANSI SGR parameters, "" = plain.
};

// The lines a finding shows for one document.
std::vector<Line> ColumnLines(const ReportInput& input, const Finding& f, int doc, int width) {
  std::vector<Line> out;
  const std::string label = DocLabel(doc);
  bool first = true;
  std::set<std::string> shown;
  for (const FindingValue& v : f.values) {
    if (v.doc != doc) continue;
    std::string written = CollapseSpace(ValidUtf8(v.written));
    shown.insert(written);
    std::string prefix = absl::StrCat(first ? label : std::string(label.size(), ' '), "  ");
    for (const std::string& l : WrapHanging(prefix, written, width)) out.push_back({l, "1"});
    first = false;
    if (!v.normalized.empty() && v.normalized != v.written) {
      for (const std::string& l : WrapHanging("   = ", CollapseSpace(ValidUtf8(v.normalized)), width)) {
        out.push_back({l, "2"});
      }
    }
  }
  if (first) out.push_back({absl::StrCat(label, "  ", kEllipsis), "1"});
  std::set<std::pair<size_t, size_t>> seen;
  for (const Evidence& e : f.evidence) {
    if (e.doc != doc || e.doc < 0 || static_cast<size_t>(e.doc) >= input.docs.size()) continue;
    if (!seen.insert({e.span.start, e.span.end}).second) continue;
    std::string quote = CollapseSpace(SpanText(input.docs[e.doc].doc.text, e.span));
    if (shown.count(quote) > 0) continue;  // only_in: the value is the sentence.
    for (const std::string& l : WrapLimited(absl::StrCat("\u201C", quote, "\u201D"), width - 3, kMaxQuoteLines)) {
      out.push_back({absl::StrCat("   ", l), "2"});
    }
  }
  return out;
}

}  // namespace

std::string RenderText(const ReportInput& input, const ReportOptions& options) {
  const int width = std::max(options.width, kMinWidth);
  Style style{options.color};
  std::string out;
  auto rule = [&](absl::string_view title, const char* code) {
    std::string head = absl::StrCat("\u2501\u2501 ", title, " ");
    int rest = std::max(0, width - DisplayWidth(head));
    std::string line = head;
    for (int i = 0; i < rest; ++i) line += "\u2501";
    absl::StrAppend(&out, style.Wrap(code, line), "\n");
  };

  // Header: title, sources, summary.
  for (const std::string& l : WrapHanging("claimdiff: ", ReportTitle(input, options), width)) {
    absl::StrAppend(&out, style.Wrap("1", l), "\n");
  }
  if (!input.id.empty()) {
    for (const std::string& l : WrapHanging("cluster ", ValidUtf8(input.id), width)) absl::StrAppend(&out, l, "\n");
  }
  for (size_t d = 0; d < input.docs.size(); ++d) {
    const Document& doc = input.docs[d].doc;
    std::vector<std::string> parts = {DocName(doc)};
    if (doc.published) parts.push_back(DayString(doc));
    if (!doc.lang.empty()) parts.push_back(doc.lang);
    if (DocName(doc) != ValidUtf8(doc.id) && !doc.id.empty()) parts.push_back(ValidUtf8(doc.id));
    const std::string label = DocLabel(static_cast<int>(d));
    std::vector<std::string> lines = Wrap(absl::StrJoin(parts, " \u00B7 "), width - 3 - DisplayWidth(label));
    for (size_t k = 0; k < lines.size(); ++k) {
      absl::StrAppend(&out, "  ", k == 0 ? style.Wrap("1", label) : std::string(label.size(), ' '), " ", lines[k],
                      "\n");
    }
  }
  std::vector<int> counts = CountKinds(input);
  std::vector<std::string> summary;
  int total = 0;
  for (FindingKind k : kAllKinds) {
    int n = counts[static_cast<size_t>(k)];
    total += n;
    if (n > 0) summary.push_back(absl::StrCat(n, " ", FindingKindIcon(k), " ", FindingKindLabel(k)));
  }
  size_t links = input.alignment ? input.alignment->links.size() : 0;
  std::string summary_line = absl::StrCat(total, total == 1 ? " finding" : " findings");
  if (!summary.empty()) absl::StrAppend(&summary_line, ": ", absl::StrJoin(summary, ", "));
  absl::StrAppend(&summary_line, "; ", links, links == 1 ? " aligned pair" : " aligned pairs");
  for (const std::string& l : Wrap(summary_line, width)) absl::StrAppend(&out, l, "\n");

  // Findings, grouped by kind.
  std::vector<const Finding*> findings = FindingsBySeverity(input);
  int number = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = *findings[i];
    if (i == 0 || findings[i - 1]->kind != f.kind) {
      out += "\n";
      std::string title = absl::StrCat(FindingKindIcon(f.kind), " ", FindingKindLabel(f.kind));
      for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      rule(absl::StrCat(title, " (", counts[static_cast<size_t>(f.kind)], ")"), KindColor(f.kind));
    }
    ++number;
    std::string head = absl::StrCat("[", number, "] ", FindingKindIcon(f.kind), " ", FindingKindLabel(f.kind),
                                    " \u00B7 ", f.slot.empty() ? "statement" : f.slot);
    if (f.update) absl::StrAppend(&head, " \u00B7 update");
    absl::StrAppend(&out, style.Wrap(KindColor(f.kind), head), "\n");
    if (!f.reason.empty()) {
      for (const std::string& l : Wrap(CollapseSpace(ValidUtf8(f.reason)), width - 4)) {
        absl::StrAppend(&out, "    ", l, "\n");
      }
    }
    if (f.update) {
      for (const std::string& l :
           Wrap("explained by the dates of the statements: a later report, not a contradiction", width - 4)) {
        absl::StrAppend(&out, "    ", style.Wrap("3", l), "\n");
      }
    }
    // Documents this finding involves, in document order.
    std::set<int> doc_set;
    for (const FindingValue& v : f.values) doc_set.insert(v.doc);
    for (const Evidence& e : f.evidence) doc_set.insert(e.doc);
    std::vector<int> docs(doc_set.begin(), doc_set.end());
    if (docs.empty()) continue;
    const int inner = width - 4;
    const int n = static_cast<int>(docs.size());
    const int column = (inner - 3 * (n - 1)) / n;
    if (n > 1 && column >= kMinColumn) {
      std::vector<std::vector<Line>> columns;
      size_t rows = 0;
      for (int d : docs) {
        columns.push_back(ColumnLines(input, f, d, column));
        rows = std::max(rows, columns.back().size());
      }
      for (size_t r = 0; r < rows; ++r) {
        std::string line = "    ";
        for (size_t c = 0; c < columns.size(); ++c) {
          const bool last = c + 1 == columns.size();
          if (r < columns[c].size()) {
            const Line& l = columns[c][r];
            line += style.Wrap(l.code, l.text);
            if (!last) line += std::string(static_cast<size_t>(std::max(0, column - DisplayWidth(l.text))), ' ');
          } else if (!last) {
            line += Pad("", column);
          }
          if (!last) line += style.Wrap("2", " \u2502 ");
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        absl::StrAppend(&out, line, "\n");
      }
    } else {
      for (int d : docs) {
        for (const Line& l : ColumnLines(input, f, d, inner)) {
          absl::StrAppend(&out, "    ", style.Wrap(l.code, l.text), "\n");
        }
      }
    }
  }
  if (findings.empty()) absl::StrAppend(&out, "\nNo findings.\n");

  // Furniture is listed, not compared.
  std::vector<std::string> furniture;
  for (size_t d = 0; d < input.docs.size(); ++d) {
    size_t n = input.docs[d].seg.furniture.size();
    if (n > 0) furniture.push_back(absl::StrCat(DocLabel(static_cast<int>(d)), " ", n));
  }
  if (!furniture.empty()) {
    out += "\n";
    for (const std::string& l :
         Wrap(absl::StrCat("Page furniture, not compared: ", absl::StrJoin(furniture, ", ")), width)) {
      absl::StrAppend(&out, style.Wrap("2", l), "\n");
    }
  }
  return out;
}

}  // namespace claimdiff::report_internal
