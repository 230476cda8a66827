// Result<T>: the return type of every operation that can fail for an expected reason
// (bad input, not found, busy, conflict, I/O). Programmer errors are asserts instead.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace svar {

enum class ErrorCode {
  kInvalidArgument,   // the caller's input is wrong (bad config value, bad request)
  kNotFound,          // a named thing does not exist
  kConflict,          // the thing exists already or changed under us
  kBusy,              // temporary: try again later (database locked, server busy)
  kUnavailable,       // temporary: a remote peer cannot be reached
  kUnauthenticated,   // credentials missing or wrong
  kPermissionDenied,  // authenticated but not allowed
  kParse,             // input could not be understood (not mail, broken file)
  kIo,                // the local file system failed
  kTimeout,           // a time limit was reached
  kInternal,          // a bug or an unexpected library failure
};

// Name of a code, for logs and JSON ("not_found").
std::string_view ErrorCodeName(ErrorCode code);

// True for failures a caller should retry later (EX_TEMPFAIL for an MTA).
bool IsTemporary(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // one line a user can act on: what is wrong and how to fix it

  std::string ToString() const;
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}
inline std::unexpected<Error> Fail(Error error) {
  return std::unexpected<Error>(std::move(error));
}
inline Status Ok() { return {}; }

}  // namespace svar

// Returns the error of an expression of Result type from the current function.
#define SVAR_TRY(expr)                                      \
  do {                                                      \
    auto svar_try_result_ = (expr);                         \
    if (!svar_try_result_) return ::svar::Fail(std::move(svar_try_result_.error())); \
  } while (0)

#define SVAR_CONCAT_INNER_(a, b) a##b
#define SVAR_CONCAT_(a, b) SVAR_CONCAT_INNER_(a, b)
// SVAR_ASSIGN(auto x, Expr()) binds the value or returns the error.
#define SVAR_ASSIGN(lhs, expr) SVAR_ASSIGN_IMPL_(SVAR_CONCAT_(svar_r_, __LINE__), lhs, expr)
#define SVAR_ASSIGN_IMPL_(tmp, lhs, expr)                          \
  auto tmp = (expr);                                               \
  if (!tmp) return ::svar::Fail(std::move(tmp.error()));           \
  lhs = std::move(*tmp)
