#include "testing/xml_check.h"

#include <cctype>

#include "absl/strings/str_cat.h"

namespace claimdiff::testing {

namespace {

class Reader {
 public:
  explicit Reader(absl::string_view s) : s_(s) {}

  bool Document(XmlElement* root, std::string* error) {
    SkipSpace();
    if (Starts("<?xml")) {
      size_t end = s_.find("?>", pos_);
      if (end == absl::string_view::npos) return Fail("unterminated declaration", error);
      pos_ = end + 2;
    }
    SkipMisc();
    if (!Element(root, error)) return false;
    SkipMisc();
    if (pos_ != s_.size()) return Fail("content after the root element", error);
    return true;
  }

 private:
  bool Fail(const std::string& what, std::string* error) {
    *error = absl::StrCat(what, " at byte offset ", pos_);
    return false;
  }
  bool Starts(absl::string_view p) const { return s_.substr(pos_, p.size()) == p; }
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  void SkipMisc() {
    for (;;) {
      SkipSpace();
      if (Starts("<!--")) {
        size_t end = s_.find("-->", pos_);
        pos_ = end == absl::string_view::npos ? s_.size() : end + 3;
      } else {
        return;
      }
    }
  }
  bool Name(std::string* out) {
    size_t start = pos_;
    while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' ||
                                s_[pos_] == '-' || s_[pos_] == ':' || s_[pos_] == '.')) {
      ++pos_;
    }
    *out = std::string(s_.substr(start, pos_ - start));
    return !out->empty();
  }
  bool Chars(char stop, std::string* out, std::string* error) {
    while (pos_ < s_.size() && s_[pos_] != stop) {
      char c = s_[pos_];
      if (c == '<' && stop != '<') return Fail("'<' in attribute value", error);
      if (c == '&') {
        size_t end = s_.find(';', pos_);
        if (end == absl::string_view::npos) return Fail("unterminated entity", error);
        absl::string_view ent = s_.substr(pos_ + 1, end - pos_ - 1);
        if (ent == "lt") *out += '<';
        else if (ent == "gt") *out += '>';
        else if (ent == "amp") *out += '&';
        else if (ent == "quot") *out += '"';
        else if (ent == "apos") *out += '\'';
        else if (!ent.empty() && ent[0] == '#') *out += '?';
        else return Fail(absl::StrCat("unknown entity &", ent, ";"), error);
        pos_ = end + 1;
        continue;
      }
      *out += c;
      ++pos_;
    }
    return true;
  }
  bool Element(XmlElement* e, std::string* error) {
    if (!Starts("<")) return Fail("expected '<'", error);
    ++pos_;
    if (!Name(&e->name)) return Fail("expected element name", error);
    for (;;) {
      SkipSpace();
      if (Starts("/>")) {
        pos_ += 2;
        return true;
      }
      if (Starts(">")) {
        ++pos_;
        break;
      }
      std::string attr;
      if (!Name(&attr)) return Fail("expected attribute name", error);
      SkipSpace();
      if (!Starts("=")) return Fail("expected '='", error);
      ++pos_;
      SkipSpace();
      if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return Fail("unquoted attribute", error);
      char quote = s_[pos_++];
      std::string value;
      if (!Chars(quote, &value, error)) return false;
      if (pos_ >= s_.size()) return Fail("unterminated attribute", error);
      ++pos_;
      if (e->attributes.count(attr)) return Fail("duplicate attribute", error);
      e->attributes[attr] = value;
    }
    for (;;) {
      if (pos_ >= s_.size()) return Fail(absl::StrCat("unclosed <", e->name, ">"), error);
      if (Starts("</")) {
        pos_ += 2;
        std::string name;
        if (!Name(&name) || name != e->name) return Fail(absl::StrCat("mismatched </", name, ">"), error);
        SkipSpace();
        if (!Starts(">")) return Fail("expected '>'", error);
        ++pos_;
        return true;
      }
      if (Starts("<!--")) {
        SkipMisc();
        continue;
      }
      if (Starts("<")) {
        XmlElement child;
        if (!Element(&child, error)) return false;
        e->children.push_back(std::move(child));
        continue;
      }
      if (!Chars('<', &e->text, error)) return false;
    }
  }

  absl::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

bool ParseXml(absl::string_view xml, XmlElement* root, std::string* error) {
  return Reader(xml).Document(root, error);
}

}  // namespace claimdiff::testing
