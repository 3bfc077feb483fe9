#pragma once

// Attachments of a request (issue 4 §7): the annexes the issuing side sends with it and the
// results the executing side sends back, each kept with the SHA-256 the server computed on
// receipt. Seen by the request's two parties, nobody else (a foreign request's attachments are
// reported exactly as a missing request's).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/request_attachment.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

struct NewAttachment {
  std::string filename;
  std::string media_type;  // lower-cased by the service
  std::string content;
  // The SHA-256 the sender computed (lowercase or uppercase hex), when it sent one: a mismatch
  // means the bytes changed on the way, and nothing is stored (attachment.hash_mismatch, 422).
  std::optional<std::string> expected_sha256;
};

// Attaches a file. The issuing side may attach until the request ends; the executing side once
// it has the request (from sending on) until it ends. Errors: request.closed (409) on a request in
// a final state; attachment.empty, attachment.too_many (422); validation.* on filename or
// media_type; attachment.hash_mismatch (422, field content_sha256). Sent to the other party when
// the request has been sent: audited as request_attachment.create with the recipient country.
Result<domain::RequestAttachment> attach_to_request(store::Store& store,
                                                    const RequestContext& context,
                                                    std::string_view request_id,
                                                    NewAttachment input);

// The attachments' descriptions (no content), oldest first. A consultation: needs a purpose.
Result<std::vector<domain::RequestAttachment>> list_request_attachments(
    store::Store& store, const RequestContext& context, std::string_view request_id);

struct AttachmentDownload {
  domain::RequestAttachment attachment;
  std::string content;
};
// One attachment with its content, after checking the stored bytes still hash to the recorded
// SHA-256 (attachment.integrity_failure, kInternal, otherwise: the file is not served). Needs a
// purpose; audited as request_attachment.read.
Result<AttachmentDownload> read_request_attachment(store::Store& store,
                                                   const RequestContext& context,
                                                   std::string_view request_id,
                                                   std::string_view attachment_id);

// Removes an attachment of a draft (issuing side only; request.not_draft, 409, once validated or
// sent: from then on what was attached is part of the record).
Status remove_request_attachment(store::Store& store, const RequestContext& context,
                                 std::string_view request_id, std::string_view attachment_id);

}  // namespace taawun::service
