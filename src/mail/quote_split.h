// Splitting a plain-text body into the new text, the quoted history and the signature.
#pragma once

#include <string>
#include <string_view>

namespace svar::mail {

struct SplitText {
  std::string text;       // what the sender wrote now
  std::string quoted;     // history: from the first quote marker to the end
  std::string signature;  // from "-- " (or a mobile footer) up to the quoted history
};

// Quoted history starts at the first of: a line starting with ">"; an attribution line
// ("On ... wrote:", "Den ... skrev:", "Am ... schrieb:", "Le ... a écrit :", "El ...
// escribió:", "... написал(а):", "... 写道："); an Outlook separator ("-----Original
// Message-----" and its translations, a line of underscores); an Outlook header block
// ("From:" followed by "Sent:" and translations). When the message starts with the quote
// (bottom posting), the text after the leading quote block is the new text.
// The signature starts at an RFC 3676 "-- " line or a mobile footer ("Sent from my iPhone",
// "Sendt fra min iPhone", "Skickat från min iPhone"...) before the quoted history.
// Nothing is lost: text, signature and quoted together hold every non-blank line.
// Line ends in the output are "\n"; each non-empty part ends with one "\n".
SplitText SplitQuotes(std::string_view body);

}  // namespace svar::mail
