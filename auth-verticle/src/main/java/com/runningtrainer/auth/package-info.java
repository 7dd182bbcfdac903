/** The auth service: users, credentials and access tokens. */
@ModuleGen(name = "auth", groupPackage = "com.runningtrainer.auth")
package com.runningtrainer.auth;

import io.vertx.codegen.annotations.ModuleGen;
