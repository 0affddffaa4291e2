#include "emit/registry.h"

#include "emit/env/env_emitter.h"
#include "emit/hono/hono_emitter.h"
#include "emit/mcp/mcp_emitter.h"
#include "emit/openapi_bundle/openapi_bundle_emitter.h"
#include "emit/plan/plan_emitter.h"
#include "emit/postman/postman_emitter.h"
#include "emit/zod/zod_emitter.h"

namespace specc::emit {

const std::vector<EmitterInfo>& Emitters() {
  static const std::vector<EmitterInfo>* const kEmitters = new std::vector<EmitterInfo>{
      {"zod", "schemas", "Zod 4 schemas for every component and inline parameter/body schema", "",
       &NewZodEmitter},
      {"hono", "routes", "Hono route modules per tag, validated with @hono/zod-validator", "schemas",
       &NewHonoEmitter},
      {"mcp", "mcp", "Model Context Protocol tool descriptors, one per operation", "", &NewMcpEmitter},
      {"openapi-bundle", "openapi", "the normalised single-file OpenAPI document per service", "",
       &NewOpenApiBundleEmitter},
      {"postman", "postman", "Postman collections (base and per environment) and environments", "",
       &NewPostmanEmitter, /*per_api=*/true, /*starts_first=*/true},
      {"env", "env", "the env contract, .env.example and the secrets overview (FR-023)", "",
       &NewEnvEmitter, /*per_api=*/false},
      {"plan", "plan", "the provisioning plan: plan.json and PROVISIONING.md", "", &NewPlanEmitter,
       /*per_api=*/false},
  };
  return *kEmitters;
}

const EmitterInfo* FindEmitter(std::string_view kind_or_id) {
  for (const EmitterInfo& info : Emitters()) {
    if (info.kind == kind_or_id || info.id == kind_or_id) return &info;
  }
  return nullptr;
}

}  // namespace specc::emit
