#pragma once

// JSON mapping of requests (DESIGN.md §8 request shape) and of the desk's views. Reading is strict
// and touches only keys present (creation and PATCH alike); server-set fields are refused.

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/notification.h"
#include "domain/request.h"
#include "domain/request_attachment.h"
#include "service/request_service.h"

namespace taawun::api::json {

Status read_request(const nlohmann::json& body, domain::Request& request);
// `viewer_country` is the reader's country: next_states lists only the steps its side may take.
nlohmann::json request_to_json(const domain::Request& request, std::string_view viewer_country);
nlohmann::json desk_to_json(const service::Desk& desk);
nlohmann::json statistics_to_json(const service::RequestStatistics& statistics);
nlohmann::json notification_to_json(const domain::Notification& notification);
nlohmann::json attachment_to_json(const domain::RequestAttachment& attachment);

}  // namespace taawun::api::json
