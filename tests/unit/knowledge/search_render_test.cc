// RenderArticleHtml: the article page gives every passage anchor exactly one element id, for
// every article of the multilingual test corpus, and emits no raw HTML or javascript: links.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "knowledge/search/passages.h"
#include "knowledge/search/render.h"

namespace svar::knowledge {
namespace {

namespace fs = std::filesystem;

// The body of a corpus file: what follows the front matter ("---" ... "---").
std::string BodyOf(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.starts_with("---\n")) {
    size_t end = text.find("\n---\n", 3);
    if (end != std::string::npos) return text.substr(end + 5);
  }
  return text;
}

std::map<std::string, int> IdsOf(const std::string& html) {
  std::map<std::string, int> ids;
  static const std::regex id_re(R"re(\sid="([^"]*)")re");
  for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it)
    ++ids[(*it)[1].str()];
  return ids;
}

void ExpectAnchorsAreIds(const std::string& markdown, const std::string& what) {
  std::string html = RenderArticleHtml(markdown);
  std::map<std::string, int> ids = IdsOf(html);
  size_t anchors = 0;
  for (const Passage& p : SplitPassages(markdown)) {
    if (p.anchor.empty()) continue;  // the lead: the top of the page
    ++anchors;
    EXPECT_EQ(ids[p.anchor], 1) << what << ": anchor #" << p.anchor << "\n" << html;
  }
  EXPECT_EQ(ids.size(), anchors) << what << ": ids that are no passage anchor\n" << html;
}

TEST(SearchRender, EveryCorpusAnchorIsAnIdOnce) {
  fs::path root = fs::path(SVAR_SOURCE_DIR) / "tests" / "corpora" / "kb" / "articles";
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    ++files;
    ExpectAnchorsAreIds(BodyOf(e.path()), e.path().string());
  }
  EXPECT_GE(files, 70);
}

TEST(SearchRender, NumberedPassagesAndEmptySections) {
  const std::string md =
      "Lead.\n\n- item\n\nSecond lead.\n\n## Steps\n\nFirst.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
      "Second ~~old~~ new, see https://example.com.\n\n```\ncode\n```\n\n## Empty\n### Sub\n\n"
      "> quoted\n\n## Steps\n\n1. one\n2. two\n";
  ExpectAnchorsAreIds(md, "sample");
  std::string html = RenderArticleHtml(md);
  EXPECT_NE(html.find("<p id=\"p1\">Second lead.</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2 id=\"steps\">Steps</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2 id=\"steps-1\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2 id=\"empty\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3 id=\"sub\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<table>"), std::string::npos) << html;
  EXPECT_NE(html.find("<del>old</del>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://example.com\">"), std::string::npos) << html;
  auto passages = SplitPassages(md);
  // An empty section keeps its own heading and anchor.
  bool empty_found = false;
  for (const auto& p : passages)
    if (p.anchor == "empty") {
      empty_found = true;
      EXPECT_EQ(p.heading, "Empty");
      EXPECT_EQ(p.text, "");
    }
  EXPECT_TRUE(empty_found);
}

TEST(SearchRender, NoRawHtmlNorJavascriptLinks) {
  std::string html = RenderArticleHtml(
      "Hello <script>alert(1)</script> there.\n\n<script>\nalert(2)\n</script>\n\n"
      "<iframe src=\"https://evil.example\"></iframe>\n\n"
      "[click](javascript:alert(3)) and ![img](javascript:alert(4)) "
      "<a href=\"javascript:alert(5)\">x</a>\n");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<iframe"), std::string::npos) << html;
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
  EXPECT_EQ(html.find("<a href=\"javascript"), std::string::npos) << html;
}

}  // namespace
}  // namespace svar::knowledge
