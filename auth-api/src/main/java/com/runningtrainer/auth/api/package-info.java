/** What other services may know of auth: who people are, what auth publishes, its operator commands. */
@ModuleGen(name = "auth-api", groupPackage = "com.runningtrainer.auth.api")
package com.runningtrainer.auth.api;

import io.vertx.codegen.annotations.ModuleGen;
