package com.runningtrainer.trainer.athlete;

import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Athletes' training settings: read by the athlete and by a coach they share with, changed by the
 * athlete alone (they describe the athlete's body and calendar, not the plan a coach writes).
 */
public final class Athletes {

  private final AthleteSettingsRepository settings;
  private final Access access;

  public Athletes(AthleteSettingsRepository settings, Access access) {
    this.settings = settings;
    this.access = access;
  }

  /** @param athlete whose settings: a sharing athlete's, or the caller's when null */
  public Future<JsonObject> get(UUID caller, UUID athlete) {
    return access.reader(caller, athlete)
        .compose(owner -> settings.find(caller, owner).map(stored -> stored.toJson(owner)));
  }

  public Future<JsonObject> put(UUID caller, AthleteSettings changed) {
    return settings.save(caller, changed).map(stored -> stored.toJson(caller));
  }

  /**
   * The settings every figure of the owner's training is computed with, once the caller is known
   * to read the owner's data; the defaults when none are set.
   */
  public Future<AthleteSettings> of(UUID caller, UUID owner) {
    return settings.find(caller, owner).map(AthleteSettingsRepository.Stored::settings);
  }
}
