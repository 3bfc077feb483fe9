#include "service/proceeding_service.h"

#include "auth/policy.h"
#include "common/ids.h"
#include "service/audit_recorder.h"
#include "service/record_stamp.h"

namespace taawun::service {

namespace {

Result<domain::Proceeding> load_visible(store::Store& store, const RequestContext& context,
                                        std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto proceeding, store.find_proceeding(id));
  if (!proceeding) return Error::not_found();
  TAAWUN_TRY(auth::check_visible(context.actor, proceeding->meta));
  return std::move(*proceeding);
}

}  // namespace

Result<domain::Proceeding> create_proceeding(store::Store& store, const RequestContext& context,
                                             domain::Proceeding input) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_TRY(domain::validate(input));
  input.meta = new_record_meta("prc", context);
  TAAWUN_TRY(store.insert_proceeding(input));
  TAAWUN_TRY(record_audit(store, context, {"proceeding.create", "proceeding", input.meta.id}));
  return input;
}

Result<domain::Proceeding> read_proceeding(store::Store& store, const RequestContext& context,
                                           std::string_view id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_ASSIGN_OR_RETURN(auto proceeding, load_visible(store, context, id));
  TAAWUN_TRY(record_audit(store, context, {"proceeding.read", "proceeding", proceeding.meta.id}));
  return proceeding;
}

Result<domain::Proceeding> update_proceeding(store::Store& store, const RequestContext& context,
                                             std::string_view id, long long expected_version,
                                             const ProceedingChanges& changes) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto proceeding, load_visible(store, context, id));
  TAAWUN_TRY(domain::check_version(proceeding.meta, expected_version));
  TAAWUN_TRY(changes(proceeding));
  TAAWUN_TRY(domain::validate(proceeding));
  proceeding.meta.version += 1;
  proceeding.meta.updated_at = context.now;
  TAAWUN_TRY(store.update_proceeding(proceeding));
  TAAWUN_TRY(record_audit(store, context, {"proceeding.update", "proceeding", proceeding.meta.id}));
  return proceeding;
}

Status delete_proceeding(store::Store& store, const RequestContext& context, std::string_view id,
                         long long expected_version) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto proceeding, load_visible(store, context, id));
  TAAWUN_TRY(domain::check_version(proceeding.meta, expected_version));
  TAAWUN_ASSIGN_OR_RETURN(auto involvements,
                          store.list_involvements_of_proceeding(proceeding.meta.id));
  for (const auto& involvement : involvements) {
    TAAWUN_TRY(
        record_audit(store, context, {"involvement.delete", "involvement", involvement.meta.id}));
  }
  TAAWUN_TRY(store.delete_proceeding(proceeding.meta.id));
  return record_audit(store, context, {"proceeding.delete", "proceeding", proceeding.meta.id});
}

Result<store::Page<domain::Proceeding>> list_proceedings(store::Store& store,
                                                         const RequestContext& context,
                                                         store::PageRequest page,
                                                         const store::ProceedingFilter& filter) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  page.country = context.actor.country;
  TAAWUN_ASSIGN_OR_RETURN(auto result, store.list_proceedings(page, filter));
  for (const auto& proceeding : result.items) {
    TAAWUN_TRY(record_audit(store, context, {"proceeding.read", "proceeding", proceeding.meta.id}));
  }
  return result;
}

}  // namespace taawun::service
