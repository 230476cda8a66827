#include "mail/charset.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace svar::mail {
namespace {

// "Привет, мир" in KOI8-R and windows-1251; "中文测试" in GB2312; "中文測試" in Big5.
const std::string kKoi8 = "\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2";
const std::string kCp1251 = "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0";
const std::string kGb2312 = "\xd6\xd0\xce\xc4\xb2\xe2\xca\xd4";
const std::string kBig5 = "\xa4\xa4\xa4\xe5\xb4\xfa\xb8\xd5";

TEST(Charset, DeclaredCharsetTrustedForShortText) {
  EXPECT_EQ(ConvertToUtf8(kKoi8, "koi8-r").utf8, "Привет, мир");
  EXPECT_EQ(ConvertToUtf8(kCp1251, "windows-1251").utf8, "Привет, мир");
  EXPECT_EQ(ConvertToUtf8(kGb2312, "gb2312").utf8, "中文测试");
  EXPECT_EQ(ConvertToUtf8(kBig5, "big5").utf8, "中文測試");
  EXPECT_TRUE(ConvertToUtf8(kKoi8, "koi8-r").warning.empty());
}

TEST(Charset, Gb2312ReadAsGb18030) {
  EXPECT_EQ(NormaliseCharset("GB2312"), "gb18030");
  // 镕 (0xE9 0x46 in GBK) is not in GB2312.
  EXPECT_EQ(ConvertToUtf8("\xe9\x46", "gb2312").utf8, "镕");
}

TEST(Charset, Iso2022Jp) {
  std::string jis = "\x1b$B$3$s$K$A$O\x1b(B";  // こんにちは
  EXPECT_EQ(ConvertToUtf8(jis, "iso-2022-jp").utf8, "こんにちは");
}

TEST(Charset, Latin1IsReadAsWindows1252) {
  EXPECT_EQ(ConvertToUtf8("Gr\xfc\xdf" "e \x80", "iso-8859-1").utf8, "Grüße €");
}

TEST(Charset, MissingDeclarationValidUtf8) {
  auto c = ConvertToUtf8("Søren", "");
  EXPECT_EQ(c.utf8, "Søren");
  EXPECT_TRUE(c.warning.empty());
}

TEST(Charset, AsciiDeclaredButUtf8GivesWarning) {
  auto c = ConvertToUtf8("Søren", "us-ascii");
  EXPECT_EQ(c.utf8, "Søren");
  EXPECT_NE(c.warning.find("declared us-ascii"), std::string::npos);
}

TEST(Charset, MissingDeclarationDetectsLongerKoi8) {
  std::string text;
  for (int i = 0; i < 10; ++i)
    text += "\xf0\xd2\xc9\xd7\xc5\xd4! \xed\xcf\xca \xda\xc1\xcb\xc1\xda \xc5\xdd\xc5 \xce\xc5 "
            "\xd0\xd2\xc9\xdb\xc5\xcc. ";  // Привет! Мой заказ ещё не пришел.
  auto c = ConvertToUtf8(text, "");
  EXPECT_EQ(c.charset, "koi8-r");
  EXPECT_NE(c.utf8.find("Мой заказ"), std::string::npos);
  EXPECT_NE(c.warning.find("koi8-r detected (declared none)"), std::string::npos);
}

TEST(Charset, WrongUtf8DeclarationIsRepairedAndValid) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += kCp1251 + ". ";
  auto c = ConvertToUtf8(text, "utf-8");
  EXPECT_TRUE(IsValidUtf8(c.utf8));
  EXPECT_FALSE(c.warning.empty());
}

TEST(Charset, UnknownCharsetNameFallsBackAndIsValid) {
  auto c = ConvertToUtf8("caf\xe9", "x-nonsense-charset");
  EXPECT_TRUE(IsValidUtf8(c.utf8));
  EXPECT_FALSE(c.warning.empty());
}

TEST(Charset, GarbageAlwaysValidUtf8) {
  std::string junk;
  for (int i = 0; i < 256; ++i) junk += static_cast<char>(i);
  for (const char* cs : {"", "utf-8", "us-ascii", "big5", "gb2312", "iso-2022-jp", "koi8-r"})
    EXPECT_TRUE(IsValidUtf8(ConvertToUtf8(junk, cs).utf8)) << cs;
}

}  // namespace
}  // namespace svar::mail
