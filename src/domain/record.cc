#include "domain/record.h"

namespace taawun::domain {

Status check_version(const RecordMeta& meta, long long expected_version) {
  if (meta.version != expected_version) {
    return Error{
        ErrorKind::kPreconditionFailed,
        "precondition.version_mismatch",
        "The record is at version " + std::to_string(meta.version) + "; reload it and try again.",
        {}};
  }
  return {};
}

}  // namespace taawun::domain
