#pragma once

// A request as a printable document (HTML with an A4 print stylesheet), in one of the five
// languages, carrying every structured field. Labels and coded values (channel, status, measures,
// deadline kinds, ...) are translated; a code the tables do not know yet is shown as itself. What
// the magistrate wrote is shown as written, HTML-escaped.

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
// validation.invalid_value (field lang) otherwise. Arabic documents are right to left, with
// identifiers, references and hashes kept left to right.
// Times are local to the executing country's zone (clocks::default_clock_config()), or the issuing
// country's when the executing one has none, else UTC; each shows its zone and UTC offset, and
// carries the UTC instant in <time datetime>.
// `attachments` are listed with their size and full SHA-256, so the printed page identifies the
// exact files sent with it.
// Thread safety: safe to call concurrently.
Result<std::string> render_request_document(
    const domain::Request& request, std::string_view lang,
    const std::vector<store::Authority>& authorities,
    std::span<const domain::RequestAttachment> attachments = {});

}  // namespace taawun::api
