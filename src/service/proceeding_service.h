#pragma once

// Use cases on proceedings: the same contract as person_service.h.

#include <functional>
#include <string_view>

#include "common/result.h"
#include "domain/proceeding.h"
#include "service/request_context.h"
#include "store/store.h"

namespace taawun::service {

using ProceedingChanges = std::function<Status(domain::Proceeding&)>;

Result<domain::Proceeding> create_proceeding(store::Store& store, const RequestContext& context,
                                             domain::Proceeding input);
Result<domain::Proceeding> read_proceeding(store::Store& store, const RequestContext& context,
                                           std::string_view id);
Result<domain::Proceeding> update_proceeding(store::Store& store, const RequestContext& context,
                                             std::string_view id, long long expected_version,
                                             const ProceedingChanges& changes);
// Deletes the proceeding and its involvements.
Status delete_proceeding(store::Store& store, const RequestContext& context, std::string_view id,
                         long long expected_version);
// The actor's country's proceedings, optionally filtered by reference substring and stage.
Result<store::Page<domain::Proceeding>> list_proceedings(
    store::Store& store, const RequestContext& context, store::PageRequest page,
    const store::ProceedingFilter& filter = {});

}  // namespace taawun::service
