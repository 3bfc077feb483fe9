#pragma once

// JSON mapping of the register's resources (DESIGN.md §8 shapes). Reading is strict (see
// object_reader.h) and only touches keys present, so it applies a creation body onto defaults and a
// PATCH body onto the current record alike.

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/involvement.h"
#include "domain/person.h"
#include "domain/proceeding.h"

namespace taawun::api::json {

Status read_person(const nlohmann::json& body, domain::Person& person);
nlohmann::json person_to_json(const domain::Person& person);

Status read_proceeding(const nlohmann::json& body, domain::Proceeding& proceeding);
nlohmann::json proceeding_to_json(const domain::Proceeding& proceeding);

nlohmann::json involvement_to_json(const domain::Involvement& involvement);

}  // namespace taawun::api::json
