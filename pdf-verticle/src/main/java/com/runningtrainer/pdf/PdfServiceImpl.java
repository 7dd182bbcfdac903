package com.runningtrainer.pdf;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.pdf.branding.Brandings;
import com.runningtrainer.pdf.job.PdfJobRepository;
import com.runningtrainer.pdf.neighbour.Contacts;
import com.runningtrainer.pdf.neighbour.Trainer;
import com.runningtrainer.pdf.storage.PdfStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The service's methods, once the caller, the ids and the body are read. */
public final class PdfServiceImpl implements PdfService {

  static final List<String> TEMPLATES = List.of("weekly", "monthly", "log_sheet");
  static final List<String> PAPERS = List.of("A4", "letter");
  static final List<String> PARTS = List.of("charts", "statistics", "descriptions");
  private static final int MAX_IDEMPOTENCY_KEY = 200;

  private final Vertx vertx;
  private final PdfJobRepository jobs;
  private final Brandings brandings;
  private final Trainer trainer;
  private final Contacts contacts;
  private final PdfStorage storage;
  private final int retentionDays;

  public PdfServiceImpl(Vertx vertx, PdfJobRepository jobs, Brandings brandings, Trainer trainer, Contacts contacts,
      PdfStorage storage, int retentionDays) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.brandings = brandings;
    this.trainer = trainer;
    this.contacts = contacts;
    this.storage = storage;
    this.retentionDays = retentionDays;
  }

  @Override
  public Future<JsonObject> generate(String callerId, String planId, String athleteId, JsonObject options,
      String idempotencyKey) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      UUID plan = Inputs.uuid("id", planId);
      UUID athlete = athleteId == null ? null : Inputs.uuid("athlete_id", athleteId);
      JsonObject input = options == null ? new JsonObject() : options;
      String template = oneOf(input, "template", TEMPLATES, "weekly");
      String paper = oneOf(input, "paper", PAPERS, "A4");
      List<String> include = parts(input);
      boolean email = email(input);
      String key = idempotencyKey(idempotencyKey);
      var request = new PdfJobRepository.Request(caller, plan, athlete, template, paper, include, email, key);
      // The plan must be one the caller sees now (404 otherwise), and a mail needs a verified address.
      return trainer.printablePlan(callerId, planId, athleteId)
          .compose(seen -> email ? requireVerifiedEmail(callerId) : Future.succeededFuture())
          .compose(checked -> jobs.insert(request, retentionDays))
          .map(job -> {
            if (!job.getString("plan_id").equals(plan.toString())) {
              throw Failures.unprocessable("Idempotency-Key", "was used for another plan's PDF");
            }
            if (job.getBoolean("new", false)) {
              vertx.eventBus().publish(PdfEvents.QUEUED, new JsonObject().put("pdf_id", job.getString("pdf_id")));
            }
            return view(job);
          });
    });
  }

  private Future<Void> requireVerifiedEmail(String callerId) {
    return contacts.verifiedEmail(callerId).compose(email -> email != null
        ? Future.succeededFuture()
        : Future.failedFuture(Failures.unprocessable("email", "needs a verified email address: verify yours first")));
  }

  @Override
  public Future<JsonObject> planStatus(String callerId, String planId, String athleteId) {
    return Futures.defer(() -> {
      UUID plan = Inputs.uuid("id", planId);
      return jobs.ofPlan(Inputs.caller(callerId), plan)
          .compose(items -> items.isEmpty() ? readable(callerId, plan, athleteId).map(items) : Future.succeededFuture(items))
          .map(items -> {
            JsonArray views = new JsonArray();
            items.forEach(item -> views.add(view((JsonObject) item)));
            return new JsonObject().put("plan_id", plan.toString()).put("items", views);
          });
    });
  }

  // Only asked when the caller has no PDF of the plan: one they printed was theirs to read.
  private Future<Void> readable(String callerId, UUID plan, String athleteId) {
    return trainer.printablePlan(callerId, plan.toString(), athleteId).mapEmpty();
  }

  @Override
  public Future<JsonObject> listPdfs(String callerId, JsonObject query) {
    return Futures.defer(() -> jobs.page(Inputs.caller(callerId), Page.from(query)).map(page -> {
      JsonArray views = new JsonArray();
      page.getJsonArray("items").forEach(item -> views.add(view((JsonObject) item)));
      return page.put("items", views);
    }));
  }

  @Override
  public Future<Download> download(String callerId, String pdfId, String ifNoneMatch) {
    return Futures.defer(() -> jobs.find(Inputs.caller(callerId), Inputs.uuid("pdf_id", pdfId)).compose(pdf -> {
      if (pdf == null) {
        return Future.failedFuture(Failures.notFound("PDF"));
      }
      String status = pdf.getString("status");
      if (pdf.getBoolean("expired", false)) {
        return Future.failedFuture(new ServiceException(410, "This PDF has expired; generate it again"));
      }
      if ("failed".equals(status)) {
        return Future.failedFuture(Failures.notFound("PDF"));
      }
      if (!"ready".equals(status)) {
        return Future.failedFuture(Failures.conflict("This PDF is " + status + "; download it once its status is ready"));
      }
      String etag = "\"" + pdf.getString("sha256") + "\"";
      if (matches(ifNoneMatch, etag)) {
        return Future.succeededFuture(new Download(view(pdf), etag, pdf.getString("file_name"), null));
      }
      return storage.open(pdf.getString("storage_key"))
          .map(file -> new Download(view(pdf), etag, pdf.getString("file_name"), file));
    }));
  }

  @Override
  public Future<Void> deletePdf(String callerId, String pdfId) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      UUID id = Inputs.uuid("pdf_id", pdfId);
      return jobs.find(caller, id).compose(pdf -> {
        if (pdf == null) {
          return Future.failedFuture(Failures.notFound("PDF"));
        }
        String key = pdf.getString("storage_key");
        // The file first: a row is never left pointing at nothing it could still serve.
        Future<Void> fileGone = key == null ? Future.succeededFuture() : storage.delete(key);
        return fileGone.compose(gone -> jobs.delete(caller, id)).mapEmpty();
      });
    });
  }

  @Override
  public Future<JsonObject> branding(String callerId) {
    return Futures.defer(() -> brandings.find(Inputs.caller(callerId)));
  }

  @Override
  public Future<JsonObject> putBranding(String callerId, JsonObject branding) {
    return Futures.defer(() -> brandings.put(Inputs.caller(callerId), branding == null ? new JsonObject() : branding));
  }

  @Override
  public Future<JsonObject> putLogo(String callerId, Buffer image) {
    return Futures.defer(() -> brandings.putLogo(Inputs.caller(callerId), image));
  }

  @Override
  public Future<Void> deleteBranding(String callerId) {
    return Futures.defer(() -> brandings.delete(Inputs.caller(callerId)));
  }

  /** A PDF as the API shows it: what the caller may know, and where to find the file and the status. */
  static JsonObject view(JsonObject pdf) {
    JsonObject view = new JsonObject()
        .put("pdf_id", pdf.getString("pdf_id"))
        .put("plan_id", pdf.getString("plan_id"))
        .put("athlete_id", pdf.getString("athlete_id"))
        .put("status", pdf.getString("status"))
        .put("template", pdf.getString("template"))
        .put("paper", pdf.getString("paper"))
        .put("include", pdf.getJsonArray("include"))
        .put("email", pdf.getBoolean("email"))
        .put("pages", pdf.getInteger("pages"))
        .put("bytes", pdf.getLong("bytes"))
        .put("created_at", pdf.getString("created_at"))
        .put("ready_at", pdf.getString("ready_at"))
        .put("expires_at", pdf.getString("expires_at"))
        .put("download_url", downloadUrl(pdf.getString("pdf_id")))
        .put("status_url", "/api/v1/pdf/plans/" + pdf.getString("plan_id") + "/status");
    if ("failed".equals(pdf.getString("status")) && pdf.getJsonObject("error") != null) {
      view.put("error", pdf.getJsonObject("error"));
    }
    return view;
  }

  static String downloadUrl(String pdfId) {
    return "/api/v1/pdf/" + pdfId;
  }

  private static String oneOf(JsonObject input, String field, List<String> allowed, String absent) {
    Object value = input.getValue(field);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof String text) || !allowed.contains(text)) {
      throw Failures.invalid(field, "must be one of " + String.join(", ", allowed));
    }
    return text;
  }

  private static List<String> parts(JsonObject input) {
    Object value = input.getValue("include");
    if (value == null) {
      return PARTS;
    }
    if (!(value instanceof JsonArray array)) {
      throw Failures.invalid("include", "must be an array of " + String.join(", ", PARTS));
    }
    Set<String> parts = new LinkedHashSet<>();
    for (Object part : array) {
      if (!(part instanceof String text) || !PARTS.contains(text)) {
        throw Failures.invalid("include", "must hold only " + String.join(", ", PARTS));
      }
      parts.add(text);
    }
    return new ArrayList<>(parts);
  }

  private static boolean email(JsonObject input) {
    Object value = input.getValue("email");
    if (value != null && !(value instanceof Boolean)) {
      throw Failures.invalid("email", "must be true or false");
    }
    return Boolean.TRUE.equals(value);
  }

  private static String idempotencyKey(String key) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
      throw Failures.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
    }
    return key;
  }

  // The contract's validator may hand a header value over with its quotes already taken off.
  private static String unquoted(String tag) {
    return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
  }

  /** Whether {@code If-None-Match} names the entity tag (weakly compared, as RFC 9110 says for it), or is {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String candidate = tag.trim();
      if (candidate.equals("*")) {
        return true;
      }
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (unquoted(candidate).equals(unquoted(etag))) {
        return true;
      }
    }
    return false;
  }
}
