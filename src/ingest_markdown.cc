// Markdown: markup is replaced by spaces, never removed, so that `text` has
// the length of the file and every byte offset is a file offset (exact line
// and column mapping for `claimdiff check`). Front matter and code blocks
// stay in the text, marked as furniture.
//
// This is a line-based reading of CommonMark that covers what news drafts
// use: ATX and setext headings, thematic breaks, block quotes, bullet and
// ordered lists, fenced and indented code, tables, emphasis, inline code,
// links, images, autolinks, inline HTML, HTML comments, backslash escapes
// and reference definitions.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "claimdiff/ingest.h"
#include "ingest_internal.h"

namespace claimdiff::ingest_internal {

namespace {

struct Line {
  size_t start = 0;  // Offset of the first byte.
  size_t end = 0;    // Offset of the '\n' (or the text end).
};

std::vector<Line> SplitLines(absl::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    lines.push_back({pos, nl});
    pos = nl + 1;
  }
  return lines;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Unquotes a YAML scalar: 'x', "x" or x.
std::string YamlScalar(absl::string_view v) {
  v = absl::StripAsciiWhitespace(v);
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

// Language tag "de-DE" -> "de".
std::string PrimaryLanguage(absl::string_view tag) {
  tag = absl::StripAsciiWhitespace(tag);
  size_t cut = tag.find_first_of("-_");
  return absl::AsciiStrToLower(tag.substr(0, cut));
}

class MarkdownCleaner {
 public:
  MarkdownCleaner(absl::string_view source, Document* doc) : doc_(doc), text_(source) {}

  void Run() {
    lines_ = SplitLines(text_);
    size_t i = FrontMatter();
    BlankHtmlComments(i < lines_.size() ? lines_[i].start : text_.size());
    bool prev_blank = true;       // Previous line was blank (or the start).
    bool prev_paragraph = false;  // Previous line was paragraph text (for setext headings).
    bool in_list = false;         // Inside a list item (indented lines continue it).
    bool in_table = false;        // Inside a pipe table.
    while (i < lines_.size()) {
      Line line = lines_[i];
      absl::string_view s = View(line);
      const size_t indent = Indent(s);
      if (indent == s.size() || absl::StripAsciiWhitespace(s).empty()) {
        in_table = false;
        prev_blank = true;
        prev_paragraph = false;
        ++i;
        continue;
      }
      // Fenced code block.
      if (indent < 4) {
        const char fence_char = s[indent];
        if (fence_char == '`' || fence_char == '~') {
          size_t run = 0;
          while (indent + run < s.size() && s[indent + run] == fence_char) ++run;
          if (run >= 3 && (fence_char == '~' || s.substr(indent + run).find('`') == absl::string_view::npos)) {
            i = FencedCode(i, fence_char, run);
            prev_blank = true;
            prev_paragraph = false;
            continue;
          }
        }
      }
      // Indented code block: only after a blank line and outside lists.
      if (indent >= 4 && prev_blank && !in_list) {
        size_t j = i;
        size_t last = i;
        while (j < lines_.size()) {
          absl::string_view t = View(lines_[j]);
          if (absl::StripAsciiWhitespace(t).empty()) {
            ++j;
            continue;
          }
          if (Indent(t) < 4) break;
          last = j;
          ++j;
        }
        AddFurniture(lines_[i].start, lines_[last].end, "code_block");
        i = last + 1;
        prev_blank = false;
        prev_paragraph = false;
        continue;
      }
      // Setext underline (=== or ---) after paragraph text.
      if (prev_paragraph && indent < 4 && IsRunOf(s.substr(indent), "=-")) {
        Blank(line.start + indent, line.end);
        prev_paragraph = false;
        prev_blank = false;
        ++i;
        continue;
      }
      // Thematic break.
      if (indent < 4 && IsThematicBreak(s.substr(indent))) {
        Blank(line.start, line.end);
        prev_blank = true;
        prev_paragraph = false;
        in_list = false;
        ++i;
        continue;
      }
      // Reference definition "[label]: url".
      if (indent < 4 && IsReferenceDefinition(s.substr(indent))) {
        Blank(line.start, line.end);
        ++i;
        continue;
      }
      // Table delimiter row "|---|:--:|".
      if (IsTableDelimiter(s)) {
        Blank(line.start, line.end);
        ++i;
        continue;
      }
      // Pipe table: a row with '|' followed by a delimiter row starts it;
      // rows go on until a line without '|'.
      if (!in_table && absl::StrContains(s, "|") && i + 1 < lines_.size() && IsTableDelimiter(View(lines_[i + 1]))) {
        in_table = true;
      } else if (in_table && !absl::StrContains(s, "|")) {
        in_table = false;
      }
      if (prev_blank && indent == 0) in_list = false;  // BlockPrefixes sets it again for a list item.
      if (in_table) BlankTablePipes(line);
      size_t content = BlockPrefixes(line, indent, /*in_paragraph=*/prev_paragraph, &in_list);
      images_.clear();
      Inline(content, line.end);
      KeepOrBlankImages(line);
      prev_blank = false;
      prev_paragraph = true;
      ++i;
    }
  }

 private:
  absl::string_view View(const Line& l) const { return absl::string_view(text_).substr(l.start, l.end - l.start); }

  static size_t Indent(absl::string_view s) {
    size_t n = 0, i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
      n += s[i] == '\t' ? 4 - n % 4 : 1;
      ++i;
    }
    return n >= 4 ? std::max<size_t>(n, 4) : i;  // Columns when >= 4 (for the test), else bytes.
  }

  static bool IsRunOf(absl::string_view s, absl::string_view chars) {
    s = absl::StripTrailingAsciiWhitespace(s);
    if (s.empty() || chars.find(s[0]) == absl::string_view::npos) return false;
    return s.find_first_not_of(s[0]) == absl::string_view::npos;
  }

  static bool IsThematicBreak(absl::string_view s) {
    char c = 0;
    int count = 0;
    for (char ch : s) {
      if (IsSpace(ch)) continue;
      if (ch != '-' && ch != '*' && ch != '_') return false;
      if (c != 0 && ch != c) return false;
      c = ch;
      ++count;
    }
    return count >= 3;
  }

  static bool IsReferenceDefinition(absl::string_view s) {
    if (s.empty() || s[0] != '[' || absl::StartsWith(s, "[^")) return false;
    size_t close = s.find("]:");
    if (close == absl::string_view::npos || close < 2) return false;
    absl::string_view rest = absl::StripAsciiWhitespace(s.substr(close + 2));
    absl::string_view target = rest.substr(0, rest.find(' '));
    if (target.empty()) return false;
    return target[0] == '<' || target[0] == '#' || absl::StrContains(target, "/") || absl::StrContains(target, ".");
  }

  static bool IsTableDelimiter(absl::string_view s) {
    s = absl::StripAsciiWhitespace(s);
    if (s.find('-') == absl::string_view::npos) return false;
    if (s.find('|') == absl::string_view::npos) return false;
    return s.find_first_not_of("|-: \t") == absl::string_view::npos;
  }

  // Cell separators become spaces; escaped pipes "\|" stay text.
  void BlankTablePipes(const Line& line) {
    for (size_t k = line.start; k < line.end; ++k) {
      if (text_[k] == '\\') {
        ++k;
        continue;
      }
      if (text_[k] == '|') text_[k] = ' ';
    }
  }

  void Blank(size_t begin, size_t end) {
    for (size_t k = begin; k < end && k < text_.size(); ++k) {
      if (text_[k] != '\n' && text_[k] != '\r') text_[k] = ' ';
    }
  }

  void AddFurniture(size_t begin, size_t end, const char* reason) {
    // Trim white space at both ends: furniture spans cover text.
    while (begin < end && absl::ascii_isspace(static_cast<unsigned char>(text_[begin]))) ++begin;
    while (end > begin && absl::ascii_isspace(static_cast<unsigned char>(text_[end - 1]))) --end;
    if (begin < end) doc_->furniture.push_back({{begin, end}, reason});
  }

  // Front matter: "---" on the first line up to a closing "---" or "...".
  // Returns the index of the first line after it.
  size_t FrontMatter() {
    if (lines_.empty()) return 0;
    if (absl::StripTrailingAsciiWhitespace(View(lines_[0])) != "---") return 0;
    for (size_t j = 1; j < lines_.size(); ++j) {
      absl::string_view s = absl::StripTrailingAsciiWhitespace(View(lines_[j]));
      if (s == "---" || s == "...") {
        for (size_t k = 1; k < j; ++k) FrontMatterField(View(lines_[k]));
        AddFurniture(0, lines_[j].end, "front_matter");
        return j + 1;
      }
    }
    return 0;  // No closing line: a thematic break, not front matter.
  }

  void FrontMatterField(absl::string_view s) {
    size_t colon = s.find(':');
    if (colon == absl::string_view::npos || s.empty() || IsSpace(s[0])) return;
    std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(s.substr(0, colon)));
    std::string value = YamlScalar(s.substr(colon + 1));
    if (value.empty()) return;
    if (key == "title") {
      doc_->title = value;
    } else if (key == "date" || key == "published" || key == "datepublished") {
      if (auto day = ParseIsoDate(value); day && !(doc_->published && doc_->published_from == "front_matter" &&
                                                   key != "date")) {
        doc_->published = day;
        doc_->published_from = "front_matter";
      }
    } else if (key == "lang" || key == "language") {
      doc_->lang = PrimaryLanguage(value);
    } else if (key == "source" || key == "publisher" || key == "site_name") {
      if (doc_->source.empty() || key == "source") doc_->source = value;
    }
  }

  // Blanks <!-- ... --> from `from` on (outside code blocks is close enough:
  // a comment opener inside code is rare in news drafts).
  void BlankHtmlComments(size_t from) {
    size_t pos = from;
    while ((pos = text_.find("<!--", pos)) != std::string::npos) {
      size_t end = text_.find("-->", pos + 4);
      end = end == std::string::npos ? text_.size() : end + 3;
      Blank(pos, end);
      pos = end;
    }
  }

  size_t FencedCode(size_t i, char fence_char, size_t run) {
    const size_t begin = lines_[i].start;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      absl::string_view s = View(lines_[j]);
      size_t ind = Indent(s);
      if (ind >= 4) continue;
      size_t k = ind, n = 0;
      while (k < s.size() && s[k] == fence_char) ++k, ++n;
      if (n >= run && absl::StripAsciiWhitespace(s.substr(k)).empty()) {
        AddFurniture(begin, lines_[j].end, "code_block");
        return j + 1;
      }
    }
    AddFurniture(begin, text_.size(), "code_block");  // Unclosed: to the end.
    return lines_.size();
  }

  // Blanks block markers (headings, quotes, bullets) at the start of a line;
  // returns where the inline content starts.
  // `in_paragraph`: the line may continue a paragraph, which only an
  // ordered list starting at 1 can interrupt.
  size_t BlockPrefixes(const Line& line, size_t indent, bool in_paragraph, bool* in_list) {
    size_t p = line.start;
    // Leading white space (bytes).
    while (p < line.end && (text_[p] == ' ' || text_[p] == '\t')) ++p;
    (void)indent;
    for (;;) {
      if (p >= line.end) return p;
      char c = text_[p];
      if (c == '>') {  // Block quote marker.
        text_[p++] = ' ';
        while (p < line.end && (text_[p] == ' ' || text_[p] == '\t')) ++p;
        continue;
      }
      if ((c == '-' || c == '*' || c == '+') && p + 1 <= line.end &&
          (p + 1 == line.end || text_[p + 1] == ' ' || text_[p + 1] == '\t')) {
        text_[p++] = ' ';
        *in_list = true;
        while (p < line.end && (text_[p] == ' ' || text_[p] == '\t')) ++p;
        continue;
      }
      if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
        size_t q = p;
        while (q < line.end && q - p < 9 && absl::ascii_isdigit(static_cast<unsigned char>(text_[q]))) ++q;
        const bool may_start = !in_paragraph || *in_list || (q == p + 1 && text_[p] == '1');
        if (may_start && q < line.end && (text_[q] == '.' || text_[q] == ')') &&
            (q + 1 == line.end || text_[q + 1] == ' ' || text_[q + 1] == '\t')) {
          Blank(p, q + 1);
          *in_list = true;
          p = q + 1;
          while (p < line.end && (text_[p] == ' ' || text_[p] == '\t')) ++p;
          continue;
        }
      }
      if (c == '#') {  // ATX heading.
        size_t q = p;
        while (q < line.end && text_[q] == '#') ++q;
        if (q - p <= 6 && (q == line.end || text_[q] == ' ' || text_[q] == '\t')) {
          Blank(p, q);
          // Closing sequence: " ###" at the end.
          size_t e = line.end;
          while (e > q && IsSpace(text_[e - 1])) --e;
          size_t h = e;
          while (h > q && text_[h - 1] == '#') --h;
          if (h < e && (h == q || text_[h - 1] == ' ' || text_[h - 1] == '\t')) Blank(h, e);
          if (doc_->title.empty()) {
            std::string title(absl::StripAsciiWhitespace(absl::string_view(text_).substr(q, h - q)));
            if (q - p == 1 && pending_title_.empty()) pending_title_ = title;
          }
          return q;
        }
      }
      return p;
    }
  }

  // Inline markup between [begin, end).
  void Inline(size_t begin, size_t end) {
    // Code spans first: nothing inside them is markup.
    std::vector<std::pair<size_t, size_t>> code;  // [open, close_end)
    for (size_t p = begin; p < end;) {
      if (text_[p] == '\\' && p + 1 < end) {
        p += 2;
        continue;
      }
      if (text_[p] != '`') {
        ++p;
        continue;
      }
      size_t run = 0;
      while (p + run < end && text_[p + run] == '`') ++run;
      size_t q = p + run;
      bool closed = false;
      while (q < end) {
        if (text_[q] == '`') {
          size_t r = 0;
          while (q + r < end && text_[q + r] == '`') ++r;
          if (r == run) {
            Blank(p, p + run);
            Blank(q, q + r);
            code.push_back({p, q + r});
            p = q + r;
            closed = true;
            break;
          }
          q += r;
        } else {
          ++q;
        }
      }
      if (!closed) p += run;
    }
    auto in_code = [&](size_t k) {
      for (const auto& c : code) {
        if (k >= c.first && k < c.second) return true;
      }
      return false;
    };
    for (size_t p = begin; p < end; ++p) {
      if (in_code(p)) continue;
      const char c = text_[p];
      if (c == '\\' && p + 1 < end && absl::ascii_ispunct(static_cast<unsigned char>(text_[p + 1]))) {
        text_[p] = ' ';
        ++p;  // The escaped character stays as text.
        continue;
      }
      if (c == '\\' && p + 1 == end) {  // Hard line break.
        text_[p] = ' ';
        continue;
      }
      if (c == '!' && p + 1 < end && text_[p + 1] == '[') {
        size_t after = Link(p + 1, end, /*image=*/true);
        if (after != 0) {
          text_[p] = ' ';
          p = after - 1;
        }
        continue;
      }
      if (c == '[') {
        size_t after = Link(p, end, /*image=*/false);
        if (after != 0) p = after - 1;
        continue;
      }
      if (c == '<') {
        size_t close = text_.find('>', p + 1);
        if (close != std::string::npos && close < end && IsTagOrAutolink(p, close)) {
          if (IsAutolink(p, close)) {
            text_[p] = ' ';
            text_[close] = ' ';
          } else {
            Blank(p, close + 1);
          }
          p = close;
        }
        continue;
      }
      if (c == '*' || c == '_' || c == '~') {
        size_t run = 0;
        while (p + run < end && text_[p + run] == c) ++run;
        if (c == '~' && run < 2) {
          p += run - 1;
          continue;
        }
        const unsigned char before = p > begin ? static_cast<unsigned char>(text_[p - 1]) : ' ';
        const unsigned char after = p + run < end ? static_cast<unsigned char>(text_[p + run]) : ' ';
        const bool left_flanking = !IsBlankChar(after) && (!IsPunct(after) || IsBlankChar(before) || IsPunct(before));
        const bool right_flanking = !IsBlankChar(before) && (!IsPunct(before) || IsBlankChar(after) || IsPunct(after));
        bool delimiter = left_flanking || right_flanking;
        if (c == '_' && left_flanking && right_flanking) delimiter = false;  // snake_case
        if (delimiter) Blank(p, p + run);
        p += run - 1;
      }
    }
  }

  // An image alone on its line is a figure: its alt text is kept as a
  // caption. Inside prose it would split a sentence, so it is blanked.
  void KeepOrBlankImages(const Line& line) {
    for (const auto& [begin, end] : images_) {
      absl::string_view before = absl::string_view(text_).substr(line.start, begin - line.start);
      absl::string_view after = absl::string_view(text_).substr(end, line.end - end);
      if (absl::StripAsciiWhitespace(before).empty() && absl::StripAsciiWhitespace(after).empty() &&
          images_.size() == 1) {
        AddFurniture(begin, end, "caption");
      } else {
        Blank(begin, end);
      }
    }
    images_.clear();
  }

  static bool IsBlankChar(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  // ASCII punctuation; non-ASCII bytes count as letters (close enough for flanking).
  static bool IsPunct(unsigned char c) { return c < 0x80 && absl::ascii_ispunct(c); }

  bool IsAutolink(size_t open, size_t close) const {
    absl::string_view inner = absl::string_view(text_).substr(open + 1, close - open - 1);
    if (inner.find(' ') != absl::string_view::npos) return false;
    return absl::StrContains(inner, "://") || absl::StartsWith(inner, "mailto:") ||
           (absl::StrContains(inner, "@") && absl::StrContains(inner, "."));
  }

  bool IsTagOrAutolink(size_t open, size_t close) const {
    if (IsAutolink(open, close)) return true;
    absl::string_view inner = absl::string_view(text_).substr(open + 1, close - open - 1);
    if (inner.empty()) return false;
    size_t k = inner[0] == '/' ? 1 : 0;
    if (k >= inner.size() || !absl::ascii_isalpha(static_cast<unsigned char>(inner[k]))) return false;
    while (k < inner.size() && (absl::ascii_isalnum(static_cast<unsigned char>(inner[k])) || inner[k] == '-')) ++k;
    return k == inner.size() || inner[k] == ' ' || inner[k] == '/' || inner[k] == '\t';
  }

  // A link or image starting at `open` ('['): blanks "[", and "](url)" or
  // "][ref]". Returns the offset after it, or 0 when it is not a link.
  size_t Link(size_t open, size_t end, bool image) {
    int depth = 0;
    size_t close = std::string::npos;
    for (size_t k = open; k < end; ++k) {
      if (text_[k] == '\\') {
        ++k;
        continue;
      }
      if (text_[k] == '[') ++depth;
      if (text_[k] == ']' && --depth == 0) {
        close = k;
        break;
      }
    }
    if (close == std::string::npos || close + 1 >= end + 1) return 0;
    size_t tail_end = 0;
    if (close + 1 < end && text_[close + 1] == '(') {
      int parens = 0;
      for (size_t k = close + 1; k < end; ++k) {
        if (text_[k] == '(') ++parens;
        if (text_[k] == ')' && --parens == 0) {
          tail_end = k + 1;
          break;
        }
      }
    } else if (close + 1 < end && text_[close + 1] == '[') {
      size_t k = text_.find(']', close + 2);
      if (k != std::string::npos && k < end) tail_end = k + 1;
    } else if (close > open + 1 && text_[open + 1] == '^') {  // Footnote reference [^1].
      Blank(open, close + 1);
      return close + 1;
    }
    if (tail_end == 0) return 0;
    text_[open] = ' ';
    Blank(close, tail_end);
    if (image) {
      images_.push_back({open + 1, close});
    } else {
      Inline(open + 1, close);  // Emphasis inside the link text.
    }
    return tail_end;
  }

 public:
  std::string TakeText() { return std::move(text_); }
  std::string pending_title_;

 private:
  Document* doc_;
  std::string text_;
  std::vector<Line> lines_;
  std::vector<std::pair<size_t, size_t>> images_;  // Alt texts of the current line.
};

}  // namespace

void ParseMarkdown(absl::string_view utf8, Document* doc) {
  MarkdownCleaner cleaner(utf8, doc);
  cleaner.Run();
  if (doc->title.empty()) doc->title = cleaner.pending_title_;
  doc->text = cleaner.TakeText();
  // Furniture is kept sorted and disjoint: captions inside code cannot
  // happen (code is skipped), but front matter and comments may touch.
  std::sort(doc->furniture.begin(), doc->furniture.end(),
            [](const Furniture& a, const Furniture& b) { return a.span.start < b.span.start; });
  std::vector<Furniture> merged;
  for (Furniture& f : doc->furniture) {
    if (!merged.empty() && f.span.start < merged.back().span.end) {
      merged.back().span.end = std::max(merged.back().span.end, f.span.end);
      continue;
    }
    merged.push_back(std::move(f));
  }
  doc->furniture = std::move(merged);
}

}  // namespace claimdiff::ingest_internal
