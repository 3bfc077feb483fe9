#pragma once

// The persistence form of a request's nested parts (measures, history, deadlines, ...): one JSON
// document per row. A storage format, not the API's: it keeps every field, server-set ones too.

#include <string>

#include "common/result.h"
#include "domain/request.h"

namespace taawun::store::sqlite {

std::string encode_request_document(const domain::Request& request);
// Fills the nested parts of `request` from `document`. Error when the document is corrupt.
Status decode_request_document(const std::string& document, domain::Request& request);

}  // namespace taawun::store::sqlite
