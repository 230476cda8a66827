// Exit codes of svar, from sysexits.h where one fits (an MTA understands 75 = retry later).
#pragma once

#include "core/result.h"

namespace svar::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;     // something was not done; the message says what
inline constexpr int kExitUsage = 64;      // EX_USAGE: wrong command line
inline constexpr int kExitDataErr = 65;    // EX_DATAERR: the input is not usable
inline constexpr int kExitNoInput = 66;    // EX_NOINPUT: a path does not exist
inline constexpr int kExitUnavailable = 69;  // EX_UNAVAILABLE: a server cannot be reached
inline constexpr int kExitIoErr = 74;      // EX_IOERR
inline constexpr int kExitTempFail = 75;   // EX_TEMPFAIL: try again later
inline constexpr int kExitNoPerm = 77;     // EX_NOPERM: login refused
inline constexpr int kExitConfig = 78;     // EX_CONFIG: bad configuration

int ExitCodeFor(const Error& e);

}  // namespace svar::cli
