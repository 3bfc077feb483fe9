#pragma once

// A request as a printable document (HTML with a print stylesheet), in one of the five languages,
// carrying every structured field. Labels are translated; what the magistrate wrote is shown as
// written.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/request.h"
#include "domain/request_attachment.h"
#include "store/store.h"

namespace taawun::api {

// `lang` is fr, ar, es, nl or en; empty means the issuing country's language. Error
// validation.invalid_value (field lang) otherwise. Arabic documents are right to left.
// `attachments` are listed with their size and SHA-256, so the printed page identifies the exact
// files sent with it.
Result<std::string> render_request_document(
    const domain::Request& request, std::string_view lang,
    const std::vector<store::Authority>& authorities,
    std::span<const domain::RequestAttachment> attachments = {});

}  // namespace taawun::api
