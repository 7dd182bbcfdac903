package com.runningtrainer.pdf.storage;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.breaker.Breakers;
import com.runningtrainer.common.config.Config;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.serviceproxy.ServiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDFs kept in an S3 bucket (AWS, or any store that speaks its API), over Vert.x's HTTP client
 * and signed with {@link AwsSigV4}. Bodies are streamed both ways, never held in memory.
 *
 * <p>Every call goes through the circuit breaker {@code s3}, bounded by {@code S3_TIMEOUT_MS}. A
 * store that cannot be reached, does not answer in time or fails (5xx) is a 503 for the caller to
 * retry; after {@link #MAX_FAILURES} such outages the breaker opens and calls fail at once for
 * {@link #RESET_MS}. A store that refuses a request (bad credentials, a bucket of someone else's)
 * is a 502 naming its reason, and does not count as an outage.
 */
public final class S3Storage implements PdfStorage {

  static final int MAX_FAILURES = 5;
  static final long RESET_MS = 30_000;
  /** What a caller is told to wait after one failed call, while the breaker is still closed. */
  private static final long RETRY_AFTER_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

  private final Vertx vertx;
  private final S3Settings settings;
  private final AwsSigV4 signer;
  private final HttpClient client;
  private final CircuitBreaker breaker;

  S3Storage(Vertx vertx, S3Settings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.signer = new AwsSigV4(settings.accessKey(), settings.secretKey(), settings.region(), "s3");
    this.client = vertx.createHttpClient(new HttpClientOptions()
        .setConnectTimeout((int) settings.timeoutMs())
        .setIdleTimeout((int) settings.timeoutMs())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    this.breaker = Breakers.shared(vertx, "s3", new CircuitBreakerOptions()
            .setTimeout(settings.timeoutMs()).setMaxFailures(MAX_FAILURES).setResetTimeout(RESET_MS))
        .failurePolicy(result -> result.failed() && !isRefusal(result.cause()));
  }

  /**
   * The storage of {@code S3_*} settings, once its bucket exists (made if missing).
   *
   * @return a failed future when the settings are incomplete ({@link IllegalArgumentException}),
   *     or when the bucket cannot be made or reached ({@link ServiceException} 502 or 503)
   */
  public static Future<S3Storage> create(Vertx vertx, Config config) {
    return Futures.attempt(() -> new S3Storage(vertx, S3Settings.from(config)))
        .compose(storage -> storage.ensureBucket()
            .map(storage)
            .recover(failure -> storage.close().transform(closed -> Future.failedFuture(failure))));
  }

  /** Makes the bucket, unless this account already has it. */
  Future<Void> ensureBucket() {
    Buffer body = settings.region().equals(S3Settings.DEFAULT_REGION) ? Buffer.buffer()
        : Buffer.buffer("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<LocationConstraint>" + settings.region() + "</LocationConstraint></CreateBucketConfiguration>");
    return call("create bucket " + settings.bucket(), () -> send(HttpMethod.PUT, "", body, (response, answer) -> {
      if (response.statusCode() == 200) {
        LOG.info("S3 bucket {} ready", settings.bucket());
        return Future.succeededFuture();
      }
      S3Refusal refusal = refusal(response, answer);
      return "BucketAlreadyOwnedByYou".equals(refusal.code) ? Future.succeededFuture() : Future.failedFuture(refusal);
    }));
  }

  @Override
  public Future<Void> put(String key, Path file) {
    // The file is opened outside the breaker: a local failure says nothing of the store.
    return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true))
        .compose(content -> content.size()
            .compose(length -> call("put " + key, () -> upload(key, content, length)))
            .eventually(content::close));
  }

  private Future<Void> upload(String key, AsyncFile content, long length) {
    RequestOptions options = signed(HttpMethod.PUT, key, AwsSigV4.UNSIGNED_PAYLOAD)
        .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(length))
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/pdf");
    return client.request(options)
        .compose(request -> read(request.send(content), (response, answer) -> response.statusCode() == 200
            ? Future.<Void>succeededFuture()
            : Future.failedFuture(refusal(response, answer))));
  }

  @Override
  public Future<StoredFile> open(String key) {
    return call("get " + key, () -> client.request(signed(HttpMethod.GET, key, AwsSigV4.EMPTY_PAYLOAD))
        .compose(request -> request.send().compose(response -> {
          if (response.statusCode() != 200) {
            return response.body().compose(answer -> Future.failedFuture(refusal(response, answer)));
          }
          // Paused until the caller pipes it; its idle timeout still ends a store that stalls.
          response.pause();
          String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
          if (length == null) {
            response.request().reset();
            return Future.failedFuture(new S3Refusal(502, "", "no Content-Length in the answer"));
          }
          return Future.succeededFuture(new StoredFile(Long.parseLong(length), response));
        })));
  }

  @Override
  public Future<Void> delete(String key) {
    return call("delete " + key, () -> send(HttpMethod.DELETE, key, Buffer.buffer(), (response, answer) ->
        response.statusCode() == 204 || response.statusCode() == 200 || response.statusCode() == 404
            ? Future.<Void>succeededFuture()
            : Future.failedFuture(refusal(response, answer))));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }

  private <T> Future<T> send(HttpMethod method, String key, Buffer body,
      BiFunction<HttpClientResponse, Buffer, Future<T>> then) {
    RequestOptions options = signed(method, key, AwsSigV4.sha256Hex(body.getBytes()));
    return client.request(options).compose(request -> read(request.send(body), then));
  }

  /**
   * The whole answer to a request just sent, given to {@code then}. Called in the callback of the
   * request's future, so the body is asked for in the callback of the answer's own: asked for in a
   * callback of a future composed on another context, the answer could end before it is asked for.
   */
  private static <T> Future<T> read(Future<HttpClientResponse> sent,
      BiFunction<HttpClientResponse, Buffer, Future<T>> then) {
    return sent.compose(response -> response.body().compose(answer -> then.apply(response, answer)));
  }

  private RequestOptions signed(HttpMethod method, String key, String payloadHash) {
    String path = settings.path(key);
    Map<String, String> signature = signer.sign(method.name(), path, Map.of(), Map.of("host", settings.authority()),
        payloadHash, Instant.now());
    RequestOptions options = new RequestOptions()
        .setMethod(method)
        .setHost(settings.host())
        .setPort(settings.port())
        .setSsl(settings.ssl())
        .setURI(path)
        .setIdleTimeout(settings.timeoutMs());
    signature.forEach(options::putHeader);
    return options;
  }

  /**
   * The call through the breaker; its failures as the caller should see them: a missing key a
   * 404, the store's other refusals a 502, anything else a 503.
   */
  private <T> Future<T> call(String what, Callable<Future<T>> call) {
    return breaker.<T>execute(() -> Futures.defer(call)).recover(failure -> {
      if (isMissingKey(failure)) {
        return Future.failedFuture(Failures.notFound("stored PDF"));
      }
      if (isRefusal(failure)) {
        LOG.warn("S3 refused to {}: {}", what, failure.getMessage());
        return Future.failedFuture(new ServiceException(502, "the PDF store refused the request: " + failure.getMessage()));
      }
      if (failure instanceof OpenCircuitException) {
        // Breakers logged the opening; each call refused meanwhile is not news.
        return Future.failedFuture(Failures.unavailable("the PDF store is unavailable; try again shortly",
            TimeUnit.MILLISECONDS.toSeconds(RESET_MS)));
      }
      LOG.warn("S3 could not {}: {}", what, failure.toString());
      return Future.failedFuture(Failures.unavailable("the PDF store is unavailable; try again shortly", RETRY_AFTER_SECONDS));
    });
  }

  private static boolean isRefusal(Throwable failure) {
    return failure instanceof S3Refusal refusal && refusal.status < 500;
  }

  private static boolean isMissingKey(Throwable failure) {
    return failure instanceof S3Refusal refusal && refusal.status == 404 && !refusal.code.equals("NoSuchBucket");
  }

  private static S3Refusal refusal(HttpClientResponse response, Buffer answer) {
    String text = answer.toString(StandardCharsets.UTF_8);
    return new S3Refusal(response.statusCode(), find(ERROR_CODE, text), find(ERROR_MESSAGE, text));
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** The store's answer to a request it did not carry out: its status and S3's error code. */
  private static final class S3Refusal extends RuntimeException {

    private final int status;
    private final String code;

    S3Refusal(int status, String code, String message) {
      super(status + " " + code + (message.isEmpty() ? "" : " (" + message + ")"), null, false, false);
      this.status = status;
      this.code = code;
    }
  }
}
