package com.runningtrainer.pdf.job;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One PDF job as a worker holds it once taken.
 *
 * @param attempt the try this is (1 on); only this try may finish the job (the lease's fence)
 * @param traceparent the trace of the request that queued it; null when it was queued outside one
 */
public record Job(UUID id, UUID ownerId, UUID planId, UUID athleteId, String template, String paper,
    List<String> include, boolean email, int attempt, String fileName, OffsetDateTime createdAt, String traceparent) {

  static Job of(Row row) {
    String[] include = row.getArrayOfStrings("include");
    return new Job(row.getUUID("id"), row.getUUID("owner_id"), row.getUUID("plan_id"), row.getUUID("athlete_id"),
        row.getString("template"), row.getString("paper"), include == null ? List.of() : Arrays.asList(include),
        row.getBoolean("email"), row.getInteger("attempts"), row.getString("file_name"),
        row.getOffsetDateTime("created_at"), row.getString("traceparent"));
  }

  /** What the {@code pdf.status} event says of the job beside its status. */
  JsonObject event(String status) {
    return new JsonObject().put("pdf_id", id.toString()).put("owner_id", ownerId.toString())
        .put("plan_id", planId.toString()).put("status", status).put("attempt", attempt);
  }

  /** Where the file is stored: a name of the service's own. */
  public String storageKey() {
    return id + ".pdf";
  }
}
