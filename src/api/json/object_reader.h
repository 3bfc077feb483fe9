#pragma once

// Strict reading of a JSON object into C++ values: wrong types and unknown keys are errors naming
// the field (request.wrong_type, request.unknown_field). Only keys present are read, so the same
// mapping serves creation (onto defaults) and PATCH (onto the current record).

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/partial_date.h"
#include "common/result.h"

namespace taawun::api::json {

class ObjectReader {
 public:
  // REQUIRES: object.is_object(). `path` prefixes field names in errors ("names[0]").
  ObjectReader(const nlohmann::json& object, std::string path = {});

  bool has(const char* key) const;

  // Each reads `key` if present; absent keys leave `out` unchanged. null is accepted where noted.
  Status text(const char* key, std::string& out);  // null → ""
  Status text_list(const char* key, std::vector<std::string>& out);
  Status boolean(const char* key, bool& out);
  Status partial_date(const char* key, std::optional<PartialDate>& out);  // null → nullopt
  Status object(const char* key, const std::function<Status(ObjectReader&)>& read);
  Status object_list(const char* key,
                     const std::function<Status(ObjectReader&, size_t index)>& read);

  // Fails on the first key no read asked for. Call last.
  Status finish() const;

  std::string field(const char* key) const;

 private:
  const nlohmann::json& object_;
  std::string path_;
  std::set<std::string> read_;
};

// A request body as a JSON object, or request.malformed_json / request.invalid_utf8, or
// validation.unsafe_character naming the first field that holds a control or bidi-override
// character (common/utf8.h; line breaks only in the multi-line free-text fields).
Result<nlohmann::json> parse_object(const std::string& body);

}  // namespace taawun::api::json
