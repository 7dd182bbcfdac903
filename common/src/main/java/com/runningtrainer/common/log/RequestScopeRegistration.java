package com.runningtrainer.common.log;

import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * Registers {@link RequestScope}'s context local while each Vert.x instance is built, before
 * the instance fixes its list of locals: a local registered later is refused when used. Listed
 * in {@code META-INF/services/io.vertx.core.spi.VertxServiceProvider}; loading the class is
 * what registers the local.
 */
public final class RequestScopeRegistration implements VertxServiceProvider {

  static final ContextLocal<String> REQUEST_ID = ContextLocal.registerLocal(String.class);

  @Override
  public void init(VertxBootstrap bootstrap) {
  }
}
