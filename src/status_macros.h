// CLAIMDIFF_RETURN_IF_ERROR and CLAIMDIFF_ASSIGN_OR_RETURN: Abseil 20220623
// has no status macros of its own.

#ifndef CLAIMDIFF_SRC_STATUS_MACROS_H_
#define CLAIMDIFF_SRC_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define CLAIMDIFF_RETURN_IF_ERROR(expr)            \
  do {                                             \
    ::absl::Status _claimdiff_status = (expr);     \
    if (!_claimdiff_status.ok()) return _claimdiff_status; \
  } while (0)

#define CLAIMDIFF_STATUS_CONCAT_INNER_(a, b) a##b
#define CLAIMDIFF_STATUS_CONCAT_(a, b) CLAIMDIFF_STATUS_CONCAT_INNER_(a, b)

#define CLAIMDIFF_ASSIGN_OR_RETURN(lhs, expr) \
  CLAIMDIFF_ASSIGN_OR_RETURN_IMPL_(CLAIMDIFF_STATUS_CONCAT_(_claimdiff_or_, __LINE__), lhs, expr)

#define CLAIMDIFF_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                     \
  if (!tmp.ok()) return std::move(tmp).status();         \
  lhs = std::move(tmp).value()

#endif  // CLAIMDIFF_SRC_STATUS_MACROS_H_
