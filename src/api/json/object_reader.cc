#include "api/json/object_reader.h"

#include "common/utf8.h"

namespace taawun::api::json {

namespace {

Error wrong_type(const std::string& field, const char* expected) {
  return Error::invalid("request.wrong_type", field + " must be " + expected + ".", field);
}

// The free-text fields of the API contract that may span lines (a summary of facts, a reason,
// a measure's description); every other string is one line: names, references, codes.
bool may_break_lines(std::string_view key) {
  for (std::string_view multi_line :
       {"text", "reason", "description", "link_to_facts", "urgency_justification"}) {
    if (key == multi_line) return true;
  }
  return false;
}

Status refuse_unsafe_characters(const nlohmann::json& value, const std::string& field,
                                LineBreaks line_breaks) {
  if (value.is_string()) {
    if (auto bad = first_unsafe_character(value.get_ref<const std::string&>(), line_breaks)) {
      return Error::invalid("validation.unsafe_character",
                            (field.empty() ? std::string("A value") : field) + " holds " +
                                code_point_label(*bad) +
                                ", a control or bidi-override character; remove it.",
                            field);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      TAAWUN_TRY(
          refuse_unsafe_characters(value[i], field + "[" + std::to_string(i) + "]", line_breaks));
    }
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      if (first_unsafe_character(key, LineBreaks::kRefused)) {
        return Error::invalid("validation.unsafe_character",
                              "A field name holds a control or bidi-override character.", field);
      }
      const std::string path = field.empty() ? key : field + "." + key;
      TAAWUN_TRY(refuse_unsafe_characters(
          member, path, may_break_lines(key) ? LineBreaks::kAllowed : LineBreaks::kRefused));
    }
  }
  return {};
}

}  // namespace

ObjectReader::ObjectReader(const nlohmann::json& object, std::string path)
    : object_(object), path_(std::move(path)) {}

std::string ObjectReader::field(const char* key) const {
  return path_.empty() ? std::string(key) : path_ + "." + key;
}

bool ObjectReader::has(const char* key) const { return object_.contains(key); }

Status ObjectReader::text(const char* key, std::string& out) {
  read_.insert(key);
  auto found = object_.find(key);
  if (found == object_.end()) return {};
  if (found->is_null()) {
    out.clear();
    return {};
  }
  if (!found->is_string()) return wrong_type(field(key), "a string");
  out = found->get<std::string>();
  return {};
}

Status ObjectReader::boolean(const char* key, bool& out) {
  read_.insert(key);
  auto found = object_.find(key);
  if (found == object_.end()) return {};
  if (!found->is_boolean()) return wrong_type(field(key), "true or false");
  out = found->get<bool>();
  return {};
}

Status ObjectReader::text_list(const char* key, std::vector<std::string>& out) {
  read_.insert(key);
  auto found = object_.find(key);
  if (found == object_.end()) return {};
  if (found->is_null()) {
    out.clear();
    return {};
  }
  if (!found->is_array()) return wrong_type(field(key), "an array of strings");
  std::vector<std::string> values;
  for (size_t i = 0; i < found->size(); ++i) {
    const auto& item = (*found)[i];
    if (!item.is_string()) {
      return wrong_type(field(key) + "[" + std::to_string(i) + "]", "a string");
    }
    values.push_back(item.get<std::string>());
  }
  out = std::move(values);
  return {};
}

Status ObjectReader::partial_date(const char* key, std::optional<PartialDate>& out) {
  read_.insert(key);
  auto found = object_.find(key);
  if (found == object_.end()) return {};
  if (found->is_null()) {
    out.reset();
    return {};
  }
  if (!found->is_string())
    return wrong_type(field(key), "a date string (YYYY, YYYY-MM, YYYY-MM-DD)");
  auto parsed = parse_partial_date(found->get<std::string>());
  if (!parsed.ok()) {
    Error error = parsed.error();
    error.field = field(key);
    error.message = field(key) + ": " + error.message;
    return error;
  }
  out = parsed.value();
  return {};
}

Status ObjectReader::object(const char* key, const std::function<Status(ObjectReader&)>& read) {
  read_.insert(key);
  auto found = object_.find(key);
  if (found == object_.end() || found->is_null()) return {};
  if (!found->is_object()) return wrong_type(field(key), "an object");
  ObjectReader inner(*found, field(key));
  TAAWUN_TRY(read(inner));
  return inner.finish();
}

Status ObjectReader::object_list(const char* key,
                                 const std::function<Status(ObjectReader&, size_t)>& read) {
  read_.insert(key);
  auto found = object_.find(key);
  if (found == object_.end()) return {};
  if (!found->is_array()) return wrong_type(field(key), "an array of objects");
  for (size_t i = 0; i < found->size(); ++i) {
    const std::string item_path = field(key) + "[" + std::to_string(i) + "]";
    if (!(*found)[i].is_object()) return wrong_type(item_path, "an object");
    ObjectReader inner((*found)[i], item_path);
    TAAWUN_TRY(read(inner, i));
    TAAWUN_TRY(inner.finish());
  }
  return {};
}

Status ObjectReader::finish() const {
  for (const auto& [key, value] : object_.items()) {
    if (!read_.contains(key)) {
      const std::string name = path_.empty() ? key : path_ + "." + key;
      return Error::invalid("request.unknown_field",
                            name + " is not a field of this resource, or is set by the server.",
                            name);
    }
  }
  return {};
}

Result<nlohmann::json> parse_object(const std::string& body) {
  if (!is_valid_utf8(body)) {
    return Error::invalid("request.invalid_utf8", "The request body is not valid UTF-8.");
  }
  auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Error::invalid("request.malformed_json", "The request body is not valid JSON.");
  }
  if (!parsed.is_object()) {
    return Error::invalid("request.malformed_json", "The request body must be a JSON object.");
  }
  TAAWUN_TRY(refuse_unsafe_characters(parsed, {}, LineBreaks::kRefused));
  return parsed;
}

}  // namespace taawun::api::json
