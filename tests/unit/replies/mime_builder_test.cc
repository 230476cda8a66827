// The MIME builder's output parsed back with GMime (mail/parse.h): text, subject, names,
// attachments and threading headers come back as they went in, in Danish, Russian, Chinese.
#include "replies/mime_builder.h"

#include <gtest/gtest.h>

#include "mail/parse.h"
#include "replies/mime_encoding.h"

namespace svar::replies {
namespace {

MimeMessage Base() {
  MimeMessage m;
  m.from = {"Svar Kundeservice", "support@desk.example"};
  m.reply_to = m.from;
  m.to = {{"Søren Ærø", "soren@kunde.example"}};
  m.subject = "Re: [#SV-1042] Mit kort er væk";
  m.text = "Hej Søren,\n\nVi har spærret dit kort. Et nyt er på vej.\n\nVenlig hilsen\nAnna\n";
  m.message_id = "abc123@desk.example";
  m.in_reply_to = {"c1@kunde.example"};
  m.references = {"c0@kunde.example", "c1@kunde.example"};
  m.date = 1'790'000'000;
  return m;
}

mail::ParsedMessage RoundTrip(const MimeMessage& m, std::string* raw_out = nullptr) {
  mail::InitMail();
  auto raw = BuildMime(m);
  EXPECT_TRUE(raw) << raw.error().message;
  if (raw_out) *raw_out = *raw;
  auto parsed = mail::ParseMessage(*raw);
  EXPECT_TRUE(parsed) << parsed.error().message;
  return *parsed;
}

// The whole text as the parser splits it (new text, quoted part, signature).
std::string AllText(const mail::ParsedMessage& p) {
  std::string t = p.text;
  if (!p.signature.empty()) t += "\n" + p.signature;
  return t;
}

std::string Squash(std::string s) {  // white space differences do not matter here
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r') out += c;
  return out;
}

TEST(MimeBuilder, DanishRoundTripsAsQuotedPrintable) {
  std::string raw;
  auto p = RoundTrip(Base(), &raw);
  EXPECT_NE(raw.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos) << raw;
  EXPECT_EQ(p.subject, "Re: [#SV-1042] Mit kort er væk");
  EXPECT_EQ(p.message_id, "abc123@desk.example");
  ASSERT_EQ(p.in_reply_to.size(), 1u);
  EXPECT_EQ(p.in_reply_to[0], "c1@kunde.example");
  EXPECT_EQ(p.references, (std::vector<std::string>{"c0@kunde.example", "c1@kunde.example"}));
  ASSERT_EQ(p.to.size(), 1u);
  EXPECT_EQ(p.to[0].name, "Søren Ærø");
  EXPECT_EQ(p.to[0].email, "soren@kunde.example");
  EXPECT_EQ(p.from.name, "Svar Kundeservice");
  ASSERT_EQ(p.reply_to.size(), 1u);
  EXPECT_EQ(p.reply_to[0].email, "support@desk.example");
  EXPECT_EQ(p.date, std::optional<int64_t>(1'790'000'000));
  EXPECT_EQ(Squash(AllText(p)), Squash(Base().text));
}

TEST(MimeBuilder, RussianAndChineseRoundTripAsBase64) {
  for (std::string text : {std::string("Здравствуйте! Ваша карта заблокирована, новая уже в пути."),
                           std::string("您好！您的卡已被冻结，新卡正在寄出。请注意查收。")}) {
    MimeMessage m = Base();
    m.text = text;
    m.subject = "Re: [#SV-7] " + text;  // long enough to need several encoded words
    m.to = {{"Иван Петров 王小明", "ivan@kunde.example"}};
    std::string raw;
    auto p = RoundTrip(m, &raw);
    EXPECT_NE(raw.find("Content-Transfer-Encoding: base64"), std::string::npos);
    EXPECT_NE(raw.find("=?UTF-8?B?"), std::string::npos);
    EXPECT_EQ(p.subject, m.subject);
    EXPECT_EQ(p.to[0].name, "Иван Петров 王小明");
    EXPECT_EQ(Squash(AllText(p)), Squash(text));
    for (size_t start = 0, end; start < raw.size(); start = end + 2) {
      end = raw.find("\r\n", start);
      if (end == std::string::npos) break;
      EXPECT_LE(end - start, 78u) << raw.substr(start, end - start);
    }
  }
}

TEST(MimeBuilder, AttachmentsWithUnicodeNamesAndHtmlAlternative) {
  MimeMessage m = Base();
  m.html = "<p>Hej Søren, se <b>vedhæftet</b> kvittering.</p>";
  static const char kPdf[] = "%PDF-1.4\n\x00\x01\x02\xff binary";
  std::string pdf(kPdf, sizeof kPdf - 1);
  std::string long_name = "квитанция-" + std::string(40, 'x') + "-收据.pdf";
  m.attachments = {{"kvittering æøå.pdf", "application/pdf", pdf},
                   {long_name, "", "plain bytes\n"}};
  std::string raw;
  auto p = RoundTrip(m, &raw);
  EXPECT_NE(raw.find("multipart/mixed"), std::string::npos);
  EXPECT_NE(raw.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(raw.find("filename*"), std::string::npos);  // RFC 2231
  ASSERT_EQ(p.attachments.size(), 2u);
  EXPECT_EQ(p.attachments[0].filename, "kvittering æøå.pdf");
  EXPECT_EQ(p.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(p.attachments[1].filename, long_name);
  EXPECT_EQ(p.attachments[1].content_type, "application/octet-stream");
  auto part = mail::ExtractPart(raw, p.attachments[0].part_path);
  ASSERT_TRUE(part) << part.error().message;
  EXPECT_EQ(part->bytes, pdf);
  EXPECT_NE(p.html.find("vedhæftet"), std::string::npos) << p.html;
  EXPECT_EQ(Squash(AllText(p)), Squash(Base().text));
}

TEST(MimeBuilder, ExtraHeadersAndQuotedNames) {
  MimeMessage m = Base();
  m.from = {"Svar, \"Help\" Desk", "support@desk.example"};
  m.extra_headers = {{"Auto-Submitted", "auto-replied"}, {"X-Auto-Response-Suppress", "All"}};
  m.content_language = "da";
  auto p = RoundTrip(m);
  EXPECT_EQ(p.from.name, "Svar, \"Help\" Desk");
  ASSERT_NE(p.Header("Auto-Submitted"), nullptr);
  EXPECT_EQ(*p.Header("Auto-Submitted"), "auto-replied");
  ASSERT_NE(p.Header("X-Auto-Response-Suppress"), nullptr);
  EXPECT_EQ(p.content_language, "da");
}

TEST(MimeBuilder, RefusesHeaderInjectionAndBadInput) {
  MimeMessage m = Base();
  m.subject = "hi\r\nBcc: victim@example.com";
  EXPECT_FALSE(BuildMime(m));
  m = Base();
  m.to = {{"x", "not an address"}};
  EXPECT_FALSE(BuildMime(m));
  m = Base();
  m.to.clear();
  EXPECT_FALSE(BuildMime(m));
  m = Base();
  m.text = std::string("\xff\xfe broken", 9);
  auto r = BuildMime(m);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos);
  m = Base();
  m.extra_headers = {{"X-Bad: yes", "v"}};
  EXPECT_FALSE(BuildMime(m));
}

TEST(MimeEncoding, QuotedPrintableKeepsLinesShortAndEscapesDots) {
  std::string text = std::string(200, 'a') + "æ\n.hidden\nFrom the start\ntrailing  \n";
  std::string qp = QuotedPrintable(text);
  for (size_t start = 0, end; (end = qp.find("\r\n", start)) != std::string::npos; start = end + 2)
    EXPECT_LE(end - start, 76u);
  EXPECT_NE(qp.find("=2Ehidden"), std::string::npos) << qp;
  EXPECT_NE(qp.find("=46rom the start"), std::string::npos) << qp;
  EXPECT_NE(qp.find("trailing =20"), std::string::npos) << qp;
  EXPECT_NE(qp.find("=C3=A6"), std::string::npos);
}

TEST(MimeEncoding, ChoosesEncodingByShareOfNonAscii) {
  EXPECT_EQ(ChooseEncoding("plain ascii"), TransferEncoding::k7Bit);
  EXPECT_EQ(ChooseEncoding(std::string(100, 'a')),
            TransferEncoding::kQuotedPrintable);  // long line
  EXPECT_EQ(ChooseEncoding("Hej, vi ser på det i morgen."), TransferEncoding::kQuotedPrintable);
  EXPECT_EQ(ChooseEncoding("Привет, мир"), TransferEncoding::kBase64);
  EXPECT_EQ(ChooseEncoding("你好世界"), TransferEncoding::kBase64);
}

TEST(MimeEncoding, EncodedWordsNeverSplitACharacter) {
  std::string s;
  for (int i = 0; i < 40; ++i) s += i % 3 ? "汉" : "я";  // 3 and 2 bytes
  std::string enc = EncodeWords(s);
  for (size_t start = 0;;) {
    size_t a = enc.find("=?UTF-8?B?", start);
    if (a == std::string::npos) break;
    size_t b = enc.find("?=", a + 10);
    ASSERT_NE(b, std::string::npos);
    EXPECT_LE(b + 2 - a, 75u);
    EXPECT_EQ((b - a - 10) % 4, 0u);
    // Only the last word may carry base64 padding (GMime joins adjacent words).
    if (enc.find("=?UTF-8?B?", b) != std::string::npos)
      EXPECT_EQ(enc.substr(a + 10, b - a - 10).find('='), std::string::npos) << enc;
    start = b + 2;
  }
  EXPECT_EQ(EncodeWords("ascii stays"), "ascii stays");
}

TEST(MimeBuilder, ReferenceChainDropsDuplicatesAndCaps) {
  // In-Reply-To is stored before References and repeats the newest id.
  auto chain = ReferenceChain({"c2@x", "c0@x", "c1@x", "c2@x"}, "c3@x");
  EXPECT_EQ(chain, (std::vector<std::string>{"c0@x", "c1@x", "c2@x", "c3@x"}));
  std::vector<std::string> many;
  for (int i = 0; i < 50; ++i) many.push_back("m" + std::to_string(i) + "@x");
  chain = ReferenceChain(many, "last@x", 20);
  ASSERT_EQ(chain.size(), 20u);
  EXPECT_EQ(chain.front(), "m0@x");  // the root stays
  EXPECT_EQ(chain.back(), "last@x");
  EXPECT_EQ(chain[1], "m32@x");  // root + the 19 newest
}

TEST(MimeBuilder, MessageIdsAreRandomInTheDeskDomain) {
  std::string a = NewMessageId("desk.example"), b = NewMessageId("desk.example");
  EXPECT_NE(a, b);
  EXPECT_EQ(DomainOf("x@" + a.substr(a.find('@') + 1)), "desk.example");
  EXPECT_EQ(DomainOf("Support@Desk.Example"), "desk.example");
  EXPECT_EQ(DomainOf("nodomain"), "");
}

}  // namespace
}  // namespace svar::replies
