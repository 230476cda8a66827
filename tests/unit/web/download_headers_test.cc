#include "web/download_headers.h"

#include <gtest/gtest.h>

namespace svar::web {
namespace {

TEST(AttachmentDisposition, AsciiName) {
  EXPECT_EQ(AttachmentDisposition("report.pdf"),
            "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
}

TEST(AttachmentDisposition, Rfc5987EncodesNonAsciiAndSpecials) {
  EXPECT_EQ(AttachmentDisposition("skærm billede.png"),
            "attachment; filename=\"sk__rm billede.png\"; "
            "filename*=UTF-8''sk%C3%A6rm%20billede.png");
  EXPECT_EQ(AttachmentDisposition("a\"b;c.txt"),
            "attachment; filename=\"a_b;c.txt\"; filename*=UTF-8''a%22b%3Bc.txt");
}

TEST(AttachmentDisposition, NoHeaderInjectionOrPaths) {
  std::string d = AttachmentDisposition("x\r\nSet-Cookie: a=b/../../etc\\passwd");
  EXPECT_EQ(d.find('\r'), std::string::npos);
  EXPECT_EQ(d.find('\n'), std::string::npos);
  EXPECT_EQ(d.find('/'), std::string::npos);
  EXPECT_EQ(d.find('\\'), std::string::npos);
  EXPECT_EQ(AttachmentDisposition(""),
            "attachment; filename=\"attachment\"; filename*=UTF-8''attachment");
}

TEST(SafeDownloadType, PassiveTypesPassThrough) {
  EXPECT_EQ(SafeDownloadType("image/png"), "image/png");
  EXPECT_EQ(SafeDownloadType("Application/PDF"), "application/pdf");
  EXPECT_EQ(SafeDownloadType("text/plain; charset=utf-8"), "text/plain; charset=utf-8");
}

TEST(SafeDownloadType, ActiveTypesBecomeOctetStream) {
  for (const char* t :
       {"text/html", "TEXT/HTML; charset=utf-8", "image/svg+xml", "application/xhtml+xml",
        "text/xml", "application/javascript", "application/rss+xml"}) {
    EXPECT_EQ(SafeDownloadType(t), "application/octet-stream") << t;
  }
}

TEST(SafeDownloadType, MalformedBecomesOctetStream) {
  for (const char* t : {"", "png", "image/", "/png", "text/plain\r\nX-Evil: 1"}) {
    EXPECT_EQ(SafeDownloadType(t), "application/octet-stream") << t;
  }
}

}  // namespace
}  // namespace svar::web
