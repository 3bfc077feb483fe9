#pragma once

// JSON of a link as the caller's country may see it (service::LinkView): before the counterpart
// consents, only that a possible link exists and which authority to contact.

#include <nlohmann/json.hpp>

#include "service/link_service.h"

namespace taawun::api::json {

nlohmann::json link_to_json(const service::LinkView& view);

// A score's explanation: [{feature, outcome, weight, detail}], as links and search hits give it.
nlohmann::json explanation_to_json(const std::vector<domain::LinkFeature>& features);

}  // namespace taawun::api::json
