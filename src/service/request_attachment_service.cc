#include "service/request_attachment_service.h"

#include <algorithm>
#include <cctype>

#include "auth/policy.h"
#include "common/ids.h"
#include "common/sha256.h"
#include "domain/request_workflow.h"
#include "service/audit_recorder.h"

namespace taawun::service {

namespace {

Result<domain::Request> load_party_request(store::Store& store, const RequestContext& context,
                                           std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto request, store.find_request(id));
  if (!request) return Error::not_found();
  TAAWUN_TRY(auth::check_request_party(context.actor, *request));
  return std::move(*request);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool was_sent(const domain::Request& request) {
  return std::any_of(request.status_history.begin(), request.status_history.end(),
                     [](const domain::StatusChange& change) {
                       return change.state == domain::RequestState::kSent ||
                              change.state == domain::RequestState::kIssued;
                     });
}

// The country that receives what the actor attaches: the other party, once it has the request.
std::string other_party(const RequestContext& context, const domain::Request& request) {
  if (!was_sent(request)) return {};
  return context.actor.country == request.issuing_country ? request.executing_country
                                                          : request.issuing_country;
}

}  // namespace

Result<domain::RequestAttachment> attach_to_request(store::Store& store,
                                                    const RequestContext& context,
                                                    std::string_view request_id,
                                                    NewAttachment input) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_party_request(store, context, request_id));
  if (domain::is_terminal(request.channel, request.status)) {
    return Error{ErrorKind::kConflict,
                 "request.closed",
                 "This request is " + std::string(domain::to_string(request.status)) +
                     "; nothing more can be attached.",
                 {}};
  }
  input.media_type = lower(std::move(input.media_type));
  TAAWUN_TRY(domain::check_attachment_filename(input.filename));
  TAAWUN_TRY(domain::check_media_type(input.media_type));
  if (input.content.empty()) {
    return Error::invalid("attachment.empty", "The file is empty.", "content");
  }
  const std::string digest = sha256_hex(input.content);
  if (input.expected_sha256 && lower(*input.expected_sha256) != digest) {
    return Error::invalid("attachment.hash_mismatch",
                          "The file received does not have the SHA-256 it was sent with; it "
                          "changed on the way. Nothing was stored.",
                          "content_sha256");
  }
  TAAWUN_ASSIGN_OR_RETURN(auto existing, store.list_request_attachments(request.meta.id));
  if (existing.size() >= domain::kMaxAttachmentsPerRequest) {
    return Error::invalid("attachment.too_many",
                          "A request holds at most " +
                              std::to_string(domain::kMaxAttachmentsPerRequest) + " attachments.",
                          "content");
  }
  domain::RequestAttachment attachment{new_id("att"),
                                       request.meta.id,
                                       input.filename,
                                       input.media_type,
                                       static_cast<long long>(input.content.size()),
                                       digest,
                                       context.actor.user_id,
                                       context.actor.country,
                                       context.now};
  TAAWUN_TRY(store.insert_request_attachment(attachment, input.content));
  TAAWUN_TRY(record_audit(store, context,
                          {.operation = "request_attachment.create",
                           .object_type = "request_attachment",
                           .object_id = attachment.id,
                           .detail_hash = digest,
                           .recipients = other_party(context, request)}));
  return attachment;
}

Result<std::vector<domain::RequestAttachment>> list_request_attachments(
    store::Store& store, const RequestContext& context, std::string_view request_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_party_request(store, context, request_id));
  TAAWUN_ASSIGN_OR_RETURN(auto attachments, store.list_request_attachments(request.meta.id));
  TAAWUN_TRY(record_audit(store, context, {"request_attachment.list", "request", request.meta.id}));
  return attachments;
}

Result<AttachmentDownload> read_request_attachment(store::Store& store,
                                                   const RequestContext& context,
                                                   std::string_view request_id,
                                                   std::string_view attachment_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_party_request(store, context, request_id));
  TAAWUN_ASSIGN_OR_RETURN(auto attachment,
                          store.find_request_attachment(request.meta.id, attachment_id));
  if (!attachment) return Error::not_found();
  TAAWUN_ASSIGN_OR_RETURN(auto content, store.read_request_attachment_content(attachment->id));
  if (!content || sha256_hex(*content) != attachment->sha256) {
    return Error{ErrorKind::kInternal,
                 "attachment.integrity_failure",
                 "The stored file no longer matches its SHA-256; it is not served. Tell the "
                 "administrator.",
                 {}};
  }
  TAAWUN_TRY(record_audit(store, context,
                          {"request_attachment.read", "request_attachment", attachment->id}));
  return AttachmentDownload{std::move(*attachment), std::move(*content)};
}

Status remove_request_attachment(store::Store& store, const RequestContext& context,
                                 std::string_view request_id, std::string_view attachment_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto request, load_party_request(store, context, request_id));
  TAAWUN_ASSIGN_OR_RETURN(auto attachment,
                          store.find_request_attachment(request.meta.id, attachment_id));
  if (!attachment) return Error::not_found();
  if (context.actor.country != request.issuing_country) {
    return Error{ErrorKind::kForbidden,
                 "request.wrong_side",
                 "Only the issuing authority removes an attachment of its draft.",
                 {}};
  }
  if (request.status != domain::RequestState::kDraft) {
    return Error{ErrorKind::kConflict,
                 "request.not_draft",
                 "Only a draft's attachments can be removed; this request is " +
                     std::string(domain::to_string(request.status)) + ".",
                 {}};
  }
  TAAWUN_TRY(store.delete_request_attachment(attachment->id));
  return record_audit(store, context,
                      {"request_attachment.delete", "request_attachment", attachment->id});
}

}  // namespace taawun::service
