// Ticket references: "SV-1042" in text, "[#SV-1042]" in subjects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace svar::tickets {

std::string FormatRef(std::string_view prefix, int64_t number);
// The subject tag the desk puts on its mail: "[#SV-1042]".
std::string SubjectTag(std::string_view prefix, int64_t number);
// Parses "SV-1042" (case-insensitive prefix); nullopt when it is not a reference.
std::optional<int64_t> ParseRef(std::string_view prefix, std::string_view ref);
// Finds the first reference with this prefix anywhere in a subject ("Re: [#SV-1042] x",
// "SV-1042", "sv-1042:"); the number must not be glued to other letters or digits.
std::optional<int64_t> FindRefInSubject(std::string_view prefix, std::string_view subject);
// The subject used for fall-back threading: reply/forward prefixes in the desk's languages
// (Re, Fwd, Fw, AW, WG, SV, VS, Vs, Ref, Ответ, Отв, Пересл, 回复, 答复, 转发, 回覆, 轉寄 ...)
// and reference tags removed, white space collapsed, case-folded.
std::string SubjectKey(std::string_view prefix, std::string_view subject);

}  // namespace svar::tickets
