#include "mail/parse.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/text.h"

namespace svar::mail {
namespace {

const char kMultipart[] =
    "Return-Path: <>\r\n"
    "From: =?utf-8?Q?J=C3=B8rgen?= Hansen <Jorgen@Example.DK>\r\n"
    "To: Support <support@svar.example>, b@x.org\r\n"
    "Cc: =?koi8-r?B?8NLJ18XU?= <c@x.ru>\r\n"
    "Subject: =?utf-8?B?U3DDuHJnc23DpWwgb20=?= =?utf-8?Q?_ordre?=\r\n"
    "Date: Tue, 05 Mar 2024 10:15:00 +0100\r\n"
    "Message-ID: <abc@example.dk>\r\n"
    "In-Reply-To: <t1@svar.example>\r\n"
    "References: <t0@svar.example>\r\n <t1@svar.example> garbage <t2@svar.example\r\n"
    "Content-Language: DA\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=b1\r\n"
    "\r\n"
    "--b1\r\n"
    "Content-Type: multipart/alternative; boundary=b2\r\n"
    "\r\n"
    "--b2\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Plain body\r\n"
    "--b2\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<p>HTML <b>body</b><script>x</script></p>\r\n"
    "--b2--\r\n"
    "--b1\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Disposition: attachment; filename*=utf-8''%C3%B8l%20liste.txt\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "aGVsbG8gd29ybGQ=\r\n"
    "--b1--\r\n";

TEST(ParseMessage, HeadersAndBody) {
  auto m = ParseMessage(kMultipart);
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->from.name, "Jørgen Hansen");
  EXPECT_EQ(m->from.email, "jorgen@example.dk");
  ASSERT_EQ(m->to.size(), 2u);
  EXPECT_EQ(m->to[1].email, "b@x.org");
  ASSERT_EQ(m->cc.size(), 1u);
  EXPECT_EQ(m->cc[0].name, "Привет");
  EXPECT_EQ(m->subject, "Spørgsmål om ordre");
  EXPECT_EQ(m->message_id, "abc@example.dk");
  EXPECT_EQ(m->in_reply_to, std::vector<std::string>{"t1@svar.example"});
  EXPECT_EQ(m->references, (std::vector<std::string>{"t0@svar.example", "t1@svar.example"}));
  ASSERT_TRUE(m->date);
  EXPECT_EQ(*m->date, 1709630100);
  EXPECT_EQ(m->content_language, "da");
  EXPECT_TRUE(m->has_return_path);
  EXPECT_EQ(m->return_path, "");
  EXPECT_EQ(m->text, "Plain body\n");
  EXPECT_EQ(m->html, "<p>HTML <b>body</b></p>");
  ASSERT_NE(m->Header("SUBJECT"), nullptr);
  EXPECT_EQ(*m->Header("subject"), "Spørgsmål om ordre");
  EXPECT_EQ(m->Header("X-Missing"), nullptr);
  ASSERT_EQ(m->attachments.size(), 1u);
  EXPECT_EQ(m->attachments[0].filename, "øl liste.txt");
  EXPECT_EQ(m->attachments[0].size, 11);
  EXPECT_EQ(m->attachments[0].part_path, "2");
  EXPECT_EQ(m->attachments[0].disposition, "attachment");
}

TEST(ExtractPart, CutsTheSamePart) {
  auto p = ExtractPart(kMultipart, "2");
  ASSERT_TRUE(p) << p.error().ToString();
  EXPECT_EQ(p->bytes, "hello world");
  EXPECT_EQ(p->filename, "øl liste.txt");
  EXPECT_EQ(p->content_type, "application/octet-stream");
  auto body = ExtractPart(kMultipart, "1.1");
  ASSERT_TRUE(body);
  EXPECT_EQ(body->content_type, "text/plain");
  auto missing = ExtractPart(kMultipart, "7");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(ParseMessage, RawEightBitHeadersUseBodyCharset) {
  std::string raw = "From: \xf0\xd2\xc9\xd7\xc5\xd4 <a@x.ru>\nSubject: \xf0\xd2\xc9\xd7\xc5\xd4\n"
                    "Content-Type: text/plain; charset=koi8-r\n\n\xf0\xd2\xc9\xd7\xc5\xd4\n";
  auto m = ParseMessage(raw);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->subject, "Привет");
  EXPECT_EQ(m->from.name, "Привет");
  EXPECT_EQ(m->text, "Привет\n");
}

TEST(ParseMessage, HtmlOnlyGetsTextFromHtml) {
  auto m = ParseMessage("From: a@x.org\nSubject: s\nContent-Type: text/html\n\n"
                        "<p>Hello <a href=\"https://x.org\" onclick=\"e()\">site</a></p>"
                        "<blockquote type=\"cite\">old</blockquote>");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text, "Hello site (https://x.org)\n");
  EXPECT_EQ(m->quoted, "> old\n");
  EXPECT_EQ(m->html.find("onclick"), std::string::npos);
}

TEST(ParseMessage, MboxFromLineAndLf) {
  auto m = ParseMessage("From a@x.org Tue Mar  5 10:00:00 2024\nFrom: a@x.org\nSubject: hi\n\nbody\n");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->subject, "hi");
  EXPECT_EQ(m->text, "body\n");
}

TEST(ParseMessage, NotMailIsParseError) {
  auto m = ParseMessage("");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, ErrorCode::kParse);
}

TEST(ParseMessage, GarbageHeadersTolerated) {
  auto m = ParseMessage("From: <<<@@@>>>\nTo: ,,,;;\nDate: yesterday-ish\nMessage-ID: no brackets@x\n"
                        "References: foo bar\nReturn-Path: <Bounce@X.org>\n\nbody");
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->date);
  EXPECT_EQ(m->message_id, "brackets@x");  // the token that looks like an id
  EXPECT_TRUE(m->references.empty());
  EXPECT_EQ(m->return_path, "bounce@x.org");
}

TEST(ParseMessage, MaxPartsAndDepth) {
  std::string raw = "From: a@x.org\nContent-Type: multipart/mixed; boundary=b\n\n";
  for (int i = 0; i < 50; ++i) raw += "--b\nContent-Type: application/octet-stream\n\nx\n";
  raw += "--b--\n";
  ParseOptions options;
  options.max_parts = 10;
  auto m = ParseMessage(raw, options);
  ASSERT_TRUE(m);
  EXPECT_LT(m->attachments.size(), 11u);
  EXPECT_FALSE(m->warnings.empty());

  std::string deep = "From: a@x.org\nContent-Type: multipart/mixed; boundary=b0\n\n";
  for (int i = 1; i < 60; ++i)
    deep += "--b" + std::to_string(i - 1) + "\nContent-Type: multipart/mixed; boundary=b" +
            std::to_string(i) + "\n\n";
  deep += "--b59\nContent-Type: text/plain\n\ndeep text\n";
  auto d = ParseMessage(deep);
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->warnings.empty());
}

TEST(ParseMessage, DeadlineGivesTimeout) {
  Deadline past(1);
  while (!past.Expired()) {
  }
  ParseOptions options;
  options.deadline = past;
  auto m = ParseMessage(kMultipart, options);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, ErrorCode::kTimeout);
}

TEST(ParseMessage, ConcurrentParsesAgree) {
  auto expected = ParseMessage(kMultipart);
  ASSERT_TRUE(expected);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto m = ParseMessage(kMultipart);
        if (!m || m->text != expected->text || m->subject != expected->subject ||
            m->cc[0].name != expected->cc[0].name)
          ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(ParseMessage, HostileDeepHtmlIsFast) {
  std::string raw = "From: a@x.org\nContent-Type: text/html\n\n";
  for (int i = 0; i < 100000; ++i) raw += "<div>";
  raw += "hello";
  auto start = std::chrono::steady_clock::now();
  auto m = ParseMessage(raw);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text, "hello\n");
  EXPECT_TRUE(m->html.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));  // not minutes
}

TEST(LooksLikeMail, AcceptsMailAndMbox) {
  EXPECT_TRUE(LooksLikeMail("From a@b Tue Mar  5 10:00:00 2024\nFrom: a@b\n\nx"));
  EXPECT_TRUE(LooksLikeMail("Received: from x\n\tby y;\n Tue\nSubject: hi\nX-Custom: 1\n\nbody"));
  EXPECT_TRUE(LooksLikeMail("Delivered-To: a@b\r\nReturn-Path: <>\r\n"));
  EXPECT_TRUE(LooksLikeMail("X-Spam: no\nMessage-ID: <a@b>\nSubject: cut in the midd"));
}

TEST(LooksLikeMail, RejectsOtherFiles) {
  EXPECT_FALSE(LooksLikeMail(""));
  EXPECT_FALSE(LooksLikeMail(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  EXPECT_FALSE(LooksLikeMail("# Title\n\nSome *markdown* text.\n"));
  EXPECT_FALSE(LooksLikeMail("MIT License\n\nCopyright (c) 2024 Someone\n"));
  EXPECT_FALSE(LooksLikeMail("Title: notes\nAuthor: me\n\ntext"));  // no mail header
  EXPECT_FALSE(LooksLikeMail("Subject: x\nthis line is prose\n"));
}

}  // namespace
}  // namespace svar::mail
