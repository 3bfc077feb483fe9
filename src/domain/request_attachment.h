#pragma once

// A file attached to a request (DESIGN.md §3 "Request ... attachments", issue 4 §7): the request's
// annexes (a judgment, a warrant, a translation) uploaded by the issuing side, or the results the
// executing side sends back. The content is kept with its SHA-256, computed by the server on
// receipt and checked again on every download, so either party can prove which bytes were
// exchanged. Attachments are never changed: a draft's attachment may be removed by the issuing
// side; once the request is sent they are part of the record.

#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"

namespace taawun::domain {

inline constexpr size_t kMaxAttachmentBytes = 32u << 20;  // 32 MiB
inline constexpr size_t kMaxAttachmentsPerRequest = 50;

struct RequestAttachment {
  std::string id;  // "att_..."
  std::string request_id;
  std::string filename;     // as the uploader named it (UTF-8), shown and offered on download
  std::string media_type;   // "application/pdf"
  long long size = 0;       // bytes
  std::string sha256;       // lowercase hex of the content
  std::string uploaded_by;  // user id
  std::string uploaded_by_country;  // the party that attached it (issuing or executing country)
  Timestamp uploaded_at{};
  bool operator==(const RequestAttachment&) const = default;
};

// A file name: 1..255 bytes of valid UTF-8, no control characters, no '/' or '\\', not "." or
// "..". Error validation.invalid_value (field "filename").
Status check_attachment_filename(std::string_view filename);
// A media type "type/subtype" of RFC 6838 token characters, lower-cased by the caller; at most 127
// bytes. Error validation.invalid_value (field "media_type").
Status check_media_type(std::string_view media_type);

}  // namespace taawun::domain
