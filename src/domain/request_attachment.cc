#include "domain/request_attachment.h"

#include "common/utf8.h"

namespace taawun::domain {

namespace {

Status invalid(std::string_view field, std::string message) {
  return Error::invalid("validation.invalid_value", std::move(message), std::string(field));
}

// RFC 6838 restricted-name characters.
bool is_token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '!' || c == '#' || c == '$' ||
         c == '&' || c == '-' || c == '^' || c == '_' || c == '.' || c == '+';
}

bool is_token(std::string_view text) {
  if (text.empty() || text.size() > 63) return false;
  for (char c : text) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

}  // namespace

Status check_attachment_filename(std::string_view filename) {
  if (filename.empty()) {
    return Error::invalid("validation.missing_field", "filename is required.", "filename");
  }
  if (filename.size() > 255 || !is_valid_utf8(filename)) {
    return invalid("filename", "filename must be at most 255 bytes of UTF-8.");
  }
  if (filename == "." || filename == "..") return invalid("filename", "filename is not a name.");
  for (unsigned char c : filename) {
    // Control characters and path separators would let a name smuggle a path or a header
    // break into the download's Content-Disposition.
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
      return invalid("filename", "filename must not hold control characters or '/' or '\\'.");
    }
  }
  return {};
}

Status check_media_type(std::string_view media_type) {
  const size_t slash = media_type.find('/');
  if (media_type.size() > 127 || slash == std::string_view::npos ||
      !is_token(media_type.substr(0, slash)) || !is_token(media_type.substr(slash + 1))) {
    return invalid("media_type",
                   "The media type must look like type/subtype (e.g. application/pdf).");
  }
  return {};
}

}  // namespace taawun::domain
