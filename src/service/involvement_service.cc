#include "service/involvement_service.h"

#include "auth/policy.h"
#include "common/ids.h"
#include "domain/validation.h"
#include "domain/vocabulary.h"
#include "service/audit_recorder.h"
#include "service/record_stamp.h"

namespace taawun::service {

namespace {

Status check_proceeding_visible(store::Store& store, const RequestContext& context,
                                std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto proceeding, store.find_proceeding(id));
  if (!proceeding) return Error::not_found();
  return auth::check_visible(context.actor, proceeding->meta);
}

Status check_person_visible(store::Store& store, const RequestContext& context,
                            std::string_view id) {
  TAAWUN_ASSIGN_OR_RETURN(auto person, store.find_person(id));
  if (!person) return Error::not_found();
  return auth::check_visible(context.actor, person->meta);
}

Status audit_each(store::Store& store, const RequestContext& context,
                  const std::vector<domain::Involvement>& involvements) {
  for (const auto& involvement : involvements) {
    TAAWUN_TRY(
        record_audit(store, context, {"involvement.read", "involvement", involvement.meta.id}));
  }
  return {};
}

}  // namespace

Result<domain::Involvement> add_involvement(store::Store& store, const RequestContext& context,
                                            std::string_view proceeding_id,
                                            std::string_view person_id, std::string_view role) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_TRY(check_proceeding_visible(store, context, proceeding_id));
  TAAWUN_TRY(domain::check_required("person_id", person_id));
  TAAWUN_TRY(domain::check_code("role", role, domain::vocabulary::kInvolvementRoles));
  if (Status person = check_person_visible(store, context, person_id); !person.ok()) {
    // The proceeding exists for the caller; the person does not: say which field is wrong.
    return Error::invalid("validation.invalid_value", "No such person.", "person_id");
  }
  domain::Involvement involvement;
  involvement.meta = new_record_meta("inv", context);
  involvement.proceeding_id = proceeding_id;
  involvement.person_id = person_id;
  involvement.role = role;
  TAAWUN_TRY(store.insert_involvement(involvement));
  TAAWUN_TRY(
      record_audit(store, context, {"involvement.create", "involvement", involvement.meta.id}));
  return involvement;
}

Result<std::vector<domain::Involvement>> involvements_of_proceeding(
    store::Store& store, const RequestContext& context, std::string_view proceeding_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_TRY(check_proceeding_visible(store, context, proceeding_id));
  TAAWUN_ASSIGN_OR_RETURN(auto involvements, store.list_involvements_of_proceeding(proceeding_id));
  TAAWUN_TRY(audit_each(store, context, involvements));
  return involvements;
}

Result<std::vector<domain::Involvement>> involvements_of_person(store::Store& store,
                                                                const RequestContext& context,
                                                                std::string_view person_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kReadRegister));
  TAAWUN_TRY(require_purpose(context));
  TAAWUN_TRY(check_person_visible(store, context, person_id));
  TAAWUN_ASSIGN_OR_RETURN(auto involvements, store.list_involvements_of_person(person_id));
  TAAWUN_TRY(audit_each(store, context, involvements));
  return involvements;
}

Status remove_involvement(store::Store& store, const RequestContext& context,
                          std::string_view proceeding_id, std::string_view involvement_id) {
  TAAWUN_TRY(auth::authorize(context.actor, auth::Action::kWriteRegister));
  TAAWUN_ASSIGN_OR_RETURN(auto involvement, store.find_involvement(involvement_id));
  if (!involvement || involvement->proceeding_id != proceeding_id) return Error::not_found();
  TAAWUN_TRY(auth::check_visible(context.actor, involvement->meta));
  TAAWUN_TRY(store.delete_involvement(involvement->meta.id));
  return record_audit(store, context, {"involvement.delete", "involvement", involvement->meta.id});
}

}  // namespace taawun::service
