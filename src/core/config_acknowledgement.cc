// Reading [acknowledgement] (see config_acknowledgement.h): types and ranges.
#include "core/config.h"
#include "core/config_reader.h"

namespace svar::config_internal {

Status ReadAcknowledgement(const toml::table& root, const std::string& source, Config& c) {
  const toml::table* t = nullptr;
  SVAR_TRY(SectionTable(root, "acknowledgement", source, &t));
  if (!t) return Ok();
  AcknowledgementConfig& a = c.acknowledgement;
  Reader r(*t, "acknowledgement.", source);
  SVAR_TRY(r.Unknown({"enabled", "max_per_sender_per_day", "links", "max_age_hours", "time_zone",
                      "never_to"}));
  SVAR_TRY(r.Bool("enabled", a.enabled));
  SVAR_TRY(r.Int("max_per_sender_per_day", a.max_per_sender_per_day, 1, 100));
  SVAR_TRY(r.Int("links", a.links, 0, 3));
  SVAR_TRY(r.Int("max_age_hours", a.max_age_hours, 1, 24 * 30));
  SVAR_TRY(r.Str("time_zone", a.time_zone));
  SVAR_TRY(r.StrList("never_to", a.never_to));
  return Ok();
}

}  // namespace svar::config_internal
