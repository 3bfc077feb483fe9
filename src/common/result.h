#pragma once

// Errors are values across module boundaries (DESIGN.md §10). A Result<T> holds either a T or an
// Error; Status is Result<void>. std::expected is C++23, so this is the small in-house stand-in.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace taawun {

// What kind of failure an error is. The API maps each kind to one HTTP status; the CLI to an exit
// code. Kinds are deliberately few; the stable, specific part is Error::code.
enum class ErrorKind {
  kInvalid,             // the caller's input is wrong (400/422)
  kUnauthenticated,     // no valid session (401)
  kForbidden,           // authenticated, but the role may not do this (403)
  kNotFound,            // absent, or not visible to the caller: the two are indistinguishable (404)
  kConflict,            // state conflict: duplicate, illegal transition (409)
  kPreconditionFailed,  // If-Match version mismatch (412)
  kPreconditionRequired,  // a required precondition header is missing (428)
  kTooLarge,              // payload over the limit (413)
  kLocked,                // account locked (423)
  kRateLimited,           // too many attempts: wait and try again (429, with Retry-After)
  kUnavailable,           // storage or dependency down (503)
  kInternal,              // a bug or an unexpected failure (500)
};

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string code;     // stable, dotted, e.g. "person.invalid_field"; clients translate by it
  std::string message;  // English, for logs and problem+json "detail"; never personal data
  std::string field;    // the offending field (JSON pointer-ish path), when one field is wrong

  static Error invalid(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::kInvalid, std::move(code), std::move(message), std::move(field)};
  }
  static Error not_found(std::string code = "not_found",
                         std::string message = "The resource does not exist.") {
    return {ErrorKind::kNotFound, std::move(code), std::move(message), {}};
  }
  static Error internal(std::string message) {
    return {ErrorKind::kInternal, "internal", std::move(message), {}};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // REQUIRES: !ok()
  const Error& error() const& {
    assert(!ok());
    return std::get<Error>(data_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<Error>(std::move(data_));
  }

 private:
  std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(failed_);
    return error_;
  }
  Error&& error() && {
    assert(failed_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool failed_ = false;
};

using Status = Result<void>;

inline Status ok_status() { return {}; }

}  // namespace taawun

// Propagates an error from an expression yielding Result<T>/Status; evaluates to nothing.
#define TAAWUN_TRY(expr)                            \
  do {                                              \
    auto&& taawun_try_result_ = (expr);             \
    if (!taawun_try_result_.ok()) {                 \
      return std::move(taawun_try_result_).error(); \
    }                                               \
  } while (0)

#define TAAWUN_CONCAT_INNER_(a, b) a##b
#define TAAWUN_CONCAT_(a, b) TAAWUN_CONCAT_INNER_(a, b)

// Declares `lhs` from the value of a Result<T> expression, or returns its error.
#define TAAWUN_ASSIGN_OR_RETURN(lhs, expr)                              \
  auto TAAWUN_CONCAT_(taawun_result_, __LINE__) = (expr);               \
  if (!TAAWUN_CONCAT_(taawun_result_, __LINE__).ok()) {                 \
    return std::move(TAAWUN_CONCAT_(taawun_result_, __LINE__)).error(); \
  }                                                                     \
  lhs = std::move(TAAWUN_CONCAT_(taawun_result_, __LINE__)).value()
