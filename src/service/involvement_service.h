#pragma once

// A person's involvement in a proceeding. Both must be visible to the actor; otherwise the call
// answers not_found exactly as for a missing id.

#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/involvement.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

Result<domain::Involvement> add_involvement(store::Store& store, const RequestContext& context,
                                            std::string_view proceeding_id,
                                            std::string_view person_id, std::string_view role);
Result<std::vector<domain::Involvement>> involvements_of_proceeding(store::Store& store,
                                                                    const RequestContext& context,
                                                                    std::string_view proceeding_id);
Result<std::vector<domain::Involvement>> involvements_of_person(store::Store& store,
                                                                const RequestContext& context,
                                                                std::string_view person_id);
// Removes the involvement `involvement_id` of proceeding `proceeding_id`.
Status remove_involvement(store::Store& store, const RequestContext& context,
                          std::string_view proceeding_id, std::string_view involvement_id);

}  // namespace taawun::service
