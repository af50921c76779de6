// A small, strict XML reader for tests: elements, attributes, text,
// the five predefined entities and numeric references. Enough to prove that
// claimdiff's JUnit and HTML-ish outputs are well-formed.

#ifndef CLAIMDIFF_TESTS_TESTING_XML_CHECK_H_
#define CLAIMDIFF_TESTS_TESTING_XML_CHECK_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace claimdiff::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<XmlElement> children;
  std::string text;  // Concatenated character data.
};

// Parses a document with an optional <?xml ...?> declaration and one root
// element. Returns false with a message naming the byte offset on error.
bool ParseXml(absl::string_view xml, XmlElement* root, std::string* error);

}  // namespace claimdiff::testing

#endif  // CLAIMDIFF_TESTS_TESTING_XML_CHECK_H_
