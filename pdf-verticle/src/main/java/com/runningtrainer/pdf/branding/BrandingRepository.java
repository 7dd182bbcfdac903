package com.runningtrainer.pdf.branding;

import com.runningtrainer.common.db.Rows;
import com.runningtrainer.pdf.render.Branding;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL of brandings: one row per user, theirs alone. */
public final class BrandingRepository {

  private static final String COLUMNS = "title, primary_color, accent_color, footer, logo_format, logo_width, "
      + "logo_height, octet_length(logo) AS logo_bytes, updated_at";

  private static final String FIND = "SELECT " + COLUMNS + " FROM brandings WHERE owner_id = $1";

  private static final String FOR_PRINT = "SELECT title, primary_color, accent_color, footer, logo FROM brandings "
      + "WHERE owner_id = $1";

  private static final String PUT = "INSERT INTO brandings (owner_id, title, primary_color, accent_color, footer) "
      + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner_id) DO UPDATE SET title = $2, primary_color = $3, "
      + "accent_color = $4, footer = $5, updated_at = now() RETURNING " + COLUMNS;

  private static final String PUT_LOGO = "INSERT INTO brandings (owner_id, logo, logo_format, logo_width, logo_height) "
      + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner_id) DO UPDATE SET logo = $2, logo_format = $3, "
      + "logo_width = $4, logo_height = $5, updated_at = now() RETURNING " + COLUMNS;

  private static final String DELETE = "DELETE FROM brandings WHERE owner_id = $1";

  private final Pool pool;

  public BrandingRepository(Pool pool) {
    this.pool = pool;
  }

  /** The user's branding; null when they set none. */
  public Future<JsonObject> find(UUID owner) {
    return pool.preparedQuery(FIND).execute(Tuple.of(owner)).map(rows -> Rows.first(rows, BrandingRepository::toJson));
  }

  /** The user's branding as the renderer takes it; {@link Branding#NONE} when they set none. */
  public Future<Branding> forPrint(UUID owner) {
    return pool.preparedQuery(FOR_PRINT).execute(Tuple.of(owner)).map(rows -> {
      Branding branding = Rows.first(rows, row -> new Branding(row.getString("title"), row.getString("primary_color"),
          row.getString("accent_color"), row.getString("footer"),
          row.getBuffer("logo") == null ? null : row.getBuffer("logo").getBytes()));
      return branding == null ? Branding.NONE : branding;
    });
  }

  public Future<JsonObject> put(UUID owner, String title, String primaryColor, String accentColor, String footer) {
    return pool.preparedQuery(PUT).execute(Tuple.of(owner, title, primaryColor, accentColor, footer))
        .map(rows -> Rows.first(rows, BrandingRepository::toJson));
  }

  public Future<JsonObject> putLogo(UUID owner, Buffer logo, String format, int width, int height) {
    return pool.preparedQuery(PUT_LOGO).execute(Tuple.of(owner, logo, format, width, height))
        .map(rows -> Rows.first(rows, BrandingRepository::toJson));
  }

  public Future<Void> delete(UUID owner) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(owner)).mapEmpty();
  }

  static JsonObject toJson(Row row) {
    String format = row.getString("logo_format");
    return new JsonObject()
        .put("title", row.getString("title"))
        .put("primary_color", row.getString("primary_color"))
        .put("accent_color", row.getString("accent_color"))
        .put("footer", row.getString("footer"))
        .put("logo", format == null ? null : new JsonObject().put("format", format)
            .put("width", row.getInteger("logo_width")).put("height", row.getInteger("logo_height"))
            .put("bytes", row.getInteger("logo_bytes")))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
