package com.runningtrainer.common.api;

import io.vertx.core.Future;

/** The handler of one contract operation; it never sees HTTP. */
@FunctionalInterface
public interface ApiHandler {

  Future<ApiResponse> handle(ApiRequest request);
}
