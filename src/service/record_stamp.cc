#include "service/record_stamp.h"

#include "common/ids.h"

namespace taawun::service {

domain::RecordMeta new_record_meta(std::string_view id_prefix, const RequestContext& context) {
  domain::RecordMeta meta;
  meta.id = new_id(id_prefix);
  meta.owner_country = context.actor.country;
  meta.owner_authority = context.actor.authority_id;
  meta.created_by = context.actor.user_id;
  meta.version = 1;
  meta.created_at = meta.updated_at = context.now;
  return meta;
}

}  // namespace taawun::service
